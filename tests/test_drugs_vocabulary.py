"""The DRUG component's word lists as data files: one row per item, each with its reason."""

import pytest
from conftest import REPO

from trialspacy.components.drugs.vocabulary import vocabulary
from trialspacy.lexicon import package_data

DATA = REPO / "pipeline" / "trialspacy" / "data"
ROLES = {
    "drug_code_guards.jsonl": {"prefix", "allele", "mutation", "constant", "spaced_prefix"},
    "drug_stems.jsonl": {"stem", "not_drug"},
    "drug_context_words.jsonl": {
        "measured_after",
        "condition_after",
        "property_after",
        "measured_before",
        "pathogen_after",
        "therapy_after",
        "therapy_before",
        "therapy_of",
        "therapy_to",
        "reaction_after",
        "not_product_after",
        "lab_unit",
        "list_separator",
        "example_cue",
        "modality_adjective",
        "consumed_substance",
        "consumed_given_before",
        "consumed_given_after",
        "not_drug_after_non",
    },
    "drug_class_grammar.jsonl": {
        "head",
        "antibody_head",
        "agent_head",
        "therapy_head",
        "anti_suffix",
        "adjective",
        "adjective_prefix",
        "indication",
        "not_class",
        "mechanism",
        "not_antibody_target",
        "potency",
        "long_target",
        "stimulus",
        "conjugate_carrier",
        "given_class",
        "contrast_head",
        "class_initialism",
    },
    "drug_intervention_words.jsonl": {
        "intervention_type",
        "listed_type",
        "radiolabel_type",
        "dose_form",
        "not_agent",
        "plan",
        "agent_head",
    },
}
# The formulation words carry the template of their product's name too (``liposomal {}``).
FORMULATIONS = "drug_formulations.jsonl"


@pytest.mark.parametrize("name", sorted(ROLES))
def test_drugs_word_lists_have_one_row_per_item_with_a_reason(name):
    rows = package_data(name)
    assert all(set(row) == {"text", "role", "reason"} for row in rows)
    assert all(row["text"] and row["reason"].strip() for row in rows)
    keys = [(row["text"], row["role"]) for row in rows]
    assert len(keys) == len(set(keys)), "an item listed twice under one role"
    assert set(vocabulary(name)) == ROLES[name]


def test_drugs_formulation_words_have_a_reason_and_a_name_template():
    rows = package_data(FORMULATIONS)
    assert all(set(row) == {"text", "role", "normalized", "reason"} for row in rows)
    assert all(row["text"] and row["reason"].strip() and "{}" in row["normalized"] for row in rows)
    keys = [(row["text"], row["role"]) for row in rows]
    assert len(keys) == len(set(keys)), "an item listed twice under one role"
    assert {row["role"] for row in rows} == {"prefix", "suffix", "salt", "ion"}


def test_drugs_code_guards_hold_the_prefixes_of_trial_text_lookalikes():
    guards = vocabulary("drug_code_guards.jsonl")
    assert len(guards["prefix"]) == 272
    assert {"NCT", "CA", "CD", "HLA", "COVID", "SF", "GOG", "FIGO"} <= set(guards["prefix"])
    assert set(guards["spaced_prefix"]) == {"ATN", "BP"}


def test_drugs_word_lists_are_all_documented():
    documented = (DATA / "DRUG_LEXICON.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in documented for name in [*ROLES, FORMULATIONS])
