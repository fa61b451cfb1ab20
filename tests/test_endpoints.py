"""ENDPOINT: the lexicon, qualifiers, grades, abbreviation resolution, context guards and the
component, on real text.

Outcome measures are quoted from the 100 ClinicalTrials.gov API v2 studies
(ctgov_samples/nsclcbench_ctg_studies.jsonl.gz, "API v2") and the NLI4CT outcome titles
(nli4ct_breast_ctr, "NLI4CT"); sentences from the seeds and those corpora.
"""

import glob
import json
import os

import pytest
import spacy
from conftest import corpus_path
from spacy.language import Language
from spacy.tokens import Doc

import trialspacy
from trialspacy.components.endpoints import (
    DATA_FILE,
    HISTORY_CUES_FILE,
    EndpointLexicon,
    grade_before,
    guard_reason,
    history_cues,
    hyphen_forms,
    misspelt_forms,
    plural_form,
)
from trialspacy.lexicon import package_data
from trialspacy.records import Record, iter_records
from trialspacy.run import record_to_doc
from trialspacy.spans import ENDPOINT, label_spans, span_attrs

PIPES = ["trialspacy_layout", "trialspacy_abbreviations", "trialspacy_endpoints"]
Found = list[tuple[str, str]]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return trialspacy.build(PIPES)


def run(nlp: Language, doc: Doc) -> Doc:
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def endpoints(doc: Doc) -> Found:
    return [(s.text, s._.trialspacy_canonical) for s in label_spans(doc, ENDPOINT)]


def outcome_doc(nlp: Language, measure: str) -> Doc:
    """A document that is one primary outcome item, as the record reader gives an API v2 measure."""
    doc = nlp.make_doc(measure)
    doc._.trialspacy_sections = [{"name": "primary_outcomes", "start": 0, "end": len(measure)}]
    doc._.trialspacy_outcome_items = [{"role": "primary", "start": 0, "end": len(measure)}]
    return run(nlp, doc)


# ---------------------------------------------------------------------------------------------
# Pure functions


def test_endpoints_hyphen_forms_write_each_gap_both_ways():
    forms = hyphen_forms(["progression", "-", "free", "survival"])
    assert ("progression", "-", "free", "survival") in forms
    assert ("progression", "free", "survival") in forms
    assert ("progression", "free", "-", "survival") in forms
    assert len(forms) == 4


def test_endpoints_misspelt_and_plural_forms():
    assert misspelt_forms(("time", "to", "response"), {"response": ["reponse"]}) == [("time", "to", "reponse")]
    assert misspelt_forms(("progression", "survival"), {"progression": ["progession"], "survival": ["suvival"]}) == [
        ("progression", "suvival"),
        ("progession", "survival"),
        ("progession", "suvival"),
    ]
    assert plural_form(("Survival", "Rate")) == ("Survival", "Rates")
    assert plural_form(("dose", "-", "limiting", "toxicity")) == ("dose", "-", "limiting", "toxicities")
    assert plural_form(("overall", "survival")) is None


@pytest.mark.parametrize(
    "text, head, grade, span",
    [
        ("the incidence of grade 3 or above AE", "AE", "≥3", "grade 3 or above AE"),  # seed 003
        ("Participants with Grade 3 or 4 AEs", "AEs", "3-4", "Grade 3 or 4 AEs"),  # NLI4CT
        ("The incidence of greater than or equal to grade 3 AEs", "AEs", "3", "grade 3 AEs"),  # API v2
        ("If 2 cases of ≥ Grade 3 TRAEs occur", "TRAEs", "≥3", "≥ Grade 3 TRAEs"),  # API v2
        (
            "any grade III or IV non-hematologic toxicity",
            "non-hematologic",
            "3-4",
            "grade III or IV non-hematologic toxicity",
        ),  # NLI4CT
        ("any Grade >=3 hematologic toxicity", "hematologic", "≥3", "Grade >=3 hematologic toxicity"),  # NLI4CT
        (
            "Number of patients with a grade 2 or greater toxicity",
            "toxicity",
            "≥2",
            "grade 2 or greater toxicity",
        ),  # NLI4CT
        ("Grade 3/4 toxicity", "toxicity", "3-4", "Grade 3/4 toxicity"),
        ("G3-4 toxicities were more frequent", "toxicities", "3-4", "G3-4 toxicities"),  # PICO abstract
    ],
)
def test_endpoints_grade_before_reads_ctcae_grades(text: str, head: str, grade: str, span: str):
    found = grade_before(text, text.rindex(head))
    assert found == (text.index(span), grade)


def test_endpoints_grade_before_needs_a_grade_right_before():
    assert grade_before("Toxicity profile", 0) is None
    assert grade_before("Grade 3 neutropenia and adverse events", 28) is None


@pytest.mark.parametrize(
    "text, mention, in_criteria, reason",
    [
        # stopping rules (NLI4CT interventions, API v2 descriptions)
        (
            "Dose escalation will occur until a maximum tolerated dose is found.",
            "maximum tolerated dose",
            False,
            "stop_rule",
        ),
        (
            "Treatment continues until unacceptable adverse events or patient refusal.",
            "adverse events",
            False,
            "stop_rule",
        ),
        ("until a dose-limiting toxicity occurs", "dose-limiting toxicity", False, "stop_rule"),
        # an event of patients in a dose-escalation rule (API v2 NCT06001671 description)
        (
            "If 2 of the first 3 participants developed DLT or 2 of 6 participants developed DLT",
            "DLT",
            False,
            "event",
        ),
        # escalation rules of the PDQ outlines (legacy XML NCT00003294, NCT00005779)
        ("In the absence of DLT in the first 3 patients treated, subsequent", "DLT", False, "stop_rule"),
        ("Barring serious adverse events, 4 patients are enrolled", "serious adverse events", False, "stop_rule"),
        ("If DLT occurs in 1 of 3 patients at a given dose level", "DLT", False, "event"),
        # a rule for the patients who have the event (legacy XML NCT00003141, seed 001)
        (
            "Patients experiencing dose-limiting toxicity due to thiotepa are removed from the study.",
            "dose-limiting toxicity",
            False,
            "treatment_rule",
        ),
        (
            "Patients with severe adverse reactions (SAE) will stop treatment",
            "adverse reactions",
            False,
            "treatment_rule",
        ),
        ("Number of Patients With Adverse Events Leading to Discontinuation", "Adverse Events", False, None),
        # the end of a time frame that names the endpoint's event is not a stopping rule
        ("Time frame: From date of randomization until date of PFS event", "PFS", False, None),
        (
            "Progression-free survival was defined as the time until progression",
            "Progression-free survival",
            False,
            None,
        ),
        # criteria describing the patient (API v2 and NLI4CT eligibility)
        (
            "Previous adverse event to alpha 1 agonists (oral, nasal, topical, or ocular)",
            "adverse event",
            True,
            "history",
        ),
        ("No history of allergic or other adverse reaction to flaxseed", "adverse reaction", True, "history"),
        ("Subjects with a history of  Grade 3 immune-related AEs (irAEs).", "irAEs", True, "history"),
        (
            "Have not recovered from adverse events (must be Grade 1) due to agents administered",
            "adverse events",
            True,
            "history",
        ),
        ("Patients who experienced Grade 3 or higher irAEs with prior immunotherapy.", "irAEs", True, "history"),
        # NLI4CT NCT00688909 (exclusion criterion): the patient's condition, not a measure
        ("Concomitant disease which significantly affects quality of life.", "quality of life", True, "history"),
        # dev4 DEV NCT04639180 and HINT criteria (exclusion and inclusion criteria): in a criterion an
        # endpoint name is the patient's condition or a possible event even with no history cue
        (
            "Interstitial lung disease that is symptomatic or may interfere with the detection and management "
            "of suspected drug-related pulmonary toxicity",
            "pulmonary toxicity",
            True,
            "history",
        ),
        (
            "Malabsorption syndrome or uncontrolled gastrointestinal toxicities",
            "gastrointestinal toxicities",
            True,
            "history",
        ),
        ("Willing to complete quality of life questionnaires", "quality of life", True, "history"),
        # the same words outside the criteria name a measure
        ("Incidence and severity of adverse events (AEs)", "adverse events", False, None),
        ("Patients with prior irAEs were excluded", "irAEs", False, "history"),
    ],
)
def test_endpoints_guard_reason(text: str, mention: str, in_criteria: bool, reason):
    start = text.index(mention)
    assert guard_reason(text, start, start + len(mention), in_criteria=in_criteria) == reason


# ---------------------------------------------------------------------------------------------
# Seeds

