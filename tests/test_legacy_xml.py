"""ClinicalTrials.gov legacy XML: text block unwrapping, rendering to the seed layout, hardened
parsing, and zip archives read member by member."""

import json
import time
import zipfile
from pathlib import Path

import pytest
from conftest import API_V2_SAMPLE, corpus_path

from trialspacy.errors import RecordError
from trialspacy.layout import parse_layout
from trialspacy.legacy_xml import (
    legacy_study,
    parse_legacy_xml,
    render_legacy_xml,
    unwrap_textblock,
)
from trialspacy.records import Record, iter_records, render_ctgov_v2

DATA = Path(__file__).parent / "data" / "legacy_xml"
LEGACY_ZIP = ("ctgov_legacy_xml", "AllPublicXML_6786.zip")
CORPUS_MEMBERS = 6786


def _record(name: str) -> Record:
    path = DATA / f"{name}.xml"
    return render_legacy_xml(path.read_bytes(), str(path))


def _section(record: Record, name: str) -> str:
    found = next(s for s in record.sections if s["name"] == name)
    return record.text[found["start"] : found["end"]]


# --- unwrap_textblock, on excerpts of the corpus (AllPublicXML_6786.zip) ----------------------

UNWRAP_CASES = {
    # NCT00000102: headings and "-" bullets, blank lines between, "\r\n" line ends (&#xD;).
    "headings_and_bullets": (
        "\r\n        Inclusion Criteria:\r\n\r\n          -  diagnosed with Congenital Adrenal Hyperplasia (CAH)\r\n"
        "\r\n          -  normal ECG during baseline evaluation\r\n\r\n        Exclusion Criteria:\r\n\r\n"
        "          -  history of liver disease, or elevated liver function tests\r\n      ",
        "Inclusion Criteria:\n\n  -  diagnosed with Congenital Adrenal Hyperplasia (CAH)\n\n"
        "  -  normal ECG during baseline evaluation\n\nExclusion Criteria:\n\n"
        "  -  history of liver disease, or elevated liver function tests",
    ),
    # NCT00002540: a sub-bullet under a bullet, then wrapped bullets.
    "nested_bullets": (
        """
          -  Individuals with known prior cancer of the colon, rectum, lung, prostate

               -  This includes primary or metastatic PLCO cancers

          -  Individuals with previous surgical removal of the entire colon, one lung, or the
             entire prostate

          -  Individuals who are participating in another cancer screening or cancer primary
             prevention trial
""",
        "-  Individuals with known prior cancer of the colon, rectum, lung, prostate\n\n"
        "     -  This includes primary or metastatic PLCO cancers\n\n"
        "-  Individuals with previous surgical removal of the entire colon, one lung, or the entire prostate\n\n"
        "-  Individuals who are participating in another cancer screening or cancer primary prevention trial",
    ),
    # NCT00003200: a PDQ heading, a wrapped bullet, its indented paragraph and sub-bullets.
    "pdq_heading_with_bullets": (
        """
        DISEASE CHARACTERISTICS:

          -  Pathology: Histologic documentation of squamous cell carcinoma of the head and neck or
             its variants (lymphoepithelioma, undifferentiated epidermoid carcinoma, etc)

             --Required Prior therapy: Patients entered on this protocol must have received therapy
             with one of the following induction regimens, except as modified for toxicity:

               -  PF: Cisplatin ≥ 80 mg/M2?course and FUra ≥ 1000 mg/M2/day for ≥ 4 days every ≤ 4
                  week
""",
        "DISEASE CHARACTERISTICS:\n\n"
        "  -  Pathology: Histologic documentation of squamous cell carcinoma of the head and neck or its "
        "variants (lymphoepithelioma, undifferentiated epidermoid carcinoma, etc)\n\n"
        "     --Required Prior therapy: Patients entered on this protocol must have received therapy with one "
        "of the following induction regimens, except as modified for toxicity:\n\n"
        "       -  PF: Cisplatin ≥ 80 mg/M2?course and FUra ≥ 1000 mg/M2/day for ≥ 4 days every ≤ 4 week",
    ),
    # NCT00004881: the registry's export ran PDQ headings into their paragraphs.
    "pdq_heading_run_in": (
        """
        DISEASE CHARACTERISTICS: Histologically confirmed cancer not amenable to cure by any
        standard modality and not suitable for accepted palliative care with chemotherapy,
        immunotherapy, or hormonal therapy Histologically confirmed MUC1 antigen expression No
        uncontrolled or symptomatic CNS metastases

        PATIENT CHARACTERISTICS: Age: 18 and over Performance status: ECOG 0-2 Life expectancy: At
        least 3 months
""",
        "DISEASE CHARACTERISTICS:\nHistologically confirmed cancer not amenable to cure by any standard "
        "modality and not suitable for accepted palliative care with chemotherapy, immunotherapy, or hormonal "
        "therapy Histologically confirmed MUC1 antigen expression No uncontrolled or symptomatic CNS metastases"
        "\n\nPATIENT CHARACTERISTICS:\nAge: 18 and over Performance status: ECOG 0-2 Life expectancy: At least "
        "3 months",
    ),
    # NCT00497172: numbers right-aligned ("9." one column right of "10.").
    "numbered_list": (
        """
        Inclusion Criteria:

          8. Target lesion stenosis is >50% and <100% (visual estimate);

          9. At least TIMI II coronary flow;

         10. Acceptable candidate for coronary artery bypass surgery (CABG);
""",
        "Inclusion Criteria:\n\n  8. Target lesion stenosis is >50% and <100% (visual estimate);\n\n"
        "  9. At least TIMI II coronary flow;\n\n 10. Acceptable candidate for coronary artery bypass surgery (CABG);",
    ),
    # NCT00003566: numbered items with hanging continuation lines.
    "numbered_hanging_indent": (
        """
        1. Histologic Documentation: All patients must have histologic documentation of Stage
             IIIA non-small cell lung cancer on the basis of involved N2 nodes from a documented
             mediastinoscopy performed prior to induction therapy. Previously treated relapsed
             patients are not eligible.

          2. Prior Treatment: greater than or equal to 2 cycles of chemotherapy with or without
             radiotherapy (greater than or equal to 40 Gy) or radiotherapy alone (greater than or
             equal to 40 Gy) must be completed within 60 days of registration.
""",
        "1. Histologic Documentation: All patients must have histologic documentation of Stage IIIA non-small "
        "cell lung cancer on the basis of involved N2 nodes from a documented mediastinoscopy performed prior to "
        "induction therapy. Previously treated relapsed patients are not eligible.\n\n"
        "  2. Prior Treatment: greater than or equal to 2 cycles of chemotherapy with or without radiotherapy "
        "(greater than or equal to 40 Gy) or radiotherapy alone (greater than or equal to 40 Gy) must be "
        "completed within 60 days of registration.",
    ),
    # NCT00005572: a heading without a colon and a lead-in line ending in ":".
    "lead_in_ending_in_colon": (
        """
        Inclusion Criteria

        Patients may be eligible if they:

          -  Are HIV positive (except Group 3b).
""",
        "Inclusion Criteria\n\nPatients may be eligible if they:\n\n  -  Are HIV positive (except Group 3b).",
    ),
    # NCT00001246: upper-case headings, a bulleted heading and a bullet glued to its word.
    "glued_bullet_and_caps_headings": (
        """
        -  INCLUSION CRITERIA FOR HEALTHY CONTROLS:

        Subjects consenting to participation in the study

        -Over 3 years of age with no upper limit for age at time of enrollment.

        INCLUSION CRITERIA FOR MRI SCANNER CALIBRATION PROJECT:
""",
        "-  INCLUSION CRITERIA FOR HEALTHY CONTROLS:\n\nSubjects consenting to participation in the study\n\n"
        "-Over 3 years of age with no upper limit for age at time of enrollment.\n\n"
        "INCLUSION CRITERIA FOR MRI SCANNER CALIBRATION PROJECT:",
    ),
    # NCT00002540: description paragraphs with roman-numbered objectives.
    "paragraphs_with_roman_numerals": (
        """
      PRIMARY OBJECTIVES:

      I. To determine whether screening with digital rectal examination (DRE) plus serum
      prostate-specific antigen (PSA) can reduce mortality from prostate cancer in men aged 55-74
      at entry.
    """,
        "PRIMARY OBJECTIVES:\n\nI. To determine whether screening with digital rectal examination (DRE) plus "
        "serum prostate-specific antigen (PSA) can reduce mortality from prostate cancer in men aged 55-74 at "
        "entry.",
    ),
    # NCT00002547: a line cut at the wrap width before "0." is continued, not a numbered item.
    "wrapped_line_starting_like_an_item": (
        """
      cyclophosphamide IV over 2 hours on days -3 and -2. Allogeneic bone marrow is infused on day
      0. Graft versus host disease prophylaxis: Patients receive cyclosporine IV continuously on
      days -1 to 28 followed by a taper of oral cyclosporine until day 180. Patients receive
""",
        "cyclophosphamide IV over 2 hours on days -3 and -2. Allogeneic bone marrow is infused on day 0. Graft "
        "versus host disease prophylaxis: Patients receive cyclosporine IV continuously on days -1 to 28 followed "
        "by a taper of oral cyclosporine until day 180. Patients receive",
    ),
    # NCT00000441: a word cut at its hyphen is rejoined without a space.
    "word_cut_at_hyphen": (
        """
      This project will provide relevant clinical information for primary care practitioners
      treating alcohol withdrawal syndrome in outpatient settings. This double-blind, placebo-
      controlled clinical trial will compare the effectiveness of lorazepam (Ativan) and
""",
        "This project will provide relevant clinical information for primary care practitioners treating alcohol "
        "withdrawal syndrome in outpatient settings. This double-blind, placebo-controlled clinical trial will "
        "compare the effectiveness of lorazepam (Ativan) and",
    ),
}


