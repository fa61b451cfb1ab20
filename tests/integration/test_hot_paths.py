"""The fast paths give exactly what the plain code gives: the per-document token view against
spaCy's own attributes, the time-frame start filter against a full scan of the master pattern,
the parenthesis scan against scispaCy's Matcher pattern."""

import gc
import itertools
import pickle

import pytest
from conftest import corpus_path
from spacy.matcher import Matcher
from spacy.tokens import DocBin

from trialspacy.components import timeframes
from trialspacy.components.abbreviations import find_definitions, parenthesis_matches
from trialspacy.lexicon import _VIEWS, TermIndex, doc_text, doc_tokens
from trialspacy.records import Record, iter_records
from trialspacy.text import fold, fold_key
from trialspacy.tokenizer import blank


def _full_scan(text: str):
    return [(m.start(), m.end(), m.group()) for m in timeframes._MASTER.finditer(text, 0, len(text))]


def _filtered_scan(text: str):
    return [(m.start(), m.end(), m.group()) for m in timeframes._master_matches(text, 0, len(text))]


@pytest.fixture(scope="module")
def tokenizer_nlp():
    nlp = blank()
    return nlp


def test_doc_tokens_match_spacy_token_attributes(tokenizer_nlp, seed_texts):
    for text in seed_texts.values():
        doc = tokenizer_nlp(text)
        view = doc_tokens(doc)
        assert view.text == doc.text == text
        # (the seeds hold registry text: the matchers' view is folded, see test_tokenizer_registry_text)
        assert view.folded == fold(text)
        assert view.words == [fold(t.text) for t in doc]
        assert view.lowers == [fold_key(t.lower_) for t in doc]
        assert view.starts == [t.idx for t in doc]
        assert doc_tokens(doc) is view  # built once per document


def test_doc_text_is_rebuilt_for_a_new_doc_with_the_same_text(tokenizer_nlp):
    first = tokenizer_nlp("Pembrolizumab 200 mg every 3 weeks")
    second = tokenizer_nlp("Nivolumab 240 mg every 2 weeks")
    assert doc_text(first) == first.text
    assert doc_text(second) == second.text


def test_doc_tokens_follow_a_retokenized_doc(tokenizer_nlp):
    doc = tokenizer_nlp("stereotactic body radiation therapy 50 Gy")
    assert len(doc_tokens(doc).words) == 6
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:4])
    assert doc_tokens(doc).words == [t.text for t in doc]


def test_doc_tokens_live_with_the_doc_and_are_never_serialized(tokenizer_nlp):
    doc = tokenizer_nlp("Pembrolizumab 200 mg every 3 weeks")
    view = doc_tokens(doc)
    assert doc.user_data == {}  # so neither DocBin nor n_process > 1 carry it
    assert (
        DocBin(docs=[doc], store_user_data=True).to_bytes()
        == DocBin(docs=[tokenizer_nlp(doc.text)], store_user_data=True).to_bytes()
    )
    copy = pickle.loads(pickle.dumps(doc))
    assert doc_tokens(copy) == view and doc_tokens(copy) is not view
    held = len(_VIEWS)
    del doc, copy
    gc.collect()
    assert len(_VIEWS) == held - 2


def test_term_index_finds_longest_cased_and_uncased_terms(tokenizer_nlp):
    index = TermIndex()
    index.add(["cisplatin"], {"name": "cisplatin"})
    index.add(["nab", "-", "paclitaxel"], {"name": "nab-paclitaxel"})
    index.add(["paclitaxel"], {"name": "paclitaxel"})
    index.add(["AC"], {"name": "AC"}, case_sensitive=True)
    doc = tokenizer_nlp("Nab-paclitaxel plus Cisplatin after AC; ac is not a regimen")
    found = [(doc[s:e].text, p["name"]) for s, e, p in index.find(doc)]
    assert found == [("Nab-paclitaxel", "nab-paclitaxel"), ("Cisplatin", "cisplatin"), ("AC", "AC")]