SEED_EXPECTED: dict[str, Found] = {
    "000_39528a72e86f2866": [
        ("treatment-related adverse events", "treatment-related adverse events"),
        # "evaluate disease progression free survival (PFS)": "disease" stays out of the span
        ("progression free survival", "progression-free survival"),
        ("PFS", "progression-free survival"),
        ("objective response rate", "objective response rate"),
        ("ORR", "objective response rate"),
    ],
    "001_e87d364e3468c837": [
        ("Objective response rate", "objective response rate"),
        ("Disease control rate", "disease control rate"),
        ("Progression free survival", "progression-free survival"),
        ("Overall survival", "overall survival"),
        ("Adverse Event", "adverse events"),
        # "Patients with severe adverse reactions (SAE) will stop treatment": a treatment rule, not
        # a measure (the gold leaves both untagged)
    ],
    "003_4a7a2bd16bc8bbac": [
        # "The objective tumor reponse rate ((ORR))": misspelling tolerated, ORR inside double brackets
        ("objective tumor reponse rate", "objective response rate"),
        ("ORR", "objective response rate"),
        ("Duration of response", "duration of response"),
        ("disease control rate", "disease control rate"),
        ("time to reponse", "time to response"),
        ("progression free survival", "progression-free survival"),
        ("overall survival", "overall survival"),
        ("progression-free survival", "progression-free survival"),
        ("adverse events", "adverse events"),
        ("AE", "adverse events"),
        ("grade 3 or above AE", "grade ≥3 adverse events"),
        ("severe adverse events", "serious adverse events"),
        ("SAE", "serious adverse events"),
        ("drug-related AE", "treatment-related adverse events"),
        ("AE", "adverse events"),
        ("AE", "adverse events"),
    ],
    "004_2e83ad285140be70": [
        ("disease control rate", "disease control rate"),
        ("DCR", "disease control rate"),
        # "progression free survival while receiving second-line therapy (PFS2)"
        ("progression free survival", "second progression-free survival"),
        ("PFS2", "second progression-free survival"),
        ("objective response rate", "objective response rate"),
        ("ORR", "objective response rate"),
        ("adverse events", "adverse events"),
        ("AEs", "adverse events"),
        ("overall response rate", "objective response rate"),
        ("DCR", "disease control rate"),
        ("PFS2", "second progression-free survival"),
        ("ORR", "objective response rate"),
        ("AEs", "adverse events"),
    ],
}


@pytest.fixture(scope="module")
def seed_docs(nlp: Language, seed_texts: dict[str, str]) -> dict[str, Doc]:
    return {stem: nlp(text) for stem, text in seed_texts.items()}


@pytest.mark.parametrize("stem", sorted(SEED_EXPECTED))
def test_endpoints_seed_mentions_in_order(seed_docs: dict[str, Doc], stem: str):
    assert endpoints(seed_docs[stem]) == SEED_EXPECTED[stem]


def test_endpoints_seed_002_outcome_list(seed_docs: dict[str, Doc]):
    found = endpoints(seed_docs["002_f583cccc3452e705"])
    for item in [
        ("Adverse events", "adverse events"),
        ("AE", "adverse events"),
        ("Serious adverse event", "serious adverse events"),
        ("SAE", "serious adverse events"),
        ("immune related adverse events", "immune-related adverse events"),
        ("irAE", "immune-related adverse events"),
        ("Objective response rate", "objective response rate"),
        ("ORR", "objective response rate"),
        ("Duration of response", "duration of response"),
        ("DOR", "duration of response"),
        ("Disease control rate", "disease control rate"),
        ("DCR", "disease control rate"),
        ("Time to response", "time to response"),
        ("TTR", "time to response"),
        ("Time to disease progression", "time to progression"),
        ("TTP", "time to progression"),
        ("Progression free survival", "progression-free survival"),
        ("PFS", "progression-free survival"),
        ("Overall survival", "overall survival"),
        ("OS", "overall survival"),
    ]:
        assert item in found
    assert found.count(("OS", "overall survival")) == 2  # "Overall survival (OS), OS was defined as"


@pytest.mark.parametrize(
    "stem, start, end, canonical, abbreviation",
    [
        ("000_39528a72e86f2866", 660, 685, "progression-free survival", "PFS"),
        ("002_f583cccc3452e705", 543, 547, "immune-related adverse events", "irAE"),
        ("002_f583cccc3452e705", 1080, 1083, "duration of response", "DOR"),
        ("002_f583cccc3452e705", 2447, 2449, "overall survival", "OS"),
        ("003_4a7a2bd16bc8bbac", 667, 695, "objective response rate", "ORR"),
        ("003_4a7a2bd16bc8bbac", 1223, 1248, "progression-free survival", "PFS"),
        ("003_4a7a2bd16bc8bbac", 1640, 1659, "grade ≥3 adverse events", None),
        ("004_2e83ad285140be70", 574, 578, "second progression-free survival", "PFS2"),
        ("004_2e83ad285140be70", 690, 711, "objective response rate", "ORR"),
    ],
)
def test_endpoints_seed_offsets_and_attributes(seed_docs, stem, start, end, canonical, abbreviation):
    spans = {(s.start_char, s.end_char): s for s in label_spans(seed_docs[stem], ENDPOINT)}
    span = spans[(start, end)]
    assert span_attrs(span) == {"negated": False, "canonical": canonical, "abbreviation": abbreviation}


@pytest.mark.parametrize(
    "stem, phrase",
    [
        ("000_39528a72e86f2866", "safety"),
        ("000_39528a72e86f2866", "efficacy"),
        ("002_f583cccc3452e705", "tolerance"),
        ("002_f583cccc3452e705", "complete response \\[CR\\]"),
        ("002_f583cccc3452e705", "Complete Response (CR)"),
        ("002_f583cccc3452e705", "best overall response"),
        ("002_f583cccc3452e705", "Lymphocyte subpopulations"),
        ("002_f583cccc3452e705", "Cytokines"),
        ("002_f583cccc3452e705", "Peripheral blood TILs cell survival"),
        ("003_4a7a2bd16bc8bbac", "anti-tumor response"),
        ("003_4a7a2bd16bc8bbac", "1-year survival"),
        ("004_2e83ad285140be70", "unacceptable immune related toxic side effects"),
        ("004_2e83ad285140be70", "The adverse reactions from prior treatment"),
    ],
)
def test_endpoints_seed_phrases_that_are_not_endpoints(seed_docs, seed_texts, stem, phrase):
    text = seed_texts[stem]
    assert phrase in text
    start = 0
    while (start := text.find(phrase, start)) >= 0:
        end = start + len(phrase)
        assert not [s.text for s in label_spans(seed_docs[stem], ENDPOINT) if s.start_char < end and start < s.end_char]
        start = end


# ---------------------------------------------------------------------------------------------
# Real outcome measures


