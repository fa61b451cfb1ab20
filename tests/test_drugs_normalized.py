"""DRUG ``normalized`` on real trial text: the generic name the lexicon gives brands and codes, and
the one the record itself gives an NSC number (contract: for an agent its generic name, lower case;
routes and salts dropped; formulations that are their own product keep it)."""

import pytest

import trialspacy
from trialspacy.spans import DRUG, label_spans

PIPELINE = ["trialspacy_layout", "trialspacy_abbreviations", "trialspacy_drugs"]


@pytest.fixture(scope="module")
def nlp():
    return trialspacy.build(PIPELINE)


@pytest.fixture(scope="module")
def before_v1_2():
    """The DRUG pipeline with contract v1.2's authoritative list and record's names switched off."""
    nlp = trialspacy.blank()
    for name in PIPELINE[:-1]:
        nlp.add_pipe(name)
    nlp.add_pipe("trialspacy_drugs", config={"authoritative_list": False, "formulations": False})
    return nlp


def normalized(nlp, text: str) -> dict[str, str]:
    """``{span text: normalized}`` of the DRUG spans of ``text``."""
    return {s.text: s._.trialspacy_normalized for s in label_spans(nlp(text), DRUG)}


# Legacy XML records (ctgov_legacy_xml): NCT00001683, NCT00003323, NCT00006433 and others.
@pytest.mark.parametrize(
    "text,surface,expected",
    [
        # a package name qualified by its vehicle or its indication is the bare generic
        (
            "Phase III Study of Adjuvant Postoperative Irradiation With or Without Cisplatin/Taxol Chemotherapy",
            "Taxol",
            "paclitaxel",
        ),
        (
            "Allogeneic Mixed Chimerism Stem Cell Transplant Using Campath for Hemoglobinopathies",
            "Campath",
            "alemtuzumab",
        ),
        # ... except the qualifier that makes a product of its own
        (
            "efficacy of the combination of Abraxane and Avastin as first-line therapy",
            "Abraxane",
            "nab-paclitaxel",
        ),
        # a liposomal product is named as contract v1.2 names it, a salt form drops the salt
        ("Phase I/II Trial of Doxil and Hyperthermia for Breast Cancer", "Doxil", "liposomal doxorubicin"),
        (
            "treatment of prostate cancer including Megace for at least 12",
            "Megace",
            "megestrol",
        ),
        # a package name for a route's products drops the route
        ("No prior polifeprosan 20 with carmustine implant (Gliadel wafer)", "Gliadel", "carmustine"),
        # the radionuclide as registries write it, not DrugBank's hyphen
        (
            "Determine the toxicity of iodine I 131 monoclonal antibody 81C6 delivered via the",
            "iodine I 131 monoclonal antibody 81C6",
            "iodine i 131 monoclonal antibody 81c6",
        ),
    ],
)
def test_drugs_normalized_is_the_generic_name(nlp, text, surface, expected):
    assert normalized(nlp, text)[surface] == expected


def test_drugs_code_canonical_names_take_drugbanks_generic_name(nlp):
    # the package's canonical name for DB16473 is the code MEDI3506; DrugBank names the INN
    assert normalized(nlp, "A study of tozorakimab in adults with COPD")["tozorakimab"] == "tozorakimab"


# NCT00002670 and NCT00001442 (legacy XML, PDQ outlines): an agent's names end with its NSC number.
NSC_OUTLINES = (
    "Arm II: Radiotherapy plus Single-Agent Chemotherapy. Irradiation as in Arm I; plus Cisplatin, CDDP, "
    "NSC-119875.\n"
    "Irradiation of tumor and involved nodes using 4-6 MV photons; plus Paclitaxel (Bristol-Myers), Taxol, TAX, "
    "NSC-125973.\n"
)


def test_drugs_nsc_number_takes_the_name_of_the_agent_it_closes(nlp, before_v1_2):
    found = normalized(nlp, NSC_OUTLINES)
    assert found["NSC-119875"] == "cisplatin"
    assert found["NSC-125973"] == "paclitaxel"
    before = normalized(before_v1_2, NSC_OUTLINES)
    # (NSC-119875 is in the lexicon too: registry records list it among cisplatin's other names)
    assert before["NSC-125973"] == "nsc-125973"


