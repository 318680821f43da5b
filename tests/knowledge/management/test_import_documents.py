"""`manage.py import_documents manifest.csv` imports the good rows, reports each bad one, and is idempotent."""

import csv
import datetime
import io
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.models import Collection, CollectionViewRestriction, Locale

import pytest

from knowledge.models import DocumentVersion, ExtractionState, KnowledgeDocument
from search import indexing
from tests.factories import CountryFactory, ThemeFactory, make_event
from tests.knowledge.files import docx_of, pdf_of

pytestmark = pytest.mark.django_db

PHRASE = "juniper shelter roster"
COLUMNS = [
    "file",
    "title",
    "summary",
    "kind",
    "language",
    "date",
    "authors",
    "publisher",
    "partner_organisations",
    "countries",
    "themes",
    "licence",
    "edition",
    "audience",
    "related_event",
    "collection",
    "tags",
    "locale",
    "translation_of",
]


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("ru", "ko")}


@pytest.fixture
def vocabulary(site, locales, roles):
    partner_only = Collection.get_first_root_node().add_child(name="Partner-only")
    restriction = CollectionViewRestriction.objects.create(
        collection=partner_only, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([roles["partners"]])
    return {
        "kz": CountryFactory(iso_code="KZ", name="Kazakhstan"),
        "kr": CountryFactory(iso_code="KR", name="Republic of Korea"),
        "shelters": ThemeFactory(slug="shelters", name="Shelters"),
        "event": make_event(site["events"], title="Study mission to Seoul", slug="study-mission-seoul"),
        "partner_only": partner_only,
    }


def good(**values) -> dict:
    return {"kind": "report", "language": "en", "date": "2024-05-02", **values}


@pytest.fixture
def folder(tmp_path, vocabulary):
    """A folder of files and a manifest: five good rows and eight bad ones, one of each kind of error."""
    files = tmp_path / "import"
    (files / "reports").mkdir(parents=True)
    (files / "reports" / "shelters.pdf").write_bytes(pdf_of(["Shelter standards", f"Annex: the {PHRASE} in use"]))
    (files / "reports" / "протокол.pdf").write_bytes(pdf_of(["Referral protocol in Russian"]))
    (files / "reports" / "hotline.docx").write_bytes(docx_of(["Hotline handbook", "Call scripts"]))
    (files / "reports" / "shelters-ru.pdf").write_bytes(pdf_of(["Shelter standards in Russian"]))
    (files / "tool.pdf").write_bytes(b"\x7fELF\x02\x01\x01" + b"\x00" * 200)
    (tmp_path / "secret.pdf").write_bytes(pdf_of(["Outside the folder"]))
    rows = [
        # line 2: an English report with everything filled in, partner-only
        good(
            file="reports/shelters.pdf",
            title="Shelter standards",
            summary="Minimum standards for shelters.",
            kind="protocol",
            authors="Kim, Ji-young ;UNDP",
            publisher="UNDP Seoul Policy Centre",
            partner_organisations="KWDI; Ministry of Gender Equality",
            countries="kz; KR",
            themes="shelters",
            licence="CC-BY-4.0",
            edition="2nd edition",
            audience="practitioners",
            related_event="study-mission-seoul",
            tags="standards; shelters",
        ),
        # line 3: a Russian title and file name
        good(file="reports/протокол.pdf", title="Протокол перенаправления", language="ru", countries="KZ"),
        # line 4: a Korean title, a Word file, in the partner-only collection
        good(file="reports/hotline.docx", title="상담전화 안내서", language="ko", collection="Partner-only"),
        # line 5: the Russian translation of line 2, with its own file
        {
            "file": "reports/shelters-ru.pdf",
            "title": "Стандарты приютов",
            "summary": "Минимальные стандарты для приютов.",
            "locale": "ru",
            "translation_of": "Shelter standards",
        },
        # line 6: the Korean translation of line 2, words only
        {"title": "쉼터 기준", "locale": "ko", "translation_of": "Shelter standards"},
        # lines 7-14: one of each kind of error
        good(file="reports/shelters.pdf", title="Unknown country", countries="KZ; XX"),
        good(file="reports/missing.pdf", title="Missing file"),
        good(file="tool.pdf", title="A program"),
        good(file="reports/shelters.pdf", title="Bad date", date="2024-13-40"),
        good(file="reports/shelters.pdf", title="Unknown kind", kind="memo"),
        good(file="../secret.pdf", title="Outside"),
        {"title": "Перевод", "locale": "ru", "translation_of": "No such report"},
        good(file="reports/shelters.pdf", title="Several errors", language="xx", collection="Nowhere", themes="cats"),
    ]
    with (files / "manifest.csv").open("w", encoding="utf-8-sig", newline="") as manifest:
        writer = csv.DictWriter(manifest, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return files


REJECTED = [
    "line 7: unknown country code “XX”",
    "line 8: the file “reports/missing.pdf” does not exist",
    "line 9: “tool.pdf” is a program (ELF), not a document. Programs cannot be uploaded, whatever their name.",
    "line 10: “2024-13-40” is not a date in the form YYYY-MM-DD (date)",
    "line 11: unknown kind “memo” (one of: report, brief, presentation, protocol, training, tool, agreement, "
    "proceedings, transcript)",
    "line 12: the file “../secret.pdf” is outside the manifest's folder",
    "line 13: no document is titled “No such report” (translation_of)",
    "line 14: unknown language code “xx” (language); no collection “Nowhere”; unknown theme “cats”",
]


def run(manifest: Path, *args, capture) -> list[str]:
    """The command's report lines; a CommandError (non-zero exit) when any row was rejected."""
    out = io.StringIO()
    with capture(execute=True):
        try:
            call_command("import_documents", str(manifest), "--no-progress", *args, stdout=out)
        except CommandError as error:
            lines = out.getvalue().strip().splitlines()
            return [*lines, f"error: {error}"]
    return out.getvalue().strip().splitlines()


def stored_files() -> set[str]:
    root = Path(settings.MEDIA_ROOT)
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


def test_good_rows_are_imported_and_each_bad_row_is_reported(
    folder, vocabulary, locales, django_capture_on_commit_callbacks
):
    before = stored_files()
    report = run(folder / "manifest.csv", capture=django_capture_on_commit_callbacks)
    assert report == [
        *REJECTED,
        "5 created, 0 updated, 0 unchanged, 8 rejected.",
        "error: 8 rows were rejected; the others were imported.",
    ]

    originals = KnowledgeDocument.objects.filter(locale__language_code="en").order_by("pk")
    assert [document.title for document in originals] == [
        "Shelter standards",
        "Протокол перенаправления",
        "상담전화 안내서",
    ]
    report_document = originals[0]
    assert report_document.description == "Minimum standards for shelters."
    assert report_document.document_type == "protocol" and report_document.language == "en"
    assert str(report_document.publication_date) == "2024-05-02"
    assert report_document.authors == "Kim, Ji-young; UNDP"
    assert report_document.partner_organisations == "KWDI; Ministry of Gender Equality"
    assert (report_document.licence, report_document.edition, report_document.audience) == (
        "cc-by-4.0",
        "2nd edition",
        "practitioners",
    )
    assert report_document.related_event_id == vocabulary["event"].pk
    assert sorted(report_document.countries.values_list("iso_code", flat=True)) == ["KR", "KZ"]
    assert list(report_document.themes.values_list("slug", flat=True)) == ["shelters"]
    assert sorted(report_document.tags.names()) == ["shelters", "standards"]
    assert report_document.reviewed and report_document.file_hash
    assert report_document.extraction_state == ExtractionState.READ and PHRASE in report_document.extracted_text
    assert originals[1].language == "ru" and originals[1].file.name.startswith("documents/протокол")
    assert originals[2].collection == vocabulary["partner_only"]
    assert "Call scripts" in originals[2].extracted_text

    russian = report_document.get_translation(locales["ru"])
    assert (russian.title, russian.description) == ("Стандарты приютов", "Минимальные стандарты для приютов.")
    assert russian.file.name == report_document.file.name and russian.own_file.name.endswith(".pdf")
    assert sorted(russian.countries.values_list("iso_code", flat=True)) == ["KR", "KZ"]
    korean = report_document.get_translation(locales["ko"])
    assert korean.title == "쉼터 기준" and not korean.own_file

    # Nothing of the bad rows was stored: the files are those of the good ones only.
    names = {
        *(document.file.name for document in originals),
        russian.own_file.name,
    }
    assert stored_files() - before == names


def test_running_it_again_changes_nothing(folder, django_capture_on_commit_callbacks):
    manifest = folder / "manifest.csv"
    run(manifest, capture=django_capture_on_commit_callbacks)
    files, rows = stored_files(), list(KnowledgeDocument.objects.values_list("pk", "file", "own_file", "title"))
    report = run(manifest, capture=django_capture_on_commit_callbacks)
    assert report == [
        *REJECTED,
        "0 created, 0 updated, 5 unchanged, 8 rejected.",
        "error: 8 rows were rejected; the others were imported.",
    ]
    assert stored_files() == files
    assert list(KnowledgeDocument.objects.values_list("pk", "file", "own_file", "title")) == rows
    assert not DocumentVersion.objects.exists()


def test_a_changed_row_updates_its_document_without_a_new_version(folder, django_capture_on_commit_callbacks):
    manifest = folder / "manifest.csv"
    run(manifest, capture=django_capture_on_commit_callbacks)
    text = manifest.read_text(encoding="utf-8-sig")
    text = text.replace("Minimum standards for shelters.", "Standards revised in 2025.")
    manifest.write_text(text, encoding="utf-8")  # without the byte-order mark this time
    files = stored_files()
    report = run(manifest, capture=django_capture_on_commit_callbacks)
    assert report[-2] == "0 created, 1 updated, 4 unchanged, 8 rejected.", report
    document = KnowledgeDocument.objects.get(title="Shelter standards")
    assert document.description == "Standards revised in 2025."
    assert KnowledgeDocument.objects.count() == 5 and stored_files() == files
    assert not DocumentVersion.objects.exists()


def test_a_dry_run_checks_every_row_and_writes_nothing(folder, django_capture_on_commit_callbacks):
    files = stored_files()
    report = run(folder / "manifest.csv", "--dry-run", capture=django_capture_on_commit_callbacks)
    assert report == [
        *REJECTED,
        "Dry run, nothing written: 5 created, 0 updated, 0 unchanged, 8 rejected.",
        "error: 8 rows would be rejected.",
    ]
    assert not KnowledgeDocument.objects.exists() and stored_files() == files


def test_a_manifest_of_good_rows_exits_cleanly(tmp_path, vocabulary, django_capture_on_commit_callbacks):
    (tmp_path / "plan.txt").write_text("Action plan for 2025", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,title,date\nplan.txt,Action plan,2025-01-01\n\n", encoding="utf-8-sig")
    report = run(tmp_path / "manifest.csv", "--unreviewed", capture=django_capture_on_commit_callbacks)
    assert report == ["1 created, 0 updated, 0 unchanged, 0 rejected."]
    assert not KnowledgeDocument.objects.get(title="Action plan").reviewed


def test_an_unknown_column_stops_the_import_before_any_row(tmp_path, vocabulary):
    (tmp_path / "manifest.csv").write_text("file,title,date,contries\nplan.txt,Plan,2025-01-01,KZ\n")
    with pytest.raises(CommandError, match="Unknown columns: contries"):
        call_command("import_documents", str(tmp_path / "manifest.csv"), "--no-progress", stdout=io.StringIO())
    assert not KnowledgeDocument.objects.exists()


@pytest.mark.parametrize(
    ("language", "query", "title"),
    [
        ("en", PHRASE, "Shelter standards"),
        ("ru", "Стандарты приютов", "Стандарты приютов"),
        ("ko", "쉼터", "쉼터 기준"),
        ("ko", "상담전화", None),  # partner-only: never found by the public
        ("en", "Call scripts", None),
        ("en", "Referral protocol in Russian", "Протокол перенаправления"),
    ],
)
def test_imported_text_is_found_by_search(
    folder, client, search_engine, django_capture_on_commit_callbacks, language, query, title
):
    run(folder / "manifest.csv", capture=django_capture_on_commit_callbacks)
    if search_engine == "elasticsearch":
        indexing.refresh()
    answer = client.get(f"/{language}/search/api/", {"q": query})
    assert answer.status_code == 200
    hits = [hit["title"] for hit in answer.json()["hits"]]
    assert hits == ([title] if title else []) and not answer.json()["degraded"]


def write_manifest(folder: Path, header: list[str], rows: list[list[str]], name: str = "changes.csv") -> Path:
    path = folder / name
    with path.open("w", encoding="utf-8", newline="") as manifest:
        writer = csv.writer(manifest)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_a_line_break_or_control_character_inside_a_cell_keeps_its_row_whole(
    tmp_path, vocabulary, django_capture_on_commit_callbacks
):
    (tmp_path / "plan.txt").write_text("Action plan for 2025", encoding="utf-8")
    manifest = write_manifest(
        tmp_path,
        ["file", "title", "date", "summary"],
        [
            ["plan.txt", "Action\u2028plan", "2025-01-01", ""],  # line 2: a Unicode line separator
            ["plan.txt", "Form\x0cfeed", "2025-01-01", ""],  # line 3
            # lines 4-5: a summary of two paragraphs, quoted, is one row over two lines
            ["plan.txt", "Action plan", "2025-01-01", "First paragraph.\nSecond paragraph."],
            ["plan\x00.txt", "Group\x1cseparator", "2025-01-01", ""],  # line 6
            ["plan.txt", "Tab\tin a title", "2025-01-01", "A summary\u2029in two paragraphs"],  # line 7
        ],
    )
    report = run(manifest, capture=django_capture_on_commit_callbacks)
    assert report == [
        "line 2: the value contains a control character or a line break, U+2028 (title)",
        "line 3: the value contains a control character or a line break, U+000C (title)",
        "line 6: the value contains a control character or a line break, U+0000 (file); "
        "the value contains a control character or a line break, U+001C (title)",
        "line 7: the value contains a control character or a line break, U+0009 (title)",
        "1 created, 0 updated, 0 unchanged, 4 rejected.",
        "error: 4 rows were rejected; the others were imported.",
    ]
    document = KnowledgeDocument.objects.get()
    assert (document.title, document.description) == ("Action plan", "First paragraph.\nSecond paragraph.")


def test_a_row_that_fails_unexpectedly_is_rejected_and_the_others_go_on(
    tmp_path, vocabulary, caplog, django_capture_on_commit_callbacks
):
    (tmp_path / "plan.txt").write_text("Action plan for 2025", encoding="utf-8")
    long_name = "a" * 300 + ".pdf"  # longer than any file name the file system allows
    manifest = write_manifest(
        tmp_path,
        ["file", "title", "date", "related_event"],
        [
            ["plan.txt", "Superscript", "2025-01-01", "²"],  # a digit to str.isdigit, not to int()
            ["plan.txt", "Arabic-Indic", "2025-01-01", "٣"],  # int() reads it: an id is ASCII digits
            [long_name, "Long name", "2025-01-01", ""],
            ["plan.txt", "Action plan", "2025-01-01", str(vocabulary["event"].pk)],
        ],
    )
    report = run(manifest, capture=django_capture_on_commit_callbacks)
    assert report[:2] == [
        "line 2: no event page “²” (related_event)",
        "line 3: no event page “٣” (related_event)",
    ]
    assert report[2].startswith("line 4: unexpected error: [Errno 36] File name too long"), report
    assert report[3:] == [
        "1 created, 0 updated, 0 unchanged, 3 rejected.",
        "error: 3 rows were rejected; the others were imported.",
    ]
    assert KnowledgeDocument.objects.get().related_event_id == vocabulary["event"].pk
    [logged] = [record for record in caplog.records if record.name == "knowledge.imports"]
    assert logged.levelname == "ERROR" and "line 4" in logged.getMessage() and logged.exc_info


def facts(document: KnowledgeDocument) -> dict:
    """What an import may change on a document, read back from the database."""
    document = KnowledgeDocument.objects.get(pk=document.pk)
    return {
        **{name: getattr(document, name) for name in FACTS},
        "countries": sorted(document.countries.values_list("iso_code", flat=True)),
        "themes": sorted(document.themes.values_list("slug", flat=True)),
        "tags": sorted(document.tags.names()),
    }


FACTS = (
    "title",
    "description",
    "document_type",
    "language",
    "publication_date",
    "authors",
    "publisher",
    "partner_organisations",
    "licence",
    "edition",
    "audience",
    "related_event_id",
    "collection_id",
    "reviewed",
)


def test_columns_left_out_of_a_manifest_leave_the_document_as_it_is(
    folder, vocabulary, locales, client, django_capture_on_commit_callbacks
):
    run(folder / "manifest.csv", capture=django_capture_on_commit_callbacks)
    hotline = KnowledgeDocument.objects.get(title="상담전화 안내서")
    shelters = KnowledgeDocument.objects.get(title="Shelter standards")
    hotline_before, shelters_before = facts(hotline), facts(shelters)
    assert client.get(f"/en/documents/{hotline.pk}/{hotline.slug}/").status_code == 404

    manifest = write_manifest(
        folder,
        ["file", "title", "date"],
        [
            ["reports/hotline.docx", "상담전화 안내서", "2025-03-01"],
            ["reports/shelters.pdf", "Shelter standards", "2024-05-02"],
        ],
    )
    report = run(manifest, capture=django_capture_on_commit_callbacks)
    assert report == ["0 created, 1 updated, 1 unchanged, 0 rejected."]
    # Only the date changed: the partner-only document is still partner-only, in Korean, a report.
    assert facts(hotline) == {**hotline_before, "publication_date": datetime.date(2025, 3, 1)}
    assert facts(hotline)["collection_id"] == vocabulary["partner_only"].pk
    assert client.get(f"/en/documents/{hotline.pk}/{hotline.slug}/").status_code == 404
    assert facts(shelters) == shelters_before

    # A translation row without a summary column keeps the translation's summary.
    russian = write_manifest(
        folder,
        ["file", "title", "locale", "translation_of"],
        [["", "Стандарты приютов", "ru", "Shelter standards"]],
        "ru.csv",
    )
    assert run(russian, capture=django_capture_on_commit_callbacks) == [
        "0 created, 0 updated, 1 unchanged, 0 rejected."
    ]
    translation = shelters.get_translation(locales["ru"])
    assert translation.description == "Минимальные стандарты для приютов."


def test_an_empty_cell_clears_an_optional_field_and_keeps_a_required_one(
    folder, vocabulary, locales, django_capture_on_commit_callbacks
):
    run(folder / "manifest.csv", capture=django_capture_on_commit_callbacks)
    shelters = KnowledgeDocument.objects.get(title="Shelter standards")
    before = facts(shelters)
    header = [column for column in COLUMNS if column not in ("locale", "translation_of")]
    row = {"file": "reports/shelters.pdf", "title": "Shelter standards"}
    manifest = write_manifest(folder, header, [[row.get(column, "") for column in header]])
    report = run(manifest, capture=django_capture_on_commit_callbacks)
    assert report == ["0 created, 1 updated, 0 unchanged, 0 rejected."]
    cleared = dict.fromkeys(("description", "authors", "publisher", "partner_organisations", "licence", "edition"), "")
    assert facts(shelters) == {
        **before,
        **cleared,
        "audience": "",
        "related_event_id": None,
        "countries": [],
        "themes": [],
        "tags": [],
    }
    # Kind, language, date and collection always have a value: an empty cell keeps theirs.
    assert (before["document_type"], before["language"], str(before["publication_date"])) == (
        "protocol",
        "en",
        "2024-05-02",
    )
    # The family's facts follow on its translations; a translation's own words stay.
    russian = shelters.get_translation(locales["ru"])
    assert russian.authors == "" and not russian.countries.exists()
    assert russian.description == "Минимальные стандарты для приютов."


def test_an_import_makes_a_document_more_public_only_when_told(
    folder, vocabulary, client, django_capture_on_commit_callbacks
):
    run(folder / "manifest.csv", capture=django_capture_on_commit_callbacks)
    hotline = KnowledgeDocument.objects.get(title="상담전화 안내서")
    shelters = KnowledgeDocument.objects.get(title="Shelter standards")
    landing = f"/en/documents/{hotline.pk}/{hotline.slug}/"
    root = Collection.get_first_root_node()
    to_root = write_manifest(
        folder, ["file", "title", "collection"], [["reports/hotline.docx", "상담전화 안내서", root.name]]
    )
    refused = (
        f"line 2: moving the document from “Partner-only” to “{root.name}” would show it to more readers; "
        "run the import with --allow-publish to allow it (collection)"
    )

    assert run(to_root, "--dry-run", capture=django_capture_on_commit_callbacks) == [
        refused,
        "Dry run, nothing written: 0 created, 0 updated, 0 unchanged, 1 rejected.",
        "error: 1 rows would be rejected.",
    ]
    assert run(to_root, capture=django_capture_on_commit_callbacks) == [
        refused,
        "0 created, 0 updated, 0 unchanged, 1 rejected.",
        "error: 1 rows were rejected; the others were imported.",
    ]
    assert facts(hotline)["collection_id"] == vocabulary["partner_only"].pk
    assert client.get(landing).status_code == 404

    # An empty collection cell moves nothing; a move to fewer readers needs no permission.
    rows = [
        ["reports/hotline.docx", "상담전화 안내서", ""],
        ["reports/shelters.pdf", "Shelter standards", "Partner-only"],
    ]
    report = run(
        write_manifest(folder, ["file", "title", "collection"], rows, name="keep.csv"),
        capture=django_capture_on_commit_callbacks,
    )
    assert report == ["0 created, 1 updated, 1 unchanged, 0 rejected."]
    assert facts(hotline)["collection_id"] == facts(shelters)["collection_id"] == vocabulary["partner_only"].pk

    report = run(to_root, "--allow-publish", capture=django_capture_on_commit_callbacks)
    assert report == ["0 created, 1 updated, 0 unchanged, 0 rejected."]
    assert facts(hotline)["collection_id"] == root.pk
    assert client.get(landing).status_code == 200


def test_a_new_document_takes_the_defaults_for_the_columns_left_out(
    tmp_path, vocabulary, django_capture_on_commit_callbacks
):
    (tmp_path / "plan.txt").write_text("Action plan for 2025", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("Meeting notes", encoding="utf-8")
    manifest = write_manifest(
        tmp_path, ["file", "title", "date"], [["plan.txt", "Action plan", "2025-01-01"], ["notes.txt", "Notes", ""]]
    )
    report = run(manifest, capture=django_capture_on_commit_callbacks)
    assert report == [
        "line 3: the publication date is missing (date)",
        "1 created, 0 updated, 0 unchanged, 1 rejected.",
        "error: 1 rows were rejected; the others were imported.",
    ]
    plan = KnowledgeDocument.objects.get()
    assert (plan.document_type, plan.language, plan.description, plan.authors, plan.licence) == (
        "report",
        "en",
        "",
        "",
        "",
    )
    # No collection column: the root collection, as the manifest's documentation says.
    assert plan.collection == Collection.get_first_root_node() and plan.reviewed


def test_a_new_document_may_not_publish_the_file_of_a_partner_only_one(
    folder, vocabulary, django_capture_on_commit_callbacks
):
    run(folder / "manifest.csv", capture=django_capture_on_commit_callbacks)
    # The partner-only handbook's file again, under a corrected title: a new document.
    header = ["file", "title", "date", "collection"]
    root = Collection.get_first_root_node()
    public = write_manifest(folder, header, [["reports/hotline.docx", "Hotline handbook", "2024-05-02", ""]])
    assert run(public, capture=django_capture_on_commit_callbacks) == [
        f"line 2: the same file is already in “Partner-only”: a new document in “{root.name}” "
        "would show it to more readers; run the import with --allow-publish to allow it (collection)",
        "0 created, 0 updated, 0 unchanged, 1 rejected.",
        "error: 1 rows were rejected; the others were imported.",
    ]
    assert not KnowledgeDocument.objects.filter(title="Hotline handbook").exists()

    private = write_manifest(
        folder, header, [["reports/hotline.docx", "Hotline handbook", "2024-05-02", "Partner-only"]], "private.csv"
    )
    assert run(private, capture=django_capture_on_commit_callbacks) == [
        "1 created, 0 updated, 0 unchanged, 0 rejected."
    ]
    assert KnowledgeDocument.objects.get(title="Hotline handbook").collection == vocabulary["partner_only"]
