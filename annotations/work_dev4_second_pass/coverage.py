"""List eligibility lines (split on newline and ~) that no CRITERION span covers."""
import json, re
docs = {json.loads(l)["id"]: json.loads(l) for l in open("/work/wt/dev4/annotations/source/dev4_documents.jsonl")}
import sys
sys.path.insert(0, ".")
from helper import occ_of
for l in open("/work/wt/dev4/annotations/raw/dev4_second_pass.jsonl"):
    a = json.loads(l); t = docs[a["id"]]["text"]
    covered = []
    for s in a["spans"]:
        if s["label"] == "CRITERION":
            st = -1
            for _ in range(s["occurrence"] + 1):
                st = t.find(s["quote"], st + 1)
            covered.append((st, st + len(s["quote"])))
    e = t.find("\nEligibility\n")
    stop = t.find("\nOutcome Measurement:")
    stop = len(t) if stop < 0 else stop
    pos = e + 13
    for seg in re.finditer(r"[^\n~]+", t[pos:stop]):
        a0, b0 = pos + seg.start(), pos + seg.end()
        txt = seg.group().strip()
        if not txt: continue
        if not any(x <= a0 + len(seg.group()) - len(seg.group().lstrip()) and y >= a0 for x, y in covered) and not any(x >= a0 and y <= b0 for x, y in covered):
            print(a["id"], "UNCOVERED:", repr(txt[:100]))
