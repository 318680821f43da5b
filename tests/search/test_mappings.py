from search import analysis, conf, mappings
from search.client import get_client

PLUGIN = analysis.NodeAnalysis(analysis.PLUGIN, analysis.PLUGIN, russian_lemmas=True)
BARE = analysis.NodeAnalysis(analysis.CORE, analysis.CORE)


def test_a_bare_node_gets_only_core_filters():
    block = mappings.analysis_settings(BARE)
    core_filters = {"lowercase", "dsp_shingle", *(f"dsp_stop_{code}" for code in analysis.LANGUAGE_ANALYZERS)}
    for analyzer in block["analyzer"].values():
        assert analyzer["type"] == "custom"
        assert analyzer["tokenizer"] == "standard"
        assert set(analyzer["filter"]) <= core_filters


def test_every_language_copy_has_its_analyzer_and_russian_its_lemmas():
    for available in (PLUGIN, BARE, analysis.NodeAnalysis(analysis.BUILTIN, analysis.BUILTIN)):
        analyzers = mappings.analysis_settings(available)["analyzer"]
        assert {"dsp_text", "dsp_shingle", *(f"dsp_text_{code}" for code in mappings.LANGUAGE_COPIES)} <= set(analyzers)
    analyzers = mappings.analysis_settings(PLUGIN)["analyzer"]
    assert analyzers["dsp_text_en"] == {"type": "dsp_english"}
    assert analyzers["dsp_text_ru"]["filter"][-2:] == ["dsp_russian_lemmas", "dsp_russian_stems"]
    assert analyzers["dsp_text_ko"]["tokenizer"] == "dsp_korean"
    # Without the dictionary, Russian is the stemmer alone.
    without = mappings.analysis_settings(analysis.NodeAnalysis(analysis.BUILTIN, analysis.BUILTIN))
    assert without["analyzer"]["dsp_text_ru"] == {"type": "russian"}
    assert "dsp_russian_lemmas" not in without["filter"]


def test_mapping_has_every_field_of_the_brief():
    properties = mappings.index_body(BARE)["mappings"]["properties"]
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
    # One field per analysed language, filled only for items written in it; the highlighted
    # ones keep offsets, like the fields whose text the highlighter marks with their matches.
    for code in ("en", "ru", "fr", "id", "ko"):
        assert properties[f"title_{code}"]["analyzer"] == f"dsp_text_{code}"
        assert properties[f"body_{code}"]["index_options"] == "offsets"
        assert properties["pages"]["properties"][f"text_{code}"]["index_options"] == "offsets"
    assert "fields" not in properties["title"]
    assert properties["body"]["index_options"] == "offsets"
    assert properties["kind"]["type"] == "keyword"
    assert mappings.index_body(BARE)["mappings"]["dynamic"] == "strict"


def test_ensure_index_creates_alias_once(es):
    client = get_client()
    first = mappings.ensure_index(client)
    assert first.startswith(f"{conf.alias_name()}-")
    assert mappings.ensure_index(client) == first
    assert mappings.indices_behind_alias(client, conf.alias_name()) == [first]
    tokens = client.indices.analyze(index=conf.alias_name(), analyzer="dsp_shingle", text="Sunflower Centre model")
    assert "sunflower centre" in [token["token"] for token in tokens["tokens"]]
