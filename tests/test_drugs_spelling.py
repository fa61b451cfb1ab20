"""Misspellings of a record's drug names and of the dictionary's generic names: the symmetric-delete
index and the edit distance."""

import pytest

import trialspacy
from trialspacy.components.drugs.spelling import SpellingIndex, within_edit_distance
from trialspacy.spans import DRUG, label_spans


@pytest.fixture(scope="module")
def nlp():
    return trialspacy.build(["trialspacy_layout", "trialspacy_abbreviations", "trialspacy_drugs"])


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


def test_drugs_spelling_index_capped_at_one_edit():
    index = SpellingIndex(["telithromycin", "fulvestrant"], most=1)
    assert index.match("fulvestant") == "fulvestrant"
    assert index.match("telithromizycin") is None  # two edits: beyond the cap


@pytest.mark.parametrize(
    "text,surface,normalized",
    [
        # CHIA and LCT criteria: agents misspelt where the record never writes them correctly
        (
            "or anti-Parkinsonian medications (Sinemet, amantadine, bromocriptine, pergolide, selegeline).",
            "selegeline",
            "selegiline",
        ),
        ("Prior treatment with any CDK4/6 inhibitor, everolimus or fulvestant.", "fulvestant", "fulvestrant"),
        # HINT criteria
        ("Anticonvulsants (e.g., phenytoin, carbamezepine, or barbiturates", "carbamezepine", "carbamazepine"),
        # LCT DEV NCT03924843 and registry criteria: a generic name without its final e, as German,
        # Dutch and Nordic text writes it.
        ("> 48 h intake of prednisolon/antibiotics", "prednisolon", "prednisolone"),
        ("current treatment with amiodaron or dronedarone", "amiodaron", "amiodarone"),
        ("Treatment with Dexamethason 4 mg daily", "Dexamethason", "dexamethasone"),
    ],
)
def test_drugs_misspelt_generic_names(nlp, text, surface, normalized):
    found = {s.text: s._.trialspacy_normalized for s in label_spans(nlp(text), DRUG)}
    assert found.get(surface) == normalized


def test_drugs_english_words_one_letter_from_a_drug_are_not_drugs(nlp):
    # "indicate" is one edit from the experimental compound "indocate", "infection" from the brand "Infecton"
    text = "Please indicate any active infection requiring systemic antibiotics."
    assert [s.text for s in label_spans(nlp(text), DRUG)] == ["antibiotics"]


def test_drugs_adjective_naming_no_class_is_no_misspelling_of_a_listed_name(nlp):
    # legacy XML NCT00003513 (rendered as the reader lays out a record): "antineoplastic" is two
    # letters from the listed "Antineoplaston", and names chemotherapy, no drug (contract: not DRUG)
    text = (
        "Antineoplaston Therapy in Treating Patients With Metastatic Neuroblastoma\nThe anti-cancer properties.\n"
        "Neuroblastoma\nDRUG: Antineoplaston therapy (Atengenal + Astugenal)\n\n\n"
        "No prior antineoplastons. No other concurrent antineoplastic agents."
    )
    surfaces = [s.text for s in label_spans(nlp(text), DRUG)]
    assert "antineoplastons" in surfaces
    assert "antineoplastic" not in surfaces