@pytest.mark.parametrize(
    "measure, expected",
    [
        # API v2
        ("Overall survival(OS)", [("Overall survival", "overall survival"), ("OS", "overall survival")]),
        (
            "Progression free survival（PFS）",
            [("Progression free survival", "progression-free survival"), ("PFS", "progression-free survival")],
        ),
        (
            "progession-free survival (PFS)",
            [("progession-free survival", "progression-free survival"), ("PFS", "progression-free survival")],
        ),
        (
            "Duration of Response (DoR)",
            [("Duration of Response", "duration of response"), ("DoR", "duration of response")],
        ),
        (
            "Objective remission rate (ORR)",
            [("Objective remission rate", "objective response rate"), ("ORR", "objective response rate")],
        ),
        ("Overall Response Rate", [("Overall Response Rate", "objective response rate")]),
        ("p-CR", [("p-CR", "pathologic complete response")]),
        (
            "Pathological complete response rate (pCR)",
            [
                ("Pathological complete response rate", "pathologic complete response"),
                ("pCR", "pathologic complete response"),
            ],
        ),
        ("major pathological response", [("major pathological response", "major pathological response")]),
        ("irAEs", [("irAEs", "immune-related adverse events")]),
        (
            "intracranial PFS (iPFS)",
            [
                ("intracranial PFS", "intracranial progression-free survival"),
                ("iPFS", "intracranial progression-free survival"),
            ],
        ),
        (
            "intracranial ORR (iORR)",
            [
                ("intracranial ORR", "intracranial objective response rate"),
                ("iORR", "intracranial objective response rate"),
            ],
        ),
        (
            "Intracranial DOR (iDOR) according to RECIST v1.1",
            [("Intracranial DOR", "intracranial duration of response"), ("iDOR", "intracranial duration of response")],
        ),
        (
            "CNS objective response rate（CNS ORR）(Stage Two: Formal Research Phase）",
            [
                ("CNS objective response rate", "intracranial objective response rate"),
                ("CNS ORR", "intracranial objective response rate"),
            ],
        ),
        (
            "Treatment related adverse events (TRAEs)",
            [
                ("Treatment related adverse events", "treatment-related adverse events"),
                ("TRAEs", "treatment-related adverse events"),
            ],
        ),
        (
            "Incidence of Treatment-Emergent Adverse Events [Safety and Tolerability]",
            [("Treatment-Emergent Adverse Events", "treatment-emergent adverse events")],
        ),
        (
            "Time to treatment failure (TTF) for 1L treatment with Iruplinalkib",
            [("Time to treatment failure", "time to treatment failure"), ("TTF", "time to treatment failure")],
        ),
        ("PFS-2", [("PFS-2", "second progression-free survival")]),
        (
            "Progresison Free Survival (PFS2)",
            [
                ("Progresison Free Survival", "second progression-free survival"),
                ("PFS2", "second progression-free survival"),
            ],
        ),
        ("One-Year Survival Rate", [("Survival Rate", "survival rate")]),
        ("6-month overall survival rate", [("overall survival rate", "overall survival")]),
        ("5-year OS rate", [("OS rate", "overall survival")]),
        ("1-year EFS Rate", [("EFS Rate", "event-free survival")]),
        ("Five-years disease free survival rates", [("disease free survival rates", "disease-free survival")]),
        ("12m-PFS (Stage Two: Formal Research Phase）", [("PFS", "progression-free survival")]),
        ("Maximal Tolerable Dose", [("Maximal Tolerable Dose", "maximum tolerated dose")]),
        (
            "The incidence of dose limiting toxicities (DLTs)",
            [("dose limiting toxicities", "dose-limiting toxicity"), ("DLTs", "dose-limiting toxicity")],
        ),
        (
            "Recommended Phase 2 dose (RP2D)",
            [("Recommended Phase 2 dose", "recommended phase 2 dose"), ("RP2D", "recommended phase 2 dose")],
        ),
        (
            "Quality of life (QoL) assessed by SF-12-questionnaire",
            [("Quality of life", "quality of life"), ("QoL", "quality of life")],
        ),
        (
            "Brain Progression Free Survival (BPFS)",
            [
                ("Brain Progression Free Survival", "intracranial progression-free survival"),
                ("BPFS", "intracranial progression-free survival"),
            ],
        ),
        (
            "Locoregional control rate (LRCR)",
            [("Locoregional control rate", "locoregional control"), ("LRCR", "locoregional control")],
        ),
        (
            "Real-world progression-free survival (rwPFS) for 1L treatment with Iruplinalkib",
            [
                ("Real-world progression-free survival", "real-world progression-free survival"),
                ("rwPFS", "real-world progression-free survival"),
            ],
        ),
        ("R0 resection rate", [("R0 resection rate", "r0 resection rate")]),
        # NLI4CT
        ("Objective Response (OR)", [("Objective Response", "objective response rate")]),
        ("Best Overall Response", [("Best Overall Response", "best overall response")]),
        ("Time to Tumor Progression", [("Time to Tumor Progression", "time to progression")]),
        (
            "Progressive-free Survival (PFS) Per Investigator Assessment",
            [("Progressive-free Survival", "progression-free survival"), ("PFS", "progression-free survival")],
        ),
        (
            "Toxicity as Assessed by Number of Grade 3 or 4 Adverse Events",
            [("Grade 3 or 4 Adverse Events", "grade 3-4 adverse events")],
        ),
        (
            "Percentage of Participants Achieving Complete Response (CR) or Partial Response (PR): Objective Intracranial Response Rate (OIRR)",
            [
                ("Objective Intracranial Response Rate", "intracranial objective response rate"),
                ("OIRR", "intracranial objective response rate"),
            ],
        ),
        (
            "Invasive Disease-Free Survival (IDFS) in the Node-Positive Subpopulation",
            [
                ("Invasive Disease-Free Survival", "invasive disease-free survival"),
                ("IDFS", "invasive disease-free survival"),
            ],
        ),
        ("Local Control Rate for Follow-up Period of 5 Years.", [("Local Control Rate", "local control")]),
        # legacy XML NCT00002757 (primary outcome measure)
        ("Failure Free Survival", [("Failure Free Survival", "failure-free survival")]),
        (
            "Skin Toxicity the First Year Following Treatment With the Multiple Dwell Mammosite Delivery Method.",
            [("Skin Toxicity", "skin toxicity")],
        ),
        ("Clinical Benefit Rate", [("Clinical Benefit Rate", "clinical benefit rate")]),
        (
            "Percentage of Participants With Adverse Events (AEs) and Serious Adverse Events (SAEs)",
            [
                ("Adverse Events", "adverse events"),
                ("AEs", "adverse events"),
                ("Serious Adverse Events", "serious adverse events"),
                ("SAEs", "serious adverse events"),
            ],
        ),
    ],
)
def test_endpoints_real_outcome_measures(nlp: Language, measure: str, expected: Found):
    assert endpoints(outcome_doc(nlp, measure)) == expected


@pytest.mark.parametrize(
    "measure",
    [
        # API v2
        "Safety and tolerability",
        "Blood lipid",
        "Survival",
        "Toxicity profile",
        "Toxicity as measured by CTCAE V4.0",
        "Tmax",
        "Safety will be assessed by the toxicity grading of the National Cancer Institute Common Terminology Criteria for Adverse Events (NCI-CTCAE v 5.0).",
        "Time to Loss of Clinical Benefit (TTLCB)",
        "Correlation between PD-L1 expression and antitumor effect",
        "Pharmacokinetic (PK) parameters",
        "Tumor Shrinkage Rate (TSR)",
        # seed 002
        "Lymphocyte subpopulations",
        "Cytokines",
        "Peripheral blood TILs cell survival",
    ],
)
def test_endpoints_real_measures_without_an_endpoint(nlp: Language, measure: str):
    assert endpoints(outcome_doc(nlp, measure)) == []


def test_endpoints_response_categories_need_an_outcome_title(nlp: Language):
    # seed 002: inside a definition "best overall response" and "objective response" are categories
    text = (
        "The Objective Response Rate (ORR) was defined as the percentage of participants who achieved "
        "a best overall response of confirmed Complete Response (CR) or Partial Response (PR)."
    )
    assert endpoints(nlp(text)) == [
        ("Objective Response Rate", "objective response rate"),
        ("ORR", "objective response rate"),
    ]


@pytest.mark.parametrize(
    "text,expected",
    [
        # legacy XML records (PDQ objectives, 1999-2007)
        (
            "Determine the tumor response to this regimen in these patients.",  # NCT00004176
            [("tumor response", "objective response rate")],
        ),
        (
            "Determine the objective clinical response in patients treated with this regimen.",  # NCT00003690
            [("objective clinical response", "objective response rate")],
        ),
        (
            "Determine the efficacy of irinotecan in terms of tumor response, time to tumor progression, and "  # NCT00004922
            "survival in patients with advanced high grade neuroendocrine tumors.",
            [("tumor response", "objective response rate"), ("time to tumor progression", "time to progression")],
        ),
        (
            "To determine the efficacy of Antineoplaston therapy in patients with Stage IV breast cancer, as "  # NCT00003454
            "measured by an objective response to therapy (complete response, partial response or stable disease).",
            [("objective response", "objective response rate")],
        ),
        (
            "Determine the clinical benefit response (including improvement in quality of life) of vinorelbine "  # NCT00003622
            "and paclitaxel in patients with metastatic hormone-refractory prostate cancer.",
            [("clinical benefit response", "clinical benefit rate"), ("quality of life", "quality of life")],
        ),
        # older wording: remission for response, "rate of" before the response
        (
            "Compare the objective response rate, duration of remission, overall survival, and quality of life "  # NCT00003376
            "of patients with progressing regional or metastatic melanoma.",
            [
                ("objective response rate", "objective response rate"),
                ("duration of remission", "duration of response"),
                ("overall survival", "overall survival"),
                ("quality of life", "quality of life"),
            ],
        ),
        (
            "Determine the efficacy of arsenic trioxide in terms of rate of response (complete or partial "  # NCT00005595
            "remission), duration of response, relapse free survival",
            [
                ("rate of response", "objective response rate"),
                ("duration of response", "duration of response"),
                ("relapse free survival", "recurrence-free survival"),
            ],
        ),
        # NCT00003816 outcome description
        ("Rate of Complete Remission by Day +100", [("Rate of Complete Remission", "complete response rate")]),
    ],
)
def test_endpoints_response_named_as_an_aim(nlp: Language, text: str, expected: Found):
    # an aim verb before a response name makes it the trial's measure, as an outcome title does
    assert endpoints(nlp(text)) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # NLI4CT NCT02748213 and legacy XML NCT02369484 (outcome descriptions): the measure's method
        (
            "Tumor response was assessed by RECIST during the study. CR was defined as disappearance of all lesions.",
            [("Tumor response", "objective response rate")],
        ),
        (
            "Objective response is defined as best overall response (CR or PR) across all assessments.",
            [("Objective response", "objective response rate")],
        ),
        (
            "Disease control will be determined using RECIST 1.1 criteria.",
            [("Disease control", "disease control rate")],
        ),
        # ... while a patient's response is not assessed by a method (legacy XML NCT00003447), nor
        # evaluated as a category (seed 000)
        ("Patients who achieve an objective response receive 3 more courses.", []),
        ("if effective (tumor response evaluated as SD/PR/CR), the next cycle was continued", []),
    ],
)
def test_endpoints_response_named_with_its_method(nlp: Language, text: str, expected: Found):
    assert endpoints(nlp(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # legacy XML records: a response as a patient's state, with no aim before it
        "Patients who achieve an objective response or stable disease after 3 courses receive 3 more courses "  # NCT00003447
        "(for a total of 6 courses).",
        "Assess the duration of response in patients presenting with an objective response.",  # NCT00002972
    ],
)
def test_endpoints_response_categories_without_an_aim(nlp: Language, text: str):
    assert [e for e in endpoints(nlp(text)) if e[1] == "objective response rate"] == []


def test_endpoints_abbreviations_are_case_sensitive(nlp: Language):
    assert endpoints(nlp("Tumor cells os and Os were seen; orr and Pfs are not names.")) == []
    assert endpoints(nlp("PFS and OS were similar.")) == [
        ("PFS", "progression-free survival"),
        ("OS", "overall survival"),
    ]


# ---------------------------------------------------------------------------------------------
# Abbreviations defined in the record


def test_endpoints_record_definition_gives_short_form_its_canonical(nlp: Language):
    # API v2 NCT record: "Response Rate (RR), RR defined as the percentage of patients whose cancer shrinks"
    doc = nlp("Response Rate (RR), RR defined as the percentage of patients whose cancer shrinks. RR was 40%.")
    spans = label_spans(doc, ENDPOINT)
    assert [(s.text, s._.trialspacy_canonical, s._.trialspacy_abbreviation) for s in spans] == [
        ("Response Rate", "objective response rate", "ORR"),
        ("RR", "objective response rate", "ORR"),
        ("RR", "objective response rate", "ORR"),
        ("RR", "objective response rate", "ORR"),
    ]


