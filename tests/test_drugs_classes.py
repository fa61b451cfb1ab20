"""Drug classes by their grammar (trialspacy.components.drugs.classes) on phrases of trial text:
target or mechanism plus class head, anti-<target> antibodies, pharmacological adjective plus
drugs/medications/agents; genes alone and measured antibodies are not drugs; the flag turns it off."""

import pytest

import trialspacy
from trialspacy.components.drugs.classes import plural
from trialspacy.spans import DRUG, label_spans

PIPELINE = ["trialspacy_layout", "trialspacy_abbreviations", "trialspacy_drugs"]


@pytest.fixture(scope="module")
def nlp():
    return trialspacy.build(PIPELINE)


@pytest.fixture(scope="module")
def nlp_without_grammar():
    nlp = trialspacy.build(PIPELINE[:2])
    nlp.add_pipe("trialspacy_drugs", config={"class_grammar": False})
    return nlp


def classes(nlp, text: str) -> dict[str, tuple[str, str]]:
    """{surface: (normalized, kind)} of the DRUG spans of ``text``."""
    return {s.text: (s._.trialspacy_normalized, s._.trialspacy_kind) for s in label_spans(nlp(text), DRUG)}


@pytest.mark.parametrize(
    "text,surface,normalized",
    [
        ("Prior treatment with a MEK inhibitor is not allowed.", "MEK inhibitor", "mek inhibitors"),
        ("Antitumor Activity of BEBT-109, a Novel EGFR Inhibitor, in NSCLC", "EGFR Inhibitor", "egfr inhibitors"),
        ("Patients previously treated with BTK inhibitors", "BTK inhibitors", "btk inhibitors"),
        ("Concomitant use of strong UGT1A1 inhibitors", "UGT1A1 inhibitors", "ugt1a1 inhibitors"),
        ("No prior CDK9 inhibitors", "CDK9 inhibitors", "cdk9 inhibitors"),
        # a participle of what the drugs do to the target before a drug head (legacy PDQ criteria)
        (
            "At least 7 days since prior or concurrent CYP450 inducing drugs:",
            "CYP450 inducing drugs",
            "cyp450 inducers",
        ),
        ("No concurrent CYP3A4-inhibiting agents", "CYP3A4-inhibiting agents", "cyp3a4 inhibitors"),
        # a class noun that is as often the body's own, after a word saying it is given (PDQ criteria)
        ("No concurrent hormones for disease related conditions", "hormones", "hormones"),
        (
            "or inhibitor of CYP 3A4, inhibitors of P-glycoprotein",
            "inhibitors of P-glycoprotein",
            "p-glycoprotein inhibitors",
        ),
        ("No prior KRAS G12C inhibitors", "KRAS G12C inhibitors", "kras g12c inhibitors"),
        ("any CCR5 antagonist within 30 days", "CCR5 antagonist", "ccr5 antagonists"),
        ("use of TNF-alpha blockers", "TNF-alpha blockers", "tnf-alpha blockers"),
        ("treated with xanthine oxidase inhibitors", "xanthine oxidase inhibitors", "xanthine oxidase inhibitors"),
        ("on mineralocorticoid receptor antagonists", "mineralocorticoid receptor antagonists", None),
        ("selective androgen receptor modulators", "selective androgen receptor modulators", None),
        ("on phosphodiesterase 5 (PDE5) inhibitors", "phosphodiesterase 5 (PDE5) inhibitors", "pde5 inhibitors"),
        ("prior anti-CD19 antibodies", "anti-CD19 antibodies", "anti-cd19 antibodies"),
        ("prior anti-TNF monoclonal antibodies", "anti-TNF monoclonal antibodies", "anti-tnf antibodies"),
        ("Patients on anti-arrhythmic medications", "anti-arrhythmic medications", None),
        ("taking vasoactive drugs at inclusion", "vasoactive drugs", "vasoactive drugs"),
        ("stable anti-parkinsonian medications", "anti-parkinsonian medications", None),
        ("regular use of nonsteroid anti-inflammatory drugs", "nonsteroid anti-inflammatory drugs", None),
        # CHIA/HINT criteria: the drugs an enzyme metabolises are a class of their own
        ("CYP2C8 substrates such as thiazolidinediones (glitazones)", "CYP2C8 substrates", "cyp2c8 substrates"),
        ("No concurrent CYP2C9 substrates, including warfarin", "CYP2C9 substrates", "cyp2c9 substrates"),
        # LCT/CHIA DEV and HINT criteria: pharmacological adjectives by meaning, and a potency after
        # the target, inside the class name
        ("intake of psychopharmacological drugs in the last four weeks", "psychopharmacological drugs", None),
        ("Use of photosensitizing medication (phototoxic drugs)", "photosensitizing medication", None),
        ("Use of photosensitizing medication (phototoxic drugs)", "phototoxic drugs", None),
        ("Treatment with immune-modulating agents for any disease", "immune-modulating agents", None),
        ("Current or recent use of centrally active medications", "centrally active medications", None),
        ("Use of more than 2 ocular hypotensive medications", "hypotensive medications", None),
        ("with or without prokinetic agents", "prokinetic agents", None),
        (
            "Cytochrome P450 3A4 strong inhibitors including but not limited to antiretrovirals",
            "Cytochrome P450 3A4 strong inhibitors",
            "cyp3a4 inhibitors",
        ),
        ("Concomitant use of CYP3A4 moderate inducers", "CYP3A4 moderate inducers", "cyp3a4 inducers"),
        # CHIA DEV (and 9 times in legacy and HINT records): the vitamin K antagonists, not vitamin K
        ("The patient was receiving anti-vitamin K (AVK) treatment", "anti-vitamin K", "vitamin k antagonists"),
    ],
)
def test_drugs_classes_by_grammar(nlp, text, surface, normalized):
    found = classes(nlp, text)
    assert surface in found, f"{surface!r} not in {list(found)}"
    assert found[surface][1] == "class"
    assert found[surface][0] == (normalized or plural(surface))


