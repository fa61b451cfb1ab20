"""AACT read as AACT publishes it: pipe-delimited flat files (a directory, its zip) and the
PostgreSQL database, started here for real (``initdb``/``pg_ctl`` on a Unix socket in a temporary
folder, once per session) and loaded with the AACT tables of the eight legacy XML test records
(scripts/make_aact_fixture.py). The three give identical documents, equal to the legacy XML
reader's; hostile flat files give one located error per damaged study."""

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO
from make_aact_fixture import LEGACY_XML, aact_tables, load_database, write_flat_files, write_zip
from postgres_server import READER, READER_PASSWORD, Server, postgres_bin, postgres_server

from trialspacy.aact import check_databases, is_aact_zip, iter_aact, iter_database, shown_url
from trialspacy.cli import UsageError, extract_command
from trialspacy.errors import Errors, RecordError
from trialspacy.records import Record, expand_inputs, iter_records

XML_FILES = sorted(LEGACY_XML.glob("*.xml"))
IDS = [path.stem for path in XML_FILES]


@pytest.fixture(scope="session")
def tables() -> dict[str, list[dict[str, Any]]]:
    return aact_tables(XML_FILES)


@pytest.fixture(scope="session")
def flat(tmp_path_factory, tables) -> tuple[Path, Path]:
    """The flat files (a directory) and their zip (in a folder, as some downloads have them)."""
    root = tmp_path_factory.mktemp("aact")
    files = write_flat_files(tables, root / "aact")
    return root / "aact", write_zip(files, root / "aact.zip", folder="20240101_export/")


@pytest.fixture(scope="session")
def database(tables) -> Any:
    psycopg = pytest.importorskip("psycopg")
    bin_dir = postgres_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin): apt-get install postgresql")
    with postgres_server(bin_dir) as server:
        with psycopg.connect(server.url("postgres"), autocommit=True) as conn:
            conn.execute("CREATE DATABASE aact")
            conn.execute(f"CREATE ROLE {READER} LOGIN PASSWORD '{READER_PASSWORD}'")
        with psycopg.connect(server.url()) as conn:
            load_database(conn, tables)
            conn.execute(f"GRANT USAGE ON SCHEMA ctgov TO {READER}")
            conn.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA ctgov TO {READER}")
        yield server


def shape(record: Record) -> tuple:
    return record.id, record.text, record.sections, record.outcome_items, record.meta


def records(items: list) -> list[Record]:
    assert not [i.message for i in items if isinstance(i, RecordError)]
    return items


# --- One document per study, the same from every source -----------------------------------------


def test_aact_directory_zip_and_database_give_identical_records(flat, database: Server):
    directory, archive = flat
    from_dir = records(list(iter_records([directory])))
    from_zip = records(list(iter_aact(archive)))
    from_db = records(list(iter_records([database.url()])))
    assert [r.id for r in from_dir] == IDS  # nct_id order, though the files list them in reverse
    assert [shape(r) for r in from_zip] == [shape(r) for r in from_dir] == [shape(r) for r in from_db]
    assert {r.source for r in from_dir} == {str(directory)} and {r.source for r in from_zip} == {str(archive)}
    assert {r.source for r in from_db} == {shown_url(database.url())}
    assert all(r.meta == {"format": "aact"} for r in from_db)


def test_aact_records_equal_the_legacy_xml_records_of_the_same_studies(flat):
    # The fixture stores text blocks as AACT's loads before 2023 did (hard-wrapped, indented, as in
    # the XML); the reader unwraps them as the legacy XML reader does, so the text is the same.
    legacy = {r.id: r for r in records(list(iter_records(XML_FILES)))}
    for record in records(list(iter_aact(flat[0]))):
        assert (record.text, record.sections, record.outcome_items) == (
            legacy[record.id].text,
            legacy[record.id].sections,
            legacy[record.id].outcome_items,
        )
    nct00003832 = next(r for r in iter_aact(flat[0]) if isinstance(r, Record) and r.id == "NCT00003832")
    lines = nct00003832.text.split("\n")
    assert lines[3] == "DRUG: bromodeoxyuridine|PROCEDURE: conventional surgery|OTHER: laboratory biomarker analysis"


def test_aact_text_of_api_v2_era_loads_is_read_as_api_v2_markdown(tmp_path, tables):
    # Since 2023 AACT holds the registry's API v2 text: markdown, not indented.
    damaged = {table: [dict(row) for row in rows] for table, rows in tables.items()}
    damaged["eligibilities"][0]["criteria"] = "Inclusion Criteria:\n\n* Age \\>= 18 years\n* ECOG 0\\-1"
    write_flat_files(damaged, tmp_path / "aact")
    first = next(iter(iter_aact(tmp_path / "aact")))
    assert isinstance(first, Record) and first.id == "NCT00000102"
    assert first.text.endswith("Eligibility\nInclusion Criteria:\n\n* Age >= 18 years\n* ECOG 0-1")


