from django import forms
from django.utils.translation import gettext_lazy as _

from portal.core import items
from portal.core.locale import vocabulary_in_locale
from portal.core.models import Country, Theme


class KnowledgeFilterForm(forms.Form):
    """GET filters of a knowledge list. Choices are language-neutral keys; labels follow the reader."""

    country = forms.ChoiceField(label=_("Country"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _("All"))]
        self.fields["country"].choices = every + [
            (c.iso_code, c.name) for c in vocabulary_in_locale(model=Country, locale=locale)
        ]
        self.fields["theme"].choices = every + [
            (t.slug, t.name) for t in vocabulary_in_locale(model=Theme, locale=locale)
        ]
        self.fields["kind"].choices = every + [(kind.key, kind.plural) for kind in items.kinds(section="knowledge")]
