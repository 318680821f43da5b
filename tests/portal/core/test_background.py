"""The worker-thread task backend (`portal.core.background.ThreadBackend`).

The test settings run every alias immediately; these tests put the "background" alias on the
worker thread (the `settings` fixture sends `setting_changed`, on which django-tasks drops its
cached backends) and enqueue real tasks through it. The tasks do not use the database, but the
worker opens and closes its connections around each one, which pytest-django allows only in
database tests.
"""

import logging
import threading

import pytest
from django_tasks import TaskResultStatus, task

from portal.core import background

pytestmark = pytest.mark.django_db

runs: list[tuple[str, str]] = []


@task(backend="background")
def record(word: str) -> str:
    runs.append((word, threading.current_thread().name))
    return word.upper()


@task(backend="background")
def fail(word: str) -> None:
    raise ValueError(f"cannot read {word}")


@pytest.fixture
def worker_thread(settings):
    """The "background" alias on `ThreadBackend`, an empty record, and nothing left running after."""
    settings.TASKS = {**settings.TASKS, "background": {"BACKEND": "portal.core.background.ThreadBackend"}}
    runs.clear()
    yield
    assert background.wait_until_idle(30), "the worker is still busy 30 s after the test"


def test_enqueue_returns_before_the_task_runs_then_the_worker_runs_them_in_order(worker_thread):
    with background.paused():
        results = [record.enqueue(word) for word in ("first", "second", "third")]
        assert runs == []
        assert [result.status for result in results] == [TaskResultStatus.READY] * 3
    assert background.wait_until_idle(30)
    assert [word for word, _ in runs] == ["first", "second", "third"]
    # Off the caller's thread, on the one worker.
    assert {name for _, name in runs} == {"portal-background-tasks"}
    assert threading.current_thread().name != "portal-background-tasks"
    assert [result.status for result in results] == [TaskResultStatus.SUCCESSFUL] * 3
    assert [result.return_value for result in results] == ["FIRST", "SECOND", "THIRD"]
    assert all(result.started_at >= result.enqueued_at for result in results)


def test_a_failing_task_is_logged_with_its_traceback_and_the_next_one_still_runs(worker_thread, caplog):
    with caplog.at_level(logging.ERROR), background.paused():
        failed = fail.enqueue("scan.pdf")  # Does not raise into the caller.
        after = record.enqueue("after")
    assert background.wait_until_idle(30)
    assert failed.status == TaskResultStatus.FAILED
    assert failed.errors[0].exception_class is ValueError
    assert "cannot read scan.pdf" in failed.errors[0].traceback
    logged = [r for r in caplog.records if r.levelno >= logging.ERROR and fail.module_path in r.getMessage()]
    assert len(logged) == 1 and logged[0].exc_info and logged[0].exc_info[0] is ValueError
    assert after.status == TaskResultStatus.SUCCESSFUL and runs == [("after", "portal-background-tasks")]


def test_the_worker_survives_a_failure_for_later_enqueues(worker_thread):
    fail.enqueue("first.pdf")
    assert background.wait_until_idle(30)
    result = record.enqueue("later")
    assert background.wait_until_idle(30)
    assert result.status == TaskResultStatus.SUCCESSFUL and runs == [("later", "portal-background-tasks")]


def test_the_test_settings_keep_both_aliases_immediate():
    """Every other test relies on tasks having run when `enqueue` returns."""
    runs.clear()
    result = record.enqueue("now")
    assert result.status == TaskResultStatus.SUCCESSFUL and runs == [("now", threading.current_thread().name)]
