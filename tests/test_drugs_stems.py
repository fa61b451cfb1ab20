"""INN/USAN stems and vaccine product names."""

import pytest

from trialspacy.components.drugs.stems import find_contained_names, find_named_vaccines, find_products, has_inn_stem


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


@pytest.mark.parametrize(
    "text,names",
    [
        # legacy PDQ/AIDS records and dev4-like criteria: the agent named inside "X-containing" + a drug head
        ("previously received CDX-011 or other MMAE containing agents.", ["MMAE"]),
        ("Prior failure of a PI-containing antiretroviral regimen", ["PI"]),
        ("No prior ATRA-containing regimen", ["ATRA"]),
        # heads that are no drugs
        ("ApoB-containing lipoproteins; EDTA containing tubes", []),
    ],
)
def test_drugs_names_inside_a_containing_modifier(text, names):
    assert [text[s:e] for s, e in find_contained_names(text)] == names
