"""ClinicalTrials.gov's site CSV export (the search results' "Download"), current and former columns:
recognised by the header, rendered to the seed layout of an API v2 study."""

import copy
import csv
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import API_V2_SAMPLE, corpus_path, extract_bytes

from trialspacy.errors import RecordError
from trialspacy.records import Record, iter_records

STUDIES = [json.loads(line) for line in API_V2_SAMPLE.read_text(encoding="utf-8").splitlines()]
SITE_EXPORT = ("ctgov_legacy_xml", "ctgov_site_export_SearchResults.csv")
# The current site's columns, in its order (a download of ClinicalTrials.gov search results).
CURRENT_COLUMNS = [
    "NCT Number", "Study Title", "Study URL", "Acronym", "Study Status", "Brief Summary", "Study Results",
    "Conditions", "Interventions", "Primary Outcome Measures", "Secondary Outcome Measures",
    "Other Outcome Measures", "Sponsor", "Collaborators", "Sex", "Age", "Phases", "Enrollment", "Funder Type",
    "Study Type", "Study Design", "Other IDs", "Start Date", "Primary Completion Date", "Completion Date",
    "First Posted", "Results First Posted", "Last Update Posted", "Locations", "Study Documents",
]  # fmt: skip


def _get(obj: Any, *path: str) -> Any:
    for key in path:
        obj = obj.get(key, {}) if isinstance(obj, dict) else {}
    return obj


def _joined(values: list[str]) -> str:
    assert not any("|" in value for value in values), "a | in a field would split it"
    return "|".join(values)


def current_export_row(study: dict[str, Any]) -> dict[str, str]:
    """A study as the current site writes it in its CSV: lists ``|``-separated, interventions
    ``TYPE: name``, each outcome ``measure, description, time frame`` (empty parts left out), the
    text as the registry holds it (markdown)."""
    protocol = study["protocolSection"]
    nct_id = protocol["identificationModule"]["nctId"]

    def outcomes(key: str) -> str:
        items = []
        for outcome in _get(protocol, "outcomesModule", key) or []:
            parts = [(outcome.get(part) or "").strip() for part in ("measure", "description", "timeFrame")]
            items.append(", ".join(p for p in parts if p))
        return _joined(items)

    interventions = _get(protocol, "armsInterventionsModule", "interventions") or []
    return {
        "NCT Number": nct_id,
        "Study Title": protocol["identificationModule"].get("briefTitle", ""),
        "Study URL": f"https://clinicaltrials.gov/study/{nct_id}",
        "Study Status": _get(protocol, "statusModule", "overallStatus") or "",
        "Brief Summary": _get(protocol, "descriptionModule", "briefSummary") or "",
        "Study Results": "YES" if study.get("hasResults") else "NO",
        "Conditions": _joined(_get(protocol, "conditionsModule", "conditions") or []),
        "Interventions": _joined([f"{i['type']}: {i['name']}" for i in interventions]),
        "Primary Outcome Measures": outcomes("primaryOutcomes"),
        "Secondary Outcome Measures": outcomes("secondaryOutcomes"),
        "Other Outcome Measures": outcomes("otherOutcomes"),
        "Sponsor": _get(protocol, "sponsorCollaboratorsModule", "leadSponsor", "name") or "",
    }