def test_aact_directory_is_one_input_and_zip_is_recognised(flat, tmp_path):
    directory, archive = flat
    assert expand_inputs([directory]) == ([directory], [])
    assert is_aact_zip(archive)
    other = tmp_path / "other.zip"
    write_zip([XML_FILES[0]], other)
    assert not is_aact_zip(other) and not is_aact_zip(XML_FILES[0])


# --- The database: --where, cursor, credentials --------------------------------------------------


def test_aact_database_where_selects_studies(database: Server):
    withdrawn = records(list(iter_database(database.url(), "overall_status = 'WITHDRAWN'")))
    assert [r.id for r in withdrawn] == ["NCT00006344"]
    recent = records(list(iter_database(database.url(), "s.study_first_submitted_date >= '2007-01-01'")))
    assert [r.id for r in recent] == ["NCT00461812", "NCT00463138", "NCT00497172"]
    assert list(iter_database(database.url(), "false")) == []


def test_aact_where_errors_are_one_line_and_change_nothing(database: Server):
    with pytest.raises(ValueError) as bad:
        check_databases([database.url()], "overall_status = ")
    assert "syntax error" in str(bad.value) and "\n" not in str(bad.value)
    # The query runs in a read-only transaction: SQL smuggled into --where cannot write.
    (error,) = iter_database(database.url(), "true); DELETE FROM ctgov.studies; --")
    assert isinstance(error, RecordError) and error.problem.startswith("the database query failed")
    assert len(records(list(iter_database(database.url())))) == 8
    with pytest.raises(UsageError, match="--where selects studies of a PostgreSQL database input"):
        extract_command([str(XML_FILES[0])], where="true")


def test_aact_password_never_shows_in_sources_or_errors(database: Server, monkeypatch):
    good = database.url(user=READER, password=READER_PASSWORD)
    read = records(list(iter_records([good])))
    assert len(read) == 8 and all(READER_PASSWORD not in r.source for r in read)
    assert read[0].source.startswith(f"postgresql://{READER}@/aact?")
    wrong = database.url(user=READER, password="wrong-Secret-42")
    with pytest.raises(ValueError) as refused:
        check_databases([wrong], None)
    message = str(refused.value)
    assert "password authentication failed" in message and "wrong-Secret-42" not in message
    assert "\n" not in message
    (error,) = iter_database(wrong)
    assert "wrong-Secret-42" not in error.message and "wrong-Secret-42" not in json.dumps(error.to_dict())
    # libpq's own variables: the password from PGPASSWORD.
    monkeypatch.setenv("PGPASSWORD", READER_PASSWORD)
    assert len(records(list(iter_database(database.url(user=READER))))) == 8


@pytest.mark.parametrize(
    "url, said",
    [
        ("postgresql://nobody:pw-Hidden-9@127.0.0.1:1/aact", "Connection refused"),
        ("postgres://reader:pw-Hidden-9@/aact?host=/nonexistent&port=5432", "No such file"),
    ],
)
def test_aact_unreachable_server_is_one_line_exit_2_fast(tmp_path, url, said):
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "trialspacy.cli", "extract", url, "-o", str(tmp_path / "out.jsonl")],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert done.returncode == 2 and time.monotonic() - started < 30
    assert done.stderr.count("\n") == 1 and said in done.stderr and "pw-Hidden-9" not in done.stderr
    assert done.stderr.startswith("error: postgres") and "cannot connect to the database" in done.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_aact_extract_from_flat_files_and_database_writes_the_same_documents(flat, database: Server, tmp_path):
    out = tmp_path / "out.jsonl"
    url = database.url(user=READER, password=READER_PASSWORD)
    status = extract_command([str(flat[0]), url], str(out), stderr=open(tmp_path / "err", "w"), where="true")
    assert status == 0
    documents = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    sources = [d["meta"].pop("source") for d in documents]
    assert documents[:8] == documents[8:] and [d["id"] for d in documents[:8]] == IDS
    assert set(sources) == {str(flat[0]), shown_url(url)} and READER_PASSWORD not in out.read_text(encoding="utf-8")


# --- Hostile flat files ---------------------------------------------------------------------------


def damaged_copy(flat_dir: Path, tmp_path: Path, table: str, edit) -> Path:
    copy = tmp_path / "aact"
    shutil.copytree(flat_dir, copy)
    path = copy / f"{table}.txt"
    path.write_bytes(edit(path.read_bytes()))
    return copy


