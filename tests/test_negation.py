"""Entity negation: both backends on real phrases, their agreement with the libraries, the rule
file, quietness, serialization, and the benchmark on CHIA/LCT."""

import gc
import importlib.util
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import spacy
from conftest import CORPORA, REPO
from spacy.tokens import Doc, Span
from thinc.api import ConfigValidationError

import trialspacy
from trialspacy._compat import import_medspacy
from trialspacy.components import criteria as _criteria  # noqa: F401  (registers the factory)
from trialspacy.components import negation as _negation  # noqa: F401  (registers the factory)
from trialspacy.components import sentences as _sentences  # noqa: F401  (registers the factory)
from trialspacy.components.negation import (
    BACKENDS,
    CLAUSE_ROLES,
    CLAUSES_FILE,
    MAX_WINDOW,
    NEGATED_CATEGORIES,
    NEGATED_EXISTENCE,
    NEGATED_LABELS,
    RULES_FILE,
    ContextBackend,
    NegexBackend,
    context_windows,
    make_backend,
    modifier_scope,
    prune_overlaps,
)
from trialspacy.lexicon import package_data
from trialspacy.spans import CRITERION, DRUG, TIMEFRAME, label_spans
from trialspacy.tokenizer import blank

PIPELINE = (
    "trialspacy_layout",
    "trialspacy_sentences",
    "trialspacy_abbreviations",
    "trialspacy_drugs",
    "trialspacy_timeframes",
    "trialspacy_criteria",
)
SEED_004 = "004_2e83ad285140be70"


@pytest.fixture(scope="module", params=BACKENDS)
def nlp(request):
    """The pipeline up to negation, then negation with one backend."""
    from trialspacy.components import timeframes as _timeframes  # noqa: F401

    pipeline = trialspacy.build(list(PIPELINE))
    pipeline.add_pipe("trialspacy_negation", config={"backend": request.param})
    return pipeline


def drug_negation(doc: Doc) -> list[tuple[str, bool]]:
    return [(s.text, s._.trialspacy_negated) for s in label_spans(doc, DRUG)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("No steroid therapy required.", [("steroid", True)]),
        ("Patients will not receive radiotherapy before starting CASODEX.", [("CASODEX", False)]),
        ("Prednisone dose not to exceed 10 mg of prednisone per day.", [("Prednisone", False), ("prednisone", False)]),
        ("Patients who have not received prior cisplatin.", [("cisplatin", True)]),
        ("No prior treatment with docetaxel or paclitaxel.", [("docetaxel", True), ("paclitaxel", True)]),
        ("Prior treatment with docetaxel is allowed.", [("docetaxel", False)]),
        ("Chemotherapy-naive patients; prior trastuzumab allowed.", [("trastuzumab", False)]),
    ],
)
def test_negation_of_drugs_in_trial_phrases(nlp, text: str, expected: list[tuple[str, bool]]) -> None:
    assert drug_negation(nlp(text)) == expected


def spans_negation(doc: Doc) -> list[tuple[str, bool]]:
    return [(s.text, s._.trialspacy_negated) for s in label_spans(doc) if s.label_ in NEGATED_LABELS]


