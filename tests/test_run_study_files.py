"""Study files (legacy XML, the API v2 members of a bulk zip) parsed in the workers: the parent
reads their bytes only, and every engine gives what one process gives, bad members included."""

import json
import zipfile
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import API_V2_SAMPLE, extract_bytes

from trialspacy.errors import Errors, ExitCode, RecordError
from trialspacy.records import Record, Unparsed, iter_records, parsed
from trialspacy.run import Work, ordered_results

LEGACY = Path(__file__).parent / "data" / "legacy_xml"
STUDIES = [json.loads(line) for line in API_V2_SAMPLE.read_text(encoding="utf-8").splitlines()]
# The bad members, each with the start of its error entry (after the member's source).
BAD_MEMBERS = {
    "AllPublicXML/NCT9999xxxx/NCT99999991.xml": (
        b"<clinical_study><id_info><nct_id>NCT99999991</nct_id></id_info><brief_title>cut",
        "malformed XML: no element found: line 1, column 79",
    ),
    "AllPublicXML/NCT9999xxxx/NCT99999992.xml": (b"Study withdrawn: no record.", "malformed XML: syntax error"),
    "AllPublicXML/NCT9999xxxx/NCT99999993.xml": (b"", "malformed XML: no element found"),
    "AllPublicXML/NCT9999xxxx/NCT99999994.xml": (b"<html><body>moved</body></html>", Errors.E037.format(tag="html")),
    "NCT99999995.json": (b'{"protocolSection": {"identificationModule": ', "malformed JSON"),
}


def study_zip(path: Path) -> Path:
    """A zip like the registry's downloads: the real legacy XML records of the tests, a bad member
    after every other one, an API v2 member and a member holding an array of two studies."""
    bad = iter(BAD_MEMBERS.items())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for n, xml in enumerate(sorted(LEGACY.glob("*.xml"))):
            out.write(xml, f"AllPublicXML/{xml.stem[:7]}xxxx/{xml.name}")
            if n % 2:
                name, (data, _) = next(bad, (None, (b"", "")))
                if name is not None:
                    out.writestr(name, data)
        for name, (data, _) in bad:
            out.writestr(name, data)
        out.writestr("NCT_single.json", json.dumps(STUDIES[0], indent=2))
        out.writestr("NCT_pair.json", json.dumps(STUDIES[1:3], indent=2))
    return path


def test_study_files_are_read_unparsed_and_parse_to_what_reading_them_gives(tmp_path):
    archive = study_zip(tmp_path / "studies.zip")
    deferred = list(iter_records(archive, defer=True))
    assert deferred and all(isinstance(item, Unparsed) for item in deferred)
    assert list(map(describe, parsed(deferred))) == list(map(describe, iter_records(archive)))
    folder = tmp_path / "xml"
    folder.mkdir()
    for xml in LEGACY.glob("*.xml"):
        (folder / xml.name).write_bytes(xml.read_bytes())
    assert all(isinstance(item, Unparsed) for item in iter_records(folder, defer=True))
    # Record files are parsed where they are read: one may hold thousands of records.
    assert all(isinstance(item, Record) for item in iter_records(API_V2_SAMPLE, defer=True))


def describe(item: Record | RecordError) -> tuple:
    if isinstance(item, RecordError):
        return ("error", item.source, item.record, item.line, item.problem)
    return ("record", item.id, item.text, item.source, item.sections, item.outcome_items, item.meta)


@pytest.mark.parametrize("batch_size", [1, 3])
def test_two_processes_parse_study_files_and_write_what_one_process_writes(tmp_path, batch_size):
    archive = study_zip(tmp_path / "studies.zip")
    one = extract_bytes([archive], tmp_path / "one.jsonl")
    two = extract_bytes([archive], tmp_path / "two.jsonl", n_process=2, batch_size=batch_size)
    assert one[0] == two[0] == ExitCode.SKIPPED
    assert two[1] == one[1] and two[1].count(b"\n") == 8 + 3
    assert two[2] == one[2]
    entries = [json.loads(line) for line in two[2].splitlines()]
    assert [e["source"] for e in entries] == [f"{archive}/{name}" for name in BAD_MEMBERS]
    assert all(e["error"].startswith(start) for e, (_, start) in zip(entries, BAD_MEMBERS.values()))
    assert entries[0]["record"] == "NCT99999991"  # read from the bytes of the malformed XML
    assert "16 documents: 11 written, 5 errors" in two[3]
    assert "Traceback" not in two[3]


@pytest.mark.parametrize("cut", [9, 10])  # 10: inside the member holding two studies
def test_a_run_over_study_files_resumes_with_two_processes(tmp_path, cut):
    archive = study_zip(tmp_path / "studies.zip")
    full = extract_bytes([archive], tmp_path / "full.jsonl")
    out = tmp_path / "out.jsonl"
    lines = full[1].splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:cut]) + lines[cut][:40])
    resumed = extract_bytes([archive], out, n_process=2, batch_size=2, resume=True)
    assert resumed[:3] == full[:3]
    assert f"{cut} already in the output" in resumed[3]


def test_a_batch_whose_task_failed_reports_each_record_of_its_study_files(tmp_path):
    archive = study_zip(tmp_path / "studies.zip")
    items = list(iter_records(archive, defer=True))
    sent: list[list[Work]] = []

    def submit(work: list[Work]) -> Future:
        sent.append(work)
        return pool.submit(lambda: (_ for _ in ()).throw(MemoryError("out of memory")))

    with ThreadPoolExecutor(1) as pool:
        results = list(ordered_results(submit, items, 4, 2, lambda future: True))
    assert all(isinstance(item, Unparsed) for work in sent for item in work)  # bytes go out, not records
    failure = Errors.E014.format(reason="worker: MemoryError: out of memory")
    # Parsed here to tell records (each an E014 naming it) from bad members (their own errors).
    assert [(r.source, r.record, r.problem) for r in results] == [
        (e.source, e.record, e.problem) if isinstance(e, RecordError) else (e.source, e.id, failure)
        for e in iter_records(archive)
    ]
