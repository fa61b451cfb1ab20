"""DRUG recall on records written outside the gold's sources (legacy XML across all diseases, HINT
criteria): the classes of drug mention a probe of unannotated records found uncovered."""

import pytest

import trialspacy
from trialspacy.components.drugs.gazetteer import intervention_names, names_agent
from trialspacy.spans import DRUG, label_spans

PIPELINE = ["trialspacy_layout", "trialspacy_abbreviations", "trialspacy_drugs"]


@pytest.fixture(scope="module")
def nlp():
    return trialspacy.build(PIPELINE)


def drugs(nlp, text: str) -> list[tuple[str, str, str]]:
    """(text, normalized, kind) of the DRUG spans of ``text``."""
    return [(s.text, s._.trialspacy_normalized, s._.trialspacy_kind) for s in label_spans(nlp(text), DRUG)]


# Cause: the record's list names an agent in lower case or as a description, which no shape rule
# took for a name (legacy XML records, registered 1999-2007).
# NCT00005937: a biological product named by a description.
ATG = (
    "Antithymocyte Globulin and Cyclosporine to Treat Myelodysplasia\nThis study will determine the safety and "
    "effectiveness of a combination of the immune-suppressing drugs antithymocyte globulin (ATG) and cyclosporine "
    "for treating myelodysplasia.\nMyelodysplastic Syndrome\nDRUG: Antithymocyte globulin|DRUG: Cyclosporine\n"
    "Red Blood Cell Transfusion Independence, 6 months\n\n\nPatients receive ATG and cyclosporine."
)
# NCT00000534: a supplement the lexicon blocks (it is mostly measured), listed as the intervention.
CALCIUM = (
    "Calcium for Pre-Eclampsia Prevention (CPEP)\nTo evaluate the efficacy of 2 grams per day of oral calcium "
    "supplementation in reducing the combined incidence of hypertensive disorders of pregnancy.\nPre-Eclampsia\n"
    "DRUG: calcium|BEHAVIORAL: dietary supplements\n\n\nBACKGROUND:\n\nMost trials have not assessed the "
    "possibility that a subgroup with low baseline urinary calcium may benefit most from calcium supplementation."
)
# NCT00004832: a chemical name whose locants hold a comma.
DAP = (
    "Randomized Study of 3,4-Diaminopyridine for Lambert-Eaton Myasthenic Syndrome\nOBJECTIVES: I. Evaluate the "
    "safety and effectiveness of 3,4-diaminopyridine (DAP) in the treatment of patients with Lambert-Eaton "
    "myasthenic syndrome (LEMS).\nLambert-Eaton Myasthenic Syndrome\nDRUG: 3,4-diaminopyridine\n\n\n"
    "PROTOCOL OUTLINE: Patients are randomized to receive 3,4-diaminopyridine (DAP) or placebo orally."
)
# NCT00003552 / NCT00493857: cell products, and a known agent described at length, which keeps its name.
CELLS = (
    "Allogeneic Lymphocytes in Treating Patients With Metastatic Melanoma\nPURPOSE: Phase II trial of donor cells "
    "and antibodies.\nRecurrent Melanoma\n"
    "DRUG: allogeneic lymphocytes|DRUG: anti-thymocyte globulin|DRUG: Nimotuzumab Humanized Monoclonal Antibody|"
    "PROCEDURE: gene therapy|DRUG: Treatment of depression\nResponse rate, 8 weeks\n\n\nPatients receive anti-thymocyte globulin IV and "
    "then allogeneic lymphocytes IV on day 0; nimotuzumab is given weekly. No prior gene therapy."
)


def test_drugs_listed_description_of_an_agent_is_a_drug_throughout_the_record(nlp):
    found = drugs(nlp, ATG)
    assert [f[0] for f in found if f[1] == "antithymocyte globulin" and f[0] != "ATG"] == [
        "Antithymocyte Globulin",
        "antithymocyte globulin",
        "Antithymocyte globulin",
    ]
    # the record's abbreviation for it follows
    assert ("ATG", "antithymocyte globulin", "agent") in found


def test_drugs_listed_blocked_substance_is_a_drug_except_where_measured(nlp):
    surfaces = [f[0] for f in drugs(nlp, CALCIUM) if f[1] == "calcium"]
    # the title, the aim, the list and the supplementation; "urinary calcium" is measured
    assert surfaces == ["Calcium", "calcium", "calcium", "calcium"]


def test_drugs_listed_chemical_name_keeps_its_locants(nlp):
    found = drugs(nlp, DAP)
    assert [f[0] for f in found if f[1] == "3,4-diaminopyridine"] == [
        "3,4-Diaminopyridine",
        "3,4-diaminopyridine",
        "DAP",
        "3,4-diaminopyridine",
        "3,4-diaminopyridine",
        "DAP",
    ]


