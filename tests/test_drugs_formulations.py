"""Formulations that are their own product, and salt forms that are not (contract v1.2), on names
and sentences of ClinicalTrials.gov records."""

import pytest

from trialspacy.components.drugs.formulations import extend_formulations, product_name
from trialspacy.spans import DRUG, label_spans, span_attrs


@pytest.mark.parametrize(
    "surface,normalized,product",
    [
        ("liposomal doxorubicin", "doxorubicin", "liposomal doxorubicin"),
        ("pegylated liposomal doxorubicin hydrochloride", "doxorubicin", "pegylated liposomal doxorubicin"),
        ("liposomal vincristine sulfate", "vincristine", "liposomal vincristine"),
        ("vincristine sulfate liposomes", "vincristine", "liposomal vincristine"),
        ("cisplatin liposomal", "cisplatin", "liposomal cisplatin"),
        ("pegylated interferon alfa-2b", "interferon alfa-2b", "peginterferon alfa-2b"),
        # the lexicon already names the product: kept
        ("pegylated interferon alfa-2b", "peginterferon alfa-2b", "peginterferon alfa-2b"),
        ("nab-paclitaxel", "paclitaxel", "nab-paclitaxel"),
        ("albumin-bound paclitaxel", "albumin-bound paclitaxel", "nab-paclitaxel"),
        ("paclitaxel protein-bound particles", "paclitaxel", "nab-paclitaxel"),
        # salts: the parent agent, also when the lexicon's name carries the salt
        ("imatinib mesylate", "imatinib", "imatinib"),
        ("Megestrol Acetate", "megestrol acetate", "megestrol"),
        ("leucovorin calcium", "leucovorin", "leucovorin"),
        ("lithium carbonate", "lithium carbonate", "lithium"),
        # the abbreviation registries write (ro_trials: "propylene glycol-free melphalan HCl (EVOMELA®)")
        ("melphalan HCl", "melphalan", "melphalan"),
        # esters (USP/INN ester names): the parent, as the lexicon's names for them too (dev3
        # NCT00000854 "Nandrolone Decanoate"; legacy records "testosterone enanthate", "paliperidone
        # palmitate"; INN spellings)
        ("Nandrolone Decanoate", "nandrolone decanoate", "nandrolone"),
        ("testosterone enanthate", "testosterone enanthate", "testosterone"),
        ("testosterone enantate", "testosterone", "testosterone"),
        ("testosterone undecanoate", "testosterone", "testosterone"),
        ("paliperidone palmitate", "paliperidone palmitate", "paliperidone"),
        ("fluticasone propionate", "fluticasone", "fluticasone"),
        ("beclomethasone dipropionate", "beclomethasone", "beclomethasone"),
        ("estradiol valerate", "estradiol", "estradiol"),
        ("mometasone furoate", "mometasone", "mometasone"),
        ("hydroxyprogesterone caproate", "hydroxyprogesterone caproate", "hydroxyprogesterone"),
        ("escitalopram oxalate", "escitalopram", "escitalopram"),
        ("ketorolac tromethamine", "ketorolac", "ketorolac"),
        ("amoxicillin trihydrate", "amoxicillin", "amoxicillin"),
        # an alkyl or aryl ester is a compound of its own, whatever the acid (retinyl palmitate)
        ("retinyl palmitate", "retinyl palmitate", None),
        ("ascorbyl palmitate", "ascorbyl palmitate", None),
        ("MELPHALAN HCL", "melphalan", "melphalan"),
        # how the protein was made: in the span, not in the product's name (legacy gold: recombinant interferon alfa)
        ("recombinant interferon alfa", "interferon alfa", "interferon alfa"),
        ("Recombinant Human GM-CSF", "sargramostim", "sargramostim"),
        ("human recombinant insulin", "insulin", "insulin"),
        # nothing to do: an ion's salt is its own product, a plain name or a brand
        ("calcium carbonate", "calcium carbonate", None),
        ("docetaxel", "docetaxel", None),
        ("Doxil", "doxorubicin lipid complex", None),
    ],
)
def test_drugs_formulation_product_name(surface, normalized, product):
    assert product_name(surface, normalized) == product


def agent(text: str, name: str, normalized: str, within: str) -> tuple[int, int, dict[str, object]]:
    """An agent span on ``name`` where it occurs in the phrase ``within`` of ``text``."""
    start = text.index(within) + within.index(name)
    return start, start + len(name), {"normalized": normalized, "kind": "agent", "drugbank_id": None}