def test_drugs_nsc_number_of_its_own_is_kept_as_written(nlp):
    # NCT00001683 (legacy XML): a code in a title, no list of names before it
    text = "A Phase I Study of Oral COL-3 (NSC-683551) in Patients With Refractory Metastatic Cancer"
    assert normalized(nlp, text).get("NSC-683551", "nsc-683551") == "nsc-683551"


# NCT00002947 (legacy XML, gold legacy dev): the record names the agent of its brand, the
# radiolabelled product (as the legacy gold normalizes it).
OCTREOSCAN = (
    "RADIATION: indium In 111 pentetreotide\n\n\nOUTLINE: Patients receive indium In III pentetreotide (OctreoScan) "
    "IV on day 1. Imaging is conducted on days 3 and 6."
)


def test_drugs_brand_in_parentheses_takes_the_records_agent(nlp, before_v1_2):
    found = normalized(nlp, OCTREOSCAN)
    assert found["OctreoScan"] == "indium in 111 pentetreotide"
    assert normalized(before_v1_2, OCTREOSCAN)["OctreoScan"] == "octreotide scan"


@pytest.mark.parametrize(
    "text",
    [
        # a brand whose name already has the agent's keeps it (legacy XML records)
        "Phase I Study of Liposomal Doxorubicin (Doxil)",
        "the combination of liposomal doxorubicin (Doxil)",
        "to determine the maximum tolerated dose of doxorubicin HCl liposome (Doxil)",
    ],
)
def test_drugs_brand_in_parentheses_keeps_its_product(nlp, text):
    assert normalized(nlp, text)["Doxil"] == "liposomal doxorubicin"


def test_drugs_class_heading_keeps_its_own_name(nlp):
    # a registry summary (also in tests/test_layout.py): MeSH's "immune checkpoint inhibitors" lists
    # "CTLA-4 inhibitors" among its variants, which must not name the whole heading
    text = (
        "Preclinical and clinical studies have shown that intestinal low dose radiotherapy (ILDR) can enhance "
        "antitumor immunity and response to immune checkpoint blockade (ICB) by regulating intestinal flora."
    )
    assert normalized(nlp, text)["immune checkpoint blockade"] == "immune checkpoint inhibitors"


def test_drugs_ester_keeps_its_acid(nlp):
    # CHIA NCT03073603 (DEV split): an ester is its own compound, not a salt of ``dimethyl``
    text = "natalizumab,\nfingolimod,\ndimethyl fumarate, or\nteriflunomide; continuously for no less than 5 years."
    found = normalized(nlp, text)
    assert found["dimethyl fumarate"] == "dimethyl fumarate"
    assert found["teriflunomide"] == "teriflunomide"


def test_drugs_antiretroviral_abbreviations_are_their_generic_names(nlp):
    # Legacy HIV/AIDS records write the antiretrovirals by their conventional abbreviations, often
    # without defining them; case matters (``DDI`` is a drug-drug interaction).
    text = (
        "Prior Medication: Excluded: AZT, ddI, ddC, d4T, or other nucleoside analogs. Part C assesses "
        "the regimen of d4T, 3TC, NVP and NFV; mothers receive SQV with low-dose RTV. Not requiring "
        "INH therapy. No DDI study."
    )
    assert normalized(nlp, text) == {
        "AZT": "zidovudine",
        "ddI": "didanosine",
        "ddC": "zalcitabine",
        "d4T": "stavudine",
        "3TC": "lamivudine",
        "NVP": "nevirapine",
        "NFV": "nelfinavir",
        "SQV": "saquinavir",
        "RTV": "ritonavir",
        "INH": "isoniazid",
        "nucleoside analogs": "nucleoside analogues",
    }


def test_drugs_slashed_regimen_short_names_are_each_an_agent(nlp):
    # legacy XML NCT00000872 and NCT00002496: a regimen written as its agents' short names
    text = "Antiretroviral activity of ZDV/3TC/NVP, Throughout study. Treated with cisplatin/fluorouracil (CDDP/5-FU)."
    found = normalized(nlp, text)
    assert found["ZDV"] == "zidovudine"
    assert found["3TC"] == "lamivudine"
    assert found["NVP"] == "nevirapine"
    assert found["5-FU"] == "fluorouracil"