def test_drugs_listed_cell_products_are_agents_and_descriptions_of_known_agents_are_not_taken(nlp):
    found = drugs(nlp, CELLS)
    surfaces = [f[0] for f in found]
    assert surfaces.count("allogeneic lymphocytes") == 2
    assert surfaces.count("anti-thymocyte globulin") == 2
    assert ("Nimotuzumab", "nimotuzumab", "agent") in found
    assert "Nimotuzumab Humanized Monoclonal Antibody" not in surfaces
    assert not {"gene", "depression"} & {s.lower() for s in surfaces}


@pytest.mark.parametrize(
    "name,blocked,expected",
    [
        ("niacin", True, True),
        ("2-Fluorodeoxyglucose", False, True),
        ("3,4-diaminopyridine", False, True),
        ("anti-thymocyte globulin", False, True),
        ("bcr-abl peptide vaccine", False, True),
        ("therapeutic autologous dendritic cells", False, True),
        # what is left of "gene therapy", "Treatment of depression", "isolated perfusion"
        ("gene", False, False),
        ("depression", False, False),
        ("isolated perfusion", False, False),
    ],
)
def test_drugs_names_agent_by_the_records_word(name, blocked, expected):
    assert names_agent(name, blocked) is expected


def test_drugs_intervention_name_cut_at_a_bracket_keeps_no_hyphen():
    # ctrialsgov sample NCT03500224: "-TAK-954" would take the place of the code after its label
    assert intervention_names("DRUG: [14C]-TAK-954") == ["14C", "TAK-954"]


def test_drugs_intervention_name_with_its_salt_names_the_agent():
    # legacy XML NCT00002100, NCT00000284: a name unknown to the lexicon listed in its salt form;
    # an ion's salt stays whole
    names = intervention_names("DRUG: Curdlan sulfate|DRUG: Cotinine fumarate|DRUG: Calcium carbonate")
    assert names == ["Curdlan", "Cotinine", "Calcium carbonate"]


def test_drugs_listed_salt_form_is_found_with_its_salt(nlp):
    # legacy XML NCT00002100 (as the reader lays the record out)
    text = (
        "Phase I/II Study of Curdlan Sulfate\nTo assess the safety and tolerance of curdlan sulfate.\n"
        "HIV Infections\nDRUG: Curdlan sulfate\n\n\nIn Phase II, curdlan sulfate is administered daily for 7 days."
    )
    assert drugs(nlp, text) == [
        ("Curdlan Sulfate", "curdlan", "agent"),
        ("curdlan sulfate", "curdlan", "agent"),
        ("Curdlan sulfate", "curdlan", "agent"),
        ("curdlan sulfate", "curdlan", "agent"),
    ]


def test_drugs_intervention_name_after_a_route_names_the_agent():
    # ctrialsgov sample NCT00985205: a route before a supplement the lexicon takes only when given;
    # feeding alone names no agent
    names = intervention_names(
        "DIETARY_SUPPLEMENT: Enteral Glutamine|DIETARY_SUPPLEMENT: Placebo|DRUG: Parenteral Nutrition"
    )
    assert names == ["Glutamine"]


def test_drugs_intervention_names_keep_commas_between_digits():
    assert intervention_names("DRUG: 3,4-diaminopyridine|DRUG: A1, B2|DRUG: cisplatin,docetaxel") == [
        "3,4-diaminopyridine",
        "A1",
        "B2",
        "cisplatin",
        "docetaxel",
    ]


# Cause: a cytokine (a lexicon name given only "as therapy") listed with drugs had no word beside it
# saying it is given (legacy XML criteria and outlines of HIV and oncology trials).
@pytest.mark.parametrize(
    "text,surface,normalized",
    [
        # NCT00000688
        (
            "Excluded: ganciclovir, nucleoside analogs (topical ophthalmics are permitted), acyclovir, interferon, "
            "foscarnet.",
            "interferon",
            "interferons",
        ),
        # NCT00004063
        (
            "Phase I trial to study the side effects of cisplatin, gemcitabine, interferon alfa, and whole-body "
            "hyperthermia.",
            "interferon alfa",
            "interferon alfa",
        ),
        # NCT00002161
        ("Immunomodulating agents such as systemic corticosteroids, IL-2, or interferons.", "IL-2", "aldesleukin"),
        # NCT00004074
        ("Treatment with maintenance trastuzumab and IL-12 repeats weekly for 14 weeks.", "IL-12", "interleukin-12"),
    ],
)
def test_drugs_cytokine_listed_with_drugs_is_given(nlp, text, surface, normalized):
    assert (surface, normalized, "agent" if normalized != "interferons" else "class") in drugs(nlp, text)


@pytest.mark.parametrize(
    "text,surface",
    [
        # NCT00000853: cytokines listed with cytokines are read-outs
        ("Production of TH1-like cytokines such as INF-gamma, interleukin-2, interleukin-4.", "interleukin-2"),
        # NCT00460031
        (
            "Effects of this regimen on serum cytokines, including tumor necrosis factor-alpha, basic fibroblast "
            "growth factor.",
            "tumor necrosis factor-alpha",
        ),
        # NCT00001113: the first part of a name the lexicon does not hold
        ("To define the pharmacokinetics of AZT and IFN-A2A when given in combination.", "IFN"),
    ],
)
def test_drugs_cytokine_listed_with_cytokines_or_cut_from_a_name_is_not_given(nlp, text, surface):
    assert surface not in [f[0] for f in drugs(nlp, text)]


