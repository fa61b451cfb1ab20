"""A user's own vocabulary: made-up drug and endpoint names added through the Python API, spaCy's
``initialize``, a saved pipeline and the command line, found like built-in names."""

import json

import pytest
import spacy
from conftest import SEEDS_DIR

import trialspacy
from trialspacy.cli import UsageError, evaluate_command, extract_command, load_pipeline, report_command
from trialspacy.contract import to_document
from trialspacy.terms import add_terms, check_term, read_terms

TEXT = (
    "Patients will receive Veltrazia 200 mg every 3 weeks plus aspirin. "
    "The primary endpoint is time to glorp progression (TTGP); TTGP is assessed every 6 weeks. "
    "Patients previously given glorp inhibitors or no Veltrazia were excluded."
)
DRUG_TERMS = [
    {"text": "Veltrazia", "normalized": "zorvalimab", "kind": "agent"},
    {"text": "glorp inhibitors", "normalized": "glorp inhibitors", "kind": "class"},
    # A built-in name: the user's entry wins.
    {"text": "aspirin", "normalized": "acetylsalicylic acid", "kind": "agent", "drugbank_id": "DB00945"},
]
ENDPOINT_TERMS = [
    {"label": "ENDPOINT", "text": "time to glorp progression", "canonical": "time to glorp progression"},
    {"label": "ENDPOINT", "text": "TTGP", "canonical": "time to glorp progression", "abbreviation": "TTGP"},
]


def spans(nlp, text=TEXT):
    return [(s["text"], s["label"], s["attrs"]) for s in to_document(nlp(text))["spans"]]


def drugs(found):
    return [
        (text, attrs["normalized"], attrs["kind"], attrs["negated"]) for text, label, attrs in found if label == "DRUG"
    ]


def endpoints(found):
    return [(text, attrs["canonical"], attrs["abbreviation"]) for text, label, attrs in found if label == "ENDPOINT"]


EXPECTED_DRUGS = [
    ("Veltrazia", "zorvalimab", "agent", False),
    ("aspirin", "acetylsalicylic acid", "agent", False),
    ("glorp inhibitors", "glorp inhibitors", "class", False),
    ("Veltrazia", "zorvalimab", "agent", True),
]
EXPECTED_ENDPOINTS = [
    ("time to glorp progression", "time to glorp progression", None),
    ("TTGP", "time to glorp progression", "TTGP"),
    ("TTGP", "time to glorp progression", "TTGP"),
]


@pytest.fixture
def terms_file(tmp_path):
    path = tmp_path / "my_terms.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in DRUG_TERMS + ENDPOINT_TERMS), encoding="utf-8")
    return path


def test_without_terms_the_made_up_names_are_not_found():
    found = spans(trialspacy.build())
    assert [d for d in drugs(found) if d[0] != "aspirin"] == []
    assert ("aspirin", "aspirin", "agent", False) in drugs(found)
    assert endpoints(found) == []


def test_added_terms_are_found_normalized_and_negated_like_built_in_names():
    nlp = trialspacy.build()
    nlp.get_pipe("trialspacy_drugs").add_terms(DRUG_TERMS)
    nlp.get_pipe("trialspacy_endpoints").add_terms(ENDPOINT_TERMS)
    found = spans(nlp)
    # One span per mention: the user's aspirin replaced the built-in one rather than doubling it.
    assert drugs(found) == EXPECTED_DRUGS
    assert endpoints(found) == EXPECTED_ENDPOINTS
    assert next(attrs for text, _, attrs in found if text == "aspirin")["drugbank_id"] == "DB00945"
    # The same tokenization as built-in names: the name in another case, glued to punctuation.
    assert drugs(spans(nlp, "VELTRAZIA/aspirin given."))[0] == ("VELTRAZIA", "zorvalimab", "agent", False)


def test_terms_added_before_the_lexicon_is_built_are_applied_when_it_is():
    nlp = trialspacy.build()
    component = nlp.get_pipe("trialspacy_drugs")
    assert component._index is None
    component.add_terms(DRUG_TERMS[:1])
    component.add_terms([dict(DRUG_TERMS[0], normalized="zorvalimab-b")])  # the later entry wins
    assert component.terms == [check_term(dict(DRUG_TERMS[0], normalized="zorvalimab-b"))]
    assert drugs(spans(nlp))[0] == ("Veltrazia", "zorvalimab-b", "agent", False)


def test_initialize_reads_each_components_rows_from_one_file(terms_file):
    nlp = trialspacy.build()
    nlp.config["initialize"]["components"]["trialspacy_drugs"] = {"terms": str(terms_file)}
    nlp.config["initialize"]["components"]["trialspacy_endpoints"] = {"terms": str(terms_file)}
    nlp.initialize()
    found = spans(nlp)
    assert drugs(found) == EXPECTED_DRUGS and endpoints(found) == EXPECTED_ENDPOINTS


