"""Reading inputs into records: seeds, API v2 studies, AACT rows, NLI4CT reports, CSV, stdin,
and one error in place of each bad record."""

import csv
import dataclasses
import gzip
import io
import json
import re
import tracemalloc
from pathlib import Path

import pytest
from conftest import SEEDS_DIR, corpus_path

from trialspacy.errors import Errors, RecordError
from trialspacy.layout import parse_layout
from trialspacy.records import Record, expand_inputs, iter_records, single_line, unescape_markdown

SEEDS = SEEDS_DIR
NSCLC = ("ctgov_samples", "nsclcbench_ctg_studies.jsonl.gz")

# A real study (NCT06576635, trimmed to the fields the reader uses).
STUDY = {
    "protocolSection": {
        "identificationModule": {
            "nctId": "NCT06576635",
            "briefTitle": "LUNG-05: Investigating Chemotherapy Effectiveness for Non-Small Cell Lung Cancer (NSCLC) Metastatic Patients",
        },
        "descriptionModule": {"briefSummary": "This is a Single arm, Simon's two stage pilot study."},
        "conditionsModule": {"conditions": ["NSCLC"]},
        "armsInterventionsModule": {"interventions": [{"type": "DRUG", "name": "Docetaxel"}]},
        "outcomesModule": {
            "primaryOutcomes": [
                {
                    "measure": "To estimate the objective response rate (ORR)",
                    "timeFrame": "Every 6-8 weeks through study completion, an average of 2 years",
                }
            ]
        },
        "eligibilityModule": {
            "eligibilityCriteria": "Inclusion Criteria:\n\n* Age ≥ 18 years\n\nExclusion Criteria:\n\n* Life expectancy \\<12 weeks"
        },
    }
}


def records_and_errors(items) -> tuple:
    items = list(items)
    return [i for i in items if isinstance(i, Record)], [i for i in items if isinstance(i, RecordError)]


def only_error(items) -> RecordError:
    items = list(items)
    assert len(items) == 1 and isinstance(items[0], RecordError), items
    return items[0]


