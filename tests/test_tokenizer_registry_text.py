"""Text as registries hold it (issue 15, cause 2): CJK and full-width punctuation, ``+`` between
words and invisible characters are tokens of their own, and the matchers read full-width text
folded, while the text and every offset stay as written. The phrases are from ClinicalTrials.gov
records (samples/ctgov_v2_nsclc_more.jsonl.gz and the ctgov samples in the shared corpora), except
where a comment says a phrase is written here: no record in the corpora holds full-width letters
or invisible characters, so those are real phrases with those characters put in."""

import json
import pickle
import re

import pytest
import spacy
from conftest import REPO
from hypothesis import given
from hypothesis import strategies as st

from trialspacy.lexicon import doc_tokens, folded_text
from trialspacy.spans import label_spans
from trialspacy.text import INVISIBLE_CHARS, fold, fold_key
from trialspacy.tokenizer import REGISTRY_PUNCT, TOKENIZER, blank

REGISTRY_CHARS = re.compile(f"[+{REGISTRY_PUNCT}{INVISIBLE_CHARS}]")
OFF = {"nlp": {"tokenizer": {"@tokenizers": TOKENIZER, "registry_text": False}}}

# (text, its tokens with registry_text, its tokens without: today's)
CASES = [
    (
        "maintained with gefitinib、thalidomide and aspirin.",
        ["maintained", "with", "gefitinib", "、", "thalidomide", "and", "aspirin", "."],
        ["maintained", "with", "gefitinib、thalidomide", "and", "aspirin", "."],
    ),
    (
        "DRUG: Tislelizumab，atezolizumab or sugemalimab",
        ["DRUG", ":", "Tislelizumab", "，", "atezolizumab", "or", "sugemalimab"],
        ["DRUG", ":", "Tislelizumab，atezolizumab", "or", "sugemalimab"],
    ),
    (
        "DRUG: SHR-1826；Adebrelimab；SHR-8068",
        ["DRUG", ":", "SHR-1826", "；", "Adebrelimab", "；", "SHR-8068"],
        ["DRUG", ":", "SHR-1826；Adebrelimab；SHR-8068"],
    ),
    (
        "cohort A：dose level 1 of SSGJ-707",
        ["cohort", "A", "：", "dose", "level", "1", "of", "SSGJ-707"],
        ["cohort", "A：dose", "level", "1", "of", "SSGJ-707"],
    ),
    (
        "such as CTLA-4（CD152）、TIGIT、OX-40",
        ["such", "as", "CTLA-4", "（", "CD152", "）", "、", "TIGIT", "、", "OX-40"],
        ["such", "as", "CTLA-4", "（", "CD152", "）", "、TIGIT、OX-40"],
    ),
    (
        # a bracket before the punctuation is a token too, so that a time frame ends before it
        "Cycle 8(each cycle is 21 days)、Cycle 16",
        ["Cycle", "8", "(", "each", "cycle", "is", "21", "days", ")", "、", "Cycle", "16"],
        ["Cycle", "8", "(", "each", "cycle", "is", "21", "days)、Cycle", "16"],
    ),
    (
        "LDL-C ＜160 mg/dL",
        ["LDL", "-", "C", "＜", "160", "mg", "/", "dL"],
        ["LDL", "-", "C", "＜160", "mg", "/", "dL"],
    ),
    (
        "DRUG: AK104+anlotinib",
        ["DRUG", ":", "AK104", "+", "anlotinib"],
        ["DRUG", ":", "AK104+anlotinib"],
    ),
    (
        "docetaxel+ramucirumab until progression",
        ["docetaxel", "+", "ramucirumab", "until", "progression"],
        ["docetaxel+ramucirumab", "until", "progression"],
    ),
    (
        "TY-9591 80mg QD+pemetrexed+Cisplatin/Carboplatin",
        ["TY-9591", "80", "mg", "QD", "+", "pemetrexed", "+", "Cisplatin", "/", "Carboplatin"],
        ["TY-9591", "80", "mg", "QD+pemetrexed+Cisplatin", "/", "Carboplatin"],
    ),
    (
        # written here: a zero-width space and a byte-order mark beside names, a soft hyphen in one
        "treated with docetaxel\u200b and \ufeffcis\u00adplatin\u00ad, or",
        ["treated", "with", "docetaxel", "\u200b", "and", "\ufeff", "cis\u00adplatin", "\u00ad", ",", "or"],
        ["treated", "with", "docetaxel\u200b", "and", "\ufeffcis\u00adplatin\u00ad", ",", "or"],
    ),
]
# A `+` that belongs to a marker keeps today's tokens (the contract: markers are not DRUG).
MARKERS = ["CD8+ T cells", "HER2+ breast cancer", "ER+/PR+", "CD4+CD25+ cells", "ER+ve", "5-FU+LV", "CR+PR"]


@pytest.fixture(scope="module")
def on() -> spacy.Language:
    return blank()


@pytest.fixture(scope="module")
def off() -> spacy.Language:
    return spacy.blank("en", config=OFF)


def words(nlp: spacy.Language, text: str) -> list[str]:
    doc = nlp(text)
    assert doc.text == text
    return [t.text for t in doc]


@pytest.mark.parametrize("text,with_registry_text,today", CASES)
def test_registry_punctuation_plus_and_invisible_characters_are_tokens(on, off, text, with_registry_text, today):
    assert words(on, text) == with_registry_text
    assert words(off, text) == today


@pytest.mark.parametrize("text", MARKERS)
def test_a_marker_s_plus_keeps_today_s_tokens(on, off, text):
    assert words(on, text) == words(off, text)


