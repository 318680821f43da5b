"""Roles as Wagtail groups, their permissions and the knowledge review workflow.

`roles_ensure` is idempotent: it runs after every migrate (model permissions) and from the
demo loader with the site root (page-tree permissions and the workflow, which need pages).
`roles_attach_to_language_tree` does the page-tree part for one language's tree as soon as its home
or a section page is created (`portal.site.signal_handlers`), so a new language's editors and
reviewers can work in it before the next migrate. Each country's focal point is a group of its
own (`portal.site.focal_points`), refreshed here too.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from portal.core.privacy import PARTNER_GROUP
from portal.site.focal_points import focal_points_ensure
from portal.site.review_actions import default_workflow_rename
from portal.site.translation_review import vocabulary_publish_permissions

ROLE_GROUPS = {
    "specialists": "Policy specialists",
    "reviewers": "Reviewers",
    "organisers": "Event organisers",
    "translators": "Translators",
    "partners": PARTNER_GROUP,
    "administrators": "Administrators",
}
KNOWLEDGE_WORKFLOW = "Knowledge review"
# Each section's pages, their translations included, go live through its own reviewers
# (`portal.site.translation_workflow`): country profiles through the knowledge reviewers,
# events through their organisers.
COUNTRY_WORKFLOW = "Country profile review"
EVENT_WORKFLOW = "Event review"

# Page permissions per role, and on which section (by page model) they are granted.
_PAGE_GRANTS = {
    "specialists": {"knowledge.KnowledgeIndexPage": ["add_page", "change_page", "lock_page"]},
    "reviewers": {
        "knowledge.KnowledgeIndexPage": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        "portal.CountryIndexPage": ["add_page", "change_page", "publish_page"],
    },
    "organisers": {"events.EventIndexPage": ["add_page", "change_page", "publish_page", "lock_page"]},
    # Translators edit any page (their translations) but publish nothing.
    "translators": {"portal.HomePage": ["change_page"]},
    "administrators": {
        "portal.HomePage": ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"]
    },
}
_COLLECTION_GRANTS = {
    "specialists": ["add_document", "change_document", "choose_document", "add_image", "choose_image"],
    "reviewers": ["add_document", "change_document", "choose_document", "add_image", "change_image", "choose_image"],
    "organisers": ["add_document", "change_document", "choose_document", "add_image", "choose_image"],
    "translators": ["choose_document", "choose_image"],
    "administrators": [
        "add_document",
        "change_document",
        "delete_document",
        "choose_document",
        "add_image",
        "change_image",
        "delete_image",
        "choose_image",
    ],
}
# publish_<vocabulary>: saving an entry, or publishing its translation, changes what readers
# see (`portal.site.translation_review`): translators change entries but publish none.
_MODEL_GRANTS = {
    "specialists": ["view_person", "add_person", "change_person", "publish_person", "view_organisation"],
    # review_knowledgedocument: release uploads to readers, move documents to a more public
    # collection, replace their files and delete them (`knowledge.review`).
    "reviewers": [
        "view_person",
        "add_person",
        "change_person",
        "view_organisation",
        "add_organisation",
        "change_organisation",
        "publish_person",
        "publish_organisation",
        "review_knowledgedocument",
        "change_knowledgedocument",
        "view_servicecomponent",
        "change_servicecomponent",
        "publish_servicecomponent",
    ],
    "organisers": [
        "view_person",
        "add_person",
        "change_person",
        "publish_person",
        "view_organisation",
        "view_eventseries",
        "add_eventseries",
        "change_eventseries",
    ],
    # change_knowledgedocument: translating documents (`knowledge.views.document_translations`);
    # Wagtail's document admin goes by the collection grants above, not by this.
    "translators": [
        "submit_translation",
        "view_country",
        "change_country",
        "view_theme",
        "change_theme",
        "view_organisation",
        "change_organisation",
        "view_servicecomponent",
        "change_servicecomponent",
        "change_knowledgedocument",
    ],
    "administrators": [
        "add_country",
        "change_country",
        "add_theme",
        "change_theme",
        "add_organisation",
        "change_organisation",
        "add_person",
        "change_person",
        "publish_country",
        "publish_theme",
        "publish_organisation",
        "publish_person",
        "add_servicecomponent",
        "change_servicecomponent",
        "delete_servicecomponent",
        "publish_servicecomponent",
        "submit_translation",
        "change_knowledgedocument",
        "review_knowledgedocument",
    ],
}
_ADMIN_ROLES = {"specialists", "reviewers", "organisers", "translators", "administrators"}


def _permissions(codenames: list[str]) -> list[Permission]:
    found = list(Permission.objects.filter(codename__in=codenames))
    missing = set(codenames) - {p.codename for p in found}
    if missing:
        raise LookupError(f"Permissions not found (run migrate first): {sorted(missing)}")
    return found


@transaction.atomic
def roles_ensure(*, site_root: Page | None = None) -> dict[str, Group]:
    groups = {key: Group.objects.get_or_create(name=name)[0] for key, name in ROLE_GROUPS.items()}
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    vocabulary_publish_permissions()
    default_workflow_rename()
    for key, group in groups.items():
        if key in _ADMIN_ROLES:
            group.permissions.add(access_admin)
        group.permissions.add(*_permissions(_MODEL_GRANTS.get(key, [])))

    root_collection = Collection.get_first_root_node()
    if root_collection:
        for key, codenames in _COLLECTION_GRANTS.items():
            for permission in _permissions(codenames):
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[key], collection=root_collection, permission=permission
                )

    if site_root is None:
        # After a migrate: refresh the grants of the live site, so a language tree added
        # since the last run gets its sections' permissions too.
        site_root = _default_site_root()
    if site_root is not None:
        roots = _language_roots(site_root)
        _grant_sections(groups, roots)
        # Task names are stored and looked up by name: the same words whatever language is active
        # (a Russian request before a run made a second, Russian-named task in the workflow).
        with translation.override(None):
            _ensure_knowledge_workflow(groups)
            _ensure_section_workflows(groups)
        _attach_workflows(roots)
    # One group per country profile family (`portal.site.focal_points`), found by its pages, not its name.
    focal_points_ensure()
    return groups


# Each section's review workflow, on its index page in every language tree.
_SECTION_WORKFLOWS = {
    "knowledge.KnowledgeIndexPage": KNOWLEDGE_WORKFLOW,
    "portal.CountryIndexPage": COUNTRY_WORKFLOW,
    "events.EventIndexPage": EVENT_WORKFLOW,
}
# The pages whose creation opens a language tree or one of its sections: those that carry a role's
# page permissions (a language's home page, the section indexes) or a section's workflow.
LANGUAGE_TREE_MODELS = tuple(
    sorted({label for grants in _PAGE_GRANTS.values() for label in grants} | {*_SECTION_WORKFLOWS})
)


@transaction.atomic
def roles_attach_to_language_tree(page: Page) -> None:
    """Give the language tree `page` is in the page permissions and review workflows of the others, now.

    A language's tree appears when its home page is translated or synchronised (a locale added in
    the admin), and its sections when they are; without this the tree would wait for the next
    migrate or `load_demo`, and meanwhile its specialists, organisers and translators would find
    nothing to edit there and its pages would go to review nowhere. Only the roles and workflows
    `roles_ensure` made are attached (nothing is created), only in trees of the default site's
    root, and attaching twice changes nothing.
    """
    site_root = _default_site_root()
    if site_root is None:
        return
    roots = [root for root in _language_roots(site_root) if page.path.startswith(root.path)]
    if not roots:
        return
    groups = {key: group for key, name in ROLE_GROUPS.items() if (group := Group.objects.filter(name=name).first())}
    _grant_sections(groups, roots)
    _attach_workflows(roots)


def _default_site_root() -> Page | None:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page if site else None


def _language_roots(site_root: Page) -> list[Page]:
    """The site root and its translations: each language's tree hangs from its own copy."""
    return list(site_root.get_translations(inclusive=True))


