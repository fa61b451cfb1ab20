"""Sentences and CRITERION spans: splitting eligibility text, headings, ``negated`` and ``requires``."""

import gzip
import json
from pathlib import Path

import pytest
from conftest import API_V2_SAMPLE, corpus_path

import trialspacy
from trialspacy.components import criteria as _criteria  # noqa: F401  (registers the factory)
from trialspacy.components import sentences as _sentences  # noqa: F401  (registers the factory)
from trialspacy.components.criteria import criterion_negated, find_criteria, requires, split_criteria
from trialspacy.components.sentences import logical_lines, sentence_starts
from trialspacy.layout import eligibility_sections, parse_layout
from trialspacy.legacy_xml import render_legacy_xml
from trialspacy.spans import CRITERION, label_spans, span_attrs
from trialspacy.tokenizer import blank

SEED_004 = "004_2e83ad285140be70"


@pytest.fixture(scope="module")
def criteria_nlp():
    return trialspacy.build(["trialspacy_layout", "trialspacy_sentences", "trialspacy_criteria"])


def criteria_by_section(text: str) -> dict[str, list[str]]:
    """Criterion texts of each inclusion/exclusion section found by the layout's headings."""
    found: dict[str, list[str]] = {}
    for section in eligibility_sections(text):
        if section["name"] in ("inclusion", "exclusion"):
            found.setdefault(section["name"], []).extend(
                text[s:e] for s, e in split_criteria(text, section["start"], section["end"])
            )
    return found


# --- sentences --------------------------------------------------------------------------------


def sentences_of(text: str) -> list[str]:
    nlp = blank()
    nlp.add_pipe("trialspacy_sentences")
    return [s.text.strip() for s in nlp(text).sents]


@pytest.mark.parametrize(
    "text,expected",
    [
        # bullets and lines
        (
            "- ECOG level 0-2.\n- Expected life>3 months.",
            ["- ECOG level 0-2.", "- Expected life>3 months."],
        ),
        # sentence-final punctuation followed by a capital
        (
            "Thirty participants will be enrolled in this study. The primary objective is safety.",
            ["Thirty participants will be enrolled in this study.", "The primary objective is safety."],
        ),
        # not after abbreviations, initials or inside parentheses
        (
            "Other malignancy (e.g. Basal cell carcinoma of the skin. Treated) vs. Dr. Smith's list.",
            ["Other malignancy (e.g. Basal cell carcinoma of the skin. Treated) vs. Dr. Smith's list."],
        ),
        # decimals are not sentence ends
        ("Creatinine < 1.5 mg/dL. ANC > 1.5 x 10^9/L", ["Creatinine < 1.5 mg/dL.", "ANC > 1.5 x 10^9/L"]),
        # ";" does not end a sentence
        (
            "Hepatic function: Bilirubin =< 2 mg%; SGOT or SGPT =< 2.5 x institutional normal",
            ["Hepatic function: Bilirubin =< 2 mg%; SGOT or SGPT =< 2.5 x institutional normal"],
        ),
        # "~" as the AACT line separator, but not in a range
        (
            "Inclusion Criteria:~Be 18 years of age;~ECOG PS score: 0~1",
            ["Inclusion Criteria:", "~Be 18 years of age;", "~ECOG PS score: 0~1"],
        ),
    ],
)
def test_sentences_split_trial_text(text: str, expected: list[str]) -> None:
    got = sentences_of(text)
    # The "~" separator token ends up at the start or end of a sentence; compare without it.
    assert [s.strip("~") for s in got] == [s.strip("~") for s in expected]


def test_sentences_keep_a_wrapped_bullet_of_hint_text_together() -> None:
    text = (
        "\n        Inclusion Criteria:\n\n"
        "          -  Localized cancer that is potentially curable by surgery (T2, N1-2, M0 or T3-4, any N,\n"
        "             M0)\n\n"
        "          -  No prior history of cancer within the past 5 years except for basal cell carcinoma of\n"
        "             the skin or in situ carcinoma of the cervix\n\n"
        "          -  No prior radiation therapy, except for skin cancer\n"
    )
    got = sentences_of(text)
    assert len(got) == 4
    assert got[2].startswith("-  No prior history of cancer") and got[2].endswith("carcinoma of the cervix")


def test_sentences_set_every_token() -> None:
    nlp = blank()
    nlp.add_pipe("trialspacy_sentences")
    doc = nlp("\n\n  No steroid therapy required.\n  Age 18 and over. Seronegative for HIV.")
    assert doc.has_annotation("SENT_START")
    assert all(t.is_sent_start is not None for t in doc)
    assert [s.text.strip() for s in doc.sents] == [
        "No steroid therapy required.",
        "Age 18 and over.",
        "Seronegative for HIV.",
    ]


def test_sentence_starts_is_a_pure_function_of_the_text() -> None:
    text = "Overview\nThe trial. It has two arms (A vs. B). Eligibility"
    assert [text[i : i + 5] for i in sentence_starts(text)] == ["Overv", "The t", "It ha", "Eligi"]


def test_logical_lines_join_markdown_indented_paragraphs_to_their_bullet() -> None:
    text = (
        "9. Patients must meet the following organ function criteria:\n\n"
        "     Absolute neutrophil count (ANC) ≥1.5 × 10⁹/L. Platelet count ≥75 × 10⁹/L.\n"
        "10. Male patients with reproductive potential must use contraception."
    )
    units = logical_lines(text)
    assert [text[u.content_start : u.end][:20] for u in units] == ["Patients must meet t", "Male patients with r"]


# --- splitting criteria --------------------------------------------------------------------------