def test_endpoints_definition_with_a_qualifier_overrides_the_lexicon(nlp: Language):
    # realistic: a brain-metastases trial that writes ORR for its intracranial ORR
    doc = nlp(
        "The primary endpoint is intracranial objective response rate (ORR) per RANO-BM. "
        "ORR will be assessed every 6 weeks."
    )
    assert endpoints(doc) == [
        ("intracranial objective response rate", "intracranial objective response rate"),
        ("ORR", "intracranial objective response rate"),
        ("ORR", "intracranial objective response rate"),
    ]
    assert {s._.trialspacy_abbreviation for s in label_spans(doc, ENDPOINT)} == {"iORR"}


def test_endpoints_defined_ipfs_and_dor(nlp: Language):
    # API v2: "Intracranial progression-free survival (IPFS) in patients with advanced NSCLC ..."
    doc = nlp(
        "Intracranial progression-free survival (IPFS) in patients with brain metastases. "
        "IPFS is defined as the time from randomization to intracranial progression. "
        "Duration of Objective Response (DOR): DOR is the time from first response to progression."
    )
    assert endpoints(doc) == [
        ("Intracranial progression-free survival", "intracranial progression-free survival"),
        ("IPFS", "intracranial progression-free survival"),
        ("IPFS", "intracranial progression-free survival"),
        ("Duration of Objective Response", "duration of response"),
        ("DOR", "duration of response"),
        ("DOR", "duration of response"),
    ]
    assert [s._.trialspacy_abbreviation for s in label_spans(doc, ENDPOINT)][:3] == ["iPFS"] * 3


def test_endpoints_english_word_short_forms_are_not_resolved(nlp: Language):
    # NLI4CT: "Objective Response (OR)" and eligibility "... (3+ by HercepTest) OR positive for amplification"
    doc = nlp("Objective Response (OR) was assessed. HER2 3+ by IHC OR positive for amplification by FISH.")
    assert [s.text for s in label_spans(doc, ENDPOINT)] == []


@pytest.mark.parametrize(
    "text",
    [
        # legacy XML NCT00002601 (eligibility): osteosarcoma, not overall survival
        "Osteosarcoma (OS) Extremity OS after neoadjuvant chemotherapy Axial OS in CR or PR after chemotherapy",
        # legacy XML NCT00005401 (summary)
        "This ancillary project supplemented the WHI Observational Study (OS) by performing additional "
        "examinations on 600 San Diego OS women.",
        # AACT NCT01143896 (planned outcome description): not a major pathological response
        "Adherence was measured using the Medication Possession Ratio (MPR) calculation. An MPR closer to 1.0 "
        "indicates better adherence.",
        # legacy XML NCT00007384 (summary): not locoregional control
        "using families from the Princeton Lipid Research Clinics (LRC) Prevalence (1973-75). In the LRC Study,",
    ],
)
def test_endpoints_a_short_form_the_record_defines_as_something_else(nlp: Language, text: str):
    assert endpoints(nlp(text)) == []


def test_endpoints_a_short_form_defined_as_something_else_and_as_the_endpoint(nlp: Language):
    # the record's first definition gives every "OS"; the one after its endpoint's name stays
    text = "This Observational Study (OS) will follow patients. Overall survival (OS) is not measured."
    assert endpoints(nlp(text)) == [("Overall survival", "overall survival"), ("OS", "overall survival")]
    # a long form with a word of an endpoint's name is not another meaning (API v2 NCT06644495)
    text = "Event to first follow-up treatment or death (TFST) for 1L treatment"
    assert endpoints(nlp(text)) == [("TFST", "time to first subsequent therapy")]


# ---------------------------------------------------------------------------------------------
# Context guards in documents


def test_endpoints_criteria_describing_the_patient_are_not_endpoints(nlp: Language):
    # seed 004 layout; criteria from API v2 and NLI4CT records
    text = (
        "Overview\n"
        "The primary endpoint is the incidence of immune-related adverse events (irAEs).\n"
        "Eligibility\n"
        "Inclusion Criteria:\n"
        "- Participant's adverse events (excluding alopecia) from prior therapy have improved to grade 1.\n"
        "Exclusion Criteria:\n"
        "- Subjects with a history of  Grade 3 immune-related AEs (irAEs).\n"
        "- No history of allergic or other adverse reaction to flaxseed\n"
    )
    assert endpoints(nlp(text)) == [
        ("immune-related adverse events", "immune-related adverse events"),
        ("irAEs", "immune-related adverse events"),
    ]


def test_endpoints_a_weak_name_in_a_criterion_is_the_patients_response(nlp: Language):
    # NLI4CT NCT00320411 (inclusion criteria): an aim in a criterion is the patient's, while the
    # same aim in the description names the measure
    text = (
        "Evaluate tumor response using RECIST criteria after 12 weeks of treatment.\n"
        "Eligibility\n"
        "Inclusion Criteria:\n"
        "- Archived tumor tissue must be available to compare tumor response with intra-tumoral expression "
        "levels of biomarkers (ErbB1 and ErbB2).\n"
    )
    assert endpoints(nlp(text)) == [("tumor response", "objective response rate")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # NLI4CT NCT02102490, NCT00426556 (outcome descriptions): a best overall response of CR or
        # PR is a category, and so is its short form (dev2 gold NCT01268150 leaves both untagged)
        (
            "Percentage of participants achieving a best overall response (BOR) of complete response (CR) or "
            "partial response (PR) as per RECIST.",
            [],
        ),
        (
            "ORR was defined as the proportion of patients with a best overall response (BOR) of complete "
            "response (CR) or partial response (PR).",
            [("ORR", "objective response rate")],
        ),
        # NLI4CT NCT00274456: ORR names the rate whatever the weak name before it
        ("Overall response (ORR) = CR+PR.", [("ORR", "objective response rate")]),
    ],
)
def test_endpoints_the_short_form_of_a_category_is_a_category(nlp: Language, text: str, expected: Found):
    assert endpoints(nlp(text)) == expected


def test_endpoints_stopping_rules_are_not_endpoints(nlp: Language):
    # API v2 description
    text = (
        "All patients will be treated until disease progression, death, intolerable adverse events (AEs), "
        "or other protocol-specified reasons. The primary endpoint is the rate of AEs."
    )
    assert endpoints(nlp(text)) == [("AEs", "adverse events")]


def test_endpoints_a_treatment_rule_for_patients_with_the_event_is_not_an_endpoint(nlp: Language):
    # seed 001 (treatment description): the short form in brackets shares the name's fate
    text = (
        "Patients with severe adverse reactions (SAE) will stop treatment and report to the research center. "
        "Patients with grade 3 toxicity receive a 25% reduction in dose. The primary endpoint is the rate of SAEs."
    )
    assert endpoints(nlp(text)) == [("SAEs", "serious adverse events")]


def test_endpoints_guards_can_be_switched_off(nlp: Language):
    loose = trialspacy.build(["trialspacy_layout", "trialspacy_abbreviations"])
    loose.add_pipe("trialspacy_endpoints", config={"context_guards": False})
    # API v2 description
    text = "All patients will be treated until disease progression, death, intolerable adverse events (AEs)."
    assert endpoints(nlp(text)) == []
    assert endpoints(loose(text)) == [("adverse events", "adverse events"), ("AEs", "adverse events")]


def test_endpoints_a_measure_defined_by_patients_events_names_only_the_mtd(nlp: Language):
    # legacy XML NCT00005942 (primary outcome measure)
    measure = "MTD of semaxanib defined as the dose preceding that at which 2 of 6 patients experience dose limiting toxicities"
    assert endpoints(outcome_doc(nlp, measure)) == [("MTD", "maximum tolerated dose")]


def test_endpoints_dose_escalation_finds_the_mtd_and_not_the_patients_events(nlp: Language):
    # legacy XML NCT00004257 (detailed description, unwrapped): escalation stops at the MTD, the
    # trial's endpoint; the dose-limiting toxicity that defines it is an event of patients
    text = (
        "Cohorts of 3-6 patients receive escalating doses of oxaliplatin and fluorouracil until the "
        "maximum tolerated dose (MTD) is determined. The MTD is defined as the dose preceding that at "
        "which 2 of 3 or 2 of 6 patients experience dose-limiting toxicity."
    )
    assert endpoints(nlp(text)) == [
        ("maximum tolerated dose", "maximum tolerated dose"),
        ("MTD", "maximum tolerated dose"),
        ("MTD", "maximum tolerated dose"),
    ]


def test_endpoints_a_dose_escalation_rule_names_only_the_mtd(nlp: Language):
    # API v2 NCT06001671 (primary outcome): the DLTs a participant in a dose group has are events
    measure = (
        "MTD, If only 1 of 3 participants in a dose group has DLT, 3 additional subjects in this group will "
        "be tested at the same dose level; If no participants developed DLT, the next dose study was conducted"
    )
    assert endpoints(outcome_doc(nlp, measure)) == [("MTD", "maximum tolerated dose")]
    # ... while a count of participants with DLTs is the endpoint (API v2 NCT04402008)
    measure = "Phase 1: Number of Participants With Dose Limiting Toxicities (DLTs)"
    assert [c for _, c in endpoints(outcome_doc(nlp, measure))] == ["dose-limiting toxicity"] * 2


