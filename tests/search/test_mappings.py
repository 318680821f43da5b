from search import conf, mappings
from search.client import get_client


def test_analysis_without_analysis_common_uses_only_core_filters():
    analysis = mappings.analysis_settings(full_analysis=False)
    core_filters = {"lowercase", "dsp_shingle", *(f"dsp_stop_{code}" for code in mappings.STEMMED_LANGUAGES)}
    for analyzer in analysis["analyzer"].values():
        assert analyzer["type"] == "custom"
        assert analyzer["tokenizer"] == "standard"
        assert set(analyzer["filter"]) <= core_filters


def test_analysis_with_analysis_common_uses_language_analyzers():
    analyzers = mappings.analysis_settings(full_analysis=True)["analyzer"]
    assert analyzers["dsp_text_en"] == {"type": "english"}
    assert analyzers["dsp_text_ru"] == {"type": "russian"}
    assert analyzers["dsp_text_fr"] == {"type": "french"}
    assert analyzers["dsp_text_id"] == {"type": "indonesian"}
    assert "asciifolding" in analyzers["dsp_text"]["filter"]


def test_mapping_has_every_field_of_the_brief():
    properties = mappings.index_body(full_analysis=False)["mappings"]["properties"]
    for name in (
        "title",
        "summary",
        "body",
        "attachment",
        "kind",
        "countries",
        "themes",
        "keywords",
        "organisations",
        "date",
        "year",
        "locale",
        "translation_key",
        "url",
        "audience",
        "page_id",
        "doc_id",
        "suggest",
    ):
        assert name in properties
    # One field per stemmed language, filled only for items written in it.
    for code in ("en", "ru", "fr", "id"):
        assert properties[f"title_{code}"]["analyzer"] == f"dsp_text_{code}"
    assert "fields" not in properties["title"]
    assert properties["body"]["index_options"] == "offsets"
    assert properties["kind"]["type"] == "keyword"
    assert mappings.index_body(full_analysis=False)["mappings"]["dynamic"] == "strict"


def test_ensure_index_creates_alias_once(es):
    client = get_client()
    first = mappings.ensure_index(client)
    assert first.startswith(f"{conf.alias_name()}-")
    assert mappings.ensure_index(client) == first
    assert mappings.indices_behind_alias(client, conf.alias_name()) == [first]
    tokens = client.indices.analyze(index=conf.alias_name(), analyzer="dsp_shingle", text="Sunflower Centre model")
    assert "sunflower centre" in [token["token"] for token in tokens["tokens"]]