def test_drugs_classes_coordinated_anti_targets_are_separate_spans(nlp):
    found = classes(nlp, "Prior anti-CD19 or anti-CD22 antibody therapy")
    assert list(found) == ["anti-CD19", "anti-CD22 antibody"]
    assert found["anti-CD19"] == ("anti-cd19 antibodies", "class")


@pytest.mark.parametrize(
    "text,expected",
    [
        # ctrialsgov cancer study NCT04952597: a later item of a list of anti- targets, before no head
        (
            "Prior therapy with an anti-PD-1, anti-PD-L1, anti-PD-L2, anti-TIGIT, or any other antibody or drug",
            ["anti-PD-1", "anti-PD-L1", "anti-PD-L2", "anti-TIGIT"],
        ),
        # API v2 NCT05798663, NCT03955198: an item before ", and anti-" / ", or anti-"
        (
            "checkpoint blockade therapies, including anti-CTLA-4, anti-PD-1, anti-TIGIT, and anti-PD-L1 therapeutic antibodies",
            ["anti-CTLA-4", "anti-PD-1", "anti-TIGIT", "anti-PD-L1"],
        ),
        (
            "anti-PD-L2, anti-CD137, or anti-Cytotoxic T-lymphocyte-associated antigen-4 (CTLA-4) antibody",
            ["anti-PD-L2", "anti-CD137", "anti-Cytotoxic T-lymphocyte-associated antigen-4 (CTLA-4) antibody"],
        ),
        # ctrialsgov cancer study NCT04795661, legacy NCT00003638 and NCT00001954: antibodies used to
        # stain, titers measured, autoantibodies
        (
            "assessed using IHC with four antibodies (anti-MLH1, anti-MSH2, anti-MSH6 and anti-PMS2) and PCR "
            "(pentaplex panel is used)",
            [],
        ),
        ("IV. Measure the anti-STn, anti-OSM, and anti-KLH antibody titers.", []),
        ("positive ANA, RF, and anti-SS-A, or anti-SS-B).", []),
    ],
)
def test_drugs_classes_anti_targets_listed_as_agents(nlp, text, expected):
    assert [surface for surface in classes(nlp, text) if surface.lower().startswith("anti")] == expected


def test_drugs_classes_slashed_targets_are_one_class(nlp):
    # Gold dev phrasing: "A/B antibody" is one class of two targets (the guidelines' "anti-PD-1/PD-L1").
    text = "must have included a platinum-based doublet in combination with PD1/PD-L1 antibody; no EGFR/ALK inhibitors"
    found = classes(nlp, text)
    assert found["PD1/PD-L1 antibody"][1] == "class"
    assert found["EGFR/ALK inhibitors"] == ("egfr/alk inhibitors", "class")
    assert "PD-L1 antibody" not in found
    # A word that is no target does not join: "and/or".
    assert list(classes(nlp, "prior chemotherapy and/or PD-L1 inhibitors")) == ["PD-L1 inhibitors"]


def test_drugs_classes_slashed_classes_are_separate_spans(nlp):
    # CHIA DEV: a class before the slash is no target, the two are coordinated ...
    text = "with the exception of benzodiazepines and SSRIs/SNRI's"
    assert list(classes(nlp, text)) == ["benzodiazepines", "SSRIs", "SNRI"]
    # ... unless the record calls the pair a combination, one product.
    assert "ICS/LABA" in classes(nlp, "on maintenance therapy (Fixed dose combination ICS/LABA) for 3 months")


def test_drugs_classes_capitalised_words_are_no_target(nlp):
    found = classes(nlp, "Efficacy After First-Line PD-1 Inhibitor and Anti-Checkpoint Inhibitor")
    assert set(found) == {"PD-1 Inhibitor", "Checkpoint Inhibitor"}


def test_drugs_classes_a_word_in_capitals_before_a_potency_is_no_target(nlp):
    found = classes(nlp, "rifampin OR strong inhibitors of CYP3A4 (clarithromycin)")
    assert not any(surface.startswith("OR") for surface in found), list(found)
    assert "inhibitors of CYP3A4" in found


@pytest.mark.parametrize(
    "text,expected",
    [
        # LCT DEV and HINT criteria: the contract's coordinated names, each as written
        ("Exclusion: use hypoglycemic, hypolipidemic drugs", {"hypoglycemic": "hypoglycemic drugs"}),
        ("No concurrent antithrombotic or antiplatelet agents", {"antithrombotic": "antithrombotic agents"}),
        (
            "Recent use of immunosuppressive or anti-inflammatory drugs",
            {"immunosuppressive": "immunosuppressive drugs"},
        ),
    ],
)
def test_drugs_classes_coordinated_adjectives_are_separate_spans(nlp, text, expected):
    found = classes(nlp, text)
    for surface, normalized in expected.items():
        assert found.get(surface) == (normalized, "class"), list(found)


@pytest.mark.parametrize(
    "text",
    [
        "previous exposure to any biological immunomodulating agent",  # no coordination: one class
        "anticancer or antiviral drugs",  # anticancer names chemotherapy
    ],
)
def test_drugs_classes_adjectives_not_coordinated_are_no_span_of_their_own(nlp, text):
    assert not {"biological", "anticancer"} & set(classes(nlp, text))


def test_drugs_classes_keep_the_abbreviation_inside_a_long_form(nlp):
    text = "Prior treatment with poly (ADP-ribose) polymerase (PARP) inhibitors."
    assert classes(nlp, text) == {"poly (ADP-ribose) polymerase (PARP) inhibitors": ("parp inhibitors", "class")}


@pytest.mark.parametrize(
    "text",
    [
        "EGFR mutation-positive NSCLC; EGFR-positive tumours",
        "PD-L1 expression ≥ 1% and MEK or BRAF mutations",
        "Positive anti-HCV antibody or anti-HBc at screening",
        "Positive for anti-HbsAg, anti-HCV, anti-HIV, or anti-HBc",
        "Class IV inhibitors of the study",
        "Immunosuppressive therapy within 30 days",
        "Lipid-lowering treatment and diet, stable in the last 3 months",
        "Prior antineoplastic agents or cytotoxic drugs are allowed",
        "STUDY OF THE INHIBITORS IN PATIENTS",
        # Legacy records and CHIA DEV: a class adjective alone before a noun of property names no class.
        "whether the use of an agent with anti-inflammatory properties modifies the risk",
        "Current use of medications with anticholinergic activity",
        "To evaluate the safety, tolerance and antiviral activity in children",
        # CHIA DEV: a class by grammar is measured like a lexicon's, here in a drug screen's list.
        "Maternal or infant urine drug screen positive for methadone and/or opioids on admission",
    ],
)
def test_drugs_classes_genes_measured_antibodies_and_modalities_are_not_drugs(nlp, text):
    assert classes(nlp, text) == {}


