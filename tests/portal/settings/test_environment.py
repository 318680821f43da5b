"""What a deploy sets in the environment reaches the settings: the Elasticsearch nodes, the uploads' bucket,
the shared caches, and gunicorn's own configuration (gunicorn.conf.py). Nothing here opens a connection."""

import runpy
from unittest import mock
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.core.cache.backends.redis import RedisCache
from django.core.files.storage import storages
from django.test import override_settings

import pytest
from gunicorn.config import Config

from knowledge.models import KnowledgeDocument
from knowledge.storage import SharedFileStorage
from search import conf
from tests.portal.settings.loading import load_settings

BUCKET = {
    "AWS_STORAGE_BUCKET_NAME": "dsp-media",
    "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000",
    "AWS_S3_REGION_NAME": "eu-central-1",
    "AWS_ACCESS_KEY_ID": "test-access-key",
    "AWS_SECRET_ACCESS_KEY": "test-secret-key",
    "AWS_S3_ADDRESSING_STYLE": "path",
}


# --- Elasticsearch nodes ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "nodes"),
    [
        ({}, []),
        (
            {"ELASTICSEARCH_URLS": "http://es01:9200, http://es02:9200,,http://es03:9200"},
            ["http://es01:9200", "http://es02:9200", "http://es03:9200"],
        ),
        ({"SEARCH_ELASTICSEARCH_URL": "http://127.0.0.1:9201"}, ["http://127.0.0.1:9201"]),
        (
            {"ELASTICSEARCH_URLS": "http://es01:9200", "SEARCH_ELASTICSEARCH_URL": "http://old:9200"},
            ["http://es01:9200"],
        ),
    ],
)
def test_the_search_cluster_is_a_list_of_nodes_with_the_single_url_as_fallback(environ, nodes):
    loaded = load_settings("base", **environ)
    with override_settings(
        SEARCH_ELASTICSEARCH_URL=loaded.SEARCH_ELASTICSEARCH_URL,
        SEARCH_ELASTICSEARCH_URLS=loaded.SEARCH_ELASTICSEARCH_URLS,
    ):
        assert nodes == conf.elasticsearch_urls()


def test_index_replicas_follow_the_environment():
    assert load_settings("base").SEARCH_INDEX_REPLICAS is None  # search.conf decides by the number of nodes
    assert load_settings("base", SEARCH_INDEX_REPLICAS="1").SEARCH_INDEX_REPLICAS == "1"


# --- Uploads: the disk, or a private bucket ----------------------------------------------------


