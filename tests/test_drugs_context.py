"""The words around a substance that say it is measured, or that a cytokine is given."""

import pytest

import trialspacy
from trialspacy.components.drugs.context import given_as_product, given_as_therapy, is_measured, next_word
from trialspacy.spans import DRUG, label_spans


@pytest.fixture(scope="module")
def nlp():
    return trialspacy.build([])


@pytest.mark.parametrize(
    "text,substance,expected",
    [
        ("Type 1 diabetes mellitus or insulin resistance", "insulin", True),
        ("willingness to wear the insulin pump", "insulin", True),
        ("estrogen receptor positive breast cancer", "estrogen", True),
        ("Serum creatinine ≤ 1.5 × ULN", "creatinine", True),
        ("HER2-positive breast cancer", "HER2", True),
        # Legacy records: the body's response, secretion or antibodies measured in the substance.
        ("assessed the first-phase insulin response to intravenous glucose", "insulin", True),
        ("factors associated with insulin secretory failure", "insulin", True),
        ("measured insulin antibodies and islet-cell antibodies", "insulin", True),
        ("a complete response to cisplatin", "cisplatin", False),
        ("patients treated with insulin for 3 months", "insulin", False),
        ("heparin 5000 units subcutaneously", "heparin", False),
        ("there is no history of EV71 infection", "EV71", True),
        # HINT and CHIA criteria: a concentration in a body fluid is a laboratory value.
        ("Medical or surgical castration with testosterone < 50 ng/dL", "testosterone", True),
        ("Ovulatory (mid-luteal progesterone >3ng/dL)", "progesterone", True),
        ("Type B natriuretic peptide (BNP) >150 pg/ml", "peptide", True),
        ("Testosterone 50 ng/mL or lower if a patient is receiving an LHRH agonist", "Testosterone", True),
        ("Plasma level of beta-hydroxybutyrate (BHB) ≤ 1 mmol/L (non-fasting)", "BHB", True),
        # CHIA DEV and legacy records: a drug screen's list is measured, to the end of its clause.
        ("Positive findings of urine drug screen (eg, barbiturates, cocaine, and opiates).", "cocaine", True),
        ("Negative urine toxicology screen (except for methadone or methadone metabolites)", "methadone", True),
        ("urine drug screen positive for methadone and/or opioids on admission", "opioids", True),
        ("Positive alcohol (breath test) or nicotine screen at Screening Visit", "nicotine", True),
        ("Having a urine toxicology screen positive for cocaine metabolites.", "cocaine", True),
        ("Negative urine drug screen before the first dose of naltrexone.", "naltrexone", False),
        ("Negative urine drug screen. Patients on methadone may enroll.", "methadone", False),
        # A condition named after a substance, its head shared by a coordinated pair.
        ("Treatment of Schizophrenia and Comorbid Cannabis Use Disorder", "Cannabis", True),
        ("Preoperative recent history of opioid or alcohol abuse", "opioid", True),
        ("reduced methamphetamine withdrawal symptoms when compared to placebo", "methamphetamine", True),
        # Stopping a drug given names the drug; a measured head is no condition's to share.
        ("Progression since antiandrogen withdrawal", "antiandrogen", False),
        ("Contraindication to aspirin or P2Y12 receptor antagonist", "aspirin", False),
        # "receptors" after a coordinated pair is the head of both (legacy PDQ records, dev4), unless a
        # class head follows it: then the receptor word is the second item's target.
        ("Tumor is estrogen and/or progesterone receptor positive", "estrogen", True),
        ("minimal or no expression of estrogen and progesterone receptors (ER/PR)", "estrogen", True),
        ("Hormone receptor status: estrogen or progesterone receptor negative", "estrogen", True),
        ("No prior testosterone or androgen receptor antagonists", "testosterone", False),
        ("the combination of an ACE-inhibitor and an angiotensin receptor blocking agent", "inhibitor", False),
        # The head after a short form's parenthesis, and the body fluid a substance is measured in.
        ("a neurotransmitter (gamma-aminobutyric acid, GABA) receptor agonist", "GABA", True),
        ("Ovulation triggering Progesterone serum level at the triggering day", "Progesterone", True),
        # A device named after the drug it carries (legacy records, CHIA DEV).
        ("Titanium Nitride Oxide Coated Stents and Paclitaxel Eluting Stents", "Paclitaxel", True),
        ("Subjects using any type of antimicrobial-coated or heparin-coated catheter", "heparin", True),
        # LCT DEV NCT03864068: an index computed from a level, and a substance a tumour makes.
        ("Women with total testosterone > 50 ng/dL or a free androgen index greater than 10", "androgen", True),
        ("Women with a suspected adrenal or ovarian tumor secreting androgens", "androgens", True),
        ("an adrenal adenoma producing cortisol", "cortisol", True),
        ("Patients on androgens or estrogen therapy", "androgens", False),
        # A product's strength is no laboratory value.
        ("insulin glargine 100 U/mL, biosimilar of insulin glargine", "glargine", False),
        ("Previous use of Copaxone 40 mg/mL three times per week", "Copaxone", False),
    ],
)
def test_drugs_context_is_measured(nlp, text, substance, expected):
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == substance)
    assert is_measured(doc, start, start + 1) is expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("high-dose IL-2 therapy after the cells", True),
        ("patients receiving IL-2 infusion", True),
        ("previously treated with IL-2 and sunitinib", True),
        ("one cytokine (interferon alfa, high-dose IL-2)", True),
        # dev3 NCT00002674 and legacy PDQ criteria: the time since it was given, or given with the study's
        ("PRIOR CONCURRENT THERAPY: At least 1 month since IL-2", True),
        ("No concurrent IL-2 administration", True),
        ("serum IL-2 levels at baseline", False),
        ("IL-2 and IL-6 were measured", False),
        ("IL-2", False),
    ],
)
def test_drugs_context_cytokine_given_as_therapy(nlp, text, expected):
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == "IL-2")
    assert given_as_therapy(doc, start, start + 1) is expected


