import json, collections
out = []
counts = collections.Counter(); per = {}
for f in ['d1_NCT05061420.py', 'd2_NCT05133076.py', 'd3_NCT00981812.py', 'd4_NCT00916578.py', 'd5_NCT00000818.py', 'd6_NCT00005138.py']:
    g = {}
    exec(open(f).read(), g)
    d = g['d']
    out.append(d.out())
    c = collections.Counter(s['label'] for s in d.spans); per[d.id] = dict(c); counts.update(c)
with open('/work/wt/dev5/annotations/raw/dev5_a5.jsonl', 'w') as h:
    for o in out: h.write(json.dumps(o, ensure_ascii=False) + '\n')
for k, v in per.items(): print(k, v)
print('TOTAL', dict(counts), sum(counts.values()))
