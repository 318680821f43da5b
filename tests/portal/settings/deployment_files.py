"""Reading the deployment files the way their tools do: the variables code reads, .env.example, the compose file."""

import ast
import re
from functools import cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]
# Every file that reads the environment at start-up: the settings, gunicorn's configuration, the
# container's health check, and the entry points that choose the settings.
READERS = [
    *sorted((ROOT / "portal" / "settings").glob("*.py")),
    ROOT / "gunicorn.conf.py",
    ROOT / "docker" / "healthcheck.py",
    ROOT / "portal" / "wsgi.py",
    ROOT / "manage.py",
]
_READ_CALLS = {"os.environ.get", "os.environ.setdefault", "os.getenv", "env_bool", "env_list"}
_VARIABLE_LINE = re.compile(r"^(?:#\s?)?([A-Z][A-Z0-9_]*)=")
_INTERPOLATION = re.compile(r"\$\{([A-Z][A-Z0-9_]*)")


def variables_read(path: Path) -> set[str]:
    """Names `path` reads from the environment: os.environ[…], os.environ.get(…), env_bool(…) and the like."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Call) and ast.unparse(node.func) in _READ_CALLS:
            argument = node.args[0] if node.args else None
        elif isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ":
            argument = node.slice
        else:
            continue
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            names.add(argument.value)
    return names


@cache
def all_variables_read() -> frozenset[str]:
    return frozenset().union(*(variables_read(path) for path in READERS))


@cache
def env_example() -> dict[str, list[str]]:
    """.env.example's variables (set or left as `# NAME=`), each with the comment lines just above it."""
    documented: dict[str, list[str]] = {}
    comment: list[str] = []
    for line in (ROOT / ".env.example").read_text().splitlines():
        match = _VARIABLE_LINE.match(line)
        if match:
            documented[match.group(1)] = comment
            comment = []
        elif line.startswith("#"):
            comment = [*comment, line.lstrip("#").strip()]
        else:
            comment = []
    return documented


@cache
def compose_text() -> str:
    return (ROOT / "docker-compose.yml").read_text()


@cache
def compose() -> dict:
    # PyYAML resolves the anchors and `<<` merge keys as docker compose does.
    return yaml.safe_load(compose_text())


def compose_interpolations() -> set[str]:
    """Variables docker compose itself substitutes (`${NAME}`, `${NAME:-default}`), read from .env."""
    return set(_INTERPOLATION.findall(compose_text()))
