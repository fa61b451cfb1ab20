import json,re,sys
pat=re.compile(sys.argv[1],re.I)
for f in ['dev','dev2','dev3','test']:
    for l in open(f'/work/wt/dev4/annotations/gold/{f}.jsonl'):
        d=json.loads(l)
        for m in pat.finditer(d['text']):
            sp=[ (s['label'],s['text'][:90],{k:v for k,v in s['attrs'].items() if k not in('drugbank_id','abbreviation')}) for s in d['spans'] if s['start']<m.end() and s['end']>m.start()]
            print(f,d['id'],repr(m.group()),sp,'|',d['text'][max(0,m.start()-50):m.end()+30].replace('\n','⏎'))
