"""Where a DRUG span starts and ends (the guidelines' span rules beyond the name a rule finds), on
sentences of unannotated ClinicalTrials.gov records (legacy XML and API v2)."""

import pytest
from conftest import REPO

from trialspacy.components.drugs.boundaries import bounded_spans
from trialspacy.lexicon import package_data
from trialspacy.spans import DRUG, label_spans, span_attrs


def drugs(nlp, text: str) -> list[tuple[str, str, str]]:
    return [(s.text, span_attrs(s)["normalized"], span_attrs(s)["kind"]) for s in label_spans(nlp(text), DRUG)]


@pytest.mark.parametrize(
    "text,span,normalized",
    [
        # NCT00003981
        ("No concurrent sulfonylurea agent for diabetes", "sulfonylurea agent", "sulfonylureas"),
        # NCT00495157
        (
            "Asthma can be effectively controlled using inhaled corticosteroid medication.",
            "inhaled corticosteroid medication",
            "inhaled corticosteroids",
        ),
        # NCT06480136
        (
            "Previous receipt of any drug containing a topoisomerase I inhibitor drug, including ADCs.",
            "topoisomerase I inhibitor drug",
            "topoisomerase inhibitors",
        ),
        # NCT05994131
        (
            "IN10018 in combination with third-generation EGFR-TKI in subjects with advanced NSCLC.",
            "third-generation EGFR-TKI",
            "third-generation egfr tyrosine kinase inhibitors",
        ),
        # NCT05463224: a numeral, and a treatment line that stays out
        (
            "Resistance to 1st line 3rd generation EGFR TKI treatment is emphasized.",
            "3rd generation EGFR TKI",
            "third-generation egfr tyrosine kinase inhibitors",
        ),
        # NCT00492336
        (
            "Current treatment with one or more second generation antipsychotics, except ziprasidone",
            "second generation antipsychotics",
            "second-generation antipsychotics",
        ),
    ],
)
def test_drugs_class_span_takes_its_generic_head_and_generation(nlp, text, span, normalized):
    assert (span, normalized, "class") in drugs(nlp, text)


@pytest.mark.parametrize(
    "text,span,normalized",
    [
        # NCT01094704, NCT01899742, NCT01751113: a duration of action or a selectivity names a narrower class
        (
            "Patients unable to withhold short-acting bronchodilator 6 hours prior to the visit.",
            "short-acting bronchodilator",
            "short-acting bronchodilators",
        ),
        (
            "Other Long acting muscarinic antagonists (does not include tiotropium)",
            "Long acting muscarinic antagonists",
            "long-acting anticholinergics",
        ),
        (
            "Receiving non-selective β-blockers (except eye drops)",
            "non-selective β-blockers",
            "non-selective beta blockers",
        ),
        # legacy XML NCT00002159, CHIA NCT03115151 (DEV): a chemical family
        ("Hypersensitivity to azole antifungals", "azole antifungals", "azole antifungal drugs"),
        ("Allergy to amide local anesthetics (lidocaine)", "amide local anesthetics", "amide local anesthetics"),
        # NCT00724048, NCT02827500: a Vaughan Williams class, as a Roman or an Arabic number
        (
            "Use of tricyclic antidepressants or class I antiarrhythmics within 6 weeks of randomization",
            "class I antiarrhythmics",
            "class i antiarrhythmics",
        ),
        (
            "Class I anti-arrhythmics (e.g., quinidine, procainamide)",
            "Class I anti-arrhythmics",
            "class i antiarrhythmics",
        ),
        (
            "Were taking class 1 anti-arrhythmic drugs (e.g., mexiletine)",
            "class 1 anti-arrhythmic drugs",
            "class i antiarrhythmics",
        ),
    ],
)
def test_drugs_class_span_takes_a_qualifier_or_class_number_before_it(nlp, text, span, normalized):
    assert (span, normalized, "class") in drugs(nlp, text)


def test_drugs_route_before_a_qualified_class_stays_out(nlp):
    # NCT01899742: the route stays out, the duration of action is in
    found = drugs(nlp, "Inhaled short acting beta2-agonists, short-acting anticholinergics")
    assert [span for span, _, _ in found] == ["short acting beta2-agonists", "short-acting anticholinergics"]


def test_drugs_elided_class_number_is_not_completed(nlp):
    # NCT00127712: "class Ia" has no head of its own; the class after "or" takes only its own number
    found = drugs(nlp, "Receiving class Ia or class III antiarrhythmics")
    assert found == [("class III antiarrhythmics", "class iii antiarrhythmics", "class")]


@pytest.mark.parametrize(
    "text,span,normalized",
    [
        # dev3 gold NCT04816214: ordinals coordinated before "generation" name the classes together
        (
            "progressed on one prior line of therapy (1st/2nd generation EGFR TKIs, osimertinib)",
            "1st/2nd generation EGFR TKIs",
            "first- and second-generation egfr tyrosine kinase inhibitors",
        ),
        (
            "Approved first/second/third-generation EGFR-TKI treatment in the past.",
            "first/second/third-generation EGFR-TKI",
            "first-, second- and third-generation egfr tyrosine kinase inhibitors",
        ),
        (
            "Prior treatment with a first or second generation EGFR inhibitor is allowed.",
            "first or second generation EGFR inhibitor",
            "first- and second-generation egfr tyrosine kinase inhibitors",
        ),
    ],
)
def test_drugs_coordinated_generations_name_the_classes_together(nlp, text, span, normalized):
    assert (span, normalized, "class") in drugs(nlp, text)


