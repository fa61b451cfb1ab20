"""Lexicon rows that decide whether a name is a drug: medicines the package excludes, supplement
classes, and allergenic extracts named by an ordinary word."""

import pytest

import trialspacy
from trialspacy.spans import DRUG, label_spans


@pytest.fixture(scope="module")
def nlp():
    return trialspacy.load()


def drugs(nlp, text: str) -> set[str]:
    return {s.text for s in label_spans(nlp(text), DRUG)}


@pytest.mark.parametrize(
    "text,name",
    [
        # medicines the drug-named-entity-recognition package excludes (HINT criteria, LCT DEV)
        ("Use of topical capsaicin within 2 weeks of screening.", "capsaicin"),
        ("Known allergy to procaine or other local anaesthetics.", "procaine"),
        ("Daughters exposed in utero to diethylstilbestrol.", "diethylstilbestrol"),
        ("Bowel preparation with senna and bisacodyl.", "senna"),
        # given: a medicine that text also measures
        ("Patients will receive inulin 10 g daily for 8 weeks.", "inulin"),
        ("Contraindication to adenosine or regadenoson.", "adenosine"),
    ],
)
def test_drugs_restored_package_exclusions(nlp, text, name) -> None:
    assert name in drugs(nlp, text)


@pytest.mark.parametrize(
    "text,name",
    [
        ("Measured GFR by inulin clearance below 60 mL/min.", "inulin"),
        ("Serum potassium < 3.5 mmol/L.", "potassium"),
        ("Plasma adenosine deaminase activity.", "adenosine"),
        ("Sugars such as fructose and lactose in the diet.", "fructose"),
    ],
)
def test_drugs_measured_or_ordinary_exclusions_stay_out(nlp, text, name) -> None:
    assert name not in drugs(nlp, text)


@pytest.mark.parametrize(
    "text,name",
    [
        # LCT DEV and dev3: supplement classes (contract v1.2, dietary supplements as a class)
        ("Use of vitamins or minerals within 2 weeks of enrolment.", "vitamins"),
        ("Use of vitamins or minerals within 2 weeks of enrolment.", "minerals"),
        ("Patients taking multivitamins may continue them.", "multivitamins"),
        ("No micronutrient supplements during the study.", "micronutrient supplements"),
        # HINT criteria: a supplement class before "supplement(s)" is one span
        ("a daily multivitamin/mineral supplement not containing herbal components", "mineral supplement"),
        ("Vitamin supplements except for pediatric participants only.", "Vitamin supplements"),
        ("Parenteral nutrition with trace elements.", "trace elements"),
        ("Use of ALA or other anti-oxidant supplements during the prior three months.", "anti-oxidant supplements"),
        # dev4: the substance of "X supplementation" is the drug
        ("A meta-analysis of trials of calcium supplementation in pregnancy.", "calcium"),
    ],
)
def test_drugs_supplement_classes(nlp, text, name) -> None:
    assert name in drugs(nlp, text)


@pytest.mark.parametrize(
    "text,name",
    [
        ("Serum calcium > 10.5 mg/dL.", "calcium"),
        ("Eating fruit and vegetables, not vitamins measured in blood.", "vitamins"),
        ("Low bone mineral density at the hip.", "mineral"),
    ],
)
def test_drugs_supplement_words_measured_stay_out(nlp, text, name) -> None:
    assert name not in drugs(nlp, text)


@pytest.mark.parametrize(
    "text,name",
    [
        # dev3 NCT00004892: an allergenic extract named by a food word
        ("Diagnosis confirmed by frozen section or squash preparation.", "squash"),
        ("Fish such as perch or trout caught in the lake.", "perch"),
        ("Patients who eat celery daily.", "celery"),
    ],
)
def test_drugs_allergenic_extracts_named_by_ordinary_words_need_giving(nlp, text, name) -> None:
    assert name not in drugs(nlp, text)
