"""brat standoff reading and writing, on real CHIA and LCT files."""

import pytest
from conftest import corpus_path

from trialspacy.brat import parse_ann, read_brat, write_brat

pytestmark = pytest.mark.corpora


def chia(stem: str):
    return read_brat(corpus_path("chia", "chia_without_scope", f"{stem}.ann"))


def lct(stem: str):
    return read_brat(corpus_path("lct", "brat", "batch1", f"{stem}.ann"))


def test_brat_reads_chia_entities_relations_and_equivalences():
    doc = chia("NCT00050349_inc")
    first = doc.entities[0]
    assert (first.id, first.label, first.fragments) == ("T1", "Condition", [(28, 55)])
    assert first.text == "metastatic carcinoid tumors"
    assert doc.text[first.start : first.end] == first.text
    assert any(r.type == "Has_value" and (r.arg1, r.arg2) == ("T3", "T2") for r in doc.relations)
    assert any(e.type == "OR" and e.members == ["T5", "T6", "T7"] for e in doc.equivalences)


def test_brat_keeps_carriage_returns_so_chia_offsets_match():
    doc = chia("NCT00182520_inc")
    assert "\r" in doc.text
    continuous = [e for e in doc.entities if len(e.fragments) == 1]
    assert continuous and all(doc.text[e.start : e.end] == e.text for e in continuous)


def test_brat_reads_discontinuous_chia_entities_by_fragment():
    doc = chia("NCT00050349_exc")
    value = next(e for e in doc.entities if e.id == "T23")
    assert value.fragments == [(751, 763), (770, 771)]
    assert " ".join(doc.text[s:e] for s, e in value.fragments) == value.text == "greater than 1"
    assert (value.start, value.end) == (751, 771)


def test_brat_reads_chia_drug_entities():
    doc = chia("NCT00061308_inc")
    assert [(e.text, e.start) for e in doc.by_label("Drug")][:2] == [
        ("platinum-based chemotherapy regimen", 19),
        ("platinum", 240),
    ]


def test_brat_reads_lct_events_and_attributes():
    doc = lct("NCT03860038")
    event = next(e for e in doc.events if e.id == "E14")
    assert (event.type, event.trigger, event.args) == ("Drug", "T49", [("Name", "T50")])
    assert next(e for e in doc.events if e.id == "E1").args == [("Name", "T2"), ("Temporality", "E24")]
    attribute = next(a for a in doc.attributes if a.id == "A3")
    assert (attribute.name, attribute.target, attribute.value) == ("Eq-Operator-Value", "T19", "GTEQ")
    assert any(r.type == "Abbrev-Of" and r.arg1 == "E17" for r in doc.relations)
    drug_name = next(e for e in doc.entities if e.id == "T50")
    assert drug_name.label == "Drug-Name"
    assert doc.text[drug_name.start : drug_name.end] == "anti-CD38 monoclonal antibody"


def test_brat_binary_attributes_have_no_value():
    doc = read_brat(corpus_path("chia", "chia_with_scope", "NCT00050349_inc.ann"))
    assert doc.attributes and all(a.value is None and a.name == "Optional" for a in doc.attributes)


def test_brat_write_then_parse_round_trip():
    doc = chia("NCT00061308_inc")
    spans = [("DRUG", e.start, e.end, doc.text[e.start : e.end]) for e in doc.by_label("Drug") if len(e.fragments) == 1]
    attrs = [{"negated": i == 0, "normalized": "platinum compounds", "drugbank_id": None} for i in range(len(spans))]
    written = write_brat(doc.text, spans, attrs)
    back = parse_ann(written)
    assert [(e.label, e.start, e.end, e.text) for e in back.entities] == spans
    assert [(a.name, a.target, a.value) for a in back.attributes][:3] == [
        ("negated", "T1", None),
        ("normalized", "T1", "platinum_compounds"),
        ("normalized", "T2", "platinum_compounds"),
    ]


def test_brat_write_splits_spans_at_line_breaks_and_checks_text():
    text = "Exclusion:\r\nprior tamoxifen\r\nor letrozole"
    start, end = text.index("tamoxifen"), text.index("letrozole") + len("letrozole")
    written = write_brat(text, [("DRUG", start, end, text[start:end])])
    entity = parse_ann(written).entities[0]
    assert entity.fragments == [(start, text.index("\r\nor")), (text.index("or letrozole"), end)]
    with pytest.raises(ValueError):
        write_brat(text, [("DRUG", 0, 5, "Wrong")])