# Cause: hormones and supplements the lexicon blocked because trial text mostly measures them, given
# as therapy (the immunotherapy criteria's "Replacement therapy (e.g., thyroxine, insulin, ...)",
# legacy records of endocrine and nutrition trials): taken where given, as cytokines are.
@pytest.mark.parametrize(
    "text,surface,normalized",
    [
        # NCT05226598 (HINT criteria)
        (
            "Replacement therapy (eg, thyroxine, insulin, or physiologic corticosteroid replacement therapy for "
            "adrenal or pituitary insufficiency) is not considered a form of systemic treatment.",
            "thyroxine",
            "levothyroxine",
        ),
        # NCT00066573
        (
            "Allowed: vagifem, estrogen vaginal cream, testosterone, estradiol vaginal gel, or Estring.",
            "estradiol",
            "estradiol",
        ),
        # NCT00004338
        ("Establish further the role of zinc therapy in pregnant patients with Wilson disease.", "zinc", "zinc"),
        # NCT00000117
        (
            "Patients must not have received ACTH or corticosteroids within the past month.",
            "ACTH",
            "adrenocorticotropic hormone",
        ),
        # NCT00004343
        ("Catheters in the adrenal vein following a deuterated cortisol infusion.", "cortisol", "hydrocortisone"),
    ],
)
def test_drugs_hormone_or_supplement_given_as_therapy(nlp, text, surface, normalized):
    assert (surface, normalized, "agent") in drugs(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Serum cortisol levels will be measured at 8 am.",
        "Free thyroxine within normal limits.",
        "ACTH stimulation test at baseline.",
        "Estradiol < 20 pg/mL confirming postmenopausal status.",
        "Low serum zinc.",
    ],
)
def test_drugs_hormone_or_supplement_measured_is_not_a_drug(nlp, text):
    assert drugs(nlp, text) == []


def test_drugs_hormone_before_a_comparator_is_a_laboratory_value(nlp):
    # samples/ctgov_v2_nsclc_more (an API v2 title): "With" before it, but a comparator after it
    text = "Pemetrexed/Carboplatin vs Paclitaxel/Carboplatin for NSCLC in Women With Estradiol > 25 pg/mL"
    assert [f[0] for f in drugs(nlp, text)] == ["Pemetrexed", "Carboplatin", "Paclitaxel", "Carboplatin"]


# Cause: older text writes a chemical name without the locant the dictionaries give it (the lexicon
# build adds the bare word when it names one agent).
@pytest.mark.parametrize(
    "text,surface,normalized",
    [
        # NCT00003427 (legacy XML)
        ("Patients receive fluorouracil and ethynyluracil as per the schedule.", "ethynyluracil", "eniluracil"),
        # HINT criteria
        ("Patients with small cell lung cancer treated with nitrocamptothecin.", "nitrocamptothecin", "rubitecan"),
        ("Prior chlorodeoxyadenosine is allowed.", "chlorodeoxyadenosine", "cladribine"),
    ],
)
def test_drugs_chemical_name_without_its_locant(nlp, text, surface, normalized):
    assert (surface, normalized, "agent") in drugs(nlp, text)


# Cause: class nouns and spellings of HIV, transplant and cardiology criteria the class list lacked.
@pytest.mark.parametrize(
    "text,surface,normalized,kind",
    [
        # NCT00002271, NCT00001036 (legacy XML)
        ("Excluded: Antiretroviral drugs. Immunomodulators.", "Immunomodulators", "immunomodulators", "class"),
        (
            "Known immunomodulators (e.g., systemic steroids, interferons, interleukins).",
            "interferons",
            "interferons",
            "class",
        ),
        # NCT00002452
        (
            "Are taking nonnucleoside reverse transcriptase inhibitors (NNRTIs).",
            "nonnucleoside reverse transcriptase inhibitors",
            "non-nucleoside reverse transcriptase inhibitors",
            "class",
        ),
        # NCT00495664
        ("Contraindication to asa, heparins, thienopyridines.", "heparins", "heparins", "class"),
        # NCT00002114
        ("Prophylaxis including pentamidine, cotrimoxazole, acyclovir.", "cotrimoxazole", "co-trimoxazole", "agent"),
        # NCT05226598 (HINT criteria): the autoimmune exclusion of immunotherapy trials
        (
            "Active autoimmune disease that has required systemic treatment in past 2 years (ie, with use of "
            "disease modifying agents, corticosteroids or immunosuppressive drugs).",
            "disease modifying agents",
            "disease-modifying drugs",
            "class",
        ),
        # NCT00001962
        (
            "Switching from corticosteroids to cyclosporine (CSA) and antithymocyte globulin (ATG).",
            "antithymocyte globulin",
            "antithymocyte globulin",
            "agent",
        ),
    ],
)
def test_drugs_class_nouns_and_spellings_of_older_criteria(nlp, text, surface, normalized, kind):
    assert (surface, normalized, kind) in drugs(nlp, text)


