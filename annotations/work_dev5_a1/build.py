import importlib, json
ids = ["NCT04711252", "NCT05132582", "NCT00444535", "NCT01781299", "NCT00496652", "NCT00003210"]
from collections import Counter
tot = Counter()
with open("/work/wt/dev5/annotations/raw/dev5_a1.jsonl", "w") as f:
    for i in ids:
        o = importlib.import_module(i).d.out()
        c = Counter(s["label"] for s in o["spans"]); tot += c
        print(i, dict(c))
        f.write(json.dumps(o, ensure_ascii=False) + "\n")
print("total", dict(tot), sum(tot.values()))
