"""Investigational codes by shape, and the trial-text look-alikes that are not drugs."""

import pytest

from trialspacy.components.drugs.codes import find_codes, is_code
from trialspacy.spans import DRUG, label_spans

LOOKALIKES = [
    "NCT01234567",
    "CA125",
    "CA19-9",
    "CA199",
    "CD8",
    "CD4+",
    "HER2",
    "T790M",
    "V600E",
    "L858R",
    "G12C",
    "C1D1",
    "PD-1",
    "PD-L1",
    "CTLA-4",
    "CTCAE",
    "CTCAE5.0",
    "ECOG",
    "RECIST",
    "iRECIST",
    "COVID-19",
    "SARS-CoV-2",
    "HPV16",
    "HLA-A2",
    "BRCA1",
    "CYP3A4",
    "UGT1A1",
    "FEV1",
    "QLQ-C30",
    "EQ-5D",
    "ICD-10",
    "DSM-5",
    "AJCC8",
    "FIGO2018",
    "WHO2016",
    "ISO9001",
    "Ki-67",
    "CYFRA21-1",
    "T2N0M0",
    "IgG4",
    "HIV-1",
    "SF-36",
    "HAM-D17",
    "IC50",
    "CD20",
    "IL-10",
    "KRASG12C",
    "EGFR-T790M",
    "H1047R",
    "S1400",
    "A5324",
    "SP263",
    "GOG-0199",
    "IBCSG-2402",
    "HLA-B27",
]


@pytest.mark.parametrize("text", LOOKALIKES)
def test_drugs_code_pattern_rejects_lookalikes(text):
    assert find_codes(text) == [] and not is_code(text)


@pytest.mark.parametrize(
    "code",
    [
        "JS001",
        "LM103",
        "LG002",
        "SHR-1210",
        "MK-3475",
        "IBI308",
        "BGB-A317",
        "AZD9291",
        "MEDI4736",
        "MPDL3280A",
        "DS-8201a",
        "E7080",
        "MSC2156119J",
        "YN968D1",
        "PD-0332991",
        "HSK40118",
        "TQB2450",
        "CAM2038",
        "MK-7684A",
        # a lower-case letter after the hyphen (API v2 NCT05198804: azenosertib)
        "ZN-c3",
    ],
)
def test_drugs_code_pattern_accepts_investigational_codes(code):
    assert is_code(code) and find_codes(f"treated with {code} daily") != []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # LCT DEV NCT03929497 and registry criteria: a Lundbeck code keeps its sponsor prefix.
        ("benefit from 24 weeks of treatment with Lu AF11167 according to the investigator", "Lu AF11167"),
        ("Has previously participated in a Lu AA21004 clinical study.", "Lu AA21004"),
        ("in a previous LuAA21004 study", "LuAA21004"),
    ],
)
def test_drugs_code_pattern_keeps_a_lundbeck_prefix(text, code):
    assert [text[s:e] for s, e in find_codes(text)] == [code]


def test_drugs_code_pattern_leaves_lutetium_alone():
    assert find_codes("Prior 177Lu-PSMA-617 or Lu 177 dotatate") == []


@pytest.mark.parametrize(
    "text,codes",
    [
        # dev3 NCT06465238 and a ctrialsgov record, registered from China: a function word glued to the code
        ("allergic to the inactive ingredients of SHR-A1921or SHR-A2009;", ["SHR-A1921", "SHR-A2009"]),
        ("SHR-A1811versus Pyrotinib Plus Capecitabine", ["SHR-A1811"]),
        # dev3 NCT05375461 and legacy records: a modifier after a hyphen
        ("TQB3616 plus fulvestrant or TQB3616-matching placebo plus fulvestrant", ["TQB3616", "TQB3616"]),
        ("prevention of SU5416-induced endothelial damage", ["SU5416"]),
        # not a longer word: the code ends at its own end
        ("the ABC1234order cohort", []),
    ],
)
def test_drugs_code_glued_to_a_word_ends_at_the_code(text, codes):
    assert [text[s:e] for s, e in find_codes(text)] == codes


def test_drugs_glued_code_is_a_drug_span(nlp):
    doc = nlp("Known to be allergic to the ingredients of SHR-A1921or SHR-A2009; TQB3616-matching placebo.")
    assert [s.text for s in label_spans(doc, DRUG)] == ["SHR-A1921", "SHR-A2009", "TQB3616"]


def test_drugs_protocol_number_is_no_code(nlp):
    # legacy PDQ records (dev5 and unannotated): a code after "protocol" is the protocol's number
    text = (
        "1 dose level preceding the MTD as determined by the ongoing Protocol NYU-9123. Patients registered "
        "on protocol SWOG-8897 or protocol No. BR-0021 receive BGB-A317."
    )
    assert [s.text for s in label_spans(nlp(text), DRUG)] == ["BGB-A317"]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # ctrialsgov cancer studies NCT04958239, NCT05094336, NCT04862780 and legacy NCT00499239: a
        # sponsor's code written with a space between its letters and its number
        ("A Study to Test Different Doses of BI 765179 Alone and in Combination With Ezabenlimab", ["BI 765179"]),
        ("the objective response rate (ORR) of AMG 193 in adult participants", ["AMG 193"]),
        ("must have resolved to < Grade 2 prior to starting BLU 945).", ["BLU 945"]),
        ("Patients will be administered a single IV infusion of GS 9219 on Day 1", ["GS 9219"]),
        # NLI4CT NCT02312622: listed codes
        ("SN38 investigational agents, EZN 2208, SN 2310, and AR 67) is not allowed", ["SN38", "EZN 2208", "SN 2310"]),
        # not a protocol, a guideline's year, a regulation, a name before its dose, a viral load
        ("Patients registered on ACTG 223 or on protocol ATN 062 or POG 9317", []),
        ("according to GINA 2017 and 21 CFR 1271", []),
        ("Part A: ADX 200 mg", []),
        ("Arm A: Intracel KLH 1000 mcg (1 mg) without adjuvant", []),
        ("HCV RNA 1103 copies/ml", []),
    ],
)
def test_drugs_code_written_with_a_space(text, codes):
    assert [text[s:e] for s, e in find_codes(text)] == codes


def test_drugs_spaced_code_is_a_drug_span(nlp):
    # ctrialsgov cancer study NCT04752215: the unknown code as written; the known one (lexicon) its name
    doc = nlp("The study tests 2 medicines called BI 765049 and BI 754091. Both medicines may help the immune system.")
    assert [(s.text, s._.trialspacy_normalized) for s in label_spans(doc, DRUG)] == [
        ("BI 765049", "bi 765049"),
        ("BI 754091", "ezabenlimab"),
    ]


def test_drugs_code_with_an_isotope_label_joined_by_a_hyphen(nlp):
    # ctrialsgov sample NCT03500224 (a mass-balance study): the label is part of the name written
    text = (
        "Excretion of TAK-954 Containing Microtracer ([14C]-TAK-954) in Healthy Male Participants. "
        "A single intravenous dose of [14C]-TAK-954."
    )
    assert [text[s:e] for s, e in find_codes(text)] == ["TAK-954", "TAK-954", "TAK-954"]
    assert [(s.text, s._.trialspacy_normalized) for s in label_spans(nlp(text), DRUG)] == [
        ("TAK-954", "tak-954"),
        ("[14C]-TAK-954", "tak-954"),
        ("[14C]-TAK-954", "tak-954"),
    ]
