"""Sections and outcome items found in the text: seed layout, headed layout, eligibility headings."""

import gzip
import json
import re

import pytest
from conftest import SEEDS_DIR, corpus_path
from hypothesis import given, settings
from hypothesis import strategies as st

from trialspacy.layout import OUTCOME_ROLES, SECTION_NAMES, eligibility_sections, heading_kind, parse_layout

SEEDS = SEEDS_DIR


def seed(name: str) -> str:
    path = next(SEEDS.glob(f"{name}_*.txt"), None)
    if path is None:
        pytest.skip(f"seed {name} not found in {SEEDS}")
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def spans(sections: list[dict]) -> list[tuple]:
    return [(s["name"], s["start"], s["end"]) for s in sections]


def section_text(text: str, sections: list[dict], name: str) -> str:
    found = [s for s in sections if s["name"] == name]
    assert len(found) == 1, (name, found)
    return text[found[0]["start"] : found[0]["end"]]


def test_layout_seed_001_sections_are_its_six_lines_and_description():
    text = seed("001")
    layout = parse_layout(text)
    assert spans(layout.sections) == [
        ("title", 0, 168),
        ("summary", 169, 841),
        ("conditions", 842, 885),
        ("interventions", 886, 1023),
        ("primary_outcomes", 1024, 1100),
        ("secondary_outcomes", 1101, 1390),
        ("description", 1391, 3193),
    ]
    assert section_text(text, layout.sections, "conditions") == "Lung Cancers|Radiation Treatment for Tumors"
    assert section_text(text, layout.sections, "interventions").startswith("RADIATION: Spatially Fractionated")
    assert section_text(text, layout.sections, "description").startswith("The eligible subjects were randomly divided")


def test_layout_seed_001_outcome_items_are_the_bar_separated_items():
    text = seed("001")
    items = parse_layout(text).outcome_items
    assert [(i["role"], text[i["start"] : i["end"]]) for i in items] == [
        ("primary", "Objective response rate, From enrollment to the end of treatment at 6 mouths"),
        ("secondary", "Disease control rate, From enrollment to the end of treatment at 6 mouths"),
        ("secondary", "Progression free survival, From enrollment to the end of treatment at 6 mouths"),
        ("secondary", "Overall survival, From enrollment to the end of treatment at 6 mouths"),
        ("secondary", "Adverse Event, From enrollment to the end of treatment at 6 mouths"),
    ]


def test_layout_seed_003_sections_and_outcome_items():
    text = seed("003")
    layout = parse_layout(text)
    assert spans(layout.sections) == [
        ("title", 0, 87),
        ("summary", 88, 493),
        ("conditions", 494, 520),
        ("interventions", 521, 570),
        ("primary_outcomes", 571, 1046),
        ("secondary_outcomes", 1047, 2843),
        ("description", 2844, 3249),
    ]
    assert section_text(text, layout.sections, "interventions") == "DRUG: Toripalimab injection combine with Axitinib"
    items = layout.outcome_items
    assert [(i["role"], i["start"], i["end"]) for i in items] == [
        ("primary", 571, 1046),
        ("secondary", 1047, 1524),
        ("secondary", 1525, 2116),
        ("secondary", 2117, 2843),
    ]
    assert text[1525:2116].startswith("To evaluate the safety of JS001 combined with Axitinib")


def test_layout_seed_004_headed_layout_with_eligibility():
    text = seed("004")
    layout = parse_layout(text)
    assert spans(layout.sections) == [
        ("description", 0, 2292),
        ("eligibility", 2293, 4588),
        ("inclusion", 2305, 3332),
        ("exclusion", 3333, 4588),
    ]
    assert text[0:2292].startswith("Overview\nPreclinical and clinical studies")
    assert text[2293:4588].startswith("Eligibility\nInclusion Criteria:\n- Age ≥18 years")
    assert text[2305:3332].endswith(
        "- Other indicators accord with the general inclusion criteria for clinical trials."
    )
    assert text[3333:4588].startswith("Exclusion Criteria:\n- Patients with contraindications")
    assert text[3333:4588].endswith("antiparasitic drugs, or probiotics within 4 weeks.")
    assert layout.outcome_items == []