@pytest.mark.parametrize(
    "text,surface,normalized",
    [
        # LCT and HINT criteria: a pharmacological adjective's plural names its class alone.
        (
            "Use of immunomodulators (eg, interleukins, interferons, cyclosporine), HIV vaccine",
            "immunomodulators",
            "immunomodulators",
        ),
        (
            "administration of probiotics/systemic immunomodulators during the 4 weeks",
            "immunomodulators",
            "immunomodulators",
        ),
        ("On biologics or will start biologics", "biologics", "biologics"),
        ("Cytotoxic drugs; Immunomodulators or immunosuppressives", "immunosuppressives", "immunosuppressives"),
        ("Glycoprotein IIb/IIIa inhibitors / Fibrinolytics within 24 hours", "Fibrinolytics", "fibrinolytics"),
        (
            "Are treated with any immunomodulator medication such as cyclosporin",
            "immunomodulator medication",
            "immunomodulator medications",
        ),
        ("duloxetine, nortriptyline, other tricyclics or SNRIs", "tricyclics", "tricyclics"),
        ("supplements containing stimulants (such as ephedra)", "stimulants", "stimulants"),
        ("Chronic use of gabapentinoids", "gabapentinoids", "gabapentinoids"),
        ("use of laxatives or prokinetics within two weeks", "prokinetics", "prokinetics"),
    ],
)
def test_drugs_classes_adjective_plurals_name_the_class(nlp, text, surface, normalized):
    assert classes(nlp, text)[surface] == (normalized, "class")


@pytest.mark.parametrize(
    "text,expected",
    [
        # Gold dev, HINT and CHIA criteria: coordinated heads over one target are separate spans, each
        # as written, named by the shared target; a potency word stays out of the span.
        (
            "Treatment with moderate or strong inducers or inhibitor of CYP 3A4, inhibitors of P-glycoprotein",
            {
                "inducers": "cyp 3a4 inducers",
                "inhibitor of CYP 3A4": "cyp 3a4 inhibitors",
                "inhibitors of P-glycoprotein": "p-glycoprotein inhibitors",
            },
        ),
        (
            "Concomitant use of strong CYP 3A inhibitors or inducers",
            {"CYP 3A inhibitors": "cyp 3a inhibitors", "inducers": "cyp 3a inducers"},
        ),
        (
            "Taking drugs which are known P-gp inhibitors or strong inducers",
            {"P-gp inhibitors": "p-gp inhibitors", "inducers": "p-gp inducers"},
        ),
        (
            "other than a GnRH agonist/antagonist for prostate cancer",
            {"GnRH agonist": "gnrh agonists", "antagonist": "gnrh antagonists"},
        ),
    ],
)
def test_drugs_classes_coordinated_heads_are_separate_spans(nlp, text, expected):
    assert {surface: normalized for surface, (normalized, _) in classes(nlp, text).items()} == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # HINT and CHIA criteria: targets coordinated before one head are spans of their own, as
        # "anti-PD-1 or anti-PD-L1 antibody" gives anti-PD-1; commas only inside such a list.
        (
            "Prior treatment with other BRAF or MEK inhibitors",
            {"BRAF": "braf inhibitors", "MEK inhibitors": "mek inhibitors"},
        ),
        (
            "fulvestrant, any PI3K, mTOR or AKT inhibitor (pre-treatment",
            {
                "fulvestrant": "fulvestrant",
                "PI3K": "pi3k inhibitors",
                "mTOR": "mtor inhibitors",
                "AKT inhibitor": "akt inhibitors",
            },
        ),
        (
            "Concomitant use of CYP3A4 or p-glycoprotein inducers",
            {"CYP3A4": "cyp3a4 inducers", "p-glycoprotein inducers": "p-glycoprotein inducers"},
        ),
        (
            "Allergy or intolerance to 5HT3 or NK-1 antagonists",
            {"5HT3": "5ht3 antagonists", "NK-1 antagonists": "nk1 receptor antagonists"},
        ),
        # A comma alone joins other drugs; a status or a grade is no target.
        (
            "antiplatelets (eg, open label ASA, GPIIb/IIIa inhibitors",
            {"antiplatelets": "antiplatelet agents", "GPIIb/IIIa inhibitors": "gpiib/iiia inhibitors"},
        ),
        ("HER2-positive or EGFR inhibitor naive", {"EGFR inhibitor": "egfr tyrosine kinase inhibitors"}),
        ("Grade 3 or MEK inhibitors", {"MEK inhibitors": "mek inhibitors"}),
    ],
)
def test_drugs_classes_coordinated_targets_are_separate_spans(nlp, text, expected):
    assert {surface: normalized for surface, (normalized, _) in classes(nlp, text).items()} == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # HINT and CHIA criteria: a cytochrome P450 enzyme written out is a target, named as CYP.
        (
            "Requires treatment with a strong cytochrome P450 (CYP) 3A inhibitor.",
            {"cytochrome P450 (CYP) 3A inhibitor": "cyp3a inhibitors"},
        ),
        (
            "ritonavir (a highly potent cytochrome P450 3A4 inhibitor)",
            {"ritonavir": "ritonavir", "cytochrome P450 3A4 inhibitor": "cyp3a4 inhibitors"},
        ),
        (
            "Use of strong inhibitors or inducers of cytochrome P450 (CYP) 3A or",
            {"inhibitors": "cyp3a inhibitors", "inducers of cytochrome P450 (CYP) 3A": "cyp3a inducers"},
        ),
        # The subfamily is no target alone (not "3A inhibitors"): the enzyme written out is.
        ("Strong cytochrome P-450 (CYP) 3A inhibitors", {"cytochrome P-450 (CYP) 3A inhibitors": "cyp3a inhibitors"}),
        (
            "Subjects taking other CYP3A4 isoenzyme inhibitors",
            {"CYP3A4 isoenzyme inhibitors": "cyp3a4 isoenzyme inhibitors"},
        ),
        # A long form defined with its abbreviation before "receptor" and a head.
        (
            "Treatment with once-weekly glucagon-like peptide-1 (GLP-1) receptor agonists within 90 days",
            {"glucagon-like peptide-1 (GLP-1) receptor agonists": "glp-1 receptor agonists"},
        ),
    ],
)
def test_drugs_classes_written_out_targets(nlp, text, expected):
    assert {surface: normalized for surface, (normalized, _) in classes(nlp, text).items()} == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # CHIA and LCT DEV criteria: targets written with one letter or a symbol
        (
            "medications that affect heart rate (i.e. Ca++ channel blockers, nitrates)",
            {"Ca++ channel blockers": "ca++ channel blockers", "nitrates": "nitrates"},
        ),
        (
            "Abnormal APTT; Thrombin or Xa factor inhibitor; oral Xa-factor antagonists",
            {"Xa factor inhibitor": "factor xa inhibitors", "Xa-factor antagonists": "factor xa antagonists"},
        ),
        (
            "Inhalation of M-receptor blockers and/or glucocorticoids",
            {"M-receptor blockers": "m-receptor blockers", "glucocorticoids": "glucocorticoids"},
        ),
        (
            "a history of use of alpha 2 receptor agonists or antagonists.",
            {"alpha 2 receptor agonists": "alpha 2 receptor agonists", "antagonists": "alpha 2 receptor antagonists"},
        ),
        (
            "hypersensitivity to selective 5-HT receptor antagonists",
            {"selective 5-HT receptor antagonists": "selective 5-ht receptor antagonists"},
        ),
        (
            "on an angiotensin receptor blocking agent",
            {"angiotensin receptor blocking agent": "angiotensin receptor blocking agents"},
        ),
        # HINT criteria
        ("medications used in NDO (e.g. beta-3 agonists)", {"beta-3 agonists": "beta-3 agonists"}),
    ],
)
def test_drugs_classes_targets_with_a_letter_or_a_symbol(nlp, text, expected):
    assert {surface: normalized for surface, (normalized, _) in classes(nlp, text).items()} == expected


