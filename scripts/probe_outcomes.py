"""A distant check of ENDPOINT, TIMEFRAME and outcome pairing that needs no gold.

Registry records hold each outcome's measure, description and time frame in separate fields; the
pipeline sees them rendered as one outcome item (``measure, description, time frame``). This script
runs the pipeline on unannotated records (legacy XML records that have outcome fields, the API v2
studies, the AACT sample's studies with their ``design_outcomes``; gold documents and NCT numbers
divisible by 5, the CHIA/LCT TEST rule, and the documents drawn for annotation left out) and counts, per layout, each outcome item where
the pipeline disagrees with the fields:

- ``a: duration, no TIMEFRAME``: the time frame field holds a duration (a number with a time unit,
  not a study-calendar position such as ``Cycle 2 Day 1``) and no TIMEFRAME lies inside it;
  ``a: duration not covered``: a TIMEFRAME lies there, but one duration is outside every span;
- ``b: endpoint words, no ENDPOINT``: the measure holds a word of a named endpoint (survival,
  response rate, adverse events, toxicity, MTD...) and no ENDPOINT lies inside it (bare
  ``toxicity`` is no endpoint under the contract: most of these are right);
- ``c: span crosses item``: an ENDPOINT or TIMEFRAME span starts in one item and ends outside it;
  ``c: items != fields``: the document has another number of outcome items than outcomes;
- ``d: measures``, ``d: measure, no ENDPOINT``: the recall check on the measure titles; most
  measures without an ENDPOINT name no endpoint the contract covers (a scale, a laboratory value, a
  pharmacokinetic parameter), so the examples are for reading;
  ``d: endpoint name outside ENDPOINT``: a measure holds a form of a named endpoint (a survival, a
  time to an event, a recurrence, relapse or response rate, an interval, freedom from an event, an
  adverse event, a graded or timed toxicity) that no ENDPOINT covers: a missed name, or one tagged
  in part (bare ``survival`` and ``toxicity`` are not endpoints and are not counted);
- ``ENDPOINT outside items``: ENDPOINT spans outside every outcome item (for reading precision).

Counts go to stdout; ``--show CAUSE`` prints examples of one cause (``--limit`` of them).

Usage: python scripts/probe_outcomes.py [../shared/corpora] [--legacy 1150] [--show CAUSE] [--limit 30]
"""

import argparse
import gzip
import json
import random
import re
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from corpora_eval import REPO, add_corpora_argument

import trialspacy
from trialspacy.legacy_xml import legacy_study, parse_legacy_xml
from trialspacy.records import single_line

SEED = 15
LEGACY_ZIP = Path("ctgov_legacy_xml") / "AllPublicXML_6786.zip"
V2_STUDIES = Path("ctgov_samples") / "nsclcbench_ctg_studies.jsonl.gz"
AACT = Path("ctgov_samples")
OUTCOME_KEYS = ("primaryOutcomes", "secondaryOutcomes", "otherOutcomes")
_NUM = r"(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty)"
_UNIT = r"(?:minutes?|min|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?|y)"
DURATION = re.compile(rf"\b{_NUM}(?:\s*(?:-|to|–|and)\s*{_NUM})?[- ]?{_UNIT}\b", re.IGNORECASE)
# "Cycle 2 Day 1", "Day 1 of Cycle 2": the number belongs to a study-calendar position.
CALENDAR_BEFORE = re.compile(r"(?:cycle|day|week|month)s?\s*\d+\s*$", re.IGNORECASE)
CALENDAR_AFTER = re.compile(r"\s*\d")
ENDPOINT_WORDS = re.compile(
    r"\b(?:overall survival|progression[- ]free survival|disease[- ]free survival|event[- ]free survival|"
    r"re(?:currence|lapse)[- ]free survival|response rate|adverse events?|toxicit(?:y|ies)|dose[- ]limiting|"
    r"maximum tolerated dose|quality of life|time to progression|duration of response|complete response|"
    r"pathologic(?:al)? complete|local control|survival rate|disease control|objective response|"
    r"ORR|PFS|OS|DFS|EFS|DLT|MTD|AEs?|SAEs?|QoL)\b",
    re.IGNORECASE,
)

# The recall check's forms of named endpoints (see ``d: endpoint name outside ENDPOINT``).
ENDPOINT_NAMES = re.compile(
    r"\b(?:[\w-]+[- ]free (?:survival|interval)|(?:overall|cancer[- ]specific|disease[- ]specific) survival|"
    r"time to (?:first |the first )?(?:[\w-]+ ){0,2}?(?:progression|recurrence|relapse|failure|metastas[ie]s|"
    r"response|remission)|(?:recurrence|relapse|response|remission|control|survival) rates?|"
    r"rates? of (?:[\w-]+ )?(?:recurrence|relapse|response|remission)|freedom from [\w-]+(?: [\w-]+)?|"
    r"(?:serious )?adverse events?|(?:acute|late|chronic|grade \d\S*) (?:[\w-]+ )?toxicit(?:y|ies)|"
    r"quality of life|maximum tolerated dose|dose[- ]limiting toxicit(?:y|ies))\b",
    re.IGNORECASE,
)