# Contract v1.2: the scope of a cue ends at its clause, covers the list it governs, and an exception
# is not a negation. The sentences are the and the contract's, and real criteria from
# ClinicalTrials.gov records (legacy XML corpus) and CHIA/LCT DEV.
CLAUSE_CASES = [
    (
        "Patients with no prior docetaxel received cisplatin.",
        [("docetaxel", True), ("cisplatin", False)],
    ),
    ("No prior docetaxel; 60 Gy in 30 fractions.", [("docetaxel", True), ("60 Gy in 30 fractions", False)]),
    # The full-width semicolon of records registered from China (registry-text tokenizer).
    ("No prior docetaxel；60 Gy in 30 fractions.", [("docetaxel", True), ("60 Gy in 30 fractions", False)]),
    (
        "No prior docetaxel, patients must have received cisplatin.",
        [("docetaxel", True), ("cisplatin", False)],
    ),
    (
        "Not receiving anticoagulants, such as warfarin, heparin or rivaroxaban.",
        [("anticoagulants", True), ("warfarin", True), ("heparin", True), ("rivaroxaban", True)],
    ),
    (
        "No prior therapy with docetaxel (e.g., paclitaxel, pemetrexed, gemcitabine or vinorelbine).",
        [("docetaxel", True), ("paclitaxel", True), ("pemetrexed", True), ("gemcitabine", True), ("vinorelbine", True)],
    ),
    (
        "No prior treatment with docetaxel, pemetrexed or gemcitabine.",
        [("docetaxel", True), ("pemetrexed", True), ("gemcitabine", True)],
    ),
    ("Not currently receiving warfarin or heparin.", [("warfarin", True), ("heparin", True)]),
    ("No prior chemotherapy except cisplatin.", [("cisplatin", False)]),
    ("No concurrent chemotherapy other than cisplatin", [("cisplatin", False)]),
    ("No prior anticoagulation therapy (i.e., warfarin), except aspirin", [("warfarin", True), ("aspirin", False)]),
    ("No concurrent hormonal therapy with the exception of prednisone.", [("prednisone", False)]),
    ("Prednisone dose not to exceed 10 mg of prednisone per day.", [("Prednisone", False), ("prednisone", False)]),
    ("Concurrent use of warfarin is not permitted.", [("warfarin", True)]),
    ("Chronic systemic corticosteroid use is not permitted.", [("corticosteroid", True)]),
    ("Use of warfarin is prohibited.", [("warfarin", True)]),
    # a post-cue of giving: what was not done, not the other arm run into the same line
    ("Control group: FDG PET/CT imaging was not performed.", [("FDG", True)]),
    ("No active infection requiring antibiotics.", [("antibiotics", False)]),
    ("No prior hypersensitivity to any NSAID.", [("NSAID", False)]),
    ("Patients who have not received prior cisplatin.", [("cisplatin", True)]),
    ("Must not be taking warfarin.", [("warfarin", True)]),
    (
        "No prior docetaxel, paclitaxel or cisplatin were given.",
        [("docetaxel", True), ("paclitaxel", True), ("cisplatin", True)],
    ),
    ("No penicillin allergy.", [("penicillin", False)]),
    ("No prior toxicity of cisplatin.", [("cisplatin", False)]),
    ("Not able to take warfarin due to bleeding; heparin allowed.", [("warfarin", True), ("heparin", False)]),
    ("Willing to refrain from use of warfarin or aspirin.", [("warfarin", True), ("aspirin", True)]),
    (
        "There is a lack of data regarding the role of bevacizumab in elderly patients.",
        [("bevacizumab", False)],
    ),
    (
        "It is not yet known whether radiation therapy plus cisplatin is more effective than radiation therapy alone.",
        [("cisplatin", False)],
    ),
    ("No use of non-steroidal anti-inflammatory drugs.", [("non-steroidal anti-inflammatory drugs", True)]),
    # What a condition is (not) controlled by or responding to was given (HINT, CHIA DEV).
    ("Hypertension not controlled by amlodipine.", [("amlodipine", False)]),
    ("Perimenopausal bleeding not responding to progesterone.", [("progesterone", False)]),
    (
        "Hematological disease that results in anemia that may not respond to erythropoietin.",
        [("erythropoietin", False)],
    ),
    ("Patients should be free from corticosteroids for at least 4 weeks.", [("corticosteroids", True)]),
    # Exemptions and fixed phrases are not negations (HINT, CHIA/LCT DEV).
    (
        "This criterion does not apply to steroids and bisphosphonates.",
        [("steroids", False), ("bisphosphonates", False)],
    ),
    ("Chronic gastritis with/without aspirin use.", [("aspirin", False)]),
    (
        "Common treatments include but are not restricted to cisplatin, carboplatin or paclitaxel.",
        [("cisplatin", False), ("carboplatin", False), ("paclitaxel", False)],
    ),
    ("No more than 4 prior lines of anti leukemia therapy (not including ibrutinib).", [("ibrutinib", False)]),
    (
        "Adequately controlled blood pressure, and no anticipated changes in antihypertensive medications.",
        [("antihypertensive medications", False)],
    ),
    ("Participant on Coumadin and not willing to change to LMWH.", [("Coumadin", False), ("LMWH", True)]),
    ("Not treated by an antidepressant at the time of inclusion.", [("antidepressant", True)]),
    # A condition ends the scope: medspaCy's HYPOTHETICAL 'if' no longer hides our terminator (gold DEV).
    (
        "It is not clear whether elderly patients gain any survival benefit or not and if the addition of "
        "bevacizumab to standard chemotherapeutic regimens results in a significant increase in toxicity.",
        [("bevacizumab", False)],
    ),
    ("MRI of brain and orbits with and without gadolinium.", [("gadolinium", False)]),
    # An alternative is no negation: 'or not' with nothing negated after it, 'may or may not' (gold2 DEV);
    # 'or not yet recovered' keeps its cue.
    (
        "It is not clear whether elderly patients gain any survival benefit or not from platinum-based "
        "doublets and whether these chemotherapies are safe.",
        [("platinum", False)],
    ),
    ("Patients may or may not receive cisplatin as part of standard care.", [("cisplatin", False)]),
    (
        "Patients who have not received cisplatin or not received carboplatin.",
        [("cisplatin", True), ("carboplatin", True)],
    ),
    # Issue 15, round 5 (HINT). 'not yet' is one cue: 'yet' no longer ends its scope.
    (
        "Patients with HER-2 positive disease who have not yet received trastuzumab (Herceptin®) to maximal "
        "benefit are ineligible.",
        [("trastuzumab", True), ("Herceptin", True)],
    ),
    # What a disease has not responded to, or is not amenable to, was given or may be.
    ("The patient has not responded to treatment with clozapine.", [("clozapine", False)]),
    (
        "Patients must not be amenable to therapy with doxorubicin/anthracycline.",
        [("doxorubicin", False), ("anthracycline", False)],
    ),
    # The population a negated statement is about has what follows.
    (
        "A waiting period prior to enrollment is not required for patients receiving standard cytotoxic "
        "maintenance chemotherapy (i.e. corticosteroids).",
        [("corticosteroids", False)],
    ),
    # A patient who is off a drug does not take it.
    (
        "Patients must be off anti-androgens such as flutamide (Eulexin) or nilutamide (Nilandron) for at least "
        "four weeks.",
        [("anti-androgens", True), ("flutamide", True), ("Eulexin", True), ("nilutamide", True), ("Nilandron", True)],
    ),
    # "naïve" as AACT-style records hold it, its "ï" dropped (dev5, AACT).
    ("Participants with HNSCC who are cetuximab-nave.", [("cetuximab", True)]),
    ("Patients nave to pembrolizumab.", [("pembrolizumab", True)]),
    # The anchor a time is counted from, or a treatment is given with, is not negated (dev5, HINT,
    # legacy records).
    (
        "Without evidence of progression since starting first-line therapy with trastuzumab, pertuzumab, and "
        "docetaxel.",
        [("trastuzumab", False), ("pertuzumab", False), ("docetaxel", False)],
    ),
    (
        "With no progressive disease for at least 4 months from completion of prior cetuximab therapy.",
        [("cetuximab", False)],
    ),
    ("Did not relapse within 60 days from discontinuation of carfilzomib.", [("carfilzomib", False)]),
    ("Patient cannot receive whole brain irradiation concurrently with Xeloda treatment.", [("Xeloda", False)]),
    ("No filgrastim concurrent with paclitaxel.", [("filgrastim", True), ("paclitaxel", False)]),
    # A sensitivity is an allergy word: the reaction is absent, not the drug (dev5, dev3).
    ("No known sensitivity to lidocaine.", [("lidocaine", False)]),
    # What a patient will not stop goes on (dev5, dev4, CHIA DEV); a stopping the cue does not
    # govern directly says nothing of it.
    ("Unwilling to withdraw probiotic supplements.", [("probiotic supplements", False)]),
    ("Unable or unwilling to discontinue anxiolytics within 4 hours.", [("anxiolytics", False)]),
    ("Subjects who can not stop treatment with topical steroids.", [("steroids", False)]),
    ("No prior cisplatin or stopped paclitaxel.", [("cisplatin", True), ("paclitaxel", True)]),
    # What a thing is not counted as is a category, not an absence (legacy records, HINT).
    (
        "Adjuvant trastuzumab will not be counted as a line of therapy with pertuzumab.",
        [("trastuzumab", False), ("pertuzumab", False)],
    ),
]


