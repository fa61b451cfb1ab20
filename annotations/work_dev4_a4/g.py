import json,sys,glob,re
pat=sys.argv[1]
files=['../gold/dev.jsonl','../gold/dev2.jsonl','../gold/dev3.jsonl','../gold/test.jsonl','../gold/legacy/dev.jsonl','../gold/legacy/test.jsonl']
for f in files:
    for l in open(f):
        d=json.loads(l);t=d['text']
        for m in re.finditer(pat,t,flags=re.I):
            a,b=m.start(),m.end()
            ov=[(s['label'],t[s['start']:s['end']][:80],{k:v for k,v in s['attrs'].items() if k not in('drugbank_id','abbreviation')}) for s in d['spans'] if s['start']<b+30 and s['end']>a-30 and s['label']!='CRITERION']
            print(f.split('/')[-2:],d['id'],repr(t[max(0,a-60):b+60]));
            for o in ov: print('    ',o)
