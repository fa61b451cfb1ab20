"""The DRUG component on real trial text: the seeds, CHIA, NLI4CT and ClinicalTrials.gov phrases;
its serialization and its declared attributes."""

import json

import pytest
import spacy
import srsly
from spacy import util

import trialspacy
from trialspacy.components.drugs.packing import pack_lexicon, unpack_lexicon
from trialspacy.spans import DRUG, label_spans, span_attrs

PIPELINE = ["trialspacy_layout", "trialspacy_abbreviations", "trialspacy_drugs"]


@pytest.fixture(scope="module")
def nlp():
    return trialspacy.build(PIPELINE)


def drugs(nlp, text: str) -> list[tuple[str, str, str, object]]:
    """(text, normalized, kind, drugbank_id) of the DRUG spans of ``text``."""
    doc = nlp(text)
    return [
        (s.text, s._.trialspacy_normalized, s._.trialspacy_kind, s._.trialspacy_drugbank_id)
        for s in label_spans(doc, DRUG)
    ]


def named(found, surface: str) -> dict[str, object]:
    """Attributes of the DRUG span written ``surface`` (fails if there is none)."""
    hits = [f for f in found if f[0] == surface]
    assert hits, f"{surface!r} not found as DRUG in {[f[0] for f in found]}"
    return {"normalized": hits[0][1], "kind": hits[0][2], "drugbank_id": hits[0][3]}


@pytest.fixture(scope="module")
def seed_drugs(nlp, seed_texts):
    return {stem: drugs(nlp, text) for stem, text in seed_texts.items()}


SEED_EXPECTED = [
    ("000", "LG002", "lg002", "agent"),
    ("000", "docetaxel", "docetaxel", "agent"),
    ("000", "Neo-DCVac", "neo-dcvac", "agent"),
    ("000", "ICIs", "immune checkpoint inhibitors", "class"),
    ("002", "LM103", "lm103", "agent"),
    ("002", "fludarabine", "fludarabine", "agent"),
    ("002", "cyclophosphamide", "cyclophosphamide", "agent"),
    ("002", "IL-2", "aldesleukin", "agent"),
    ("002", "autologous tumor infiltrating lymphocytes", "tumor infiltrating lymphocytes", "agent"),
    ("002", "TILs", "tumor infiltrating lymphocytes", "agent"),
    ("003", "Toripalimab", "toripalimab", "agent"),
    ("003", "JS001", "toripalimab", "agent"),
    ("003", "Axitinib", "axitinib", "agent"),
    ("003", "acitinib", "axitinib", "agent"),
    ("004", "PD-1 inhibitors", "pd-1 inhibitors", "class"),
    ("004", "antibiotics", "antibiotics", "class"),
    ("004", "antifungal drugs", "antifungal drugs", "class"),
    ("004", "antiviral", "antivirals", "class"),
    ("004", "antiparasitic drugs", "antiparasitic drugs", "class"),
    ("004", "probiotics", "probiotics", "class"),
]


@pytest.mark.parametrize("seed,surface,normalized,kind", SEED_EXPECTED)
def test_drugs_finds_seed_names_with_normalized_and_kind(seed_drugs, seed, surface, normalized, kind):
    stem = next(s for s in seed_drugs if s.startswith(seed))
    attrs = named(seed_drugs[stem], surface)
    assert (attrs["normalized"], attrs["kind"]) == (normalized, kind)


@pytest.mark.parametrize(
    "not_drug",
    [
        "CD4+",
        "CD8+",
        "PD-L1",
        "PD-1",
        "EGFR",
        "CTCAE",
        "CTCAE5.0",
        "RECIST",
        "iRECIST",
        "chemotherapy",
        "immunotherapy",
        "radiotherapy",
        "CA199",
        "CA125",
        "CYFRA21-1",
        "IFN- γ",
        "vaccine",
        "alcohol",
        "formaldehyde",
        "SCC",
        "ECOG",
    ],
)
def test_drugs_never_labels_biomarkers_modalities_or_scales_in_seeds(seed_drugs, not_drug):
    labelled = {f[0].lower() for found in seed_drugs.values() for f in found}
    assert not_drug.lower() not in labelled