def _grant_sections(groups: dict[str, Group], roots: list[Page]) -> None:
    for key, grants in _PAGE_GRANTS.items():
        if key not in groups:
            continue
        for model_label, codenames in grants.items():
            model = apps.get_model(model_label)
            for root in roots:
                for section in model.objects.filter(path__startswith=root.path):
                    for permission in _permissions(codenames):
                        GroupPagePermission.objects.get_or_create(
                            group=groups[key], page=section, permission=permission
                        )


def _attach_workflows(roots: list[Page]) -> None:
    """Each section's index page in `roots` under its section's workflow, where that workflow exists."""
    for model_label, name in _SECTION_WORKFLOWS.items():
        workflow = Workflow.objects.filter(name=name).first()
        if workflow is None:
            continue
        model = apps.get_model(model_label)
        for root in roots:
            for index_page in model.objects.child_of(root):
                WorkflowPage.objects.get_or_create(page=index_page, defaults={"workflow": workflow})


def _ensure_knowledge_workflow(groups: dict[str, Group]) -> Workflow:
    workflow, _created = Workflow.objects.get_or_create(name=KNOWLEDGE_WORKFLOW, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=str(_("Reviewer approval"))).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=str(_("Reviewer approval")))
        task.groups.set([groups["reviewers"]])
    # Workflow's tasks are a modelcluster relation: create through the model, not the relation.
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def _approval_task(name: str, group: Group) -> GroupApprovalTask:
    task = GroupApprovalTask.objects.filter(name=name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=name)
        task.groups.set([group])
    return task


def _ensure_section_workflows(groups: dict[str, Group]) -> None:
    """Country profiles and events, each with the workflow of its reviewers (`_attach_workflows`
    puts it on the section in every language tree).

    Without them a translation there would fall to Wagtail's "Moderators approval" on the
    root, whose group nobody is in.
    """
    sections = (
        (COUNTRY_WORKFLOW, str(_("Reviewer approval")), groups["reviewers"]),
        (EVENT_WORKFLOW, str(_("Organiser approval")), groups["organisers"]),
    )
    for name, task_name, group in sections:
        workflow, _created = Workflow.objects.get_or_create(name=name, defaults={"active": True})
        WorkflowTask.objects.get_or_create(
            workflow=workflow, task=_approval_task(task_name, group), defaults={"sort_order": 0}
        )
