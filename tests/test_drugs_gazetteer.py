"""The record's intervention list as a gazetteer, and the generic names a record gives its codes."""

import pytest

from trialspacy.components.drugs.gazetteer import (
    CORE_TYPES,
    ListedName,
    intervention_names,
    listed_names,
    looks_like_name,
    resolve_codes,
)


@pytest.mark.parametrize(
    "section,names",
    [
        ("DRUG: Toripalimab injection combine with Axitinib", ["Toripalimab", "Axitinib"]),
        ("BIOLOGICAL: LM103", ["LM103"]),
        ("DRUG: LG002", ["LG002"]),
        (
            "RADIATION: Spatially Fractionated Radiation Therapy Combined With Low-dose Radiotherapy|"
            "RADIATION: Conventional fractionated radiotherapy",
            [],
        ),
        ("DRUG: Sintilimab 200 mg IV|DRUG: Placebo|PROCEDURE: Surgery", ["Sintilimab"]),
        ("Drug: Docetaxel\nDrug: Cisplatin plus pemetrexed", ["Docetaxel", "Cisplatin", "pemetrexed"]),
        ("DRUG: Standard of care chemotherapy", []),
        ("BIOLOGICAL: IL-2|DRUG: 5-FU 400 mg/m2", ["IL-2", "5-FU"]),
        (
            "DRUG: Tislelizumab，atezolizumab|DRUG: TY-9591 QD|DRUG: adjuvant chemotherapy MRD- patients",
            ["Tislelizumab", "atezolizumab", "TY-9591"],
        ),
        # Legacy records: the source of a biological product in parentheses is no agent of its own.
        (
            "DRUG: Vaccinia Immune Globulin (Human)|BIOLOGICAL: Hepatitis B Vaccine (Recombinant)",
            ["Vaccinia Immune Globulin", "Hepatitis B Vaccine"],
        ),
    ],
)
def test_drugs_intervention_names_split_items(section, names):
    assert intervention_names(section) == names


@pytest.mark.parametrize(
    "section,names",
    [
        # every agent-naming type, as API v2 and the legacy formats write it (NCT00000145, site CSV export)
        (
            "DIETARY_SUPPLEMENT: Antioxidants|DIETARY_SUPPLEMENT: Zinc|DIETARY_SUPPLEMENT: Antioxidants and zinc",
            ["Antioxidants", "Zinc", "zinc"],
        ),
        ("Dietary Supplement: Superba Boost", ["Superba Boost"]),
        ("GENETIC: Ad5-CB-CFTR|COMBINATION_PRODUCT: Kinerase Pro", ["Ad5-CB-CFTR", "Kinerase Pro"]),
        # laboratory methods listed as GENETIC are not agents
        ("GENETIC: Gene mutations analysis and FISH|GENETIC: polymerase chain reaction", []),
        # combinations listed as one item (NCT00493363, NCT00498602, NCT00004208, NCT00492297)
        ("DRUG: Artesunate + Mefloquine", ["Artesunate", "Mefloquine"]),
        ("BIOLOGICAL: ACC-001 + QS-21|DRUG: ATG + CSA", ["ACC-001", "QS-21", "ATG", "CSA"]),
        (
            "DRUG: Sorafenib (Nexavar, BAY43-9006) + Dacarbazine (DTIC)",
            ["Sorafenib", "Nexavar", "BAY43-9006", "Dacarbazine", "DTIC"],
        ),
        ("DRUG: SHR-1316+carboplatin|DRUG: pemetrexed、carboplatin", ["SHR-1316", "carboplatin", "pemetrexed"]),
        (
            "DRUG: FLU/MEL|DRUG: Peginterferon alfa-2a plus Ribavirin",
            ["FLU", "MEL", "Peginterferon alfa-2a", "Ribavirin"],
        ),
        # RADIATION items name an agent when they name a radionuclide (legacy XML records)
        (
            "RADIATION: indium In 111 pentetreotide|RADIATION: radiation therapy|RADIATION: 3D-CRT",
            ["indium In 111 pentetreotide"],
        ),
        (
            "RADIATION: strontium chloride Sr 89|RADIATION: tositumomab and iodine I 131 tositumomab",
            ["strontium chloride Sr 89", "iodine I 131 tositumomab"],
        ),
        ("RADIATION: iodine I 131 monoclonal antibody TNT-1/B", ["iodine I 131 monoclonal antibody TNT-1/B"]),
        # a hyphen or a dose's slash is no combination
        ("DRUG: S-1 80 mg/m2/day|DRUG: TAS-102|DRUG: 5-FU|DRUG: MK-3475", ["S-1", "TAS-102", "5-FU", "MK-3475"]),
    ],
)
def test_drugs_intervention_names_of_every_agent_type_and_combination(section, names):
    assert intervention_names(section) == names