# Cause: chemical and pharmacological families that name a class (ATC subgroups, MeSH chemical
# classes: ``monobactams``, ``butyrophenones``, ``methylxanthines``) were missing from the curated
# classes; the singular names the class too ("Chronic gabapentinoid use").
@pytest.mark.parametrize(
    "text,surface,normalized",
    [
        # LCT DEV NCT03922919
        ("agent of the beta-lactam family (penicillins, monobactams and carbapenems)", "monobactams", "monobactams"),
        # HINT NCT01455012
        ("therapy with dopamine D2 receptor antagonists, butyrophenones, metoclopramide", "butyrophenones", None),
        # HINT NCT00366834
        ("-  butyrophenone (e.g., haloperidol, droperidol)", "butyrophenone", "butyrophenones"),
        # LCT DEV NCT03927781
        ("Chronic gabapentinoid use", "gabapentinoid", "gabapentinoids"),
        # HINT NCT01013142
        ("Sustained release methylxanthine (e.g. Theophylline)", "methylxanthine", "methylxanthines"),
        # CHIA DEV NCT02490839, NCT03119766
        ("receiving bismuth salts, PPIs, or antibiotics in the previous month", "bismuth salts", "bismuth compounds"),
        ("Discontinuation of proton pump inhibitors, propulsives, antispasmodics", "propulsives", None),
        # CHIA DEV NCT02968602, NCT03044561, NCT02225548
        ("Treatment with Urinary alkalinizers (e.g., sodium lactate)", "Urinary alkalinizers", "urinary alkalinizers"),
        ("Concurrent use of organic nitrites and nitrates.", "organic nitrites", None),
        ("monoamine oxidase inhibitors or phenylethylamines", "phenylethylamines", "phenethylamines"),
        # HINT NCT03014219, NCT02265705; legacy NCT00006208
        ("Concurrent therapies with corticosteroids, 5-ASA drugs, thiopurines, MTX", "thiopurines", None),
        ("receiving cDMARDs (for example, gold salts, cyclosporine)", "gold salts", None),
        ("Are using midazolam, triazolam, ergot derivatives, St. John's wort", "ergot derivatives", "ergot alkaloids"),
        # CHIA DEV NCT00050349
        ("Patients who have been previously treated with epothilone", "epothilone", "epothilones"),
        # HINT NCT00315341
        ("dependence on other depressants, or stimulants", "depressants", "central nervous system depressants"),
    ],
)
def test_drugs_chemical_and_pharmacological_families_are_classes(nlp, text, surface, normalized):
    assert (surface, normalized or surface.lower(), "class") in drugs(nlp, text)


@pytest.mark.parametrize(
    "text,surface,normalized",
    [
        # the families' singulars that name one agent stay that agent (podophyllotoxin, a medicine the
        # package excluded, is restored as one: DRUG_LEXICON.md), or blocked
        ("Patients treated with topical podophyllotoxin", "podophyllotoxin", "podophyllotoxin"),
        ("Prior 2-phenylethylamine exposure", "2-phenylethylamine", "phenethylamine"),
    ],
)
def test_drugs_a_familys_agent_is_no_class(nlp, text, surface, normalized):
    found = {f[0]: f for f in drugs(nlp, text)}
    assert (found.get(surface) == (surface, normalized, "agent")) if normalized else surface not in found


# Cause: the conventional abbreviations of HIV, tuberculosis, hepatitis C, rheumatology, epilepsy and
# bone trials (``RAL``, ``PZA``, ``RBV``, ``TCZ``, ``DMAB``), written in the criteria without their long
# form. Three capitals are also other things (``LEV`` of a scale, ``CBZ`` of a score), so such a
# short name is a drug only where it is given or listed beside a drug, as a cytokine is.
@pytest.mark.parametrize(
    "text,surface,normalized",
    [
        # HINT NCT02105987
        ("On an INI, their INI at Screening must be RAL or Elvitegravir (EVG).", "RAL", "raltegravir"),
        # HINT NCT03493568
        ("Documented allergy to COBI or EVG or FTC or tenofovir.", "COBI", "cobicistat"),
        # legacy NCT00002058: a list carries its neighbours in
        ("Intolerance including isoniazid, ethambutol, rifampin, PAS, PZA, amikacin.", "PZA", "pyrazinamide"),
        # HINT NCT02600351
        ("Prior virologic failure after treatment with SOF in combination with simeprevir.", "SOF", "sofosbuvir"),
        # legacy NCT00005970
        ("May never have received TAM, raloxifene, or any other hormonal agent.", "TAM", "tamoxifen"),
        # HINT NCT02903069
        ("No prior treatment with BTZ, CFZ, or IXZ.", "BTZ", "bortezomib"),
        ("Patients must be receiving treatment with TCZ 8 mg/kg IV Q4W.", "TCZ", "tocilizumab"),
        ("Bone-specific pretreatment (DMAB, TPTD, strontium ranelate, SERMs).", "DMAB", "denosumab"),
        # CHIA DEV NCT01084993, NCT02431559, NCT03354572, NCT02630628; HINT NCT00995371
        ("Intolerance or allergy to ASA, clopidogrel or ticlopidine", "ASA", "aspirin"),
        ("Use of ASA and/or NSAID within 5 days of treatment.", "ASA", "aspirin"),
        ("Prior exposure to doxorubicin, PLD or any other anthracycline", "PLD", "liposomal doxorubicin"),
        ("Use of NAC prior to trial (< 1 month of planned surgery)", "NAC", "acetylcysteine"),
        ("already on treatment with TAC, cyclosporine or any other calcineurin inhibitor", "TAC", "tacrolimus"),
    ],
)
def test_drugs_conventional_abbreviation_given_or_listed_with_drugs(nlp, text, surface, normalized):
    assert (surface, normalized, "agent") in drugs(nlp, text)