def test_term_index_finds_terms_across_a_line_wrap_only_when_asked(tokenizer_nlp):
    index = TermIndex()
    index.add(["zoledronic", "acid"], {"name": "zoledronic acid"})
    index.add(["heparin"], {"name": "heparin"})
    index.add(["low", "-", "molecular", "weight", "heparin"], {"name": "lmwh"})
    # HINT criteria are hard-wrapped: a line break and the next line's indentation is one token
    doc = tokenizer_nlp("Warfarin, low-molecular\n             weight heparin, or zoledronic  acid.\nAcid reflux")
    wrapped = [(doc[s:e].text, p["name"]) for s, e, p in index.find(doc, across_wraps=True)]
    assert wrapped == [("low-molecular\n             weight heparin", "lmwh"), ("zoledronic  acid", "zoledronic acid")]
    assert [p["name"] for _, _, p in index.find(doc)] == ["heparin"]
    # a line break without indentation ends a criterion: no term runs over it
    doc = tokenizer_nlp("Prior zoledronic\nacid reflux")
    assert list(index.find(doc, across_wraps=True)) == []


@pytest.mark.parametrize(
    "phrase",
    [
        "Up to 24 weeks",
        "every other week",
        "Twice daily for 14 days",
        "onceweekly",
        "q3w",
        "From date of randomization until the date of first documented progression, assessed up to 100 months",
        "between 2 and 4 weeks after surgery",
        "January 2020 through March 15, 2021",
        "&lt;= 3 months",
        "≥ 6 months",
        "twenty-four hours",
        "WITHIN THE LAST 6 MONTHS; At Least Once Every 3 Weeks",
        "age>=18 years, x<6 months, (>= 2 weeks)",
        "no more than\n      12 weeks before the first dose",
        "the first patient; at most; a minimum of 4 cycles of 21 days",
        "\u0130stanbul site: 6 months; 300 \u212a for 2 hours; \u0130 12 weeks",
        "ANC 1.5 x ULN, 3 times daily, 5 fractions/wk, 2 x week, 6-weekly, 12 or more months, 1 to two weeks",
        "3rd of March 2020, 31.01.2020, 2020/01/31, 4/12/2019, 1,000 days, 10 mg/day, 2 and a half years",
        "7/21 (33%) at 6 months; 1.0 h; 5D; 30 h-1; 24\n      hours; 6 -8 wks",
    ],
)
def test_timeframe_start_filter_finds_what_a_full_scan_finds(phrase):
    assert _filtered_scan(phrase) == _full_scan(phrase)
    assert _full_scan(phrase)


def test_timeframe_start_filter_on_seed_records(seed_texts):
    for text in seed_texts.values():
        assert _filtered_scan(text) == _full_scan(text)


@pytest.mark.corpora
def test_timeframe_start_filter_on_corpus_records():
    sources = [
        (corpus_path("ctgov_samples", "ctrialsgov_cancer_studies.jsonl.gz"), {}),
        (corpus_path("nli4ct_breast_ctr", "ctr_sections.jsonl.gz"), {}),
        (corpus_path("hint_criteria", "hint_trials_criteria.jsonl.gz"), {"text_key": "criteria"}),
    ]
    for path, options in sources:
        for record in itertools.islice(iter_records([str(path)], **options), 150):
            assert isinstance(record, Record)
            assert _filtered_scan(record.text) == _full_scan(record.text), record.id


def _matcher_parentheses(nlp, doc):
    """scispaCy's own Matcher pattern, inner ranges, limited to what filter_matches keeps."""
    matcher = Matcher(nlp.vocab)
    matcher.add("parenthesis", [[{"ORTH": "("}, {"OP": "+"}, {"ORTH": ")"}]])
    inner = [(0, s + 1, e - 1) for _m, s, e in matcher(doc)]
    return [m for m in inner if m[2] - m[1] <= 8]


@pytest.mark.parametrize(
    "phrase",
    [
        "objective response rate (ORR) and progression-free survival (PFS)",
        "stereotactic body radiation therapy (SBRT; 50 Gy (in 5 fractions))",
        "( ) (a) (a b c d e f g h i j k) ((x))",
    ],
)
def test_parenthesis_scan_matches_scispacy_matcher(tokenizer_nlp, phrase):
    doc = tokenizer_nlp(phrase)
    assert parenthesis_matches([t.text for t in doc]) == _matcher_parentheses(tokenizer_nlp, doc)


@pytest.mark.corpora
def test_parenthesis_scan_matches_scispacy_matcher_on_corpus_records(tokenizer_nlp):
    path = corpus_path("ctgov_samples", "ctrialsgov_cancer_studies.jsonl.gz")
    for record in itertools.islice(iter_records([str(path)]), 150):
        doc = tokenizer_nlp(record.text)
        assert parenthesis_matches([t.text for t in doc]) == _matcher_parentheses(tokenizer_nlp, doc), record.id