@pytest.mark.parametrize("raw, expected", list(UNWRAP_CASES.values()), ids=list(UNWRAP_CASES))
def test_unwrap_textblock_on_registry_excerpts(raw: str, expected: str) -> None:
    assert unwrap_textblock(raw) == expected


def test_unwrap_keeps_unwrapped_lines_and_breaks_before_items() -> None:
    # Not from the corpus: the older layout, criteria on consecutive lines with no blank line between.
    raw = (
        "     Inclusion Criteria:\n"
        "       - Histologically confirmed adenocarcinoma of the prostate that has spread to the\n"
        "         bones or the lymph nodes\n"
        "       - Age 18 or older\n"
        "       - ECOG performance status 0-1.\n"
        "     No prior chemotherapy."
    )
    assert unwrap_textblock(raw).split("\n") == [
        "Inclusion Criteria:",
        "  - Histologically confirmed adenocarcinoma of the prostate that has spread to the bones or the lymph nodes",
        "  - Age 18 or older",
        "  - ECOG performance status 0-1.",
        "No prior chemotherapy.",
    ]
    assert unwrap_textblock("  Age 18 or older\n  No prior chemotherapy\n") == "Age 18 or older\nNo prior chemotherapy"
    assert unwrap_textblock("\r\n   \r\n") == ""


