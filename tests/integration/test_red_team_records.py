"""Red team of the record readers: hostile input gives one located error per bad record, never a
traceback, and the rest of the batch is read; inputs are never modified.

Each case is a real file in tmp_path read with ``iter_records``; a few go through the CLI in a
subprocess. The property tests mix good and hostile records of every input type."""

import codecs
import io
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import API_V2_SAMPLE, REPO
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from trialspacy.errors import Errors, RecordError
from trialspacy.records import MAX_MEMBER_BYTES, Record, expand_inputs, iter_records

STUDIES = [json.loads(line) for line in API_V2_SAMPLE.read_text(encoding="utf-8").splitlines()]
# An AACT-style row and an NLI4CT report, shaped as in tests/test_records.py and the corpora.
AACT_ROW = {
    "nct_id": "NCT04910386",
    "brief_title": "Envafolimab With Gemcitabine and Cisplatin in Biliary Tract Cancer",
    "description": "This is a Randomized, Open-Label, Multicenter Phase 2 Study.",
    "conditions": "Biliary Tract Neoplasms|Cholangiocarcinoma",
    "criteria": "Inclusion Criteria:~Be  18 years of age;~Exclusion Criteria:~Has prior liver transplantation;",
    "phase": "Phase 2",
}
NLI4CT_REPORT = {
    "Clinical Trial ID": "NCT00050960",
    "Intervention": ["INTERVENTION 1: ", "  Docetaxel", "  Docetaxel 75 mg/m2 IV every 3 weeks"],
    "Eligibility": [
        "Inclusion Criteria:",
        "  Histologically confirmed breast cancer",
        "Exclusion Criteria:",
        "  Pregnancy",
    ],
    "Results": [
        "Outcome Measurement: ",
        "  Overall Survival",
        "  Time from randomization to death.",
        "  Time frame: 5 years",
        "Results 1: ",
    ],
    "Adverse Events": ["Adverse Events 1:", "  Total: 12/40 (30.00%)"],
}
TEXT_RECORD = {"id": "crit-1", "text": "Exclusion Criteria:\n- Prior treatment with docetaxel."}
SUMMARY = re.compile(r"(\d+) documents: (\d+) written, (\d+) errors")


def read(*inputs: Any, **options: Any) -> list[Record | RecordError]:
    return list(iter_records(list(inputs), **options))


def split(items: list) -> tuple[list[Record], list[RecordError]]:
    return [i for i in items if isinstance(i, Record)], [i for i in items if isinstance(i, RecordError)]


def writable(error: RecordError) -> bool:
    """The error entry and its line can be written as UTF-8, as the CLI writes them."""
    json.dumps(error.to_dict(), ensure_ascii=False).encode("utf-8")
    error.message.encode("utf-8")
    return "\n" not in error.message


def valid(record: Record) -> bool:
    record.text.encode("utf-8")
    record.id.encode("utf-8")
    spans = (record.sections or []) + (record.outcome_items or [])
    return bool(record.text.strip()) and all(0 <= s["start"] <= s["end"] <= len(record.text) for s in spans)


def pretty(*objects: Any) -> str:
    """What ``jq .`` writes: each value indented, one after the other."""
    return "".join(json.dumps(o, indent=2, ensure_ascii=False) + "\n" for o in objects)


# --- Lone surrogates -----------------------------------------------------------------------------