def test_drugs_formulation_grows_the_span_over_its_words():
    # NCT00006383 and NCT00002985 (legacy XML)
    text = (
        "Phase II trial to study the effectiveness of liposomal vincristine in treating patients. "
        "Patients receive vincristine sulfate liposomes IV over 1 hour. DRUG: daunorubicin hydrochloride|"
        "DRUG: pegylated liposomal doxorubicin hydrochloride. Other than calcium carbonate."
    )
    found = [
        agent(text, "vincristine", "vincristine", "liposomal vincristine"),
        agent(text, "vincristine", "vincristine", "receive vincristine"),
        agent(text, "daunorubicin", "daunorubicin", "daunorubicin"),
        agent(text, "doxorubicin", "doxorubicin", "doxorubicin"),
        agent(text, "calcium", "calcium", "calcium"),
    ]
    extended = extend_formulations(text, found)
    assert [(text[s:e], a["normalized"]) for s, e, a in extended] == [
        ("liposomal vincristine", "liposomal vincristine"),
        ("vincristine sulfate liposomes", "liposomal vincristine"),
        ("daunorubicin hydrochloride", "daunorubicin"),
        ("pegylated liposomal doxorubicin hydrochloride", "pegylated liposomal doxorubicin"),
        ("calcium", "calcium"),
    ]


def test_drugs_recombinant_is_in_the_span():
    # LCT DEV NCT03925298
    text = "treated with intravenous thrombolytic therapy ((recombinant tissue plasminogen activator (rt-PA))."
    found = [agent(text, "tissue plasminogen activator", "alteplase", "tissue plasminogen activator")]
    assert [(text[s:e], a["normalized"]) for s, e, a in extend_formulations(text, found)] == [
        ("recombinant tissue plasminogen activator", "alteplase")
    ]


def test_drugs_ester_word_is_taken_into_the_span_and_dropped_from_the_name(nlp) -> None:
    # dev3 NCT00000854 and legacy record NCT00001079: the lexicon names the ester, the contract the parent
    doc = nlp(
        "The purpose of this study is to see if giving nandrolone decanoate (a hormonal drug) will cause "
        "weight gain. History of hypersensitivity reaction to megestrol acetate or testosterone enanthate."
    )
    drugs = [(s.text, span_attrs(s)["normalized"]) for s in label_spans(doc, DRUG)]
    assert ("nandrolone decanoate", "nandrolone") in drugs
    assert ("testosterone enanthate", "testosterone") in drugs
    assert ("megestrol acetate", "megestrol") in drugs


def test_drugs_salt_of_two_agents_is_not_taken_for_an_ester() -> None:
    # legacy records NCT00004412, NCT00006340: arginine butyrate is given for its butyrate; butyrate is
    # no salt word, so the two names stay as they were found
    text = "Patients receive arginine butyrate IV over 6-9 hours."
    found = [
        agent(text, "arginine", "arginine", "arginine butyrate"),
        agent(text, "butyrate", "butyric acid", "arginine butyrate"),
    ]
    assert extend_formulations(text, found) == found


def test_drugs_formulation_leaves_classes_alone():
    text = "prior platinum salts"
    found = [(6, 14, {"normalized": "platinum compounds", "kind": "class", "drugbank_id": None})]
    assert extend_formulations(text, found) == found


def test_the_source_of_a_biological_product_is_in_the_span(nlp) -> None:
    # dev3 NCT00004286 (legacy record): "human" says where the product comes from, as "recombinant"
    # says how it was made; the product is the agent
    doc = nlp(
        "Phase III Trial of Human Immune Globulin Therapy. Patients receive either intravenous human "
        "immune globulin (IVIG) or placebo.\nDRUG: immune globulin"
    )
    drugs = [(s.text, span_attrs(s)["normalized"]) for s in label_spans(doc, DRUG)]
    assert drugs == [
        ("Human Immune Globulin", "immune globulin"),
        ("human immune globulin", "immune globulin"),
        ("IVIG", "immune globulin"),
        ("immune globulin", "immune globulin"),
    ]


def test_an_abbreviated_salt_stays_in_the_span(nlp) -> None:
    # radiation-oncology trial text (gold dev ro_trials#5): the guideline keeps salt words in the span
    doc = nlp("A phase II study of propylene glycol-free melphalan HCl (EVOMELA®) with fludarabine.")
    drugs = [(s.text, span_attrs(s)["normalized"]) for s in label_spans(doc, DRUG)]
    assert ("melphalan HCl", "melphalan") in drugs


@pytest.mark.parametrize(
    "text,code,normalized",
    [
        # NCT00004083, NCT00004212, NCT00002947 (legacy records): the code or brand in parentheses after
        # a formulation, a salt or a radiolabelled agent names the product written before it
        (
            "Patients receive cisplatin liposomal (SPI-77) IV over a minimum of 4 hours on day 1.",
            "SPI-77",
            "liposomal cisplatin",
        ),
        (
            "the maximum tolerated dose of exatecan mesylate (DX-8951f) with and without filgrastim",
            "DX-8951f",
            "exatecan",
        ),
        (
            "Patients receive indium In 111 pentetreotide (OctreoScan) IV on day 1.",
            "OctreoScan",
            "indium in 111 pentetreotide",
        ),
    ],
)
def test_drugs_short_name_after_a_product_takes_the_product_name(nlp, text, code, normalized):
    found = {s.text: span_attrs(s)["normalized"] for s in label_spans(nlp(text), DRUG)}
    assert found[code] == normalized
