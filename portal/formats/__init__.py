"""One date and time format per interface language, read through `FORMAT_MODULE_PATH`.

Every template writes dates with `|date:"DATE_FORMAT"` and times with `|time:"TIME_FORMAT"`;
these modules fix what those names mean, so a card, a page and a search hit agree. A name
not set here (input formats, numbers) is Django's own for the language; a language without a
module here keeps Django's formats, which are already one per language.
"""