def write_current_export(path: Path, studies: list[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, CURRENT_COLUMNS, restval="")
        writer.writeheader()
        writer.writerows(current_export_row(study) for study in studies)


def without_description_and_criteria(study: dict[str, Any]) -> dict[str, Any]:
    """The study as far as the CSV export carries it: no detailed description, no criteria."""
    study = copy.deepcopy(study)
    _get(study, "protocolSection", "descriptionModule").pop("detailedDescription", None)
    _get(study, "protocolSection", "eligibilityModule").pop("eligibilityCriteria", None)
    return study


def test_current_site_export_gives_the_api_v2_rendering_of_what_it_carries(tmp_path):
    studies = STUDIES[:5]
    path = tmp_path / "ctg-studies.csv"
    write_current_export(path, studies)
    records = list(iter_records(path))
    expected = list(iter_records([without_description_and_criteria(s) for s in studies]))
    assert all(isinstance(r, Record) for r in records + expected)
    assert [r.id for r in records] == [s["protocolSection"]["identificationModule"]["nctId"] for s in studies]
    for record, wanted in zip(records, expected):
        assert (record.text, record.sections, record.outcome_items) == (
            wanted.text,
            wanted.sections,
            wanted.outcome_items,
        )
        assert record.meta == {"format": "ctgov_site_csv"} and record.source == str(path)
    # Outcome items are each measure with its description and time frame, by role.
    first = STUDIES[0]["protocolSection"]["outcomesModule"]
    roles = [item["role"] for item in records[0].outcome_items]
    assert roles.count("primary") == len(first["primaryOutcomes"])
    assert roles.count("secondary") == len(first.get("secondaryOutcomes", []))
    item = records[0].outcome_items[0]
    assert records[0].text[item["start"] : item["end"]].endswith(first["primaryOutcomes"][0]["timeFrame"].strip())


def test_current_site_export_through_the_cli_gives_the_documents_of_the_same_studies(tmp_path):
    path = tmp_path / "ctg-studies.csv"
    write_current_export(path, STUDIES[:5])
    jsonl = tmp_path / "studies.jsonl"
    jsonl.write_text("".join(json.dumps(without_description_and_criteria(s)) + "\n" for s in STUDIES[:5]))
    status, out, errors, _ = extract_bytes([path], tmp_path / "out.jsonl")
    assert (status, errors) == (0, b"")
    documents = [json.loads(line) for line in out.decode("utf-8").splitlines()]
    same = [json.loads(line) for line in extract_bytes([jsonl], tmp_path / "same.jsonl")[1].decode().splitlines()]
    for document in documents + same:
        del document["meta"]["source"]
    assert documents == same and len(documents) == 5
    drug_documents = 0
    for document, study in zip(documents, STUDIES):
        types = {i["type"] for i in _get(study, "protocolSection", "armsInterventionsModule").get("interventions", [])}
        drug_documents += "DRUG" in types
        assert "DRUG" not in types or _drug_in_interventions(document), document["id"]
        # Every outcome item ends with its time frame, found and paired with the item.
        assert document["outcomes"] and all(o["timeframes"] for o in document["outcomes"]), document["id"]
    assert drug_documents >= 3


def _drug_in_interventions(document: dict[str, Any]) -> bool:
    """Whether a DRUG span is found in the document's interventions line."""
    section = next(s for s in document["sections"] if s["name"] == "interventions")
    return any(s["label"] == "DRUG" and section["start"] <= s["start"] < section["end"] for s in document["spans"])


@pytest.mark.corpora
def test_former_site_export_gives_100_documents_with_drugs_and_outcomes(tmp_path):
    path = corpus_path(*SITE_EXPORT)
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    status, out, errors, stderr = extract_bytes([path], tmp_path / "site.jsonl")
    documents = [json.loads(line) for line in out.decode("utf-8").splitlines()]
    assert status == 0 and errors == b"", stderr
    assert len(documents) == len(rows) == 100 and "100 documents: 100 written, 0 errors" in stderr
    assert [d["id"] for d in documents] == [row["NCT Number"] for row in rows]
    drug_rows = 0
    for document, row in zip(documents, rows):
        text = document["text"]
        assert text.split("\n")[0] == row["Title"]
        measures = row["Outcome Measures"].split("|") if row["Outcome Measures"] else []
        # The former export has one outcome column: its measures are the first outcome line.
        assert [text[o["start"] : o["end"]] for o in document["outcomes"]] == [m.strip() for m in measures]
        assert {o["role"] for o in document["outcomes"]} <= {"primary"}
        if "Drug: " in row["Interventions"]:
            drug_rows += 1
            assert _drug_in_interventions(document), row["NCT Number"]
            assert "DRUG: " in text
    assert drug_rows == 19  # the rows with a Drug intervention, each with a DRUG span in that line
    # The former export has no time frame column; one written in a measure ("after 10 weeks") is
    # paired with its outcome item.
    for document in documents:
        for index, span in enumerate(document["spans"]):
            inside = [o for o in document["outcomes"] if o["start"] <= span["start"] < o["end"]]
            if span["label"] == "TIMEFRAME" and inside:
                assert index in inside[0]["timeframes"]
    timed = [o for d in documents for o in d["outcomes"] if o["timeframes"]]
    assert len(timed) >= 15
    mindful = next(d for d in documents if d["id"] == "NCT05712499")
    assert len(mindful["outcomes"]) == 2 and all(o["timeframes"] for o in mindful["outcomes"])


def test_former_site_export_row_is_plain_text_and_interventions_take_api_v2_types(tmp_path):
    path = tmp_path / "SearchResults.csv"
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["Rank", "NCT Number", "Title", "Conditions", "Interventions", "Outcome Measures", "URL"])
        writer.writerow(
            [
                "1",
                "NCT00000001",
                r"Vitamin D in HIV\AIDS",
                "HIV|AIDS",
                "Dietary Supplement: Vitamin D3|Drug: Placebo|Cisplatin 75 mg",
                "CD4 count|Bone density: lumbar spine",
                "https://ClinicalTrials.gov/show/NCT00000001",
            ]
        )
    (record,) = iter_records(path)
    assert isinstance(record, Record)
    assert record.text == (
        "Vitamin D in HIV\\AIDS\n\nHIV|AIDS\nDIETARY_SUPPLEMENT: Vitamin D3|DRUG: Placebo|OTHER: Cisplatin 75 mg\n"
        "CD4 count|Bone density: lumbar spine"
    )
    assert [s["name"] for s in record.sections] == ["title", "conditions", "interventions", "primary_outcomes"]


def test_site_export_rows_without_an_id_or_any_text_are_located_errors(tmp_path):
    path = tmp_path / "ctg-studies.csv"
    path.write_text(
        "NCT Number,Study Title,Conditions\n,A title,Asthma\nNCT00000002,,Asthma\nNCT00000003,Title,\n",
        encoding="utf-8",
    )
    missing, untitled, good = iter_records(path)
    assert isinstance(missing, RecordError) and missing.line == 2 and "'NCT Number' is empty text" in missing.problem
    assert isinstance(untitled, RecordError) and untitled.line == 3 and untitled.record == "NCT00000002"
    assert "no title, brief summary or eligibility criteria" in untitled.problem
    assert isinstance(good, Record) and good.text == "Title"


def test_csv_with_an_nct_number_but_no_site_title_column_is_read_by_its_text_column(tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text("NCT Number,text\nNCT00000004,Prior cisplatin is not allowed.\n", encoding="utf-8")
    (record,) = iter_records(path)
    assert isinstance(record, Record) and record.meta["format"] == "text_field"
    assert record.text == "Prior cisplatin is not allowed."
