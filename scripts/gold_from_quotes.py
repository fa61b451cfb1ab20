"""Turn quote-based annotations into gold in the contract's format, checking every span.

Usage: python scripts/gold_from_quotes.py ANNOTATION.jsonl... [--documents annotations/source/documents.jsonl]
                                          [--out-dir annotations/gold] [--name NAME]

Each annotation line is {"id", "spans": [{"label", "quote", "occurrence", "attrs"}]}. The text comes
from the documents file; a quote that does not occur (that often) is an error naming the document.
Without --name, documents go to dev.jsonl / test.jsonl by their meta.split; with --name they all go to
NAME.jsonl (used for second-pass annotations).
"""

import argparse
import json
import sys
from pathlib import Path

from trialspacy.contract import check_document


def locate(text: str, quote: str, occurrence: int) -> int:
    """Start offset of the ``occurrence``-th (0-based) appearance of ``quote`` in ``text``, or -1."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.find(quote, start + 1)
        if start < 0:
            return -1
    return start


def convert(doc: dict, annotation: dict) -> dict:
    """The contract dict of one annotated document; raises ValueError on a bad span."""
    text = doc["text"]
    spans = []
    for item in annotation["spans"]:
        quote = item["quote"]
        start = locate(text, quote, int(item.get("occurrence", 0)))
        if start < 0:
            raise ValueError(f"{doc['id']}: quote {quote!r} (occurrence {item.get('occurrence', 0)}) not in the text")
        attrs = dict(item.get("attrs") or {})
        attrs.setdefault("negated", False)
        spans.append({"start": start, "end": start + len(quote), "label": item["label"], "text": quote, "attrs": attrs})
    spans.sort(key=lambda s: (s["start"], s["end"], s["label"]))
    record = {"id": doc["id"], "text": text, "meta": dict(doc["meta"]), "spans": spans}
    problems = check_document(record)
    if problems:
        raise ValueError(f"{doc['id']}: " + "; ".join(problems[:5]))
    return record


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("annotations", nargs="+")
    parser.add_argument("--documents", default="annotations/source/documents.jsonl")
    parser.add_argument("--out-dir", default="annotations/gold")
    parser.add_argument("--name", default=None)
    args = parser.parse_args()
    docs = {d["id"]: d for d in map(json.loads, open(args.documents, encoding="utf-8"))}
    out: dict[str, list[dict]] = {}
    failed = 0
    for path in args.annotations:
        for n, line in enumerate(open(path, encoding="utf-8"), 1):
            if not line.strip():
                continue
            annotation = json.loads(line)
            try:
                record = convert(docs[annotation["id"]], annotation)
            except (KeyError, ValueError) as exc:
                print(f"error: {path}, line {n}: {exc}", file=sys.stderr)
                failed += 1
                continue
            out.setdefault(args.name or record["meta"]["split"], []).append(record)
    Path(args.out_dir).mkdir(parents=True, exist_ok=True)
    order = {doc_id: i for i, doc_id in enumerate(docs)}
    for name, records in out.items():
        records.sort(key=lambda r: order[r["id"]])
        with open(Path(args.out_dir) / f"{name}.jsonl", "w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"{len(records)} documents -> {Path(args.out_dir) / f'{name}.jsonl'}", file=sys.stderr)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