def test_criteria_split_seed_004_into_11_inclusion_and_13_exclusion(criteria_nlp, seed_texts) -> None:
    doc = criteria_nlp(seed_texts[SEED_004])
    spans = label_spans(doc, CRITERION)
    by_section = {
        name: [s.text for s in spans if s._.trialspacy_section == name] for name in ("inclusion", "exclusion")
    }
    assert len(by_section["inclusion"]) == 11
    assert len(by_section["exclusion"]) == 13
    assert by_section["inclusion"][0] == "Age ≥18 years, ≤70 years, regardless of gender."
    assert by_section["inclusion"][2] == "Expected life>3 months."
    assert by_section["inclusion"][7] == "The site planned for radiation was not irradiated."
    assert by_section["exclusion"][0] == "Patients with contraindications to radiation therapy and immunotherapy."
    assert by_section["exclusion"][-1] == (
        "Patients who have received antibiotics, antifungal drugs, antiviral, antiparasitic drugs, "
        "or probiotics within 4 weeks."
    )
    # headings are not criteria, and no criterion keeps its bullet
    assert not any(
        s.startswith(("-", "Inclusion", "Exclusion")) for s in by_section["inclusion"] + by_section["exclusion"]
    )


def test_criteria_of_api_v2_markdown_with_numbered_items_and_sub_bullets() -> None:
    study = next(
        s
        for s in map(json.loads, API_V2_SAMPLE.read_text(encoding="utf-8").splitlines())
        if s["protocolSection"]["identificationModule"]["nctId"] == "NCT06029816"
    )
    found = criteria_by_section(study["protocolSection"]["eligibilityModule"]["eligibilityCriteria"])
    # 12 numbered items, of which item 10 is a heading ("...criteria:") over 8 sub-bullets
    assert len(found["inclusion"]) == 11 + 8
    assert found["inclusion"][0] == "Age ≥ 18 years;"
    assert (
        "Bone marrow reserve or organ function needs to meet the following laboratory value criteria:"
        not in found["inclusion"]
    )
    assert found["inclusion"][9] == "Absolute neutrophil count (ANC) ≥ 1.5 × 109/L"
    assert (
        found["inclusion"][-1]
        == "Patients voluntarily participate in this study, sign the informed consent form, and have good compliance."
    )
    assert len(found["exclusion"]) == 14
    assert found["exclusion"][8] == "Echocardiography: score (LVEF) ≤ 50%;"


@pytest.mark.parametrize(
    "text,expected",
    [
        # a line ending in ":" that introduces the lines below it is a heading
        (
            "Inclusion Criteria:\n\nPatients must meet the following criteria for study entry:\n\n"
            "1. Age ≥ 18 years.\n2. Signed informed consent.",
            ["Age ≥ 18 years.", "Signed informed consent."],
        ),
        (
            "Key Inclusion Criteria:\n\n* For NSCLC cohort only:\n  * EGFR mutation\n* ECOG 0-1",
            ["EGFR mutation", "ECOG 0-1"],
        ),
        # ... but a criterion when nothing follows it
        ("Exclusion Criteria:\n\n* Treatment with any of the following:", ["Treatment with any of the following:"]),
        # markdown escapes of the registry, and empty placeholders
        (
            "Exclusion Criteria:\n\n\\-\n8\\. Previous allogeneic bone marrow transplant.\n* None",
            ["Previous allogeneic bone marrow transplant."],
        ),
    ],
)
def test_criteria_skip_headings_and_placeholders(text: str, expected: list[str]) -> None:
    found = criteria_by_section(text)
    assert [c for values in found.values() for c in values] == expected


def test_criteria_without_inclusion_heading_are_inclusion(criteria_nlp) -> None:
    doc = criteria_nlp("Eligibility\nHistologically confirmed NSCLC.\nNo prior chemotherapy.")
    assert [(s.text, s._.trialspacy_section) for s in label_spans(doc, CRITERION)] == [
        ("Histologically confirmed NSCLC.", "inclusion"),
        ("No prior chemotherapy.", "inclusion"),
    ]


