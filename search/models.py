"""Search's own tables: editor-kept synonyms and index updates waiting for a retry."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel


class Synonym(models.Model):
    """One group of terms that mean the same thing to a reader, in any language.

    A search for any term of a group also finds items that use another term of it
    ("GBV" finds "gender-based violence"). Groups apply to both search engines and take
    effect at once, without rebuilding the index.
    """

    terms = models.TextField(
        _("terms"),
        help_text=_("One term per line, in any language, for example: GBV, gender-based violence, гендерное насилие."),
    )
    note = models.CharField(_("note"), max_length=255, blank=True, help_text=_("Why these terms belong together."))

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["pk"]

    def __str__(self):
        terms = self.term_list
        return " = ".join(terms[:3]) + (" …" if len(terms) > 3 else "")

    @property
    def term_list(self) -> list[str]:
        seen: dict[str, str] = {}
        for line in self.terms.splitlines():
            term = " ".join(line.split())
            if term and term.casefold() not in seen:
                seen[term.casefold()] = term
        return list(seen.values())


class PendingIndexUpdate(models.Model):
    """An index update that failed (the node was down) and waits to be tried again.

    `key` names the object ("page:12", "document:3"), not what to do with it: a retry
    reads the object's state at that moment, so it indexes or removes it as fits then.
    """

    key = models.CharField(_("object"), max_length=64, unique=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=1)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("first failed at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last failed at"), auto_now=True)

    class Meta:
        verbose_name = _("pending index update")
        verbose_name_plural = _("pending index updates")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.key