@pytest.mark.parametrize(
    "text, expected",
    [
        # legacy XML NCT00495755 (outline): patients of a dose level, and "none", experience a DLT
        (
            "Dose is escalated if these 3 patients complete the 4-week treatment and none experience a DLT by week "
            "12 of therapy. If 1 of 3 patients treated at a given dose level experiences a DLT, then 3 more "
            "patients are treated at that dose level.",
            [],
        ),
        # legacy XML NCT00009789 (outline): "at least" before the graded endpoint
        (
            "the course at which no more than 2 patients develop at least grade 3 dose-limiting toxicity",
            [],
        ),
        # legacy XML NCT00005065 (outline)
        ("patients receive an eleventh dose of Gd-Tex if they do not develop grade 3 or 4 toxicity", []),
        # an event classified as a DLT (legacy XML NCT00495755)
        ("CMV reactivation will not be considered a DLT unless grade 4 CMV disease occurs.", []),
        # ... while the patients' events counted in a measure stay the endpoint (API v2 NCT05994131)
        ("The number of participants who experienced AEs is presented.", [("AEs", "adverse events")]),
    ],
)
def test_endpoints_events_in_a_dose_escalation_rule_are_not_endpoints(nlp: Language, text: str, expected: Found):
    assert endpoints(nlp(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # legacy XML NCT00003426 (outline): the escalation rule names the event it waits for
        (
            "In the absence of dose-limiting toxicity (DLT) in the first 6 patients treated, subsequent cohorts "
            "of 3-6 patients each receive escalating doses of gemcitabine on the same schedule. If DLT occurs in "
            "2 of 6 patients at a given dose level, then 3 additional patients are treated.",
            [],
        ),
        # legacy XML NCT00006431 (description) and NCT00003403 (outline)
        ("If no dose limiting toxicities are seen, the next 3 patients will be enrolled at the medium dose.", []),
        (
            "The MTD of GPX-100 is defined as the dose at which no more than 2 instances of dose limiting toxicity "
            "are observed in 6 patients.",
            [("MTD", "maximum tolerated dose")],
        ),
        # legacy XML NCT00005779 (outline) and NCT00496431 (description): reasons to stop
        ("Barring serious adverse events, 4 additional patients are enrolled in Cohort 2.", []),
        ("Treatment continues unless there is appearance of unacceptable adverse events.", []),
        # ... while a rate reported as observed is the endpoint (legacy XML NCT00004862, background)
        (
            "A 46 percent response rate was observed in patients treated with this regimen.",
            [("response rate", "objective response rate")],
        ),
        # ... and an absence inside a bracket does not reach the next sentence (API v2 NCT06317558)
        (
            "Disease-free survival, time from surgery to recurrence or death (by any cause in the absence of "
            "recurrence)., DFS was defined as the time from surgery to recurrence.",
            [("Disease-free survival", "disease-free survival"), ("DFS", "disease-free survival")],
        ),
    ],
)
def test_endpoints_escalation_and_stopping_rules_of_older_records_are_not_endpoints(
    nlp: Language, text: str, expected: Found
):
    assert endpoints(nlp(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # legacy XML NCT00002501 (objectives): "rates of" before the name, as "rate of" is read
        (
            "III. Determine the rates of complete remission (CR) and partial remission. Patients who achieve CR "
            "receive 2 additional courses.",
            [("rates of complete remission", "complete response rate")],
        ),
        # legacy XML NCT00492401 (objectives): the short form names the response, not the rate
        (
            "I. Determine the rate of complete remission (CR) in patients. II. Determine the overall response "
            "rate (CR, incomplete CR, and partial remission).",
            [
                ("rate of complete remission", "complete response rate"),
                ("overall response rate", "objective response rate"),
            ],
        ),
        ("Compare the rates of response and survival.", [("rates of response", "objective response rate")]),
    ],
)
def test_endpoints_rates_of_a_response_name_the_rate(nlp: Language, text: str, expected: Found):
    assert endpoints(nlp(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # legacy XML NCT00003193 (outline): the dose the extra patients get, then the measure
        (
            "The MTD is defined as the dose at which 2-3 patients experience dose-limiting toxicity. An additional "
            "10 patients are treated at the MTD.\n\nAfter determination of the MTD for paclitaxel, subsequent "
            "patients also receive amifostine",
            [("MTD", "maximum tolerated dose"), ("MTD", "maximum tolerated dose")],
        ),
        # legacy XML NCT00002952 (objectives, outline): "dose level" after the name is still the measure
        (
            "I. Determine the safety and maximum tolerated dose level of the vaccine. The Phase II dose will be "
            "one dose level below the MTD.",
            [("maximum tolerated dose", "maximum tolerated dose")],
        ),
        # API v2 NCT05651269 (description), legacy XML NCT00462189 (outline)
        ("will be allowed to continue in the study at the recommended Phase 2 dose; or lower for safety reasons", []),
        (
            "Once the MTD is determined, between16 to 25 new patients will be added to the MTD cohort",
            [("MTD", "maximum tolerated dose")],
        ),
        # the short form after a dose given shares its fate
        ("Additional patients are treated at the maximum tolerated dose (MTD).", []),
    ],
)
def test_endpoints_a_dose_given_is_not_the_dose_endpoint(nlp: Language, text: str, expected: Found):
    assert endpoints(nlp(text)) == expected


def test_endpoints_dose_level_guard_is_for_dose_endpoints_only():
    text = "Additional patients are treated at the MTD."
    start = text.index("MTD")
    assert guard_reason(text, start, start + 3, in_criteria=False, event=False, dose=True) == "dose_level"
    assert guard_reason(text, start, start + 3, in_criteria=False, event=False) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # legacy XML NCT00002805 (objectives): the remission rate of the older records is the ORR
        (
            "OBJECTIVES: I. Determine the toxicity, remission rate, event-free survival, and overall survival "
            "following induction with cytarabine/mitoxantrone",
            [
                ("remission rate", "objective response rate"),
                ("event-free survival", "event-free survival"),
                ("overall survival", "overall survival"),
            ],
        ),
        # legacy XML NCT00005080 (primary outcome title)
        (
            "Remission rate (complete and partial remission), Up to 2 years",
            [("Remission rate", "objective response rate")],
        ),
        # legacy XML NCT00006721 (objectives): a molecular remission is a marker's, not the tumour's
        ("Compare the molecular remission rates of this patient population treated with these regimens.", []),
    ],
)
def test_endpoints_remission_rate_is_the_objective_response_rate(nlp: Language, text: str, expected: Found):
    assert endpoints(nlp(text)) == expected


@pytest.mark.parametrize(
    "measure",
    [
        # API v2 NCT04764188 and AACT NCT00952029 (secondary outcome titles): a duration, not the rate
        "Duration of Disease Control, Time from the first administration of alectinib to the first documentation",
        "Disease-control duration, one year after last patient is included",
    ],
)
def test_endpoints_the_duration_of_disease_control_is_not_its_rate(nlp: Language, measure: str):
    assert endpoints(outcome_doc(nlp, measure)) == []


@pytest.mark.parametrize(
    "measure, expected",
    [
        # legacy XML NCT00460525 (secondary outcome title): not serious adverse events
        (
            "Number of Unsolicited Non-serious Adverse Events Reported During the 30-day Surveillance Period After "
            "the First Vaccination",
            [("Adverse Events", "adverse events")],
        ),
        # AACT planned outcome (NCT03459001)
        (
            "Adverse Events, Non serious AE and SAE collection, Day 0 to Day 20",
            [("Adverse Events", "adverse events"), ("AE", "adverse events"), ("SAE", "serious adverse events")],
        ),
    ],
)
def test_endpoints_non_serious_adverse_events_are_not_serious(nlp: Language, measure: str, expected: Found):
    assert endpoints(outcome_doc(nlp, measure)) == expected


@pytest.mark.parametrize(
    "measure, expected",
    [
        # API v2 NCT04636775 (primary outcome): the grade glued after the endpoint
        (
            "Microbiome difference between patients with and without AEs>=grade 3, Adverse events (AEs) will be graded",
            [
                ("AEs>=grade 3", "grade ≥3 adverse events"),
                ("Adverse events", "adverse events"),
                ("AEs", "adverse events"),
            ],
        ),
        # API v2 NCT06620835 (secondary outcome)
        (
            "Number of patients with any adverse event (AE), serious AEs (SAEs) and all AEs of grade ≥3 according to NCI CTCAE",
            [
                ("adverse event", "adverse events"),
                ("AE", "adverse events"),
                ("serious AEs", "serious adverse events"),
                ("SAEs", "serious adverse events"),
                ("AEs of grade ≥3", "grade ≥3 adverse events"),
            ],
        ),
        # legacy XML NCT00002874 (secondary outcome) and NCT00004259 (results): "Grade 3+"
        ("Grade 3+ Toxicity", [("Grade 3+ Toxicity", "grade ≥3 toxicity")]),
        (
            "A 20% rate of grade 3+ pulmonary toxicities",
            [("grade 3+ pulmonary toxicities", "grade ≥3 pulmonary toxicity")],
        ),
        ("Toxicity grade 3+ in 10% of patients", [("Toxicity grade 3+", "grade ≥3 toxicity")]),
        # radiation-oncology trial set (ro_trials #33): a grade before, "or higher" after
        ("Four patients had grade 3 toxicity or higher (11%).", [("grade 3 toxicity or higher", "grade ≥3 toxicity")]),
    ],
)
def test_endpoints_read_a_grade_written_after_the_endpoint(nlp: Language, measure: str, expected: Found):
    assert endpoints(outcome_doc(nlp, measure)) == expected


