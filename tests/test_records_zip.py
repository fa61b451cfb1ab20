"""Zip archives of records: the registry's bulk download of API v2 JSON (``ctg-studies.json.zip``),
legacy XML, and mixes, read member by member."""

import json
import zipfile
from pathlib import Path
from typing import Any

from conftest import API_V2_SAMPLE, extract_bytes

from trialspacy.errors import Errors, RecordError, Warnings
from trialspacy.records import Record, expand_inputs, iter_records

STUDIES = [json.loads(line) for line in API_V2_SAMPLE.read_text(encoding="utf-8").splitlines()]
LEGACY = Path(__file__).parent / "data" / "legacy_xml"


def nct_id(study: dict[str, Any]) -> str:
    return study["protocolSection"]["identificationModule"]["nctId"]


def pretty(study: Any) -> str:
    """A study as the bulk download writes it: pretty-printed JSON."""
    return json.dumps(study, indent=2, ensure_ascii=False)


def bulk_zip(path: Path, studies: list[dict[str, Any]], folder: str = "") -> Path:
    """``ctg-studies.json.zip``: one ``NCTxxxxxxxx.json`` per study."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for study in studies:
            out.writestr(f"{folder}{nct_id(study)}.json", pretty(study))
    return path


def split(items: list) -> tuple[list[Record], list[RecordError]]:
    return [i for i in items if isinstance(i, Record)], [i for i in items if isinstance(i, RecordError)]


def test_bulk_json_zip_gives_the_records_of_the_same_studies_in_jsonl(tmp_path):
    archive = bulk_zip(tmp_path / "ctg-studies.json.zip", STUDIES)
    records = list(iter_records(archive))
    expected = list(iter_records(API_V2_SAMPLE))
    assert len(records) == len(expected) == len(STUDIES) == 12
    for record, wanted in zip(records, expected):
        assert isinstance(record, Record) and isinstance(wanted, Record)
        assert (record.id, record.text, record.sections, record.outcome_items, record.meta) == (
            wanted.id,
            wanted.text,
            wanted.sections,
            wanted.outcome_items,
            wanted.meta,
        )
        assert record.source == f"{archive}/{record.id}.json"


def test_bulk_json_zip_through_the_cli_gives_the_same_documents_as_the_jsonl(tmp_path):
    archive = bulk_zip(tmp_path / "ctg-studies.json.zip", STUDIES)
    status, out, errors, stderr = extract_bytes([archive], tmp_path / "zip.jsonl")
    assert (status, errors) == (0, b"") and "12 documents: 12 written, 0 errors" in stderr
    same = extract_bytes([API_V2_SAMPLE], tmp_path / "jsonl.jsonl")[1]
    documents = [json.loads(line) for line in out.decode("utf-8").splitlines()]
    expected = [json.loads(line) for line in same.decode("utf-8").splitlines()]
    assert [d.pop("meta")["source"] for d in documents] == [f"{archive}/{d['id']}.json" for d in documents]
    for document in expected:
        del document["meta"]
    assert documents == expected  # text, spans, sections and outcomes
    assert sum(len(d["spans"]) for d in documents) > 100


def test_zip_members_in_nested_folders_arrays_and_concatenated_values_are_read(tmp_path):
    archive = tmp_path / "studies.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("export/2024/", b"")
        out.writestr(f"export/2024/deep/{nct_id(STUDIES[0])}.json", pretty(STUDIES[0]))
        out.writestr("export/array.json", pretty(STUDIES[1:3]))
        out.writestr("export/page.json", pretty({"studies": STUDIES[3:5], "nextPageToken": "x"}))
        out.writestr("export/jq.json", pretty(STUDIES[5]) + "\n" + pretty(STUDIES[6]) + "\n")
        out.writestr("export/lines.jsonl", "".join(json.dumps(s) + "\n" for s in STUDIES[7:9]))
        out.writestr("export/rows.csv", "nct_id,brief_title,criteria\nNCT00000099,A title,Inclusion Criteria:~Adults\n")
    records, errors = split(list(iter_records(archive)))
    assert not errors
    assert [r.id for r in records] == [nct_id(s) for s in STUDIES[:9]] + ["NCT00000099"]
    assert records[0].source == f"{archive}/export/2024/deep/{nct_id(STUDIES[0])}.json"
    assert records[-1].meta == {"format": "aact"} and records[-1].source == f"{archive}/export/rows.csv"


def test_zip_of_json_and_xml_members_reads_each_by_its_suffix(tmp_path):
    archive = tmp_path / "mixed.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr(f"{nct_id(STUDIES[0])}.json", pretty(STUDIES[0]))
        out.write(LEGACY / "NCT00000102.xml", "AllPublicXML/NCT0000xxxx/NCT00000102.xml")
        out.writestr(f"{nct_id(STUDIES[1])}.JSON", pretty(STUDIES[1]))
    records, errors = split(list(iter_records(archive)))
    assert not errors
    assert [r.id for r in records] == [nct_id(STUDIES[0]), "NCT00000102", nct_id(STUDIES[1])]
    assert [r.meta["format"] for r in records] == ["ctgov_v2", "ctgov_legacy_xml", "ctgov_v2"]


def test_a_bad_member_is_one_error_naming_the_zip_and_the_member_and_the_next_are_read(tmp_path):
    archive = tmp_path / "ctg-studies.json.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as out:
        out.writestr("NCT00000001.json", '{"protocolSection": {"identificationModule": {"nctId": "NCT00000001",')
        out.writestr("NCT00000002.json", "Study withdrawn: no record.")
        out.writestr("NCT00000003.json", pretty(STUDIES[0]).replace('"protocolSection"', '"protocolSectioX"', 1))
        out.writestr(f"{nct_id(STUDIES[1])}.json", pretty(STUDIES[1]))
        out.writestr(f"{nct_id(STUDIES[2])}.json", pretty(STUDIES[2]))
    data = archive.read_bytes()
    # Damage the stored bytes of the fourth member: its CRC no longer matches.
    start = data.index(f'"nctId": "{nct_id(STUDIES[1])}"'.encode())
    archive.write_bytes(data[:start] + b"X" + data[start + 1 :])
    items = list(iter_records(archive))
    assert [type(i).__name__ for i in items] == ["RecordError"] * 4 + ["Record"]
    truncated, not_json, not_a_study, damaged = items[:4]
    assert truncated.source == f"{archive}/NCT00000001.json" and "malformed JSON" in truncated.problem
    assert not_json.source == f"{archive}/NCT00000002.json" and "malformed JSON at line 1" in not_json.problem
    assert not_a_study.source == f"{archive}/NCT00000003.json" and not_a_study.problem == Errors.E007
    assert damaged.source == f"{archive}/{nct_id(STUDIES[1])}.json" and "Bad CRC-32" in damaged.problem
    assert items[4].id == nct_id(STUDIES[2])


def test_members_of_other_suffixes_are_counted_in_one_warning(tmp_path):
    archive = bulk_zip(tmp_path / "ctg-studies.json.zip", STUDIES[:2])
    with zipfile.ZipFile(archive, "a") as out:
        out.writestr("Contents.txt", "NCT0001\nNCT0002\n")
        out.writestr("docs/Prot_000.pdf", b"%PDF-1.4")
        out.writestr("docs/SAP_001.pdf", b"%PDF-1.4")
        out.writestr("more/NCT0003.json.gz", b"\x1f\x8b")
        out.writestr("__MACOSX/._NCT0001.json", b"\x00\x05")
        out.writestr(".DS_Store", b"\x00")
    files, warnings = expand_inputs([tmp_path])
    expected = Warnings.W005.format(path=archive, files="4 members", kinds=".pdf 2, .txt 1, .json.gz 1")
    assert files == [str(archive)] and warnings == [expected]
    status, _, errors, stderr = extract_bytes([archive], tmp_path / "out.jsonl")
    assert (status, errors) == (0, b"") and expected in stderr and "2 documents: 2 written, 0 errors" in stderr


def test_zip_with_no_member_it_reads_is_one_error_naming_the_suffixes_it_reads(tmp_path):
    archive = tmp_path / "docs.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("readme.txt", "nothing")
    (error,) = iter_records(archive)
    assert isinstance(error, RecordError) and error.source == str(archive)
    assert (
        error.problem == "zip archive has no member trialspacy reads (.json, .xml, .jsonl, .ndjson, .csv, .tsv files)"
    )
