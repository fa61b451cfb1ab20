import sys, json; sys.path.insert(0, '.')
from collections import Counter
ids = 'NCT04711252 NCT00193206 NCT00429507 NCT00496652 NCT00000818 NCT00001402'.split()
out = open('/work/wt/dev5/annotations/raw/dev5_second_pass.jsonl', 'w')
tot = Counter()
for m in ids:
    r = __import__(m).REC
    c = Counter(s['label'] for s in r['spans']); tot += c
    print(m, dict(sorted(c.items())))
    out.write(json.dumps(r, ensure_ascii=False) + '\n')
out.close(); print('TOTAL', dict(sorted(tot.items())), sum(tot.values()))
