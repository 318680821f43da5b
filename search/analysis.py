"""Which language analysis the Elasticsearch node offers, and analyzer definitions that use it.

Three nodes are possible, and the answer of `GET _nodes/plugins` tells them apart:

- a regular distribution (production): the `analysis-common` module brings the built-in
  language analyzers (`english`, `russian`, …) and filters (`stemmer`, `synonym_graph`,
  `asciifolding`, `edge_ngram`); Korean needs Elastic's `analysis-nori` plugin
  (`nori_tokenizer`, `nori_part_of_speech`, `nori_readingform`);
- the integ-test distribution that `scripts/elasticsearch.sh` runs, with the project's own
  `dsp-analysis` plugin (search/elasticsearch_plugin): the same Lucene components under
  `dsp_*` names (`dsp_english`, `dsp_stemmer`, `dsp_nori_tokenizer`, …);
- a bare integ-test node: only the core (standard tokenizer, lowercase, stop words).

Russian lemmas come from the core's `hunspell` filter and a `ru_RU` dictionary in the node's
`config/hunspell/`, which no plugin list shows: `fetch_node_analysis` asks the node to analyse
one word with it. A cluster carries the dictionary on every node or on none (the probe is
answered by one node).

Built-in components win when present: they are what a regular cluster is operated with, and
a cluster never has to carry our plugin. Each family (languages, Korean) is chosen on its
own, and only when every node has it, since an index's shards may live on any node.
The names that follow are the same in every case (`dsp_text_en`, `dsp_text_ko`, …), so
mappings and queries do not change with the node.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from elasticsearch import ApiError, Elasticsearch

PLUGIN_NAME = "dsp-analysis"

BUILTIN = "builtin"
PLUGIN = "plugin"
CORE = "core"

# Content languages with a language analyzer, and its name in Lucene / Elasticsearch.
LANGUAGE_ANALYZERS = {"en": "english", "ru": "russian", "fr": "french", "id": "indonesian", "tr": "turkish"}
# Stop-word lists the core `stop` filter knows, for a node without language analysis.
CORE_STOPWORDS = {"en": "_english_", "ru": "_russian_", "fr": "_french_", "id": "_indonesian_", "tr": "_turkish_"}

# The names of each component, built-in and in our plugin.
COMPONENTS = {
    BUILTIN: {
        "asciifolding": "asciifolding",
        "stemmer": "stemmer",
        "edge_ngram": "edge_ngram",
        "synonym_graph": "synonym_graph",
        "nori_tokenizer": "nori_tokenizer",
        "nori_part_of_speech": "nori_part_of_speech",
        "nori_readingform": "nori_readingform",
    },
    PLUGIN: {
        "asciifolding": "dsp_asciifolding",
        "stemmer": "dsp_stemmer",
        "edge_ngram": "dsp_edge_ngram",
        "synonym_graph": "dsp_synonym_graph",
        "nori_tokenizer": "dsp_nori_tokenizer",
        "nori_part_of_speech": "dsp_nori_part_of_speech",
        "nori_readingform": "dsp_nori_readingform",
    },
}


@dataclass(frozen=True)
class NodeAnalysis:
    """Where each family of analysis comes from on this cluster: BUILTIN, PLUGIN or CORE."""

    languages: str
    korean: str
    # The node has Debian's (or LibreOffice's) ru_RU hunspell dictionary: Russian words are
    # reduced to their dictionary form before stemming (девочек -> девочка, отца -> отец).
    russian_lemmas: bool = False

    def component(self, family: str, name: str) -> str:
        """`asciifolding` -> `asciifolding` or `dsp_asciifolding`, by where `family` comes from."""
        source = self.languages if family == "languages" else self.korean
        return COMPONENTS[source][name]


def _names(node: dict, kind: str) -> set[str]:
    return {entry.get("name") for entry in node.get(kind, []) or []}


def node_analysis(nodes_info: dict) -> NodeAnalysis:
    """Reads an answer of `GET _nodes/plugins` (the whole body, or `nodes.*.modules.name,nodes.*.plugins.name`)."""
    nodes = list((nodes_info.get("nodes") or {}).values())

    def everywhere(kind: str, name: str) -> bool:
        return bool(nodes) and all(name in _names(node, kind) for node in nodes)

    fallback = PLUGIN if everywhere("plugins", PLUGIN_NAME) else CORE
    return NodeAnalysis(
        languages=BUILTIN if everywhere("modules", "analysis-common") else fallback,
        korean=BUILTIN if everywhere("plugins", "analysis-nori") else fallback,
    )


RUSSIAN_LEMMAS = {"type": "hunspell", "locale": "ru_RU", "dedup": True, "longest_only": True}


def has_russian_dictionary(client: Elasticsearch) -> bool:
    """Whether the node reads the ru_RU hunspell dictionary (an index naming a missing one cannot be created)."""
    try:
        client.indices.analyze(tokenizer="standard", filter=[RUSSIAN_LEMMAS], text="девочек")
    except ApiError:
        return False
    return True


def fetch_node_analysis(client: Elasticsearch) -> NodeAnalysis:
    info = client.nodes.info(metric="plugins", filter_path="nodes.*.modules.name,nodes.*.plugins.name")
    available = node_analysis(dict(info))
    if available.languages == CORE or not has_russian_dictionary(client):
        return available
    return replace(available, russian_lemmas=True)


def language_analyzer(available: NodeAnalysis, code: str) -> dict:
    """The definition of `dsp_text_<code>`: the language's own analyzer, or stop words on a bare node."""
    name = LANGUAGE_ANALYZERS[code]
    if code == "ru" and available.russian_lemmas and available.languages != CORE:
        # The russian analyzer's chain with the dictionary's lemma before the stemmer. Measured
        # on the node with 42 pairs of forms a reader expects to match and 24 pairs of different
        # words that look alike: 32 pairs match against the stemmer's 27 (девочка/девочек,
        # подросток/подростков, отец/отца, день/дня, путь/пути), and no look-alike matches that
        # the stemmer alone does not match already. `longest_only` keeps the longest lemma
        # where the dictionary has several; without it, look-alikes matched more often.
        return {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "dsp_stop_ru", "dsp_russian_lemmas", "dsp_russian_stems"],
        }
    if available.languages == BUILTIN:
        return {"type": name}
    if available.languages == PLUGIN:
        return {"type": f"dsp_{name}"}
    return {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", f"dsp_stop_{code}"]}


def analysis_settings(available: NodeAnalysis, *, synonyms: list[str] | None = None) -> dict:
    """An index's `analysis` block for `available`.

    `dsp_text` (language-neutral, accents folded), `dsp_text_<code>` for each language
    analyzer, `dsp_text_ko` (Korean morphology: compounds split, particles dropped),
    `dsp_prefix` (edge n-grams, for search as you type) and, given Solr-format `synonyms`
    (`"GBV, gender-based violence"`), the search analyzer `dsp_synonyms`.
    """
    analyzers: dict[str, dict] = {}
    filters: dict[str, dict] = {}
    tokenizers: dict[str, dict] = {}
    rich = available.languages != CORE

    neutral = ["lowercase"]
    if rich:
        neutral.append("dsp_folding")
        filters["dsp_folding"] = {"type": available.component("languages", "asciifolding")}
    analyzers["dsp_text"] = {"type": "custom", "tokenizer": "standard", "filter": neutral}

    for code in LANGUAGE_ANALYZERS:
        analyzers[f"dsp_text_{code}"] = language_analyzer(available, code)
        if not rich:
            filters[f"dsp_stop_{code}"] = {"type": "stop", "stopwords": CORE_STOPWORDS[code]}
    if rich and available.russian_lemmas:
        filters["dsp_stop_ru"] = {"type": "stop", "stopwords": CORE_STOPWORDS["ru"]}
        filters["dsp_russian_lemmas"] = dict(RUSSIAN_LEMMAS)
        filters["dsp_russian_stems"] = {"type": available.component("languages", "stemmer"), "language": "russian"}

    if available.korean == CORE:
        analyzers["dsp_text_ko"] = {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]}
    else:
        tokenizers["dsp_korean"] = {
            "type": available.component("korean", "nori_tokenizer"),
            # The compound and its parts: 해바라기센터 finds 해바라기센터, 해바라기 and 센터.
            "decompound_mode": "mixed",
        }
        filters["dsp_korean_particles"] = {"type": available.component("korean", "nori_part_of_speech")}
        filters["dsp_korean_reading"] = {"type": available.component("korean", "nori_readingform")}
        analyzers["dsp_text_ko"] = {
            "type": "custom",
            "tokenizer": "dsp_korean",
            "filter": ["dsp_korean_particles", "dsp_korean_reading", "lowercase"],
        }

    if rich:
        filters["dsp_prefixes"] = {
            "type": available.component("languages", "edge_ngram"),
            "min_gram": 2,
            "max_gram": 15,
        }
        analyzers["dsp_prefix"] = {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "dsp_folding", "dsp_prefixes"],
        }
        if synonyms:
            filters["dsp_synonym_rules"] = {
                "type": available.component("languages", "synonym_graph"),
                "synonyms": list(synonyms),
            }
            analyzers["dsp_synonyms"] = {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "dsp_synonym_rules"],
            }

    block = {"analyzer": analyzers, "filter": filters}
    if tokenizers:
        block["tokenizer"] = tokenizers
    return block