@pytest.mark.parametrize(
    "text", ["a B cell receptor agonist", "Xa levels were measured", "the M receptor of the cell", "K+ 3.5 mmol/L"]
)
def test_drugs_classes_a_letter_without_its_class_head_is_no_class(nlp, text):
    assert classes(nlp, text) == {}


@pytest.mark.parametrize(
    "text,expected",
    [
        # Registry criteria: a participle of what the drugs do to a target, with a generic or an
        # antibody head, is the target's class head.
        (
            "tremelimumab or other CTLA-4 blocking antibodies",
            {"CTLA-4 blocking antibodies": "ctla-4 blocking antibodies"},
        ),
        (
            "at least one androgen receptor targeting agent",
            {"androgen receptor targeting agent": "androgen receptor targeting agents"},
        ),
        ("Patients treated with VEGF-targeting agents", {"VEGF-targeting agents": "vegf targeting agents"}),
    ],
)
def test_drugs_classes_participle_heads(nlp, text, expected):
    found = {surface: normalized for surface, (normalized, kind) in classes(nlp, text).items() if kind == "class"}
    assert found == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # LCT DEV NCT03866538: a mechanism written in words with its member's number or its subunits.
        (
            "anti-TNF monoclonal antibodies, alpha-4 beta-7 integrin inhibiting monoclonal antibody, "
            "interleukin 12/23 inhibiting monoclonal antibody, JAK inhibitors.",
            {
                "anti-TNF monoclonal antibodies": "anti-tnf antibodies",
                "alpha-4 beta-7 integrin inhibiting monoclonal antibody": (
                    "alpha-4 beta-7 integrin inhibiting monoclonal antibodies"
                ),
                "interleukin 12/23 inhibiting monoclonal antibody": "interleukin 12/23 inhibiting monoclonal antibodies",
                "JAK inhibitors": "jak inhibitors",
            },
        ),
        (
            "prior interleukin-6 receptor antagonists or interleukin 17 antagonists",
            {
                "interleukin-6 receptor antagonists": "interleukin-6 receptor antagonists",
                "interleukin 17 antagonists": "interleukin 17 antagonists",
            },
        ),
        ("prior integrin inhibitors", {"integrin inhibitors": "integrin inhibitors"}),
    ],
)
def test_drugs_classes_mechanism_with_its_member(nlp, text, expected):
    found = {surface: normalized for surface, (normalized, kind) in classes(nlp, text).items() if kind == "class"}
    assert found == expected


@pytest.mark.parametrize("text", ["a tumor targeting agent was not used", "the blocking antibodies assay"])
def test_drugs_classes_participle_heads_need_a_target(nlp, text):
    assert classes(nlp, text) == {}


@pytest.mark.parametrize(
    "text,surface,normalized",
    [
        # CHIA DEV criteria: a disease or indication, or anti- and one, before a generic head
        ("Have stable COPD medication within 4 weeks prior to Visit 1", "COPD medication", "copd medications"),
        ("hypertension medications taken on morning of surgery", "hypertension medications", None),
        ("Use of anti-dementia medications (Aricept, Exelon)", "anti-dementia medications", None),
        ("Be on a stable regimen of antiparkinson's medications", "antiparkinson's medications", None),
        (
            "preoperative use of narcotic or neuropathic pain medicine",
            "neuropathic pain medicine",
            "neuropathic pain medicines",
        ),
        # LCT DEV and HINT criteria
        (
            "current use of a smoking cessation medication",
            "smoking cessation medication",
            "smoking cessation medications",
        ),
        (
            "Patients currently receiving ADHD medication must be inadequately managed",
            "ADHD medication",
            "adhd medications",
        ),
    ],
)
def test_drugs_classes_named_by_their_indication(nlp, text, surface, normalized):
    assert classes(nlp, text)[surface] == (normalized or surface.lower(), "class")


