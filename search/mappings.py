"""The Elasticsearch index: one document per page or file a reader can find.

Reads and writes go through the alias `<prefix>-knowledge`; the alias points at one real
index `<prefix>-knowledge-<timestamp>`, so a rebuild fills a new index and swaps the alias
in one step (https://www.elastic.co/guide/en/elasticsearch/reference/8.19/aliases.html).

Analysis. Every text field is analysed with a language-neutral `dsp_text` analyzer
(standard tokenizer, lowercase, ASCII folding) that suits Kazakh, Kyrgyz, Uzbek, Tajik,
Turkmen and Albanian, and any reader's words in another language than the item's. Items
written in a language with its own analysis (`LANGUAGE_COPIES`: en, ru, fr, id stemmed,
Russian with dictionary lemmas where the node has them, Korean split by nori) carry their
text a second time in that language's own field (`title_en`, `body_ru`, `summary_ko`, …),
filled by the serializer: "centres" finds "centre", "обучение полиции" finds "обучения
полиции", "센터" finds "해바라기센터에서". So each text is analysed twice, not once per
language: multi-fields (`title.en`, `title.ru`, …) would run every analyzer over every item,
most of them for nothing, and that was most of the node's indexing time. Queries search the
neutral fields and the reader's language fields. The language copies are left out of
`_source`: nothing reads them back, and the highlighter marks the neutral field's text with
the copy's matches (`matched_fields`).

The highlighted fields and their copies keep offsets in their postings (`index_options:
offsets`), so the unified highlighter reads positions from the index instead of re-analysing
long texts (https://www.elastic.co/guide/en/elasticsearch/reference/8.19/highlighting.html#offsets-strategy).

Which analyzers the node offers (built-in on a regular distribution, the project's
`dsp-analysis` plugin on the test node, stop words only on a bare node) is decided by
`search/analysis.py` when an index is created; the names are the same in every case, so the
mapping and every query are too. Synonyms are expanded in the query (search/synonyms.py),
not in an analyzer, so they work on both engines and an editor's change applies without a
rebuild.
"""

from __future__ import annotations

from datetime import UTC, datetime

from elasticsearch import Elasticsearch
from elasticsearch.dsl import Date, Document, InnerDoc, Integer, Keyword, MetaField, Nested, Text

from portal.core.items import ItemKey
from search import analysis, conf

# Content languages whose items carry their text again in a field analysed for the language
# (`dsp_text_<code>`, `search.analysis`); the others are searched in the neutral fields only.
LANGUAGE_COPIES = ("en", "ru", "fr", "id", "ko")
SEARCH_TEXT_FIELDS = ("title", "summary", "body", "attachment")
HIGHLIGHT_FIELDS = ("summary", "body", "attachment")

AUDIENCE_PUBLIC = "public"
AUDIENCE_PARTNER = "partner"
# A document nobody has reviewed yet: in no reader's audience (`portal.core.privacy`).
AUDIENCE_UNREVIEWED = "unreviewed"


def language_field(name: str, code: str) -> str:
    """`title`, `ru` -> `title_ru`: the field holding an item's text analysed for its language."""
    return f"{name}_{code}"


LANGUAGE_FIELDS = tuple(language_field(name, code) for name in SEARCH_TEXT_FIELDS for code in LANGUAGE_COPIES)
# The page texts' language copies (`pages.text_ru`), left out of `_source` like the others.
PAGE_LANGUAGE_FIELDS = tuple(f"pages.{language_field('text', code)}" for code in LANGUAGE_COPIES)


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


for _code in LANGUAGE_COPIES:
    DocumentPage._doc_type.mapping.field(
        language_field("text", _code), Text(analyzer=f"dsp_text_{_code}", index_options="offsets")
    )


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
    for _code in LANGUAGE_COPIES:
        _options = {"index_options": "offsets"} if _name in HIGHLIGHT_FIELDS else {}
        KnowledgeItem._doc_type.mapping.field(
            language_field(_name, _code), Text(analyzer=f"dsp_text_{_code}", **_options)
        )


def document_id(key: ItemKey | str) -> str:
    """`page:12` -> `page-12`: the Elasticsearch `_id` of an item key."""
    key = ItemKey.parse(key)
    return f"{key.type}-{key.pk}"


def analysis_settings(available: analysis.NodeAnalysis) -> dict:
    """The `analysis` block of the index settings: `search.analysis`'s analyzers for this node,
    and word shingles (a core filter) for the "did you mean" field."""
    block = analysis.analysis_settings(available)
    block["filter"]["dsp_shingle"] = {"type": "shingle", "min_shingle_size": 2, "max_shingle_size": 3}
    block["analyzer"]["dsp_shingle"] = {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["lowercase", "dsp_shingle"],
    }
    return block


def index_body(available: analysis.NodeAnalysis, *, replicas: int | None = None) -> dict:
    """Settings and mappings for a new index, as the create-index API takes them."""
    return {
        "settings": {
            "number_of_shards": 1,
            "number_of_replicas": conf.index_replicas() if replicas is None else replicas,
            "analysis": analysis_settings(available),
        },
        "mappings": KnowledgeItem._doc_type.mapping.to_dict(),
    }


def new_index_name() -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")
    return f"{conf.alias_name()}-{stamp}"


def create_index(client: Elasticsearch, name: str, **settings_overrides) -> None:
    body = index_body(analysis.fetch_node_analysis(client))
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