# Cause: a reaction to a short name or a hormone says it was given ("allergy to", "hypersensitivity
# to"), and a short name so given is evidence for the names listed with it, as any drug is.
@pytest.mark.parametrize(
    "text,expected",
    [
        # HINT NCT02128217
        (
            "Known hypersensitivity to SOF or LDV, the metabolites, or formulation excipients",
            [("SOF", "sofosbuvir", "agent"), ("LDV", "ledipasvir", "agent")],
        ),
        # CHIA DEV NCT02759861
        ("Known hypersensitivity to LDV/SOF", [("LDV", "ledipasvir", "agent"), ("SOF", "sofosbuvir", "agent")]),
        # HINT NCT00532389
        ("Patients who have shown intolerance to BTZ or to Dex", [("BTZ", "bortezomib", "agent")]),
    ],
)
def test_drugs_short_name_after_a_reaction_to_it_is_given(nlp, text, expected):
    assert drugs(nlp, text) == expected


@pytest.mark.parametrize(
    "text", ["Resistance to IL-2 in vitro", "sensitivity to ACTH stimulation", "the LEV according to"]
)
def test_drugs_short_name_after_other_words_and_to_is_not_given(nlp, text):
    assert drugs(nlp, text) == []


# Cause: the reaction is also written after the name ("Inulin allergy"), as "allergy to" is before it;
# a food that names an allergenic extract is the food's allergy, whichever way it is written.
@pytest.mark.parametrize(
    "text,expected",
    [
        # LCT DEV NCT03865706
        ("2. Inulin allergy\n3. Hyponatremia", [("Inulin", "inulin", "agent")]),
        ("Known RAL hypersensitivity", [("RAL", "raltegravir", "agent")]),
        ("Shrimp allergy or shellfish allergy", []),
        ("Known allergy to shrimp", []),
    ],
)
def test_drugs_reaction_after_a_gated_name_says_it_is_given(nlp, text, expected):
    assert drugs(nlp, text) == expected


# Cause: a name taken only where given was found given once in the record and missed where it is
# named again in other words ("besides TCZ"); not a cytokine (as likely measured elsewhere), nor a
# name before a comparator (a score).
@pytest.mark.parametrize(
    "text,expected",
    [
        # LCT DEV NCT03923738
        (
            "Participants must be receiving treatment with TCZ 8 mg/kg IV Q4W.\n"
            "Treatment with any other investigational agent besides TCZ within 12 weeks",
            [("TCZ", "tocilizumab", "agent"), ("TCZ", "tocilizumab", "agent")],
        ),
        # HINT NCT00277758: the record's list of excipients per drug
        (
            "Prior treatment with RBV\nRBV: cellulose, lactose",
            [("RBV", "ribavirin", "agent"), ("RBV", "ribavirin", "agent")],
        ),
        # CHIA DEV NCT02647788: the anaesthesiologists' score, and the drug the record names allergy to
        (
            "ASA> 3;\nPatients with a self-described allergy to ASA, acetaminophen.",
            [("ASA", "aspirin", "agent"), ("acetaminophen", "acetaminophen", "agent")],
        ),
    ],
)
def test_drugs_gated_name_given_once_is_the_drug_elsewhere_in_the_record(nlp, text, expected):
    assert drugs(nlp, text) == expected


@pytest.mark.parametrize(
    "text,surface",
    [
        ("The LEV score was recorded at baseline.", "LEV"),
        ("Contraindications to TMS or EMB testing.", "EMB"),
        ("SOF and RAL were not defined.", "RAL"),
        # LCT DEV NCT03929874, HINT: the anaesthesiologists' score
        ("Patients with ASA physical status classification system I, II, III", "ASA"),
        ("ASA score of III or IV", "ASA"),
        ("Tumoural volume by TAC < 500 cc", "TAC"),
    ],
)
def test_drugs_conventional_abbreviation_alone_is_not_a_drug(nlp, text, surface):
    assert surface not in [f[0] for f in drugs(nlp, text)]


