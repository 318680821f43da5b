"""The demo's search thesaurus: loaded once, left as editors keep it, and found by readers."""

from portal.site.demo.files import data_read
from portal.site.demo.tally import Tally
from search.demo import DATA_FILE, demo_thesaurus_ensure
from search.models import Synonym
from search.synonyms import expand


def test_the_demo_thesaurus_is_loaded_once_and_leaves_existing_groups_alone(db):
    Synonym.objects.all().delete()
    edited = Synonym.objects.create(terms="GBV\nviolence fondée sur le genre", note="An editor's own group")
    groups = data_read(DATA_FILE)
    first = Tally()
    demo_thesaurus_ensure(first)
    assert first.counts()["kinds"]["thesaurus groups"] == {"created": len(groups) - 1, "present": 1}
    edited.refresh_from_db()
    assert edited.terms == "GBV\nviolence fondée sur le genre"

    second = Tally()
    demo_thesaurus_ensure(second)
    assert second.counts()["kinds"]["thesaurus groups"] == {"created": 0, "present": len(groups)}
    assert Synonym.objects.count() == len(groups)


def test_the_demo_thesaurus_groups_terms_a_gbv_policy_reader_uses(db):
    Synonym.objects.all().delete()
    demo_thesaurus_ensure(Tally())
    assert "sunflower centre" in expand("центре «Подсолнух»")
    assert "해바라기센터" in expand("Sunflower Centre")
    assert "crisis centre" in expand("кризисных центрах")
    assert "survivor" in expand("пострадавшей")
    assert "study mission" in expand("учебной поездке")
    assert "webinar" in expand("웨비나에서")