def pipeline_with_doses(config: dict[str, Any]) -> spacy.Language:
    """The pipeline up to negation with doses, then negation with ``config``."""
    from trialspacy.components import doses as _doses  # noqa: F401
    from trialspacy.components import timeframes as _timeframes  # noqa: F401

    names = [name for name in trialspacy.COMPONENTS if name in {*PIPELINE, "trialspacy_doses"}]
    pipeline = trialspacy.build(names)
    pipeline.add_pipe("trialspacy_negation", config=config)
    return pipeline


@pytest.fixture(scope="module", params=BACKENDS)
def clause_nlp(request):
    """The pipeline up to negation with doses, then negation with one backend and clause scope."""
    return pipeline_with_doses({"backend": request.param})


@pytest.fixture(scope="module")
def context_nlp():
    """The pipeline up to negation with doses, then negation with the ConText backend."""
    return pipeline_with_doses({"backend": "context"})


@pytest.mark.parametrize("text,expected", CLAUSE_CASES)
def test_scope_ends_at_the_clause_and_covers_the_list(clause_nlp, text: str, expected: list[tuple[str, bool]]) -> None:
    assert spans_negation(clause_nlp(text)) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # dev5 DEV NCT00577122 (NLI4CT): the contract's "No steroid therapy required" written after its subject
        (
            "Patients with treated, asymptomatic brain metastases are eligible provided chronic steroid therapy is "
            "not required",
            [("steroid", True)],
        ),
        ("Steroids are not required and brain scan is stable.", [("Steroids", True)]),
        # a requirement of past treatment waived (HINT, AACT), not an absence
        ("Prior treatment with anthracyclines is not required.", [("anthracyclines", False)]),
        ("Prior cisplatin is not required.", [("cisplatin", False)]),
    ],
)
def test_a_post_cue_of_need_denies_a_bare_subject_only_with_context(
    context_nlp, text: str, expected: list[tuple[str, bool]]
) -> None:
    assert spans_negation(context_nlp(text)) == expected


def test_what_a_thing_is_not_counted_in_is_not_negated() -> None:
    # dev5 DEV NCT00193206 (NLI4CT): the assessment the carcinoma is left out of is not absent
    doc = trialspacy.load()(
        "Residual ductal or lobular carcinoma in situ was not considered in pCR assessments. Percentage of "
        "participants who experienced pCR is reported."
    )
    assert spans_negation(doc) == [("pCR", False), ("pCR", False)]


def test_a_post_cue_of_giving_reaches_back_a_few_tokens_only() -> None:
    # two arms run into one line (dev4-like arm descriptions): the cue is the second arm's (ConText,
    # the default backend; NegEx rows take no scope limit)
    nlp = pipeline_with_doses({"backend": "context"})
    text = "Experimental group: cisplatin given Control group: 18F-FDG PET/CT imaging was not performed"
    assert spans_negation(nlp(text)) == [("cisplatin", False), ("18F-FDG", True)]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Prior treatment with EGFR TKIs (prior treatment with cetuximab or bevacizumab is not permitted.)",
            [("EGFR TKIs", False), ("cetuximab", True), ("bevacizumab", True)],
        ),
        ("Stable disease (not on warfarin) and receiving heparin.", [("warfarin", True), ("heparin", False)]),
    ],
)
def test_a_cue_in_brackets_reaches_neither_out_of_them_with_context(
    clause_nlp, text: str, expected: list[tuple[str, bool]]
) -> None:
    if clause_nlp.get_pipe("trialspacy_negation").backend_name != "context":
        pytest.skip("NegEx's chunks cannot nest, so brackets end no chunk ('No X (e.g., Y)' stays one)")
    assert spans_negation(clause_nlp(text)) == expected


def test_a_verbs_clause_starts_at_its_subject_after_a_comma_with_context(clause_nlp) -> None:
    if clause_nlp.get_pipe("trialspacy_negation").backend_name != "context":
        pytest.skip("NegEx's chunks start at the verb: it has no cue-relative scope to end at the comma")
    doc = clause_nlp("Without prior docetaxel, patients receiving cisplatin will be randomized.")
    assert spans_negation(doc) == [("docetaxel", True), ("cisplatin", False)]


def test_a_verb_in_a_later_sentence_does_not_end_the_scope_at_a_comma_of_this_one(clause_nlp) -> None:
    # HINT: the subject of "must" in the next line would start after the last comma before it,
    # which lies in this line's list.
    doc = clause_nlp(
        "Patients may receive no concurrent chemotherapy, immunotherapy or ketoconazole.\n"
        "Patients must have adequate organ function."
    )
    assert spans_negation(doc) == [("ketoconazole", True)]


