import importlib,json,collections
mods=['d1_NCT04991129','d2_NCT04887870','d3_NCT00063570','d4_NCT02694029','d5_NCT00002362','d6_NCT00005254']
cnt=collections.Counter(); per={}
with open('/work/wt/dev4/annotations/raw/dev4_a5.jsonl','w') as f:
    for m in mods:
        o=importlib.import_module(m).d.out()
        f.write(json.dumps(o,ensure_ascii=False)+'\n')
        c=collections.Counter(s['label'] for s in o['spans']); per[o['id']]=c; cnt.update(c)
for k,v in per.items(): print(k,dict(v))
print('total',dict(cnt),sum(cnt.values()))
