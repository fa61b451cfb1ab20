import json,sys,re
pat=re.compile(sys.argv[1],re.I)
lab=sys.argv[2] if len(sys.argv)>2 else None
for f in ['gold/dev.jsonl','gold/dev2.jsonl','gold/dev3.jsonl','gold/dev4.jsonl']:
    for l in open(f):
        d=json.loads(l)
        for s in d['spans']:
            if lab and s['label']!=lab: continue
            if pat.search(s['text']):
                t=d['text']; ctx=t[max(0,s['start']-40):s['end']+30].replace('\n',' ')
                print(f[5:9],d['id'],s['label'],repr(s['text']),json.dumps(s['attrs']),'|',ctx)