# Cause: DrugBank writes many synonyms in title case (``L-Thyroxine``); the lexicon build took a capital
# after a hyphen or a space for a mixed-case abbreviation (``SAMe``, ``hCG``) and matched the name
# only as DrugBank spells it. A capital inside a word, or standing alone (the element of ``Iodine I
# 131``), still makes a surface case-sensitive.
@pytest.mark.parametrize(
    "text,surface,normalized",
    [
        # LCT (DEV) style: a lower-case stereo prefix
        ("Hypothyroidism is acceptable if on stable dose of l-thyroxine for 3 months.", "l-thyroxine", "levothyroxine"),
        # DrugBank's title case, written otherwise
        ("Prior interferon beta-1a or glatiramer acetate.", "interferon beta-1a", "interferon beta-1a"),
    ],
)
def test_drugs_title_case_synonyms_match_in_any_case(nlp, text, surface, normalized):
    assert (surface, normalized, "agent") in drugs(nlp, text)


def test_drugs_cytarabine_abbreviation_in_capitals(nlp):
    # legacy NCT00002499 (PDQ text): ``ara-C`` keeps its case rule; its capitalised spellings are curated
    found = drugs(nlp, "Capizzi II: ARA-C; ASP; DNR; with IT Ara-C on day 1.")
    assert [(f[0], f[1]) for f in found if f[1] == "cytarabine"] == [("ARA-C", "cytarabine"), ("Ara-C", "cytarabine")]


def test_drugs_capital_inside_a_word_stays_case_sensitive(nlp):
    # ``ddI`` is didanosine; ``DDI`` a drug-drug interaction
    assert ("ddI", "didanosine", "agent") in drugs(nlp, "Patients receive ddI and d4T daily.")
    assert "DDI" not in [f[0] for f in drugs(nlp, "No known DDI with the study drug.")]


# Cause: a Greek letter in a drug name written another way than the dictionaries write it: the symbol
# for the word (``interferon α2a``), or the German sharp s that stands for beta on many keyboards
# (``interferon ß-1a``, ``ß2-agonists``), or ``B-`` for beta in a class (``B-blockers``).
@pytest.mark.parametrize(
    "text,surface,normalized",
    [
        # CHIA (DEV) style: a list of multiple sclerosis therapies
        ("Stable on interferon ß-1a, glatiramer acetate or natalizumab.", "interferon ß-1a", "interferon beta-1a"),
        # LCT (DEV) style
        (
            "Previously treated with only one cytokine (Interferon α2a, high-dose interleukin-2).",
            "Interferon α2a",
            None,
        ),
        # HINT NCT01694771
        ("Due to the known class side effect profile of ß2-agonists.", "ß2-agonists", None),
        # legacy NCT00001534
        (
            "Other cardioactive drugs such as diuretics, verapamil, B-blockers, or antiarrhythmic drugs.",
            "B-blockers",
            None,
        ),
        # HINT NCT02365493
        ("Previous type 1 hypersensitivity reaction to ß-lactams.", "ß-lactams", None),
    ],
)
def test_drugs_greek_letters_written_other_ways(nlp, text, surface, normalized):
    found = {f[0]: f[1] for f in drugs(nlp, text)}
    assert surface in found
    if normalized is not None:
        assert found[surface] == normalized


# Cause: short names of vaccines and of drug classes named after their target, as criteria write them
# in lists of drugs (``metformin, DPP4, GLP1, pioglitazone``; ``DTaP, IPV, PCV13, or Hib``). A target
# or an abbreviation of three capitals is also other things (``GLP-1 levels``, intimate partner
# violence), so these are drugs only where given or listed beside a drug; ``DTaP``, ``ACE-I`` and
# ``ChEIs`` are nothing else.
@pytest.mark.parametrize(
    "text,surface,normalized",
    [
        # CHIA (DEV) style
        ("Antidiabetic treatment with either diet, metformin, DPP4, GLP1, pioglitazone.", "DPP4", "dpp-4 inhibitors"),
        (
            "Antidiabetic treatment with either diet, metformin, DPP4, GLP1, pioglitazone.",
            "GLP1",
            "glp-1 receptor agonists",
        ),
        ("Receipt of DTaP, IPV, PCV13, or Hib prior to enrollment.", "IPV", "polio vaccine"),
        # legacy NCT00004735
        ("Group 1 will receive tetanus toxoid immunizations (known as DTaP, DT-pediatric, or Td).", "DTaP", None),
        # HINT NCT00649311
        ("Alpha-blockers, betablockers, calcium channel blockers, ACE-I, ARB, or other medications.", "ACE-I", None),
        # HINT NCT02351882
        ("If the ChEI and/or memantine has been started, dosage must be stable.", "ChEI", None),
    ],
)
def test_drugs_vaccine_and_class_short_names_in_drug_lists(nlp, text, surface, normalized):
    found = {f[0]: f[1] for f in drugs(nlp, text)}
    assert surface in found
    if normalized is not None:
        assert found[surface] == normalized


