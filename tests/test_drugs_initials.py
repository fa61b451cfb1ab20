"""A drug name that ends in a single capital letter at the end of a sentence (``amphotericin B.``):
spaCy's English tokenizer keeps the letter with its full stop as one token, an initial, on which
the DRUG span cannot end; trialspacy's tokenizer splits it (see trialspacy.tokenizer._FINAL_INITIAL)."""

import pytest
import spacy

import trialspacy
from trialspacy.spans import DRUG, label_spans

PIPELINE = ["trialspacy_layout", "trialspacy_abbreviations", "trialspacy_drugs"]


@pytest.fixture(scope="module")
def nlp() -> spacy.Language:
    return trialspacy.build(PIPELINE)


@pytest.mark.parametrize(
    "text, drug",
    [
        # legacy XML NCT00002075, NCT00002437: the end of a criterion
        ("-  Known allergy or intolerance of imidazoles, azoles, or amphotericin B.\r\n", "amphotericin B"),
        ("Excluded:\r\n\r\n  -  Foscarnet.\r\n\r\n  -  Amphotericin B.\r\n\r\n  -  Diuretics.", "Amphotericin B"),
        # legacy XML NCT00000429, NCT00492245: a sentence's end
        ("one multivitamin tablet containing 400 IU vitamin D. We do all patient evaluations", "vitamin D"),
        ("Phototherapeutic keratectomy (PTK) using mitomycin C.", "mitomycin C"),
    ],
)
def test_a_drug_ending_in_a_letter_keeps_it_before_a_full_stop(nlp: spacy.Language, text: str, drug: str) -> None:
    found = [s.text for s in label_spans(nlp(text), DRUG)]
    assert drug in found
    assert drug.rsplit(" ", 1)[0] not in found