@pytest.mark.corpora
def test_criteria_of_aact_tilde_separated_rows() -> None:
    path = corpus_path("ctgov_samples", "ctrialsgov_cancer_studies.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        row = next(r for r in map(json.loads, handle) if r["nct_id"] == "NCT05257395")
    found = criteria_by_section(row["criteria"])
    assert (len(found["inclusion"]), len(found["exclusion"])) == (11, 19)
    assert found["inclusion"][1] == "Patient is in the menopausal state"
    assert (
        found["inclusion"][4]
        == "No prior systemic anticancer therapy for locally advanced, recurrent, or metastatic disease;"
    )
    assert all("~" not in c for c in found["inclusion"] + found["exclusion"])


@pytest.mark.corpora
def test_criteria_of_nli4ct_indented_lines() -> None:
    path = corpus_path("nli4ct_breast_ctr", "ctr_sections.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        reports = {r["Clinical Trial ID"]: r for r in map(json.loads, handle)}
    found = criteria_by_section("\n".join(reports["NCT00001832"]["Eligibility"]))
    assert len(found["inclusion"]) == 19
    assert "No steroid therapy required." in found["inclusion"]
    assert "Seronegative for hepatitis B antigen." in found["inclusion"]
    # "Patients will begin IL-2/GM-CSF therapy if they meet the following criteria post-transplant:"
    found = criteria_by_section("\n".join(reports["NCT00003199"]["Eligibility"]))
    assert not any(c.endswith("post-transplant:") for c in found["inclusion"])
    assert found["inclusion"][8] == "Can start therapy 30 to 100 days after transplant"
    assert found["exclusion"][-1] == "If the patient does not wish to receive the therapy"


@pytest.mark.corpora
def test_criteria_of_hint_xml_era_text() -> None:
    path = corpus_path("hint_criteria", "hint_trials_criteria.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        trials = {r["nctid"]: r for r in map(json.loads, handle) if r["nctid"] in ("NCT00000378", "NCT00003298")}
    # lone "-" lines, a heading "Patients must have:", a wrapped plain paragraph
    found = criteria_by_section(trials["NCT00000378"]["criteria"])
    assert found == {
        "inclusion": [
            "Unipolar major depression (per Diagnostic and Statistical Manuel-IV criteria) with or\n        without melancholia."
        ],
        "exclusion": ["Psychotic or atypical subtype of unipolar major depression."],
    }
    # wrapped bullets are one criterion each, sub-bullets their own
    found = criteria_by_section(trials["NCT00003298"]["criteria"])
    assert (len(found["inclusion"]), len(found["exclusion"])) == (21, 4)
    assert found["inclusion"][11] == (
        "No prior history of cancer within the past 5 years except for basal cell carcinoma of\n"
        "             the skin or in situ carcinoma of the cervix"
    )
    assert found["inclusion"][14] == "Met criteria for re-registration after surgery"
    assert found["inclusion"][15] == "T1N1-2M0, T2N1-2M0 or T3-4NanyM0 at time of initial re-registration."


# --- negated and requires ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "No steroid therapy required.",
        "without activated EGFR mutation",
        "Women of child-bearing potential must have a negative pregnancy test because of the potentially dangerous effects of the preparative chemotherapy on the fetus.",
        "Patients who have not recovered from adverse events due to prior therapy",
        "Unable to swallow tablets",
        "Non-frail patients",
        "Patients who cannot tolerate radiation therapy.",
        "The site planned for radiation was not irradiated.",
        "Must have not received any cancer treatment for at least 2 weeks.",
        "Seronegative for hepatitis B antigen.",
        "Non-pregnant, non-lactating women",
        "Participant has no history of a prior malignancy with the exception of cervical intraepithelial neoplasia",
        "The adverse reactions from prior treatment have not yet recovered to a CTCAE5.0 rating of ≤ 1 (excluding toxicity that has been determined to be risk-free, such as fatigue or hair loss).",
        "Chemotherapy-naive patients",
        "absence of informed consent",
        # a prefixed negative of the main predicate, a non-word describing the person
        "Incomplete clinical follow-up data",
        "Failure to sign informed consent to participate in the research program",
        "Non-frail patients according to Comprehensive Geriatric Assessment",
        "Non-English-speaking",
        # a short criterion that is a concept found negative
        "HIV negative",
        "Pathologic lymph node negative",
        "Hepatitis B surface antigen negative",
        # dev4 DEV NCT04868162, NCT03167359 and HINT criteria: a test's negative result written after it,
        # with its window; a non-word describing the person's race
        "Serum or urine pregnancy test negative within 7 days before the first dose of investigational drug.",
        "Test negative for pregnancy at screening and randomization",
        "Non-Caucasian Race",
        # dev5 DEV and unannotated AACT/legacy text: "untreated with" as the patient's predicate;
        # "naïve" with its "ï" dropped (AACT); two person nouns joined before "who"; the judgment a
        # criterion bases itself on is not its predicate
        "Previously untreated with any systemic anti-cancer therapy for their locoregionally recurrent or metastatic ER+ disease.",
        "Patients must be previously untreated with chemotherapy.",
        "Nave to KRAS G12C inhibitor therapy",
        "Treatment-nave for palliative intent systemic therapy for locally advanced or metastatic disease",
        "Men and women who are unwilling to use appropriate contraceptive methods throughout the study period",
        "Subjects that based on surgeon's discretion cannot be effectively reconstructed with the use of ADM product",
    ],
)
def test_criterion_negated_when_it_asserts_absence_or_inability(text: str) -> None:
    assert criterion_negated(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "Serious non-healing wound",
        "No more than 2 prior chemotherapy regimens",
        "Creatinine no greater than 1.5 mg/dL",
        "Non-small cell lung cancer, stage IIIB or IV",
        "Patients with metastatic solid tumors (of any histology) without standard therapy options, who have previously received immunotherapy",
        "Patients with stage III NSCLC who are not suitable for surgery at a multidisciplinary discussion or investigators' assessment.",
        "Histologically or cytologically documented locally advanced or metastatic NSCLC not amenable to curative surgery or radiation.",
        "HER2-negative breast cancer",
        "Progesterone receptor positive or negative",
        "Triple negative",
        "Patients with contraindications to radiation therapy and immunotherapy.",
        "Any psychological, family, social or geographical conditions may hinder compliance with the research protocol.",
        # a test with either result, or a negative test asked for with contraception (mixed)
        "Pregnancy test positive or negative",
        "Women of childbearing potential: pregnancy test negative and must agree to use contraception",
        # dev5 DEV, AACT: a disease not (well) controlled is the disease's quality, as "Uncontrolled
        # hypertension"; "Untreated" before the disease qualifies it
        "Cavity effusion (pleural effusion, ascites, pericardial effusion, etc.) are not well controlled.",
        "Not controlled active infection",
        "Untreated brain metastases which are asymptomatic",
        # a note on the text itself, the closing line of many ClinicalTrials.gov records' criteria
        "The above information is not intended to contain all considerations relevant to a patient's potential "
        "participation in a clinical trial.",
        "The above information was not intended to contain all considerations relevant to a patient's potential "
        "participation in a clinical trial.",
    ],
)
def test_criterion_not_negated_when_negation_only_qualifies(text: str) -> None:
    assert criterion_negated(text) is False