def _nct_number(nct_id: str) -> int | None:
    digits = nct_id[3:]
    return int(digits) if nct_id.startswith("NCT") and digits.isdigit() else None


def gold_ids() -> set[str]:
    """The ids of every gold document and of every document drawn for annotation (only the ids are
    read)."""
    paths = [*(REPO / "annotations" / "gold").rglob("*.jsonl"), *(REPO / "annotations" / "source").glob("*.jsonl")]
    return {json.loads(line)["id"] for path in paths for line in path.open()}


def allowed(nct_id: str, gold: set[str]) -> bool:
    number = _nct_number(nct_id)
    return nct_id not in gold and number is not None and number % 5 != 0


def legacy_studies(corpora: Path, count: int, gold: set[str]) -> Iterator[dict[str, Any]]:
    """``count`` legacy records with outcome fields, drawn with a fixed seed."""
    with zipfile.ZipFile(corpora / LEGACY_ZIP) as archive:
        names = sorted(n for n in archive.namelist() if n.endswith(".xml"))
        random.Random(SEED).shuffle(names)
        taken = 0
        for name in names:
            if taken == count:
                return
            if not allowed(Path(name).stem, gold):
                continue
            data = archive.read(name)
            if b"<primary_outcome>" in data or b"<secondary_outcome>" in data:
                taken += 1
                yield legacy_study(parse_legacy_xml(data, name))


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        yield from (json.loads(line) for line in handle)


def aact_studies(corpora: Path, gold: set[str]) -> Iterator[dict[str, Any]]:
    """The AACT sample's studies as API v2 studies, outcomes from ``design_outcomes`` rows."""
    outcomes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in _jsonl(corpora / AACT / "ctrialsgov_tbl_join_sample_design.jsonl.gz"):
        outcomes[row["nct_id"]].append(row)
    interventions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in _jsonl(corpora / AACT / "ctrialsgov_tbl_join_sample_inter.jsonl.gz"):
        interventions[row["nct_id"]].append(row)
    for row in _jsonl(corpora / AACT / "ctrialsgov_tbl_join_sample_join.jsonl.gz"):
        nct_id = row["nct_id"]
        if nct_id not in outcomes or not allowed(nct_id, gold):
            continue
        module: dict[str, list[dict[str, Any]]] = {key: [] for key in OUTCOME_KEYS}
        for outcome in outcomes[nct_id]:
            key = {"primary": "primaryOutcomes", "secondary": "secondaryOutcomes"}.get(outcome["outcome_type"])
            module[key or "otherOutcomes"].append(
                {
                    "measure": outcome["measure"],
                    "description": outcome["description"],
                    "timeFrame": outcome["time_frame"],
                }
            )
        yield {
            "protocolSection": {
                "identificationModule": {"nctId": nct_id, "briefTitle": row["brief_title"]},
                "descriptionModule": {"briefSummary": row.get("description")},
                "conditionsModule": {"conditions": (row.get("conditions") or "").split("|")},
                "armsInterventionsModule": {
                    "interventions": [
                        {
                            "type": "_".join((i["intervention_type"] or "").upper().split()),
                            "name": i["name"].split(": ", 1)[-1],
                        }
                        for i in interventions[nct_id]
                    ]
                },
                "outcomesModule": module,
                "eligibilityModule": {"eligibilityCriteria": (row.get("criteria") or "").replace("~", "\n")},
            }
        }


def studies(corpora: Path, legacy: int) -> list[tuple[str, dict[str, Any]]]:
    gold = gold_ids()
    found = [("legacy XML", s) for s in legacy_studies(corpora, legacy, gold)]
    found += [
        ("API v2", s)
        for s in _jsonl(corpora / V2_STUDIES)
        if allowed(s["protocolSection"]["identificationModule"]["nctId"], gold)
    ]
    found += [("AACT rows", s) for s in aact_studies(corpora, gold)]
    return found


def outcome_fields(study: dict[str, Any]) -> list[list[str]]:
    """``measure, description, timeFrame`` of each outcome as rendered, the empty ones left out."""
    module = study["protocolSection"].get("outcomesModule") or {}
    fields = [
        [single_line(outcome.get(key)) for key in ("measure", "description", "timeFrame")]
        for key in OUTCOME_KEYS
        for outcome in module.get(key) or []
    ]
    return [f for f in fields if any(f)]


