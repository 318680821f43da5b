from django.http import Http404

from portal.core.locale import default_locale


class DefaultLanguageRouteMixin:
    """Section pages that route to the default-language page when a translation is missing.

    `/ru/countries/uzbekistan/` finds the Russian countries index, which has no Russian
    Uzbekistan profile yet: rather than a 404, the English profile is served at that
    address (with the "not yet translated" notice) until the translation is published.
    """

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            default = default_locale()
            if not path_components or self.locale_id == default.pk:
                raise
            original = self.get_translation_or_none(default)
            if original is None:
                raise
            return original.specific.route(request, path_components)