def test_drugs_seed_drugbank_ids_come_from_the_lexicon(seed_drugs):
    stem = next(s for s in seed_drugs if s.startswith("003"))
    assert named(seed_drugs[stem], "JS001")["drugbank_id"] == "DB15043"
    assert named(seed_drugs[stem], "acitinib")["drugbank_id"] == "DB06626"
    stem = next(s for s in seed_drugs if s.startswith("000"))
    assert named(seed_drugs[stem], "LG002")["drugbank_id"] is None


# Real phrases: NLI4CT (breast-cancer CTRs), ClinicalTrials.gov samples, CHIA criteria, HINT criteria.
PHRASES = [
    (
        "Patients will be treated with one injection of Pembrolizumab (Keytruda®) administered intravenously at 200 mg",
        "Keytruda",
        "pembrolizumab",
        "agent",
    ),
    ("Arm II: Doxorubicin, Taxotere, and Herceptin", "Herceptin", "trastuzumab", "agent"),
    ("Arm II: Doxorubicin, Taxotere, and Herceptin", "Taxotere", "docetaxel", "agent"),
    (
        "Subjects must have received prior treatment with anti-PD-1 or anti-PD-L1 therapy (alone or as part of a "
        "combination)",
        "anti-PD-1",
        "pd-1 inhibitors",
        "class",
    ),
    (
        "Subjects must have received prior treatment with anti-PD-1 or anti-PD-L1 therapy (alone or as part of a "
        "combination)",
        "anti-PD-L1",
        "pd-l1 inhibitors",
        "class",
    ),
    (
        "Previously treated with a standard course of taxane- and platinum-based chemotherapy for ovarian epithelial, "
        "primary peritoneal cavity",
        "platinum",
        "platinum",
        "class",
    ),
    (
        "Previously treated with a standard course of taxane- and platinum-based chemotherapy for ovarian epithelial, "
        "primary peritoneal cavity",
        "taxane",
        "taxanes",
        "class",
    ),
    (
        "a chronic use of non-steroidal anti-inflammatory drugs, (NSAID)",
        "non-steroidal anti-inflammatory drugs",
        "nsaids",
        "class",
    ),
    (
        "Use of strong (e.g., etoconazole, itraconazole, posaconazole, clarithromycin,",
        "itraconazole",
        "itraconazole",
        "agent",
    ),
    ("AZD0530 (saracatinib) 175 mg once daily", "AZD0530", "saracatinib", "agent"),
    ("Carotuximab (TRC105) Plus Capecitabine", "TRC105", "carotuximab", "agent"),
    ("SHR-1210 plus apatinib in patients with advanced hepatocellular carcinoma", "SHR-1210", "camrelizumab", "agent"),
    ("Dose-Limiting Toxicity (DLT) of MK-3475 in Combination With Trastuzumab", "MK-3475", "pembrolizumab", "agent"),
    # a code registry records list as panobinostat's other name (the lexicon's registry aliases)
    ("INTERVENTION 1: LBH589 With Capecitabine", "LBH589", "panobinostat", "agent"),
    ("INTERVENTION 1: Herceptin + NeuVax Vaccine", "NeuVax", "nelipepimut-s", "agent"),
    ("INTERVENTION 1: Arm I - PANVAC + Docetaxel", "PANVAC", "panvac", "agent"),
    (
        "explore the efficacy and safety of Adebelimumab in combination with famitinib",
        "Adebelimumab",
        "adebelimumab",
        "agent",
    ),
    (
        "Postmenopausal women with disease recurrence while receiving either tamoxifen or a non-steroidal aromatase "
        "inhibitor (AI) as adjuvant therapy",
        "AI",
        "aromatase inhibitors",
        "class",
    ),
    ("Have used of gamma globulin, blood transfusions within 3 months before vaccination", None, None, None),
    # Regimen acronyms are one span each, normalized to their agents (CHIA/LCT criteria, HINT criteria)
    (
        "treatment regimen such as R-CHOP (rituximab, cyclophosphamide, doxorubicin, vincristine, and prednisone)",
        "R-CHOP",
        "rituximab/cyclophosphamide/doxorubicin/vincristine/prednisone",
        "agent",
    ),
    ("Have failed or have not tolerated FOLFOX, FOLFIRI and", "FOLFIRI", "leucovorin/fluorouracil/irinotecan", "agent"),
    ("adjuvant chemotherapy with mFOLFOX6 or XELOX", "mFOLFOX6", "leucovorin/fluorouracil/oxaliplatin", "agent"),
    ("Allergy to pyrazolones, or anaphylactic reaction against NSAIDS", "pyrazolones", "pyrazolones", "class"),
    ("metformin, thiazolidinedione, or glinides monotherapy", "glinides", "meglitinides", "class"),
    ("a change in the dosage of thyroid hormones within 6 weeks", "thyroid hormones", "thyroid hormones", "class"),
    # A vaccine named by its abbreviated pathogen is one span: the pathogen alone is no drug
    ("has no inoculation history of EV71 vaccine", "EV71 vaccine", "ev71 vaccine", "agent"),
    ("planned administration of any HPV vaccine other than that", "HPV vaccine", "hpv vaccine", "agent"),
    ("Receipt of another experimental HIV vaccine at any time", "HIV vaccine", "hiv vaccine", "agent"),
    # The plural of a generic name is the family of agents it names (CHIA, HINT criteria)
    ("Current use of fibrates, including fenofibrates, or simvastatin", "fenofibrates", "fenofibrates", "class"),
    ("potential abuse substances (e.g. alcohol, cocaine, amphetamines and", "amphetamines", "amphetamines", "class"),
    ("Any use of leukotriene antagonists or theophyllines within 4 weeks", "theophyllines", "theophyllines", "class"),
]