# CHIA DEV criteria with their annotated targets: the test or examination that establishes an
# absence was done; a cue phrase that swallows the head of its target ("no signs of") negates it;
# an exemption negates nothing.
TARGET_CASES = [
    (
        "Current diagnosis of major depressive disorder, without psychotic features, as detected by MINI and clinical exam.",
        ["psychotic features", "MINI", "clinical exam"],
        [True, False, False],
    ),
    ("No signs of infection", ["signs of infection"], [True]),
    (
        "Patients presenting for CMR evaluation of chest pain but without evidence of obstructive coronary artery disease either by coronary angiography or stress testing.",
        ["obstructive coronary artery disease", "coronary angiography", "stress testing"],
        [True, False, False],
    ),
    (
        "(Not applicable to patients with bilateral oophorectomy and/or hysterectomy.)",
        ["bilateral oophorectomy", "hysterectomy"],
        [False, False],
    ),
    # Issue 15, round 5 (CHIA DEV): a main clause after a condition ends the scope ('then'); the
    # abbreviation 'no.' is no negation; the population a negated act is about has what follows.
    (
        "If PCWP is not available, then mean left atrial pressure or left ventricular end-diastolic pressure "
        "≤15 mmHg in the absence of left atrial obstruction.",
        ["PCWP", "mean left atrial pressure", "left ventricular end-diastolic pressure", "left atrial obstruction"],
        [False, False, False, True],
    ),
    (
        "Biochemical progression is defined as: minimum no. of determinations: 3 Interval: >2 weeks",
        ["Interval"],
        [False],
    ),
    (
        "Treatment with levothyroxine must not be initiated in patients with acute myocardial infarction, "
        "acute myocarditis, or acute pancarditis.",
        ["levothyroxine", "acute myocardial infarction", "acute myocarditis", "acute pancarditis"],
        [False, False, False, False],
    ),
    # Issue 15, negation scope round (CHIA/LCT DEV): what a negated therapy was for is present
    # (the phrase ends at "with", which attaches to the therapy again)...
    (
        "No prior chemotherapy for their metastatic breast cancer (MBC).",
        ["chemotherapy", "metastatic breast cancer (MBC)"],
        [True, False],
    ),
    (
        "No chemotherapy for metastatic disease with docetaxel.",
        ["chemotherapy", "metastatic disease", "docetaxel"],
        [True, False, True],
    ),
    # ...as is the test a negated finding was sought by...
    (
        "Patients must be negative for HCV RNA by polymerase chain reaction (PCR)",
        ["HCV RNA", "polymerase chain reaction (PCR)"],
        [True, False],
    ),
    (
        "no documented AF on ECG, ambulatory monitor, pacemaker or ICD at any time",
        ["AF", "ECG", "ambulatory monitor", "pacemaker", "ICD"],
        [True, False, False, False, False],
    ),
    # (a negation word before the adjunct word is a cue's, even inside a target)
    ("Atrial fibrillation and not on oral anticoagulation therapy", ["not", "oral anticoagulation"], [False, True]),
    # ...so is the anchor of a time prefix...
    ("Patient without post-operative scan evaluation", ["operative", "scan evaluation"], [False, True]),
    (
        "Urinary retention not addressed by pre-operative urologic consultation",
        ["operative", "urologic consultation"],
        [False, True],
    ),
    # ...and what examples after a negated passive participle name (its subject's kinds), while
    # the examples of a negated object are negated.
    (
        "Ferromagnetic implants or objects that cannot be removed such as aneurysm clips, surgical clips or prostheses",
        ["aneurysm clips", "surgical clips", "prostheses"],
        [False, False, False],
    ),
    (
        "Active sleep disorder which is not treated (obstructive sleep apnea, obesity hypoventilation syndrome)",
        ["obstructive sleep apnea", "obesity hypoventilation syndrome"],
        [False, False],
    ),
    (
        "Not receiving anticoagulants, such as warfarin, heparin or rivaroxaban",
        ["anticoagulants", "warfarin", "heparin", "rivaroxaban"],
        [True, True, True, True],
    ),
    # An exemption negates nothing; the basis of a judgement is not what is absent.
    (
        "Agreement to discontinue talk therapy (does not refer to AA/NA programs or psychotropic medication management).",
        ["programs", "psychotropic medication"],
        [False, False],
    ),
    (
        "criteria for no mobilization based on specific clinical factors",
        ["mobilization", "clinical factors"],
        [True, False],
    ),
]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("text,words,expected", TARGET_CASES)
def test_negation_of_annotated_targets(backend: str, text: str, words: list[str], expected: list[bool]) -> None:
    doc, spans = library_doc(text, words)
    assert make_backend(spacy.blank("en"), backend, package_data(RULES_FILE)).negated(doc, spans) == expected


def test_the_examination_on_which_nothing_is_found_was_done_with_context() -> None:
    # NegEx has no such rule: its termination would cut the chunk inside "abnormal findings".
    doc, spans = library_doc("absence of abnormal findings on X-ray.", ["abnormal findings", "X-ray"])
    assert ContextBackend(spacy.blank("en"), package_data(RULES_FILE)).negated(doc, spans) == [True, False]


