"""What each change purges from the anonymous page cache (`portal.core.page_cache`).

- A page published or unpublished (a translation too): `page:<key>`, its section's list, the
  countries and themes it had and has, and the pages that link or attach it with their lists.
  A first publish (the page was not shown before, and is live now) purges all but its own tag softly: lists may show
  the page a few seconds late (`PAGE_CACHE_STALE_SECONDS`), while they are remade.
- A section, the home page or any page with children: `all`, since menus and breadcrumbs show
  their titles.
- A page moved or deleted; a page or collection restriction, or its groups: `all`.
- A vocabulary entry, keyword, image, site setting, locale, site, redirect or synonym: `all`.
- A document saved, deleted, given countries or themes, or versioned: `document:<key>`, the
  documents list, its countries and themes, and the pages that attach it. A download purges
  nothing: the landing page's count may be five minutes behind (`knowledge.views.landing`).
- A page created live: an alias or translation (Wagtail sends no publish for an alias), `all`;
  a new page, its section's list softly (the publish that follows is its first).

Models are named by label here rather than imported, so the table stays in one place below
the layers that define them.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, ReferenceIndex
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.core import page_cache

# Any change to one of these can show on any page.
PURGE_ALL_MODELS = (
    "portal.Country",
    "portal.Theme",
    "portal.Organisation",
    "portal.Person",
    "portal.ServiceComponent",
    "portal.SiteSettings",
    "portal.PortalImage",
    "events.EventSeries",
    "search.Synonym",
    "taggit.Tag",
    "wagtailcore.Locale",
    "wagtailcore.Site",
    "wagtailcore.Collection",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.CollectionViewRestriction",
    "wagtailredirects.Redirect",
)
DOCUMENT_MODEL = "knowledge.KnowledgeDocument"
DOCUMENT_VERSION_MODEL = "knowledge.DocumentVersion"
_BEFORE = "_page_cache_tags_before"
_WAS_LIVE = "_page_cache_was_live"


def connect_page_cache_purge() -> None:
    """Connect the receivers (called from `portal.apps`)."""
    for label in PURGE_ALL_MODELS:
        model = apps.get_model(label)
        post_save.connect(_purge_all, sender=model, dispatch_uid=f"page_cache_all_saved_{label}")
        post_delete.connect(_purge_all, sender=model, dispatch_uid=f"page_cache_all_deleted_{label}")
    for model in (PageViewRestriction, CollectionViewRestriction):
        m2m_changed.connect(_purge_all, sender=model.groups.through, dispatch_uid=f"page_cache_groups_{model.__name__}")
    # Which groups may use the admin (`portal.core.privacy.may_use_admin`) is a shared read too.
    m2m_changed.connect(_purge_all, sender=Group.permissions.through, dispatch_uid="page_cache_group_permissions")
    pre_save.connect(_remember_page_tags, dispatch_uid="page_cache_page_before")
    page_published.connect(_page_changed, dispatch_uid="page_cache_page_published")
    page_unpublished.connect(_page_changed, dispatch_uid="page_cache_page_unpublished")
    post_page_move.connect(_purge_all, dispatch_uid="page_cache_page_moved")
    post_save.connect(_page_created_live, dispatch_uid="page_cache_page_created_live")
    post_delete.connect(_page_deleted, dispatch_uid="page_cache_page_deleted")

    document = apps.get_model(DOCUMENT_MODEL)
    post_save.connect(_document_changed, sender=document, dispatch_uid="page_cache_document_saved")
    pre_delete.connect(_remember_document_tags, sender=document, dispatch_uid="page_cache_document_deleting")
    post_delete.connect(_document_changed, sender=document, dispatch_uid="page_cache_document_deleted")
    for field in ("countries", "themes"):
        m2m_changed.connect(
            _document_relations_changed,
            sender=getattr(document, field).through,
            dispatch_uid=f"page_cache_document_{field}",
        )
    version = apps.get_model(DOCUMENT_VERSION_MODEL)
    post_save.connect(_document_version_changed, sender=version, dispatch_uid="page_cache_version_saved")
    post_delete.connect(_document_version_changed, sender=version, dispatch_uid="page_cache_version_deleted")


def _purge_all(sender, raw=False, created=False, **kwargs):
    # A site's settings row is created with its defaults on the first read, during a request:
    # nothing readers see changes then.
    if not raw and not (created and sender._meta.label == "portal.SiteSettings"):
        page_cache.purge_all()


# --- pages ---------------------------------------------------------------------------------


def _remember_page_tags(sender, instance, raw=False, update_fields=None, **kwargs):
    """Before a page is saved whole (a publish), note the countries and themes its lists showed it under.

    Saving a draft writes only a few columns (`update_fields`) and changes nothing readers see.
    """
    if raw or update_fields is not None or not isinstance(instance, Page) or not instance.pk:
        return
    setattr(instance, _BEFORE, _relation_tags(type(instance), instance.pk))
    # Shown to readers before: live with a published revision, or an alias. Wagtail's create view
    # makes a page live a moment before publishing its first revision; that moment does not count.
    row = Page.objects.filter(pk=instance.pk).values_list("live", "live_revision_id", "alias_of_id").first()
    setattr(instance, _WAS_LIVE, row is not None and row[0] and (row[1] is not None or row[2] is not None))


def _page_changed(sender, instance, **kwargs):
    page = instance.specific_deferred if type(instance) is Page else instance
    if page.depth <= 3 or page.numchild:
        page_cache.purge_all()
        return
    tags = {*getattr(page, _BEFORE, ()), *_relation_tags(type(page), page.pk)}
    tags.add(page_cache.list_tag(_section(page)))
    tags.update(_referring_page_tags(page))
    # Only added, never changed: nothing the lists showed before is wrong while they are remade.
    # Live now (a publish scheduled for later takes the page offline: that purges at once).
    first_publish = kwargs.get("signal") is page_published and page.live and getattr(page, _WAS_LIVE, None) is False
    own = page_cache.page_tag(page)
    if first_publish:
        page_cache.purge([own])
        page_cache.purge(tags - {own}, soft=True)
    else:
        page_cache.purge(tags | {own})


def _page_created_live(sender, instance, created=False, raw=False, **kwargs):
    """A page created live.

    An alias or a translation (Wagtail sends no publish for an alias) joins its family's privacy
    rule: `all`. A new page of its own is only added: its section's list, softly (the publish
    that usually follows purges the rest).
    """
    if not created or raw or not isinstance(instance, Page) or not instance.live:
        return
    family = Page.objects.filter(translation_key=instance.translation_key).exclude(pk=instance.pk)
    if instance.alias_of_id or family.exists():
        page_cache.purge_all()
    else:
        page_cache.purge([page_cache.list_tag(_section(instance))], soft=True)


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        page_cache.purge_all()


def _section(page) -> str:
    return getattr(page, "page_cache_section", "") or "countries"


def _relation_tags(model, pk) -> set[str]:
    """`country:` and `theme:` tags for the rows a page or document is linked to in the database."""
    tags = set()
    for name, tag, key in (
        ("countries", page_cache.country_tag, "iso_code"),
        ("host_country", page_cache.country_tag, "iso_code"),
        ("themes", page_cache.theme_tag, "slug"),
    ):
        if _has_field(model, name):
            values = model._default_manager.filter(pk=pk).values_list(f"{name}__{key}", flat=True)
            tags.update(tag(value) for value in values if value)
    return tags


def _has_field(model, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except Exception:  # noqa: BLE001 (FieldDoesNotExist)
        return False
    return True


def _referring_page_tags(obj) -> set[str]:
    """The pages that link or attach `obj` (Wagtail's reference index), and their sections' lists."""
    references = ReferenceIndex.get_references_to(obj)
    content_type = ContentType.objects.get_for_model(Page)
    page_ids = [
        int(pk)
        for pk in references.filter(base_content_type=content_type).values_list("object_id", flat=True)
        if str(pk).isdigit()
    ]
    tags = set()
    for page in Page.objects.filter(pk__in=page_ids).specific(defer=True):
        tags.update({page_cache.page_tag(page), page_cache.list_tag(_section(page))})
    return tags


# --- documents ----------------------------------------------------------------------------


def _remember_document_tags(sender, instance, **kwargs):
    """Before a document is deleted, its countries, themes and pages: by `post_delete` their rows are gone."""
    setattr(instance, _BEFORE, _relation_tags(type(instance), instance.pk) | _referring_page_tags(instance))


def _document_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    tags = {page_cache.document_tag(instance), page_cache.list_tag("documents"), *getattr(instance, _BEFORE, ())}
    if instance.pk:
        tags.update(_relation_tags(type(instance), instance.pk))
        tags.update(_referring_page_tags(instance))
    page_cache.purge(tags)


def _document_relations_changed(sender, instance, action, pk_set=None, model=None, **kwargs):
    if not action.startswith("post_"):
        return
    if isinstance(instance, apps.get_model(DOCUMENT_MODEL)):
        _document_changed(type(instance), instance)
        related = model._default_manager.filter(pk__in=pk_set or ())
        if model._meta.model_name == "country":
            page_cache.purge(page_cache.country_tag(code) for code in related.values_list("iso_code", flat=True))
        else:
            page_cache.purge(page_cache.theme_tag(slug) for slug in related.values_list("slug", flat=True))
    else:
        page_cache.purge_all()  # from the vocabulary's side: rare, and it reaches many documents


def _document_version_changed(sender, instance, raw=False, **kwargs):
    """A replaced file kept as an earlier version: its family's landing lists it (`key` is the family's)."""
    if not raw:
        page_cache.purge([page_cache.document_family_tag(instance.key)])