@pytest.mark.parametrize("name", ["000", "002"])
def test_layout_other_seeds_have_six_lines_and_a_description(name):
    text = seed(name)
    layout = parse_layout(text)
    rows = text.split("\n")
    names = [s["name"] for s in layout.sections]
    assert names == [
        "title",
        "summary",
        "conditions",
        "interventions",
        "primary_outcomes",
        "secondary_outcomes",
        "description",
    ]
    for section, row in zip(layout.sections[:6], rows[:6]):
        assert text[section["start"] : section["end"]] == row
    items = layout.outcome_items
    assert items[0]["role"] == "primary"
    assert all(text[i["start"] : i["end"]] in rows[4] + rows[5] for i in items)
    assert sum(i["role"] == "secondary" for i in items) == rows[5].count("|") + 1


def test_layout_sections_are_sorted_and_trimmed_on_every_seed():
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sections = parse_layout(text).sections
        assert sections, path.name
        assert sections == sorted(sections, key=lambda s: (s["start"], -s["end"]))
        for s in sections:
            assert 0 <= s["start"] < s["end"] <= len(text)
            assert text[s["start"] : s["end"]] == text[s["start"] : s["end"]].strip()


@pytest.mark.parametrize(
    "line,kind",
    [
        ("Inclusion Criteria:", "inclusion"),
        ("EXCLUSION CRITERIA", "exclusion"),
        ("Key inclusion criteria:", "inclusion"),
        ("Key Exclusion Criteria", "exclusion"),
        ("Exclusion criteria -", "exclusion"),
        ("Inclusion criteria :", "inclusion"),
        ("        Inclusion Criteria:", "inclusion"),
        ("-  INCLUSION CRITERIA:", "inclusion"),
        ("**Inclusion Criteria:**", "inclusion"),
        ("\\*\\*Exclusion Criteria\\*\\*", "exclusion"),
        ("### Inclusion Criteria", "inclusion"),
        ("4.2 Exclusion Criteria", "exclusion"),
        ("B. EXCLUSION CRITERIA", "exclusion"),
        ("Inclusion:", "inclusion"),
        ("Exclusions", "exclusion"),
        ("Ineligibility Criteria", "exclusion"),
        ("Non-inclusion Criteria:", "exclusion"),
        ("Inclusion criteria specific to Cohort A1:", "inclusion"),
        ("Exclusion Criterion for Treatment with Adjuvant Trastuzumab Emtansine (Arm E):", "exclusion"),
        ("Patients meeting any of the following exclusion criteria are not to be enrolled in the study:", "exclusion"),
        ("Additional Exclusion Criteria: (for Spine DXA)", "exclusion"),
        ("Eligibility", "eligibility"),
        ("Eligibility Criteria:", "eligibility"),
        ("PATIENT ELIGIBILITY", "eligibility"),
        ("Inclusion/Exclusion Criteria:", "eligibility"),
    ],
)
def test_heading_kind_recognises_registry_headings(line, kind):
    assert heading_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Note: Other protocol defined Inclusion/Exclusion criteria may apply.",
        "Other protocol-defined inclusion criteria may apply.",
        "Further exclusion criteria apply",
        "Failure to meet requirements in Inclusion Criteria",
        "Inclusion of Women and Minorities",
        "exclusion",
        "part except for the following two inclusion criteria:",
        "CNS Exclusion - Based on screening brain MRI and clinical assessment",
        "Both men and women are eligible.",
        "Inclusion Criteria: Diagnosis of Chronic Obstructive Pulmonary Disease (COPD) Age: greater",
        "- Other indicators accord with the general inclusion criteria for clinical trials.",
        "Patients with metastatic disease are ineligible.",
    ],
)
def test_heading_kind_leaves_sentences_and_notes_alone(line):
    assert heading_kind(line) is None


AACT_CRITERIA = (
    "Inclusion Criteria:~Be  18 years of age;~Has prior liver transplantation;~"
    "9. Subjects must fully understand the study, voluntarily participate, and sign the informed consent form (ICF).~"
    "Exclusion Criteria:~Has prior liver transplantation;~Be pregnant or breastfeeding;"
)


