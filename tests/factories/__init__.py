"""Builders for test content. Pages are built with real tree operations and published."""

import datetime
import itertools

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, PageViewRestriction, Site

import factory

from events.models import EventIndexPage, EventPage
from knowledge.models import KnowledgeDocument, KnowledgeIndexPage, PolicyBriefPage, PolicyToolPage, PracticeNotePage
from portal.core.models import Country, Organisation, Person, Theme
from portal.site.models import CountryIndexPage, CountryPage, HomePage

_serial = itertools.count(1)


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("iso_code", "locale")

    iso_code = "KZ"
    name = "Kazakhstan"
    region = "central-asia"
    locale = factory.LazyFunction(Locale.get_default)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug", "locale")

    slug = "police-response"
    name = "Police response"
    locale = factory.LazyFunction(Locale.get_default)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug", "locale")

    slug = "uspc"
    name = "UNDP Seoul Policy Centre"
    acronym = "USPC"
    kind = "un"
    locale = factory.LazyFunction(Locale.get_default)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Speaker {n}")
    locale = factory.LazyFunction(Locale.get_default)


def publish_child(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def build_site() -> dict:
    """A home page with its three sections, served as the default site."""
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()  # Wagtail's welcome page, and its site with it
    home = publish_child(root, HomePage(title="DSP Knowledge Exchange", slug="home"))
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return {
        "home": home,
        "countries": publish_child(home, CountryIndexPage(title="Countries", slug="countries")),
        "knowledge": publish_child(home, KnowledgeIndexPage(title="Knowledge", slug="knowledge")),
        "events": publish_child(home, EventIndexPage(title="Events", slug="events")),
    }


def make_country_page(parent, country, **kwargs) -> CountryPage:
    defaults = {
        "title": country.name,
        "slug": country.iso_code.lower(),
        "summary": f"Profile of {country.name}.",
        "partnership_status": "active",
    }
    return publish_child(parent, CountryPage(country=country, **{**defaults, **kwargs}))


def make_knowledge(parent, model=PolicyBriefPage, *, countries=(), themes=(), **kwargs):
    fields = {"title": "Funding a one-stop centre", "summary": "How the centres are paid for."}
    if model is PracticeNotePage:
        fields.update(context="<p>Context.</p>", service_description="<p>Service.</p>")
    if model is PolicyToolPage:
        fields.update(tool_kind="curriculum", intended_users="Police officers")
    fields.update(kwargs)
    fields.setdefault("slug", f"{slugify(fields['title'])}-{next(_serial)}")
    page = model(**fields)
    parent.add_child(instance=page)
    page.countries.set(countries)
    page.themes.set(themes)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_event(parent, *, countries=(), **kwargs) -> EventPage:
    start = kwargs.pop("start", timezone.now() - datetime.timedelta(days=30))
    fields = {
        "title": "Webinar with Albania",
        "event_type": "webinar",
        "summary": "Sharing the Sunflower model.",
        "start": start,
        "end": start + datetime.timedelta(hours=2),
        "is_online": True,
        "time_zone": "Europe/Tirane",
    }
    fields.update(kwargs)
    fields.setdefault("slug", f"{slugify(fields['title'])}-{next(_serial)}")
    page = EventPage(**fields)
    parent.add_child(instance=page)
    page.countries.set(countries)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def restrict_to_group(page: Page, group) -> PageViewRestriction:
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([group])
    return restriction


def make_collection_for_group(group, *, name="Partner-only") -> Collection:
    """A collection below the root whose documents only `group` may see."""
    collection = Collection.get_first_root_node().add_child(name=name)
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([group])
    return collection


def make_document(
    title, *, countries=(), themes=(), date=datetime.date(2024, 1, 1), collection=None
) -> KnowledgeDocument:
    """A reviewed document with a small PDF, in `collection` (the root by default)."""
    document = KnowledgeDocument(
        title=title, collection=collection or Collection.get_first_root_node(), publication_date=date
    )
    document.file.save(f"doc-{next(_serial)}.pdf", ContentFile(b"%PDF-1.4 -"), save=False)
    document.save()
    document.countries.set(countries)
    document.themes.set(themes)
    return document
