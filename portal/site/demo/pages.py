"""The demo page tree: pages from `data/pages/`, their view restrictions and their translations."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType

from wagtail.models import Locale, Page, PageViewRestriction, Site

from .fields import Refs, fields_apply, words_merged
from .files import DemoDataError, data_paths, data_read
from .tally import Tally

# The demo's own addresses: a default site on one of them follows the served address (`served_address`).
LOCAL_HOSTNAMES = ("localhost", "127.0.0.1")
# Keys of a page item that are not model fields: its page type and whether only partners may read it.
_PAGE_KEYS = ("model", "restricted")


def _page_files() -> list[tuple[str, dict]]:
    return [(path.name, data_read(path)) for path in data_paths("pages")]


def _fields(item: dict) -> dict:
    return {name: value for name, value in item.items() if name not in _PAGE_KEYS}


def pages_ensure(tally: Tally, refs: Refs) -> Page:
    """Create the missing pages, file by file; return the site's root page (the home page)."""
    home = None
    step, kinds = None, []
    for name, spec in _page_files():
        if spec["step"] != step:
            tally.report(*kinds)
            step, kinds = spec["step"], []
            tally.say(step)
        kinds.append(spec["kind"])
        for item in spec["items"]:
            where = f"pages/{name}, {item.get('slug')!r}"
            model = apps.get_model(item.get("model") or spec["model"])
            if spec.get("parent"):
                page = _page_ensure(
                    tally, refs, kind=spec["kind"], parent=spec["parent"], model=model, item=item, where=where
                )
            else:
                home = page = _site_root_ensure(tally, refs, kind=spec["kind"], model=model, item=item, where=where)
            refs.add(page, item["slug"])
    tally.report(*kinds)
    return home


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _page_ensure(tally: Tally, refs: Refs, *, kind: str, parent: str, model, item: dict, where: str) -> Page:
    parent_page = refs.get(Page, parent, where=where)
    page = parent_page.get_children().filter(slug=item["slug"]).specific().first()
    created = page is None
    if created:
        page = model()
        fields_apply(page, _fields(item), refs, where=where)
        parent_page.add_child(instance=page)
        _publish(page)
    tally.record(kind, created=created)
    return page


def _starter_page(root: Page) -> Page | None:
    """Wagtail's "Welcome to your new Wagtail site!" page: a plain Page, directly under the root."""
    plain_page = ContentType.objects.get_for_model(Page)
    return root.get_children().filter(content_type=plain_page, numchild=0).first()


def served_address() -> tuple[str, int]:
    """The host and port the site is served on, from `WAGTAILADMIN_BASE_URL` (which follows PORT).

    The default site's address is what Wagtail writes into full URLs (hreflang links, the API's
    `html_url`): it must be the address readers use, port included.
    """
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return address.hostname or "localhost", address.port or (443 if address.scheme == "https" else 80)


def _site_root_ensure(tally: Tally, refs: Refs, *, kind: str, model, item: dict, where: str) -> Page:
    """A page without a parent is the default site's root, in place of Wagtail's starter page."""
    root = Page.get_first_root_node()
    starter = _starter_page(root)
    if starter is not None:
        # Sites point at the starter page and would be deleted with it (on_delete=CASCADE).
        Site.objects.filter(root_page=starter).update(root_page=root)
        tally.say(f"  removed the Wagtail starter page {starter.title!r}")
        starter.delete()
        root.refresh_from_db()

    default_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = model.objects.filter(depth=2, locale=default_locale).first()
    created = home is None
    if created:
        home = model(locale=default_locale)
        fields_apply(home, _fields(item), refs, where=where)
        root.add_child(instance=home)
        _publish(home)
    tally.record(kind, created=created)

    hostname, port = served_address()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname=hostname, port=port, root_page=home, is_default_site=True, site_name=settings.WAGTAIL_SITE_NAME
        )
        tally.record("sites", created=True)
    else:
        # A local demo follows the address it is served on (`make run`'s PORT); a real host is left alone.
        moved = site.hostname in LOCAL_HOSTNAMES and (site.hostname, site.port) != (hostname, port)
        changed = site.root_page_id != home.pk or not site.site_name or moved
        if changed:
            site.root_page = home
            site.site_name = site.site_name or settings.WAGTAIL_SITE_NAME
            if moved:
                site.hostname, site.port = hostname, port
            site.save()
            tally.say(f"  pointed the default site ({site.hostname}:{site.port}) at the home page")
        tally.record("sites", created=False)
    return home


def page_restrictions_ensure(tally: Tally, refs: Refs, *, partner_group: Group) -> None:
    """Partner-only pages: a Wagtail view restriction is what `portal.core.privacy` reads."""
    tally.say("Partner-only pages")
    for name, spec in _page_files():
        for item in spec["items"]:
            if not item.get("restricted"):
                continue
            page = refs.get(Page, item["slug"], where=f"pages/{name}")
            exists = PageViewRestriction.objects.filter(page=page).exists()
            if not exists:
                restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
                restriction.groups.set([partner_group])
            tally.record("page restrictions", created=not exists)
    tally.report("page restrictions")


def page_translations_ensure(tally: Tally, refs: Refs, *, translations: dict) -> None:
    """Each page in each language its words are given in, parents before children.

    A copy keeps slugs, classification and structure; only the words change.
    """
    tally.say("Page translations")
    files = _page_files()
    for code, words_by_file in translations.items():
        for name, words_by_slug in words_by_file["pages"].items():
            slugs = {item["slug"] for file_name, spec in files if file_name == name for item in spec["items"]}
            unknown = set(words_by_slug) - slugs
            if unknown:
                raise DemoDataError(f"translations/{code}/pages/{name} names no such pages: {sorted(unknown)}")
    for name, spec in _page_files():
        for item in spec["items"]:
            source = refs.get(Page, item["slug"], where=f"pages/{name}")
            for code, words_by_file in translations.items():
                words = words_by_file["pages"].get(name, {}).get(item["slug"])
                if not words:
                    continue
                locale = Locale.objects.get(language_code=code)
                exists = source.get_translation_or_none(locale) is not None
                if not exists:
                    translation = source.copy_for_translation(locale, copy_parents=True, alias=False).specific
                    where = f"translations/{code}/pages/{name}, {item['slug']!r}"
                    fields_apply(translation, words_merged(_fields(item), words), refs, where=where)
                    _publish(translation)
                tally.record("page translations", created=not exists)
    tally.report("page translations")