def test_layout_tilde_separated_criteria_give_sections_without_the_tildes():
    sections = parse_layout(AACT_CRITERIA).sections
    assert [s["name"] for s in sections] == ["eligibility", "inclusion", "exclusion"]
    inclusion = section_text(AACT_CRITERIA, sections, "inclusion")
    assert inclusion.startswith("Inclusion Criteria:~Be  18 years")
    assert inclusion.endswith("sign the informed consent form (ICF).")
    assert section_text(AACT_CRITERIA, sections, "exclusion") == (
        "Exclusion Criteria:~Has prior liver transplantation;~Be pregnant or breastfeeding;"
    )
    assert section_text(AACT_CRITERIA, sections, "eligibility") == AACT_CRITERIA


def test_layout_finds_a_heading_after_a_tilde_written_with_spaces():
    # Every "~" ends a row when looking for headings: a heading is never part of a range ("0 ~ 1"),
    # and "~" between spaces may still separate criteria, as here before "Exclusion Criteria:".
    text = "Inclusion Criteria:~Aged 18 years;~ECOG 0 ~ 1 ~ Exclusion Criteria: ~ Pregnant or breastfeeding"
    sections = eligibility_sections(text)
    assert [s["name"] for s in sections] == ["eligibility", "inclusion", "exclusion"]
    assert section_text(text, sections, "inclusion") == "Inclusion Criteria:~Aged 18 years;~ECOG 0 ~ 1"
    assert section_text(text, sections, "exclusion") == "Exclusion Criteria: ~ Pregnant or breastfeeding"


HINT_CRITERIA = (
    "\n        Inclusion Criteria:\n\n        -\n\n        Patients must have:\n\n        Unipolar major depression "
    "(per Diagnostic and Statistical Manuel-IV criteria) with or\n        without melancholia.\n\n"
    "        Exclusion Criteria:\n\n        -\n\n        Patients with the following symptoms or conditions are "
    "excluded:\n\n        Psychotic or atypical subtype of unipolar major depression.\n      "
)


def test_layout_indented_criteria_with_blank_lines():
    sections = parse_layout(HINT_CRITERIA).sections
    assert section_text(HINT_CRITERIA, sections, "eligibility").startswith("Inclusion Criteria:\n\n        -")
    assert section_text(HINT_CRITERIA, sections, "inclusion").endswith("without melancholia.")
    exclusion = section_text(HINT_CRITERIA, sections, "exclusion")
    assert exclusion.startswith("Exclusion Criteria:") and exclusion.endswith("unipolar major depression.")
    eligibility = next(s for s in sections if s["name"] == "eligibility")
    assert eligibility["start"] == HINT_CRITERIA.index("Inclusion Criteria:")


def test_layout_criteria_without_inclusion_heading_under_eligibility_are_inclusion():
    text = (
        "Eligibility\n"
        "Patients with venous thromboembolism, including patients with factor V Leiden. Patients had\n"
        "completed prescribed anticoagulation therapy within the last two years before the trial."
    )
    sections = parse_layout(text).sections
    assert spans(sections) == [("eligibility", 0, len(text)), ("inclusion", 12, len(text))]


def test_layout_criteria_before_a_lone_exclusion_heading_are_inclusion():
    text = (
        "Eligibility Criteria:\n- Age ≥18 years.\n- ECOG 0-2.\nExclusion Criteria:\n- Accompanied by severe infections."
    )
    sections = parse_layout(text).sections
    assert section_text(text, sections, "inclusion") == "- Age ≥18 years.\n- ECOG 0-2."
    assert section_text(text, sections, "exclusion") == "Exclusion Criteria:\n- Accompanied by severe infections."


