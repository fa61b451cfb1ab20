"""The output contract: a Doc as a document, outcome pairing, span containment and validation."""

import copy
import io

import pytest
from conftest import SEEDS_DIR
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from trialspacy.brat import to_ann
from trialspacy.contract import (
    PIPELINE_NAME,
    check_document,
    innermost_section,
    pair_outcomes,
    to_document,
)
from trialspacy.errors import json_kind
from trialspacy.frames import outcome_rows, span_rows
from trialspacy.records import Record
from trialspacy.report import render_report
from trialspacy.run import process
from trialspacy.scoring import score
from trialspacy.text import contains
from trialspacy.writers import open_writer

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


# --- Type confusion: any field, at any depth, of a valid document given another JSON type -------

VALID = {
    "id": "NCT00000001",
    "text": "Docetaxel 75 mg/m2 every 3 weeks. Primary outcome: PFS at 2 years.",
    "meta": {"source": "hand-built", "pipeline": PIPELINE_NAME},
    "spans": [
        {
            "start": 0,
            "end": 9,
            "label": "DRUG",
            "text": "Docetaxel",
            "attrs": {"negated": False, "normalized": "docetaxel", "kind": "agent", "drugbank_id": "DB01248"},
        },
        {
            "start": 19,
            "end": 32,
            "label": "TIMEFRAME",
            "text": "every 3 weeks",
            "attrs": {"negated": False, "kind": "frequency", "value": "R/P3W", "value_max": None},
        },
        {
            "start": 51,
            "end": 54,
            "label": "ENDPOINT",
            "text": "PFS",
            "attrs": {"negated": False, "canonical": "progression-free survival", "abbreviation": "PFS"},
        },
        {
            "start": 58,
            "end": 65,
            "label": "TIMEFRAME",
            "text": "2 years",
            "attrs": {"negated": False, "kind": "duration", "value": "P2Y", "value_max": None},
        },
    ],
    "sections": [{"name": "title", "start": 0, "end": 33}, {"name": "primary_outcomes", "start": 34, "end": 66}],
    "outcomes": [{"role": "primary", "start": 51, "end": 65, "endpoints": [2], "timeframes": [3]}],
}
DOSE_SPAN = {
    "start": 10,
    "end": 18,
    "label": "RADIATION_DOSE",
    "text": "75 mg/m2",  # not a dose, but a valid span of the label: its ranges get replaced too
    "attrs": {"negated": False, "dose_gy": [60, 60], "dose_kind": "total", "fractions": None, "total_gy": [1.5, 2]},
}
VALID["spans"].insert(1, DOSE_SPAN)
VALID["outcomes"][0].update(endpoints=[3], timeframes=[4])


def field_paths(value, path=()):
    """The path of every value in a JSON document, the document itself first."""
    yield path
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        yield from field_paths(item, (*path, key))


def replaced(document, path, new):
    if not path:
        return new
    document = copy.deepcopy(document)
    holder = document
    for key in path[:-1]:
        holder = holder[key]
    holder[path[-1]] = new
    return document


PATHS = list(field_paths(VALID))
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


def test_the_valid_document_is_valid_and_every_depth_is_replaced():
    assert check_document(VALID, with_pipeline=True) == []
    assert ("spans", 1, "attrs", "dose_gy", 0) in PATHS and ("outcomes", 0, "endpoints", 0) in PATHS


@settings(max_examples=1500, deadline=None)
@given(path=st.sampled_from(PATHS), new=JSON_VALUES)
def test_check_document_reports_any_type_confusion_without_raising(path, new):
    old = VALID
    for key in path:
        old = old[key]
    assume(json_kind(new) != json_kind(old))
    document = replaced(VALID, path, new)
    problems = check_document(document, with_pipeline=True)
    assert isinstance(problems, list) and all(isinstance(p, str) for p in problems)
    if not problems:
        # What the check lets through, the rest of the package can use.
        evaluation = score([document], [document], n_resamples=2)
        render_report([document], [], evaluation)
        to_ann(document)
        with open_writer("csv", "-", stream=io.StringIO()) as writer:
            writer.write(document)
        assert len(span_rows(document)) == len(document["spans"])
        assert len(outcome_rows(document)) == len(document.get("outcomes", []))


@pytest.mark.parametrize(
    "path, new, problem",
    [
        ((), [1, 2], "a document must be a JSON object, not an array"),
        (("id",), 7, "id must be a string, not a number"),
        (("spans",), 5, "spans must be an array, not a number"),
        (("spans", 0), 5, "span 0: must be an object, not a number"),
        (("spans", 0, "label"), ["DRUG"], "span 0 (['DRUG'] 0-9): unknown label"),
        (("spans", 0, "start"), True, "span 0 (DRUG True-9): start must be an integer, not a boolean"),
        (("spans", 0, "attrs"), "x", "span 0 (DRUG 0-9): attrs must be an object, not a string"),
        (("spans", 0, "attrs", "kind"), 3, "span 0 (DRUG 0-9): attrs.kind must be a string or null, not a number"),
        (
            ("spans", 1, "attrs", "dose_gy"),
            [60],
            "span 1 (RADIATION_DOSE 10-18): attrs.dose_gy must be [min, max] (two numbers) or null",
        ),
        (("meta",), "x", "meta must be an object, not a string"),
        (("meta", "source"), {}, "meta.source must be a string, not an object"),
        (("sections",), None, "sections must be an array, not null"),
        (("sections", 0, "end"), "33", "section 0 (title): end must be an integer, not a string"),
        (("outcomes", 0, "endpoints"), 3, "outcome 0: endpoints must be an array of span indices, not a number"),
        (("outcomes", 0, "timeframes", 0), 4.0, "outcome 0: timeframes index must be an integer, not a number"),
        (("outcomes", 0, "role"), "main", "outcome 0: role must be one of primary, secondary, other"),
        (("outcomes", 0, "timeframes", 0), 0, "outcome 0: timeframes index 0 is not a TIMEFRAME span"),
    ],
)
def test_check_document_names_each_type_confusion(path, new, problem):
    problems = check_document(replaced(VALID, path, new))
    assert any(p.endswith(problem) for p in problems), problems
