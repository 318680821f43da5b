"""Background work of search, run through django-tasks (immediately unless a worker is set)."""

from django_tasks import task

from search import indexing


@task()
def sync_search_index(keys: list[str]) -> dict:
    """Index or remove these objects ("page:12", "document:3") as their state now says."""
    return indexing.sync(keys).as_dict()


@task()
def catch_up_search_index() -> dict:
    return indexing.catch_up_pending(patient=True).as_dict()
