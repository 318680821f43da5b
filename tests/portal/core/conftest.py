import pytest

from portal.core import request_memo


@pytest.fixture
def memo():
    """A request's memo around the test, as `RequestMemoMiddleware` opens one for a GET."""
    tokens = request_memo.begin()
    yield
    request_memo.end(tokens)
