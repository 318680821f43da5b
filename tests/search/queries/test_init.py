"""`search.queries`: which engine answers, and the database's degraded answer when Elasticsearch fails."""

from search.queries import ElasticsearchEngine, KnowledgeSearch, SearchParams
from tests.search.queries.conftest import PUBLIC_ITEMS, titles


def test_unreachable_node_falls_back_to_database(es_down, corpus):
    result = KnowledgeSearch(user=None, language="en").search(SearchParams(q="sunflower"))
    assert result.degraded and result.engine == "database"
    assert titles(result)[0] == "How the Sunflower Centre model works"


def test_no_elasticsearch_configured_is_not_degraded(corpus):
    result = KnowledgeSearch(user=None, language="en").search(SearchParams())
    assert not result.degraded and result.engine == "database" and result.total == PUBLIC_ITEMS


def test_elasticsearch_engine_is_used_when_configured(indexed):
    engine = KnowledgeSearch(user=None, language="en").engine()
    assert isinstance(engine, ElasticsearchEngine)
