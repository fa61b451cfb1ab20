"""``trialspacy report``: the page's text, spans, hover attributes and errors, read back from the
HTML with the standard library's parser, on the seeds, the API v2 sample and the gold test split."""

import io
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import API_V2_SAMPLE, REPO, SEEDS_DIR
from typer.testing import CliRunner

import trialspacy
from trialspacy.cli import app, report_command
from trialspacy.errors import ExitCode
from trialspacy.evaluate import read_documents
from trialspacy.report import Mark, document_marks, render_report, render_text, stack_slots
from trialspacy.run import predict
from trialspacy.scoring import score

GOLD_TEST = REPO / "annotations" / "gold" / "test.jsonl"


class Page(HTMLParser):
    """Per document section: its text (what the reader sees, tags being CSS) and its marks: the
    classes, tag and title of each element that starts a span."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.docs: list[dict] = []
        self.urls: list[str] = []
        self.tags: Counter = Counter()
        self._in_text = 0
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags[tag] += 1
        attrs_d = dict(attrs)
        self.urls += [v for k, v in attrs if k in ("src", "href") and v]
        if tag == "section" and "doc" in attrs_d.get("class", ""):
            self.docs.append({"id": attrs_d["id"], "text": "", "marks": [], "errors": int(attrs_d["data-errors"])})
        if self._in_text:
            self._in_text += 1
            classes = attrs_d.get("class", "").split()
            if "first" in classes:
                self.docs[-1]["marks"].append(
                    {
                        "classes": classes,
                        "tag": attrs_d["data-tag"],
                        "title": attrs_d["title"],
                        "at": len(self.docs[-1]["text"]),
                    }
                )
        elif tag == "div" and attrs_d.get("class") == "text":
            self._in_text = 1

    def handle_endtag(self, tag: str) -> None:
        if self._in_text:
            self._in_text -= 1

    def handle_data(self, data: str) -> None:
        if self._in_text:
            self.docs[-1]["text"] += data


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    return parser


@pytest.fixture(scope="module")
def sample_records(nlp):
    return list(trialspacy.extract([str(SEEDS_DIR), str(API_V2_SAMPLE)], nlp=nlp))


@pytest.fixture(scope="module")
def sample_page(sample_records):
    return render_report(sample_records)


def run_report(args: list[str], tmp_path: Path):
    out = tmp_path / "report.html"
    stderr = io.StringIO()
    inputs = [a for a in args if not a.startswith("--")]
    status = report_command(inputs, str(out), stderr=stderr, progress=False)
    return status, out, stderr.getvalue()


def test_report_shows_every_document_with_its_exact_text(sample_records, sample_page):
    page = parse(sample_page)
    assert len(page.docs) == len(sample_records) == 17
    for shown, record in zip(page.docs, sample_records):
        assert shown["text"] == record["text"]


def test_report_marks_every_span_once_with_label_and_attributes(sample_records, sample_page):
    page = parse(sample_page)
    for shown, record in zip(page.docs, sample_records):
        assert len(shown["marks"]) == len(record["spans"])
        for mark, span in zip(
            sorted(shown["marks"], key=lambda m: m["at"]),
            sorted(record["spans"], key=lambda s: (s["start"], -s["end"])),
        ):
            assert mark["at"] == span["start"]
            assert f"l-{span['label']}" in mark["classes"] and "k-span" in mark["classes"]
            assert mark["title"].startswith(f"{span['label']} “{span['text']}”")


def test_report_hover_text_holds_the_parsed_attributes(sample_records, sample_page):
    page = parse(sample_page)
    seed = next(d for d in page.docs if d["text"].startswith("Spatial Fragmentation"))
    dose = next(m for m in seed["marks"] if "800-1200cGy × 3f" in m["title"])
    assert "dose_gy: [8.0, 12.0]" in dose["title"] and "total_gy: [24.0, 36.0]" in dose["title"]
    assert "fractions: [3, 3]" in dose["title"] and "section: summary" in dose["title"]
    assert dose["tag"] == "RADIATION_DOSE"
    timeframe = next(m for m in seed["marks"] if m["title"].startswith("TIMEFRAME “6 mouths”"))
    assert "value: P6M" in timeframe["title"]


def test_report_tags_criteria_by_section_and_negation(sample_page):
    page = parse(sample_page)
    criteria = [m for d in page.docs for m in d["marks"] if "l-CRITERION" in m["classes"]]
    tags = Counter(m["tag"] for m in criteria)
    assert set(tags) <= {"inclusion", "exclusion", "inclusion · negated", "exclusion · negated"}
    assert tags["inclusion"] > 0 and tags["exclusion"] > 0
    negated = [m for d in page.docs for m in d["marks"] if m["tag"].endswith("· negated")]
    assert negated and all("negated: true" in m["title"] for m in negated)


def test_report_is_self_contained(sample_page):
    page = parse(sample_page)
    assert page.urls == [f"#doc-{i}" for i in range(17)]  # the table of contents only
    assert page.tags["link"] == page.tags["img"] == page.tags["iframe"] == 0
    assert not re.search(r"<script[^>]+src", sample_page) and "@import" not in sample_page and "url(" not in sample_page


def test_report_has_a_filter_per_label_and_summary_counts(sample_records, sample_page):
    counts = Counter(s["label"] for r in sample_records for s in r["spans"])
    for label, n in counts.items():
        assert f'data-label="{label}">' in sample_page
        assert f"{label} ({n})</label>" in sample_page
    assert f"<p>17 documents, {sum(counts.values())} spans.</p>" in sample_page


def test_report_of_extract_output_is_the_report_of_the_records(tmp_path, sample_page):
    """Extract output is used as it is: the same page as running the pipeline on the records."""
    from conftest import extract_bytes

    status, _, _, _ = extract_bytes([SEEDS_DIR, API_V2_SAMPLE], tmp_path / "out.jsonl")
    assert status == 0
    status, out, said = run_report([str(tmp_path / "out.jsonl")], tmp_path)
    assert status == 0 and out.read_text(encoding="utf-8") == sample_page
    assert said.strip() == f"17 records: 17 in the report, 0 errors; wrote {out}"


def test_report_lists_bad_records_and_the_counts_reconcile(tmp_path, mixed_inputs):
    status, out, said = run_report([str(p) for p in mixed_inputs], tmp_path)
    assert status == 1
    lines = said.strip().splitlines()
    assert len(lines) == 4 and lines[-1] == f"21 records: 18 in the report, 3 errors; wrote {out}"
    assert all(line.startswith("error: ") and "mixed.jsonl" in line for line in lines[:3])
    page = out.read_text(encoding="utf-8")
    assert len(parse(page).docs) == 18
    assert "<h2>Records not shown</h2>" in page and "malformed JSON at line 1" in page


def test_report_with_gold_marks_each_error(nlp, tmp_path):
    gold = read_documents(str(GOLD_TEST))
    predictions = predict(gold, nlp=nlp)
    evaluation = score(gold, predictions, n_resamples=10)
    page = parse(render_report(predictions, evaluation=evaluation))
    kinds = Counter(c for d in page.docs for m in d["marks"] for c in m["classes"] if c.startswith("k-"))
    errors = Counter(e["type"] for e in evaluation.errors)
    assert kinds["k-fp"] == errors["fp"] and kinds["k-fn"] == errors["fn"]
    # A span can have several wrong attributes and is marked once, listing each.
    attr_spans = {(e["id"], e["start"], e["end"], e["label"]) for e in evaluation.errors if e["type"] == "attr"}
    assert kinds["k-attr"] == len(attr_spans)
    assert kinds["k-span"] == len([s for d in predictions for s in d["spans"]]) - kinds["k-fp"] - kinds["k-attr"]
    missed = next(m for d in page.docs for m in d["marks"] if "k-fn" in m["classes"])
    assert missed["tag"].startswith("missed ") and "missed: in the gold" in missed["title"]
    wrong = next(m for d in page.docs for m in d["marks"] if "k-attr" in m["classes"])
    assert re.search(r"\n\w+: gold .+, extracted .+", wrong["title"])
    per_doc = Counter(e["id"] for e in evaluation.errors)
    assert [d["errors"] for d in page.docs] == [per_doc[p["id"]] for p in predictions]


def test_report_cli_with_gold_and_no_input_runs_the_pipeline_on_the_gold_texts(tmp_path):
    out = tmp_path / "gold.html"
    result = CliRunner().invoke(app, ["report", "--gold", str(GOLD_TEST), "-o", str(out), "--limit", "3"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "<h2>Evaluation against the gold</h2>" in page and "<h3>Strict spans</h3>" in page
    assert len(parse(page).docs) == 3
    n = len(read_documents(str(GOLD_TEST)))
    assert f"<p>{n} documents, " in page and "showing the first 3" in page


@pytest.mark.parametrize(
    "args, message, status",
    [
        (["report", "-o", "{tmp}/r.html"], "give INPUT files", ExitCode.USAGE),
        (
            ["report", "samples/seeds", "-o", "{tmp}/no/such/dir/r.html"],
            "the output's directory does not exist",
            ExitCode.USAGE,
        ),
        (
            ["report", "samples/seeds", "-o", "{tmp}/r.html", "--limit", "0"],
            "--limit must be at least 1",
            ExitCode.USAGE,
        ),
        (
            ["report", "--gold", "{tmp}/bad.jsonl", "-o", "{tmp}/r.html"],
            "bad.jsonl, line 1: malformed JSON: Expecting property name",
            ExitCode.DATA,
        ),
    ],
)
def test_report_cli_usage_errors_are_one_line(tmp_path, args, message, status, monkeypatch):
    monkeypatch.chdir(REPO)
    (tmp_path / "bad.jsonl").write_text("{oops\n", encoding="utf-8")
    result = CliRunner().invoke(app, [a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.exit_code == status
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0]
    assert not (tmp_path / "r.html").exists()


def test_stack_slots_put_overlapping_marks_on_different_levels():
    marks = [
        Mark("CRITERION", 0, 40, {}),
        Mark("DRUG", 5, 12, {}),
        Mark("TIMEFRAME", 10, 20, {}),
        Mark("DRUG", 30, 35, {}),
    ]
    slots = stack_slots(marks)
    assert slots == [0, 1, 2, 1]


def test_render_text_nests_crossing_marks_and_keeps_the_text():
    text = "Prior pembrolizumab within 6 months\nNo steroids"
    record = {"text": text, "sections": [{"name": "exclusion", "start": 0, "end": len(text)}]}
    marks = [
        Mark("CRITERION", 0, 35, {"negated": False, "section": "exclusion"}),
        Mark("DRUG", 6, 19, {"negated": False, "normalized": "pembrolizumab"}, "fp"),
        Mark("TIMEFRAME", 20, 35, {"negated": False, "value": "P6M"}, "fn"),
        Mark("DRUG", 39, 47, {"negated": True, "normalized": "steroids"}),
    ]
    body, depth = render_text(record, marks)
    assert depth == 2
    page = parse(f'<section class="doc" id="doc-0" data-errors="0"><div class="text">{body}</div></section>')
    assert page.docs[0]["text"] == text
    assert [m["tag"] for m in page.docs[0]["marks"]] == ["exclusion", "✗ DRUG", "missed TIMEFRAME", "DRUG · negated"]
    assert body.count("<span") == body.count("</span>")
    assert '<span class="sec" data-sec="exclusion"></span>' in body


def test_document_marks_add_missed_gold_spans_and_note_wrong_attributes(sample_records):
    record = sample_records[0]
    span = record["spans"][0]
    errors = [
        {
            "type": "attr",
            "label": span["label"],
            "start": span["start"],
            "end": span["end"],
            "attribute": "normalized",
            "gold": {"normalized": "x"},
            "pred": {"normalized": span["attrs"]["normalized"]},
        },
        {"type": "fn", "label": "TIMEFRAME", "start": 0, "end": 3, "gold": {"negated": False, "value": "P1D"}},
    ]
    marks = document_marks(record, errors)
    assert len(marks) == len(record["spans"]) + 1
    wrong = next(m for m in marks if m.kind == "attr")
    assert wrong.note == f"normalized: gold x, extracted {span['attrs']['normalized']}"
    assert next(m for m in marks if m.kind == "fn").attrs == {"negated": False, "value": "P1D"}


def test_report_with_gold_warns_of_documents_without_gold(tmp_path, sample_records):
    """The seeds are not in the gold test split: they are shown, not scored, and stderr says so."""
    from conftest import extract_bytes

    extract_bytes([SEEDS_DIR], tmp_path / "seeds.jsonl")
    stderr = io.StringIO()
    out = tmp_path / "r.html"
    assert (
        report_command([str(tmp_path / "seeds.jsonl")], str(out), gold=str(GOLD_TEST), stderr=stderr, progress=False)
        == 0
    )
    n = len(read_documents(str(GOLD_TEST)))
    seeds_in_gold = len({r["id"] for r in sample_records[:5]} & {d["id"] for d in read_documents(str(GOLD_TEST))})
    lines = stderr.getvalue().splitlines()
    assert lines[0] == f"warning: {n - seeds_in_gold} gold documents have no prediction (scored as false negatives)"
    assert lines[1] == f"warning: {5 - seeds_in_gold} predicted documents are not in the gold and are ignored"
    page = parse(out.read_text(encoding="utf-8"))
    assert len(page.docs) == 5


def test_report_warns_of_a_directory_without_inputs(tmp_path):
    (tmp_path / "empty").mkdir()
    status, _out, said = run_report([str(SEEDS_DIR), str(tmp_path / "empty")], tmp_path)
    assert status == 0
    assert said.splitlines()[0] == f"warning: {tmp_path / 'empty'}: no readable input files in this directory"
