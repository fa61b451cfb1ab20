"""The gold data: made from hand annotations by quote, valid against the contract, split as promised."""

import json
from pathlib import Path

import pytest
from conftest import REPO
from gold_from_quotes import convert, locate

from trialspacy.contract import check_document

GOLD = REPO / "annotations" / "gold"
DOCUMENTS = REPO / "annotations" / "source" / "documents.jsonl"


def read(path: Path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize(
    "quote,occurrence,expected",
    [("PFS", 0, 4), ("PFS", 1, 13), ("PFS", 2, -1), ("iPFS", 0, 12), ("ORR", 0, -1)],
)
def test_gold_locate_counts_occurrences_from_zero(quote, occurrence, expected):
    assert locate("The PFS and iPFS.", quote, occurrence) == expected


def test_gold_convert_rejects_a_quote_not_in_the_text():
    doc = {"id": "d1", "text": "Patients received docetaxel.", "meta": {"split": "dev"}}
    good = convert(
        doc,
        {
            "id": "d1",
            "spans": [
                {
                    "label": "DRUG",
                    "quote": "docetaxel",
                    "attrs": {"normalized": "docetaxel", "kind": "agent", "drugbank_id": None},
                }
            ],
        },
    )
    assert good["spans"][0]["start"] == 18 and good["spans"][0]["attrs"]["negated"] is False
    with pytest.raises(ValueError, match="not in the text"):
        convert(doc, {"id": "d1", "spans": [{"label": "DRUG", "quote": "paclitaxel", "attrs": {}}]})


def test_gold_documents_are_eighty_with_a_test_split_of_at_least_thirty_five():
    docs = read(DOCUMENTS)
    assert len(docs) >= 80 and len({d["id"] for d in docs}) == len(docs)
    assert sum(d["meta"]["split"] == "test" for d in docs) >= 35


@pytest.mark.parametrize("split", ["dev", "test"])
def test_gold_files_are_valid_contract_records_from_the_documents(split):
    path = GOLD / f"{split}.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not written yet")
    texts = {d["id"]: d for d in read(DOCUMENTS)}
    for record in read(path):
        assert check_document(record) == [], record["id"]
        assert record["text"] == texts[record["id"]]["text"]
        assert texts[record["id"]]["meta"]["split"] == split


DEV2 = REPO / "annotations" / "source" / "dev2_documents.jsonl"


def test_second_dev_gold_is_valid_from_its_documents_and_shares_none_with_the_first_gold():
    texts = {d["id"]: d for d in read(DEV2)}
    first = {d["id"] for d in read(DOCUMENTS)}
    records = read(GOLD / "dev2.jsonl")
    assert len(records) == len(texts) >= 24 and not first & set(texts)
    for record in records:
        assert check_document(record) == [], record["id"]
        assert record["text"] == texts[record["id"]]["text"]
        assert texts[record["id"]]["meta"]["split"] == "dev"


DEV3 = REPO / "annotations" / "source" / "dev3_documents.jsonl"


def test_third_dev_gold_is_valid_from_its_documents_and_shares_none_with_any_other_gold():
    texts = {d["id"]: d for d in read(DEV3)}
    others = {d["id"] for d in read(DOCUMENTS)} | {d["id"] for d in read(DEV2)}
    others |= {d["id"] for d in read(REPO / "annotations" / "source" / "legacy_documents.jsonl")}
    records = read(GOLD / "dev3.jsonl")
    assert len(records) == len(texts) >= 30 and not others & set(texts)
    assert sum(1 for d in texts.values() if d["meta"]["corpus"] == "ctgov_legacy_xml") >= 10
    for record in records:
        assert check_document(record) == [], record["id"]
        assert record["text"] == texts[record["id"]]["text"]
        assert texts[record["id"]]["meta"]["split"] == "dev"


DEV4 = REPO / "annotations" / "source" / "dev4_documents.jsonl"


def test_fourth_dev_gold_is_valid_from_its_documents_and_shares_none_with_any_other_gold():
    texts = {d["id"]: d for d in read(DEV4)}
    others = {d["id"] for d in read(DOCUMENTS)} | {d["id"] for d in read(DEV2)} | {d["id"] for d in read(DEV3)}
    others |= {d["id"] for d in read(REPO / "annotations" / "source" / "legacy_documents.jsonl")}
    records = read(GOLD / "dev4.jsonl")
    assert len(records) == len(texts) >= 30 and not others & set(texts)
    for record in records:
        assert check_document(record) == [], record["id"]
        assert record["text"] == texts[record["id"]]["text"]
        assert texts[record["id"]]["meta"]["split"] == "dev"


DEV5 = REPO / "annotations" / "source" / "dev5_documents.jsonl"


def test_fifth_dev_gold_is_valid_from_its_documents_and_shares_none_with_any_other_gold():
    texts = {d["id"]: d for d in read(DEV5)}
    others = {d["id"] for d in read(DOCUMENTS)} | {d["id"] for d in read(DEV2)} | {d["id"] for d in read(DEV3)}
    others |= {d["id"] for d in read(DEV4)}
    others |= {d["id"] for d in read(REPO / "annotations" / "source" / "legacy_documents.jsonl")}
    records = read(GOLD / "dev5.jsonl")
    assert len(records) == len(texts) >= 30 and not others & set(texts)
    assert sum(1 for d in texts.values() if d["meta"]["corpus"] == "ctgov_legacy_xml") >= 10
    for record in records:
        assert check_document(record) == [], record["id"]
        assert record["text"] == texts[record["id"]]["text"]
        assert texts[record["id"]]["meta"]["split"] == "dev"
