"""Language analysis on the real node: the project's plugin (search/elasticsearch_plugin) and
Debian's Russian dictionary, which scripts/elasticsearch.sh builds and installs; and the
choice between built-in and plugin analyzers (search/analysis.py), fed real node answers.

`fixtures/nodes_plugins_integ_test_dsp_analysis.json` is the answer of `GET _nodes/plugins`
of the node scripts/elasticsearch.sh starts, captured as it is. A full distribution cannot
run here (only Maven Central is reachable, which carries no full distribution), so
`fixtures/nodes_plugins_full_distribution_nori.json` is the same answer with the modules of a
regular distribution (analysis-common among them) and Elastic's analysis-nori plugin put in,
with their names, classes and descriptions as Elasticsearch's sources declare them.
"""

import copy
import json
import re
from pathlib import Path

import pytest

from search import analysis, conf
from search.client import get_client

FIXTURES = Path(__file__).parent / "fixtures"
PLUGIN_SOURCES = Path(__file__).resolve().parents[2] / "search" / "elasticsearch_plugin" / "src" / "main"


def _fixture(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def _types(settings: dict) -> set[str]:
    """Every component type a set of analysis settings names, analyzers, tokenizers and filters."""
    own_tokenizers = set(settings.get("tokenizer", {}))
    found = set()
    for section in settings.values():
        for definition in section.values():
            found.add(definition["type"])
            if definition["type"] == "custom" and definition["tokenizer"] not in own_tokenizers:
                found.add(definition["tokenizer"])
    return found


FULL = _fixture("nodes_plugins_full_distribution_nori.json")
INTEG_WITH_PLUGIN = _fixture("nodes_plugins_integ_test_dsp_analysis.json")


# --- The choice: built-in analyzers on a full distribution, ours on the integ-test node ---------


def test_full_distribution_uses_built_in_analyzers():
    available = analysis.node_analysis(FULL)
    assert available == analysis.NodeAnalysis(languages=analysis.BUILTIN, korean=analysis.BUILTIN)
    settings = analysis.analysis_settings(available, synonyms=["GBV, gender-based violence"])
    assert settings["analyzer"]["dsp_text_ru"] == {"type": "russian"}
    assert settings["analyzer"]["dsp_text_en"] == {"type": "english"}
    assert settings["tokenizer"]["dsp_korean"]["type"] == "nori_tokenizer"
    types = _types(settings)
    assert {"asciifolding", "edge_ngram", "synonym_graph", "nori_part_of_speech", "nori_readingform"} <= types
    assert not [name for name in types if name.startswith("dsp_")]


def test_integ_test_node_with_our_plugin_uses_its_components():
    available = analysis.node_analysis(INTEG_WITH_PLUGIN)
    assert available == analysis.NodeAnalysis(languages=analysis.PLUGIN, korean=analysis.PLUGIN)
    settings = analysis.analysis_settings(available, synonyms=["GBV, gender-based violence"])
    assert settings["analyzer"]["dsp_text_ru"] == {"type": "dsp_russian"}
    assert settings["analyzer"]["dsp_text_tr"] == {"type": "dsp_turkish"}
    assert settings["tokenizer"]["dsp_korean"]["type"] == "dsp_nori_tokenizer"
    types = _types(settings)
    assert {"dsp_asciifolding", "dsp_edge_ngram", "dsp_synonym_graph", "dsp_nori_part_of_speech"} <= types
    assert not types & {"russian", "english", "asciifolding", "nori_tokenizer", "synonym_graph"}


def test_bare_node_falls_back_to_the_core():
    bare = copy.deepcopy(INTEG_WITH_PLUGIN)
    for node in bare["nodes"].values():
        node["plugins"] = []
    available = analysis.node_analysis(bare)
    assert available == analysis.NodeAnalysis(languages=analysis.CORE, korean=analysis.CORE)
    assert _types(analysis.analysis_settings(available)) <= {"custom", "standard", "stop"}


def test_each_family_is_chosen_on_its_own_and_only_when_every_node_has_it():
    # A regular distribution without analysis-nori but with our plugin: Korean from the plugin.
    mixed = copy.deepcopy(FULL)
    for node in mixed["nodes"].values():
        node["plugins"] = copy.deepcopy(next(iter(INTEG_WITH_PLUGIN["nodes"].values()))["plugins"])
    assert analysis.node_analysis(mixed) == analysis.NodeAnalysis(languages=analysis.BUILTIN, korean=analysis.PLUGIN)
    # Two nodes, one without the plugin: a shard there could not analyse, so nobody uses it.
    two = copy.deepcopy(INTEG_WITH_PLUGIN)
    node = next(iter(two["nodes"].values()))
    two["nodes"]["second"] = {**copy.deepcopy(node), "plugins": []}
    assert analysis.node_analysis(two) == analysis.NodeAnalysis(languages=analysis.CORE, korean=analysis.CORE)
    assert analysis.node_analysis({"nodes": {}}).languages == analysis.CORE


def test_every_named_component_is_declared_once_in_named_components_json():
    """The zip's named_components.json is written by hand: it must list every class, each name once."""
    declared = json.loads((PLUGIN_SOURCES / "plugin" / "named_components.json").read_text(encoding="utf-8"))
    listed = {name: cls for kind in declared.values() for name, cls in kind.items()}
    assert sum(len(kind) for kind in declared.values()) == len(listed), "a name is used by two components"
    in_sources = {}
    for source in (PLUGIN_SOURCES / "java").rglob("*.java"):
        text = source.read_text(encoding="utf-8")
        match = re.search(r'@NamedComponent\("([^"]+)"\)', text)
        if match:
            package = re.search(r"^package ([\w.]+);", text, re.MULTILINE).group(1)
            in_sources[match.group(1)] = f"{package}.{source.stem}"
    assert listed == in_sources


# --- The real node ------------------------------------------------------------------------


@pytest.fixture
def analyzed(es):
    """An index on the live node with the analysis `search.analysis` picks for it, plus Russian lemmas."""
    client = get_client(timeout=30)
    available = analysis.fetch_node_analysis(client)
    assert available.languages != analysis.CORE and available.korean != analysis.CORE, (
        f"the node at {conf.elasticsearch_url()} has no language analysis ({available}): "
        "scripts/elasticsearch.sh installs the dsp-analysis plugin when it starts a node"
    )
    settings = analysis.analysis_settings(available, synonyms=["GBV, gender-based violence"])
    # Lemmas from Debian's hunspell-ru, through the node's own `hunspell` filter.
    settings["filter"]["dsp_russian_lemmas"] = {"type": "hunspell", "locale": "ru_RU", "dedup": True}
    settings["analyzer"]["dsp_lemmas_ru"] = {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["lowercase", "dsp_russian_lemmas"],
    }
    name = f"{conf.alias_name()}-analysis"
    client.indices.create(index=name, settings={"number_of_shards": 1, "number_of_replicas": 0, "analysis": settings})

    def tokens(analyzer: str, text: str) -> list[str]:
        answer = client.indices.analyze(index=name, analyzer=analyzer, text=text)
        return [token["token"] for token in answer["tokens"]]

    return tokens


def test_russian_words_share_their_stem(analyzed):
    kyrgyzstan = analyzed("dsp_text_ru", "Кыргызстана")
    assert kyrgyzstan == analyzed("dsp_text_ru", "Кыргызстан")
    assert len(kyrgyzstan) == 1
    assert analyzed("dsp_text_ru", "кризисные центры") == analyzed("dsp_text_ru", "кризисный центр")
    assert analyzed("dsp_text_ru", "кризисные центры") == ["кризисн", "центр"]
    # Stop words go: "в" finds nothing on its own. (Snowball stems the locative Кыргызстане
    # to кыргызстан, not кыргызста: a stemmer's limit, and the dictionary has no Kyrgyzstan.)
    assert analyzed("dsp_text_ru", "центры в Кыргызстане") == ["центр", "кыргызстан"]


def test_russian_lemmas_come_from_the_hunspell_dictionary(analyzed):
    assert analyzed("dsp_lemmas_ru", "кризисные центры") == ["кризисный", "центр"]
    assert analyzed("dsp_lemmas_ru", "насилия") == ["насилие"]


def test_english_french_indonesian_turkish_stem(analyzed):
    assert analyzed("dsp_text_en", "centres") == analyzed("dsp_text_en", "centre") == ["centr"]
    assert analyzed("dsp_text_en", "the survivors") == analyzed("dsp_text_en", "survivor")
    assert analyzed("dsp_text_fr", "l'égalité des femmes") == analyzed("dsp_text_fr", "égalité femme")
    assert analyzed("dsp_text_id", "kekerasan") == ["keras"]
    assert analyzed("dsp_text_tr", "İstanbul'da") == ["istanbul"]


def test_korean_compounds_are_split_and_particles_dropped(analyzed):
    tokens = analyzed("dsp_text_ko", "해바라기센터에서")
    assert "해바라기" in tokens
    assert "센터" in tokens
    assert "에서" not in tokens
    # The particle-free word finds the same parts.
    assert set(analyzed("dsp_text_ko", "해바라기센터")) == set(tokens)


def test_synonyms_expand_both_ways(analyzed):
    assert set(analyzed("dsp_synonyms", "GBV")) == {"gbv", "gender", "based", "violence"}
    assert "gbv" in analyzed("dsp_synonyms", "gender-based violence")
    assert analyzed("dsp_synonyms", "police") == ["police"]


def test_accents_fold_and_prefixes_index(analyzed):
    assert analyzed("dsp_text", "Türkiye Šarić Émilie") == ["turkiye", "saric", "emilie"]
    assert analyzed("dsp_prefix", "Centre") == ["ce", "cen", "cent", "centr", "centre"]