# --- Records ------------------------------------------------------------------------------------


def test_legacy_record_has_the_sections_of_an_api_v2_record_in_the_same_order() -> None:
    v2 = render_ctgov_v2(json.loads(API_V2_SAMPLE.read_text(encoding="utf-8").splitlines()[0]), "v2")
    legacy = _record("NCT00463138")
    assert [s["name"] for s in legacy.sections] == [s["name"] for s in v2.sections]
    assert len(legacy.sections) == 11
    assert legacy.id == "NCT00463138" and legacy.meta == {"format": "ctgov_legacy_xml"}
    assert [item["role"] for item in legacy.outcome_items] == ["primary", "secondary", "other"]


@pytest.mark.parametrize("path", sorted(DATA.glob("*.xml")), ids=lambda p: p.stem)
def test_legacy_record_layout_is_what_the_layout_parser_reads_from_its_text(path: Path) -> None:
    record = render_legacy_xml(path.read_bytes(), str(path))
    assert record.id == path.stem
    layout = parse_layout(record.text)
    assert (layout.sections, layout.outcome_items) == (record.sections, record.outcome_items)
    assert "\r" not in record.text


def test_legacy_record_renders_interventions_and_outcomes_like_api_v2() -> None:
    record = _record("NCT00003832")
    lines = record.text.split("\n")
    assert lines[3] == "DRUG: bromodeoxyuridine|PROCEDURE: conventional surgery|OTHER: laboratory biomarker analysis"
    # measure, time frame
    assert lines[4] == "Average doubling time between low and high volume tumors, Up to 3 years"
    assert _section(_record("NCT00006344"), "interventions") == "RADIATION: radiation therapy"
    study = legacy_study(parse_legacy_xml((DATA / "NCT00003832.xml").read_bytes(), "x"))
    first = study["protocolSection"]["armsInterventionsModule"]["interventions"][0]
    assert first["otherNames"] == ["5-BrdU", "5-bromodeoxyuridine", "BrdU", "broxuridine"]