@pytest.mark.parametrize(
    "section,text,negated,expected",
    [
        ("inclusion", "Patients have complete clinical and pathological information.", False, "present"),
        ("inclusion", "The site planned for radiation was not irradiated.", True, "absent"),
        ("exclusion", "Accompanied by severe infections.", False, "absent"),
        # double negative: an exclusion that says "not"
        ("exclusion", "Patients who cannot tolerate radiation therapy.", True, "present"),
        ("exclusion", "Patients who are pregnant or planning to.", False, "absent"),
    ],
)
def test_requires_combines_section_and_negation(section: str, text: str, negated: bool, expected: str) -> None:
    heading = "Inclusion Criteria:" if section == "inclusion" else "Exclusion Criteria:"
    document = f"{heading}\n- {text}"
    ((start, end, attrs),) = find_criteria(document, [{"name": section, "start": 0, "end": len(document)}])
    assert document[start:end] == text
    assert attrs == {"section": section, "negated": negated, "requires": expected}
    assert requires(section, negated) == expected


def test_criterion_spans_carry_contract_attributes(criteria_nlp, seed_texts) -> None:
    doc = criteria_nlp(seed_texts[SEED_004])
    attrs: dict[str, tuple[bool, str]] = {
        s.text: (span_attrs(s)["negated"], span_attrs(s)["requires"]) for s in label_spans(doc, CRITERION)
    }
    assert attrs["The site planned for radiation was not irradiated."] == (True, "absent")
    assert attrs["ECOG level 0-2."] == (False, "present")
    assert attrs["Substance/alcohol abuse."] == (False, "absent")
    assert set(span_attrs(label_spans(doc, CRITERION)[0])) == {"negated", "section", "requires"}


# --- PDQ-style legacy records (ClinicalTrials.gov XML, 1999-2007) ------------------------------


def legacy_criteria(name: str) -> list[tuple[str, bool]]:
    """(text, negated) of every CRITERION of a bundled legacy XML record."""
    record = render_legacy_xml((Path(__file__).parent / "data" / "legacy_xml" / f"{name}.xml").read_bytes(), name)
    sections = record.sections if record.sections is not None else parse_layout(record.text).sections
    return [(record.text[s:e], attrs["negated"]) for s, e, attrs in find_criteria(record.text, sections)]


def test_legacy_placeholders_are_not_criteria() -> None:
    # "See Disease Characteristics" points elsewhere; a run-on line of sub-headings that are all
    # "Not specified" or "See ..." states nothing.
    found = dict(legacy_criteria("NCT00003832"))
    assert "See Disease Characteristics" not in found
    assert found["No prior chemotherapy"] is True
    texts = [text for text, _ in legacy_criteria("NCT00006344")]
    assert len(texts) == 2
    assert not any(text.startswith("Biologic therapy: Not specified") for text in texts)


PDQ_SUB_HEADINGS = """PROTOCOL ENTRY CRITERIA:

--Disease Characteristics--

  -  Low bone mass (T score less than -2.0) with no secondary cause on routine exam

  -  Premenopausal

OR

  -  Perimenopausal

--Prior/Concurrent Therapy--

  -  Chemotherapy: No prior or concurrent chemotherapeutic agents

PRIOR CONCURRENT THERAPY:

Biologic therapy

  -  Not specified

Chemotherapy

  -  See Disease Characteristics

  -  No concurrent chemotherapy during whole brain radiotherapy

Other:

  -  Please contact site for information.

  -  No other concurrent malignancy
"""


def test_pdq_sub_headings_connectives_and_placeholders_are_skipped() -> None:
    # Excerpts of NCT00005101 and NCT00002899: dashed group headings, the "OR" between two cohorts,
    # sub-headings without a colon above their bullets, and placeholder bullets.
    spans = split_criteria(PDQ_SUB_HEADINGS, 0, len(PDQ_SUB_HEADINGS))
    assert [PDQ_SUB_HEADINGS[s:e] for s, e in spans] == [
        "Low bone mass (T score less than -2.0) with no secondary cause on routine exam",
        "Premenopausal",
        "Perimenopausal",
        "Chemotherapy: No prior or concurrent chemotherapeutic agents",
        "No concurrent chemotherapy during whole brain radiotherapy",
        "No other concurrent malignancy",
    ]


@pytest.mark.parametrize(
    "text,negated",
    [
        # the sub-heading is not the criterion's main concept
        ("Hepatic: No structural defect of liver", True),
        ("Hematopoietic: No significant history of hematologic disease", True),
        ("Other: Not pregnant; No significant history of peptic ulcer disease", True),
        ("Age: 18 and over", False),
        ("No hypotension: basal sitting systolic arterial pressure less than 100 mm Hg", True),
        # a run-on line is negated when every item that states something is
        (
            "Biologic therapy: Not specified Chemotherapy: No prior chemotherapy Endocrine therapy: Not specified "
            "Radiotherapy: No prior radiotherapy to head and neck region Surgery: See Disease Characteristics",
            True,
        ),
        (
            "Age: Not specified Performance status: Karnofsky 50-100% Life expectancy: Not specified "
            "Other: Not pregnant or nursing",
            False,
        ),
        # a condition opened by "as long as" does not negate the criterion
        (
            "Endocrine therapy: Anabolic steroids allowed as long as dose has not been changed in at least 30 days",
            False,
        ),
    ],
)
def test_pdq_sub_headed_items_negation(text: str, negated: bool) -> None:
    assert criterion_negated(text) is negated