@pytest.mark.parametrize("text,surface,normalized,kind", PHRASES)
def test_drugs_on_real_phrases(nlp, text, surface, normalized, kind):
    found = drugs(nlp, text)
    if surface is None:
        assert found == []
    else:
        attrs = named(found, surface)
        assert (attrs["normalized"], attrs["kind"]) == (normalized, kind)


@pytest.mark.parametrize(
    "text",
    [
        "creatinine ≤ 1.5 mg/dL",
        "Serum creatinine ≤ 1.5 × ULN (upper limit of normal)",
        "Hemoglobin ≥ 9 g/dL",
        "estrogen receptor positive (ER+) breast cancer",
        "HER2-positive breast cancer",
        "programmed death receptor-ligand 1 (PD-L1) expression",
        "Type 1 diabetes mellitus or insulin resistance",
        "willingness to wear the insulin pump",
        "Substance/alcohol abuse.",
        "Prior treatment with chemotherapy, immunotherapy or targeted therapy",
        "placebo tablets once daily",
        "Cytokines, IFN- γ、 TGF- β. Detection using flow cytometry",
        "The expression levels of CA50, CA199 and CEA in Melanoma, CA125, SCC and CA199 in cervical cancer",
        "ECOG performance status 0-1 and measurable disease per RECIST 1.1",
        "registered as NCT01234567, graded by CTCAE5.0",
        "fixed with 4% formaldehyde for 12-24 hours, dehydrated by gradient alcohol",
        "the last vaccination intervals = 14 days and there is no history of EV71 infection",
        "Norco tablets or equivalence per day) or recent history of opioid abuse",
        "Psychiatric disorders; Opioid addiction; Acute organic disease",
        # LCT DEV: an equation for the filtration rate, not epirubicin (EPI)
        "eGFR by the Chronic Kidney Disease Epidemiology Collaboration (CKD-EPI) equation",
    ],
)
def test_drugs_does_not_label_lab_values_biomarkers_or_modalities(nlp, text):
    assert drugs(nlp, text) == []