def test_legacy_record_criteria_are_one_line_each() -> None:
    inclusion = _section(_record("NCT00497172"), "inclusion").split("\n")
    assert inclusion[0] == "Inclusion Criteria:"
    items = [line for line in inclusion[1:] if line]
    assert len(items) == 13 and items[1].startswith("  2. Female of childbearing potential")
    assert items[1].endswith("utilize reliable birth control for eight months after enrollment;")


def test_legacy_records_give_criterion_and_dose_spans(nlp) -> None:
    pdq = _record("NCT00003200")
    doc = nlp(pdq.text)
    criteria = [s for s in doc.spans["trialspacy"] if s.label_ == "CRITERION"]
    eligibility = _section(pdq, "eligibility")
    bullets = [line for line in eligibility.split("\n") if line.strip().startswith("-  ")]
    assert len(bullets) == 26
    # One span per bullet, each a whole line after its marker; the 3 bullets that lead in to
    # sub-bullets ("Other Malignancies:", "Organ Function: ... as follows:") are headings. ("Stage:
    # ..." is a criterion: the "--Required Prior therapy: ...:" under it is a sub-bullet of its own
    # that leads in to the regimens, not the end of the Stage bullet.)
    assert len(criteria) == 23
    assert any(s.text.startswith("Stage: Patients can be entered") for s in criteria)
    lines = {line.strip().removeprefix("-  ") for line in pdq.text.split("\n")}
    assert all(s.text in lines for s in criteria)
    assert "Neurologic: Peripheral neuropathy of any etiology must not exceed grade 1." in lines
    radiation = _record("NCT00006344")
    doc = nlp(radiation.text)  # kept: a span group needs its Doc alive
    doses = [s.text for s in doc.spans["trialspacy"] if s.label_ == "RADIATION_DOSE"]
    assert "24 Gy" in doses


