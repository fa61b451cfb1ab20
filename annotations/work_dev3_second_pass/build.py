import json, importlib
mods = ['d1_NCT06924710', 'd2_NCT05375461', 'd3_NCT01351376', 'd4_NCT01448447', 'd5_NCT00499057', 'd6_NCT00000854']
with open('/work/wt/dev3/annotations/raw/dev3_second_pass.jsonl', 'w') as f:
    for m in mods:
        r = importlib.import_module(m).d.out()
        f.write(json.dumps(r, ensure_ascii=False) + '\n')
