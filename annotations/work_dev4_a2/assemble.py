import importlib, json, sys
from collections import Counter
sys.path.insert(0, ".")
mods = ["d1_NCT05426668", "d2_NCT05120349", "d3_NCT05135052", "d4_NCT00373256", "d5_NCT00003566", "d6_NCT00000534"]
tot = Counter()
with open("/work/wt/dev4/annotations/raw/dev4_a2.jsonl", "w", encoding="utf-8") as f:
    for name in mods:
        m = importlib.import_module(name)
        f.write(json.dumps(m.rec, ensure_ascii=False) + "\n")
        c = Counter(s["label"] for s in m.rec["spans"]); tot += c
        print(m.ID, dict(c))
print("total", dict(tot), sum(tot.values()))
