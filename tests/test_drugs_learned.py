"""The learned DRUG scorer on trial text: its candidates, its features, the trained weights the
package ships, the ``scorer`` flag of the DRUG component, and its serialization (JSON, no pickle)."""

import gzip
import json
from pathlib import Path

import pytest
from spacy.language import Language

import trialspacy
from trialspacy.components.drugs.component import DrugRecognizer
from trialspacy.components.drugs.learned import (
    SCORER_FILE,
    DrugScorer,
    candidates,
    default_scorer_bytes,
    features,
)
from trialspacy.lexicon import DocTokens, doc_tokens
from trialspacy.spans import DRUG, label_spans

PIPELINE = ["trialspacy_layout", "trialspacy_abbreviations", "trialspacy_drugs"]
REPO = Path(__file__).resolve().parent.parent
# Registry phrasing with names no lexicon holds (legacy records abbreviate freely).
LISTED = "Cohorts of 3-6 patients receive escalating doses of gemcitabine and UFT until the MTD is determined."
TREATED = "Patients may have been previously treated with Zorbalin and failed or may currently be receiving Zorbalin."
# A threshold at which the shipped weights keep a name: the shipped threshold itself may keep
# nothing (1.0 when no threshold passed the training rule; see models/drug_scorer/README.md).
TRIED = 0.5


def words(text: str, spans) -> list[str]:
    return [text[s:e] for s, e in spans]


def drugs_pipe(nlp: Language) -> DrugRecognizer:
    pipe = nlp.get_pipe("trialspacy_drugs")
    assert isinstance(pipe, DrugRecognizer)
    return pipe


def tokens(text: str) -> DocTokens:
    """The text and tokens the scorer reads: trialspacy's tokenizer's."""
    return doc_tokens(trialspacy.blank()(text))


@pytest.fixture(scope="module")
def nlp_rules():
    return trialspacy.build(PIPELINE)


def scored_at(nlp: Language, threshold: float) -> Language:
    """``nlp`` with the scorer on, the shipped weights kept from ``threshold``."""
    pipe = drugs_pipe(nlp)
    shipped = pipe.drug_scorer
    pipe._restore_scorer(DrugScorer(shipped.weights, shipped.intercept, threshold, shipped.meta).to_bytes())
    pipe.scorer = True
    return nlp


@pytest.fixture(scope="module")
def nlp_scored():
    return scored_at(trialspacy.build(PIPELINE), TRIED)


def drug_texts(nlp, text: str) -> list[str]:
    return [s.text for s in label_spans(nlp(text), DRUG)]


def test_candidates_beside_a_rule_span_after_a_verb_and_before_a_dose():
    start = LISTED.index("gemcitabine")
    found = candidates(tokens(LISTED), [(start, start + len("gemcitabine"))])
    # "receive escalating": the verb cue is cheap and broad; the scorer sorts it out.
    assert words(LISTED, found) == ["escalating", "UFT"]
    assert found[(LISTED.index("UFT"), LISTED.index("UFT") + 3)] == ["after_drug"]
    dosed = "Arm A: Zorbalin 100 mg orally once daily plus best supportive care."
    assert "Zorbalin" in words(dosed, candidates(tokens(dosed), []))
    assert candidates(tokens(dosed), [])[(7, 15)] == ["right:dose"]
    assert words(TREATED, candidates(tokens(TREATED), [])) == ["Zorbalin", "Zorbalin"]


def test_candidates_leave_rule_spans_function_words_and_the_denylist_alone():
    text = "Patients treated with chemotherapy, the drug, or with cisplatin and Zorbalin."
    start = text.index("cisplatin")
    drug = [(start, start + len("cisplatin"))]
    assert words(text, candidates(tokens(text), drug)) == ["Zorbalin"]
    # Masked (training): the rules' own find is a candidate too.
    assert "cisplatin" in words(text, candidates(tokens(text), drug, masked=True))


def test_features_describe_the_word_its_shape_and_its_context():
    text = "treated with zanidatamab 20 mg/kg every 3 weeks"
    start = text.index("zanidatamab")
    feats = features(text, start, start + 11, ["left:with"], [], "interventions")
    for expected in (
        "w=zanidatamab",
        "suf=mab$",
        "shape=xx",
        "cue=left:with",
        "unit=mg",
        "sec=interventions",
        "l1=with",
    ):
        assert expected in feats
    assert feats == sorted(set(feats))