def split(items: list) -> tuple[list[Record], list[RecordError]]:
    return [i for i in items if isinstance(i, Record)], [i for i in items if isinstance(i, RecordError)]


def test_red_team_aact_row_with_an_extra_field_is_one_error_for_its_study(flat, tmp_path):
    def edit(data: bytes) -> bytes:
        return data.replace(b"|NCT00003200|Head and Neck Cancer|", b"|NCT00003200|Head and Neck Cancer|x|")

    directory = damaged_copy(flat[0], tmp_path, "conditions", edit)
    good, (error,) = split(list(iter_records([directory])))
    assert [r.id for r in good] == [i for i in IDS if i != "NCT00003200"]
    assert error.source == str(directory / "conditions.txt") and error.record == "NCT00003200"
    line = (
        (directory / "conditions.txt")
        .read_bytes()
        .split(b"\n")
        .index(b"3|NCT00003200|Head and Neck Cancer|x|head and neck cancer")
    )
    assert error.line == line + 1 and "malformed AACT row in conditions.txt" in error.problem


def test_red_team_aact_unterminated_quote_is_one_error_naming_the_file(flat, tmp_path):
    # The quote left open swallows the rest of the file: no row after it can be told, so no study
    # can be joined, and the input is one error rather than studies silently missing their criteria.
    def edit(data: bytes) -> bytes:
        start = data.index(b"|NCT00000320|")
        return data[:start] + data[start:].replace(b'"', b"", 1)

    directory = damaged_copy(flat[0], tmp_path, "eligibilities", edit)
    (error,) = iter_records([directory])
    assert error.source == str(directory / "eligibilities.txt")
    assert error.problem.startswith("malformed AACT row in eligibilities.txt: Invalid Input Error")
    assert "Possible fixes" not in error.problem


def test_red_team_aact_header_without_a_column_is_one_error(flat, tmp_path):
    directory = damaged_copy(flat[0], tmp_path, "eligibilities", lambda d: d.replace(b"|criteria\n", b"|crit\n", 1))
    (error,) = iter_records([directory])
    assert error.source == str(directory / "eligibilities.txt") and error.line == 1
    assert error.problem.startswith("AACT table has no column 'criteria'")


def test_red_team_aact_two_rows_for_a_one_row_table_and_a_repeated_study(flat, tmp_path, tables):
    damaged = {table: [dict(row) for row in rows] for table, rows in tables.items()}
    damaged["brief_summaries"].append({"id": 99, "nct_id": "NCT00006344", "description": "again"})
    damaged["studies"].append(dict(damaged["studies"][1]))
    damaged["studies"].append({"nct_id": "", "brief_title": "no id"})
    write_flat_files(damaged, tmp_path / "aact")
    good, errors = split(list(iter_aact(tmp_path / "aact")))
    assert len(good) == 6 and {r.id for r in good}.isdisjoint({"NCT00006344", "NCT00000320"})
    problems = {(e.record, e.problem) for e in errors}
    assert ("NCT00006344", Errors.E122.format(count=2, table="brief_summaries")) in problems
    assert ("NCT00000320", Errors.E122.format(count=2, table="studies")) in problems
    assert (None, Errors.E127) in problems and len(errors) == 3


def test_red_team_aact_bad_bytes_missing_tables_and_empty_studies(flat, tmp_path):
    def edit(data: bytes) -> bytes:
        return data.replace(b"Congenital Adrenal Hyperplasia", b"Congenital \xff\xfe Hyperplasia")

    directory = damaged_copy(flat[0], tmp_path, "conditions", edit)
    good, errors = split(list(iter_aact(directory)))
    assert len(good) + len(errors) == 8 and errors[0].record == "NCT00000102"
    assert errors[0].source.endswith("conditions.txt") and errors[0].line
    # Tables left out of a download are read as empty; a studies.txt with only its header is empty input.
    (directory / "design_outcomes.txt").unlink()
    (directory / "conditions.txt").unlink()
    assert len(records(list(iter_aact(directory)))) == 8
    (directory / "studies.txt").write_text("nct_id|brief_title|official_title\n", encoding="utf-8")
    (empty,) = iter_aact(directory)
    assert empty.problem == Errors.E005 and empty.source.endswith("studies.txt")
    not_zip = tmp_path / "aact.zip"
    not_zip.write_bytes(b"PK\x03\x04 not really")
    (broken,) = iter_aact(not_zip)
    assert broken.problem == Errors.E002.format(reason="not a valid zip file")
