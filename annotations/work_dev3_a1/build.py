import json, importlib, collections
IDS = ['NCT07134413', 'NCT06823401', 'NCT04797390', 'NCT01217385', 'NCT00499057', 'NCT00008528']
tot = collections.Counter()
with open('/work/wt/dev3/annotations/raw/dev3_a1.jsonl', 'w', encoding='utf-8') as out:
    for i in IDS:
        m = importlib.import_module('doc_' + i)
        c = m.d.check(); tot.update(c)
        print(i, c)
        out.write(json.dumps(m.d.record(), ensure_ascii=False) + '\n')
print('total', dict(tot), sum(tot.values()))