@pytest.mark.parametrize(
    "text",
    [
        "HIV drug resistance mutations at screening",
        "GLIA Glaucoma Medication Ocular Side Effect Symptoms Questionnaire",
        "history of hypertension or diabetes",
    ],
)
def test_drugs_classes_indication_as_a_condition_or_a_title_is_no_class(nlp, text):
    assert classes(nlp, text) == {}


@pytest.mark.parametrize(
    "text,expected",
    [
        # ClinicalTrials.gov and NLI4CT criteria: a target written out with anti- or a class head names
        # the class of its short form, its abbreviation and "checkpoint" inside the span.
        (
            "Prior treatment with an anti-programmed cell death protein 1 (PD-1), anti-programmed death-ligand 1 "
            "(PD-L1), or anti-cytotoxic T-lymphocyte-associated protein 4 (CTLA-4) antibody",
            {
                "anti-programmed cell death protein 1": "pd-1 inhibitors",
                "anti-programmed death-ligand 1": "pd-l1 inhibitors",
                "anti-cytotoxic T-lymphocyte-associated protein 4 (CTLA-4) antibody": "ctla-4 inhibitors",
            },
        ),
        (
            "Prior therapy with an anti-programmed cell death (PD)-1, anti-PD-L1, or anti-PD-L2 agent",
            {
                "anti-programmed cell death (PD)-1": "pd-1 inhibitors",
                "anti-PD-L1": "pd-l1 inhibitors",
                "anti-PD-L2 agent": "anti-pd-l2 agents",
            },
        ),
        (
            "or anti cytotoxic T lymphocyte associated antigen 4 (CTLA 4) antibody (including ipilimumab)",
            {"anti cytotoxic T lymphocyte associated antigen 4 (CTLA 4) antibody": "ctla-4 inhibitors"},
        ),
        (
            "No prior antivascular endothelial growth factor therapy",
            {"antivascular endothelial growth factor": "vegf inhibitors"},
        ),
        (
            "is a programmed death-1 (PD-1) immune checkpoint inhibitor antibody",
            {"programmed death-1 (PD-1) immune checkpoint inhibitor": "pd-1 inhibitors"},
        ),
        (
            "No prior erlotinib or other epidermal growth factor receptor inhibitors",
            {"epidermal growth factor receptor inhibitors": "egfr inhibitors"},
        ),
        (
            "in combination with a vascular endothelial growth factor receptor (VEGFR) tyrosine kinase inhibitor",
            {
                "vascular endothelial growth factor receptor (VEGFR) tyrosine kinase inhibitor": (
                    "vegfr tyrosine kinase inhibitors"
                )
            },
        ),
        (
            "SU5416, a small molecule inhibitor of the vascular endothelial growth factor receptor (VEGFR) in",
            {"inhibitor of the vascular endothelial growth factor receptor": "vegfr inhibitors"},
        ),
        # LCT DEV NCT03868046 and registry criteria: "anti-tumor" there begins "tumor necrosis factor",
        # not the generic adjective (antitumor), which names chemotherapy.
        (
            "rituximab, anti-tumor necrosis factor drugs (infliximab, etanercept, adalimumab, golimumab)",
            {"anti-tumor necrosis factor drugs": "tnf inhibitors"},
        ),
        (
            "methotrexate, thalidomide, and anti-tumor necrosis factor-alpha agents) within 2 weeks",
            {"anti-tumor necrosis factor-alpha agents": "tnf inhibitors"},
        ),
        (
            "Have had prior treatment with biologic anti-tumour necrosis factor (TNF) drugs",
            {"anti-tumour necrosis factor (TNF) drugs": "tnf inhibitors"},
        ),
        (
            "Subject has previously received systemic anti-tumor necrosis factor (TNF) therapy",
            {"anti-tumor necrosis factor": "tnf inhibitors"},
        ),
    ],
)
def test_drugs_classes_targets_written_out_name_their_short_forms_class(nlp, text, expected):
    found = {surface: normalized for surface, (normalized, kind) in classes(nlp, text).items() if kind == "class"}
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "Epidermal growth factor receptor (EGFR) mutation-positive tumours",
        "programmed death ligand 1 expression of at least 1%",
        "vascular endothelial growth factor levels, cytotoxic T lymphocyte responses",
        "serum tumor necrosis factor-alpha and interleukin-6 levels",
        "the anti-tumor activity of necrosis-inducing agents",
    ],
)
def test_drugs_classes_targets_written_out_alone_are_genes(nlp, text):
    assert classes(nlp, text) == {}


@pytest.mark.parametrize(
    "text",
    [
        # legacy records: a class adjective before a property noun names a property of the drugs
        "Received any drug with potential anti-emetic effect within 24 hours",
        "To evaluate the safety, tolerance, pharmacokinetics, and antiviral activity of the regimen",
        "may be due to antioxidant properties; the maximum bronchodilator effect; antidepressant efficacy",
        "medications with anticholinergic effects, for two weeks",
        # and a class adjective of no drugs before therapy a modality (GUIDELINES)
        "such as anti-angiogenic therapy, or antiangiogenic treatment",
        # anti- and a disease is an adjective (treatment for the disease), no antibody's target:
        # before therapy a modality (legacy PDQ criteria)
        "At least 7 days since prior Anti-TB therapy",
        "history of anti-COPD treatment",
        # the body's own hormones
        "serum sex hormones and the effect of hormones on the breast",
    ],
)
def test_drugs_classes_adjectives_naming_a_property_or_modality_are_no_class(nlp, text):
    assert classes(nlp, text) == {}


@pytest.mark.parametrize(
    "text,surface",
    [
        ("Glucocorticoid Effects on Cellular Cytokine Release", "Glucocorticoid"),
        ("No prior anti-angiogenic agents", "anti-angiogenic agents"),
        ("on anticoagulant therapy or antiplatelet drugs", "anticoagulant"),
        ("No concurrent anti-TB drugs", "anti-TB drugs"),
        ("No prior PD-1 inhibitor efficacy data", "PD-1 inhibitor"),
    ],
)
def test_drugs_classes_nouns_before_a_property_or_therapy_stay_classes(nlp, text, surface):
    assert surface in classes(nlp, text)


