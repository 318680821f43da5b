"""`compile_translations`: the interface catalogues as .mo files, without GNU gettext."""

from django.core.management import call_command

import polib


def test_compile_translations_needs_no_gettext_and_is_idempotent(tmp_path, settings, capsys):
    messages = tmp_path / "ru" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "ru"}
    catalogue.append(polib.POEntry(msgid="Search", msgstr="Поиск"))
    catalogue.append(polib.POEntry(msgid="Guess", msgstr="Догадка", flags=["fuzzy"]))
    catalogue.save(str(messages / "django.po"))
    settings.LOCALE_PATHS = [tmp_path]

    call_command("compile_translations")
    compiled = {entry.msgid: entry.msgstr for entry in polib.mofile(str(messages / "django.mo"))}
    assert compiled["Search"] == "Поиск"
    assert "Guess" not in compiled, "a fuzzy entry is a guess, not a translation"
    assert "compiled 1, already up to date 0" in capsys.readouterr().out

    call_command("compile_translations")
    assert "compiled 0, already up to date 1" in capsys.readouterr().out
