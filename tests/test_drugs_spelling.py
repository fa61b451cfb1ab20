"""Misspellings of a record's drug names: the symmetric-delete index and the edit distance."""

import pytest

from trialspacy.components.drugs.spelling import SpellingIndex, within_edit_distance


@pytest.mark.parametrize(
    "names,word,expected",
    [
        (["axitinib"], "acitinib", "axitinib"),
        (["pembrolizumab"], "pembroluzimab", "pembrolizumab"),
        (["docetaxel"], "doectaxel", "docetaxel"),
        (["axitinib"], "axitinib", None),
        (["insulin"], "inculin", "insulin"),
        (["axitinib", "afitinib"], "abitinib", None),
        (["docetaxel"], "paclitaxel", None),
    ],
)
def test_drugs_spelling_index(names, word, expected):
    assert SpellingIndex(names).match(word) == expected


@pytest.mark.parametrize(
    "a,b,limit,expected",
    [
        ("acitinib", "axitinib", 1, True),
        ("doectaxel", "docetaxel", 1, True),
        ("kitten", "sitting", 2, False),
        ("kitten", "sitting", 3, True),
        ("abc", "abc", 0, True),
        ("pembroluzimab", "pembrolizumab", 1, False),
    ],
)
def test_drugs_edit_distance(a, b, limit, expected):
    assert within_edit_distance(a, b, limit) is expected
