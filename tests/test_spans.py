"""The extension table (every name under the ``trialspacy_`` prefix), the configurable span group
(``spans_key``) and the entities component (``trialspacy_ents``), on real trial text."""

import subprocess
import sys

import pytest
from spacy import displacy
from spacy.tokens import Doc, DocBin, Span

import trialspacy
from trialspacy.contract import to_document
from trialspacy.run import extract_docs, predict
from trialspacy.spans import DOC_ATTRS, EXTENSION_PREFIX, SPAN_ATTRS, SPAN_KEY, ext, label_spans, pipeline_spans_key
from trialspacy.tokenizer import blank

TEXT = (
    "Patients receive nivolumab 3 mg/kg every 2 weeks with concurrent radiotherapy to 60 Gy in 30 fractions. "
    "The primary endpoint is progression-free survival at 12 months. No docetaxel is given.\n\n"
    "Exclusion Criteria:\n- pregnancy\n"
)


def test_every_extension_is_prefixed_and_the_plain_names_stay_free():
    for name in SPAN_ATTRS:
        assert Span.has_extension(ext(name)) and ext(name).startswith(EXTENSION_PREFIX)
    for name in DOC_ATTRS:
        assert Doc.has_extension(ext(name))
    # In fresh processes (this one may have imported medspaCy): the plain names registered after
    # running the pipeline are those medspaCy registers on import (its sectionizer's ``sections``
    # and ``section``; the negation component imports medspaCy), none of trialspacy's.
    plain = (
        "from spacy.tokens import Doc, Span; "
        "print([n for n in ('sections', 'outcome_items', 'record_id', 'source', 'abbreviation_defs') "
        "if Doc.has_extension(n)] + [n for n in ('negated', 'section', 'kind', 'value', 'normalized', "
        "'canonical') if Span.has_extension(n)])"
    )
    medspacy_only = "from trialspacy._compat import import_medspacy; import_medspacy(); " + plain
    pipeline = "import trialspacy; trialspacy.build()('No prior docetaxel.'); " + plain
    registered = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        for code in (medspacy_only, pipeline)
    ]
    assert registered[0] == registered[1]


def test_spans_carry_prefixed_attributes_and_the_contract_keeps_its_names(nlp):
    doc = nlp(TEXT)
    drugs = {s.text: (s._.trialspacy_normalized, s._.trialspacy_kind, s._.trialspacy_negated) for s in label_spans(doc)}
    assert drugs["nivolumab"] == ("nivolumab", "agent", False)
    assert drugs["docetaxel"] == ("docetaxel", "agent", True)
    assert [section["name"] for section in doc._.trialspacy_sections] == ["eligibility", "exclusion"]
    by_text = {s["text"]: s["attrs"] for s in to_document(doc)["spans"]}
    assert by_text["nivolumab"] == {
        "negated": False,
        "normalized": "nivolumab",
        "kind": "agent",
        "drugbank_id": "DB09035",
    }
    assert by_text["every 2 weeks"] == {"negated": False, "kind": "frequency", "value": "R/P2W", "value_max": None}


def test_spans_key_moves_every_component_to_another_group():
    config = {"spans_key": "trials"}
    nlp = blank()
    for name in trialspacy.pipeline_order(trialspacy.COMPONENTS):
        takes_key = name not in ("trialspacy_layout", "trialspacy_sentences", "trialspacy_abbreviations")
        nlp.add_pipe(name, config=config if takes_key else {})
    assert pipeline_spans_key(nlp) == "trials"
    doc = nlp(TEXT)
    assert SPAN_KEY not in doc.spans
    assert [s._.trialspacy_negated for s in label_spans(doc, "DRUG", "trials")] == [False, True]
    plain = trialspacy.build()
    expected = to_document(plain(TEXT))
    assert to_document(doc, spans_key="trials") == expected
    # The pipeline's functions read the group the pipeline writes.
    assert next(extract_docs([{"id": "r1", "text": TEXT}], nlp=nlp))["spans"] == expected["spans"]
    assert predict([{"id": "r1", "text": TEXT, "spans": []}], nlp=nlp)[0]["spans"] == expected["spans"]


def test_components_that_disagree_on_the_span_group_are_refused():
    nlp = trialspacy.build(["trialspacy_layout", "trialspacy_drugs"])
    nlp.add_pipe("trialspacy_timeframes", config={"spans_key": "other"})
    with pytest.raises(ValueError, match="different span groups"):
        pipeline_spans_key(nlp)


def test_ents_component_writes_non_overlapping_entities_longest_first(nlp):
    doc = nlp(TEXT)
    ents_nlp = trialspacy.build()
    ents_nlp.add_pipe("trialspacy_ents")
    with_ents = ents_nlp(TEXT)
    ents = [(e.text, e.label_) for e in with_ents.ents]
    assert ("nivolumab", "DRUG") in ents and ("progression-free survival", "ENDPOINT") in ents
    # CRITERION is left out by default: it would hide the entities inside the criterion.
    assert ("docetaxel", "DRUG") in ents and not any(label == "CRITERION" for _, label in ents)
    # No overlaps, and the same attributes through the entity as through the span.
    assert all(a.end <= b.start for a, b in zip(with_ents.ents, with_ents.ents[1:]))
    negated = {e.text: e._.trialspacy_negated for e in with_ents.ents}
    assert negated["docetaxel"] is True and negated["nivolumab"] is False
    # The span group is what it was without the component.
    assert to_document(with_ents) == to_document(doc)
    html = displacy.render(with_ents, style="ent", jupyter=False)
    assert "nivolumab" in html and "DRUG" in html


def test_ents_component_keeps_other_entities_unless_told_to_overwrite():
    nlp = trialspacy.build()
    doc = nlp(TEXT)
    doc.ents = [doc.char_span(TEXT.index("nivolumab 3 mg"), TEXT.index(" every"), label="DOSAGE")]
    kept = nlp.add_pipe("trialspacy_ents")(doc)
    assert [(e.text, e.label_) for e in kept.ents][:2] == [
        ("nivolumab 3 mg/kg", "DOSAGE"),
        ("every 2 weeks", "TIMEFRAME"),
    ]
    overwriting = nlp.add_pipe("trialspacy_ents", name="overwriting", config={"overwrite_ents": True})
    assert [e.text for e in overwriting(doc).ents][:2] == ["nivolumab", "every 2 weeks"]
    only_drugs = nlp.add_pipe("trialspacy_ents", name="drugs_only", config={"labels": ["DRUG"], "overwrite_ents": True})
    assert [e.text for e in only_drugs(doc).ents] == ["nivolumab", "docetaxel"]


def test_displacy_renders_the_span_group_without_jupyter(nlp):
    html = displacy.render(nlp(TEXT), style="span", options={"spans_key": SPAN_KEY}, jupyter=False)
    assert "nivolumab" in html and "ENDPOINT" in html and "TIMEFRAME" in html


def test_prefixed_extensions_survive_a_docbin_round_trip(nlp):
    doc = nlp(TEXT)
    copy = next(DocBin(docs=[doc], store_user_data=True).get_docs(nlp.vocab))
    assert to_document(copy) == to_document(doc)