@pytest.mark.parametrize(
    "text,span,normalized",
    [
        # NCT00004101
        (
            "Patients receive monoclonal antibody Hu1D10 IV over 2-4 hours on days 1, 8, 15 and 22.",
            "monoclonal antibody Hu1D10",
            "monoclonal antibody hu1d10",
        ),
        # NCT00009750: MOAB is the monoclonal antibody
        (
            "Patients receive escalating doses of Y90 MOAB m170 until the maximum tolerated dose.",
            "MOAB m170",
            "monoclonal antibody m170",
        ),
        # NCT00003337: the code before the head, and the radionuclide before the code
        (
            "Patients receive an infusion of technetium Tc 99m LL2 monoclonal antibody by IV injection.",
            "technetium Tc 99m LL2 monoclonal antibody",
            "technetium tc 99m ll2 monoclonal antibody",
        ),
        # the legacy registry's radioimmunoconjugate: the target is in the span, not in the name
        (
            "Determine the toxic effects of intracranial iodine I 131 labeled anti-tenascin monoclonal "
            "antibody 81C6 in patients with glioma.",
            "iodine I 131 labeled anti-tenascin monoclonal antibody 81C6",
            "iodine i 131 monoclonal antibody 81c6",
        ),
        # an immunotoxin named by its carrier protein and code
        (
            "Patients receive interleukin-13 PE38QQR immunotoxin interstitially over 96 hours.",
            "interleukin-13 PE38QQR immunotoxin",
            "interleukin-13 pe38qqr immunotoxin",
        ),
        # NCT00003605: a code the lexicon knows gives its agent
        (
            "Cyclophosphamide and rituximab (IDEC-C2B8 monoclonal antibody) as first line treatment.",
            "IDEC-C2B8 monoclonal antibody",
            "rituximab",
        ),
    ],
)
def test_drugs_named_antibody_is_one_agent(nlp, text, span, normalized):
    assert (span, normalized, "agent") in drugs(nlp, text)


@pytest.mark.parametrize(
    "text,span",
    [
        # NCT06097962: a target before the head, found as a class by its grammar
        ("After receiving 4 courses of PD-1 monoclonal antibody in the past.", "PD-1 monoclonal antibody"),
        # NCT00006390: an antigen after the head is its target
        ("Prior monoclonal antibody CD52 allowed if at least partial remission.", "monoclonal antibody"),
        # NCT00004024: a code joined to an English word is no name
        ("Week 14 followed by monoclonal antibody OKT3-activated T lymphocytes IV.", "monoclonal antibody"),
    ],
)
def test_drugs_antibody_head_without_a_clone_code_stays_a_class(nlp, text, span):
    found = drugs(nlp, text)
    assert (span, "class") in [(s, kind) for s, _, kind in found]
    assert not any(kind == "agent" and "monoclonal" in s for s, _, kind in found)


def test_drugs_name_after_non_stays_a_drug(nlp):
    # NCT00009568: a class in a compound modifier, as "platinum" in "non-platinum chemotherapy"
    found = drugs(nlp, "Patients on SSRIs compared with those on a non-SSRI antidepressant medication.")
    assert ("SSRI", "selective serotonin reuptake inhibitors", "class") in found


def test_drugs_participle_after_non_joins_the_class():
    # NCT00000794: "non-sedating antihistamines" is a class of its own
    text = "any other long-acting, non-sedating antihistamines."
    start = text.index("sedating")
    found = [(start, start + len("sedating antihistamines"), {"normalized": "x", "kind": "class", "drugbank_id": None})]
    assert [(text[s:e], a["normalized"]) for s, e, a in bounded_spans(text, found)] == [
        ("non-sedating antihistamines", "non-sedating antihistamines")
    ]


@pytest.mark.parametrize(
    "text,span",
    [
        # NCT02827500: without "non-" the span would name the opposite class
        (
            "Non-dihydropyridine calcium channel blockers (e.g., diltiazem and verapamil)",
            "Non-dihydropyridine calcium channel blockers",
        ),
        # NCT00000752
        ("Non-beta lactam antibacterial agents for other infections", "Non-beta lactam antibacterial agents"),
    ],
)
def test_drugs_modifier_after_non_joins_a_class_of_several_words(nlp, text, span):
    assert (span, "class") in [(s, kind) for s, _, kind in drugs(nlp, text)]


def test_drugs_agent_spans_are_not_grown_over_class_heads():
    # NCT04691388: "oral fluorouracil drugs" names fluoropyrimidines, not a class named by its agent
    text = "less than 14 days of oral fluorouracil drugs"
    start = text.index("fluorouracil")
    found = [(start, start + 12, {"normalized": "fluorouracil", "kind": "agent", "drugbank_id": None})]
    assert bounded_spans(text, found) == found


