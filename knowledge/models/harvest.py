"""What harvesters have been able to see: one row per document family ever public.

OAI-PMH needs two facts the documents themselves cannot give: when a record last changed as
a harvester sees it (its datestamp), and which records were public once and are not any
more (deleted records, reported without metadata). `knowledge.harvest` keeps these rows in
step with the privacy gate each time a harvester asks; see there for why.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class HarvestRecord(models.Model):
    # The family's `translation_key`: one record for a document and all its translations.
    key = models.UUIDField(_("document family"), unique=True)
    datestamp = models.DateTimeField(_("datestamp"), db_index=True)
    deleted = models.BooleanField(_("deleted"), default=False)
    # The sets the record was in when it was last public, as " country:KZ theme:x kind:report ",
    # so that a set is found with a plain `contains` on every database.
    sets = models.TextField(_("sets"), blank=True, editable=False)
    # A digest of the metadata last seen: a new one gives the record a new datestamp.
    fingerprint = models.CharField(_("fingerprint"), max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("harvest record")
        verbose_name_plural = _("harvest records")
        ordering = ["datestamp", "pk"]

    def __str__(self):
        return f"{self.key} ({'deleted' if self.deleted else 'public'})"
