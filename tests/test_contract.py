"""The output contract: a Doc as a document, outcome pairing, span containment and validation."""

import copy

import pytest
from conftest import SEEDS_DIR

from trialspacy.contract import PIPELINE_NAME, check_document, contains, innermost_section, pair_outcomes, to_document
from trialspacy.records import Record
from trialspacy.run import process

SEED = "000_39528a72e86f2866"  # seed layout: sections, and three outcome items with time frames


@pytest.fixture(scope="module")
def seed_doc(nlp):
    path = SEEDS_DIR / f"{SEED}.txt"
    record = Record(id=SEED, text=path.read_text(encoding="utf-8"), source=str(path))
    (doc,) = process(nlp, [record])
    return doc


@pytest.fixture(scope="module")
def seed_document(seed_doc):
    return to_document(seed_doc)


@pytest.fixture
def document(seed_document):
    """A copy to break."""
    return copy.deepcopy(seed_document)


def test_to_document_carries_id_text_meta_and_sorted_spans(seed_doc, seed_document):
    assert list(seed_document) == ["id", "text", "meta", "spans", "sections", "outcomes"]
    assert seed_document["id"] == SEED and seed_document["text"] == seed_doc.text
    assert seed_document["meta"] == {"source": str(SEEDS_DIR / f"{SEED}.txt"), "pipeline": PIPELINE_NAME}
    assert check_document(seed_document, with_pipeline=True) == []
    docetaxel = next(s for s in seed_document["spans"] if s["text"] == "docetaxel")
    assert docetaxel == {
        "start": seed_doc.text.index("docetaxel"),
        "end": seed_doc.text.index("docetaxel") + len("docetaxel"),
        "label": "DRUG",
        "text": "docetaxel",
        "attrs": {"negated": False, "normalized": "docetaxel", "kind": "agent", "drugbank_id": "DB01248"},
    }


def test_to_document_without_pipeline_is_a_gold_shaped_document(seed_doc):
    gold = to_document(seed_doc, with_pipeline=False)
    assert "pipeline" not in gold["meta"]
    assert check_document(gold) == []
    assert check_document(gold, with_pipeline=True) == ["meta.pipeline missing"]


def test_to_document_pairs_each_outcome_item_with_the_spans_inside_it(seed_document):
    text, spans = seed_document["text"], seed_document["spans"]
    primary = seed_document["outcomes"][0]
    assert primary["role"] == "primary"
    assert [spans[i]["text"] for i in primary["endpoints"]] == ["treatment-related adverse events"]
    assert [spans[i]["text"] for i in primary["timeframes"]] == ["2 years"]
    secondary = seed_document["outcomes"][1]
    assert [spans[i]["text"] for i in secondary["endpoints"]] == ["progression free survival", "PFS"]
    assert text[secondary["start"] : secondary["end"]].endswith("2 years")


def test_pair_outcomes_leaves_out_spans_that_cross_the_item(seed_document):
    spans = seed_document["spans"]
    endpoint = next(s for s in spans if s["text"] == "treatment-related adverse events")
    items = [
        {"role": "primary", "start": endpoint["start"], "end": endpoint["end"]},
        {"role": "other", "start": endpoint["start"] + 1, "end": endpoint["end"] + 100},
    ]
    inside, crossing = pair_outcomes(spans, items)
    assert [spans[i]["text"] for i in inside["endpoints"]] == ["treatment-related adverse events"]
    assert inside["timeframes"] == [] and crossing["endpoints"] == []
    assert (crossing["role"], crossing["start"]) == ("other", endpoint["start"] + 1)


@pytest.mark.parametrize(
    "start, end, inside",
    [(453, 485, True), (453, 486, True), (452, 485, False), (470, 500, True), (440, 460, False)],
)
def test_contains_holds_the_whole_range_end_exclusive(start, end, inside):
    outer = {"start": 453, "end": 500}
    assert contains(outer, start, end) is inside


def test_innermost_section_is_the_smallest_holding_the_span(nlp):
    text = "Eligibility Criteria:\nInclusion Criteria:\n- Age 18 or older\nExclusion Criteria:\n- Prior docetaxel\n"
    (document,) = [to_document(doc) for doc in process(nlp, [Record(id="x", text=text, source="x.txt")])]
    names = {s["name"] for s in document["sections"]}
    assert {"eligibility", "exclusion"} <= names
    start = text.index("docetaxel")
    assert innermost_section(document["sections"], start, start + len("docetaxel")) == "exclusion"
    assert innermost_section(document["sections"], 0, len(text) + 1) is None


def break_span(document, i, **changes):
    document["spans"][i].update(changes)
    return document


@pytest.mark.parametrize(
    "breaking, problem",
    [
        (lambda d: d.pop("spans") and d, "missing 'spans'"),
        (lambda d: d["spans"].reverse() or d, "spans are not sorted by start, then end"),
        (lambda d: break_span(d, 0, label="GENE"), "span 0 (GENE 17-21): unknown label"),
        (lambda d: break_span(d, 0, end=10**6), "span 0 (DRUG 17-1000000): offsets outside the text"),
        (lambda d: break_span(d, 0, start="17"), "span 0 (DRUG 17-21): start must be an integer, not a string"),
        (lambda d: break_span(d, 0, text="ICI"), "span 0 (DRUG 17-21): text 'ICI' != text[start:end] 'ICIs'"),
        (lambda d: break_span(d, 1, start=17, end=21), "span 1 (DRUG 17-21): overlaps another DRUG span"),
        (lambda d: d["spans"][0]["attrs"].pop("kind") and d, "span 0 (DRUG 17-21): attrs missing ['kind']"),
        (lambda d: break_span(d, 0, attrs={**d["spans"][0]["attrs"], "negated": None}), "attrs.negated must be"),
        (lambda d: d["outcomes"][0]["endpoints"].append(99) or d, "outcome 0: endpoints index 99 out of range"),
    ],
)
def test_check_document_names_each_problem(document, breaking, problem):
    problems = check_document(breaking(document))
    assert any(problem in p for p in problems), problems