def test_drugs_boundary_words_have_a_reason_and_are_documented():
    rows = package_data("drug_boundaries.jsonl")
    named = {"ordinal", "qualifier", "numbered_class", "interferon", "interferon_type"}
    assert {row["role"] for row in rows} == {"class_head", "supplement_head", "product_head", "not_clone"} | named
    assert all(row["text"] and row["reason"].strip() for row in rows)
    assert all(
        set(row) == {"text", "role", "reason"} | ({"normalized"} if row["role"] in named else set()) for row in rows
    )
    documented = (REPO / "pipeline" / "trialspacy" / "data" / "DRUG_LEXICON.md").read_text(encoding="utf-8")
    assert "`drug_boundaries.jsonl`" in documented


@pytest.mark.parametrize(
    "text,span,normalized",
    [
        # NCT00491179, NCT00000695, NCT00001785, NCT00002734, NCT00493077
        (
            "The outcome of patients treated with pegylated IFN alfa-2a.",
            "pegylated IFN alfa-2a",
            "peginterferon alfa-2a",
        ),
        ("Patients then receive IFN-B subcutaneously once a day.", "IFN-B", "interferon beta"),
        ("Results indicate that treatment with interferon-b may ameliorate it.", "interferon-b", "interferon beta"),
        ("Administered with IFN-A and paclitaxel.", "IFN-A", "interferon alfa"),
        ("Patients will receive treatment with IFN-beta-1a once weekly.", "IFN-beta-1a", "interferon beta-1a"),
        ("PEG-IFN alfa-2b weekly", "PEG-IFN alfa-2b", "peginterferon alfa-2b"),
    ],
)
def test_drugs_interferon_takes_its_subtype(nlp, text, span, normalized):
    assert (span, normalized, "agent") in drugs(nlp, text)


def test_drugs_interferon_subtype_letter_before_a_full_stop_is_left_alone(nlp):
    # NCT00002763: "IFN-A." is one token with its stop: the span would take the stop
    assert ("IFN-A.", "interferon alfa", "agent") not in drugs(
        nlp, "Assess the toxicity associated with IFN-A. Compare it."
    )


@pytest.mark.parametrize(
    "text,span",
    [
        # NCT00009945, NCT00004892: a route after the name stays out of the span
        ("Exceptions: patients may use low-dose estrogen vaginal creams or Estring.", "estrogen"),
        ("DRUG: polifeprosan 20 with carmustine implant|PROCEDURE: conventional surgery", "carmustine"),
    ],
)
def test_drugs_route_after_a_name_stays_out_of_the_span(nlp, text, span):
    found = [s for s, _, _ in drugs(nlp, text)]
    assert span in found
    assert not any(s.startswith(span + " ") for s in found)


@pytest.mark.parametrize(
    "text,span",
    [
        # NCT00004860, NCT00004195: uracil is marketed only in UFT (tegafur-uracil)
        ("Phase II trial to study the effectiveness of fluorouracil-uracil and leucovorin.", "fluorouracil-uracil"),
        ("At least 8 weeks since prior fluorouracil, capecitabine, fluorouracil-uracil, or S-1", "fluorouracil-uracil"),
        ("Patients receive oral tegafur-uracil twice daily.", "tegafur-uracil"),
    ],
)
def test_drugs_partner_of_one_product_names_it(nlp, text, span):
    assert (span, "tegafur-uracil", "agent") in drugs(nlp, text)


@pytest.mark.parametrize(
    "text,span,normalized",
    [
        # NCT00000793, NCT00302744, NCT03135899: a class in the singular names the kind of the class after it
        (
            "Any MAO inhibitor antidepressants, any tricyclic or tetracyclic antidepressants.",
            "MAO inhibitor antidepressants",
            "mao inhibitor antidepressants",
        ),
        (
            "non-narcotic pain medication at any time, and narcotic pain medications up to eight hours",
            "narcotic pain medications",
            "narcotic analgesics",
        ),
        (
            "A long acting beta agonist or anticholinergic bronchodilator (Visit 1)",
            "anticholinergic bronchodilator",
            "anticholinergic bronchodilators",
        ),
    ],
)
def test_drugs_class_before_a_class_names_one_class(nlp, text, span, normalized):
    assert (span, normalized, "class") in drugs(nlp, text)


@pytest.mark.parametrize(
    "text,spans",
    [
        # NCT02920424: a modifier after "non-" stays a class of its own
        ("maximum of 1 non-corticosteroid immunosuppressive drug", ["corticosteroid", "immunosuppressive drug"]),
        # NCT00004284: a list without commas, a plural and a capital between the items
        (
            "Angiotensin-converting enzyme inhibitors Nonsteroidal anti-inflammatory drugs",
            ["Angiotensin-converting enzyme inhibitors", "Nonsteroidal anti-inflammatory drugs"],
        ),
    ],
)
def test_drugs_classes_side_by_side_stay_apart(nlp, text, spans):
    assert [span for span, _, _ in drugs(nlp, text)] == spans