# --- Hardened parsing ---------------------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE clinical_study [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<clinical_study><id_info><nct_id>NCT09999999</nct_id></id_info><brief_title>&lol4;</brief_title></clinical_study>
"""
XXE = b"""<?xml version="1.0"?>
<!DOCTYPE clinical_study [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<clinical_study><id_info><nct_id>NCT09999998</nct_id></id_info><brief_title>&secret;</brief_title></clinical_study>
"""


@pytest.mark.parametrize(
    "data, nct_id, says",
    [
        (BILLION_LAUGHS, "NCT09999999", "declares entities"),
        (XXE, "NCT09999998", "declares entities"),
        (b"<clinical_study><id_info><nct_id>NCT00000102</nct_id></id_info><brief_title>x", "NCT00000102", "malformed"),
        (b"<study><brief_title>A title</brief_title></study>", None, "root element is <study>"),
        (b"<clinical_study><brief_title>A title</brief_title></clinical_study>", None, "no identificationModule"),
        (b"<clinical_study><id_info><nct_id>NCT00000001</nct_id></id_info></clinical_study>", "NCT00000001", "title"),
    ],
    ids=["billion_laughs", "xxe", "truncated", "other_root", "no_nct_id", "no_text"],
)
def test_bad_xml_is_one_record_error(data: bytes, nct_id: str | None, says: str) -> None:
    with pytest.raises(RecordError) as raised:
        render_legacy_xml(data, "in/study.xml")
    assert raised.value.source == "in/study.xml" and raised.value.record == nct_id
    assert says in raised.value.problem
    assert "lollol" not in raised.value.message and "root:" not in raised.value.message


# --- Zip archives -------------------------------------------------------------------------------


def test_zip_gives_one_item_per_xml_member_and_names_bad_members(tmp_path: Path) -> None:
    archive = tmp_path / "AllPublicXML.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("AllPublicXML/NCT0000xxxx/", b"")
        out.write(DATA / "NCT00000102.xml", "AllPublicXML/NCT0000xxxx/NCT00000102.xml")
        out.writestr("AllPublicXML/NCT0000xxxx/NCT00000103.xml", BILLION_LAUGHS)
        out.write(DATA / "NCT00461812.xml", "AllPublicXML/NCT0046xxxx/NCT00461812.xml")
        out.writestr("AllPublicXML/Contents.txt", b"not a record")
        out.writestr("__MACOSX/AllPublicXML/._NCT00000102.xml", b"\x00\x05")
    items = list(iter_records(archive))
    assert [type(i).__name__ for i in items] == ["Record", "RecordError", "Record"]
    assert [i.id for i in items if isinstance(i, Record)] == ["NCT00000102", "NCT00461812"]
    assert items[0].source == f"{archive}/AllPublicXML/NCT0000xxxx/NCT00000102.xml"
    assert items[1].source == f"{archive}/AllPublicXML/NCT0000xxxx/NCT00000103.xml"


def test_zip_with_a_damaged_member_goes_on_with_the_next(tmp_path: Path) -> None:
    archive = tmp_path / "damaged.zip"
    good = (DATA / "NCT00000102.xml").read_bytes()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as out:
        out.writestr("a/NCT00000102.xml", good)
        out.writestr("b/NCT00000102.xml", good)
    data = archive.read_bytes()
    # Damage the first member's stored bytes: its CRC no longer matches.
    start = data.index(b"<clinical_study>")
    archive.write_bytes(data[:start] + b"<clinical_studx>" + data[start + 16 :])
    items = list(iter_records(archive))
    assert isinstance(items[0], RecordError) and items[0].source == f"{archive}/a/NCT00000102.xml"
    assert "cannot read" in items[0].problem
    assert isinstance(items[1], Record)


def test_unreadable_or_empty_zip_is_one_error(tmp_path: Path) -> None:
    fake = tmp_path / "fake.zip"
    fake.write_bytes(b"not a zip")
    assert [e.message for e in iter_records(fake)] == [f"{fake}: cannot read the file: not a valid zip file"]
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as out:
        out.writestr("readme.txt", b"nothing")
    (error,) = iter_records(empty)
    assert isinstance(error, RecordError) and "no member trialspacy reads (.json, .xml" in error.problem
    (missing,) = iter_records(tmp_path / "missing.zip")
    assert isinstance(missing, RecordError) and missing.source == str(tmp_path / "missing.zip")


@pytest.mark.corpora
def test_whole_legacy_corpus_gives_one_item_per_member(record_property) -> None:
    path = corpus_path(*LEGACY_ZIP)
    with zipfile.ZipFile(path) as archive:
        members = [i.filename for i in archive.infolist() if i.filename.endswith(".xml")]
    assert len(members) == CORPUS_MEMBERS
    started = time.perf_counter()
    items = list(iter_records(path))
    seconds = time.perf_counter() - started
    records = [i for i in items if isinstance(i, Record)]
    errors = [i for i in items if isinstance(i, RecordError)]
    assert len(records) + len(errors) == len(items) == CORPUS_MEMBERS
    assert [i.source for i in items] == [f"{path}/{m}" for m in members]
    assert not errors, errors[:3]
    assert len({r.id for r in records}) == CORPUS_MEMBERS
    # 15 records have no criteria text block (SOURCE.md: 6,771 have one).
    assert sum(any(s["name"] == "eligibility" for s in r.sections) for r in records) == 6771
    record_property("records_per_second", round(len(items) / seconds))
    print(f"\n{len(items)} legacy XML records read and rendered in {seconds:.1f} s ({len(items) / seconds:.0f}/s)")
