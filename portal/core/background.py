"""A django-tasks backend that runs tasks after the request, on one worker thread of the process.

django-tasks 0.12 ships only the immediate backend (the task runs inside `enqueue`, so in the
request) and the dummy one (it never runs). Text extraction can take minutes (OCR of a long
scan, `DOCUMENT_OCR_SECONDS`), and an editor's upload must not wait for it: the `background`
alias of `TASKS` (`TASKS_BACKGROUND_BACKEND`) uses `ThreadBackend`, whose `enqueue` only puts
the task on the queue of a daemon thread that runs the process's tasks one at a time, in order,
each with fresh database connections. A task that raises is recorded on its result and logged
(django-tasks' `task_finished` receiver logs it with its traceback); the worker goes on with
the next one and nothing reaches the request.

Nothing is kept across processes: a process that stops loses its queue. Whatever was queued
must therefore be recoverable from the database (an upload stays `extraction_state="pending"`
until read, and `manage.py extract_documents --missing`, run by `make run` before serving,
reads it). A short-lived process that queues work and wants it done, such as
`import_documents`, waits for it with `wait_until_idle()`. Point the alias at a real queue
(a database or Redis backend) when one is deployed; the tasks do not change.

Tests hold the worker (`paused()`, or `pause()` and `resume()`) to see a request's answer
while its task still waits, and `wait_until_idle()` until it has run.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections import deque
from collections.abc import Iterator
from typing import ParamSpec, TypeVar

from django.conf import settings
from django.db import close_old_connections, connections
from django.utils import timezone, translation

from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import Task, TaskContext, TaskError, TaskResult, TaskResultStatus
from django_tasks.signals import task_enqueued, task_finished, task_started
from django_tasks.utils import get_exception_traceback, get_module_path, get_random_id, normalize_json

logger = logging.getLogger(__name__)

T = TypeVar("T")
P = ParamSpec("P")


class ThreadBackend(ImmediateBackend):
    """django-tasks' immediate backend, run on the process's worker thread instead of in `enqueue`.

    The result returned by `enqueue` is READY; the worker updates the same object as the task
    starts and ends (RUNNING, then SUCCESSFUL or FAILED with its errors), as the immediate
    backend does. Results cannot be looked up by id (`supports_get_result` stays False).
    """

    supports_priority = False  # One queue, in the order of `enqueue`.

    def enqueue(self, task: Task[P, T], args: P.args, kwargs: P.kwargs) -> TaskResult[T]:
        self.validate_task(task)
        task_result: TaskResult[T] = TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=timezone.now(),
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        task_enqueued.send(type(self), task_result=task_result)
        _worker().put(self, task_result)
        return task_result

    def run(self, task_result: TaskResult) -> None:
        """Run one queued task, recording its outcome on its result; never raises (but KeyboardInterrupt)."""
        task = task_result.task
        started = timezone.now()
        object.__setattr__(task_result, "status", TaskResultStatus.RUNNING)
        object.__setattr__(task_result, "started_at", started)
        object.__setattr__(task_result, "last_attempted_at", started)
        task_result.worker_ids.append(self.worker_id)
        task_started.send(sender=type(self), task_result=task_result)
        try:
            if task.takes_context:
                value = task.call(TaskContext(task_result=task_result), *task_result.args, **task_result.kwargs)
            else:
                value = task.call(*task_result.args, **task_result.kwargs)
            object.__setattr__(task_result, "_return_value", normalize_json(value))
        except KeyboardInterrupt:
            raise
        except BaseException as error:  # noqa: BLE001 - recorded on the result and logged, as the immediate backend does
            object.__setattr__(task_result, "finished_at", timezone.now())
            task_result.errors.append(
                TaskError(exception_class_path=get_module_path(type(error)), traceback=get_exception_traceback(error))
            )
            object.__setattr__(task_result, "status", TaskResultStatus.FAILED)
            # Sent inside the handler, so django-tasks' receiver logs the traceback with the failure.
            task_finished.send(type(self), task_result=task_result)
        else:
            object.__setattr__(task_result, "finished_at", timezone.now())
            object.__setattr__(task_result, "status", TaskResultStatus.SUCCESSFUL)
            task_finished.send(type(self), task_result=task_result)


class _Worker:
    """One daemon thread and its queue; jobs run one at a time, in order."""

    def __init__(self) -> None:
        self.pid = os.getpid()
        self._jobs: deque[tuple[ThreadBackend, TaskResult]] = deque()
        self._changed = threading.Condition()
        self._busy = 0  # Queued plus running.
        self._thread = threading.Thread(target=self._loop, name="portal-background-tasks", daemon=True)
        self._thread.start()

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def put(self, backend: ThreadBackend, task_result: TaskResult) -> None:
        with self._changed:
            self._jobs.append((backend, task_result))
            self._busy += 1
            self._changed.notify_all()

    def wait_until_idle(self, timeout: float | None) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: self._busy == 0, timeout)

    def wake(self) -> None:
        with self._changed:
            self._changed.notify_all()

    def _loop(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._jobs and _running.is_set())
                backend, task_result = self._jobs.popleft()
            try:
                self._run(backend, task_result)
            except Exception:  # noqa: BLE001 - a receiver or a connection failed: the worker must live on
                logger.exception(
                    "background task %s (%s) could not be run", task_result.task.module_path, task_result.id
                )
            finally:
                with self._changed:
                    self._busy -= 1
                    self._changed.notify_all()

    def _run(self, backend: ThreadBackend, task_result: TaskResult) -> None:
        # Connections of this thread only: never one a request is using, and none left open
        # (or broken) between tasks that may be minutes or days apart.
        close_old_connections()
        try:
            with translation.override(settings.LANGUAGE_CODE):
                backend.run(task_result)
        finally:
            connections.close_all()


_lock = threading.Lock()
_current: _Worker | None = None
# Set: the worker runs jobs. Cleared by `pause()`.
_running = threading.Event()
_running.set()


def _worker() -> _Worker:
    """This process's worker, started on first use (again after a fork, whose child has no thread)."""
    global _current  # noqa: PLW0603 - one worker per process
    with _lock:
        if _current is None or _current.pid != os.getpid() or not _current.alive:
            _current = _Worker()
        return _current


def wait_until_idle(timeout: float | None = None) -> bool:
    """Wait until this process's worker has run everything queued so far; False if `timeout` passed first."""
    with _lock:
        worker = _current if _current is not None and _current.pid == os.getpid() else None
    return True if worker is None else worker.wait_until_idle(timeout)


def pause() -> None:
    """For tests: the worker starts no new task until `resume()` (one already running finishes)."""
    _running.clear()


def resume() -> None:
    _running.set()
    with _lock:
        worker = _current
    if worker is not None:
        worker.wake()


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """For tests: `pause()` for the block."""
    pause()
    try:
        yield
    finally:
        resume()
