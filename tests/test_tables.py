"""The report rendered: plain-text table, JSON and HTML tables of a scored hand-built pair."""

import json

import pytest
from scoring_cases import GOLD, PRED

from trialspacy.scoring import score
from trialspacy.spans import LABELS
from trialspacy.tables import TABLE_STYLE, html_table, html_tables, render


@pytest.fixture(scope="module")
def evaluation():
    return score(GOLD, PRED)


def test_tables_render_table_json_and_self_contained_html(evaluation):
    table = render(evaluation, "table")
    for label in LABELS:
        assert label in table
    assert "0.625 [" in table  # strict micro precision with its interval
    assert "1 gold documents missing" in table and "doc3" in table
    assert json.loads(render(evaluation, "json")) == evaluation.to_dict()
    page = render(evaluation, "html")
    assert page.startswith("<!DOCTYPE html>") and page.count("<table>") == 5
    assert "http" not in page and "<script" not in page and "<link" not in page


def test_table_rows_give_counts_and_intervals_numbers_right_aligned(evaluation):
    lines = render(evaluation, "table").splitlines()
    assert lines[0] == "3 gold documents, 2 with predictions"
    drug = next(line for line in lines if line.startswith("DRUG "))  # the first: strict
    assert drug.split("  ")[0] == "DRUG" and drug.endswith("   2   1   1")
    assert "0.667 [" in drug
    criterion = next(line for line in lines if line.startswith("CRITERION "))
    assert "0.000  " in criterion and "[" not in criterion  # no spans in any resample: no interval
    assert "    0        0         -                  0" in lines  # outcome pairing without items


def test_table_of_nothing_scored_says_none():
    table = render(score([], []), "table")
    assert "Attributes of strictly matched spans\n(none)" in table
    assert table.startswith("0 gold documents, 0 with predictions\n")


def test_html_tables_escape_cells_and_take_the_heading_level(evaluation):
    assert html_table(["a<b"], [["x & y"]]) == (
        "<table><thead><tr><th>a&lt;b</th></tr></thead><tbody><tr><td>x &amp; y</td></tr></tbody></table>"
    )
    fragment = html_tables(evaluation, level=3)
    assert fragment.count("<h3>") == 5 and "<h2>" not in fragment
    assert "<p>1 predicted documents not in the gold, ignored: extra</p>" in fragment
    assert "border-collapse" in TABLE_STYLE


def test_render_refuses_an_unknown_format(evaluation):
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        render(evaluation, "xml")
