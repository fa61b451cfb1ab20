"""brat standoff reading and writing: real CHIA and LCT files, and extract's own brat output read back."""

import json

import pytest
from conftest import API_V2_SAMPLE, SEEDS_DIR, corpus_path

import trialspacy
from trialspacy.brat import parse_ann, read_brat, to_ann
from trialspacy.cli import extract_command
from trialspacy.errors import ExitCode
from trialspacy.writers import safe_stem


def chia(stem: str):
    return read_brat(corpus_path("chia", "chia_without_scope", f"{stem}.ann"))


def lct(stem: str):
    return read_brat(corpus_path("lct", "brat", "batch1", f"{stem}.ann"))


@pytest.mark.corpora
def test_brat_reads_chia_entities_relations_and_equivalences():
    doc = chia("NCT00050349_inc")
    first = doc.entities[0]
    assert (first.id, first.label, first.fragments) == ("T1", "Condition", [(28, 55)])
    assert first.text == "metastatic carcinoid tumors"
    assert doc.text[first.start : first.end] == first.text
    assert any(r.type == "Has_value" and (r.arg1, r.arg2) == ("T3", "T2") for r in doc.relations)
    assert any(e.type == "OR" and e.members == ["T5", "T6", "T7"] for e in doc.equivalences)


@pytest.mark.corpora
def test_brat_keeps_carriage_returns_so_chia_offsets_match():
    doc = chia("NCT00182520_inc")
    assert "\r" in doc.text
    continuous = [e for e in doc.entities if len(e.fragments) == 1]
    assert continuous and all(doc.text[e.start : e.end] == e.text for e in continuous)


@pytest.mark.corpora
def test_brat_reads_discontinuous_chia_entities_by_fragment():
    doc = chia("NCT00050349_exc")
    value = next(e for e in doc.entities if e.id == "T23")
    assert value.fragments == [(751, 763), (770, 771)]
    assert " ".join(doc.text[s:e] for s, e in value.fragments) == value.text == "greater than 1"
    assert (value.start, value.end) == (751, 771)


@pytest.mark.corpora
def test_brat_reads_chia_drug_entities():
    doc = chia("NCT00061308_inc")
    assert [(e.text, e.start) for e in doc.by_label("Drug")][:2] == [
        ("platinum-based chemotherapy regimen", 19),
        ("platinum", 240),
    ]


@pytest.mark.corpora
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


@pytest.mark.corpora
def test_brat_binary_attributes_have_no_value():
    doc = read_brat(corpus_path("chia", "chia_with_scope", "NCT00050349_inc.ann"))
    assert doc.attributes and all(a.value is None and a.name == "Optional" for a in doc.attributes)


@pytest.mark.corpora
def test_brat_to_ann_then_parse_round_trip():
    doc = chia("NCT00061308_inc")
    drugs = [e for e in doc.by_label("Drug") if len(e.fragments) == 1]
    spans = [
        {
            "start": e.start,
            "end": e.end,
            "label": "DRUG",
            "text": doc.text[e.start : e.end],
            "attrs": {"negated": i == 0, "normalized": "platinum compounds", "kind": "class", "drugbank_id": None},
        }
        for i, e in enumerate(drugs)
    ]
    back = parse_ann(to_ann({"id": "NCT00061308_inc", "text": doc.text, "spans": spans}))
    assert [(e.label, e.start, e.end, e.text) for e in back.entities] == [
        (s["label"], s["start"], s["end"], s["text"]) for s in spans
    ]
    assert [(a.name, a.target, a.value) for a in back.attributes] == [("Negated", "T1", None)]
    assert [(n.type, n.target) for n in back.notes] == [("AnnotatorNotes", f"T{i}") for i in range(1, len(spans) + 1)]
    assert json.loads(back.notes[0].text) == {"normalized": "platinum compounds", "kind": "class"}


def test_to_ann_splits_spans_at_line_breaks_and_checks_text():
    text = "Exclusion:\r\nprior tamoxifen\r\n   or letrozole"
    start, end = text.index("tamoxifen"), text.index("letrozole") + len("letrozole")
    span = {"start": start, "end": end, "label": "CRITERION", "text": text[start:end], "attrs": {"negated": False}}
    (entity,) = parse_ann(to_ann({"id": "x", "text": text, "spans": [span]})).entities
    assert entity.fragments == [(start, text.index("\r\n   or")), (text.index("or letrozole"), end)]
    assert entity.text == "tamoxifen or letrozole"
    with pytest.raises(ValueError, match="not 'Wrong'"):
        to_ann({"id": "x", "text": text, "spans": [{**span, "text": "Wrong"}]})


def test_extract_brat_output_reads_back_with_no_fragment_over_a_line_break(tmp_path, nlp):
    inputs = [SEEDS_DIR, API_V2_SAMPLE]
    out = tmp_path / "brat"
    assert extract_command([str(p) for p in inputs], str(out), "brat", None, progress=False) == ExitCode.OK
    documents = list(trialspacy.extract([str(p) for p in inputs], nlp=nlp))
    assert len(list(out.glob("*.ann"))) == len(documents)
    wrapped = 0
    for document in documents:
        brat = read_brat(out / f"{safe_stem(document['id'])}.ann")
        assert brat.text == document["text"]
        spans = document["spans"]
        assert [(e.label, e.start, e.end) for e in brat.entities] == [(s["label"], s["start"], s["end"]) for s in spans]
        for entity in brat.entities:
            pieces = [brat.text[s:e] for s, e in entity.fragments]
            assert entity.text == " ".join(pieces)
            assert not any("\n" in piece or "\r" in piece for piece in pieces), entity
            wrapped += len(entity.fragments) > 1
        negated = {a.target for a in brat.attributes if a.name == "Negated"}
        assert negated == {f"T{i}" for i, s in enumerate(spans, 1) if s["attrs"]["negated"]}
        notes = {n.target: json.loads(n.text) for n in brat.notes}
        for i, span in enumerate(spans, 1):
            kept = {k: v for k, v in span["attrs"].items() if v is not None and not isinstance(v, bool)}
            assert notes.get(f"T{i}", {}) == kept
    assert wrapped >= 1, "the sample has a criterion over several lines"
