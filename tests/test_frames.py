"""Output documents as DataFrames: the seeds through the real pipeline, and the ISO 8601 weeks."""

import copy
import sys

import pandas
import pytest
from conftest import SEEDS_DIR

import trialspacy
from trialspacy.frames import (
    SPAN_COLUMNS,
    SPAN_FRAME_COLUMNS,
    errors_frame,
    iso_weeks,
    outcomes_frame,
    spans_frame,
)
from trialspacy.scoring import score

MONTH_WEEKS = 30.4375 / 7
YEAR_WEEKS = 365.25 / 7


@pytest.fixture(scope="module")
def seed_records(nlp):
    return list(trialspacy.extract([str(SEEDS_DIR)], nlp=nlp))


@pytest.fixture(scope="module")
def seed_spans(seed_records):
    return spans_frame(seed_records)


def row_of(frame, record_id, start, label):
    rows = frame[(frame["id"] == record_id) & (frame["start"] == start) & (frame["label"] == label)]
    assert len(rows) == 1
    return rows.iloc[0]


@pytest.mark.parametrize(
    "value, weeks",
    [
        ("P2Y", 2 * YEAR_WEEKS),
        ("P6M", 6 * MONTH_WEEKS),
        ("P3W", 3.0),
        ("P21D", 3.0),
        ("R/P3W", 3.0),
        ("R/P1D", 1 / 7),
        ("PT48H", 2 / 7),
        ("P1Y6M", YEAR_WEEKS + 6 * MONTH_WEEKS),
        ("P7.5M", 7.5 * MONTH_WEEKS),
    ],
)
def test_iso_weeks_converts_durations_and_periods(value, weeks):
    assert iso_weeks(value) == pytest.approx(weeks)


@pytest.mark.parametrize("value", [None, "", "P", "PT", "2020-01-31", "2020-01", "6 months", "P6X"])
def test_iso_weeks_is_none_for_dates_and_non_durations(value):
    assert iso_weeks(value) is None


def test_spans_frame_has_one_row_per_span_in_order(seed_records, seed_spans):
    assert list(seed_spans.columns) == SPAN_FRAME_COLUMNS
    assert SPAN_FRAME_COLUMNS[: len(SPAN_COLUMNS)] == SPAN_COLUMNS  # the CSV's columns, then derived ones
    assert len(seed_spans) == sum(len(r["spans"]) for r in seed_records)
    expected = [(r["id"], s["start"], s["end"], s["label"]) for r in seed_records for s in r["spans"]]
    assert list(zip(seed_spans["id"], seed_spans["start"], seed_spans["end"], seed_spans["label"])) == expected


def test_spans_frame_sections_and_outcome_roles(seed_records, seed_spans):
    record = next(r for r in seed_records if r["id"] == "000_39528a72e86f2866")
    text = record["text"]
    lg002 = row_of(seed_spans, record["id"], text.index("LG002"), "DRUG")
    assert lg002["section"] == "interventions"
    assert pandas.isna(lg002["role"]) and pandas.isna(lg002["outcome"])
    trae = row_of(seed_spans, record["id"], text.index("treatment-related adverse events"), "ENDPOINT")
    assert (trae["section"], trae["role"], trae["outcome"]) == ("primary_outcomes", "primary", 0)
    orr = row_of(seed_spans, record["id"], text.index("objective response rate"), "ENDPOINT")
    assert (orr["section"], orr["role"], orr["outcome"]) == ("secondary_outcomes", "secondary", 2)
    docetaxel = row_of(seed_spans, record["id"], text.index("docetaxel"), "DRUG")
    assert docetaxel["section"] == "description" and docetaxel["normalized"] == "docetaxel"