@pytest.mark.parametrize(
    "text", ["an immunomodulatory effect of the vaccine", "hypoglycemic episodes", "biologic plausibility"]
)
def test_drugs_classes_adjectives_alone_in_the_singular_are_no_class(nlp, text):
    assert classes(nlp, text) == {}


def test_drugs_classes_flag_off_is_the_lexicon_alone(nlp, nlp_without_grammar):
    text = "Prior CDK9 inhibitors, anti-CD19 antibodies or vasoactive drugs; proton pump inhibitors allowed."
    assert set(classes(nlp_without_grammar, text)) == {"proton pump inhibitors"}
    grammar = {"CDK9 inhibitors", "anti-CD19 antibodies", "vasoactive drugs"}
    assert set(classes(nlp, text)) == grammar | {"proton pump inhibitors"}


def test_drugs_classes_plural():
    assert plural("MEK inhibitor") == "mek inhibitors"
    assert plural("anti-CD20 antibody") == "anti-cd20 antibodies"
    assert plural("GLP-1 receptor agonists") == "glp-1 receptor agonists"


@pytest.mark.parametrize(
    "text,surface,normalized",
    [
        ("Use of G-CSF or GM-CSF within 14 days of randomization", "G-CSF", "filgrastim"),
        (
            "previously treated with only one cytokine (interferon alfa, high-dose interleukin-2)",
            "interleukin-2",
            "aldesleukin",
        ),
        ("Current or recent treatment with pegylated interferon (PEG-IFN)", "PEG-IFN", "pegylated interferons"),
        (
            "Patients receive recombinant interferon alfa three times weekly",
            "recombinant interferon alfa",
            "interferon alfa",
        ),
        ("Received immunoglobulins or any blood products within 180 days", "immunoglobulins", "immune globulin"),
        # the route stays out of the product's name (dev3 gold NCT00004286: IVIG -> immune globulin)
        ("IV immunoglobulin within 4 weeks of randomization", "IV immunoglobulin", "immune globulin"),
        ("On day 21, patients receive another IVIG or placebo infusion.", "IVIG", "immune globulin"),
        # CHIA and HINT criteria: listed beside a drug, a cytokine is given like it.
        ("Known history of allergy to IL-2, doxorubicin, or other agents", "IL-2", "aldesleukin"),
        ("suspected hypersensitivity to interferon or Peginterferon", "interferon", "interferons"),
        (
            "allergy shots, immune globulin, interferon, immunomodulators, radiation therapy",
            "interferon",
            "interferons",
        ),
        ("regimens including vaccines, nivolumab, interferon, IL-2, etc.", "IL-2", "aldesleukin"),
        # legacy criteria: an example of a drug class named before it is given like the class
        ("Treatment with immune modulators including IL-2, intravenous gammaglobulin", "IL-2", "aldesleukin"),
        ("Immunomodulators (including interferons or systemic corticosteroids).", "interferons", "interferons"),
        ("No prior immunomodulators (e.g., interferon, IL-2) within 4 weeks", "IL-2", "aldesleukin"),
        ("immunomodulatory agents such as interferons, interleukins, or thalidomide", "interferons", "interferons"),
        (
            "other immunotherapy or systemic immune modulators (including but not limited to interferon, IL-2)",
            "IL-2",
            "aldesleukin",
        ),
    ],
)
def test_drugs_cytokines_and_proteins_given_as_therapy(nlp, text, surface, normalized):
    found = classes(nlp, text)
    assert surface in found, f"{surface!r} not in {list(found)}"
    assert found[surface][0] == normalized


@pytest.mark.parametrize(
    "text",
    [
        "serum IL-2 levels and G-CSF levels were measured at baseline",
        "Serum immunoglobulin levels within normal limits; immunoglobulin A deficiency",
        "PD-L1 expression dependent on the IFN-γ pathway",
        "IL-2 and IL-6 were measured",
        "serum IL-2, TNF-alpha and IL-6 levels",
        "markers of inflammation (e.g., IL-2, IL-6) and cytokines such as interferon",
    ],
)
def test_drugs_measured_cytokines_and_proteins_are_not_drugs(nlp, text):
    assert classes(nlp, text) == {}


@pytest.mark.parametrize(
    "text,surface",
    [
        ("İzmir site İİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİ\nNo prior CDK4/6 ınhibitors.", "CDK4/6 ınhibitors"),
        ("Prior CDK4/6 İnhibitors", "CDK4/6 İnhibitors"),
        ("no vasoactive drugſ", "vasoactive drugſ"),
    ],
)
def test_drugs_classes_letters_matched_without_case(nlp, text, surface):
    """The letters the patterns match case-insensitively to the ASCII letters of the class words
    (Turkish İ and ı, the long s), as registry text from other keyboards has them, on lines after
    text they change the length of when lower-cased."""
    assert surface in classes(nlp, text)


def test_drugs_class_with_a_doubled_hyphen_is_the_lexicons(nlp):
    # dev3 NCT04960709: "anti--PD-1" is anti-PD-1 written with a doubled hyphen
    found = classes(
        nlp, "including but not limited to other anti-CTLA-4, anti--PD-1, anti PD-L1, or anti-PD-L2 antibodies"
    )
    assert found["anti--PD-1"] == ("pd-1 inhibitors", "class")


def test_drugs_class_after_anti_names_the_drugs(nlp):
    # dev3 NCT06823401: antibodies against the drugs of a class name the class
    found = classes(
        nlp,
        "Detection of Anti-Checkpoint Inhibitor Antibodies in Plasma of Participants Receiving Treatment, "
        "Detection of anti-checkpoint inhibitors antibodies in plasma",
    )
    assert found["Checkpoint Inhibitor"] == ("immune checkpoint inhibitors", "class")
    assert found["checkpoint inhibitors"] == ("immune checkpoint inhibitors", "class")


