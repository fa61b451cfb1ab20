import json,sys,re
pat=sys.argv[1]
files=['../gold/dev.jsonl','../gold/dev2.jsonl','../gold/dev3.jsonl','../gold/test.jsonl','../gold/legacy/dev.jsonl','../gold/legacy/test.jsonl']
for f in files:
    for l in open(f):
        d=json.loads(l);t=d['text']
        for s in d['spans']:
            if s['label']=='CRITERION' and re.search(pat,t[s['start']:s['end']],flags=re.I):
                print(d['id'],repr(t[s['start']:s['end']][:200]),s['attrs'])