def test_drugs_gazetteer_labels_listed_names_across_the_record(nlp):
    text = (
        "Study of LX-1 in Solid Tumors\nAn open study.\nSolid Tumor\nDRUG: Lexatumab injection|DRUG: Placebo\n"
        "Adverse events, incidence, 1 year\nObjective response rate, ORR, 1 year\n"
        "Patients receive lexatumab every 3 weeks."
    )
    found = drugs(nlp, text)
    assert [f[0] for f in found if f[1] == "lexatumab"] == ["Lexatumab", "lexatumab"]


def test_drugs_listed_class_is_a_class(nlp):
    """An intervention listed by its class (API v2 and legacy records: ``DRUG: PD-1 Inhibitors``,
    ``Drug: ACE Inhibitors``) is the class its grammar names, not an agent named after it."""
    text = (
        "Immunotherapy in PD-L1-negative Advanced NSCLC\nThis study includes patients receiving immunotherapy.\n"
        "NSCLC\nDRUG: PD-1 Inhibitors|DRUG: ACE Inhibitors\n1-year Progression-Free Survival (PFS) rate, up to 12 month\n"
    )
    found = drugs(nlp, text)
    assert named(found, "PD-1 Inhibitors")["kind"] == "class"
    assert named(found, "ACE Inhibitors") == {"normalized": "ace inhibitors", "kind": "class", "drugbank_id": None}


def test_drugs_without_layout_has_no_gazetteer_but_still_works():
    nlp = trialspacy.build(["trialspacy_drugs"])
    doc = nlp("DRUG: Toripalimab injection combine with Axitinib")
    assert doc._.trialspacy_sections is None
    assert [s.text for s in label_spans(doc, DRUG)] == ["Toripalimab", "Axitinib"]


def drug_spans(nlp, texts) -> list[list[tuple[int, int, dict[str, object]]]]:
    """Offsets and attributes of the DRUG spans of each text."""
    return [[(s.start_char, s.end_char, span_attrs(s)) for s in label_spans(d, DRUG)] for d in nlp.pipe(texts)]


def test_drugs_to_disk_from_disk_round_trip(nlp, seed_texts, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "trialspacy_drugs" / "drug_lexicon.msgpack.gz").exists()
    restored = spacy.load(tmp_path / "pipeline")
    before, after = drug_spans(nlp, seed_texts.values()), drug_spans(restored, seed_texts.values())
    assert before == after and sum(map(len, before)) > 50


def test_drugs_to_bytes_from_bytes_round_trip(nlp, seed_texts):
    restored = trialspacy.build(PIPELINE).from_bytes(nlp.to_bytes())
    before, after = drug_spans(nlp, seed_texts.values()), drug_spans(restored, seed_texts.values())
    assert before == after and sum(map(len, before)) > 50
    component = restored.get_pipe("trialspacy_drugs")
    assert component.to_bytes() == nlp.get_pipe("trialspacy_drugs").to_bytes()


def lexicon_of_one(name: str) -> bytes:
    """A packed lexicon holding one agent."""
    row = {"tokens": [name], "case_sensitive": False, "normalized": name, "kind": "agent", "drugbank_id": None}
    return pack_lexicon([row])


def packed_bytes(data: bytes) -> bytes:
    """What the component's ``to_bytes`` gives for the packed lexicon ``data``."""
    return util.to_bytes({"drug_lexicon": lambda: data}, [])


TEXT = "Patients receive aspirin and wonderdrugine daily."


def test_drugs_from_bytes_replaces_the_lexicon():
    nlp = trialspacy.build(["trialspacy_drugs"])
    component = nlp.get_pipe("trialspacy_drugs")
    assert component.from_bytes(packed_bytes(lexicon_of_one("wonderdrugine"))) is component
    assert component.rows == unpack_lexicon(lexicon_of_one("wonderdrugine")) and len(component.index) == 1
    assert [s.text for s in label_spans(nlp(TEXT), DRUG)] == ["wonderdrugine"]