@pytest.mark.parametrize(
    "text,surface",
    [
        ("GLP-1 levels and GIP were measured after the meal.", "GLP-1"),
        ("History of IPV in the past year.", "IPV"),
        ("SGLT2 expression in the proximal tubule.", "SGLT2"),
    ],
)
def test_drugs_target_or_vaccine_short_name_alone_is_not_a_drug(nlp, text, surface):
    assert surface not in [f[0] for f in drugs(nlp, text)]


# Cause: criteria as some sources hold them are hard-wrapped (HINT, raw registry exports): a drug's
# name runs over a line break and the next line's indentation, which the tokenizer makes a token.
@pytest.mark.parametrize(
    "text,surface,normalized",
    [
        # HINT NCT00349206
        (
            "No concurrent full-dose anticoagulation (i.e., warfarin, IV heparin, or low-molecular\n"
            "             weight heparin).",
            "low-molecular\n             weight heparin",
            "low molecular weight heparins",
        ),
        # HINT NCT02651584
        (
            "Azole antifungals (e.g., ketoconazole), macrolide\n             antibiotics (e.g., clarithromycin).",
            "macrolide\n             antibiotics",
            "macrolides",
        ),
        # HINT NCT01856907
        (
            "Use of metformin, thiazolidinediones, GLP-1 receptor agonists, DPP-4\n             inhibitors.",
            "DPP-4\n             inhibitors",
            "dpp-4 inhibitors",
        ),
    ],
)
def test_drugs_name_over_a_line_wrap(nlp, text, surface, normalized):
    assert (surface, normalized) in [f[:2] for f in drugs(nlp, text)]


def test_drugs_greek_spelling_of_a_blocked_name_stays_blocked(nlp):
    # ``interferon gamma`` is blocked (a measured cytokine); so are its other spellings
    assert drugs(nlp, "Production of interferon γ and IFN-gamma by T cells was measured.") == []


# Cause: a name's words joined by a hyphen where the lexicon has a space, or the reverse (legacy
# records write "granulocyte-macrophage colony-stimulating factor"; the lexicon lists it spaced).
@pytest.mark.parametrize(
    "text,surface,normalized",
    [
        # Legacy XML NCT00005780
        (
            "Patients will also receive daily injections of granulocyte-macrophage colony-stimulating factor (GM-CSF)",
            "granulocyte-macrophage colony-stimulating factor",
            "sargramostim",
        ),
        # Legacy XML NCT00006184: the lexicon has this spelling too, with its own payload, which wins
        (
            "with Id-KLH (0.5 mg subcutaneous day 1) and Granulocyte macrophage-colony stimulating factor (GM-CSF)",
            "Granulocyte macrophage-colony stimulating factor",
            "molgramostim",
        ),
        # CHIA NCT02901106
        (
            "for which treatment with dimethyl-fumarate has been prescribed",
            "dimethyl-fumarate",
            "dimethyl fumarate",
        ),
        # CHIA NCT00994786
        (
            "Sleep medication such as oral chloral-hydrate or zopiclone are acceptable.",
            "chloral-hydrate",
            "chloral hydrate",
        ),
        # CHIA NCT02531971
        (
            "cytotoxic drugs, immune globulin, Bacillus Calmette-Guerin (BCG), monoclonal antibodies",
            "Bacillus Calmette-Guerin",
            "bcg vaccine",
        ),
    ],
)
def test_drugs_name_with_a_hyphen_for_a_space_or_the_reverse(nlp, text, surface, normalized):
    assert (surface, normalized) in [f[:2] for f in drugs(nlp, text)]


@pytest.mark.parametrize(
    "text,surface",
    [
        # A hyphen next to a letter or a digit is part of a code, not a space: the lexicon's
        # "hepatitis-B surface antigen" (a vaccine) is no match for the serology test.
        ("Positive hepatitis B surface antigen, positive hepatitis C antibody", "hepatitis B surface antigen"),
        # A dash between spaces joins nothing.
        ("Prior therapy with dimethyl - fumarate or placebo", "dimethyl - fumarate"),
    ],
)
def test_drugs_hyphen_joins_only_words_written_together(nlp, text, surface):
    assert surface not in [f[0] for f in drugs(nlp, text)]


# Cause: brand names that neither source lists, which the record marks with a registered mark: a
# DRUG where one of their occurrences stands where a drug does, then wherever the record writes them.
EXPAREL = (
    "Renal: Any form of renal impairment. EXPAREL® is cleared by the kidneys.\n"
    "-  Pregnant women are excluded because EXPAREL has the potential for teratogenic effects.\n"
    "-  Breastfeeding should be discontinued if the mother is treated with EXPAREL."
)