def test_drugs_context_next_word_skips_one_glued_hyphen(nlp):
    doc = nlp("estrogen-dependent tumours and estrogen - dependent tumours")
    assert [t.text for t in doc][:3] == ["estrogen", "-", "dependent"]
    assert next_word(doc, 1) == "dependent"
    assert next_word(doc, len(doc)) == ""


@pytest.mark.parametrize(
    "text,surface,expected",
    [
        # legacy NCT00000889: a noun of giving, then "of"
        ("This Phase II trial will allow administration of IL-2 plus antiretroviral therapy.", "IL-2", True),
        ("Three doses of IL-2 are studied.", "IL-2", True),
        # HINT NCT02128217: a short name that is a drug only where given
        ("Any other contraindication to the use of RBV or SOF.", "RBV", True),
        ("Serum levels of IL-6 and production of IL-2 were measured.", "IL-2", False),
        ("Levels of IL-2 at baseline.", "IL-2", False),
    ],
)
def test_drugs_context_given_after_a_noun_of_giving_and_of(nlp, text, surface, expected):
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == surface)
    assert given_as_therapy(doc, start, start + 1) is expected


@pytest.fixture(scope="module")
def full_nlp():
    return trialspacy.load()


@pytest.mark.parametrize(
    "text,name",
    [
        # dev3 NCT00008528 and legacy record NCT00000874: resistance to a class is resistance to its drugs
        (
            "the screening GT/PT antiretroviral resistance testing, and any prior GT/PT antiretroviral resistance",
            "antiretroviral",
        ),
        (
            "ability of SU5416 to reverse platinum resistance in patients with platinum-refractory ovarian cancer",
            "platinum",
        ),
    ],
)
def test_drugs_a_class_before_resistance_is_a_drug(full_nlp, text, name) -> None:
    assert name in {s.text for s in label_spans(full_nlp(text), DRUG)}


def test_drugs_a_substance_before_resistance_stays_measured(full_nlp) -> None:
    # the body's resistance to an agent it makes: a condition, not the agent
    assert "insulin" not in {
        s.text for s in label_spans(full_nlp("Patients with insulin resistance were excluded."), DRUG)
    }


@pytest.mark.parametrize(
    "text,expected",
    [
        # legacy records: ethanol drunk (GUIDELINES: alcohol is no DRUG) and ethanol given as a product
        ("At least 48 hours since prior or concurrent ethanol (CYP3A enzyme inducer)", False),
        ("Current ethanol abuse by personal history", False),
        ("merous studies have established ethanol intake as a risk", False),
        ("Intratumoral injection of absolute ethanol warrants a clinical trial", True),
        ("percutaneous ethanol injection or cryoablation are eligible", True),
        ("Administration of Ethanol 96% Formulated in a Gel", True),
    ],
)
def test_ethanol_is_a_drug_only_given_as_a_product(full_nlp, text, expected) -> None:
    doc = full_nlp(text)
    start = next(t.i for t in doc if t.lower_ == "ethanol")
    assert given_as_product(doc, start, start + 1) is expected
    assert any(s.text.lower() == "ethanol" for s in label_spans(doc, DRUG)) is expected