def read_studies() -> list[dict]:
    with gzip.open(corpus_path(*NSCLC), "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def section(record: Record, name: str) -> str:
    found = [s for s in record.sections if s["name"] == name]
    assert len(found) == 1, (record.id, name, found)
    return record.text[found[0]["start"] : found[0]["end"]]


# --- Plain text --------------------------------------------------------------------------------


def test_records_seeds_are_read_byte_for_byte_with_their_stems_as_ids():
    paths = sorted(SEEDS.glob("*.txt"))
    assert len(paths) == 5
    records = list(iter_records([SEEDS]))
    assert [r.id for r in records] == [p.stem for p in paths]
    for record, path in zip(records, paths):
        with open(path, encoding="utf-8", newline="") as handle:
            assert record.text == handle.read()
        assert record.source == str(path)
        assert record.sections is None and record.outcome_items is None
        assert record.meta == {"format": "text"}


def test_records_text_file_may_be_gzipped(tmp_path):
    path = sorted(SEEDS.glob("*.txt"))[2]
    packed = tmp_path / f"{path.stem}.txt.gz"
    packed.write_bytes(gzip.compress(path.read_bytes()))
    (record,) = iter_records([packed])
    assert record.id == path.stem and record.text == path.read_text(encoding="utf-8")


def test_records_stdin_text_is_one_document_named_stdin():
    text = sorted(SEEDS.glob("*.txt"))[2].read_text(encoding="utf-8")
    (record,) = iter_records(["-"], stdin=io.StringIO(text))
    assert record.id == "stdin" and record.source == "-" and record.text == text


def test_records_stdin_json_lines_and_pretty_json():
    lines = json.dumps(STUDY) + "\n" + json.dumps({"text": "Exclusion Criteria:\n- Substance/alcohol abuse."}) + "\n"
    first, second = iter_records(["-"], stdin=io.StringIO(lines))
    assert first.id == "NCT06576635" and second.id == "stdin#2"
    (pretty,) = iter_records(["-"], stdin=io.StringIO(json.dumps(STUDY, indent=2)))
    assert dataclasses.replace(pretty, source="x") == dataclasses.replace(first, source="x")


# --- ClinicalTrials.gov API v2 -----------------------------------------------------------------


def test_records_api_v2_study_is_rendered_in_the_seed_layout():
    (record,) = iter_records([STUDY])
    assert record.id == "NCT06576635" and record.meta == {"format": "ctgov_v2"}
    assert record.text.split("\n")[:7] == [
        "LUNG-05: Investigating Chemotherapy Effectiveness for Non-Small Cell Lung Cancer (NSCLC) Metastatic Patients",
        "This is a Single arm, Simon's two stage pilot study.",
        "NSCLC",
        "DRUG: Docetaxel",
        "To estimate the objective response rate (ORR), Every 6-8 weeks through study completion, an average of 2 years",
        "",
        "",
    ]
    assert section(record, "exclusion") == "Exclusion Criteria:\n\n* Life expectancy <12 weeks"
    assert section(record, "eligibility").startswith("Eligibility\nInclusion Criteria:")
    assert [s["name"] for s in record.sections] == [
        "title",
        "summary",
        "conditions",
        "interventions",
        "primary_outcomes",
        "eligibility",
        "inclusion",
        "exclusion",
    ]
    assert parse_layout(record.text).sections == record.sections


@pytest.mark.parametrize(
    "raw,clean",
    [
        ("Life expectancy \\<12 weeks", "Life expectancy <12 weeks"),
        ("ANC ≥1.5 x 10\\^9/L", "ANC ≥1.5 x 10^9/L"),
        ("ECOG performance status score \\>2", "ECOG performance status score >2"),
        ("\\[18F\\]FDG", "[18F]FDG"),
        ("C:\\Users", "C:\\Users"),
    ],
)
def test_records_unescape_markdown_removes_registry_escapes(raw, clean):
    assert unescape_markdown(raw) == clean


def test_records_single_line_fields_collapse_space_and_replace_the_item_separator():
    assert single_line("Overall survival\n  (OS) | PFS") == "Overall survival (OS) / PFS"


@pytest.mark.corpora
def test_records_api_v2_studies_match_their_structure():
    studies = read_studies()
    records = list(iter_records([corpus_path(*NSCLC)]))
    assert len(records) == len(studies) == 100
    for record, study in zip(records, studies):
        protocol = study["protocolSection"]
        assert isinstance(record, Record), record
        assert re.fullmatch(r"NCT\d{8}", record.id)
        assert record.id == protocol["identificationModule"]["nctId"]
        assert "\\<" not in record.text and "\\>" not in record.text
        assert section(record, "title") == single_line(protocol["identificationModule"]["briefTitle"])
        assert section(record, "conditions") == "|".join(
            single_line(c) for c in protocol["conditionsModule"]["conditions"]
        )
        for intervention in protocol.get("armsInterventionsModule", {}).get("interventions", []):
            assert single_line(intervention["name"]) in section(record, "interventions")
        outcomes = protocol.get("outcomesModule", {})
        for role, key in (
            ("primary", "primaryOutcomes"),
            ("secondary", "secondaryOutcomes"),
            ("other", "otherOutcomes"),
        ):
            items = [i for i in record.outcome_items if i["role"] == role]
            assert len(items) == len(outcomes.get(key, [])), (record.id, role)
            for item, outcome in zip(items, outcomes.get(key, [])):
                assert record.text[item["start"] : item["end"]].startswith(single_line(outcome["measure"]))
        eligibility = next(s for s in record.sections if s["name"] == "eligibility")
        assert record.text[eligibility["start"] :].startswith("Eligibility\n")
        names = [s["name"] for s in record.sections]
        if "exclusion" in names:
            assert names.index("inclusion") < names.index("exclusion")
        for s in record.sections:
            assert record.text[s["start"] : s["end"]] == record.text[s["start"] : s["end"]].strip()
        # What the layout component would find in the text agrees with the structure.
        assert parse_layout(record.text).sections == record.sections
        assert parse_layout(record.text).outcome_items == record.outcome_items


@pytest.mark.corpora
def test_records_json_array_page_and_single_object_give_identical_records(tmp_path):
    studies = read_studies()
    expected = [dataclasses.replace(r, source="") for r in iter_records([corpus_path(*NSCLC)])]
    (tmp_path / "array.json").write_text(json.dumps(studies), encoding="utf-8")
    (tmp_path / "page.json").write_text(json.dumps({"studies": studies, "nextPageToken": "x"}), encoding="utf-8")
    singles = tmp_path / "single"
    singles.mkdir()
    for study in studies:
        nct_id = study["protocolSection"]["identificationModule"]["nctId"]
        (singles / f"{nct_id}.json").write_text(json.dumps(study, indent=2), encoding="utf-8")
    for source in (tmp_path / "array.json", tmp_path / "page.json"):
        assert [dataclasses.replace(r, source="") for r in iter_records([source])] == expected
    by_id = {r.id: dataclasses.replace(r, source="") for r in iter_records([singles])}
    assert by_id == {r.id: r for r in expected}


@pytest.mark.corpora
def test_records_read_100_studies_in_well_under_a_second():
    import time

    started = time.perf_counter()
    assert len(list(iter_records([corpus_path(*NSCLC)]))) == 100
    assert time.perf_counter() - started < 0.5


# --- AACT, NLI4CT, HINT ------------------------------------------------------------------------


@pytest.mark.corpora
def test_records_aact_cancer_studies_have_nct_ids_and_tilde_criteria():
    records, errors = records_and_errors(
        iter_records([corpus_path("ctgov_samples", "ctrialsgov_cancer_studies.jsonl.gz")])
    )
    assert errors == [] and len(records) == 401
    for record in records:
        assert re.fullmatch(r"NCT\d{8}", record.id) and record.meta == {"format": "aact"}
        assert section(record, "eligibility").startswith("Eligibility\n")
        assert "~" in section(record, "eligibility")
        assert "inclusion" in [s["name"] for s in record.sections]
        assert parse_layout(record.text).sections == record.sections


def test_records_aact_row_renders_title_summary_conditions_and_criteria():
    row = {
        "nct_id": "NCT04910386",
        "brief_title": "Envafolimab With Gemcitabine and Cisplatin in Biliary Tract Cancer",
        "description": "This is a Randomized, Open-Label, Multicenter Phase 2 Study.",
        "conditions": "Biliary Tract Neoplasms|Cholangiocarcinoma",
        "criteria": "Inclusion Criteria:~Be  18 years of age;~Exclusion Criteria:~Has prior liver transplantation;",
        "phase": "Phase 2",
    }
    (record,) = iter_records([row])
    assert record.id == "NCT04910386"
    assert section(record, "conditions") == "Biliary Tract Neoplasms|Cholangiocarcinoma"
    assert section(record, "summary") == row["description"]
    assert section(record, "inclusion") == "Inclusion Criteria:~Be  18 years of age;"
    assert section(record, "exclusion") == "Exclusion Criteria:~Has prior liver transplantation;"


@pytest.mark.corpora
def test_records_nli4ct_reports_have_interventions_eligibility_and_one_primary_outcome():
    records, errors = records_and_errors(iter_records([corpus_path("nli4ct_breast_ctr", "ctr_sections.jsonl.gz")]))
    assert errors == [] and len(records) == 999
    for record in records:
        assert record.meta == {"format": "nli4ct"}
        assert not any(line.startswith(" ") for line in record.text.split("\n"))
        (item,) = record.outcome_items
        outcome = record.text[item["start"] : item["end"]]
        assert item["role"] == "primary" and outcome.split("\n")[-1].startswith("Time frame:")
        assert section(record, "primary_outcomes").startswith("Outcome Measurement:\n")
        assert section(record, "interventions").startswith("INTERVENTION 1:")
        assert section(record, "eligibility").startswith("Eligibility\n")
    assert sum("inclusion" in [s["name"] for s in r.sections] for r in records) == 999


@pytest.mark.corpora
def test_layout_of_nli4ct_text_ends_eligibility_at_the_results_and_finds_the_outcome():
    """Read as plain text, a report gets the same eligibility parts and outcome item as from its
    structure: the results after the criteria are not criteria."""
    names = ("eligibility", "inclusion", "exclusion", "primary_outcomes")
    for record in iter_records([corpus_path("nli4ct_breast_ctr", "ctr_sections.jsonl.gz")]):
        layout = parse_layout(record.text)
        assert [s for s in layout.sections if s["name"] in names] == [s for s in record.sections if s["name"] in names]
        assert layout.outcome_items == record.outcome_items


@pytest.mark.corpora
def test_records_hint_criteria_with_text_key_and_nctid_ids():
    path = corpus_path("hint_criteria", "hint_trials_criteria.jsonl.gz")
    records, errors = records_and_errors(iter_records([path], text_key="criteria"))
    assert errors == [] and len(records) == 4868
    assert all(re.fullmatch(r"NCT\d{8}", r.id) for r in records)
    assert all(r.sections is None and r.meta["text_key"] == "criteria" for r in records)


# --- JSONL, CSV and their keys -----------------------------------------------------------------


def test_records_jsonl_text_key_id_key_and_numbered_fallback_ids(tmp_path):
    path = tmp_path / "criteria.jsonl"
    path.write_text(
        json.dumps({"trial": "T-1", "criteria": "Inclusion Criteria:\n- ECOG level 0-2."})
        + "\n\n"
        + json.dumps({"criteria": "Exclusion Criteria:\n- Accompanied by severe infections."})
        + "\n",
        encoding="utf-8",
    )
    first, second = iter_records([path], text_key="criteria", id_key="trial")
    assert (first.id, second.id) == ("T-1", "criteria#2")
    assert second.text == "Exclusion Criteria:\n- Accompanied by severe infections."


def test_records_csv_and_tsv_rows_with_a_text_column(tmp_path):
    rows = [
        {
            "nctid": "NCT00000378",
            "text": "Exclusion Criteria:\n- Psychotic or atypical subtype of unipolar major depression.",
        },
        {
            "nctid": "NCT00000614",
            "text": "Patients with venous thromboembolism, including patients with factor V Leiden.",
        },
    ]
    for name, delimiter in (("rows.csv", ","), ("rows.tsv", "\t")):
        with open(tmp_path / name, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, ["nctid", "text"], delimiter=delimiter)
            writer.writeheader()
            writer.writerows(rows)
        records = list(iter_records([tmp_path / name]))
        assert [(r.id, r.text) for r in records] == [(r["nctid"], r["text"]) for r in rows]


def test_records_gzipped_csv_with_an_aact_header_gives_aact_records(tmp_path):
    data = io.StringIO()
    writer = csv.writer(data)
    writer.writerow(["nct_id", "brief_title", "description", "criteria"])
    writer.writerow(
        ["NCT04910386", "Envafolimab in Biliary Tract Cancer", "", "Inclusion Criteria:~Be  18 years of age;"]
    )
    (tmp_path / "aact.csv.gz").write_bytes(gzip.compress(data.getvalue().encode("utf-8")))
    (record,) = iter_records([tmp_path / "aact.csv.gz"])
    assert record.id == "NCT04910386" and record.meta == {"format": "aact"}
    assert section(record, "inclusion") == "Inclusion Criteria:~Be  18 years of age;"


def test_records_jsonl_is_streamed_not_materialised(tmp_path):
    path = tmp_path / "big.jsonl"
    line = json.dumps({"text": "Patients who have received antibiotics within 4 weeks. " * 3}) + "\n"
    path.write_text(line * 100_000, encoding="utf-8")
    tracemalloc.start()
    count = sum(1 for _ in iter_records([path]))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 100_000
    assert path.stat().st_size > 15_000_000 and peak < 2_000_000


# --- Bad input: one error in place, with where and what ----------------------------------------


def test_records_missing_file_is_e001(tmp_path):
    err = only_error(iter_records([tmp_path / "nope.txt"]))
    assert err.source == str(tmp_path / "nope.txt") and err.problem == Errors.E001
    assert "nope.txt" in err.message and "not found" in err.message


def test_records_directory_without_inputs_warns_and_gives_nothing(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text("Inclusion Criteria:", encoding="utf-8")
    files, warnings = expand_inputs([tmp_path])
    assert files == [] and warnings == [
        f"{tmp_path}: no readable input files in this directory",
        f"{tmp_path}: skipped 1 file it cannot read (.pdf 1)",
    ]
    assert list(iter_records([tmp_path])) == []


def test_records_non_utf8_file_is_e003_with_the_byte_offset(tmp_path):
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 cr\xe8me".encode("latin-1"))
    err = only_error(iter_records([tmp_path / "latin1.txt"]))
    assert err.problem == Errors.E003.format(offset=3) and "UTF-8" in err.message


def test_records_binary_file_is_e004(tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert only_error(iter_records([tmp_path / "image.txt"])).problem == Errors.E004


@pytest.mark.parametrize(
    "name,content", [("empty.txt", ""), ("blank.txt", " \n\t\n"), ("empty.jsonl", "\n\n"), ("empty.json", "[]")]
)
def test_records_empty_input_is_e005(tmp_path, name, content):
    (tmp_path / name).write_text(content, encoding="utf-8")
    assert only_error(iter_records([tmp_path / name])).problem == Errors.E005


def test_records_malformed_jsonl_line_is_e006_and_the_next_lines_are_read(tmp_path):
    path = tmp_path / "studies.jsonl"
    texts = ["- Age ≥18 years, ≤70 years, regardless of gender.", "- ECOG level 0-2.", "- Expected life>3 months."]
    lines = [
        json.dumps({"text": texts[0]}),
        json.dumps({"text": texts[1]}),
        '{"text": "- Substance/alcohol',
        json.dumps({"text": texts[2]}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records, errors = records_and_errors(iter_records([path]))
    assert [r.text for r in records] == texts
    assert [r.id for r in records] == ["studies#1", "studies#2", "studies#4"]
    (err,) = errors
    assert err.line == 3 and "line 3" in err.message and err.problem.startswith("malformed JSON at line 3")


def test_records_json_that_is_not_a_study_is_e007(tmp_path):
    (tmp_path / "foo.json").write_text('{"foo": 1}', encoding="utf-8")
    assert only_error(iter_records([tmp_path / "foo.json"])).problem == Errors.E007


def test_records_study_without_nct_id_is_e008():
    study = json.loads(json.dumps(STUDY))
    del study["protocolSection"]["identificationModule"]["nctId"]
    err = only_error(iter_records([study]))
    assert err.problem == Errors.E008.format(field="identificationModule.nctId")


def test_records_study_without_title_summary_or_criteria_is_e008():
    study = {
        "protocolSection": {
            "identificationModule": {"nctId": "NCT06576635"},
            "conditionsModule": {"conditions": ["NSCLC"]},
        }
    }
    err = only_error(iter_records([study]))
    assert err.record == "NCT06576635" and "no title, brief summary or eligibility criteria" in err.problem


def test_records_text_over_the_limit_is_e009_for_that_record():
    err = only_error(iter_records([STUDY], max_chars=100))
    assert err.record == "NCT06576635" and err.problem.startswith("text is ") and "over the limit of 100" in err.problem


def test_records_missing_or_non_text_field_is_e010_or_e012():
    missing = only_error(iter_records([{"nct_id": "NCT00000378", "phase": "phase 4"}], text_key="criteria"))
    assert missing.problem.startswith("no text field 'criteria'") and missing.record == "NCT00000378"
    wrong = only_error(iter_records([{"criteria": ["Inclusion Criteria:"]}], text_key="criteria"))
    assert wrong.problem == Errors.E012.format(key="criteria", kind="list")


def test_records_csv_without_the_text_column_is_one_e011(tmp_path):
    (tmp_path / "rows.csv").write_text(
        "nctid,criteria\nNCT00000378,Inclusion Criteria:\nNCT00000614,Exclusion\n", encoding="utf-8"
    )
    err = only_error(iter_records([tmp_path / "rows.csv"]))
    assert err.problem == Errors.E011.format(key="text", fields="nctid, criteria")


def test_records_damaged_gzip_is_e002(tmp_path):
    (tmp_path / "studies.jsonl.gz").write_bytes(b"this is not gzip data")
    err = only_error(iter_records([tmp_path / "studies.jsonl.gz"]))
    assert err.problem.startswith("cannot read the file")


def test_records_mixed_batch_loses_nothing(tmp_path):
    good = sorted(SEEDS.glob("*.txt"))
    folder = tmp_path / "in"
    folder.mkdir()
    for path in good:
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Caf\xe9".encode("latin-1"))
    (folder / "studies.jsonl").write_text(
        "\n".join([json.dumps(STUDY), "{not json", '{"foo": 1}']) + "\n", encoding="utf-8"
    )
    inputs = [folder, tmp_path / "missing.json", STUDY]
    records, errors = records_and_errors(iter_records(inputs))
    assert len(records) + len(errors) == 5 + 3 + 3 + 1 + 1
    assert [r.id for r in records] == [p.stem for p in good] + ["NCT06576635", "NCT06576635"]
    assert sorted(e.problem.split(" ")[0] for e in errors) == sorted(
        ["binary", "empty", "not", "malformed", "JSON", "file"]
    )
    assert {(Path(e.source).name, e.line) for e in errors} >= {
        ("studies.jsonl", 2),
        ("studies.jsonl", 3),
        ("missing.json", None),
    }