@pytest.mark.parametrize(
    "text,expected",
    [
        # LCT DEV NCT03867188: given in one place, a drug in all three
        (EXPAREL, [("EXPAREL", "exparel", "agent")] * 3),
        # CHIA DEV NCT02525991
        ("Previously treated with ADASUVE® with a positive outcome", [("ADASUVE", "adasuve", "agent")]),
        # HINT NCT01046435: listed beside a drug, and the next marked name beside it
        (
            "local anesthetics, Roxicodone®, Vicodin®, or adhesives",
            [
                ("local anesthetics", "local anesthetics", "class"),
                ("Roxicodone", "roxicodone", "agent"),
                ("Vicodin", "vicodin", "agent"),
            ],
        ),
    ],
)
def test_drugs_marked_brand_where_a_drug_stands(nlp, text, expected):
    assert drugs(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # HINT criteria: devices, tests, programmes and manuals are marked too
        "a central venous catheter (e.g. PICC, Port-A-Cath®, Hickman® catheter) is required",
        "a negative QuantiFERON® test or a negative PPD",
        "registered in the mandatory Revlimid REMS® program",
        "Substance Use Disorder as defined by DSM-IV-TR™, with the exception of",
        "if Fibroscan® is unavailable and patient is",
    ],
)
def test_drugs_marked_device_test_or_programme_is_no_drug(nlp, text):
    assert [d for d in drugs(nlp, text) if d[0] not in ("Revlimid", "PPD")] == []


# Cause: a name the sources do not list is given as one of the drugs named after it, "X or other Ys"
# (a brand or an abbreviation in capitals); before a class named by its target the name is the target.
@pytest.mark.parametrize(
    "text,surface,normalized",
    [
        # LCT DEV NCT03868436
        ("Hypersensitivity to MEOF or other halogenated anesthetics", "MEOF", "meof"),
        ("A history of liver dysfunction after previous MEOF use or other halogenated anesthetics", "MEOF", "meof"),
        # CHIA DEV NCT02560766
        (
            "History of allergy, hypersensitivity, or intolerance to HORIZANT or any other gabapentin product",
            "HORIZANT",
            "horizant",
        ),
        # HINT: buprenorphine's short name
        ("Hypersensitivity or allergy to BPN or other opioids, naloxone", "BPN", "bpn"),
        # gold dev3 NCT01313117: the initials of the agent the record names
        ("Alpha Lipoic Acid: given orally.\nUse of ALA or other anti-oxidant supplements", "ALA", "lipoic acid"),
        # the lexicon's name for a short name it takes only where given
        ("TCZ or other monoclonal antibodies", "TCZ", "tocilizumab"),
    ],
)
def test_drugs_name_before_or_other_drugs_is_one_of_them(nlp, text, surface, normalized):
    assert (surface, normalized, "agent") in drugs(nlp, text)


@pytest.mark.parametrize(
    "text,surface",
    [
        ("Prior treatment with MEK, or other inhibitors of the MAPK pathway", "MEK"),
        ("Prior EGFR or other tyrosine kinase inhibitors", "EGFR"),
        ("BRCA or other high-risk gene mutations", "BRCA"),
        ("ECG or other safety parameters", "ECG"),
    ],
)
def test_drugs_target_or_other_word_before_or_other_is_no_drug(nlp, text, surface):
    assert surface not in [d[0] for d in drugs(nlp, text)]


# Cause: a name glued to a slash or hyphen after a bracket, to a code after a slash, or to a sentence's
# stop was no token of its own (NLI4CT reports and legacy XML records).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # NLI4CT NCT01196052
        (
            "Have received doxorubicin/cyclophosphamide (AC) OR 5-fluorouracil (FU)/epirubicin/ cyclophosphamide (FEC)",
            ["doxorubicin", "cyclophosphamide", "AC", "5-fluorouracil", "FU", "epirubicin", "cyclophosphamide", "FEC"],
        ),
        # NLI4CT NCT01855828
        (
            "weekly trastuzumab/paclitaxel followed by trastuzumab/5-fluorouracil, epirubicin and cyclophosphamide",
            ["trastuzumab", "paclitaxel", "trastuzumab", "5-fluorouracil", "epirubicin", "cyclophosphamide"],
        ),
        # legacy XML NCT00003875, NCT00461084
        ("high dose Bu (busulfan)/VP-16 (etoposide) followed by", ["busulfan", "VP-16", "etoposide"]),
        ("to evaluate a biaxin (clarithromycin)-based antibiotic therapy", ["biaxin", "clarithromycin", "antibiotic"]),
        # legacy XML NCT00001025: a sentence's stop after a name ending in a capital
        ("or 3) receive both AZT and ddI. Treatment is given for 16 weeks", ["AZT", "ddI"]),
    ],
)
def test_drugs_name_after_a_bracket_or_before_a_coded_name_is_found(nlp, text, expected):
    assert [t for t, _, _ in drugs(nlp, text)] == expected
