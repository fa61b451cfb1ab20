import json,sys,re,glob
pat=re.compile(sys.argv[1],re.I)
lab=sys.argv[2] if len(sys.argv)>2 else None
for f in ['dev','dev2','dev3','test']:
    for l in open(f'/work/wt/dev4/annotations/gold/{f}.jsonl'):
        d=json.loads(l)
        for s in d['spans']:
            if lab and s['label']!=lab: continue
            if pat.search(s['text']):
                ctx=d['text'][max(0,s['start']-60):s['end']+40].replace('\n','⏎')
                print(f,d['id'],s['label'],repr(s['text']),s['attrs'],'|',ctx[:220] if s['label']!='CRITERION' else '')