@pytest.mark.parametrize(
    "text,surface",
    [
        # dev3 NCT00000854: listed beside drugs, a hormone is given, under the therapeutic product's name
        ("the effects of oxandrolone, megestrol acetate, dronabinol and growth hormone have not", "growth hormone"),
        ("Patients receive recombinant human growth hormone (rhGH) subcutaneously daily.", "rhGH"),
        ("Prior treatment with growth hormone within 6 months.", "growth hormone"),
    ],
)
def test_drugs_growth_hormone_given_is_somatropin(nlp, text, surface):
    assert classes(nlp, text)[surface] == ("somatropin", "agent")


def test_drugs_growth_hormone_measured_is_no_drug(nlp):
    # legacy gold dev NCT00004365: the hormone the body secretes is measured
    text = "Evaluate ultradian growth hormone (GH) secretory patterns in 4 affected dwarfs. Growth Hormone Deficiency"
    assert classes(nlp, text) == {}


@pytest.mark.parametrize(
    "text,surface,normalized",
    [
        # dev3 NCT00000854
        (
            "to see if giving nandrolone decanoate (a hormonal drug) will cause weight gain",
            "hormonal drug",
            "hormonal drugs",
        ),
        # dev3 NCT05375461: a word of stimulation between the adjective and its head
        (
            "Routine blood examination criteria (no blood transfusion or hematopoietic stimulus drug correction within 7 days)",
            "hematopoietic stimulus drug",
            "hematopoietic stimulating agents",
        ),
        # dev3 NCT06465238: a carrier conjugated to drugs
        (
            "Has failed to standard therapy and disease progressed after antibody-conjugated drugs therapy;",
            "antibody-conjugated drugs",
            "antibody-drug conjugates",
        ),
        # dev3 NCT01313117: supplements after a class are the class taken as supplements
        (
            "Use of ALA or other anti-oxidant supplements during the prior three months",
            "anti-oxidant supplements",
            "antioxidant supplements",
        ),
    ],
)
def test_drugs_class_grammar_heads_of_registry_text(nlp, text, surface, normalized):
    assert classes(nlp, text)[surface] == (normalized, "class")


def test_drugs_hormonal_therapy_stays_a_modality(nlp):
    assert classes(nlp, "Prior hormonal therapy is allowed.") == {}


@pytest.mark.parametrize(
    "text,surface,normalized",
    [
        # dev5 NCT05132582: anti- and a written-out target before a kinase's class head
        (
            "Prior treatment with any anti-HER2 and/or anti-epidermal growth factor receptor (EGFR) tyrosine "
            "kinase inhibitor including pyrotinib, lapatinib",
            "anti-epidermal growth factor receptor (EGFR) tyrosine kinase inhibitor",
            "egfr tyrosine kinase inhibitors",
        ),
        # dev5 NCT00496652: a target and an antibody head, and an antibody "against" a written-out target
        (
            "the addition of the fully human EGFr antibody zalutumumab to primary curative radiotherapy",
            "EGFr antibody",
            "anti-egfr antibodies",
        ),
        (
            "The addition of antibodies against the Epidermal Growth Factor receptor (EGFR-I) may further increase",
            "antibodies against the Epidermal Growth Factor receptor",
            "anti-egfr antibodies",
        ),
        # unannotated AACT cancer records
        (
            "Previously treatment with VEGF pathway targeted therapy and EGFR monoclonal antibody",
            "EGFR monoclonal antibody",
            "anti-egfr antibodies",
        ),
        (
            "Prior therapies with EGFR targeted drugs including EGFR antibodies.",
            "EGFR antibodies",
            "anti-egfr antibodies",
        ),
        # dev5 NCT05320874: a drug noun before a drug head names its drugs
        (
            "Subjects who have a history of severe allergic reactions to antibody medications",
            "antibody medications",
            "antibody medications",
        ),
    ],
)
def test_drugs_class_antibodies_by_their_target(nlp, text, surface, normalized):
    found = classes(nlp, text)
    assert found.get(surface) == (normalized, "class"), found


@pytest.mark.parametrize(
    "text,absent",
    [
        # serology, an immunoglobulin's class, a status after a hyphen, a test
        ("Positive HCV antibody or HBsAg", "HCV antibody"),
        ("zalutumumab, a human IgG1 antibody cetuximab-like", "IgG1 antibody"),
        ("History of prior treatment with a HER2-directed antibody", "HER2-directed antibody"),
        ("EGFR antibody test results at screening", "EGFR antibody"),
        ("Circulating antibody against mouse immunoglobulin", "antibody against mouse immunoglobulin"),
        ("seronegative for antibodies against HIV", "antibodies against HIV"),
        # unannotated AACT: the conjugates' class, not an antibody class before "drug"
        ("Has received HER2 antibody drug conjugates,.", "HER2 antibody drug"),
        ("Has received HER2 antibody drug conjugates,.", "HER2 antibody"),
    ],
)
def test_drugs_class_antibodies_measured_or_without_a_target_are_not_classes(nlp, text, absent):
    assert absent not in classes(nlp, text)


def test_drugs_class_short_form_defined_after_the_class_in_any_case(nlp):
    # dev5 NCT00496652: "EGFR-I" (no "i" in the long form: scispaCy finds no definition), then "EGFr-I"
    text = (
        "The addition of antibodies against the Epidermal Growth Factor receptor (EGFR-I) may further increase "
        "the control.\nThe addition af the EGFr-I zalutumumab increases locoregional control\n"
        "No prior treatment with EGFr-I\n"
    )
    spans = [(s.text, s._.trialspacy_normalized) for s in label_spans(nlp(text), DRUG)]
    assert ("EGFR-I", "anti-egfr antibodies") in spans
    assert [name for name, _ in spans].count("EGFr-I") == 2
    # the target alone in brackets is the gene, not a short form of the class
    assert "EGFR" not in classes(nlp, "Prior EGFR antibodies (EGFR) are allowed")