# Issue 15, round 5 (CHIA DEV, HINT): scope rules that need a cue-relative scope (ConText only).
CONTEXT_TARGET_CASES = [
    # Issue 15, negation scope round (CHIA DEV): a post-cue's scope passes over the adjunct phrase
    # of its subject; a cue right after the phrase whose scope stays in it denies what it names
    # (NegEx has no scopes: it leaves a target in the phrase alone only when no cue is in it).
    (
        "Previous radiotherapy for the treatment of unresectable, locally advanced or metastatic breast cancer "
        "is not allowed.",
        ["radiotherapy", "breast cancer"],
        [True, False],
    ),
    (
        "Lazertinib for NSCLC Harboring Activating EGFR Mutations in TKI naïve Patients",
        ["Lazertinib", "NSCLC", "TKI"],
        [False, False, True],
    ),
    # What a patient failed to achieve, or what is unavailable, is absent.
    (
        "CDRS-R score >40; Failure to achieve remission with at least 1 adequate prior antidepressant trial",
        ["remission", "antidepressant trial"],
        [True, False],
    ),
    (
        "Unavailability of brain MRI (in case of absolute contraindications, the use of cranial CT is allowed).",
        ["brain MRI", "cranial CT"],
        [True, False],
    ),
    # A cue inside an item of a list written on one line reaches neither the next item...
    (
        "1) Refusal of epidural catheter 2) Pregnancy 3) Bleeding History 4) Inability to understand how to use "
        "the PCA device",
        ["epidural catheter", "Pregnancy", "Bleeding", "PCA device"],
        [True, False, False, False],
    ),
    # ...while a cue before the first item governs them all.
    ("Must not have received: (1) cisplatin, (2) docetaxel", ["cisplatin", "docetaxel"], [True, True]),
    # The tokenizer keeps '):' whole; it still closes the parenthetical.
    (
        "Subjects transitioning (not participating in ATLAS Trial): Plasma HIV-1 RNA <50 copies/mL at Screening",
        ["ATLAS Trial", "Plasma HIV-1 RNA"],
        [True, False],
    ),
    # A terminator whose first words are a target's own: the target is negated, what the
    # terminator introduces is not.
    ("No significant abnormalities in ECG per investigator judgment.", ["abnormalities in ECG", "ECG"], [True, False]),
    (
        "Venous leg ulcers which have not adequately responded to conventional ulcer therapy.",
        ["responded", "conventional ulcer therapy"],
        [True, False],
    ),
    # What a patient has not recovered from took place.
    (
        "Minor surgical procedure <=7 days before first dose of study treatment, or not yet recovered from prior "
        "minor surgery",
        ["recovered", "minor surgery"],
        [True, False],
    ),
    # A target that holds its cue names the absence itself, wherever the cue lies in it.
    (
        "Participation in a clinical trial for a drug that has not yet been officially approved for marketing "
        "within one month prior to the first visit.",
        ["drug that has not yet been officially approved for marketing"],
        [False],
    ),
]


@pytest.mark.parametrize("text,words,expected", CONTEXT_TARGET_CASES)
def test_negation_of_annotated_targets_with_context(text: str, words: list[str], expected: list[bool]) -> None:
    doc, spans = library_doc(text, words)
    assert ContextBackend(spacy.blank("en"), package_data(RULES_FILE)).negated(doc, spans) == expected


def test_a_target_holding_its_cues_negation_word_keeps_the_overlap() -> None:
    doc, spans = library_doc("post-menopausal women (women with no periods for 12 months or more)", ["no periods"])
    assert ContextBackend(spacy.blank("en"), package_data(RULES_FILE)).negated(doc, spans) == [False]


@pytest.fixture(scope="module")
def nlp_without_clause_scope():
    """Negation as before contract v1.2."""
    return pipeline_with_doses({"clause_scope": False})


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Patients with no prior docetaxel received cisplatin.", [("docetaxel", True), ("cisplatin", True)]),
        ("No prior docetaxel; 60 Gy in 30 fractions.", [("docetaxel", True), ("60 Gy in 30 fractions", True)]),
        (
            "Not receiving anticoagulants, such as warfarin, heparin or rivaroxaban.",
            [("anticoagulants", True), ("warfarin", True), ("heparin", True), ("rivaroxaban", False)],
        ),
        ("No concurrent chemotherapy other than cisplatin", [("cisplatin", True)]),
        ("Concurrent use of warfarin is not permitted.", [("warfarin", False)]),
    ],
)
def test_without_clause_scope_the_behaviour_is_as_before(
    nlp_without_clause_scope, text: str, expected: list[tuple[str, bool]]
) -> None:
    assert nlp_without_clause_scope.get_pipe("trialspacy_negation").clause_scope is False
    assert spans_negation(nlp_without_clause_scope(text)) == expected


def test_clause_scope_is_on_by_default() -> None:
    assert spacy.blank("en").add_pipe("trialspacy_negation").clause_scope is True


def test_prefix_negation_needs_a_scope_limit_so_only_context_has_it(nlp) -> None:
    backend = nlp.get_pipe("trialspacy_negation").backend_name
    assert drug_negation(nlp("Non-platinum chemotherapy.")) == [("platinum", backend == "context")]


def test_exclusion_section_alone_does_not_negate(nlp, seed_texts) -> None:
    doc = nlp(seed_texts[SEED_004])
    excluded = [s for s in label_spans(doc, DRUG) if s.start_char > seed_texts[SEED_004].index("Exclusion Criteria")]
    assert [s.text for s in excluded] == [
        "antibiotics",
        "antifungal drugs",
        "antiviral",
        "antiparasitic drugs",
        "probiotics",
    ]
    assert not any(s._.trialspacy_negated for s in excluded)


def test_timeframes_are_never_negated(nlp) -> None:
    doc = nlp("No radiotherapy or chemotherapy within 4 weeks before enrollment.")
    assert [(s.text, s._.trialspacy_negated) for s in label_spans(doc, TIMEFRAME)] == [("within 4 weeks", False)]


def test_criterion_negation_is_left_to_the_criteria_component(nlp, seed_texts) -> None:
    doc = nlp(seed_texts[SEED_004])
    criteria = {s.text: s._.trialspacy_negated for s in label_spans(doc, CRITERION)}
    assert criteria["The site planned for radiation was not irradiated."] is True
    assert (
        criteria["Patients who have received pelvic and abdominal radiation therapy within 3 months of enrollment."]
        is False
    )


