import json
ids = "NCT05209256 NCT04960709 NCT01351376 NCT03374995 NCT00000748 NCT00004286".split()
with open('/work/wt/dev3/annotations/raw/dev3_a5.jsonl', 'w') as out:
    for i in ids:
        out.write(json.dumps(json.load(open(f'{i}.json')), ensure_ascii=False) + "\n")
