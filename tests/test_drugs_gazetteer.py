"""The record's intervention list as a gazetteer, and the generic names a record gives its codes."""

import pytest

from trialspacy.components.drugs.gazetteer import intervention_names, looks_like_name, resolve_codes


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
    ],
)
def test_drugs_intervention_names_split_items(section, names):
    assert intervention_names(section) == names


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


@pytest.mark.parametrize(
    "name,expected",
    [
        ("LG002", True),
        ("Neo-DCVac", True),
        ("Sintilimab", True),
        ("Physician's choice", False),
        ("best supportive care", False),
    ],
)
def test_drugs_intervention_name_shape(name, expected):
    assert looks_like_name(name) is expected