def test_default_backend_is_context() -> None:
    nlp = spacy.blank("en")
    assert nlp.add_pipe("trialspacy_negation").backend_name == "context"


def test_unknown_backend_is_refused() -> None:
    with pytest.raises(ConfigValidationError, match="backend"):
        spacy.blank("en").add_pipe("trialspacy_negation", config={"backend": "pyrush"})
    with pytest.raises(ValueError, match="context, negex"):
        make_backend(spacy.blank("en"), "pyrush", [])  # type: ignore[arg-type]


# --- the rule file ------------------------------------------------------------------------------


def test_rule_rows_are_valid_and_removals_name_library_rules() -> None:
    import medspacy
    from negspacy.termsets import termset

    rows = package_data(RULES_FILE)
    assert rows
    defaults = json.loads(
        (Path(medspacy.__file__).resolve().parents[1] / "resources" / "en" / "context_rules.json").read_text()
    )["context_rules"]
    library = {r["literal"].lower() for r in defaults}
    library |= {t.lower() for terms in termset("en_clinical").get_patterns().values() for t in terms}
    for row in rows:
        assert set(row) <= {
            "literal",
            "direction",
            "category",
            "pattern",
            "max_scope",
            "items",
            "bare_subject",
            "backends",
            "clause_scope",
            "remove",
            "comment",
        }, row
        assert row["direction"] in {"FORWARD", "BACKWARD", "BIDIRECTIONAL", "TERMINATE", "PSEUDO"}, row
        assert row.get("category", NEGATED_EXISTENCE) in NEGATED_CATEGORIES, row
        assert isinstance(row.get("clause_scope", True), bool) and isinstance(row.get("items", False), bool), row
        assert isinstance(row.get("bare_subject", False), bool), row
        assert row.get("comment"), f"rule {row['literal']!r} says not why"
        assert set(row.get("backends", BACKENDS)) <= set(BACKENDS)
        if row.get("remove"):
            assert row["literal"].lower() in library, f"removal of {row['literal']!r} removes nothing"


def test_clause_words_are_valid() -> None:
    rows = package_data(CLAUSES_FILE)
    roles = {row["role"] for row in rows}
    assert roles == set(CLAUSE_ROLES)
    for row in rows:
        assert set(row) == {"word", "role", "comment"} and row["comment"], row
        assert row["word"] == row["word"].lower() and " " not in row["word"], row
    pairs = [(row["word"], row["role"]) for row in rows]
    assert len(pairs) == len(set(pairs))


def test_negex_termset_is_a_copy() -> None:
    from negspacy.termsets import termset

    before = {k: list(v) for k, v in termset("en_clinical").get_patterns().items()}
    NegexBackend(spacy.blank("en"), package_data(RULES_FILE))
    assert termset("en_clinical").get_patterns() == before


# --- agreement with the libraries when given no rules of ours ----------------------------------

# Real criteria (CHIA, LCT, seeds) with targets that do not overlap, so they can be doc.ents.
LIBRARY_CASES = [
    ("No history of seizures or epilepsy.", ["seizures", "epilepsy"]),
    ("Patients who were not treated with cisplatin, but received carboplatin.", ["cisplatin", "carboplatin"]),
    ("Absence of brain metastases; presence of bone metastases.", ["brain metastases", "bone metastases"]),
    ("Hypertension was ruled out. Diabetes present.", ["Hypertension", "Diabetes"]),
    (
        "History of psychiatric disorders other than unipolar major depression",
        ["psychiatric disorders", "unipolar major depression"],
    ),
]


def library_doc(text: str, words: list[str]) -> tuple[Doc, list[Span]]:
    nlp = blank()
    nlp.add_pipe("trialspacy_sentences")
    doc = nlp(text)
    spans = [doc.char_span(text.index(w), text.index(w) + len(w), label="TARGET") for w in words]
    return doc, spans


@pytest.mark.parametrize("text,words", LIBRARY_CASES)
def test_negex_backend_without_our_rules_agrees_with_negspacy(text: str, words: list[str]) -> None:
    from negspacy.negation import Negex  # noqa: F401  (registers the factory)

    doc, spans = library_doc(text, words)
    ours = NegexBackend(spacy.blank("en"), [], clause_scope=False).negated(doc, spans)
    negex = spacy.blank("en").add_pipe("negex")
    doc.ents = spans
    assert ours == [e._.negex for e in negex(doc).ents]


@pytest.mark.parametrize("text,words", LIBRARY_CASES)
def test_context_backend_without_our_rules_agrees_with_medspacy(text: str, words: list[str]) -> None:
    import medspacy.context  # noqa: F401  (registers the factory)

    doc, spans = library_doc(text, words)
    ours = ContextBackend(spacy.blank("en"), [], default_rules=True, clause_scope=False).negated(doc, spans)
    context = spacy.blank("en").add_pipe(
        "medspacy_context", config={"input_span_type": "group", "span_group_name": "t"}
    )
    doc.spans["t"] = spans
    assert ours == [bool(s._.is_negated) for s in context(doc).spans["t"]]


# --- quiet, serializable ------------------------------------------------------------------------

QUIET_SCRIPT = """
import warnings
import trialspacy
from trialspacy.components import criteria, negation, sentences, timeframes
before = list(warnings.filters)
for backend in ("context", "negex"):
    nlp = trialspacy.build({pipeline!r})
    nlp.add_pipe("trialspacy_negation", config={{"backend": backend}})
    doc = nlp("No steroid therapy required. Patients will not receive radiotherapy before starting CASODEX.")
assert [s._.trialspacy_negated for s in doc.spans["trialspacy"] if s.label_ == "DRUG"] == [True, False]
assert list(warnings.filters) == before, "importing medspaCy changed the warning filters"
"""