def test_layout_sub_headings_of_one_kind_make_one_section():
    text = (
        "Inclusion Criteria (All Cohorts):\n* Age ≥ 18\n"
        "Inclusion criteria specific to Cohort A1:\n* Measurable disease\n"
        "Exclusion Criteria (All Cohorts):\n* Pregnant or nursing\n"
        "Exclusion criteria specific to Cohort A1:\n* Prior solid organ transplant"
    )
    sections = parse_layout(text).sections
    assert [s["name"] for s in sections] == ["eligibility", "inclusion", "exclusion"]
    assert section_text(text, sections, "inclusion").endswith("* Measurable disease")


def test_layout_nli4ct_eligibility_lines_with_upper_case_headings():
    lines_ = [
        "INCLUSION CRITERIA",
        "  Patients must have evaluable metastatic melanoma that is refractory to standard therapy.",
        "  Age greater than or equal to 16 years.",
        "EXCLUSION CRITERIA",
        "  Patients with active systemic infections.",
    ]
    text = "\n".join(lines_)
    sections = parse_layout(text).sections
    assert section_text(text, sections, "inclusion").endswith("Age greater than or equal to 16 years.")
    assert (
        section_text(text, sections, "exclusion") == "EXCLUSION CRITERIA\n  Patients with active systemic infections."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Preclinical and clinical studies have shown that intestinal low dose radiotherapy (ILDR) can enhance "
        "antitumor immunity and response to immune checkpoint blockade (ICB) by regulating intestinal flora.",
        "Patients who met the inclusion criteria were randomized.\nExclusion criteria were applied at screening.\n",
        "",
        # Seven lines, but line 4 is not a list of interventions: not the seed layout.
        "Title\nAuthor\nDate\nAbstract: a study.\nMethods\nResults\nConclusions",
        # An empty line 4 with nothing below that the seed layout writes: not claimed either.
        "Title\nAuthor\nDate\n\nParagraph one.\nParagraph two.\nParagraph three.",
    ],
)
def test_layout_plain_text_has_no_sections(text):
    layout = parse_layout(text)
    assert layout.sections == [] and layout.outcome_items == []


def test_layout_rendered_other_outcomes_line_gives_other_items():
    text = (
        "A Study of Drug X\nSummary.\nNSCLC\nDRUG: Docetaxel\nOverall survival, 2 years\n\n"
        "Description line.\nOther Outcome Measures: Cytokine levels, 6 weeks|Immune cells, 6 weeks\n"
        "Eligibility\nInclusion Criteria:\n* Age ≥ 18"
    )
    layout = parse_layout(text)
    assert section_text(text, layout.sections, "other_outcomes").startswith("Other Outcome Measures: Cytokine")
    assert section_text(text, layout.sections, "description") == "Description line."
    assert [(i["role"], text[i["start"] : i["end"]]) for i in layout.outcome_items] == [
        ("primary", "Overall survival, 2 years"),
        ("other", "Cytokine levels, 6 weeks"),
        ("other", "Immune cells, 6 weeks"),
    ]
    assert section_text(text, layout.sections, "inclusion") == "Inclusion Criteria:\n* Age ≥ 18"


def test_layout_aact_capitalised_intervention_types_are_the_seed_layout():
    text = "Title\nSummary\nBreast Cancer\nDrug: Letrozole|Procedure: Surgery\nPFS, 2 years\nOS, 5 years\nMore."
    names = [s["name"] for s in parse_layout(text).sections]
    assert names[:4] == ["title", "summary", "conditions", "interventions"]


@pytest.mark.corpora
def test_layout_every_aact_criteria_text_has_inclusion_before_exclusion():
    path = corpus_path("ctgov_samples", "ctrialsgov_cancer_studies.jsonl.gz")
    checked = 0
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            # As the reader renders it: under an Eligibility heading (three texts have no heading
            # line of their own; their criteria are inclusion criteria).
            criteria = "Eligibility\n" + json.loads(line)["criteria"]
            sections = eligibility_sections(criteria)
            names = [s["name"] for s in sections]
            assert names[0] == "eligibility" and "inclusion" in names, criteria[:200]
            for s in sections:
                assert not criteria[s["start"] : s["end"]].endswith("~")
            if "exclusion" in names:
                assert names.index("inclusion") < names.index("exclusion")
                checked += 1
    assert checked > 390


