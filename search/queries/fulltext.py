"""Full-text matching on Wagtail's database search backend, for the database engine.

`scores_sql` gives the statement that scores every match in one pass over the backend's own
index, so the engine can join it to its records. On SQLite it is FTS5's match and bm25: the
backend's own queryset ranks by a correlated subquery that repeats the match for every
matching row, quadratic in the number of matches. On PostgreSQL it is one text search over
the index entries' three vectors together (the title, the body and the stems, which the
backend's own search leaves out), ranked by `ts_rank`, with Korean words as prefixes as on
SQLite. `ranked_ids` serves any other backend through the public API.
https://www.postgresql.org/docs/15/textsearch-controls.html
"""

from __future__ import annotations

import re
from functools import lru_cache

from django.db import connection
from django.db.models import BooleanField, FloatField
from django.db.models.expressions import RawSQL

from modelsearch.conf import get_app_config
from modelsearch.query import Or, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from search.queries.results import HANGUL

try:
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend
except ImportError:  # no PostgreSQL driver installed
    PostgresSearchBackend = None
try:
    # modelsearch's SQLite modules read its FTS5 table model when imported, and that model is
    # only registered on SQLite with FTS5: elsewhere (PostgreSQL, MySQL) `ranked_ids` serves.
    from modelsearch.backends.database.sqlite.query import Lexeme, MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry, SQLiteSearchBackend
except LookupError:  # another database: no FTS5 table, no spelling suggestions from it
    Lexeme = MatchExpression = normalize = None
    SQLiteFTSIndexEntry = SQLiteSearchBackend = None


def id_list(ids) -> str:
    """Integer ids as a literal SQL list: `1,2,3`."""
    return ",".join(str(int(pk)) for pk in ids)


def ranked_ids(backend, query, model) -> list[int]:
    """Ids of `model` objects matching `query`, best first, through the backend's public API.

    For backends other than SQLite; there the engine joins `sqlite_scores_sql` to its rows.
    """
    results = backend.search(query, model.objects.all())
    get_queryset = getattr(results, "get_queryset", None)
    if get_queryset is not None:
        return list(get_queryset().values_list("pk", flat=True))
    return [obj.pk for obj in results]


def scores_sql(backend, query, model, *, rank: bool = True) -> tuple[str, list] | None:
    """(sql, params) selecting (object_id, score) of every match, lower is better; None on other backends."""
    return sqlite_scores_sql(backend, query, model, rank=rank) or postgres_scores_sql(backend, query, model, rank=rank)


def sqlite_scores_sql(backend, query, model, *, rank: bool = True) -> tuple[str, list] | None:
    """(sql, params) selecting (object_id, score) of every match, lower is better; None off SQLite.

    The match is the backend's own. The score is FTS5's bm25 with the title weighted as in
    the Elasticsearch engine: the backend's rank multiplies the whole row's bm25 by how short
    the title is, which puts any item with a one-word title first. With `rank=False` (a sort
    by date) every score is 0 and bm25, a third of the statement's time, is not computed.
    """
    if SQLiteSearchBackend is None or not isinstance(backend, SQLiteSearchBackend):
        return None
    compiler = backend.search(query, model.objects.all()).query_compiler
    config = compiler.get_config(backend)
    normalized = normalize(compiler.query)
    if not isinstance(normalized, PlainText | Phrase | Or):
        return None
    # The records' stems sit in the table's autocomplete column (`SearchRecord.search_fields`).
    fields = [*(compiler.fields or compiler.FTS_TABLE_FIELDS), STEMS_COLUMN]
    built = compiler.build_search_query(normalized, config)
    _prefix_korean_words(built)
    match = MatchExpression(fields, built)
    score = _weighted_bm25(SQLiteFTSIndexEntry._meta.db_table) if rank else RawSQL("0", [], FloatField())
    # The content types are written with a unary `+`, which keeps SQLite from using their
    # index: otherwise it walks every index entry of the model and runs the full-text match
    # once per entry (seconds), instead of matching once and joining the hits (milliseconds).
    content_types = id_list(get_descendants_content_types_pks(model))
    entries = SQLiteFTSIndexEntry._meta.get_field("index_entry").related_model
    column = f"{connection.ops.quote_name(entries._meta.db_table)}.{connection.ops.quote_name('content_type_id')}"
    rows = (
        SQLiteFTSIndexEntry.objects.filter(match)
        .filter(RawSQL(f"+{column} IN ({content_types})", [], output_field=BooleanField()))  # noqa: S611 - ints
        .annotate(score=score)
        .values_list("index_entry__object_id", "score")
    )
    sql, params = rows.query.sql_with_params()
    return sql, list(params)