def test_terms_are_saved_with_the_pipeline(tmp_path, terms_file):
    nlp = trialspacy.build()
    add_terms(nlp, terms_file)
    nlp.to_disk(tmp_path / "mine")
    loaded = spacy.load(tmp_path / "mine")
    assert spans(loaded) == spans(nlp)
    assert loaded.get_pipe("trialspacy_drugs").terms == nlp.get_pipe("trialspacy_drugs").terms
    copy = trialspacy.build()
    copy.from_bytes(nlp.to_bytes())
    assert spans(copy) == spans(nlp)
    # A saved pipeline without terms restores none, also over a component that had some.
    trialspacy.build().to_disk(tmp_path / "plain")
    assert drugs(spans(loaded.from_disk(tmp_path / "plain")))[0][0] == "aspirin"


def test_bad_rows_are_refused_with_the_field_named(terms_file):
    with pytest.raises(ValueError, match="normalized must be a lower-case string"):
        check_term({"text": "Veltrazia", "normalized": "Zorvalimab", "kind": "agent"})
    with pytest.raises(ValueError, match="kind must be agent or class"):
        check_term({"text": "Veltrazia", "normalized": "zorvalimab", "kind": "drug"})
    with pytest.raises(ValueError, match="label must be DRUG or ENDPOINT"):
        check_term({"label": "DOSE", "text": "5 Gy"})
    with pytest.raises(ValueError, match="takes DRUG terms"):
        trialspacy.build(["trialspacy_drugs"]).get_pipe("trialspacy_drugs").add_terms(ENDPOINT_TERMS)
    with pytest.raises(ValueError, match="no trialspacy_endpoints component"):
        add_terms(trialspacy.build(["trialspacy_drugs"]), terms_file)
    bad = terms_file.parent / "bad.jsonl"
    bad.write_text('{"text": "x"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="cannot read the terms file"):
        read_terms(bad)


def run_extract(tmp_path, **options):
    out = tmp_path / "out.jsonl"
    source = tmp_path / "in.txt"
    source.write_text(TEXT, encoding="utf-8")
    import io

    status = extract_command([str(source)], str(out), stderr=io.StringIO(), progress=False, **options)
    document = json.loads(out.read_text(encoding="utf-8"))
    return status, [(s["text"], s["label"], s["attrs"]) for s in document["spans"]]


def test_cli_extract_with_terms_and_with_a_saved_pipeline(tmp_path, terms_file):
    status, found = run_extract(tmp_path, terms=str(terms_file))
    assert status == 0 and drugs(found) == EXPECTED_DRUGS and endpoints(found) == EXPECTED_ENDPOINTS
    # A pipeline saved with the drug terms: --model finds them; --terms adds the endpoints to it.
    nlp = trialspacy.build()
    nlp.get_pipe("trialspacy_drugs").add_terms(DRUG_TERMS)
    nlp.to_disk(tmp_path / "model")
    status, found = run_extract(tmp_path, model=str(tmp_path / "model"))
    assert drugs(found) == EXPECTED_DRUGS and endpoints(found) == []
    endpoints_file = tmp_path / "endpoints.jsonl"
    endpoints_file.write_text("".join(json.dumps(row) + "\n" for row in ENDPOINT_TERMS), encoding="utf-8")
    status, found = run_extract(tmp_path, model=str(tmp_path / "model"), terms=str(endpoints_file))
    assert drugs(found) == EXPECTED_DRUGS and endpoints(found) == EXPECTED_ENDPOINTS


def test_cli_refuses_a_bad_model_or_terms_file(tmp_path, terms_file):
    with pytest.raises(UsageError, match="cannot load the pipeline"):
        load_pipeline(str(tmp_path / "no_such_model"))
    with pytest.raises(UsageError, match="kind must be"):
        bad = tmp_path / "bad.jsonl"
        bad.write_text('{"text": "x", "normalized": "x", "kind": "pill"}\n', encoding="utf-8")
        load_pipeline(terms=str(bad))
    with pytest.raises(UsageError, match="need the local engine"):
        extract_command([str(SEEDS_DIR)], engine="dask", terms=str(terms_file))


def test_cli_evaluate_and_report_run_the_given_pipeline(tmp_path, terms_file):
    import io

    gold = tmp_path / "gold.jsonl"
    attrs = {"negated": False, "normalized": "zorvalimab", "kind": "agent", "drugbank_id": None}
    span = {"start": 22, "end": 31, "label": "DRUG", "text": "Veltrazia", "attrs": attrs}
    document = {"id": "g1", "text": TEXT, "spans": [span]}
    gold.write_text(json.dumps(document) + "\n", encoding="utf-8")
    plain, mine = io.StringIO(), io.StringIO()
    evaluate_command(str(gold), fmt="json", stdout=plain, stderr=io.StringIO(), progress=False)
    evaluate_command(str(gold), fmt="json", stdout=mine, stderr=io.StringIO(), progress=False, terms=str(terms_file))
    assert json.loads(plain.getvalue())["strict"]["DRUG"]["tp"] == 0
    assert json.loads(mine.getvalue())["strict"]["DRUG"]["tp"] == 1
    with pytest.raises(UsageError, match="with --pred nothing runs"):
        evaluate_command(str(gold), pred=str(gold), terms=str(terms_file))
    page = tmp_path / "report.html"
    report_command([], str(page), gold=str(gold), stderr=io.StringIO(), progress=False, terms=str(terms_file))
    assert "zorvalimab" in page.read_text(encoding="utf-8")