def test_gold_texts_change_tokens_only_at_registry_characters(on, off):
    texts = [
        json.loads(line)["text"]
        for name in ("dev", "test")
        for line in (REPO / "annotations" / "gold" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    for text in texts:
        today = {(t.idx, t.idx + len(t)) for t in off(text)}
        split = [text[s:e] for s, e in today - {(t.idx, t.idx + len(t)) for t in on(text)}]
        assert all(REGISTRY_CHARS.search(word) for word in split), split


def test_fold_maps_full_width_and_cjk_punctuation_one_to_one():
    assert fold("ＰＦＳ（６０ Ｇｙ）、【x】。“y”\u3000z") == 'PFS(60 Gy),[x]."y" z'
    # NFKC would change the length: such characters stay as they are
    assert fold("5 ㎎ ﬁ Ⅲ") == "5 ㎎ ﬁ Ⅲ"
    assert fold_key("ｃｉｓ\u00adplatin\u200b") == "cisplatin"


@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFFFF)))
def test_fold_keeps_the_length(text):
    assert len(fold(text)) == len(text)


def test_matchers_read_the_folded_view_and_offsets_stay(on, off):
    # written here: a registry's outcome line with full-width letters, digits and brackets
    text = "ＰＦＳ（progression-free survival），６０ Ｇｙ"
    doc = on(text)
    assert doc.text == text
    assert folded_text(doc) == "PFS(progression-free survival),60 Gy"
    assert doc_tokens(doc).lowers[:2] == ["pfs", "("]
    assert folded_text(off(text)) == text


def test_the_flag_holds_in_a_saved_pipeline_and_a_pickled_tokenizer(on, tmp_path):
    on.to_disk(tmp_path / "saved")
    text = "gefitinib、thalidomide"
    assert words(spacy.load(tmp_path / "saved"), text) == ["gefitinib", "、", "thalidomide"]
    # the saved affix rules do not win over the config's
    loaded_off = spacy.load(tmp_path / "saved", config={"nlp": {"tokenizer": {"registry_text": False}}})
    assert words(loaded_off, text) == [text]
    assert folded_text(loaded_off("ＰＦＳ")) == "ＰＦＳ"
    assert words(spacy.blank("en", config=OFF).from_bytes(on.to_bytes()), text) == [text]
    for nlp in (on, loaded_off):
        tokenizer = pickle.loads(pickle.dumps(nlp.tokenizer))
        assert tokenizer.registry_text == nlp.tokenizer.registry_text
        assert [t.text for t in tokenizer(text)] == words(nlp, text)


def spans(doc: spacy.tokens.Doc) -> list[tuple[str, str]]:
    assert all(doc.text[s.start_char : s.end_char] == s.text for s in label_spans(doc))
    return [(s.label_, s.text) for s in label_spans(doc)]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Patients responding to this therapy will be maintained with gefitinib、thalidomide and aspirin.",
            [("DRUG", "gefitinib"), ("DRUG", "thalidomide"), ("DRUG", "aspirin")],
        ),
        ("Arm A: docetaxel+ramucirumab.", [("DRUG", "docetaxel"), ("DRUG", "ramucirumab")]),
        ("Arm B: AK104+anlotinib.", [("DRUG", "AK104"), ("DRUG", "anlotinib")]),
        # written here: a zero-width space after a name, a soft hyphen inside one
        ("Prior docetaxel\u200b or cis\u00adplatin.", [("DRUG", "docetaxel"), ("DRUG", "cis\u00adplatin")]),
        (
            "Objective response rate (ORR)、PFS, tumor assessment every 8 weeks，up to two years",
            [
                ("ENDPOINT", "Objective response rate"),
                ("ENDPOINT", "ORR"),
                ("ENDPOINT", "PFS"),
                ("TIMEFRAME", "every 8 weeks"),
                ("TIMEFRAME", "up to two years"),
            ],
        ),
        # written here: full-width letters and digits
        ("Primary outcome: ＰＦＳ, within ２ years.", [("ENDPOINT", "ＰＦＳ"), ("TIMEFRAME", "within ２ years")]),
        ("Thoracic radiotherapy ６０ Ｇｙ in ３０ fractions.", [("RADIATION_DOSE", "６０ Ｇｙ in ３０ fractions")]),
    ],
)
def test_spans_in_registry_text_have_offsets_into_the_text_as_written(nlp, text, expected):
    assert spans(nlp(text)) == expected


def test_full_width_spans_take_the_attributes_of_their_ascii_form(nlp):
    doc = nlp("Primary outcome: ＰＦＳ, within ２ years. Radiotherapy ６０ Ｇｙ in ３０ fractions.")
    endpoint, dose, timeframe = sorted(label_spans(doc), key=lambda s: s.label_)
    assert endpoint._.trialspacy_canonical == "progression-free survival"
    assert (timeframe._.trialspacy_kind, timeframe._.trialspacy_value) == ("duration", "P2Y")
    assert (dose._.trialspacy_total_gy, dose._.trialspacy_fractions) == ([60.0, 60.0], [30, 30])


def test_function_word_glued_to_a_code_is_its_own_token(nlp):
    # dev3 NCT06465238 (registered from China): "SHR-A1921or SHR-A2009"; not the symbol of indium (111In)
    doc = nlp.make_doc("ingredients of SHR-A1921or SHR-A2009 and 111In-pentetreotide")
    words = [t.text for t in doc]
    assert words[2:6] == ["SHR", "-", "A1921", "or"]
    assert "111In" in words
