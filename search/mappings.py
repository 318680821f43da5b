"""The Elasticsearch index: one document per page or file a reader can find.

Reads and writes go through the alias `<prefix>-knowledge`; the alias points at one real
index `<prefix>-knowledge-<timestamp>`, so a rebuild fills a new index and swaps the alias
in one step (https://www.elastic.co/guide/en/elasticsearch/reference/8.19/aliases.html).

Analysis. Every text field is analysed with a language-neutral `dsp_text` analyzer
(standard tokenizer, lowercase, ASCII folding) that suits Korean, Kazakh, Kyrgyz, Uzbek,
Tajik, Turkmen and Albanian (Korean compounds and particles stay one token, so queries
match Korean words as prefixes: `search/queries`). Items written in a language that has a stemmer in stock
Elasticsearch (en, ru, fr, id) carry their text a second time in that language's own field
(`title_en`, `body_ru`, …), filled by the serializer. So each text is analysed twice, not
once per language: multi-fields (`title.en`, `title.ru`, …) would run every stemmer over
every item, most of them for nothing, and that was most of the node's indexing time.
Queries search the neutral fields and the reader's language fields. The language copies
are left out of `_source`: nothing reads them back.

The highlighted fields keep offsets in their postings (`index_options: offsets`), so the
unified highlighter reads positions from the index instead of re-analysing long texts
(https://www.elastic.co/guide/en/elasticsearch/reference/8.19/highlighting.html#offsets-strategy).

The language analyzers, `asciifolding` and `synonym_graph` live in Elasticsearch's
`analysis-common` module. Every regular distribution has it; the integ-test distribution
that `scripts/elasticsearch.sh` runs does not. `analysis_settings` asks the node and, without
the module, defines the same analyzer names from what the core has (standard tokenizer,
lowercase, the language stop-word lists), so the mapping and every query are the same on
both. Synonyms are expanded in the query (search/synonyms.py), not in the analyzer, so
they work on both engines and an editor's change applies without a rebuild.
"""

from __future__ import annotations

from datetime import UTC, datetime

from elasticsearch import Elasticsearch
from elasticsearch.dsl import Date, Document, InnerDoc, Integer, Keyword, MetaField, Nested, Text

from portal.core.items import ItemKey
from search import conf

# Languages with a stemming analyzer in Elasticsearch, and the content languages they serve.
STEMMED_LANGUAGES = {"en": "english", "ru": "russian", "fr": "french", "id": "indonesian"}
STOPWORD_LISTS = {"en": "_english_", "ru": "_russian_", "fr": "_french_", "id": "_indonesian_"}
SEARCH_TEXT_FIELDS = ("title", "summary", "body", "attachment")
HIGHLIGHT_FIELDS = ("summary", "body", "attachment")

AUDIENCE_PUBLIC = "public"
AUDIENCE_PARTNER = "partner"
# A document nobody has reviewed yet: in no reader's audience (`portal.core.privacy`).
AUDIENCE_UNREVIEWED = "unreviewed"


def language_field(name: str, code: str) -> str:
    """`title`, `ru` -> `title_ru`: the field holding an item's text analysed for its language."""
    return f"{name}_{code}"


LANGUAGE_FIELDS = tuple(language_field(name, code) for name in SEARCH_TEXT_FIELDS for code in STEMMED_LANGUAGES)
# The page texts' language copies (`pages.text_ru`), left out of `_source` like the others.
PAGE_LANGUAGE_FIELDS = tuple(f"pages.{language_field('text', code)}" for code in STEMMED_LANGUAGES)


class DocumentPage(InnerDoc):
    """One page of a document's file (`knowledge.DocumentPageText`), a nested object of its item.

    Nested, not a plain list of objects, so a search matches the words on one page and says
    which (`inner_hits`, with that page's highlight); the item's own audience filters it, since
    a nested object is only ever found through its item. The whole text stays in `attachment`
    too: that is what finds the item, with words spread over pages.
    https://www.elastic.co/guide/en/elasticsearch/reference/8.19/inner-hits.html
    """

    number = Integer()
    text = Text(analyzer="dsp_text", index_options="offsets")


for _code in STEMMED_LANGUAGES:
    DocumentPage._doc_type.mapping.field(language_field("text", _code), Text(analyzer=f"dsp_text_{_code}"))