@pytest.mark.parametrize(
    "measure, expected",
    [
        # NLI4CT NCT02038010 and NCT01419717 (outcome descriptions): a CTCAE scale's entries, where
        # each grade opens the next entry ("Grade 2 Moderate AE"), not a grade of the AE before it
        (
            "AEs will be graded according to the following: Grade 1 Mild AE Grade 2 Moderate AE Grade 3 Severe AE",
            [("AEs", "adverse events"), ("AE", "adverse events"), ("AE", "adverse events"), ("AE", "adverse events")],
        ),
        (
            "CTCAE version 3.0, where Grade 1 = Mild AE Grade 2 = Moderate AE Grade 3 = Severe AE",
            [("AE", "adverse events"), ("AE", "adverse events"), ("AE", "adverse events")],
        ),
        # NLI4CT NCT01419717 and NCT00448591 (results): a list of grades after or before the name
        ("AE grade 3, 4, or 5: 46  35.9%", [("AE grade 3, 4, or 5", "grade 3-5 adverse events")]),
        ("CTC grade 3, 4 or 5 AE: 57.6", [("grade 3, 4 or 5 AE", "grade 3-5 adverse events")]),
    ],
)
def test_endpoints_a_grading_scale_entry_is_no_grade_of_the_name_before_it(
    nlp: Language, measure: str, expected: Found
):
    assert endpoints(outcome_doc(nlp, measure)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # radiation-oncology trial set (ro_trials #18): the head "toxicity" is written once
        (
            "Phase II study of SBRT for prostate cancer to primarily assess acute and late toxicity",
            [("acute", "acute toxicity"), ("late toxicity", "late toxicity")],
        ),
        # NLI4CT NCT01463007 (outcome measure title)
        (
            "Outcome Measurement:\nEarly and Intermediate Toxicity\nAny toxicity related to the radiation",
            [("Early", "early toxicity"), ("Intermediate Toxicity", "intermediate toxicity")],
        ),
        # radiation-oncology trial set: a timing qualifier of an organ's toxicity
        (
            "will translate into a decreased rate of acute gastrointestinal toxicity compared with",
            [("acute gastrointestinal toxicity", "acute gastrointestinal toxicity")],
        ),
        # legacy XML NCT00002597 (results): RT for radiation in the name of the toxicity
        ("Late RT Toxicity: Bowel: NOS", [("Late RT Toxicity", "late toxicity")]),
        ("Acute RT Toxicity: Bladder: NOS", [("Acute RT Toxicity", "acute toxicity")]),
        # legacy XML NCT00002670 (objectives): survival endpoints are not split this way
        (
            "patterns of first failure, and overall and disease-free survival in patients",
            [("disease-free survival", "disease-free survival")],
        ),
    ],
)
def test_endpoints_a_coordination_names_each_safety_endpoint(nlp: Language, text: str, expected: Found):
    assert endpoints(nlp(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # legacy XML NCT00001748 (summary)
        (
            "the study are graft take, acute and chronic GVHD, leukemic relapse, transplant-related mortality, death",
            [("transplant-related mortality", "treatment-related mortality")],
        ),
        # legacy XML NCT00001144 (summary)
        (
            "The primary endpoint of this study is transplant related mortality (1 year survival)",
            [("transplant related mortality", "treatment-related mortality")],
        ),
        # legacy XML NCT00001830 (summary)
        (
            "Although non-myeloablative regimens may reduce regimen-related toxicity, such transplants",
            [("regimen-related toxicity", "treatment-related toxicity")],
        ),
        # legacy XML NCT00005940 (secondary outcome)
        (
            "Transplant-related mortality, Transplant-related toxicities are graded using the",
            [
                ("Transplant-related mortality", "treatment-related mortality"),
                ("Transplant-related toxicities", "treatment-related toxicity"),
            ],
        ),
    ],
)
def test_endpoints_transplant_and_regimen_related_mortality_and_toxicity(nlp: Language, text: str, expected: Found):
    assert endpoints(nlp(text)) == expected


def test_endpoints_non_relapse_mortality_and_its_abbreviation(nlp: Language):
    # radiation-oncology trial set (ro_trials #5)
    text = "because of high-toxicity rates and nonrelapse mortality (NRM) associated with higher-intensity"
    assert endpoints(nlp(text)) == [("nonrelapse mortality", "non-relapse mortality"), ("NRM", "non-relapse mortality")]


@pytest.mark.parametrize(
    "measure, expected",
    [
        # legacy XML NCT00496119, NCT00006124, NCT00003857, NCT00493298 (outcome measures)
        ("Time to Local Recurrence", [("Time to Local Recurrence", "time to local recurrence")]),
        ("Time to recurrence", [("Time to recurrence", "time to recurrence")]),
        ("Time to distant metastasis", [("Time to distant metastasis", "time to distant metastasis")]),
        ("Time to First Relapse", [("Time to First Relapse", "time to recurrence")]),
        # legacy XML NCT00005067 (outcome measures)
        ("Time to biochemical relapse", [("Time to biochemical relapse", "time to biochemical recurrence")]),
        ("Time to distant failure", [("Time to distant failure", "time to distant failure")]),
        (
            "Time to local progression as determined by clinical exam",
            [("Time to local progression", "time to local progression")],
        ),
        # legacy XML NCT00492752: the record's abbreviation follows the endpoint
        (
            "Time to Symptomatic Progression (TTSP)",
            [
                ("Time to Symptomatic Progression", "time to symptomatic progression"),
                ("TTSP", "time to symptomatic progression"),
            ],
        ),
        # legacy XML NCT00005044: "BF", "LRP" and "DM" abbreviate the events, not the endpoints
        (
            "Time to First Biochemical Failure (BF) (10-year Rates Reported)",
            [("Time to First Biochemical Failure", "time to biochemical failure")],
        ),
        (
            "Clinical Patterns of Tumor Recurrence: Time to Locoregional Progression (LRP) and Time to Distant "
            "Metastasis (DM) (10 Year Rates Reported)",
            [
                ("Time to Locoregional Progression", "time to locoregional progression"),
                ("Time to Distant Metastasis", "time to distant metastasis"),
            ],
        ),
        # API v2 NCT04318938: a qualified name the lexicon has keeps its canonical name
        (
            "Time to intracranial progression (TTiP)",
            [
                ("Time to intracranial progression", "intracranial time to progression"),
                ("TTiP", "intracranial time to progression"),
            ],
        ),
    ],
)
def test_endpoints_time_to_an_event(nlp: Language, measure: str, expected: Found):
    assert endpoints(outcome_doc(nlp, measure)) == expected


@pytest.mark.parametrize(
    "measure, expected",
    [
        # legacy XML NCT00492804, NCT00498953, NCT00002934, NCT00493298, NCT03764891 (outcome measures)
        ("Recurrence rate", [("Recurrence rate", "recurrence rate")]),
        ("Rate of local relapse (Phase II)", [("Rate of local relapse", "local recurrence rate")]),
        ("Actuarial local recurrence rate", [("local recurrence rate", "local recurrence rate")]),
        (
            "Annualized Relapse Rate (ARR)",
            [("Annualized Relapse Rate", "annualized relapse rate"), ("ARR", "annualized relapse rate")],
        ),
        ("Recurrence rate of pelvic organ prolapse", [("Recurrence rate", "recurrence rate")]),
    ],
)
def test_endpoints_recurrence_and_relapse_rates(nlp: Language, measure: str, expected: Found):
    assert endpoints(outcome_doc(nlp, measure)) == expected