def test_hot_paths_abbreviation_occurrences_are_every_token_exact_match(nlp) -> None:
    # Two short forms, each repeated, the last occurrence at the very end of the text.
    text = (
        "Progression-free survival (PFS) and overall survival (OS) were measured. "
        "PFS at 6 months; OS at 2 years; PFS, OS"
    )
    doc = nlp(text)
    definitions = doc._.trialspacy_abbreviation_defs
    assert [d["short_text"] for d in definitions] == ["PFS", "OS"]
    words = [t.text for t in doc]
    for definition in definitions:
        pattern = [t.text for t in doc.char_span(*definition["short"])]
        n = len(pattern)
        every = [
            [doc[i].idx, doc[i + n - 1].idx + len(doc[i + n - 1])]
            for i in range(len(words) - n + 1)
            if words[i : i + n] == pattern
        ]
        assert definition["occurrences"] == every
    assert definitions[1]["occurrences"][-1] == [len(text) - 2, len(text)]


def _scispacy_definitions(doc):
    """The definitions as scispaCy's own filter_matches and find_abbreviation find them (Spans)."""
    from scispacy.abbreviation import filter_matches, find_abbreviation

    found, seen = [], set()
    for long_candidate, short_candidate in filter_matches(parenthesis_matches([t.text for t in doc]), doc):
        short, long = find_abbreviation(long_candidate, short_candidate)
        if long is None or short.text in seen or len(long) == 0:
            continue
        seen.add(short.text)
        found.append((short.start_char, short.end_char, long.start_char, long.end_char, short.text, long.text))
    return found


def _ported_definitions(doc):
    return [(*d["short"], *d["long"], d["short_text"], d["long_text"]) for d in find_definitions(doc)]


@pytest.mark.parametrize(
    "phrase",
    [
        "objective response rate (ORR) and progression-free survival (PFS)",
        "ORR (objective response rate) and PFS (progression free survival, assessed)",
        "stereotactic body radiation therapy (SBRT; 50 Gy (in 5 fractions))",
        "tumor  infiltrating\nlymphocytes (TIL) and x(ab) (a b c d e f g h i j k) ((x))",
        "Eastern Cooperative Oncology Group (ECOG) performance status (PS) 0-1 (E)",
    ],
)
def test_abbreviation_port_finds_what_scispacy_finds(tokenizer_nlp, phrase):
    doc = tokenizer_nlp(phrase)
    assert _ported_definitions(doc) == _scispacy_definitions(doc)


def test_abbreviation_port_on_seed_records(tokenizer_nlp, seed_texts):
    for text in seed_texts.values():
        doc = tokenizer_nlp(text)
        assert _ported_definitions(doc) == _scispacy_definitions(doc)


@pytest.mark.corpora
def test_abbreviation_port_on_corpus_records(tokenizer_nlp):
    sources = [
        corpus_path("ctgov_samples", "ctrialsgov_cancer_studies.jsonl.gz"),
        corpus_path("nli4ct_breast_ctr", "ctr_sections.jsonl.gz"),
    ]
    for path in sources:
        for record in itertools.islice(iter_records([str(path)]), 150):
            doc = tokenizer_nlp(record.text)
            assert _ported_definitions(doc) == _scispacy_definitions(doc), record.id


def _plain_find(index, doc):
    """Every length up to the longest term of a token tried at every token, longest first (the
    term index without its one-token, two-token and prefix filters)."""
    view = doc_tokens(doc)
    words, lowers = view.words, view.lowers
    found, free = [], 0
    for i in range(len(words)):
        if i < free or lowers[i] not in index._max_len:
            continue
        for n in range(min(index._max_len[lowers[i]], len(words) - i), 0, -1):
            payload = index._cased.get(tuple(words[i : i + n])) or index._terms.get(tuple(lowers[i : i + n]))
            if payload is not None:
                found.append((i, i + n, payload))
                free = i + n
                break
    return found


def test_term_index_prefix_walk_finds_what_every_length_finds(nlp, seed_texts):
    index = nlp.get_pipe("trialspacy_drugs").index
    for text in seed_texts.values():
        doc = nlp.make_doc(text)
        assert list(index.find(doc)) == _plain_find(index, doc)
