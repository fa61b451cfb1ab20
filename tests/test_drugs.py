"""DRUG recognition on real trial text: the seeds, CHIA, NLI4CT and ClinicalTrials.gov phrases."""

import json
import subprocess
import sys

import pytest
import spacy
from conftest import CORPORA, REPO, corpus_path

import trialspacy
from trialspacy.components.drugs import (
    SpellingIndex,
    find_codes,
    find_products,
    has_inn_stem,
    intervention_names,
    is_code,
    looks_like_name,
    resolve_codes,
    within_edit_distance,
)
from trialspacy.lexicon import package_data, read_jsonl, tokenize_terms
from trialspacy.spans import DRUG, label_spans, span_attrs

DATA = REPO / "pipeline" / "trialspacy" / "data"
PIPELINE = ["trialspacy_layout", "trialspacy_abbreviations", "trialspacy_drugs"]


@pytest.fixture(scope="module")
def nlp():
    return trialspacy.build(PIPELINE)


def drugs(nlp, text: str) -> list[tuple[str, str, str, object]]:
    """(text, normalized, kind, drugbank_id) of the DRUG spans of ``text``."""
    doc = nlp(text)
    return [(s.text, s._.normalized, s._.kind, s._.drugbank_id) for s in label_spans(doc, DRUG)]


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
    ("INTERVENTION 1: LBH589 With Capecitabine", "LBH589", "lbh589", "agent"),
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
    ],
)
def test_drugs_does_not_label_lab_values_biomarkers_or_modalities(nlp, text):
    assert drugs(nlp, text) == []


LOOKALIKES = [
    "NCT01234567",
    "CA125",
    "CA19-9",
    "CA199",
    "CD8",
    "CD4+",
    "HER2",
    "T790M",
    "V600E",
    "L858R",
    "G12C",
    "C1D1",
    "PD-1",
    "PD-L1",
    "CTLA-4",
    "CTCAE",
    "CTCAE5.0",
    "ECOG",
    "RECIST",
    "iRECIST",
    "COVID-19",
    "SARS-CoV-2",
    "HPV16",
    "HLA-A2",
    "BRCA1",
    "CYP3A4",
    "UGT1A1",
    "FEV1",
    "QLQ-C30",
    "EQ-5D",
    "ICD-10",
    "DSM-5",
    "AJCC8",
    "FIGO2018",
    "WHO2016",
    "ISO9001",
    "Ki-67",
    "CYFRA21-1",
    "T2N0M0",
    "IgG4",
    "HIV-1",
    "SF-36",
    "HAM-D17",
    "IC50",
    "CD20",
    "IL-10",
    "KRASG12C",
    "EGFR-T790M",
    "H1047R",
    "S1400",
    "A5324",
    "SP263",
    "GOG-0199",
    "IBCSG-2402",
    "HLA-B27",
]


@pytest.mark.parametrize("text", LOOKALIKES)
def test_drugs_code_pattern_rejects_lookalikes(text):
    assert find_codes(text) == [] and not is_code(text)


@pytest.mark.parametrize(
    "code",
    [
        "JS001",
        "LM103",
        "LG002",
        "SHR-1210",
        "MK-3475",
        "IBI308",
        "BGB-A317",
        "AZD9291",
        "MEDI4736",
        "MPDL3280A",
        "DS-8201a",
        "E7080",
        "MSC2156119J",
        "YN968D1",
        "PD-0332991",
        "HSK40118",
        "TQB2450",
        "CAM2038",
        "MK-7684A",
    ],
)
def test_drugs_code_pattern_accepts_investigational_codes(code):
    assert is_code(code) and find_codes(f"treated with {code} daily") != []


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


def test_drugs_gazetteer_labels_listed_names_across_the_record(nlp):
    text = (
        "Study of LX-1 in Solid Tumors\nAn open study.\nSolid Tumor\nDRUG: Lexatumab injection|DRUG: Placebo\n"
        "Adverse events, incidence, 1 year\nObjective response rate, ORR, 1 year\n"
        "Patients receive lexatumab every 3 weeks."
    )
    found = drugs(nlp, text)
    assert [f[0] for f in found if f[1] == "lexatumab"] == ["Lexatumab", "lexatumab"]


def test_drugs_without_layout_has_no_gazetteer_but_still_works():
    nlp = trialspacy.build(["trialspacy_drugs"])
    doc = nlp("DRUG: Toripalimab injection combine with Axitinib")
    assert doc._.sections is None
    assert [s.text for s in label_spans(doc, DRUG)] == ["Toripalimab", "Axitinib"]