def test_drugs_serialization_honours_exclude(tmp_path):
    nlp = trialspacy.build(["trialspacy_drugs"])
    component = nlp.get_pipe("trialspacy_drugs")
    saved = srsly.msgpack_loads(component.to_bytes(exclude=["drug_lexicon", "drug_scorer"]))
    assert saved == {"drug_terms": srsly.msgpack_dumps([])}
    assert srsly.msgpack_loads(component.to_bytes(exclude=["drug_lexicon", "drug_terms", "drug_scorer"])) == {}
    component.to_disk(tmp_path, exclude=["drug_lexicon", "drug_terms", "drug_scorer"])
    assert list(tmp_path.iterdir()) == []
    component.from_bytes(packed_bytes(lexicon_of_one("wonderdrugine")), exclude=["drug_lexicon"])
    assert [s.text for s in label_spans(nlp(TEXT), DRUG)] == ["aspirin"]


def test_drugs_declares_what_it_assigns_and_requires():
    analysis = trialspacy.build(["trialspacy_drugs"]).analyze_pipes()
    assert analysis["summary"]["trialspacy_drugs"]["assigns"] == [
        "doc.spans",
        "span._.trialspacy_normalized",
        "span._.trialspacy_kind",
        "span._.trialspacy_drugbank_id",
    ]
    # Alone, nothing before it sets the sections and abbreviations it reads.
    assert analysis["problems"]["trialspacy_drugs"] == [
        "doc._.trialspacy_sections",
        "doc._.trialspacy_abbreviation_defs",
    ]


def test_drugs_component_attrs_are_json_safe(seed_drugs):
    json.dumps(seed_drugs)


def drugs_pipeline(**config: bool):
    """The DRUG pipeline with ``config`` for the DRUG component."""
    nlp = trialspacy.blank()
    for name in PIPELINE[:-1]:
        nlp.add_pipe(name)
    nlp.add_pipe("trialspacy_drugs", config=config)
    return nlp


@pytest.fixture(scope="module")
def before_v1_2():
    """The DRUG pipeline with contract v1.2's authoritative list and formulations switched off."""
    return drugs_pipeline(authoritative_list=False, formulations=False)