class KnowledgeItem(Document):
    """What the index holds for one page or document; the database stays the source of truth."""

    title = Text(analyzer="dsp_text", copy_to="suggest")
    summary = Text(analyzer="dsp_text", copy_to="suggest", index_options="offsets")
    body = Text(analyzer="dsp_text", index_options="offsets")
    attachment = Text(analyzer="dsp_text", index_options="offsets")
    # Word shingles of titles and summaries for the phrase suggester ("did you mean").
    suggest = Text(analyzer="dsp_shingle")

    kind = Keyword()
    countries = Keyword(multi=True)
    themes = Keyword(multi=True)
    keywords = Keyword(multi=True, fields={"text": Text(analyzer="dsp_text")})
    organisations = Keyword(multi=True, fields={"text": Text(analyzer="dsp_text")})
    date = Date()
    year = Integer()
    locale = Keyword()
    translation_key = Keyword()
    url = Keyword(index=False)
    audience = Keyword()
    page_id = Integer()
    doc_id = Integer()
    # A document's pages: {number, text} (and `text_<lang>` for a stemmed language).
    pages = Nested(DocumentPage)

    class Meta:
        # A field the serializer misspells fails loudly instead of growing the mapping.
        dynamic = MetaField("strict")
        source = MetaField(excludes=[*LANGUAGE_FIELDS, *PAGE_LANGUAGE_FIELDS])


# title_en, summary_en, …: the item's text once more, only when it is written in that language.
for _name in SEARCH_TEXT_FIELDS:
    for _code in STEMMED_LANGUAGES:
        KnowledgeItem._doc_type.mapping.field(language_field(_name, _code), Text(analyzer=f"dsp_text_{_code}"))


def document_id(key: ItemKey | str) -> str:
    """`page:12` -> `page-12`: the Elasticsearch `_id` of an item key."""
    key = ItemKey.parse(key)
    return f"{key.type}-{key.pk}"


def has_analysis_common(client: Elasticsearch) -> bool:
    info = client.nodes.info(metric="plugins", filter_path="nodes.*.modules.name")
    nodes = info.get("nodes", {}) or {}
    return bool(nodes) and all(
        any(module.get("name") == "analysis-common" for module in node.get("modules", [])) for node in nodes.values()
    )


def analysis_settings(*, full_analysis: bool) -> dict:
    """The `analysis` block of the index settings, from what the node offers."""
    shingle = {"type": "shingle", "min_shingle_size": 2, "max_shingle_size": 3}
    if full_analysis:
        analyzers = {
            "dsp_text": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
            **{f"dsp_text_{code}": {"type": name} for code, name in STEMMED_LANGUAGES.items()},
        }
        filters = {"dsp_shingle": shingle}
    else:
        analyzers = {
            "dsp_text": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]},
            **{
                f"dsp_text_{code}": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", f"dsp_stop_{code}"],
                }
                for code in STEMMED_LANGUAGES
            },
        }
        filters = {
            "dsp_shingle": shingle,
            **{f"dsp_stop_{code}": {"type": "stop", "stopwords": words} for code, words in STOPWORD_LISTS.items()},
        }
    analyzers["dsp_shingle"] = {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "dsp_shingle"]}
    return {"analyzer": analyzers, "filter": filters}


def index_body(*, full_analysis: bool, replicas: int | None = None) -> dict:
    """Settings and mappings for a new index, as the create-index API takes them."""
    return {
        "settings": {
            "number_of_shards": 1,
            "number_of_replicas": conf.index_replicas() if replicas is None else replicas,
            "analysis": analysis_settings(full_analysis=full_analysis),
        },
        "mappings": KnowledgeItem._doc_type.mapping.to_dict(),
    }


def new_index_name() -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")
    return f"{conf.alias_name()}-{stamp}"


def create_index(client: Elasticsearch, name: str, **settings_overrides) -> None:
    body = index_body(full_analysis=has_analysis_common(client))
    body["settings"].update(settings_overrides)
    client.indices.create(index=name, settings=body["settings"], mappings=body["mappings"])


def indices_behind_alias(client: Elasticsearch, alias: str) -> list[str]:
    if not client.indices.exists_alias(name=alias):
        return []
    return sorted(client.indices.get_alias(name=alias).keys())


def ensure_index(client: Elasticsearch) -> str:
    """The alias exists and points at an index with our mapping; creates both if needed."""
    alias = conf.alias_name()
    current = indices_behind_alias(client, alias)
    if current:
        return current[0]
    if client.indices.exists(index=alias):
        # A concrete index under the alias's name (left by a write without the alias).
        client.indices.delete(index=alias)
    name = new_index_name()
    create_index(client, name)
    client.indices.update_aliases(actions=[{"add": {"index": name, "alias": alias}}])
    return name
