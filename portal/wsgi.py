import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")


def _application():
    django_application = get_wsgi_application()
    # Imported once Django is set up: signed-out readers' cached pages are answered before Django's handler.
    from portal.core.page_cache import PageCacheFront  # noqa: PLC0415 (needs Django set up)

    return PageCacheFront(django_application)


application = _application()