def test_the_shipped_scorer_is_json_small_and_the_one_in_models():
    data = default_scorer_bytes()
    assert len(data) < 1_000_000
    rows = [json.loads(line) for line in gzip.decompress(data).decode("utf-8").splitlines()]
    assert rows[0]["format"] == "trialspacy-drug-scorer/1" and 0 < rows[0]["threshold"] <= 1
    assert all(set(row) == {"feature", "weight"} for row in rows[1:])
    assert (REPO / "models" / "drug_scorer" / SCORER_FILE).read_bytes() == data
    scorer = DrugScorer.from_bytes(data)
    assert scorer.to_bytes() == data


def test_the_scorer_scores_unknown_names_above_common_words():
    scorer = DrugScorer.from_bytes(default_scorer_bytes())
    start = TREATED.index("Zorbalin")
    drug = features(TREATED, start, start + 8, ["left:with"], [], "none")
    text = "Patients treated with surgery alone"
    start = text.index("surgery")
    other = features(text, start, start + 7, ["left:with", "right:alone"], [], "none")
    assert scorer.probability(drug) >= TRIED > scorer.probability(other)


def test_flag_off_is_the_rules_output_and_flag_on_adds_agents(nlp_rules, nlp_scored):
    assert drugs_pipe(nlp_rules).scorer is False  # the default
    assert drug_texts(nlp_rules, TREATED) == []
    assert drug_texts(nlp_rules, LISTED) == ["gemcitabine"]
    doc = nlp_scored(TREATED)
    spans = label_spans(doc, DRUG)
    assert [s.text for s in spans] == ["Zorbalin", "Zorbalin"]
    assert {(s._.trialspacy_normalized, s._.trialspacy_kind, s._.trialspacy_drugbank_id) for s in spans} == {
        ("zorbalin", "agent", None)
    }
    # The rules' spans are kept as they were.
    assert set(drug_texts(nlp_rules, LISTED)) <= set(drug_texts(nlp_scored, LISTED))


def test_scorer_weights_round_trip_through_bytes_and_disk(tmp_path):
    nlp = trialspacy.build(PIPELINE)
    pipe = drugs_pipe(nlp)
    changed = DrugScorer(dict(pipe.drug_scorer.weights), pipe.drug_scorer.intercept, 0.99, {"note": "test"})
    pipe._restore_scorer(changed.to_bytes())
    nlp.to_disk(tmp_path / "p")
    saved = (tmp_path / "p" / "trialspacy_drugs" / SCORER_FILE).read_bytes()
    assert saved[:2] == b"\x1f\x8b" and json.loads(gzip.decompress(saved).splitlines()[0])["threshold"] == 0.99
    for restored in (
        drugs_pipe(trialspacy.load(tmp_path / "p")),
        drugs_pipe(trialspacy.build(PIPELINE)).from_bytes(pipe.to_bytes()),
    ):
        assert restored.drug_scorer.threshold == 0.99
        assert restored.drug_scorer.meta == {"note": "test"}


def test_config_override_turns_the_scorer_on_in_a_saved_pipeline(tmp_path):
    saved = scored_at(trialspacy.build(PIPELINE), TRIED)
    drugs_pipe(saved).scorer = False
    saved.to_disk(tmp_path / "p")
    import spacy

    nlp = spacy.load(tmp_path / "p", config={"components": {"trialspacy_drugs": {"scorer": True}}})
    assert drug_texts(nlp, TREATED) == ["Zorbalin", "Zorbalin"]


def test_the_scorer_only_adds_words_the_rules_left_alone(nlp_rules, nlp_scored):
    # A regimen's short names defined by the record: the alias pass reads them, so the scorer,
    # which would take "FLU" beside the slash, must not take it first.
    text = (
        "M.D. Anderson pioneered the use of fludarabine melphalan (FLU/MEL) conditioning. "
        "The Flu/Mel conditioning regimen can provide long-term disease control; "
        "total-body irradiation was used with flu/mel for advanced lymphoma."
    )

    def described(nlp):
        return {(s.start_char, s.end_char, s._.trialspacy_normalized) for s in label_spans(nlp(text), DRUG)}

    rules = described(nlp_rules)
    assert (text.index("MEL)"), text.index("MEL)") + 3, "melphalan") in rules
    assert rules <= described(nlp_scored)


def test_candidates_read_names_the_tokenizer_splits_and_not_inside_a_dose():
    text = "Arm B: fluorouracil-uracil 300 mg daily, then Zorbalin 250 mg daily with Flu/Mel."
    found = candidates(tokens(text), [])
    # The tokenizer splits "fluorouracil - uracil"; the cue reads the whole name before the dose.
    assert found[(7, 26)] == ["right:dose"]
    # "250 mg daily" is a dose after Zorbalin, not the word "mg" before "daily".
    assert "mg" not in words(text, found)
    assert found[(text.index("Flu"), text.index("Flu") + 3)] == ["left:with", "slash"]
    assert "Zorbalin" in words(text, found)
