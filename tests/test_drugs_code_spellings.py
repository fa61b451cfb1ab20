"""A code is one name however it is spelled (``ZD1839`` = ``ZD-1839`` = ``ZD 1839``): each spelling of
a code the lexicon knows with a generic name finds that name (sentences of legacy registry records)."""

import pytest
from build_drug_lexicon import code_spellings

from trialspacy.spans import DRUG, label_spans, span_attrs


@pytest.mark.parametrize(
    "code,spellings",
    [
        ("ZD1839", {"ZD1839", "ZD-1839", "ZD 1839"}),
        ("STI-571", {"STI571", "STI-571", "STI 571"}),
        # a space only before a number of three digits or more: "AT 10" is also "at 10"
        ("AT-10", {"AT10", "AT-10"}),
        # not letters and a number: as written
        ("BGB-A317", {"BGB-A317"}),
    ],
)
def test_drugs_code_spellings(code, spellings):
    assert code_spellings(code) == spellings


@pytest.mark.parametrize(
    "text,code,normalized",
    [
        # NCT00005806, NCT00006357, NCT00009906, NCT00006773
        ("Determine the maximum tolerated dose of ZD 1839 given intermittently.", "ZD 1839", "gefitinib"),
        ("Dose Finding and Phase II Study of STI 571 in Advanced Soft Tissue Sarcoma", "STI 571", "imatinib"),
        ("Clinical Activity Of STI-571 at Two Dose Levels in Patients With GIST", "STI-571", "imatinib"),
        ("Phase I Evaluation of the Safety of PS 341 in the Treatment of Recurrent Gliomas", "PS 341", "bortezomib"),
    ],
)
def test_drugs_each_spelling_of_a_code_finds_its_generic_name(nlp, text, code, normalized):
    found = [(s.text, span_attrs(s)["normalized"]) for s in label_spans(nlp(text), DRUG)]
    assert (code, normalized) in found
