"""One writer per format behind one protocol: what each writes, appending, and closing as a context."""

import csv
import io
import json

import pytest
from conftest import SEEDS_DIR
from spacy.tokens import DocBin

from trialspacy.contract import to_document
from trialspacy.errors import Errors
from trialspacy.frames import SPAN_COLUMNS, span_row
from trialspacy.records import iter_records
from trialspacy.run import process
from trialspacy.writers import FORMATS, MAX_STEM, csv_cell, json_line, open_writer, safe_stem


@pytest.fixture(scope="module")
def seed_docs(nlp):
    return list(process(nlp, iter_records([str(SEEDS_DIR)])))


@pytest.fixture(scope="module")
def seed_documents(seed_docs):
    return [to_document(doc) for doc in seed_docs]


def test_jsonl_writes_one_line_per_document_and_leaves_the_stream_open(seed_documents):
    stream = io.StringIO()
    with open_writer("jsonl", "-", stream=stream) as writer:
        for document in seed_documents:
            writer.write(document)
    assert not stream.closed
    assert [json.loads(line) for line in stream.getvalue().splitlines()] == seed_documents


def test_jsonl_appending_repairs_a_partial_line_first(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text('{"id": "NCT0001", "text": "a"}\n{"id": "NCT00', encoding="utf-8")
    with open_writer("jsonl", str(path), append=True) as writer:
        writer.write({"id": "NCT0002", "text": "b", "spans": []})
    assert [json.loads(line)["id"] for line in path.read_text().splitlines()] == ["NCT0001", "NCT0002"]


def test_csv_has_each_column_once_and_the_rows_of_the_span_frame(tmp_path, seed_documents):
    path = tmp_path / "out.csv"
    with open_writer("csv", str(path)) as writer:
        for document in seed_documents:
            writer.write(document)
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert reader.fieldnames == SPAN_COLUMNS
    assert len(set(SPAN_COLUMNS)) == len(SPAN_COLUMNS)
    expected = [span_row(d, i) for d in seed_documents for i in range(len(d["spans"]))]
    assert len(rows) == len(expected)
    for row, want in zip(rows, expected):
        assert row["text"] == want["text"] and row["section"] == (want["section"] or "")
    criteria = [row for row in rows if row["label"] == "CRITERION"]
    assert criteria and {row["criterion_section"] for row in criteria} == {"inclusion", "exclusion"}
    assert all(row["section"] == row["criterion_section"] for row in criteria)
    dose = next(row for row in rows if row["text"] == "800-1200cGy × 3f")
    assert (dose["dose_gy_min"], dose["dose_gy_max"], dose["negated"], dose["canonical"]) == (
        "8.0",
        "12.0",
        "false",
        "",
    )
    assert (float(dose["fractions_min"]), float(dose["total_gy_max"])) == (3, 36)


def test_csv_appending_to_a_file_writes_no_second_header(tmp_path, seed_documents):
    path = tmp_path / "out.csv"
    for document in seed_documents[:2]:
        with open_writer("csv", str(path), append=True) as writer:
            writer.write(document)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines.count(",".join(SPAN_COLUMNS)) == 1
    assert len(lines) == 1 + sum(len(d["spans"]) for d in seed_documents[:2])


def test_brat_writes_a_text_and_ann_pair_per_document_and_numbers_repeated_ids(tmp_path, seed_documents):
    first = seed_documents[0]
    with open_writer("brat", str(tmp_path / "brat")) as writer:
        writer.write(first)
        writer.write({**first, "id": first["id"] + "#"})
    assert sorted(p.name for p in (tmp_path / "brat").iterdir()) == [
        f"{first['id']}{suffix}" for suffix in (".ann", ".txt", "_2.ann", "_2.txt")
    ]
    assert (tmp_path / "brat" / f"{first['id']}_2.txt").read_text(encoding="utf-8") == first["text"]


@pytest.mark.parametrize(
    "record_id, stem",
    [
        ("NCT0123#2", "NCT0123_2"),
        ("a/b c", "a_b_c"),
        ("..", "document"),
        ("", "document"),
        ("#!?", "document"),
        ("NCT.1", "NCT.1"),
        ("trials.v2#3", "trials.v2_3"),
        ("-rf", "rf"),
        ("../../etc/passwd", "etc_passwd"),
        ("CON", "CON_"),
        ("nul.txt", "nul.txt_"),
        ("é€", "document"),
        ("x" * 500, "x" * MAX_STEM),
    ],
)
def test_safe_stem_makes_a_file_name(record_id, stem):
    assert safe_stem(record_id) == stem


def brat_document(record_id, text):
    return {"id": record_id, "text": text, "spans": []}


def test_brat_gives_every_document_its_own_pair_whatever_the_ids(tmp_path):
    # Dots that Path.with_suffix took for a suffix, names equal but for case (one file on macOS
    # and Windows), names left empty, a name the numbering itself makes, and one id twice.
    ids = ["NCT.1", "NCT.2", "trials.v2#1", "trials.v2#2", "NCT1", "nct1", "NCT1_2", "...", "", "NCT.1", "x" * 300]
    directory = tmp_path / "brat"
    with open_writer("brat", str(directory)) as writer:
        for n, record_id in enumerate(ids):
            writer.write(brat_document(record_id, f"text {n}"))
    stems = [
        "NCT.1", "NCT.2", "trials.v2_1", "trials.v2_2", "NCT1", "nct1_2", "NCT1_2_2",
        "document", "document_2", "NCT.1_2", "x" * MAX_STEM,
    ]  # fmt: skip
    assert sorted(p.name for p in directory.iterdir()) == sorted(f"{s}{x}" for s in stems for x in (".txt", ".ann"))
    assert len({s.lower() for s in stems}) == len(ids)
    for n, stem in enumerate(stems):
        assert (directory / f"{stem}.txt").read_text(encoding="utf-8") == f"text {n}"


def test_brat_refuses_a_directory_that_already_holds_pairs(tmp_path):
    directory = tmp_path / "brat"
    with open_writer("brat", str(directory)) as writer:
        writer.write(brat_document("NCT1", "first run"))
    with pytest.raises(FileExistsError) as refused:
        open_writer("brat", str(directory))
    assert str(refused.value) == Errors.E063.format(path=str(directory), count=2)
    assert (directory / "NCT1.txt").read_text(encoding="utf-8") == "first run"
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.md").write_text("kept", encoding="utf-8")
    with open_writer("brat", str(other)) as writer:  # files of other kinds are no obstacle
        writer.write(brat_document("NCT1", "second run"))
    assert sorted(p.name for p in other.iterdir()) == ["NCT1.ann", "NCT1.txt", "notes.md"]


@pytest.mark.parametrize(
    "value, cell",
    [
        ('=HYPERLINK("http://example.com","x")', '\'=HYPERLINK("http://example.com","x")'),
        ("+1+cmd", "'+1+cmd"),
        ("-docetaxel", "'-docetaxel"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tdocetaxel", "'\tdocetaxel"),
        ("\rdocetaxel", "'\rdocetaxel"),
        ("docetaxel", "docetaxel"),
        ("a=b", "a=b"),
        ("'quoted", "'quoted"),
        ("", ""),
        (-1.5, -1.5),
        (-3, -3),
        (False, "false"),
        (True, "true"),
        (None, None),
    ],
)
def test_csv_cell_neutralises_formulas_and_keeps_numbers(value, cell):
    assert csv_cell(value) == cell


def test_csv_writes_no_cell_a_spreadsheet_would_run(tmp_path):
    text = "-docetaxel then =cisplatin, @carboplatin and +pemetrexed"
    spans = []
    for quote, name in (("-docetaxel", "-docetaxel"), ("=cisplatin", "=1+1"), ("@carboplatin", "@x")):
        start = text.index(quote)
        attrs = {"negated": False, "normalized": name, "kind": "agent", "drugbank_id": "\tDB01248"}
        spans.append({"start": start, "end": start + len(quote), "label": "DRUG", "text": quote, "attrs": attrs})
    document = {
        "id": '=HYPERLINK("http://example.com")',
        "text": text,
        "spans": spans,
        "sections": [{"name": "-summary", "start": 0, "end": len(text)}],
    }
    path = tmp_path / "out.csv"
    with open_writer("csv", str(path)) as writer:
        writer.write(document)
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["text"] for row in rows] == ["'-docetaxel", "'=cisplatin", "'@carboplatin"]
    assert {row["id"] for row in rows} == {"'" + document["id"]}
    assert [row["normalized"] for row in rows] == ["'-docetaxel", "'=1+1", "'@x"]
    assert {(row["section"], row["drugbank_id"]) for row in rows} == {("'-summary", "'\tDB01248")}
    assert [row["start"] for row in rows] == [str(s["start"]) for s in spans]
    cells = [cell for row in rows for cell in row.values()]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)