def test_building_and_running_prints_nothing() -> None:
    env = dict(os.environ, PYTHONPATH=str(Path(trialspacy.__file__).resolve().parent.parent))
    done = subprocess.run(
        [sys.executable, "-c", QUIET_SCRIPT.format(pipeline=list(PIPELINE))],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert done.stderr == ""


def test_running_prints_nothing_in_process(nlp, capfd) -> None:
    nlp("No steroid therapy required.")
    captured = capfd.readouterr()
    assert captured.out == "" and captured.err == ""


def test_negation_round_trips_through_to_disk(nlp, seed_texts, tmp_path) -> None:
    nlp.to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "trialspacy_negation" / RULES_FILE).exists()
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.get_pipe("trialspacy_negation").backend_name == nlp.get_pipe("trialspacy_negation").backend_name
    text = seed_texts[SEED_004] + "\nNo steroid therapy required."
    assert drug_negation(loaded(text)) == drug_negation(nlp(text))


def test_negation_round_trips_through_bytes(nlp, seed_texts) -> None:
    component = nlp.get_pipe("trialspacy_negation")
    data = component.to_bytes()
    restored = spacy.blank("en").add_pipe("trialspacy_negation", config={"backend": component.backend_name})
    restored.from_bytes(data)
    assert restored.rows == component.rows == package_data(RULES_FILE)
    copy = trialspacy.build(list(PIPELINE))
    copy.add_pipe("trialspacy_negation", config={"backend": component.backend_name}).from_bytes(data)
    text = seed_texts[SEED_004] + "\nNo steroid therapy required."
    assert drug_negation(copy(text)) == drug_negation(nlp(text))


def test_negation_restores_the_saved_rules_not_the_package_ones(tmp_path) -> None:
    """What from_disk and from_bytes restore is what runs; the package's rules are read only
    when nothing was restored, and only on first use."""
    component = spacy.blank("en").add_pipe("trialspacy_negation")
    assert component._rows is None and component._backend is None
    rows = [r for r in package_data(RULES_FILE) if r["literal"] != "no history of"]
    (tmp_path / RULES_FILE).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    component.from_disk(tmp_path)
    assert component.rows == rows
    component.from_disk(tmp_path / "absent", exclude=["negation_rules"])
    assert component.rows == rows
    other = spacy.blank("en").add_pipe("trialspacy_negation")
    other.from_bytes(component.to_bytes(), exclude=["negation_rules"])
    assert other._rows is None
    other.from_bytes(component.to_bytes())
    assert other.rows == rows


# --- the benchmark --------------------------------------------------------------------------------