@pytest.mark.parametrize(
    "names,word,expected",
    [
        (["axitinib"], "acitinib", "axitinib"),
        (["pembrolizumab"], "pembroluzimab", "pembrolizumab"),
        (["docetaxel"], "doectaxel", "docetaxel"),
        (["axitinib"], "axitinib", None),
        (["insulin"], "inculin", "insulin"),
        (["axitinib", "afitinib"], "abitinib", None),
        (["docetaxel"], "paclitaxel", None),
    ],
)
def test_drugs_spelling_index(names, word, expected):
    assert SpellingIndex(names).match(word) == expected


@pytest.mark.parametrize(
    "a,b,limit,expected",
    [
        ("acitinib", "axitinib", 1, True),
        ("doectaxel", "docetaxel", 1, True),
        ("kitten", "sitting", 2, False),
        ("kitten", "sitting", 3, True),
        ("abc", "abc", 0, True),
        ("pembroluzimab", "pembrolizumab", 1, False),
    ],
)
def test_drugs_edit_distance(a, b, limit, expected):
    assert within_edit_distance(a, b, limit) is expected


def test_drugs_to_disk_from_disk_round_trip(nlp, seed_texts, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "trialspacy_drugs" / "drug_lexicon.msgpack.gz").exists()
    restored = spacy.load(tmp_path / "pipeline")
    texts = list(seed_texts.values())
    before = [[(s.start_char, s.end_char, span_attrs(s)) for s in label_spans(d, DRUG)] for d in nlp.pipe(texts)]
    after = [[(s.start_char, s.end_char, span_attrs(s)) for s in label_spans(d, DRUG)] for d in restored.pipe(texts)]
    assert before == after and sum(map(len, before)) > 50


def test_drugs_component_attrs_are_json_safe(seed_drugs):
    json.dumps(seed_drugs)


def test_drugs_lexicon_tokens_match_the_current_tokenizer():
    """The lexicon stores tokens; a tokenizer change must be followed by a rebuild."""
    nlp = trialspacy.build([])
    rows = package_data("drug_lexicon.jsonl.gz")
    keys = {
        (r["case_sensitive"], tuple(r["tokens"]) if r["case_sensitive"] else tuple(t.lower() for t in r["tokens"]))
        for r in rows
    }
    surfaces = [code["code"] for code in read_jsonl(DATA / "drug_codes.jsonl")]
    for row in read_jsonl(DATA / "drug_classes.jsonl"):
        surfaces += row["variants"] + row["cased"]
    surfaces += ["nab-paclitaxel", "5-fluorouracil", "trastuzumab-dkst", "Herceptin", "ado-trastuzumab emtansine"]
    missing = []
    for surface, tokens in zip(surfaces, tokenize_terms(nlp, surfaces)):
        if (True, tuple(tokens)) not in keys and (False, tuple(t.lower() for t in tokens)) not in keys:
            missing.append((surface, tokens))
    assert not missing, f"rebuild the lexicon (scripts/build_drug_lexicon.py): {missing[:5]}"


@pytest.mark.corpora
@pytest.mark.slow
def test_drugs_lexicon_build_is_reproducible(tmp_path):
    corpus_path("lexicons", "drugbank_vocabulary.csv.gz")
    corpus_path("chia")
    script = REPO / "scripts" / "build_drug_lexicon.py"
    result = subprocess.run(
        [sys.executable, str(script), "--corpora", str(CORPORA), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout)["rows"] > 50000
    for name in ("drug_lexicon.jsonl.gz", "drug_evidence.jsonl"):
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), f"{name} differs from the committed one"


@pytest.mark.corpora
@pytest.mark.slow
def test_drugs_beats_find_drugs_on_chia_dev():
    corpus_path("chia", "chia_without_scope")
    sys.path.insert(0, str(REPO / "scripts"))
    import measure_drugs_chia as measure

    docs = measure.chia_documents(CORPORA, "dev")[::4]
    gold = [g for _, _, g in docs]
    nlp = trialspacy.build(PIPELINE)
    ours = [{(s.start_char, s.end_char) for s in label_spans(d, DRUG)} for d in nlp.pipe(t for _, t, _ in docs)]
    theirs = [measure.package_spans(t) for _, t, _ in docs]
    mine, baseline = measure.score(ours, gold), measure.score(theirs, gold)
    for mode in ("strict", "lenient"):
        assert mine[mode]["f1"] >= baseline[mode]["f1"] + 0.05, (mine, baseline)