# The text search configuration of the PostgreSQL index (`portal.core.search_backend`): words
# lower-cased as written, no stemming or stop words, like FTS5's unicode61 tokenizer. Stems are
# the engine's own (`search.wordforms`), the same on both databases.
POSTGRES_CONFIG = "simple"
# The engine's queries are a few variants of a few words; more are cut, as the backend does.
MAX_TERMS = 64
_WORD = re.compile(r"\w+")


def postgres_scores_sql(backend, query, model, *, rank: bool = True) -> tuple[str, list] | None:
    """The PostgreSQL form of `sqlite_scores_sql`: one `tsquery` over the index entries' vectors.

    The backend's own search reads only the title and body vectors, so it never sees the
    stems (the autocomplete vector) and "Кыргызстан" missed "Кыргызстана". Here an entry
    matches when the three vectors together hold the query (every word of a variant, in any
    of them, as FTS5 matches across columns), and its score weighs the title as bm25's does
    on SQLite; negated, so that lower is better on both.
    """
    if PostgresSearchBackend is None or not isinstance(backend, PostgresSearchBackend):
        return None
    text = tsquery_text(query, budget=[MAX_TERMS])
    if not text:
        return None
    quote = connection.ops.quote_name
    table = quote(index_entries_table())
    if rank:
        score = (
            f"-({TITLE_WEIGHT} * ts_rank(e.title, q) + ts_rank(e.body, q)"
            f" + {STEMS_WEIGHT} * ts_rank(e.autocomplete, q))"
        )
    else:
        score = "0.0"
    content_types = id_list(get_descendants_content_types_pks(model))
    sql = (
        f"SELECT e.object_id, {score} FROM {table} e, to_tsquery(%s, %s) q "  # noqa: S608 - names and ints only
        f"WHERE e.content_type_id IN ({content_types}) AND (e.title || e.body || e.autocomplete) @@ q"
    )
    return sql, [POSTGRES_CONFIG, text]


def index_entries_table() -> str:
    """The table of the backend's index entries (the search app Wagtail installs holds its model)."""
    return get_app_config().get_model("IndexEntry")._meta.db_table


def tsquery_text(query, *, budget: list[int]) -> str | None:
    """The engine's query (words, phrases and their alternatives) as `to_tsquery` text.

    Only words (`\\w+`) reach the text, each quoted as a lexeme, so nothing a reader types
    is read as the syntax of `to_tsquery`. Korean words are prefixes (`'해바라기':*`), as
    `_prefix_korean_words` makes them on SQLite. `budget` counts the words still allowed.
    """
    if isinstance(query, PlainText | Phrase):
        # lower(), not casefold(): PostgreSQL lower-cases the index's words ("straße" stays so).
        words = _WORD.findall(query.query_string.lower())[: max(budget[0], 0)]
        budget[0] -= len(words)
        if isinstance(query, Phrase):
            return " <-> ".join(f"'{word}'" for word in words) or None
        joiner = " & " if query.operator == "and" else " | "
        return joiner.join(f"'{word}':*" if HANGUL.search(word) else f"'{word}'" for word in words) or None
    if isinstance(query, Or):
        parts = [part for subquery in query.subqueries if (part := tsquery_text(subquery, budget=budget))]
        return " | ".join(f"({part})" for part in parts) or None
    return None


TITLE_WEIGHT = 4.0
# Words matched only through their stems (`search.wordforms`) count this much: the words as written first.
STEMS_COLUMN, STEMS_WEIGHT = "autocomplete", 0.5


def _prefix_korean_words(node) -> None:
    """Match Korean words as prefixes: `해바라기` finds `해바라기센터`, `센터` finds `센터에서`.

    FTS5's unicode61 tokenizer splits on spaces, and Korean writes compounds and particles
    without them, so a whole-word match misses most Korean text. Walks the backend's built
    query and marks each Korean term a prefix term (`"해바라기"*`).
    """
    if isinstance(node, Lexeme):
        if HANGUL.search(str(node.value)):
            node.prefix = True
        return
    for name in ("value", "lhs", "rhs"):
        child = getattr(node, name, None)
        if child is not None and not isinstance(child, str):
            _prefix_korean_words(child)


@lru_cache(maxsize=4)
def _fts_columns(table: str) -> tuple[str, ...]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT name FROM pragma_table_info('{table}')")  # noqa: S608 - a model's table name
        return tuple(row[0] for row in cursor.fetchall())


def _weighted_bm25(table: str) -> RawSQL:
    """`bm25(<fts table>, …)` with a weight per column in the table's own order: title counts most."""
    weights = {"title": TITLE_WEIGHT, "body": 1.0, STEMS_COLUMN: STEMS_WEIGHT}
    arguments = ", ".join(str(weights.get(column, 0.0)) for column in _fts_columns(table))
    return RawSQL(f"bm25({connection.ops.quote_name(table)}, {arguments})", [], output_field=FloatField())  # noqa: S611
