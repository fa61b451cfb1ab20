import importlib, json, sys
sys.path.insert(0, ".")
mods = ["d1_NCT05047536", "d2_NCT04952753", "d3_NCT00577122", "d4_NCT01581619", "d5_NCT00492518", "d6_NCT00004382"]
with open("/work/wt/dev5/annotations/raw/dev5_a4.jsonl", "w") as f:
    for m in mods:
        r = importlib.import_module(m).RECORD
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
        from collections import Counter
        print(r["id"], dict(Counter(s["label"] for s in r["spans"])))