def test_docbin_is_written_when_the_context_closes_and_needs_the_docs(tmp_path, nlp, seed_docs, seed_documents):
    path = tmp_path / "out.spacy"
    with open_writer("docbin", str(path)) as writer:
        for document, doc in zip(seed_documents, seed_docs):
            writer.write(document, doc)
        assert not path.exists()
        with pytest.raises(ValueError, match="needs its Doc"):
            writer.write(seed_documents[0])
    docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    assert [to_document(doc) for doc in docs] == seed_documents


def test_open_writer_names_the_formats(tmp_path):
    assert FORMATS == ("jsonl", "csv", "brat", "docbin", "duckdb", "parquet")
    with pytest.raises(ValueError, match="choose one of jsonl, csv, brat, docbin, duckdb, parquet"):
        open_writer("xml", str(tmp_path / "out.xml"))
    with pytest.raises(ValueError, match="needs a path"):
        open_writer("brat", None)


# Every character str.splitlines ends a line at.
LINE_ENDS = [chr(c) for c in range(0x110000) if len(f"a{chr(c)}b".splitlines()) == 2]


@pytest.mark.parametrize("end", LINE_ENDS, ids=lambda c: f"U+{ord(c):04X}")
def test_json_line_is_one_line_for_every_line_end_splitlines_knows(end):
    # The second value holds a lone surrogate, which makes the whole line ASCII-escaped.
    for value in ({"id": f"a{end}b", "text": f"x{end}y"}, {"id": f"a{end}b", "text": "x\ud800"}):
        line = json_line(value)
        assert line.splitlines() == [line[:-1]] and line.endswith("\n")
        assert json.loads(line) == value
