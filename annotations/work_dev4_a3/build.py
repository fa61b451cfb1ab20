import json,importlib
ids='NCT06361927 NCT04853498 NCT01537029 NCT03167359 NCT00002938 NCT00003565'.split()
with open('/work/wt/dev4/annotations/raw/dev4_a3.jsonl','w') as f:
    for i in ids:
        m=importlib.import_module('d_'+i)
        f.write(json.dumps(m.OUT,ensure_ascii=False)+'\n')