# NCT00491543 (legacy XML): a listed code whose prefix is also a liver enzyme's (ALT), which the code
# guards reject on their own.
ALT_2074 = (
    "Evaluation of ALT-2074 in Subjects With Type-2 Diabetes, Haptoglobin Type 2-2 Genotype and Coronary Artery "
    'Disease\nALT-2074 (BXT-51072) belongs to a class of drugs called "glutathione peroxidase mimics." ALT-2074 '
    "works by imitating a substance produced in various tissues in the body.\nDiabetes|Coronary Artery Disease\n"
    "DRUG: ALT-2074\nBiomarkers of inflammation and oxidative stress, 28 days|Safety, 28 days\n\n"
    "Subjects on prescribed anti-diabetic and coronary artery disease medications may continue to take their "
    "medications throughout the study."
)
# NCT00001077 (legacy XML): dietary supplements listed by brand.
SUPPLEMENTS = (
    "A Comparison of Two Caloric Supplements in the Prevention of Weight Loss in Patients With AIDS Who Take Daily "
    "Multivitamin and Mineral Supplements\nTo compare a caloric supplement containing peptides and medium-chain "
    "triglycerides, a caloric supplement containing whole protein and long-chain triglycerides, and no caloric "
    "supplement.\nHIV Infections|HIV Wasting Syndrome\nDIETARY_SUPPLEMENT: Multivitamin and mineral supplements|"
    "DIETARY_SUPPLEMENT: Peptamen|DIETARY_SUPPLEMENT: NuBasics\n\n\nPatients will be randomized to one of 3 study "
    "arms: Peptamen, NuBasics, or no caloric supplement."
)
# NCT00001564 (legacy XML): a cytokine the lexicon blocks (a measured IL-4 is no drug), listed as given.
IL_4 = (
    "A Pilot Study of Tumor-Specific Peptide Vaccination and IL-2 in Recurrent Pediatric Sarcomas\n"
    "Recombinant human IL-2 is administered within 4 hours of the peptide pulsed vaccine.\n"
    "Ewing's Sarcoma|Rhabdomyosarcoma\nDRUG: EF-1 Peptide|DRUG: IL-2|DRUG: IL-4|DRUG: GM-CSF|DRUG: CD40 Ligand\n\n\n"
    "Antigen presenting cells are cultured with GM-CSF and IL-4."
)
# NCT00004208 (legacy XML): a combination listed as one item.
ATG_CSA = (
    "Antithymocyte Globulin and Cyclosporine in Treating Patients With Myelodysplastic Syndrome\n"
    "The main objective of this trial is to evaluate the efficacy and toxicity of intensive immuno-suppression with "
    "ATG + CSA versus best supportive care.\nMyelodysplastic Syndromes\nDRUG: ATG + CSA|BEHAVIORAL: Supportive care\n"
    "Best response rate (CR + PR), 6 months\n\n"
)
# NCT00006383 (legacy XML): a liposomal formulation, with its salt.
LIPOSOMAL_VINCRISTINE = (
    "Liposomal Vincristine in Treating Patients With Refractory or Relapsed Non-Hodgkin's Lymphoma\n"
    "PURPOSE: Phase II trial to study the effectiveness of liposomal vincristine in treating patients.\nLymphoma\n"
    "DRUG: liposomal vincristine sulfate\n\n\nPatients receive vincristine sulfate liposomes IV over 1 hour. Prior "
    "imatinib mesylate is allowed."
)


def test_drugs_listed_code_is_an_agent_whatever_its_shape(nlp, before_v1_2):
    found = drugs(nlp, ALT_2074)
    assert [f[0] for f in found] == ["ALT-2074", "ALT-2074", "BXT-51072", "ALT-2074", "ALT-2074"]
    # the code in parentheses takes the listed code's name
    assert named(found, "BXT-51072")["normalized"] == "alt-2074"
    assert [f[0] for f in drugs(before_v1_2, ALT_2074)] == ["BXT-51072"]


def test_drugs_listed_dietary_supplements_are_agents(nlp, before_v1_2):
    found = drugs(nlp, SUPPLEMENTS)
    assert [f[0] for f in found if f[1] in ("peptamen", "nubasics")] == ["Peptamen", "NuBasics"] * 2
    assert named(found, "Multivitamin")["normalized"] == "multivitamin"
    # Before v1.2 the listed products are not found; the supplement class (a rule of its own) is.
    before = [f[0] for f in drugs(before_v1_2, SUPPLEMENTS)]
    assert "medium-chain triglycerides" in before
    assert not {"Peptamen", "NuBasics", "Multivitamin"} & set(before)
    assert set(before) <= {"medium-chain triglycerides", "Mineral Supplements", "mineral supplements"}


def test_drugs_listed_name_wins_over_a_blocker(nlp, before_v1_2):
    assert [f[0] for f in drugs(nlp, IL_4) if f[0] == "IL-4"] == ["IL-4", "IL-4"]
    assert "IL-4" not in [f[0] for f in drugs(before_v1_2, IL_4)]


def test_drugs_listed_combination_is_split_into_its_agents(nlp):
    found = drugs(nlp, ATG_CSA)
    assert [f[0] for f in found if f[0] in ("ATG", "CSA")] == ["ATG", "CSA", "ATG", "CSA"]


