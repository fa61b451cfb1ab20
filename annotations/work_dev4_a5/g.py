import json,sys,re
files=['dev.jsonl','dev2.jsonl','dev3.jsonl','test.jsonl']
pat=re.compile(sys.argv[1],re.I)
lab=sys.argv[2] if len(sys.argv)>2 else None
for f in files:
    for l in open('/work/wt/dev4/annotations/gold/'+f):
        d=json.loads(l)
        for s in d['spans']:
            if pat.search(s['text']) and (lab is None or s['label']==lab):
                print(f,d['id'],s['label'],repr(s['text'][:150]),{k:v for k,v in s['attrs'].items() if k!='drugbank_id'})