@pytest.mark.parametrize(
    "measure, expected",
    [
        # legacy XML NCT00462384, NCT00005067, NCT00003034, NCT00006469, NCT00496743 (outcome measures)
        ("Time to Achievement of Response", [("Time to Achievement of Response", "time to response")]),
        ("Time to complete response", [("Time to complete response", "time to complete response")]),
        ("Time to best response", [("Time to best response", "time to response")]),
        (
            "Pathologic response rate, as measured by pathology",
            [("Pathologic response rate", "pathologic response rate")],
        ),
        ("Duration of responses", [("Duration of responses", "duration of response")]),
        # legacy XML NCT00005037, NCT00002968
        (
            "freedom from progression (FFP) median, 1-year and 2-year survival rates in both groups.",
            [
                ("freedom from progression", "freedom from progression"),
                ("FFP", "freedom from progression"),
                ("survival rates", "survival rate"),
            ],
        ),
        ("Disease-free intervals", [("Disease-free intervals", "disease-free interval")]),
        # legacy XML NCT00006721, NCT00492856: a range of grades written "through"
        (
            "Number of Patients With Grade 3 Through Grade 5 Adverse Events That Are Related to Study Drug",
            [("Grade 3 Through Grade 5 Adverse Events", "grade 3-5 adverse events")],
        ),
        (
            "Number of Patients With Grade 3 Through 5 Adverse Events That Are Related to Study Drug",
            [("Grade 3 Through 5 Adverse Events", "grade 3-5 adverse events")],
        ),
        # legacy XML NCT00008697: chronic toxicity, coordinated with acute
        ("Acute and chronic toxicities", [("Acute", "acute toxicity"), ("chronic toxicities", "chronic toxicity")]),
        # legacy XML NCT00007982, NCT00499447: misspelt, once or twice in a name
        ("Disease-free suvival", [("Disease-free suvival", "disease-free survival")]),
        (
            "To determine progession free survivial rates in patients with inoperable stage IA",
            [("progession free survivial rates", "progression-free survival")],
        ),
    ],
)
def test_endpoints_more_registry_outcome_measures(nlp: Language, measure: str, expected: Found):
    assert endpoints(outcome_doc(nlp, measure)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # legacy XML NCT00002514, NCT00009984, NCT00004893 (PDQ outlines)
        "OUTLINE: This is a randomized, multicenter study. Patients are stratified according to age (50 and under "
        "vs over 50), time to achieve complete remission (CR) (4 weeks or less vs more than 4 weeks), and "
        "Philadelphia (Ph) chromosome status (positive vs negative).",
        "OUTLINE: This is a randomized, open-label study. Patients are stratified according to time to relapse "
        "from last fludarabine treatment (less than 6 months vs more than 6 months).",
        "OUTLINE: This is a randomized study. Patients are stratified according to disease free interval from "
        "primary diagnosis to first metastases (less than 3 years vs 3 years and longer).",
    ],
)
def test_endpoints_stratification_factors_are_not_endpoints(nlp: Language, text: str):
    assert endpoints(nlp(text)) == []


def test_endpoints_stratification_factors_end_at_a_verb_of_the_trial(nlp: Language):
    # legacy XML NCT00495716 (description)
    text = (
        "We will enroll 500 HSV-2 seropositive single persons (250 per arm), stratified by gender and history of "
        "symptomatic genital herpes, and prospectively follow them for 1 year to assess sexual behavior, adherence "
        "to therapy, and herpes-related quality of life."
    )
    assert endpoints(nlp(text)) == [("quality of life", "quality of life")]


def test_endpoints_a_short_form_of_the_event_is_not_the_endpoint_but_one_of_a_modified_name_is(nlp: Language):
    # legacy XML NCT00003013 (description): "CR" abbreviates the pathologic complete response here
    text = "Define the incidence of pathologic complete response (CR) induced by 8 courses of chemotherapy."
    assert endpoints(nlp(text)) == [
        ("pathologic complete response", "pathologic complete response"),
        ("CR", "pathologic complete response"),
    ]


def test_endpoints_an_interval_or_a_relapse_rate_in_a_criterion_is_the_patients():
    # AACT NCT04339829 and legacy XML NCT00492466 (inclusion criteria); a full pipeline reads the layout
    text = (
        "Overview\n"
        "The primary endpoint is the disease-free interval.\n"
        "Eligibility\n"
        "Inclusion Criteria:\n"
        "- Evidence of newly diagnosed stage IIIB/IV or recurrent (minimum of 12 months disease free interval "
        "between completion of systemic therapy and recurrence of NSCLC required) NSCLC\n"
        "- Clinical activity defined as at least one relapse rate within the last 12 months\n"
    )
    found = [(s.text, s._.trialspacy_canonical) for s in label_spans(trialspacy.load()(text), ENDPOINT)]
    assert found == [("disease-free interval", "disease-free interval")]


def test_endpoints_a_grade_after_an_endpoint_name_in_a_criterion_is_not_read():
    # API v2 NCT04691388 (exclusion criterion): "AE grade 2" grades the dyspnea, and the CTC AE is no endpoint
    assert grade_before("Respiratory syndrome (≥CTC AE grade 2 dyspnea)", 24) is None


# ---------------------------------------------------------------------------------------------
# Data and serialization


def test_endpoints_lexicon_covers_every_endpoint_the_contract_names():
    rows = package_data(DATA_FILE)
    canonicals = {r["canonical"] for r in rows if "canonical" in r}
    for name in [
        "objective response rate",
        "progression-free survival",
        "second progression-free survival",
        "overall survival",
        "disease control rate",
        "duration of response",
        "time to response",
        "time to progression",
        "complete response rate",
        "pathologic complete response",
        "event-free survival",
        "disease-free survival",
        "local control",
        "survival rate",
        "adverse events",
        "serious adverse events",
        "immune-related adverse events",
        "treatment-related adverse events",
        "dose-limiting toxicity",
        "maximum tolerated dose",
        "acute toxicity",
        "late toxicity",
        "quality of life",
        "biochemical control",
        "cancer-specific survival",
        "intracranial progression-free survival",
        "locoregional control",
    ]:
        assert name in canonicals
    for row in rows:
        if "canonical" in row or "template" in row:
            name = row.get("canonical", row.get("template"))
            assert name == name.lower()
            assert row["family"] in ("efficacy", "safety", "other")
        if "template" in row:
            assert all("{q}" in variant for variant in row["variants"])


def test_endpoints_lexicon_loads_fast_and_is_json_rows(nlp: Language):
    rows = package_data(DATA_FILE)
    lex = EndpointLexicon.from_rows(rows, lambda texts: [[t.text for t in nlp.make_doc(x)] for x in texts])
    assert len(lex.terms) > 1000
    assert all(json.loads(json.dumps(r)) == r for r in rows)


def test_endpoints_to_disk_from_disk_round_trip(nlp: Language, seed_texts: dict[str, str], tmp_path):
    component = nlp.get_pipe("trialspacy_endpoints")
    component.to_disk(tmp_path / "endpoints")
    assert (tmp_path / "endpoints" / DATA_FILE).read_text(encoding="utf-8").count("\n") == len(component.lexicon.rows)

    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    for text in seed_texts.values():
        ours, theirs = nlp(text), loaded(text)
        assert [(s.start_char, s.end_char, span_attrs(s)) for s in label_spans(ours, ENDPOINT)] == [
            (s.start_char, s.end_char, span_attrs(s)) for s in label_spans(theirs, ENDPOINT)
        ]


def test_endpoints_from_disk_reads_the_saved_lexicon(nlp: Language, tmp_path):
    rows = package_data(DATA_FILE) + [
        {
            "canonical": "tumor shrinkage rate",
            "abbreviation": "TSR",
            "family": "efficacy",
            "variants": ["tumor shrinkage rate"],
            "short_forms": ["TSR"],
        }
    ]
    (tmp_path / DATA_FILE).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    fresh = trialspacy.build(PIPES)
    fresh.get_pipe("trialspacy_endpoints").from_disk(tmp_path)
    assert endpoints(fresh("Tumor Shrinkage Rate (TSR) of IN10018")) == [
        ("Tumor Shrinkage Rate", "tumor shrinkage rate"),
        ("TSR", "tumor shrinkage rate"),
    ]


def test_endpoints_round_trip_through_bytes(nlp: Language, seed_texts: dict[str, str]):
    data = nlp.get_pipe("trialspacy_endpoints").to_bytes()
    copy = trialspacy.build(PIPES)
    copy.get_pipe("trialspacy_endpoints").from_bytes(data)
    for text in seed_texts.values():
        ours, theirs = nlp(text), copy(text)
        assert [(s.start_char, s.end_char, span_attrs(s)) for s in label_spans(ours, ENDPOINT)] == [
            (s.start_char, s.end_char, span_attrs(s)) for s in label_spans(theirs, ENDPOINT)
        ]


def test_endpoints_lexicon_is_read_once_and_exclude_is_honoured(tmp_path):
    """The package's lexicon is compiled on first use only; what from_disk or from_bytes restore
    replaces it without it being read first, unless excluded."""
    component = trialspacy.build(PIPES).get_pipe("trialspacy_endpoints")
    assert component._lexicon is None
    rows = [r for r in package_data(DATA_FILE) if r.get("canonical") != "progression-free survival"]
    (tmp_path / DATA_FILE).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    component.from_disk(tmp_path, exclude=["endpoints"])
    assert component._lexicon is None
    component.from_disk(tmp_path)
    assert component.lexicon.rows == rows
    other = trialspacy.build(PIPES).get_pipe("trialspacy_endpoints")
    other.from_bytes(component.to_bytes(), exclude=["endpoints"])
    assert other._lexicon is None
    other.from_bytes(component.to_bytes())
    assert other.lexicon.rows == rows


def test_endpoints_history_cues_are_data_with_a_reason():
    rows = package_data(HISTORY_CUES_FILE)
    assert rows and all(set(r) == {"cue", "reason"} and r["reason"].strip() for r in rows)
    assert history_cues().search("patients with a history of grade 3 irAEs")
    assert not history_cues().search("objective response rate per RECIST")


# ---------------------------------------------------------------------------------------------
# Corpora


def _api_v2_docs(nlp: Language) -> list[Doc]:
    path = corpus_path("ctgov_samples", "nsclcbench_ctg_studies.jsonl.gz")
    records = [r for r in iter_records([str(path)]) if isinstance(r, Record)]
    assert len(records) == 100
    return [run(nlp, record_to_doc(nlp, r)) for r in records]