def field_offsets(start: int, fields: list[str]) -> list[tuple[int, int] | None]:
    """Where each field lies in its rendered item (fields joined by ``", "``)."""
    offsets: list[tuple[int, int] | None] = []
    for field in fields:
        offsets.append((start, start + len(field)) if field else None)
        start += len(field) + 2 if field else 0
    return offsets


def check(layout: str, doc: dict[str, Any], fields: list[list[str]], counts: Counter, examples: dict) -> None:
    text, spans, items = doc["text"], doc["spans"], doc["outcomes"]

    def inside(label: str, start: int, end: int) -> list[dict[str, Any]]:
        return [s for s in spans if s["label"] == label and start <= s["start"] and s["end"] <= end]

    if len(items) != len(fields):
        counts[layout, "c: items != fields"] += 1
        examples["c: items != fields"].append((doc["id"], len(items), len(fields)))
        return
    for item, parts in zip(items, fields):
        counts[layout, "items"] += 1
        for s in spans:
            crosses = s["start"] < item["end"] and s["end"] > item["start"]
            if (
                s["label"] in ("ENDPOINT", "TIMEFRAME")
                and crosses
                and not item["start"] <= s["start"] < s["end"] <= item["end"]
            ):
                counts[layout, "c: span crosses item"] += 1
                examples["c: span crosses item"].append((doc["id"], s["text"]))
        measure, _, time_frame = field_offsets(item["start"], parts)
        if time_frame:
            field = text[time_frame[0] : time_frame[1]]
            timeframes = inside("TIMEFRAME", *time_frame)
            durations = [
                m
                for m in DURATION.finditer(field)
                if not CALENDAR_BEFORE.search(field, 0, m.start()) and not CALENDAR_AFTER.match(field, m.end())
            ]
            if durations and not timeframes:
                counts[layout, "a: duration, no TIMEFRAME"] += 1
                examples["a: duration, no TIMEFRAME"].append((doc["id"], field))
            for m in durations if timeframes else []:
                start, end = time_frame[0] + m.start(), time_frame[0] + m.end()
                if not any(s["start"] < end and start < s["end"] for s in timeframes):
                    counts[layout, "a: duration not covered"] += 1
                    examples["a: duration not covered"].append((doc["id"], m.group(), field))
        if measure:
            field = text[measure[0] : measure[1]]
            endpoints = inside("ENDPOINT", *measure)
            words = ENDPOINT_WORDS.search(field)
            if words and not endpoints:
                counts[layout, "b: endpoint words, no ENDPOINT"] += 1
                examples["b: endpoint words, no ENDPOINT"].append((doc["id"], words.group(), field))
            counts[layout, "d: measures"] += 1
            if not endpoints:
                counts[layout, "d: measure, no ENDPOINT"] += 1
                examples["d: measure, no ENDPOINT"].append((doc["id"], field))
            for name in ENDPOINT_NAMES.finditer(field):
                start, end = measure[0] + name.start(), measure[0] + name.end()
                if not any(s["start"] < end and start < s["end"] for s in endpoints):
                    counts[layout, "d: endpoint name outside ENDPOINT"] += 1
                    examples["d: endpoint name outside ENDPOINT"].append((doc["id"], name.group(), field))
                    break
    for s in spans:
        if s["label"] == "ENDPOINT" and not any(o["start"] <= s["start"] and s["end"] <= o["end"] for o in items):
            counts[layout, "ENDPOINT outside items"] += 1
            context = text[max(0, s["start"] - 80) : s["end"] + 50].replace("\n", " / ")
            examples["ENDPOINT outside items"].append((doc["id"], s["text"], s["attrs"]["canonical"], context))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_corpora_argument(parser)
    parser.add_argument("--legacy", type=int, default=1150, help="legacy XML records with outcomes (default: 1150)")
    parser.add_argument("--show", help="print examples of this cause")
    parser.add_argument("--limit", type=int, default=30, help="examples to print (default: 30)")
    args = parser.parse_args()
    found = studies(args.corpora, args.legacy)
    counts: Counter = Counter()
    examples: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    nlp = trialspacy.load()
    documents = trialspacy.extract([study for _, study in found], nlp=nlp)
    for (layout, study), doc in zip(found, documents):
        counts[layout, "records"] += 1
        check(layout, dict(doc), outcome_fields(study), counts, examples)
    for layout, cause in sorted(counts):
        print(f"{layout}\t{cause}\t{counts[layout, cause]}")
    if args.show:
        shown = examples[args.show]
        random.Random(SEED).shuffle(shown)
        for example in shown[: args.limit]:
            print(example)


if __name__ == "__main__":
    main()