@pytest.mark.parametrize(
    "text,inclusion,exclusion",
    [
        # stating the exclusion negates an inclusion criterion and restates an exclusion heading
        ("Patients with history of allergic reaction to murine proteins will be excluded.", True, False),
        ("Patients may not be entered for at least 2 weeks after acute infection.", True, False),
        ("Menstruating female patients are excluded.", True, False),
        ("Patient who have developed a heart block will be excluded from group 2.", True, False),
        # under an exclusion heading the rest of the clause decides
        ("Patients unable to cooperate with aerosol administration are excluded.", True, True),
        # in a relative clause, or followed by the next item of a run-on line, it is not the main verb
        ("Patients with NHL who are not eligible for autologous transplantation", False, False),
        (
            "Histologically confirmed adenocarcinoma of the breast Patients with bone sites only are not eligible "
            "Hormone receptor status: Not specified",
            False,
            False,
        ),
    ],
)
def test_exclusion_phrasing_depends_on_section(text: str, inclusion: bool, exclusion: bool) -> None:
    assert criterion_negated(text, "inclusion") is inclusion
    assert criterion_negated(text, "exclusion") is exclusion


# --- causes seen on the second gold DEV set ------------------------------------------------------


@pytest.mark.parametrize(
    "text,section",
    [
        # a prefixed negative of a quality criteria ask for (adequate function, measurable disease,
        # resolved toxicity): gold2 DEV NCT05286957, NCT03453307, NCT05283720; NLI4CT NCT00934856
        ("Insufficient bone marrow reserve or organ function.", "exclusion"),
        (
            "Unmeasurable locally advanced (incurable) or metastatic lesion(s), according to RECIST 1.1 criteria;",
            "exclusion",
        ),
        (
            "Unresolved toxicities from prior anticancer therapy, defined as having not resolved to Common "
            "Terminology Criteria for Adverse Events (CTCAE, v 5.0), Grade 1, with the exception of alopecia.",
            "exclusion",
        ),
        ("Inadequate bone marrow, liver or renal function", "exclusion"),
        ("Patients who are unevaluable for both bone and soft tissue progression", "exclusion"),  # AACT NCT05171816
        # the investigator's judgment: anywhere in the clause, or set off by commas
        (
            "With unlisted exclusion criteria but are considered not suitable for the clinical study by researchers.",
            "exclusion",
        ),
        ("Other circumstances deemed inappropriate by the investigator.", "exclusion"),  # NSCLC API v2 NCT05005468
        (
            "Patients who, in the judgment of the investigator, may not comply with the procedures and requirements "
            "of the study.",
            "exclusion",
        ),
        # the person described before the predicate
        (
            "Patients who are of child-bearing potential who do not agree to use birth control in accordance with "
            "institution's standard of care.",
            "exclusion",
        ),
        ("Women who are pre-menopausal must have a negative serum pregnancy test", "inclusion"),
        (
            "Male and Female participants: Lack of agreement to use highly effective method of contraception "
            "during treatment and for 6 months after the last administration of chemotherapy",
            "exclusion",
        ),
        # full-width punctuation of records registered from China (gold2 DEV NCT06496009)
        ("PD-L1 negative；", "inclusion"),
    ],
)
def test_criterion_negated_by_gold2_causes(text: str, section: str) -> None:
    assert criterion_negated(text, section) is True


@pytest.mark.parametrize(
    "text,section",
    [
        # a refusal that happened is an event (gold2 DEV NCT06496009)
        ("The patient refused to join this study and declined follow-up.", "exclusion"),
        # a negative test asked for with contraception the patient must use: a mixed criterion
        (
            "Female subjects of childbearing potential must have a negative serum pregnancy test prior to the first "
            "dose. If a female subject of childbearing potential must use acceptable effective methods of "
            "contraception from screening and must agree to continue these precautions until 120 days after the "
            "last dose of study drug.",
            "inclusion",
        ),
        (
            "Women of child-bearing potential must have negative pregnancy test and must agree to use adequate "
            "contraception (hormonal or barrier method of birth control or abstinence)",  # NLI4CT NCT00404066
            "inclusion",
        ),
        # AACT NCT04929223: behind the label of whom it concerns
        (
            "For women of childbearing potential: Must have a negative serum pregnancy test result within 14 days "
            "prior to initiation of study treatment and agreement to remain abstinent",
            "inclusion",
        ),
        # negatives that qualify a disease, and the judgment in a relative clause
        ("Uncontrolled hypertension, hypertensive crisis or hypertensive encephalopathy;", "exclusion"),
        ("Untreated symptomatic central nervous system (CNS) metastases", "exclusion"),
        (
            "Any patient for whom the tumor is considered resectable by surgery or stereotactic body radiation "
            "therapy/stereotactic ablative radiotherapy should be considered ineligible",  # AACT NCT04952597
            "exclusion",
        ),
        # legacy XML NCT00001507: "will be considered ineligible" restates the exclusion heading
        ("Any female patient known or found to be pregnant will be considered ineligible.", "exclusion"),
        # legacy XML NCT00003563: the judgment in a condition
        (
            "Solitary metastasis eligible only if refused surgery or surgical resection deemed inappropriate",
            "inclusion",
        ),
    ],
)
def test_criterion_not_negated_by_gold2_causes(text: str, section: str) -> None:
    assert criterion_negated(text, section) is False