@pytest.mark.parametrize(
    "text,surface,normalized",
    [
        # dev5 NCT00492518 and NCT05061420; unannotated AACT and legacy criteria
        ("increase within 48h after contrast-medium) by acetylcysteine", "contrast-medium", "contrast media"),
        ("Change in serum creatinine 48h after contrast medium compared to", "contrast medium", "contrast media"),
        ("prophylaxis for imaging studies due to hypersensitivity to contrast agents)", "contrast agents", None),
        (
            "hypersensitivity to TRPV1 agonists, bupivacaine, radiographic contrast agents, fentanyl",
            "contrast agents",
            None,
        ),
        ("-  allergy to iodine or contrast media", "contrast media", "contrast media"),
    ],
)
def test_drugs_contrast_media_are_drugs(nlp, text, surface, normalized):
    found = classes(nlp, text)
    assert surface in found, found
    assert found[surface][0] == (normalized or "contrast agents")


@pytest.mark.parametrize(
    "text",
    [
        # a disease the medium causes, an enhanced imaging, a time before it
        "Contrast Induced Nephropathy|Kidney Disease",
        "risk of contrast-induced nephropathy",
        "positron emission tomography (PET)or contrast agent-enhanced computed tomography (CT)",
        "compared to pre-contrast serum creatinine",
    ],
)
def test_drugs_contrast_in_a_disease_or_a_procedure_is_no_drug(nlp, text):
    assert classes(nlp, text) == {}


@pytest.mark.parametrize(
    "text,count",
    [
        # dev5 NCT04711252 (the record names the class) and NCT04862663 (a list with a drug)
        (
            "versus anastrozole (an aromatase inhibitor) and palbociclib.\nReceived at least 24 months of AI "
            "treatment as part of their adjuvant therapy",
            1,
        ),
        ("Previous treatment with an ET (tamoxifen or an AI) as a single agent or in combination", 1),
        # unannotated AACT cancer records: a word of giving around the initials
        ("Adjuvant AI therapy was discontinued due to AI treatment-related toxicity;", 2),
        ("Participants with unrecovered acute toxic effects of prior AI therapy or surgical procedures", 1),
    ],
)
def test_drugs_class_initials_given_as_a_drug(nlp, text, count):
    spans = [(s.text, s._.trialspacy_normalized) for s in label_spans(nlp(text), DRUG)]
    assert spans.count(("AI", "aromatase inhibitors")) == count, spans


@pytest.mark.parametrize(
    "text",
    [
        # other senses: a condition after "with", a tool, a lipoprotein, an arm's label, a defined term
        "Patients with AI are excluded.",
        "An AI model will read the scans.",
        "lipoprotein, triglycerides, apolipoproteins AI and B",
        "neurological examination (EDSS, FS, AI) at 3, 6, 9, and 12 months.",
        "Artificial intelligence (AI) treatment planning for radiotherapy",
    ],
)
def test_drugs_class_initials_with_another_sense_are_no_drug(nlp, text):
    assert "AI" not in classes(nlp, text)


# dev5 NCT00003210 (legacy): the record lists the cytokine as its intervention, so it is given wherever
# the record writes it ("the response rate of interleukin-12"), as unannotated legacy records
# NCT00004074 and NCT00003451 write it too.
LISTED_CYTOKINE = (
    "Interleukin-12 in Treating Patients With Previously Treated Non-Hodgkin's Lymphoma or Hodgkin's Disease\n"
    "Phase II trial to study the effectiveness of interleukin-12 in treating patients with previously treated "
    "non-Hodgkin's lymphoma or Hodgkin's disease.\n"
    "Recurrent Adult Hodgkin Lymphoma|Splenic Marginal Zone Lymphoma\n"
    "BIOLOGICAL: recombinant interleukin-12|OTHER: laboratory biomarker analysis\n"
    "Response rate, Simon's two-stage model will be used., Up to 5 years\n"
    "PRIMARY OBJECTIVES:\n\n"
    "I. Determine the response rate of interleukin-12 in previously treated patients.\n"
)


def test_drugs_cytokine_listed_as_the_intervention_is_given_wherever_written(nlp):
    spans = [s.text for s in label_spans(nlp(LISTED_CYTOKINE), DRUG)]
    assert spans.count("interleukin-12") == 2, spans
    assert "Interleukin-12" in spans
    # without the intervention list the words around it say nothing of giving
    assert "interleukin-12" not in classes(nlp, "Determine the response rate of interleukin-12 in patients.")


def test_drugs_cytokine_classes_listed_one_a_line_beside_drugs_are_given(nlp):
    # dev5 NCT00000818 (legacy): excluded concurrent medication, one class a line
    text = (
        "Concurrent Medication:\n\nExcluded during the first 8 weeks of study:\n\n"
        "  -  Other antiretroviral agents.\n\n  -  Steroids.\n\n  -  Interleukins.\n\n  -  Interferons.\n\n"
        "  -  Cytotoxic chemotherapy.\n"
    )
    found = classes(nlp, text)
    assert found.get("Interleukins") == ("interleukins", "class")
    assert found.get("Interferons") == ("interferons", "class")
    # a line of a list of measurements is no evidence
    assert "Interferons" not in classes(nlp, "Laboratory values:\n  -  Hemoglobin >= 9 g/dL\n  -  Interferons\n")


def test_drugs_class_route_stays_out_and_non_before_a_cause_is_no_drug(nlp):
    # dev5 NCT05061420: the route is not part of the class (GUIDELINES: "systemic corticosteroids")
    found = classes(nlp, "Inhaled or topical steroids are permitted, provided that they are not for treatment")
    assert found.get("steroids") == ("steroids", "class")
    # dev3 NCT03374995
    assert "corticosteroids" in classes(nlp, "oral corticosteroids or topical corticosteroids in the")
    # dev5 NCT05133076: a cause that is not an opioid; "non-platinum chemotherapy" keeps its class
    assert classes(nlp, "or any potential non-opioid cause of bowel dysfunction that may be a contributor") == {}
    assert "platinum" in classes(nlp, "after non-platinum chemotherapy")


def test_drugs_spermicide_is_a_contraceptive_class(nlp):
    # dev5 NCT05133076
    found = classes(nlp, "(condom with spermicide gel, any oral contraceptive, intrauterine device)")
    assert found.get("spermicide") == ("spermicides", "class")