def test_without_a_bucket_uploads_stay_on_disk_under_media_root(tmp_path):
    loaded = load_settings("base", MEDIA_ROOT=str(tmp_path))
    assert loaded.STORAGES["default"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert tmp_path == loaded.MEDIA_ROOT


def test_a_named_bucket_holds_uploads_private_and_signed():
    loaded = load_settings("base", **BUCKET)
    default = loaded.STORAGES["default"]
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    assert default["OPTIONS"] == {
        "bucket_name": "dsp-media",
        "endpoint_url": "http://127.0.0.1:9000",
        "region_name": "eu-central-1",
        "access_key": "test-access-key",
        "secret_key": "test-secret-key",
        "addressing_style": "path",
        "location": "",
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": 3600 + 600,
        "file_overwrite": False,
    }
    # Static files stay with whitenoise, served by the site itself.
    assert loaded.STORAGES["staticfiles"]["BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_signed_addresses_outlive_any_cached_page_that_shows_them():
    loaded = load_settings("base", **BUCKET, PAGE_CACHE_TIMEOUT="3000")
    assert loaded.STORAGES["default"]["OPTIONS"]["querystring_expire"] == 6600
    explicit = load_settings("base", **BUCKET, AWS_QUERYSTRING_EXPIRE="900")
    assert explicit.STORAGES["default"]["OPTIONS"]["querystring_expire"] == 900


@pytest.fixture
def bucket_storage():
    """The settings' S3 storage as Django's default storage, as a deploy with a bucket gets it."""
    loaded = load_settings("base", **BUCKET)
    with override_settings(STORAGES={**settings.STORAGES, "default": loaded.STORAGES["default"]}):
        yield storages["default"]


def test_files_in_the_bucket_are_reached_only_through_signed_addresses(bucket_storage):
    # The address boto3 signs on this machine, without asking the server anything.
    address = urlsplit(SharedFileStorage().url("documents/partner-only-report.pdf"))
    query = parse_qs(address.query)
    assert (address.scheme, address.netloc, address.path) == (
        "http",
        "127.0.0.1:9000",
        "/dsp-media/documents/partner-only-report.pdf",
    )
    assert query["X-Amz-Expires"] == ["4200"]
    assert query["X-Amz-Signature"][0]
    assert query["X-Amz-Credential"][0].startswith("test-access-key/")


@pytest.mark.django_db
def test_documents_are_still_served_by_the_portal_behind_its_privacy_checks(bucket_storage):
    # Wagtail would redirect to the bucket if the serve method were left to guess from the storage.
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    document = KnowledgeDocument(id=41, title="Partner-only report", file="documents/partner-only-report.pdf")
    assert document.file.storage.inner is bucket_storage
    assert document.url == "/documents/41/partner-only-report.pdf"


# --- Caches ------------------------------------------------------------------------------------


def test_with_redis_every_worker_shares_both_caches_under_their_own_prefixes():
    loaded = load_settings(
        "production",
        DJANGO_SECRET_KEY="test-only",
        DJANGO_ALLOWED_HOSTS="knowledge.example.org",
        REDIS_URL="redis://127.0.0.1:6379/1",
    )
    caches = loaded.CACHES
    assert {alias: caches[alias]["BACKEND"] for alias in ("default", "pages")} == {
        "default": "portal.core.cache_backends.ForgivingRedisCache",
        "pages": "django.core.cache.backends.redis.RedisCache",
    }
    assert caches["default"]["LOCATION"] == caches["pages"]["LOCATION"] == "redis://127.0.0.1:6379/1"
    # One Redis database, two key spaces: a subscribe-form counter never lands on a page's key.
    keys = {alias: RedisCache(caches[alias]["LOCATION"], caches[alias]).make_key("k") for alias in caches}
    assert keys["default"] != keys["pages"]


def test_without_redis_pages_go_to_a_shared_folder_and_the_default_cache_stays_in_memory(tmp_path):
    loaded = load_settings(
        "production",
        DJANGO_SECRET_KEY="test-only",
        DJANGO_ALLOWED_HOSTS="knowledge.example.org",
        PAGE_CACHE_DIR=str(tmp_path),
    )
    assert loaded.CACHES["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert loaded.CACHES["pages"]["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert loaded.CACHES["pages"]["LOCATION"] == str(tmp_path)
    # The running test settings were not touched by loading production's.
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


# --- gunicorn ----------------------------------------------------------------------------------


def gunicorn_settings(**environ):
    """gunicorn.conf.py's values, as gunicorn takes them, with these variables set."""
    with mock.patch.dict("os.environ", environ):
        values = runpy.run_path(str(settings.BASE_DIR / "gunicorn.conf.py"))
    config = Config()
    names = {name for name in values if not name.startswith("_") and name not in ("os", "multiprocessing")}
    # A misspelt name would be ignored by gunicorn without a word.
    assert names <= set(config.settings), f"not gunicorn settings: {names - set(config.settings)}"
    for name in names:
        config.set(name, values[name])
    return config


def test_gunicorn_listens_on_the_loopback_for_a_proxy_on_the_same_machine():
    config = gunicorn_settings()
    assert config.bind == ["127.0.0.1:8000"]
    assert config.forwarded_allow_ips == ["127.0.0.1", "::1"]
    assert config.wsgi_app == "portal.wsgi:application"
    assert config.accesslog == "-"
    assert config.worker_class_str == "sync"


def test_gunicorn_takes_workers_address_and_proxies_from_the_environment():
    config = gunicorn_settings(WEB_CONCURRENCY="5", GUNICORN_BIND="0.0.0.0:8000", FORWARDED_ALLOW_IPS="172.28.0.0/16")
    assert config.workers == 5
    assert config.bind == ["0.0.0.0:8000"]
    assert config.forwarded_allow_ips == ["172.28.0.0/16"]