def test_lines_naming_only_cohorts_parts_or_arms_are_sub_headings() -> None:
    # gold2 DEV NCT04854499 (AACT "~" rows); AACT NCT04895410 and NCT04795713
    text = (
        "Key Inclusion Criteria:~Histologically confirmed HNSCC~Safety Run-in Cohort 1 and Phase 2 Cohorts 1~"
        "Should not have had prior systemic therapy~Safety Run-in Cohort 2 and Phase 2 Cohort 3~"
        "At least 1 and no more than 2 lines of prior systemic anticancer therapy~Key Exclusion Criteria:~"
        "Safety Run-in Cohort 1, Pre-expansion Safety Run-in Cohort for Magrolimab + Pembrolizumab (if Applicable), "
        "and Phase 2 Cohorts 1 and 2~Prior treatment with a taxane~Arm B - Lemzoparlimab + Pomalidomide-"
        "Dexamethasone~Prior treatment with pomalidomide~Parts A and B~Patients in Cohort 2 must have an EGFR mutation"
    )
    assert criteria_by_section(text) == {
        "inclusion": [
            "Histologically confirmed HNSCC",
            "Should not have had prior systemic therapy",
            "At least 1 and no more than 2 lines of prior systemic anticancer therapy",
        ],
        "exclusion": [
            "Prior treatment with a taxane",
            "Prior treatment with pomalidomide",
            "Patients in Cohort 2 must have an EGFR mutation",
        ],
    }


def test_a_line_opening_with_a_bracket_continues_an_unfinished_line() -> None:
    # gold2 DEV NCT01268150 (NLI4CT-style lines); NLI4CT NCT00825734, NCT00866905, NCT00119262, NCT00723125
    text = (
        "Inclusion Criteria\n"
        "Subjects with at least one measurable lesion according to Response Evaluation Criteria in Solid Tumors\n"
        "(RECIST) criteria v 1.1\n"
        "Unstable angina (anginal symptoms at rest) or new onset angina\n"
        "(i.e., began within the last 3 months).\n"
        "Peripheral neuropathy grade 1 by the Common Terminology Criteria for Adverse Events version 3.0\n"
        "(CTCAE v 3.0).\n"
        "Resection margins positive for lobular carcinoma in situ (LCIS) are eligible\n"
        "(ARM A ONLY) Interval between last surgery for breast cancer and randomization\n"
        "Hemoglobin > 9 gm/dl\n"
        "(FISH testing is required for all HER2 2-3+ tumors by IHC)"
    )
    assert criteria_by_section(text)["inclusion"] == [
        "Subjects with at least one measurable lesion according to Response Evaluation Criteria in Solid Tumors\n"
        "(RECIST) criteria v 1.1",
        "Unstable angina (anginal symptoms at rest) or new onset angina\n(i.e., began within the last 3 months).",
        "Peripheral neuropathy grade 1 by the Common Terminology Criteria for Adverse Events version 3.0\n"
        "(CTCAE v 3.0).",
        "Resection margins positive for lobular carcinoma in situ (LCIS) are eligible",
        "(ARM A ONLY) Interval between last surgery for breast cancer and randomization",
        "Hemoglobin > 9 gm/dl",
        "(FISH testing is required for all HER2 2-3+ tumors by IHC)",
    ]


# --- dev3 causes: list numbers of AACT rows, run-on items, criterion negation ---------------------


def test_bare_item_numbers_counting_up_are_markers_after_tilde() -> None:
    # dev3 DEV NCT05375461 (registered from China, AACT-style "~" rows with "1 ", "2 ", ... numbers)
    text = (
        "Inclusion Criteria:~1 The subjects voluntarily joined the study and signed the informed consent."
        "~2 Age: 18-75 years old;ECOG PS score: 0~1; Expected survival 3 months."
        "~3 participants with estrogen receptor-positive, HER2-Negative Advanced Breast Cancer."
        "~Biochemical tests should meet the following criteria: a) Total bilirubin 1.5 ULN"
        "~Exclusion Criteria:~1 Complicated diseases and medical history:~Cirrhosis, active hepatitis"
        "~2 Tumor-related symptoms and treatment:~Uncontrolled pleural effusion."
        "~3 Known to be allergic to fluvestone, TQB3616 or any excipient."
    )
    found = criteria_by_section(text)
    assert found["inclusion"] == [
        "The subjects voluntarily joined the study and signed the informed consent.",
        "Age: 18-75 years old;ECOG PS score: 0~1; Expected survival 3 months.",
        "participants with estrogen receptor-positive, HER2-Negative Advanced Breast Cancer.",
        "Biochemical tests should meet the following criteria: a) Total bilirubin 1.5 ULN",
    ]
    assert found["exclusion"] == [
        "Cirrhosis, active hepatitis",
        "Uncontrolled pleural effusion.",
        "Known to be allergic to fluvestone, TQB3616 or any excipient.",
    ]


def test_numbers_that_belong_to_the_text_stay_in_it() -> None:
    # a line opening with a number that does not count the items up from 1 is text, not a marker
    text = "Exclusion Criteria:~3 months since prior surgery~4 weeks since prior chemotherapy~1 year since radiotherapy"
    assert criteria_by_section(text)["exclusion"] == [
        "3 months since prior surgery",
        "4 weeks since prior chemotherapy",
        "1 year since radiotherapy",
    ]


def test_an_item_numbered_next_run_onto_the_line_before_is_its_own() -> None:
    # dev3 DEV NCT07134413
    text = (
        "Inclusion Criteria:\n\n"
        "6. Subjects must have adequately documented disease progression\n\n"
        "8. The most recent tumor tissue sample demonstrated PD-L1 TPS <1% 9. appropriate organ function\n"
        "10. Patients aged 18 to 75. 12. not an item: only the next number starts one\n"
    )
    assert criteria_by_section(text)["inclusion"] == [
        "Subjects must have adequately documented disease progression",
        "The most recent tumor tissue sample demonstrated PD-L1 TPS <1%",
        "appropriate organ function",
        "Patients aged 18 to 75. 12. not an item: only the next number starts one",
    ]


