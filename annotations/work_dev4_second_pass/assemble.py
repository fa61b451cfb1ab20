import json
ids = "NCT05426668 NCT04869488 NCT00063570 NCT03167359 NCT00003417 NCT00003441".split()
with open("/work/wt/dev4/annotations/raw/dev4_second_pass.jsonl", "w", encoding="utf-8") as out:
    for i in ids:
        out.write(json.dumps(json.load(open(f"{i}.json", encoding="utf-8")), ensure_ascii=False) + "\n")