def benchmark_module():
    spec = importlib.util.spec_from_file_location("benchmark_negation", REPO / "scripts" / "benchmark_negation.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_benchmark_exits_2_without_corpora(tmp_path) -> None:
    env = dict(os.environ, PYTHONPATH=str(Path(trialspacy.__file__).resolve().parent.parent))
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "benchmark_negation.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "corpora not found" in done.stderr


@pytest.mark.corpora
@pytest.mark.parametrize("corpus", ["CHIA", "LCT"])
def test_our_context_rules_beat_the_library_defaults_on_dev(corpus: str) -> None:
    if not (CORPORA / "chia").is_dir() or not (CORPORA / "lct").is_dir():
        pytest.skip(f"external corpora not found: {CORPORA} (set TRIALSPACY_CORPORA to ../shared/corpora)")
    bench = benchmark_module()
    reader = bench.read_chia if corpus == "CHIA" else bench.read_lct
    examples = [e for e in reader(CORPORA) if e.split == "DEV"][:300]
    table = bench.evaluate(examples)
    dev = table[(corpus, "DEV", bench.STRICT)]
    ours = dev["trialspacy context (default + ours)"]
    assert ours["n"] > 1000 and ours["gold"] > 30
    assert ours["f1"] > dev["medspaCy ConText, default"]["f1"] + 0.05
    assert ours["precision"] > dev["medspaCy ConText, default"]["precision"]


@pytest.mark.corpora
def test_context_backend_without_our_rules_agrees_with_medspacy_on_chia() -> None:
    if not (CORPORA / "chia").is_dir():
        pytest.skip(f"external corpus not found: {CORPORA / 'chia'} (set TRIALSPACY_CORPORA to ../shared/corpora)")
    bench = benchmark_module()
    nlp = bench.base_pipeline()
    medspacy_default = bench.medspacy_default(nlp)
    ours = ContextBackend(nlp, [], clause_scope=False)
    compared = disagreements = 0
    for example in [e for e in bench.read_chia(CORPORA) if e.split == "DEV"][:300]:
        doc = nlp(example.text)
        spans, _, _ = bench.target_spans(doc, example)
        expected = medspacy_default(doc, spans)
        got = ours.negated(doc, spans)
        compared += len(spans)
        disagreements += sum(a != b for a, b in zip(expected, got))
    assert compared > 2000
    assert disagreements == 0


# --- hostile records: the work is linear in the document ----------------------------------------


def repeated_drug_doc(text: str) -> tuple[Doc, list[Span]]:
    """``text`` with trialspacy's sentences and every ``docetaxel`` as a DRUG target."""
    nlp = blank()
    nlp.add_pipe("trialspacy_sentences")
    doc = nlp(text)
    return doc, [Span(doc, t.i, t.i + 1, label=DRUG) for t in doc if t.text == "docetaxel"]


def context_comparisons(repetitions: int) -> int:
    """The cue-cue and cue-target comparisons medspaCy's graph makes for the ContextBackend on
    ``"no docetaxel " * repetitions`` (one sentence)."""
    graph_class: Any = import_medspacy().context.ConTextGraph
    comparisons = 0

    class CountingGraph(graph_class):
        def update_scopes(self) -> None:
            nonlocal comparisons
            comparisons += len(self.modifiers) * (len(self.modifiers) - 1) // 2
            super().update_scopes()

        def apply_modifiers(self) -> None:
            nonlocal comparisons
            comparisons += len(self.modifiers) * len(self.targets)
            super().apply_modifiers()

    backend = ContextBackend(blank(), package_data(RULES_FILE))
    backend._graph_class = CountingGraph
    doc, targets = repeated_drug_doc("no docetaxel " * repetitions)
    assert backend.negated(doc, targets) == [True] * repetitions
    return comparisons


def test_context_comparisons_grow_linearly_with_a_long_sentence() -> None:
    # ConText alone compares every pair of the sentence's 2,000 (4,000) cues
    short, long = context_comparisons(1000), context_comparisons(2000)
    assert long <= 2.2 * short
    assert long < 2000 * MAX_WINDOW


def test_long_sentences_are_cut_between_clauses_never_inside_a_span() -> None:
    text = "Patients with no prior docetaxel or cisplatin received paclitaxel; " * 40
    doc, targets = repeated_drug_doc(text)
    cues = ContextBackend(blank(), package_data(RULES_FILE)).matcher(doc)
    sentences = [(s.start, s.end) for s in doc.sents]
    assert max(end - start for start, end in sentences) > MAX_WINDOW
    windows = context_windows(doc, sentences, cues, targets)
    assert windows[0][0] == 0 and windows[-1][1] == len(doc)
    assert all(
        end - start <= MAX_WINDOW and end == next_start for (start, end), (next_start, _) in zip(windows, windows[1:])
    )
    assert all(doc[end - 1].text == ";" for _, end in windows[:-1])
    short = [(0, 10), (10, 20)]
    assert context_windows(doc, short, cues, targets) == short


def test_modifier_scopes_are_medspacys(seed_texts) -> None:
    from medspacy.context import ConTextModifier

    nlp = blank()
    nlp.add_pipe("trialspacy_sentences")
    backend = ContextBackend(nlp, package_data(RULES_FILE))
    doc = nlp(seed_texts[SEED_004] + "\nNo chemotherapy-naive patient; not to exceed 10 mg, unless negative for HIV.")
    cues = backend.matcher(doc)
    assert len({rule.direction for rule, _, _ in cues}) >= 3
    for rule, start, end in cues:
        sentence = doc[start].sent
        assert (
            modifier_scope(rule, start, end, (sentence.start, sentence.end))
            == ConTextModifier(rule, start, end, doc).scope_span
        )


def test_pruning_per_overlap_cluster_is_medspacys() -> None:
    from medspacy.common.util import prune_overlapping_matches

    rng = random.Random(12)
    for _ in range(300):
        matches = []
        for key in range(rng.randint(0, 30)):
            start = rng.randint(0, 40)
            matches.append((key % 4, start, start + rng.randint(1, 5)))
        assert prune_overlaps(matches) == prune_overlapping_matches(list(matches))


def test_negex_cues_are_negspacys_without_pseudo_negations() -> None:
    backend = NegexBackend(blank(), package_data(RULES_FILE))
    doc, _ = repeated_drug_doc(
        "No docetaxel, not to exceed 10 mg of docetaxel; no more than 2 prior lines but no docetaxel. "
        "Docetaxel was not given, no increase in dose. Patients without docetaxel."
    )
    preceding, following, terminating = backend.negex.process_negations(doc)
    cues = backend.cues(doc)
    assert sorted(cues["Preceding"]) == sorted((s, e) for _, s, e in preceding)
    assert sorted(cues["Following"]) == sorted((s, e) for _, s, e in following)
    assert sorted(cues["Termination"]) == sorted((s, e) for _, s, e in terminating)
    assert cues["Preceding"] and cues["Termination"]


def best_seconds(run: Any, repeat: int = 5) -> float:
    """The best of ``repeat`` timings of ``run`` in CPU time (other processes on a busy machine do
    not count), the garbage collector off: its pauses grow with the objects alive, not with the
    work timed."""
    gc.collect()
    gc.disable()
    try:
        best = float("inf")
        for _ in range(repeat):
            start = time.process_time()
            run()
            best = min(best, time.process_time() - start)
        return best
    finally:
        gc.enable()


def test_negex_time_grows_linearly_with_a_long_sentence() -> None:
    backend = NegexBackend(blank(), package_data(RULES_FILE))

    def seconds(repetitions: int) -> float:
        doc, targets = repeated_drug_doc("no docetaxel " * repetitions)
        assert backend.negated(doc, targets) == [True] * repetitions
        return best_seconds(lambda: backend.negated(doc, targets))

    # NegEx compared every target with every cue: 16 times the time for 4 times the text; linear
    # is 4 times (the bound leaves room for a busy machine)
    assert seconds(8000) < 8 * seconds(2000)


def test_clause_scope_time_grows_linearly_with_a_long_sentence_of_lists_and_verbs() -> None:
    backend = ContextBackend(blank(), package_data(RULES_FILE))

    def seconds(repetitions: int) -> float:
        doc, targets = repeated_drug_doc("no docetaxel, docetaxel or docetaxel received docetaxel " * repetitions)
        # each list is negated whole; the verb opens a clause the cue does not reach
        assert backend.negated(doc, targets)[:4] == [True, True, True, False]
        return best_seconds(lambda: backend.negated(doc, targets))

    # linear is 4 times the time for 4 times the text (the bound leaves room for a busy machine)
    assert seconds(2000) < 8 * seconds(500)