# dev4 DEV NCT04853498: items numbered without a space after the number, run onto one ``~`` line
GLUED_NUMBERS = (
    "Inclusion Criteria:~1. Histologically or cytologically confirmed prostate carcinoma. 2.Eastern "
    "Cooperative Oncology Group (ECOG) performance status score of 0 to 2; Life expectancy 12 weeks."
    "~3.Testosterone levels < 50 ng/dL. 4. Has received 1 previous regimens.~Exclusion Criteria:"
    "~-1.Has symptomatic brain metastases or control of symptoms < 1 month. 2.Has other malignancies "
    "within 3 years. 3.Total bilirubin > 1.5 x ULN per RECIST 1.1. 4. Abnormal renal function."
)
GLUED_ITEMS = {
    "inclusion": [
        "Histologically or cytologically confirmed prostate carcinoma.",
        "Eastern Cooperative Oncology Group (ECOG) performance status score of 0 to 2; Life expectancy 12 weeks.",
        "Testosterone levels < 50 ng/dL.",
        "Has received 1 previous regimens.",
    ],
    "exclusion": [
        "Has symptomatic brain metastases or control of symptoms < 1 month.",
        "Has other malignancies within 3 years.",
        "Total bilirubin > 1.5 x ULN per RECIST 1.1.",
        "Abnormal renal function.",
    ],
}


def test_an_item_number_glued_to_its_first_word_starts_an_item() -> None:
    # "2.Eastern" after the item before it, "-1.Has" after a dash; a decimal ("1.5 x ULN") or a
    # version ("RECIST 1.1.") starts none
    assert criteria_by_section(GLUED_NUMBERS) == GLUED_ITEMS


def test_an_item_number_glued_to_its_first_word_gives_a_criterion_span(criteria_nlp) -> None:
    # the tokenizer splits "3.Testosterone", so the criterion can start at the word
    doc = criteria_nlp(GLUED_NUMBERS)
    found = [s.text for s in label_spans(doc, CRITERION)]
    assert found == GLUED_ITEMS["inclusion"] + GLUED_ITEMS["exclusion"]


def test_a_negated_heading_negates_the_items_indented_under_it() -> None:
    # dev3 DEV NCT00004226 (PDQ legacy record): the heading's "No" governs its sub-item
    text = (
        "Inclusion Criteria:\n\n"
        "  -  No grade 3 or 4 toxicity for the following organ tissues:\n\n"
        "       -  RTOG grade 3 or 4 skin, subcutaneous tissue, larynx, joint, or bone from prior radiotherapy\n\n"
        "  -  Histologically confirmed squamous cell carcinoma of one of the following:\n\n"
        "       -  Oral cavity\n\n"
        "  -  Radiotherapy must begin within 6-12 weeks of surgery\n"
    )
    found = [
        (text[s:e], attrs["negated"])
        for s, e, attrs in find_criteria(text, [{"name": "inclusion", "start": 0, "end": len(text)}])
    ]
    assert found == [
        ("RTOG grade 3 or 4 skin, subcutaneous tissue, larynx, joint, or bone from prior radiotherapy", True),
        ("Oral cavity", False),
        ("Radiotherapy must begin within 6-12 weeks of surgery", False),
    ]


def test_a_negated_heading_after_a_pdq_sub_heading_negates_its_items() -> None:
    # dev5 DEV NCT00004382 (PDQ legacy record): "Other:" is the heading's label, its "No" governs the items
    text = (
        "Exclusion Criteria:\n\n"
        "Other: No other major congenital abnormality, i.e.:\n\n"
        "  -  Central nervous system\n\n"
        "  -  Chromosomal\n"
    )
    found = [
        (text[s:e], attrs["negated"])
        for s, e, attrs in find_criteria(text, [{"name": "exclusion", "start": 0, "end": len(text)}])
    ]
    assert found == [("Central nervous system", True), ("Chromosomal", True)]


@pytest.mark.parametrize(
    "heading",
    [
        # restating the exclusion, defining or showing the concept, or listing the exceptions
        "Patients will not be eligible for this study if they:",
        "Participants will not be entered in the study for any of the following reasons:",
        "Inadequate bone marrow or other organ function as evidenced by:",
        "Nonmeasurable disease includes any of the following:",
        "No concurrent hormonal therapy, except for the following:",
    ],
)
def test_headings_that_do_not_negate_their_items(heading: str) -> None:
    text = f"Exclusion Criteria:\n\n{heading}\n\n  -  Myocardial infarction\n"
    ((_, _, attrs),) = find_criteria(text, [{"name": "exclusion", "start": 0, "end": len(text)}])
    assert attrs["negated"] is False


@pytest.mark.parametrize(
    "text",
    [
        # a prefixed negative adjective that is the whole predicate (dev3 DEV NCT01217385)
        "Medically unstable;",
        "Hemodynamically unstable patient",
        "Individuals incompetent to provide consent (e.g. catatonic, psychotic).",
        # verbless, a prefixed negative of a quality asked for is the main predicate (dev2 DEV)
        "Unresolved toxicities from prior anticancer therapy, defined as having not resolved to CTCAE Grade 1",
        # the second predicate is negative too
        "Patients must have no surgical option or have refused surgery.",
        # a concept found undetectable, as one found negative (unannotated HINT text)
        "Undetectable plasma HIV-1 RNA at least 8 weeks prior to screening",
        "HBV DNA undetectable",
        # a sentence about the same concept is its detail, not another item
        "No brain metastases. Patients with brain metastases must have been treated and stable for 4 weeks.",
    ],
)
def test_criterion_negated_by_dev3_causes(text: str) -> None:
    assert criterion_negated(text, "exclusion") is True


