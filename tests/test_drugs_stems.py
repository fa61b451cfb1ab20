"""INN/USAN stems and vaccine product names."""

import pytest

from trialspacy.components.drugs.stems import find_named_vaccines, find_products, has_inn_stem


@pytest.mark.parametrize(
    "word,expected",
    [
        ("adebelimumab", True),
        ("ivelitinib", True),
        ("datopotamab", True),
        ("sabizabulin", True),
        ("immunoglobulin", False),
        ("microglobulin", False),
        ("interleukin", False),
        ("cholesterol", False),
        ("april", False),
        ("concept", False),
    ],
)
def test_drugs_inn_stems(word, expected):
    assert has_inn_stem(word) is expected


@pytest.mark.parametrize(
    "text,products",
    [
        ("the safety and efficacy of Neo-DCVac combined with ICIs", ["Neo-DCVac"]),
        ("INTERVENTION 1: Herceptin + NeuVax Vaccine", ["NeuVax"]),
        ("PANVAC-V : given subcutaneously", ["PANVAC-V"]),
        ("the patient started receiving the vaccine combined with ICIs", []),
    ],
)
def test_drugs_vaccine_product_names(text, products):
    assert [text[s:e] for s, e in find_products(text)] == products


@pytest.mark.parametrize(
    "text,vaccines",
    [
        ("Investigational HIV-1 vaccines. - Any new investigational agent", ["HIV-1 vaccines"]),
        ("administration of a CMV vaccine or another CMV investigational product", ["CMV vaccine"]),
        ("Use of any investigational or non-registered product (drug or vaccine) other than the study vaccine(s)", []),
        ("Planned administration/ administration of a vaccine not foreseen by the study protocol", []),
    ],
)
def test_drugs_vaccines_named_by_their_pathogen(text, vaccines):
    assert [text[s:e] for s, e in find_named_vaccines(text)] == vaccines