def test_drugs_intervention_names_core_types_leave_supplements_out():
    section = "DIETARY_SUPPLEMENT: curcumin|GENETIC: Ad5-CB-CFTR|RADIATION: iodine I 131|DRUG: Gemcitabine"
    assert intervention_names(section, CORE_TYPES) == ["Gemcitabine"]


def test_drugs_listed_names_tell_whole_names_from_parts_of_names():
    # NCT00498602, NCT00004061 (legacy XML): a part cut at "/" may be a gene or an antigen of the name
    section = "BIOLOGICAL: ACC-001 + QS-21|BIOLOGICAL: HER-2/neu peptide vaccine|DRUG: FLU/MEL"
    assert listed_names(section) == [
        ListedName("ACC-001", True),
        ListedName("QS-21", True),
        ListedName("HER-2", False),
        ListedName("neu peptide vaccine", False),
        ListedName("FLU", False),
        ListedName("MEL", False),
    ]


@pytest.mark.parametrize(
    "text,name,code",
    [
        (
            "To evaluate the antitumor activity of Toripalimab injection (JS001) combined with Axitinib",
            "Toripalimab",
            "JS001",
        ),
        ("Effects of TAK-202 (plozalizumab) on the chemokine receptor", "plozalizumab", "TAK-202"),
    ],
)
def test_drugs_resolve_codes_from_parentheses(text, name, code):
    agent = {"normalized": name.lower(), "kind": "agent", "drugbank_id": "DB00001"}
    unknown = {"normalized": code.lower(), "kind": "agent", "drugbank_id": None}
    found = [
        (text.index(name), text.index(name) + len(name), agent),
        (text.index(code), text.index(code) + len(code), unknown),
    ]
    assert resolve_codes(text, found) == {code.lower(): {"normalized": name.lower(), "drugbank_id": "DB00001"}}
    assert resolve_codes(text.replace("(", "and ").replace(")", ""), found) == {}


def test_drugs_resolve_codes_from_the_records_own_words():
    # NCT00461045, NCT00000698 (legacy XML)
    text = (
        "escalating doses of the proteasome inhibitor NPI-0052 (also known as marizomib) in patients. "
        "To determine the safety and effectiveness of intravenous ganciclovir (also known as DHPG) in AIDS."
    )
    marizomib = {"normalized": "marizomib", "kind": "agent", "drugbank_id": None}
    ganciclovir = {"normalized": "ganciclovir", "kind": "agent", "drugbank_id": "DB01004"}
    guess = {"normalized": "dihydroxyphenylglycine", "kind": "agent", "drugbank_id": None}
    code = {"normalized": "npi-0052", "kind": "agent", "drugbank_id": None}
    found = [
        (text.index("NPI-0052"), text.index("NPI-0052") + 8, code),
        (text.index("marizomib"), text.index("marizomib") + 9, marizomib),
        (text.index("ganciclovir"), text.index("ganciclovir") + 11, ganciclovir),
        (text.index("DHPG"), text.index("DHPG") + 4, guess),
    ]
    # the record's name wins over the lexicon's guess for the abbreviation
    assert resolve_codes(text, found) == {
        "npi-0052": {"normalized": "marizomib", "drugbank_id": None},
        "dhpg": {"normalized": "ganciclovir", "drugbank_id": "DB01004"},
    }
    assert resolve_codes(text, found, aliases=False) == {}


@pytest.mark.parametrize(
    "name,expected",
    [
        ("LG002", True),
        ("Neo-DCVac", True),
        ("Sintilimab", True),
        ("indium In 111 pentetreotide", True),
        ("Physician's choice", False),
        ("best supportive care", False),
    ],
)
def test_drugs_intervention_name_shape(name, expected):
    assert looks_like_name(name) is expected