@pytest.mark.parametrize(
    "text",
    [
        # after a verb of its own the prefixed negative only qualifies the object (dev3 DEV NCT06465238)
        "Has unresolved toxicities from previous anticancer therapy;",
        "Patient has unresolved diarrhea ≥ CTCAE grade 2",
        # a mixed criterion: a negated predicate and a positive one (dev3 DEV NCT02778893, NCT00000854)
        "A person who is not effectively controlled, has symptoms of brain metastases, or suffers from a mental disorder that is not easily controlled; has a severe mental or cognitive impairment.",
        "Are on a stable anti-HIV drug regimen or have not been on any anti-HIV drug regimen for the past 30 days.",
        "Unable to swallow capsules or has malabsorption syndrome",
        # a later sentence that requires another thing of the patient (dev3 DEV NCT00000748)
        "No active pneumocystosis. Patients or their guardians must sign informed consent. Pregnant patients are eligible at the clinician's discretion.",
        # ...whose person ("of child-bearing potential") shares no concept with the first (dev4 DEV NCT00836186)
        "Patients must not be pregnant due to the potential for fetal harm as a result of this treatment regimen. "
        "Women of child-bearing potential must use effective non hormonal contraception while undergoing radiation therapy",
        # "negative" in a relative clause of another concept (dev3 DEV NCT01313117)
        "LABC (stages IIB, IIIA, IIB) that are ER negative",
        # a run-on line's next item starts at a capitalised cue (dev3 DEV NCT00002674)
        "Philadelphia chromosome-positive chronic myeloid leukemia (CML) in chronic or accelerated phase Ineligible for allograft protocols or no available HLA-matched sibling marrow donor No patients under age 55",
        # a prefixed adjective before the noun it qualifies; "unlimited" states no limit
        "Unstable angina",
        "Prior therapies allowed: unlimited.",
    ],
)
def test_criterion_not_negated_by_dev3_causes(text: str) -> None:
    assert criterion_negated(text, "inclusion") is False


@pytest.mark.parametrize(
    "text,expected",
    [
        # item numbers made of the section's letter and a number (dev5 DEV NCT05133076)
        (
            "Inclusion Criteria:~I1. Age over 18 years (limit included),~I2. Diagnosed with OIC:~Fewer than "
            "three bowel movements per week.~I3. With chronic non-cancer pain~Exclusion Criteria:~E1. MSS/pMMR "
            "tumors.~E2. Metastatic disease (stage IV).",
            [
                "Age over 18 years (limit included),",
                "Fewer than three bowel movements per week.",
                "With chronic non-cancer pain",
                "MSS/pMMR tumors.",
                "Metastatic disease (stage IV).",
            ],
        ),
        # ...but not a name that ends a sentence of a wrapped line, without a run counting up from 1
        (
            "Inclusion Criteria:~Increased activity of phospholipase~A2. PET will be used.",
            ["Increased activity of phospholipase", "A2. PET will be used."],
        ),
        # a doubled dash as a bullet, glued or spaced, not a PDQ heading (dev5 DEV NCT05061420; AACT)
        (
            "Exclusion Criteria:~For participants in Cohorts A2, B2:~--Prior treatment with cetuximab.~"
            "--Electrolytes outside the normal ranges.~-- Must have an advanced solid tumor",
            [
                "Prior treatment with cetuximab.",
                "Electrolytes outside the normal ranges.",
                "Must have an advanced solid tumor",
            ],
        ),
        # a bullet lost before its space leaves ". " (dev5 DEV NCT04862663); the next row is its own
        (
            "Exclusion Criteria:~Any of the following cardiac criteria at screening:~. Uncontrolled hypotension~"
            ". HbA1c 8.0% (63.9 mmol/mol)~Previous allogeneic bone marrow transplant.",
            ["Uncontrolled hypotension", "HbA1c 8.0% (63.9 mmol/mol)", "Previous allogeneic bone marrow transplant."],
        ),
        # a line naming a group of criteria is a sub-heading without a colon (dev5 DEV NCT05132582)
        (
            "Exclusion Criteria:~Unable to undergo contrast MRI of the brain~CNS Exclusion - Based on screening "
            "brain MRI and clinical assessment~Symptomatic brain metastasis~General Medical Exclusions~"
            "Active infection",
            ["Unable to undergo contrast MRI of the brain", "Symptomatic brain metastasis", "Active infection"],
        ),
        # ...not a criterion about the criteria in lower case
        (
            "Exclusion Criteria:~Active infection~Other protocol-defined inclusion/exclusion criteria may apply",
            ["Active infection", "Other protocol-defined inclusion/exclusion criteria may apply"],
        ),
    ],
)
def test_criteria_item_markers_and_group_headings_of_dev5(text: str, expected: list[str]) -> None:
    found = criteria_by_section(text)
    assert [c for values in found.values() for c in values] == expected


def test_criterion_spans_start_after_a_glued_dash(criteria_nlp) -> None:
    # the dash glued to the word is its own token, so the span can start after it
    doc = criteria_nlp("Exclusion Criteria:~Cohort A:~--Prior treatment with cetuximab.~-Patients with HIV")
    assert [s.text for s in label_spans(doc, CRITERION)] == ["Prior treatment with cetuximab.", "Patients with HIV"]


@pytest.mark.corpora
def test_criteria_of_aact_rows_with_lettered_item_numbers() -> None:
    path = corpus_path("ctgov_samples", "ctrialsgov_tbl_join_sample_join.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        row = next(r for r in map(json.loads, handle) if r["nct_id"] == "NCT04795661")
    found = criteria_by_section(row["criteria"])
    assert found["exclusion"][:2] == ["MSS/pMMR tumors.", "Metastatic disease (stage IV)."]
    assert found["inclusion"][0] == "Age ≥ 18 years on the day of signing informed consent."
    assert not [c for c in found["inclusion"] + found["exclusion"] if c[:1] in "IE" and c[1:2].isdigit()]
