import json, importlib, contextlib, io, collections
mods = ['d1_NCT04969731', 'd2_NCT04862663', 'd3_NCT00193206', 'd4_NCT00232479', 'd5_NCT00002537', 'd6_NCT00006035']
out = []
tot = collections.Counter()
for m in mods:
    with contextlib.redirect_stdout(io.StringIO()):
        mod = importlib.import_module(m)
    rec = mod.d.out(); out.append(rec)
    c = collections.Counter(s['label'] for s in rec['spans']); tot.update(c)
    print(rec['id'], dict(sorted(c.items())))
print('TOTAL', dict(sorted(tot.items())), sum(tot.values()))
with open('/work/wt/dev5/annotations/raw/dev5_a2.jsonl', 'w') as f:
    for r in out: f.write(json.dumps(r, ensure_ascii=False) + '\n')