def test_red_team_lone_surrogate_in_text_is_one_error_naming_the_field_and_offset(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text('{"id":"a","text":"x \\ud800 y"}\n{"id":"b","text":"docetaxel"}\n', encoding="utf-8")
    (error, good) = read(path)
    assert isinstance(error, RecordError) and error.line == 1 and error.record == "a"
    assert error.problem == Errors.E042.format(field="text", code=0xD800, offset=2)
    assert "\\ud800" in error.message and writable(error)
    assert isinstance(good, Record) and good.id == "b"


def test_red_team_lone_surrogate_in_the_id_is_escaped_in_the_error_entry(tmp_path):
    path = tmp_path / "sid.jsonl"
    path.write_text('{"id":"a\\udc80","text":"x y"}\n{"id":"b","text":"docetaxel"}\n', encoding="utf-8")
    error, good = read(path)
    assert isinstance(error, RecordError) and error.record == "a\\udc80" and writable(error)
    assert error.problem == Errors.E042.format(field="id", code=0xDC80, offset=1)
    assert isinstance(good, Record)


def test_red_team_lone_surrogate_in_an_api_v2_title_names_its_path(tmp_path):
    line = json.dumps(STUDIES[0]).replace(
        json.dumps(STUDIES[0]["protocolSection"]["identificationModule"]["briefTitle"]), '"LUNG-05 \\ud83d trial"'
    )
    path = tmp_path / "v2.jsonl"
    path.write_text(line + "\n" + json.dumps(STUDIES[1]) + "\n", encoding="utf-8")
    error, good = read(path)
    assert isinstance(error, RecordError) and error.record == "NCT06576635" and writable(error)
    assert error.problem.startswith("field protocolSection.identificationModule.briefTitle has a lone surrogate")
    assert "at offset 8" in error.problem
    assert isinstance(good, Record) and good.id == STUDIES[1]["protocolSection"]["identificationModule"]["nctId"]


def test_red_team_lone_surrogate_in_an_unused_field_does_no_harm():
    study = json.loads(json.dumps(STUDIES[0]))
    study["protocolSection"]["statusModule"]["overallStatus"] = "RECRUITING \ud800"
    (record,) = read(study)
    assert isinstance(record, Record) and valid(record)


# --- Fields of the wrong type --------------------------------------------------------------------


def replaced(obj: Any, path: tuple, value: Any) -> Any:
    copy = json.loads(json.dumps(obj))
    if not path:
        return value
    target = copy
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return copy


P = "protocolSection"


@pytest.mark.parametrize(
    "path,value",
    [
        ((P, "conditionsModule", "conditions"), 5),
        ((P, "conditionsModule", "conditions"), "NSCLC"),
        ((P, "armsInterventionsModule", "interventions"), 7),
        ((P, "outcomesModule"), ["PFS"]),
        ((P, "outcomesModule"), "PFS"),
        ((P, "outcomesModule", "primaryOutcomes"), {"measure": "PFS"}),
        ((P, "identificationModule", "briefTitle"), ["LUNG-05"]),
        ((P, "eligibilityModule"), 3.5),
        ((P, "descriptionModule", "briefSummary"), None),
    ],
)
def test_red_team_api_v2_optional_field_of_the_wrong_type_is_left_out(path, value):
    (record,) = read(replaced(STUDIES[0], path, value))
    assert isinstance(record, Record) and valid(record) and record.id == "NCT06576635"


@pytest.mark.parametrize(
    "path,value,named",
    [
        ((P,), 5, "protocolSection"),
        ((P, "identificationModule"), ["NCT06576635"], "identificationModule.nctId"),
        ((P, "identificationModule", "nctId"), 6576635, "identificationModule.nctId"),
    ],
)
def test_red_team_api_v2_required_field_of_the_wrong_type_is_an_error_naming_it(path, value, named):
    (error,) = read(replaced(STUDIES[0], path, value))
    assert isinstance(error, RecordError) and named in error.problem


def test_red_team_aact_conditions_nan_and_nli4ct_wrong_types(tmp_path):
    path = tmp_path / "rows.jsonl"
    lines = [
        json.dumps({**AACT_ROW, "conditions": math.nan}),  # NaN, as pandas writes a missing value
        json.dumps({**AACT_ROW, "conditions": 5}),
        json.dumps({**AACT_ROW, "nct_id": None}),
        json.dumps({**NLI4CT_REPORT, "Eligibility": 5, "Results": "x", "Adverse Events": [1, None]}),
        json.dumps({**NLI4CT_REPORT, "Clinical Trial ID": ["NCT00050960"]}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(path)
    assert [type(i).__name__ for i in items] == ["Record", "Record", "RecordError", "Record", "RecordError"]
    assert all(valid(i) for i in items if isinstance(i, Record))
    assert "Biliary" not in items[0].text.split("\n")[2]
    assert items[2].problem == Errors.E046.format(field="nct_id", kind="null", expected="text or an integer")
    assert "'Clinical Trial ID' is an array" in items[4].problem


# --- Deep JSON and huge integers ------------------------------------------------------------------


def test_red_team_json_nested_100000_deep_is_one_error(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    (tmp_path / "deep.json").write_text(deep + "\n", encoding="utf-8")
    (tmp_path / "deep.jsonl").write_text(deep + "\n" + json.dumps(TEXT_RECORD) + "\n", encoding="utf-8")
    (error,) = read(tmp_path / "deep.json")
    assert error.problem.startswith("JSON nested too deeply to read")
    error, good = read(tmp_path / "deep.jsonl")
    assert error.line == 1 and "nested too deeply" in error.problem and good.id == "crit-1"


def test_red_team_integer_of_5000_digits_is_one_error(tmp_path):
    (tmp_path / "big.jsonl").write_text(
        '{"text": "docetaxel", "n": ' + "1" * 5000 + "}\n" + json.dumps(TEXT_RECORD) + "\n", encoding="utf-8"
    )
    error, good = read(tmp_path / "big.jsonl")
    assert error.line == 1 and error.problem == Errors.E041.format(limit=sys.get_int_max_str_digits())
    assert good.id == "crit-1"


# --- NUL bytes and bad UTF-8 on one line -----------------------------------------------------------


def test_red_team_nul_on_line_1_of_jsonl_loses_only_that_line(tmp_path):
    (tmp_path / "nul.jsonl").write_bytes(b'{"text":"a\x00"}\n{"text":"b"}\n{"text":"c"}\n')
    error, *good = read(tmp_path / "nul.jsonl")
    assert error.line == 1 and error.problem == Errors.E004
    assert [r.text for r in good] == ["b", "c"]


def test_red_team_nul_in_a_long_first_study_line_loses_only_that_line(tmp_path):
    # API v2 studies are 10-20 KB a line: the first bytes read to tell a binary file hold a part of
    # the first line only, and a NUL in it made the whole file one error.
    studies = API_V2_SAMPLE.read_bytes().splitlines()
    assert len(studies[0]) > 8192
    damaged = studies[0].replace(b'"briefTitle"', b'"brief\x00Title"', 1)
    (tmp_path / "studies.jsonl").write_bytes(b"\n".join([damaged, *studies[1:3]]) + b"\n")
    error, *good = read(tmp_path / "studies.jsonl")
    assert error.line == 1 and error.problem == Errors.E004
    assert [r.id for r in good] == [json.loads(s)[P]["identificationModule"]["nctId"] for s in studies[1:3]]


def test_red_team_binary_file_named_jsonl_is_still_one_error(tmp_path):
    (tmp_path / "image.jsonl").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    (error,) = read(tmp_path / "image.jsonl")
    assert error.problem == Errors.E004 and error.line is None


def test_red_team_csv_rows_with_bad_utf8_or_nul_are_one_error_each(tmp_path):
    data = b'nctid,text\nNCT1,good\nNCT2,bad \xff here\nNCT3,"two\nlines"\nNCT4,nul \x00 here\nNCT5,last\n'
    (tmp_path / "rows.csv").write_bytes(data)
    items = read(tmp_path / "rows.csv")
    assert [(i.id, i.text) for i in items if isinstance(i, Record)] == [
        ("NCT1", "good"),
        ("NCT3", "two\nlines"),
        ("NCT5", "last"),
    ]
    errors = [(e.line, e.problem) for e in items if isinstance(e, RecordError)]
    assert errors == [(3, Errors.E003.format(offset=30)), (6, Errors.E004)]


# --- Standard input, concatenated JSON, encodings ---------------------------------------------------


def test_red_team_stdin_with_a_bad_first_line_reads_the_rest_like_a_file(tmp_path):
    data = "{bad json\n" + json.dumps(TEXT_RECORD) + "\n"
    (tmp_path / "same.jsonl").write_text(data, encoding="utf-8")
    from_stdin = read("-", stdin=io.StringIO(data))
    from_file = read(tmp_path / "same.jsonl")
    assert [type(i) for i in from_stdin] == [RecordError, Record] == [type(i) for i in from_file]
    assert from_stdin[0].line == 1 and from_stdin[1].text == TEXT_RECORD["text"]


def test_red_team_concatenated_pretty_json_is_one_record_per_value(tmp_path):
    (tmp_path / "two.json").write_text(pretty(STUDIES[0], STUDIES[1]), encoding="utf-8")
    first, second = read(tmp_path / "two.json")
    assert (first.id, second.id) == tuple(s["protocolSection"]["identificationModule"]["nctId"] for s in STUDIES[:2])
    # A broken value is one error, and the next value is read.
    broken = pretty(STUDIES[0]).replace('"nctId"', '"nctId" "', 1)
    (tmp_path / "broken.json").write_text(broken + pretty(STUDIES[1]) + json.dumps(TEXT_RECORD), encoding="utf-8")
    error, study, text = read(tmp_path / "broken.json")
    assert isinstance(error, RecordError) and error.problem.startswith("malformed JSON at line 4")
    assert isinstance(study, Record) and text.id == "crit-1"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_red_team_text_with_a_byte_order_mark_is_decoded(tmp_path, codec):
    bom = {"utf-16-be": codecs.BOM_UTF16_BE}.get(codec, b"")
    lines = json.dumps(TEXT_RECORD, ensure_ascii=False) + "\n" + json.dumps({"text": "Durvalumab ≥ 10 mg/kg"}) + "\n"
    (tmp_path / "rows.jsonl").write_bytes(bom + lines.encode(codec))
    (tmp_path / "doc.txt").write_bytes(bom + TEXT_RECORD["text"].encode(codec))
    (tmp_path / "rows.csv").write_bytes(bom + "nctid,text\nNCT1,Docetaxel ≥ 75 mg/m²\n".encode(codec))
    first, second = read(tmp_path / "rows.jsonl")
    assert (first.id, first.text, second.text) == ("crit-1", TEXT_RECORD["text"], "Durvalumab ≥ 10 mg/kg")
    (doc,) = read(tmp_path / "doc.txt")
    assert doc.text == TEXT_RECORD["text"]
    (row,) = read(tmp_path / "rows.csv")
    assert (row.id, row.text) == ("NCT1", "Docetaxel ≥ 75 mg/m²")


def test_red_team_symbolic_link_loop_is_reported_as_such(tmp_path):
    os.symlink(tmp_path / "loop.jsonl", tmp_path / "loop.jsonl")
    (error,) = read(tmp_path / "loop.jsonl")
    assert error.problem == Errors.E043 and "symbolic link loop" in error.message


@pytest.mark.parametrize("max_chars", [0, -1])
def test_red_team_max_chars_below_1_is_refused_at_once(max_chars):
    with pytest.raises(ValueError, match="max_chars must be at least 1"):
        iter_records([TEXT_RECORD], max_chars=max_chars)


# --- Directories -----------------------------------------------------------------------------------


def test_red_team_directory_of_unreadable_suffixes_says_what_it_skipped(tmp_path):
    data = tmp_path / "data"
    (data / "scans").mkdir(parents=True)
    for n in range(3):
        (data / "scans" / f"NCT0000000{n}.docx").write_bytes(b"PK\x03\x04")
    (data / "notes.pdf").write_bytes(b"%PDF-1.4")
    files, warnings = expand_inputs([data])
    assert files == []
    assert warnings == [
        f"{data}: no readable input files in this directory",
        f"{data}: skipped 4 files it cannot read (.docx 3, .pdf 1)",
    ]


def test_red_team_expand_inputs_excludes_the_runs_own_outputs(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "in.jsonl").write_text(json.dumps(TEXT_RECORD) + "\n", encoding="utf-8")
    (data / "out.jsonl").write_text("", encoding="utf-8")
    relative = os.path.relpath(data / "out.jsonl")
    files, warnings = expand_inputs([data, data / "out.jsonl"], exclude={relative})
    assert files == [str(data / "in.jsonl")]
    assert warnings == [f"{data / 'out.jsonl'}: not read: it is an output of this run"] * 2


# --- Zip archives ----------------------------------------------------------------------------------


def study_member(study: dict[str, Any]) -> str:
    return json.dumps(study, indent=2)


def files_under(folder: Path) -> set[Path]:
    return set(folder.rglob("*"))


def test_red_team_zip_bomb_member_is_refused_unread_and_the_next_is_read(tmp_path):
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        with out.open("NCT00000001.json", "w") as member:  # 64 MiB of spaces deflate to about 64 KB
            for _ in range(64):
                member.write(b" " * 2**20)
            member.write(b" ")
        out.writestr("NCT00000002.json", study_member(STUDIES[0]))
    assert archive.stat().st_size < 2**20
    bomb, record = read(archive)
    assert isinstance(bomb, RecordError) and bomb.source == f"{archive}/NCT00000001.json"
    assert bomb.problem == Errors.E038.format(size=MAX_MEMBER_BYTES + 1, limit=MAX_MEMBER_BYTES)
    assert isinstance(record, Record) and record.id == STUDIES[0][P]["identificationModule"]["nctId"]


def test_red_team_zip_member_whose_listed_size_lies_is_never_inflated_past_it(tmp_path):
    archive = tmp_path / "liar.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("NCT00000001.json", b" " * 2**20 + b"{}")
    data = bytearray(archive.read_bytes())
    # Say 100 bytes in the local header and the member list: the member's true size is 1 MiB.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.index(signature) + offset
        data[at : at + 4] = (100).to_bytes(4, "little")
    archive.write_bytes(bytes(data))
    (error,) = read(archive)
    assert isinstance(error, RecordError) and error.source == f"{archive}/NCT00000001.json"
    assert error.problem == Errors.E002.format(reason="Bad CRC-32 for file 'NCT00000001.json'")


def test_red_team_zip_member_names_that_climb_out_only_name_the_member(tmp_path):
    archive = tmp_path / "in" / "traversal.zip"
    archive.parent.mkdir()
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("../../x.json", study_member(STUDIES[0]))
        out.writestr("/etc/cron.d/x.json", study_member(STUDIES[1]))
        out.writestr("..\\..\\evil.jsonl", json.dumps(TEXT_RECORD) + "\n")
        out.writestr("\x1b[31mred\n.json", "not json")
    before = files_under(tmp_path)
    items = read(archive)
    assert files_under(tmp_path) == before  # nothing is ever written, wherever a name points
    records, errors = split(items)
    assert [r.source for r in records] == [
        f"{archive}/../../x.json",
        f"{archive}//etc/cron.d/x.json",
        f"{archive}/..\\..\\evil.jsonl",
    ]
    (error,) = errors
    assert writable(error) and "\\x1b[31mred\\n.json" in error.message


def test_red_team_truncated_zip_is_one_error_naming_it(tmp_path):
    whole = tmp_path / "whole.zip"
    with zipfile.ZipFile(whole, "w", zipfile.ZIP_DEFLATED) as out:
        for study in STUDIES:
            out.writestr(f"{study[P]['identificationModule']['nctId']}.json", study_member(study))
    data = whole.read_bytes()
    for size in (len(data) // 2, len(data) - 10, 21, 0):
        cut = tmp_path / f"cut{size}.zip"
        cut.write_bytes(data[:size])
        (error,) = read(cut)
        assert isinstance(error, RecordError) and error.source == str(cut), size
        assert error.problem == Errors.E002.format(reason="not a valid zip file"), size


def test_red_team_zip_whose_member_list_is_damaged_is_one_error_naming_it(tmp_path):
    archive = tmp_path / "names.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("a.json", study_member(STUDIES[0]))
    data = bytearray(archive.read_bytes())
    entry = data.index(b"PK\x01\x02")
    data[entry + 8 : entry + 10] = (0x800).to_bytes(2, "little")  # names are UTF-8 ...
    data[entry + 46 : entry + 47] = b"\xff"  # ... but this one is not
    archive.write_bytes(bytes(data))
    (error,) = read(archive)
    assert isinstance(error, RecordError) and error.source == str(archive)
    assert error.problem.startswith("cannot read the file: damaged zip archive (") and writable(error)


def test_red_team_zip_inside_a_zip_is_reported_not_opened(tmp_path):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as out:
        out.writestr("NCT00000009.json", study_member(STUDIES[1]))
    archive = tmp_path / "outer.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("nested/inner.ZIP", inner.getvalue())
        out.writestr("NCT00000001.json", study_member(STUDIES[0]))
    nested, record = read(archive)
    assert isinstance(nested, RecordError) and nested.source == f"{archive}/nested/inner.ZIP"
    assert nested.problem == Errors.E100
    assert isinstance(record, Record) and record.id == STUDIES[0][P]["identificationModule"]["nctId"]


# --- Through the CLI ---------------------------------------------------------------------------------


def run_cli(args: list[str], tmp_path: Path, stdin: bytes | None = None) -> tuple[subprocess.CompletedProcess, Path]:
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    env = {**os.environ, "PYTHONPATH": str(REPO / "pipeline")}
    command = [sys.executable, "-m", "trialspacy.cli", "extract", *args, "-o", str(out), "--errors", str(errors)]
    done = subprocess.run(command, input=stdin, capture_output=True, env=env, timeout=300)
    return done, out


def reconciles(done: subprocess.CompletedProcess, out: Path, documents: int, errors: int) -> list[dict]:
    stderr = done.stderr.decode("utf-8")
    assert "Traceback" not in stderr and done.returncode == 1, stderr
    total, written, failed = map(int, SUMMARY.search(stderr).groups())
    entries = [json.loads(line) for line in (out.parent / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert (total, written, failed) == (documents, documents - errors, errors)
    assert len(entries) == failed and len(docs) == written
    return docs


def test_red_team_cli_hostile_folder_exits_1_without_traceback_and_counts_reconcile(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "s.jsonl").write_text(
        '{"id":"a","text":"x \\ud800 y"}\n{"id":"b","text":"docetaxel"}\n', encoding="utf-8"
    )
    (folder / "sid.jsonl").write_text('{"id":"c\\udc80","text":"cisplatin"}\n', encoding="utf-8")
    (folder / "types.jsonl").write_text(
        "\n".join(
            json.dumps(replaced(STUDIES[0], path, value))
            for path, value in [((P, "conditionsModule", "conditions"), 5), ((P, "outcomesModule"), "PFS")]
        )
        + "\n",
        encoding="utf-8",
    )
    (folder / "deep.jsonl").write_text("[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    (folder / "rows.csv").write_bytes(b"nctid,text\nNCT1,pemetrexed\nNCT2,bad \xff\nNCT3,nul \x00\nNCT4,carboplatin\n")
    (folder / "legacy.xml").write_text("<clinical_study/>", encoding="utf-8")  # a legacy record without an id
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}
    done, out = run_cli([str(folder)], tmp_path)
    docs = reconciles(done, out, documents=11, errors=6)
    assert sorted(d["id"] for d in docs) == ["NCT06576635", "NCT06576635", "NCT1", "NCT4", "b"]
    assert f"{folder}: skipped 1 file it cannot read (.pdf 1)" in done.stderr.decode("utf-8")
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()} == before


def test_red_team_cli_hostile_zip_exits_1_without_traceback_and_counts_reconcile(tmp_path):
    archive = tmp_path / "ctg-studies.json.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("../../NCT0.json", json.dumps(STUDIES[0], indent=2))
        out.writestr("inner.zip", b"PK\x05\x06" + bytes(18))
        out.writestr("NCT1.json", b"\x00\x01binary\x00")
        out.writestr("NCT2.json", json.dumps([STUDIES[1], {"protocolSection": "x"}, STUDIES[2]], indent=2))
        out.writestr("Contents.txt", "NCT0\nNCT1\n")
    before = archive.read_bytes()
    done, out = run_cli([str(archive)], tmp_path)
    docs = reconciles(done, out, documents=6, errors=3)
    assert len(docs) == 3 and archive.read_bytes() == before
    assert f"{archive}: skipped 1 member it cannot read (.txt 1)" in done.stderr.decode("utf-8")


def test_red_team_cli_stdin_with_a_bad_first_line_writes_the_good_lines(tmp_path):
    data = ("{bad json\n" + json.dumps(TEXT_RECORD) + "\n").encode("utf-8")
    done, out = run_cli(["-"], tmp_path, stdin=data)
    (doc,) = reconciles(done, out, documents=2, errors=1)
    assert doc["id"] == "crit-1"


# --- Properties ----------------------------------------------------------------------------------------

JSON_KINDS: dict[str, st.SearchStrategy[Any]] = {
    "int": st.integers(),
    "float": st.floats(allow_nan=True, allow_infinity=True),
    "str": st.text(max_size=20),
    "list": st.lists(st.integers() | st.text(max_size=5), max_size=3),
    "dict": st.dictionaries(st.text(max_size=5), st.integers() | st.text(max_size=5), max_size=3),
    "null": st.none(),
    "bool": st.booleans(),
}


def kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    return {int: "int", float: "float", str: "str", list: "list", dict: "dict"}.get(type(value), "null")


def field_paths(obj: Any, path: tuple = ()) -> list[tuple]:
    """The path of every field of a record, at any depth (list items included)."""
    paths = []
    items = obj.items() if isinstance(obj, dict) else enumerate(obj) if isinstance(obj, list) else []
    for key, value in items:
        paths += [(*path, key), *field_paths(value, (*path, key))]
    return paths


def value_at(obj: Any, path: tuple) -> Any:
    for key in path:
        obj = obj[key]
    return obj


RECORDS = [*STUDIES, AACT_ROW, NLI4CT_REPORT, TEXT_RECORD]


@st.composite
def type_confused(draw: st.DrawFn) -> tuple[Any, tuple]:
    """A real record with one field, at any depth, replaced by a value of another JSON type."""
    record = draw(st.sampled_from(RECORDS))
    path = draw(st.sampled_from(field_paths(record)))
    other = draw(st.sampled_from(sorted(set(JSON_KINDS) - {kind(value_at(record, path))})))
    return replaced(record, path, draw(JSON_KINDS[other])), path


@settings(max_examples=300, deadline=None)
@given(type_confused())
def test_red_team_type_confusion_gives_a_valid_record_or_one_error_naming_the_field(case):
    obj, path = case
    line = json.dumps(obj, ensure_ascii=False)  # NaN and Infinity as Python writes them
    for items in (read(obj), read("-", stdin=io.StringIO(line + "\n"))):
        (item,) = items
        if isinstance(item, Record):
            assert valid(item)
        else:
            assert writable(item)
            assert any(key in item.problem for key in path if isinstance(key, str)), (path, item.problem)


def hostile_json_lines() -> st.SearchStrategy[bytes]:
    """One line of a JSONL file, good or hostile (never blank, never more than one line)."""
    text = st.text(max_size=30)
    encoded = lambda s: s.encode("utf-8", "surrogatepass")
    return st.one_of(
        st.sampled_from(RECORDS).map(lambda r: json.dumps(r).encode("utf-8")),
        type_confused().map(lambda case: json.dumps(case[0]).encode("utf-8")),
        st.builds(lambda t, k: json.dumps({"id": k, "text": t}), text, text).map(encoded),
        text.map(lambda t: "{" + t.replace("\n", " ").replace("\r", " ")).map(encoded),
        st.sampled_from(
            [
                b'{"text": "x \\ud800 y"}',
                b'{"id": "\\udfff", "text": "y"}',
                b"[" * 5000 + b"]" * 5000,
                b'{"text": "n", "n": ' + b"9" * 5000 + b"}",
                b'{"text": "nul \x00"}',
                b'{"text": "bad \xff\xfe"}',
                b"5",
                b"null",
                b"[]",
            ]
        ),
    )


def hostile_csv_rows() -> st.SearchStrategy[bytes]:
    """One row of a ``nctid,text`` CSV file, possibly over several lines, possibly with bad bytes."""
    cell = st.text(max_size=30).map(lambda t: '"' + t.replace('"', '""') + '"')
    row = st.builds(lambda n, t: f"NCT{n},{t}\n".encode("utf-8", "surrogatepass"), st.integers(0, 99), cell)
    bad = st.builds(lambda r, b: r[:-2] + b + r[-2:], row, st.sampled_from([b"\x00", b"\xff", b"\xc3"]))
    return row | bad


def hostile_dicts() -> st.SearchStrategy[dict]:
    return type_confused().map(lambda case: case[0])


def unreadable(raw: bytes) -> bool:
    if b"\x00" in raw:
        return True
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    st.lists(hostile_json_lines(), min_size=1, max_size=8),
    st.lists(hostile_csv_rows(), min_size=1, max_size=8),
    st.lists(hostile_dicts(), max_size=3),
)
# Found by this test: a NUL line, then a line longer than the bytes read to tell a binary file.
# Those bytes held one whole line, the NUL one, and the file was judged binary: one item, not three.
@example(lines=[b'{"text": "nul \x00"}', b"[" * 5000 + b"]" * 5000, b"5"], rows=[b'NCT1,"docetaxel"\n'], dicts=[])
def test_red_team_any_mix_gives_one_item_per_record_and_leaves_inputs_alone(lines, rows, dicts):
    # A file most of whose lines hold NUL bytes or are not UTF-8 is binary: one error for the
    # file (tested above). Here the hostile lines are the minority they are in real data.
    assume(2 * sum(unreadable(line) for line in lines) < len(lines))
    assume(2 * sum(unreadable(row) for row in rows) < len(rows) + 1)
    with tempfile.TemporaryDirectory() as folder:
        jsonl, table = Path(folder) / "mix.jsonl", Path(folder) / "mix.csv"
        jsonl.write_bytes(b"\n".join(lines) + b"\n")
        table.write_bytes(b"nctid,text\n" + b"".join(rows))
        before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (jsonl, table)}
        items = read(jsonl, *dicts, table)
        assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (jsonl, table)} == before
    assert len(items) == len(lines) + len(dicts) + len(rows)
    records, errors = split(items)
    assert all(valid(r) for r in records) and all(writable(e) for e in errors)
