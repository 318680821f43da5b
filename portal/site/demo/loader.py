"""The demo loader: builds the portal's demonstration content from the YAML files in `data/`.

Idempotent by design. Every item is looked up by a stable key (ISO code, slug, username,
document or image title, a page's slug under its parent) and left exactly as it is when
found, so `make run` can call the loader on every start without duplicating anything or
overwriting what an editor has changed since.

The data names model fields; `fields.py` sets them from the models' `_meta`, so a new field
needs only a data edit (see `data/README.md`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from wagtail.models import Locale, Page, Site

from portal.core.models import SiteSettings
from portal.core.privacy import PARTNER_GROUP
from portal.site.focal_points import focal_point_ensure
from portal.site.models import CountryPage
from portal.site.roles import roles_ensure

from .fields import Refs, fields_apply
from .files import DemoDataError, data_read, translations_read
from .history import status_history_ensure
from .media import collections_ensure, document_events_ensure, documents_ensure, images_ensure
from .pages import page_restrictions_ensure, page_translations_ensure, pages_ensure
from .tally import Tally

# Keys of a login that are not user fields: the role it gets, the country a focal point edits
# (its ISO code) and how the command describes it.
_LOGIN_KEYS = ("role", "country", "description")
# A country's focal point (`portal.site.focal_points`) is not one of `portal.site.roles`'s groups.
_FOCAL_POINT = "focal-point"


def demo_load(*, stdout=None, extra_steps: Sequence[Callable[[Tally], None]] = ()) -> dict:
    """Create whatever demo content is missing; return counts of created and present items.

    `extra_steps` load the demo content of the layers above the site's assembly (search's
    thesaurus, given by `manage.py load_demo`), last, in the same transaction and tally.
    Returns `{"created": int, "present": int, "kinds": {kind: {"created": int, "present": int}}}`.
    """
    tally = Tally(stdout=stdout)
    refs = Refs()
    translations = translations_read()
    with transaction.atomic():
        _locales_ensure(tally)
        _vocabularies_ensure(tally, refs, translations=translations)
        # By name, as `portal.core.privacy` defines it; `portal.site.roles` runs only after the page tree.
        partner_group, _created = Group.objects.get_or_create(name=PARTNER_GROUP)
        collections_ensure(tally, refs, partner_group=partner_group)
        images_ensure(tally, refs)
        document_events = documents_ensure(tally, refs, translations=translations)
        home = pages_ensure(tally, refs)
        document_events_ensure(tally, refs, document_events)
        page_restrictions_ensure(tally, refs, partner_group=partner_group)
        page_translations_ensure(tally, refs, translations=translations)
        status_history_ensure(tally, refs)
        _users_ensure(tally, home, partner_group=partner_group)
        _site_settings_ensure(tally, refs)
        for step in extra_steps:
            step(tally)
    return tally.counts()


def demo_logins() -> list[tuple[str, str, str]]:
    """(username, password, what the role may do) for each demo login."""
    logins = data_read("logins.yaml")
    return [(user["username"], logins["password"], user["description"]) for user in logins["users"]]


def _locales_ensure(tally: Tally) -> None:
    tally.say("Locales")
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        _locale, created = Locale.objects.get_or_create(language_code=code)
        tally.record("locales", created=created)
    tally.report("locales")


def _vocabularies_ensure(tally: Tally, refs: Refs, *, translations: dict) -> None:
    tally.say("Vocabularies")
    default_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    groups = data_read("vocabularies.yaml")
    for group in groups:
        model, key = apps.get_model(group["model"]), group["key"]
        for item in group["items"]:
            entry = model.objects.filter(**{key: item[key]}, locale=default_locale).first()
            created = entry is None
            if created:
                entry = model(locale=default_locale)
                fields_apply(entry, item, refs, where=f"vocabularies.yaml, {group['model']} {item[key]!r}")
                entry.save()
            refs.add(entry, item[key])
            tally.record(group["kind"], created=created)

    # Translations keep the language-neutral key and change only the words.
    for code, words_by_model in translations.items():
        locale = Locale.objects.get(language_code=code)
        for label, words_by_key in words_by_model["vocabularies"].items():
            model = apps.get_model(label)
            for key, words in words_by_key.items():
                where = f"translations/{code}/vocabularies.yaml, {label} {key!r}"
                source = refs.get(model, key, where=where)
                exists = model.objects.filter(translation_key=source.translation_key, locale=locale).exists()
                if not exists:
                    translation = source.copy_for_translation(locale)
                    fields_apply(translation, words, refs, where=where)
                    translation.save()
                tally.record("vocabulary translations", created=not exists)
    tally.report(*(group["kind"] for group in groups), "vocabulary translations")


def _users_ensure(tally: Tally, home: Page, *, partner_group: Group) -> None:
    tally.say("Roles and demo users")
    # Groups and their permissions; page permissions and the workflow need the tree built.
    roles = roles_ensure(site_root=home)
    user_model = get_user_model()
    logins = data_read("logins.yaml")
    for spec in logins["users"]:
        user = user_model.objects.filter(username=spec["username"]).first()
        created = user is None
        if created:
            user = user_model(username=spec["username"])
            fields_apply(user, _without(spec, _LOGIN_KEYS), Refs(), where=f"logins.yaml, {spec['username']!r}")
            # Only new users get the demo password; existing accounts keep theirs.
            user.set_password(logins["password"])
            user.save()
        tally.record("users", created=created)

        if spec["role"] == _FOCAL_POINT:
            groups = [_focal_point_group(spec, home)]
        elif spec["role"] not in roles:
            raise DemoDataError(f"logins.yaml, {spec['username']!r}: no role {spec['role']!r} in {sorted(roles)}")
        else:
            groups = [roles[spec["role"]]]
        if spec["role"] in ("partners", _FOCAL_POINT):
            # The group the view restrictions name, whatever `portal.site.roles` calls its partner role;
            # a focal point is a partner official too, and reads what partners read.
            groups.append(partner_group)
        member_of = set(user.groups.values_list("pk", flat=True))
        missing = list({group.pk: group for group in groups if group.pk not in member_of}.values())
        if missing:
            user.groups.add(*missing)
            if not created:
                tally.say(f"  added {user.username} to {', '.join(group.name for group in missing)}")
    tally.report("users")


def _focal_point_group(spec: dict, home: Page) -> Group:
    """The focal-point group of the profile of the login's `country`, in the demo's default-language tree."""
    profile = (
        CountryPage.objects.descendant_of(home)
        .filter(country__iso_code=spec.get("country"), locale=home.locale)
        .first()
    )
    if profile is None:
        raise DemoDataError(f"logins.yaml, {spec['username']!r}: no country profile for {spec.get('country')!r}")
    return focal_point_ensure(profile)


def _without(spec: dict, keys: tuple[str, ...]) -> dict:
    return {name: value for name, value in spec.items() if name not in keys}


def _site_settings_ensure(tally: Tally, refs: Refs) -> None:
    site = Site.objects.get(is_default_site=True)
    created = not SiteSettings.objects.filter(site=site).exists()
    if created:
        site_settings = SiteSettings(site=site)
        fields_apply(site_settings, data_read("site_settings.yaml"), refs, where="site_settings.yaml")
        site_settings.save()
    tally.record("site settings", created=created)
    tally.report("site settings")