def test_spans_frame_criteria_keep_their_section_attribute(seed_spans):
    criteria = seed_spans[seed_spans["label"] == "CRITERION"]
    assert len(criteria) > 20
    assert (criteria["section"] == criteria["criterion_section"]).all()
    assert set(criteria["criterion_section"]) == {"inclusion", "exclusion"}
    excluded_classes = seed_spans[(seed_spans["section"] == "exclusion") & (seed_spans["kind"] == "class")]
    assert "antibiotics" in set(excluded_classes["normalized"])


def test_spans_frame_doses_are_numeric_min_and_max_columns_in_gray(seed_records, seed_spans):
    record = next(r for r in seed_records if r["id"] == "001_e87d364e3468c837")
    dose = row_of(seed_spans, record["id"], record["text"].index("800-1200cGy × 3f"), "RADIATION_DOSE")
    assert (dose["dose_gy_min"], dose["dose_gy_max"]) == (8.0, 12.0)
    assert (dose["fractions_min"], dose["fractions_max"]) == (3, 3)
    assert (dose["total_gy_min"], dose["total_gy_max"]) == (24.0, 36.0)
    for column in ("dose_gy_min", "dose_gy_max", "fractions_min", "fractions_max", "total_gy_min", "total_gy_max"):
        assert pandas.api.types.is_float_dtype(seed_spans[column]), column
    assert pandas.api.types.is_bool_dtype(seed_spans["negated"])
    assert dose["dose_kind"] == "per_fraction"
    assert pandas.isna(dose["value"]) and pandas.isna(dose["weeks"])


def test_spans_frame_timeframes_in_weeks(seed_spans):
    timeframes = seed_spans[seed_spans["label"] == "TIMEFRAME"]
    two_years = timeframes[timeframes["value"] == "P2Y"]
    assert len(two_years) > 0
    assert list(two_years["weeks"]) == pytest.approx([2 * YEAR_WEEKS] * len(two_years))
    others = seed_spans[seed_spans["label"] != "TIMEFRAME"]
    assert others["weeks"].isna().all()


def test_outcomes_frame_pairs_endpoints_with_time_frames(seed_records):
    frame = outcomes_frame(seed_records)
    assert len(frame) == sum(len(r["outcomes"]) for r in seed_records)
    first = frame[frame["id"] == "000_39528a72e86f2866"].iloc[0]
    assert first["role"] == "primary"
    assert first["endpoints"] == ["treatment-related adverse events"]
    assert first["timeframes"] == ["2 years"]
    assert first["weeks"] == [pytest.approx(2 * YEAR_WEEKS)]
    assert first["text"].startswith("The safety of Neo-DCVac")


def test_errors_frame_shows_each_kind_of_error(seed_records):
    pred = seed_records[0]
    gold = copy.deepcopy(pred)
    drug_index = next(i for i, s in enumerate(gold["spans"]) if s["label"] == "DRUG")
    missed = gold["spans"][drug_index]
    endpoint = next(s for s in gold["spans"] if s["label"] == "ENDPOINT")
    endpoint["attrs"]["canonical"] = "overall survival"
    gold["spans"] = [s for i, s in enumerate(gold["spans"]) if i != drug_index]
    del gold["outcomes"]
    frame = errors_frame(score([gold], [pred], n_resamples=10).errors)
    assert sorted(frame["type"]) == ["attr", "fp"]
    fp = frame[frame["type"] == "fp"].iloc[0]
    assert (fp["label"], fp["text"]) == ("DRUG", missed["text"])
    assert f"[[{missed['text']}]]" in fp["context"]
    wrong = frame[frame["type"] == "attr"].iloc[0]
    assert (wrong["attribute"], wrong["gold"], wrong["pred"]) == (
        "canonical",
        "overall survival",
        endpoint_canonical(pred),
    )


def endpoint_canonical(record):
    return next(s for s in record["spans"] if s["label"] == "ENDPOINT")["attrs"]["canonical"]


def test_frames_without_pandas_say_how_to_install_it(monkeypatch, seed_records):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install trialspacy\[notebooks\]"):
        spans_frame(seed_records)
