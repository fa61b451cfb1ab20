import json, runpy
files = ['d1_NCT05192512.py','d2_NCT05320874.py','d3_NCT02239601.py','d4_NCT00429507.py','d5_NCT00009789.py','d6_NCT00001402.py']
with open('/work/wt/dev5/annotations/raw/dev5_a3.jsonl','w') as f:
    for fn in files:
        d = runpy.run_path(fn)['d']
        f.write(json.dumps(d.out(), ensure_ascii=False) + '\n')
