"""docker-compose.yml, read as docker compose reads it (YAML with anchors and merge keys; Docker is not
on the development machine): the services a deploy needs, one three-node Elasticsearch cluster, health
checks, and only documented variables."""

import re

import pytest

from tests.portal.settings.deployment_files import ROOT, compose, env_example

NODES = ("es01", "es02", "es03")


def services() -> dict:
    return compose()["services"]


def environment(service: str) -> dict:
    """A service's variables as a mapping (compose also accepts a list of NAME=value)."""
    variables = services()[service].get("environment") or {}
    if isinstance(variables, list):
        variables = dict(item.split("=", 1) for item in variables)
    return {name: str(value) for name, value in variables.items()}


def test_the_stack_has_the_site_its_migrations_and_every_service_it_uses():
    assert set(services()) == {"web", "migrate", "db", "redis", *NODES}
    assert services()["db"]["image"] == "postgres:15"
    assert services()["redis"]["image"].startswith("redis:7")


def test_the_web_image_is_built_here_and_runs_gunicorn_as_a_user_other_than_root():
    assert services()["web"]["build"] == "."
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert dockerfile.startswith("#") and "\nFROM python:3.11-slim\n" in dockerfile
    assert "pip install -r requirements.txt" in dockerfile
    assert "manage.py collectstatic --noinput" in dockerfile
    users = re.findall(r"^USER (\S+)$", dockerfile, flags=re.MULTILINE)
    assert users and users[-1] not in ("root", "0")
    assert re.search(r'^CMD \["gunicorn", "--config", "gunicorn.conf.py"\]$', dockerfile, flags=re.MULTILINE)


def test_migrations_run_once_before_the_site_starts():
    migrate = services()["migrate"]
    assert migrate["command"] == ["python", "manage.py", "migrate", "--noinput"]
    assert migrate["restart"] == "no"
    assert migrate["image"] == services()["web"]["image"]
    assert services()["web"]["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}


def test_the_site_waits_for_healthy_services_and_has_its_own_health_check():
    waits_for = services()["web"]["depends_on"]
    for service in ("db", "redis"):
        assert waits_for[service] == {"condition": "service_healthy"}, service
    for service in NODES:  # one node down must not keep the site from starting
        assert waits_for[service] == {"condition": "service_started", "required": False}, service
    for service in ("web", "db", "redis", *NODES):
        assert services()[service]["healthcheck"]["test"], service


def test_the_site_is_published_on_the_hosts_loopback_only_for_its_proxy():
    published = {name: service.get("ports", []) for name, service in services().items() if service.get("ports")}
    assert published == {"web": ["127.0.0.1:8000:8000"]}


def test_the_web_service_is_wired_to_the_database_cluster_and_redis():
    variables = environment("web")
    assert variables["DJANGO_SETTINGS_MODULE"] == "portal.settings.production"
    database = variables["DATABASE_URL"]
    assert database.startswith("postgres://dsp:${POSTGRES_PASSWORD") and database.endswith("@db:5432/dsp")
    assert variables["ELASTICSEARCH_URLS"].split(",") == [f"http://{node}:9200" for node in NODES]
    assert variables["SEARCH_INDEX_REPLICAS"] == "1"
    assert variables["REDIS_URL"] == "redis://redis:6379/0"
    assert variables["GUNICORN_BIND"] == "0.0.0.0:8000"
    assert services()["web"]["env_file"] == ".env"


def test_every_variable_the_web_service_gets_is_documented():
    undocumented = sorted(set(environment("web")) - env_example().keys())
    assert not undocumented, f"docker-compose.yml gives web these, which .env.example does not name: {undocumented}"


def test_postgres_stores_text_as_utf8():
    initdb = environment("db")["POSTGRES_INITDB_ARGS"]
    assert "--encoding=UTF8" in initdb and "--locale=C.UTF-8" in initdb


@pytest.mark.parametrize("node", NODES)
def test_each_elasticsearch_node_joins_one_cluster_with_the_other_two(node):
    variables = environment(node)
    others = [other for other in NODES if other != node]
    assert variables["node.name"] == node
    assert variables["cluster.name"] == "dsp"
    assert variables["discovery.seed_hosts"].split(",") == others
    assert variables["cluster.initial_master_nodes"].split(",") == list(NODES)
    assert services()[node]["build"] == {"context": ".", "dockerfile": "docker/elasticsearch/Dockerfile"}
    assert services()[node]["volumes"] == [f"{node}-data:/usr/share/elasticsearch/data"]


def test_elasticsearch_without_security_is_reachable_from_the_private_network_only():
    assert compose()["networks"]["backend"] == {"internal": True}
    for node in NODES:
        assert environment(node)["xpack.security.enabled"] == "false"
        assert services()[node]["networks"] == ["backend"]
        assert "ports" not in services()[node]
    assert set(services()["db"]["networks"]) == set(services()["redis"]["networks"]) == {"backend"}


def test_the_elasticsearch_image_has_the_portals_plugin_and_russian_dictionary():
    dockerfile = (ROOT / "docker" / "elasticsearch" / "Dockerfile").read_text()
    # The plugin's version is the node's: one number in the Dockerfile, the compose file and the pom.
    pom = (ROOT / "search" / "elasticsearch_plugin" / "pom.xml").read_text()
    version = re.search(r"<elasticsearch.version>([\d.]+)</elasticsearch.version>", pom).group(1)
    assert f"ARG ES_VERSION={version}\n" in dockerfile
    assert services()["es01"]["image"] == f"dsp-elasticsearch:{version}"
    assert "COPY search/elasticsearch_plugin/pom.xml" in dockerfile and "mvn -q -B package" in dockerfile
    assert "elasticsearch-plugin install --batch file:///tmp/dsp-analysis.zip" in dockerfile
    assert "hunspell-ru" in dockerfile and "config/hunspell/ru_RU/" in dockerfile


def test_data_lives_in_named_volumes():
    assert set(compose()["volumes"]) == {"media", "pgdata", "es01-data", "es02-data", "es03-data"}
    assert services()["web"]["volumes"] == ["media:/app/media"]
    assert services()["db"]["volumes"] == ["pgdata:/var/lib/postgresql/data"]
