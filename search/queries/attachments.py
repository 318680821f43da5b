"""Words found inside documents: on which page of the file, and under which page hit.

A document's file is searched page by page (`knowledge.DocumentPageText`): Elasticsearch
through the nested `pages` field and its inner hits (`search.queries.elasticsearch`), the
database engine through `database_page_matches` below, with the reader's words cleaned the
same way as for the records. Either way a hit inside a file knows its page and shows that
page's words (`PageMatch`), and links `<file>#page=N`.

A document attached to a page (Wagtail's reference index, as `search.indexing` reads it) is
found as part of that page's hit: `fold_attachments` puts it in the page hit's `found_in`
("Found in <file>, page N") instead of a second hit, when the reader may see both (the
document hit has passed the privacy gate already; the page is checked here) and the page
passes the reader's filters. Folding is done on the page of hits being shown: the total
drops by the hits merged there; facet counts stay the counts of the matched items.
"""

from __future__ import annotations

import re
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.utils.text import Truncator

from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex

from knowledge.models import DocumentPageText
from portal.core.items import ItemKey
from portal.core.privacy import pages_visible_to
from search import synonyms
from search.models import SearchRecord
from search.queries.results import (
    HANGUL,
    FoundIn,
    Hit,
    Labels,
    PageMatch,
    SearchParams,
    highlight_terms,
    hit_from_record,
    split_query,
)

# Characters of page text shown before the first word found, and in all.
SNIPPET_LEAD = 80
SNIPPET_LENGTH = 240


# --- The database engine's page matching ----------------------------------------------------


def _alternatives(q: str) -> tuple[list[list[str]], list[list[str]]]:
    """(word lists of which one must be all on a page, phrases of which one must be on it in order).

    The same reading of the query as the database engine's full-text match
    (`DatabaseEngine.text_query`): each synonym variant with all its words, or a phrase.
    """
    free, phrases = split_query(q)
    variants = [synonyms.tokens(variant) for variant in synonyms.expand(free)] if free else []
    return [words for words in variants if words], [synonyms.tokens(phrase) for phrase in phrases]


def _word_matches(word: str, token: str) -> bool:
    # Korean words are matched as prefixes, as on both engines (`search.queries.fulltext`).
    return token == word or (bool(HANGUL.search(word)) and token.startswith(word))


def _phrase_at(tokens: list[str], phrase: list[str]) -> bool:
    return any(
        all(_word_matches(word, tokens[start + i]) for i, word in enumerate(phrase))
        for start in range(len(tokens) - len(phrase) + 1)
    )


def _page_score(text: str, variants: list[list[str]], phrases: list[list[str]]) -> int:
    """How often the query's words occur on a page that has them all (0: the page does not match)."""
    tokens = synonyms.tokens(text)
    matched = False
    for words in variants:
        if all(any(_word_matches(word, token) for token in tokens) for word in words):
            matched = True
    for phrase in phrases:
        if _phrase_at(tokens, phrase):
            matched = True
    if not matched:
        return 0
    wanted = {word for words in (*variants, *phrases) for word in words}
    counts = Counter(tokens)
    return sum(count for token, count in counts.items() if any(_word_matches(word, token) for word in wanted))


def page_snippet(text: str, words: list[str]) -> str:
    """The part of a page's text around the first of `words`, cut at word boundaries."""
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(word) for word in words) + r")", re.IGNORECASE)
    found = pattern.search(text) if words else None
    start = max(0, found.start() - SNIPPET_LEAD) if found else 0
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < found.start() else start
    excerpt = Truncator(" ".join(text[start:].split())).chars(SNIPPET_LENGTH)
    return f"… {excerpt}" if start else excerpt


def database_page_matches(document_ids: list[int], q: str) -> dict[int, PageMatch]:
    """For each of these documents whose file has the words on one page: that page and its words marked.

    Reads the page texts of the documents of one page of hits (ones the reader may see: the
    caller's hits have passed the privacy gate), narrowed in the database by the words that
    need no case folding beyond ASCII, then matched word by word in Python.
    """
    variants, phrases = _alternatives(q)
    if not document_ids or not (variants or phrases):
        return {}
    rows = DocumentPageText.objects.filter(document_id__in=document_ids).exclude(text="")
    alternatives = [*variants, *phrases]
    if len(alternatives) == 1:
        # SQLite's LIKE folds the case of ASCII letters only: other words are left to Python.
        for word in alternatives[0]:
            if word.isascii() and len(word) > 1:
                rows = rows.filter(text__icontains=word)
    best: dict[int, tuple[int, int, str]] = {}
    for document_id, number, text in rows.order_by("document_id", "number").values_list(
        "document_id", "number", "text"
    ):
        score = _page_score(text, variants, phrases)
        if score and (document_id not in best or score > best[document_id][0]):
            best[document_id] = (score, number, text)
    marked = sorted({word for words in alternatives for word in words}, key=len, reverse=True)
    return {
        document_id: PageMatch(number, highlight_terms(page_snippet(text, marked), marked))
        for document_id, (_score, number, text) in best.items()
    }