@pytest.mark.corpora
def test_layout_hint_criteria_find_their_headings():
    path = corpus_path("hint_criteria", "hint_trials_criteria.jsonl.gz")
    with_both = found_both = 0
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            criteria = json.loads(line)["criteria"]
            has_inclusion = re.search(r"(?im)^\s*inclusion criteria:\s*$", criteria)
            has_exclusion = re.search(r"(?im)^\s*exclusion criteria:\s*$", criteria)
            if not (has_inclusion and has_exclusion):
                continue
            with_both += 1
            names = [s["name"] for s in parse_layout(criteria).sections]
            found_both += "inclusion" in names and "exclusion" in names
    assert with_both > 3500
    assert found_both == with_both


@pytest.mark.corpora
def test_layout_nli4ct_eligibility_sections():
    path = corpus_path("nli4ct_breast_ctr", "ctr_sections.jsonl.gz")
    with_inclusion = total = 0
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            text = "\n".join(json.loads(line)["Eligibility"])
            total += 1
            with_inclusion += any(s["name"] == "inclusion" for s in parse_layout(text).sections)
    assert total == 999
    assert with_inclusion >= 0.9 * total


# --- The component -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def layout_nlp():
    import trialspacy

    return trialspacy.build(["trialspacy_layout"])


def test_layout_component_sets_sections_and_outcome_items_from_the_text(layout_nlp):
    text = seed("001")
    doc = layout_nlp(text)
    expected = parse_layout(text)
    assert doc._.trialspacy_sections == expected.sections and doc._.trialspacy_outcome_items == expected.outcome_items
    assert doc._.trialspacy_sections[0] == {"name": "title", "start": 0, "end": 168}


def test_layout_component_keeps_sections_the_reader_set(layout_nlp):
    text = seed("004")
    doc = layout_nlp.make_doc(text)
    given = [{"name": "description", "start": 9, "end": 2292}]
    doc._.trialspacy_sections = given
    doc = layout_nlp(doc)
    assert doc._.trialspacy_sections is given and doc._.trialspacy_outcome_items == []


def test_layout_component_survives_to_disk_and_pipe(layout_nlp, tmp_path):
    import spacy

    layout_nlp.to_disk(tmp_path / "nlp")
    loaded = spacy.load(tmp_path / "nlp")
    texts = [seed(name) for name in ("000", "004")] + ["Patients with venous thromboembolism."]
    assert [d._.trialspacy_sections for d in loaded.pipe(texts)] == [parse_layout(t).sections for t in texts]


# Lines built from the pieces real records are made of, in any order.
LINE_PIECES = st.sampled_from(
    [
        "Inclusion Criteria:",
        "Exclusion Criteria",
        "Eligibility",
        "Overview",
        "DRUG: LG002",
        "Drug: Letrozole",
        "Other Outcome Measures: Cytokines, 2 years",
        "Lung Cancer",
        "Objective response rate, 2 years|OS, 5 years",
        "- ECOG level 0-2.",
        "",
        "  ",
        "~",
        "**Key Exclusion Criteria:**",
        "Patients with inclusion criteria met.",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINE_PIECES, max_size=14), st.sampled_from(["\n", "\r\n", "~"]))
def test_layout_any_text_gives_sorted_trimmed_sections_inside_it(pieces, separator):
    text = separator.join(pieces)
    layout = parse_layout(text)
    assert layout.sections == sorted(layout.sections, key=lambda s: (s["start"], -s["end"]))
    for part in layout.sections + layout.outcome_items:
        assert 0 <= part["start"] < part["end"] <= len(text)
        assert text[part["start"] : part["end"]] == text[part["start"] : part["end"]].strip()
    assert {s["name"] for s in layout.sections} <= set(SECTION_NAMES)
    assert {i["role"] for i in layout.outcome_items} <= set(OUTCOME_ROLES)
    eligibility = [s for s in layout.sections if s["name"] == "eligibility"]
    assert len(eligibility) <= 1
    for s in layout.sections:
        if s["name"] in ("inclusion", "exclusion"):
            assert eligibility[0]["start"] <= s["start"] and s["end"] <= eligibility[0]["end"]