def test_drugs_formulation_keeps_its_name_and_a_salt_does_not(nlp, before_v1_2):
    found = drugs(nlp, LIPOSOMAL_VINCRISTINE)
    assert [(f[0], f[1]) for f in found] == [
        ("Liposomal Vincristine", "liposomal vincristine"),
        ("liposomal vincristine", "liposomal vincristine"),
        ("liposomal vincristine sulfate", "liposomal vincristine"),
        ("vincristine sulfate liposomes", "liposomal vincristine"),
        ("imatinib mesylate", "imatinib"),
    ]
    assert [(f[0], f[1]) for f in drugs(before_v1_2, LIPOSOMAL_VINCRISTINE)] == [
        ("Vincristine", "vincristine"),
        ("vincristine", "vincristine"),
        ("vincristine sulfate", "vincristine"),
        ("vincristine sulfate", "vincristine"),
        ("imatinib", "imatinib"),
    ]


# NCT00002947 (legacy XML): a radiolabelled agent listed as RADIATION.
PENTETREOTIDE = (
    "Indium In 111 Pentetreotide in Treating Patients With Refractory Cancer\nPURPOSE: Phase I trial to study the "
    "effectiveness of indium In 111 pentetreotide in treating patients who have refractory cancer.\n"
    "Neuroendocrine Tumor\nRADIATION: indium In 111 pentetreotide\n\n\nOBJECTIVES: I. Determine the maximum "
    "tolerated dose of indium In 111 pentetreotide. II. Assess external beam radiation therapy."
)


def test_drugs_listed_radiolabelled_agent_is_an_agent(nlp, before_v1_2):
    found = drugs(nlp, PENTETREOTIDE)
    assert [(f[0], f[1]) for f in found] == [("Indium In 111 Pentetreotide", "indium in 111 pentetreotide")] + [
        ("indium In 111 pentetreotide", "indium in 111 pentetreotide")
    ] * 3
    assert [f[0] for f in drugs(before_v1_2, PENTETREOTIDE)] == ["Pentetreotide"] + ["pentetreotide"] * 3


def test_drugs_records_own_name_wins_for_its_codes(nlp, before_v1_2):
    # NCT00461045, NCT00000698 (legacy XML)
    text = (
        "escalating doses of the proteasome inhibitor NPI-0052 (also known as marizomib) in patients with relapsed "
        "multiple myeloma. NPI-0052 is a novel proteasome inhibitor. To determine the safety and effectiveness of "
        "intravenous ganciclovir (also known as DHPG) in AIDS."
    )
    found = drugs(nlp, text)
    assert [f[1] for f in found if f[0] in ("NPI-0052", "DHPG")] == ["marizomib", "marizomib", "ganciclovir"]
    before = drugs(before_v1_2, text)
    # (NPI-0052 is marizomib in the lexicon too: registry records list it among marizomib's other names)
    assert [f[1] for f in before if f[0] == "DHPG"] == ["dihydroxyphenylglycine"]


def test_drugs_botanical_classes_are_drugs(nlp):
    # Contract v1.2: botanical products named as a class are DRUG (ClinicalTrials.gov records
    # registered from China; the words were blocked as generic before v1.2).
    found = drugs(
        nlp,
        "Received treatment with traditional Chinese medicine preparations for approved anti-tumor indication "
        "within 2 weeks; Chinese herbal medicine or herbal supplements; dietary supplements are not allowed.",
    )
    assert [(f[0], f[1], f[2]) for f in found] == [
        ("traditional Chinese medicine", "traditional chinese medicines", "class"),
        ("Chinese herbal medicine", "traditional chinese medicines", "class"),
        ("herbal supplements", "herbal medicines", "class"),
        ("dietary supplements", "dietary supplements", "class"),
    ]


def test_drugs_an_intervention_type_written_as_a_label_is_no_class(nlp):
    # The site export's interventions column as a user pastes it ("Dietary Supplement: Superba Boost",
    # NCT05711303): the type names the item, it is not the class "dietary supplements"; in a
    # criterion the class stays a DRUG, colon or not.
    doc = nlp("Dietary Supplement: curcumin|Drug: Nifedipine\nUse of dietary supplement: not allowed.")
    assert [s.text for s in label_spans(doc, DRUG)] == ["curcumin", "Nifedipine", "dietary supplement"]