# --- Folding attachments into their page's hit -------------------------------------------------


def _host_pages(document_ids: list[int]) -> dict[int, set[int]]:
    """Document id -> ids of the pages that use it or any translation of it (Wagtail's reference index)."""
    Document = get_document_model()
    family = list(
        Document.objects.filter(
            translation_key__in=Document.objects.filter(pk__in=document_ids).values("translation_key")
        ).values_list("pk", "translation_key")
    )
    members: dict[object, set[int]] = {}
    for pk, translation_key in family:
        members.setdefault(translation_key, set()).add(pk)
    references = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(Document),
        to_object_id__in=[str(pk) for pk, _key in family],
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("to_object_id", "object_id")
    pages_of: dict[int, set[int]] = {}
    for document_pk, page_pk in references:
        pages_of.setdefault(int(document_pk), set()).add(int(page_pk))
    family_of = {pk: members[translation_key] for pk, translation_key in family}
    return {
        pk: {page for member in family_of.get(pk, {pk}) for page in pages_of.get(member, ())} for pk in document_ids
    }


def record_passes(record: SearchRecord, params: SearchParams) -> bool:
    """Whether a page's record passes the reader's filters: a hit must, even one brought in by its attachment."""
    checks = (
        (params.countries, record.countries.split()),
        (params.themes, record.themes.split()),
        (params.kinds, [record.kind]),
        (params.languages, [record.locale]),
        ((str(params.year),) if params.year else (), [str(record.year)]),
    )
    return all(not wanted or set(wanted) & set(values) for wanted, values in checks)


def _item(hit: Hit) -> str:
    return hit.family or str(hit.key)


def fold_attachments(
    hits: list[Hit], *, user, language: str, params: SearchParams, labels: Labels, words=()
) -> tuple[list[Hit], int]:
    """The hits with each attached document folded into a hit of a page using it; and how many hits merged.

    The page hit takes the document's place when it ranks lower or is not among the hits; a
    page is chosen in the reader's language first, then the document's, then the oldest.
    """
    documents = [hit for hit in hits if hit.key is not None and hit.key.type == ItemKey.DOCUMENT]
    if not documents:
        return hits, 0
    hosts = _host_pages([hit.key.pk for hit in documents])
    candidates = {pk for pks in hosts.values() for pk in pks}
    if not candidates:
        return hits, 0
    records = {record.page_id: record for record in SearchRecord.objects.filter(page_id__in=candidates)}
    visible = set(pages_visible_to(user, Page.objects.filter(pk__in=records)).values_list("pk", flat=True))
    # An item already among the hits, in any of its languages, is where its pages' files go.
    page_hits = {hit.key: hit for hit in hits if hit.key is not None and hit.key.type == ItemKey.PAGE}
    family_hits = {hit.family: hit for hit in page_hits.values() if hit.family}
    host_of: dict[ItemKey, int] = {}
    for hit in documents:
        usable = [pk for pk in hosts[hit.key.pk] if pk in visible and record_passes(records[pk], params)]
        if usable:
            host_of[hit.key] = min(
                usable,
                key=lambda pk, hit=hit: (
                    records[pk].family not in family_hits,
                    records[pk].locale != language,
                    records[pk].locale != hit.locale,
                    pk,
                ),
            )
    if not host_of:
        return hits, 0
    shown: dict[str, Hit] = {}  # by item: its family, or its key
    folded: list[Hit] = []
    for hit in hits:
        host = host_of.get(hit.key)
        if host is None:
            if _item(hit) not in shown:
                folded.append(hit)
                shown[_item(hit)] = hit
            continue
        record = records[host]
        item = record.family or str(ItemKey.page(host))
        page_hit = shown.get(item)
        if page_hit is None:
            page_hit = (
                page_hits.get(ItemKey.page(host))
                or family_hits.get(record.family)
                or hit_from_record(record, labels=labels, words=words)
            )
            folded.append(page_hit)
            shown[item] = page_hit
        page_hit.found_in.append(
            FoundIn(
                title=hit.title,
                url=hit.url,
                file_url=hit.file_url,
                locale=hit.locale,
                page=hit.page,
                snippet=hit.snippet,
            )
        )
    return folded, len(hits) - len(folded)