@pytest.mark.corpora
def test_endpoints_api_v2_outcome_items_get_an_endpoint(nlp: Language):
    found: dict[str, list[int]] = {}
    for doc in _api_v2_docs(nlp):
        spans = label_spans(doc, ENDPOINT)
        for item in doc._.trialspacy_outcome_items:
            hit = any(item["start"] <= s.start_char and s.end_char <= item["end"] for s in spans)
            found.setdefault(item["role"], []).append(hit)
    # measured: primary 126/144, secondary 311/414 (the rest are PK, biomarker, feasibility measures)
    assert len(found["primary"]) == 144 and sum(found["primary"]) >= 120
    assert len(found["secondary"]) == 414 and sum(found["secondary"]) >= 300


@pytest.mark.corpora
def test_endpoints_pico_outcome_measure_lenient_recall(nlp: Language):
    brat = corpus_path("pico_breast_cancer", "brat")
    gold = hits = 0
    for txt in sorted(glob.glob(os.path.join(brat, "*.txt"))):
        with open(txt, encoding="utf-8", newline="") as handle:
            doc = nlp(handle.read())
        ours = [(s.start_char, s.end_char) for s in label_spans(doc, ENDPOINT)]
        with open(txt[:-4] + ".ann", encoding="utf-8") as handle:
            for line in handle:
                fields = line.rstrip("\n").split("\t")
                if not line.startswith("T") or not fields[1].startswith("outcome-Measure ") or ";" in fields[1]:
                    continue
                start, end = map(int, fields[1].split()[1:3])
                gold += 1
                hits += any(a < end and start < b for a, b in ours)
    # outcome-Measure marks any measure (safety, fatigue, depression, ...): a superset of named
    # endpoints. Measured: 295 of 1,081.
    assert gold == 1081
    assert hits / gold >= 0.26


@pytest.mark.parametrize(
    "text, expected",
    [
        # gold2 DEV NCT02165605 (NLI4CT-style outcome): a time qualifier stays in a toxicity's name
        (
            "Outcome Measurement:\nAcute Skin Toxicity Per NCI-CTC v4.0\nNCI-CTC version 4.0 was used to assessed "
            "acute skin toxicity grade by physician.",
            [("Acute Skin Toxicity", "acute skin toxicity"), ("acute skin toxicity", "acute skin toxicity")],
        ),
        # NLI4CT NCT00278109 (outcome description)
        (
            "4= Ulceration, hemorrahage, necrosis, Late Skin Toxicity: 0=None",
            [("Late Skin Toxicity", "late skin toxicity")],
        ),
        # legacy XML NCT00003070 (summary)
        (
            "whether the benefit achieved by enalapril is sustained and alters the course of late cardiotoxicity",
            [("late cardiotoxicity", "late cardiac toxicity")],
        ),
        # legacy XML NCT00006247 (objectives): a dose-limiting toxicity takes no time qualifier
        (
            "II. Determine the acute and chronic dose-limiting toxicity of this regimen in these patients.",
            [("dose-limiting toxicity", "dose-limiting toxicity")],
        ),
        # ... nor does an efficacy endpoint
        ("Determine the early progression-free survival", [("progression-free survival", "progression-free survival")]),
    ],
)
def test_endpoints_a_time_qualifier_stays_in_a_toxicity_name(nlp: Language, text: str, expected: Found):
    assert endpoints(nlp(text)) == expected


@pytest.mark.parametrize(
    "measure, expected",
    [
        # gold2 DEV NCT00343863 (NLI4CT-style title): the antiemetic complete response counted
        ("Count of Patients Achieving a Complete Response", [("Complete Response", "complete response rate")]),
        # legacy XML NCT00003700, NCT00006455: the category as the title itself
        ("Complete Response, 6 months post treatment", [("Complete Response", "complete response rate")]),
        (
            "Complete remission achieved after treatment course B3 and lasting ≥ 4 weeks",
            [("Complete remission", "complete response rate")],
        ),
        # legacy XML NCT00006436: not again in the measure's description
        (
            "Percentage of Participants With Complete Response, Complete response was assessed by the Cheson "
            "Response Criteria.",
            [("Complete Response", "complete response rate")],
        ),
        # NLI4CT: listed with other categories, the title counts responders, not complete responses
        ("Number of Participants With Complete Response (CR) or Partial Response (PR)", []),
        ("Number of Participants With Complete Responses (CRs), Partial Responses (PRs,) Stable Disease", []),
        # legacy XML NCT00495079, NCT00496873
        ("Complete Remission Plus Complete Remission Without Full Platelet Recovery (CR + CRi)", []),
        ("Number of Participants With Complete Response (CR)/Complete Response Unconfirmed (CRu)", []),
        ("Number of Participants With Complete Response, Partial Response, or Stable Disease", []),
        # the category in a description (gold2 DEV NCT00777179)
        (
            "Disease of Response (DOR), Number of patients showing Complete Response, Partial Response or Stable "
            "Disease",
            [("DOR", "duration of response")],
        ),
    ],
)
def test_endpoints_a_response_category_counted_by_a_measure_title(nlp: Language, measure: str, expected: Found):
    assert endpoints(outcome_doc(nlp, measure)) == expected


@pytest.mark.parametrize(
    "measure, expected",
    [
        # gold2 DEV NCT02606708, dev3 gold NCT00499057: an event with its place names the measure that
        # counts it
        ("Number of Participants With Local Recurrence in Breast", [("Local Recurrence", "local recurrence")]),
        ("local relapses, 6 months", [("local relapses", "local recurrence")]),
        ("cancer related deaths, 6 months", [("cancer related deaths", "cancer-specific mortality")]),
        # dev3 gold NCT01448447: the side of the recurrence changes the endpoint
        ("Ipsilateral Recurrence Rate", [("Ipsilateral Recurrence Rate", "ipsilateral recurrence rate")]),
        # the rate of a local recurrence stays the rate
        ("Actuarial local recurrence rate", [("local recurrence rate", "local recurrence rate")]),
        # dev3 gold NCT03374995: a toxicity named as adverse skin reactions takes its time qualifier
        (
            "Incidence of Early Adverse Skin Reactions (EASRs)",
            [
                ("Early Adverse Skin Reactions", "early adverse skin reactions"),
                ("EASRs", "early adverse skin reactions"),
            ],
        ),
    ],
)
def test_endpoints_an_event_named_by_an_outcome_title(nlp: Language, measure: str, expected: Found):
    assert endpoints(outcome_doc(nlp, measure)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the same events outside an outcome title: a definition, a patient's event, background
        "Local recurrence is defined as either invasive or non-invasive breast cancer in the same breast",
        "Patients with local recurrence are eligible.",
        "Lung cancer is the leading cause of cancer-related deaths worldwide.",
    ],
)
def test_endpoints_an_event_outside_an_outcome_title_is_not_an_endpoint(nlp: Language, text: str):
    assert endpoints(nlp(text)) == []


def test_endpoints_a_response_category_outside_outcome_titles_is_not_an_endpoint(nlp: Language):
    # gold DEV NCT00408681 (outcome description)
    text = "Complete response (CR) of intestinal GVHD was defined as the resolution of all symptoms."
    assert endpoints(nlp(text)) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        # dev5 DEV NCT01581619: a grade before the organs a toxicity is named by is of each of them
        (
            "Grade 3 or 4 skin/subcutaneous or pulmonary toxicity.",
            [
                (
                    "Grade 3 or 4 skin/subcutaneous or pulmonary toxicity",
                    "grade 3-4 skin/subcutaneous or pulmonary toxicity",
                )
            ],
        ),
        (
            "Unit of Measure: Participants  Grade 3 or 4 Skin/ Subcutaneous toxicity: 0   0.0%",
            [("Grade 3 or 4 Skin/ Subcutaneous toxicity", "grade 3-4 skin/subcutaneous toxicity")],
        ),
        # unannotated legacy records
        ("grade 3+ rectal toxicity", [("grade 3+ rectal toxicity", "grade ≥3 rectal toxicity")]),
        (
            "Grade III or IV neurologic or hepatic toxicity",
            [("Grade III or IV neurologic or hepatic toxicity", "grade 3-4 neurologic or hepatic toxicity")],
        ),
        # ... not a grading scale's entry, and not across an endpoint of its own
        ("Grade 1 Mild toxicity", []),
        (
            "grade 3 or higher adverse events and pulmonary toxicity",
            [
                ("grade 3 or higher adverse events", "grade ≥3 adverse events"),
                ("pulmonary toxicity", "pulmonary toxicity"),
            ],
        ),
        # dev5 DEV NCT00009789, NCT00006035: long-term toxicity is late toxicity; a lesion's response
        (
            "Determine the short-term and long-term toxicity of this regimen in these patients.",
            [("long-term toxicity", "late toxicity")],
        ),
        (
            "IV. Compare the duration of lesion response with these treatments in these patients.",
            [("duration of lesion response", "duration of response")],
        ),
        # ... the maximum tolerated course of a radiotherapy is its MTD
        (
            "Determine the maximum tolerated course of accelerated 3-dimensional conformal radiotherapy",
            [("maximum tolerated course", "maximum tolerated dose")],
        ),
        # a dose relative to another protocol's MTD is a dose level (dev5 DEV NCT00002537)
        ("IV continuously on days 1-21 at 1 dose level preceding the MTD as determined by the ongoing Protocol", []),
        # the name of a grading system is no endpoint (gold dev 001)
        ("the long-term side effects were evaluated by RTOG long-term toxicity evaluation criteria.", []),
        ("Toxicity was scored by the RTOG acute toxicity scale.", []),
    ],
)
def test_endpoints_of_dev5_causes(nlp: Language, text: str, expected: Found):
    assert endpoints(nlp(text)) == expected
