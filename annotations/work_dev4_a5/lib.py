import json
DOCS={}
for l in open('/work/wt/dev4/annotations/source/dev4_documents.jsonl'):
    d=json.loads(l); DOCS[d['id']]=d['text']

def occ_index(text,quote,pos):
    n=0;s=-1
    while True:
        s=text.find(quote,s+1)
        if s<0 or s>=pos: break
        n+=1
    return n

class Doc:
    def __init__(self,id):
        self.id=id; self.t=DOCS[id]; self.spans=[]; self.pos=[]
    def add(self,label,quote,attrs,anchor=None,nth=0):
        t=self.t
        if anchor is None: anchor=quote
        a=-1
        for _ in range(nth+1):
            a=t.find(anchor,a+1)
            assert a>=0,(self.id,anchor,nth)
        p=t.find(quote,a)
        assert p>=0 and p<a+len(anchor),(self.id,quote,anchor)
        self.spans.append({"label":label,"quote":quote,"occurrence":occ_index(t,quote,p),"attrs":attrs})
        self.pos.append((p,p+len(quote)))
    def all(self,label,quote,attrs):
        s=-1;k=0
        while True:
            s=self.t.find(quote,s+1)
            if s<0: break
            self.add(label,quote,dict(attrs),quote,k); k+=1
        assert k>0,quote
        return k
    def out(self):
        # overlap check per label
        by={}
        for sp,(a,b) in zip(self.spans,self.pos):
            by.setdefault(sp['label'],[]).append((a,b,sp['quote']))
        for lab,L in by.items():
            L.sort()
            for x,y in zip(L,L[1:]):
                assert y[0]>=x[1],('overlap',self.id,lab,x,y)
            assert len(set((a,b) for a,b,_ in L))==len(L),('dup',self.id,lab)
        order=sorted(range(len(self.spans)),key=lambda i:self.pos[i])
        return {"id":self.id,"spans":[self.spans[i] for i in order]}

def drug(norm,kind='agent',neg=False): return {"negated":neg,"normalized":norm,"kind":kind,"drugbank_id":None}
def ep(can,ab=None,neg=False): return {"negated":neg,"canonical":can,"abbreviation":ab}
def tf(kind,val,vmax=None): return {"negated":False,"kind":kind,"value":val,"value_max":vmax}
def rd(dose,kind,fr,tot,neg=False): return {"negated":neg,"dose_gy":dose,"dose_kind":kind,"fractions":fr,"total_gy":tot}
def crit(section,neg):
    req={('inclusion',False):'present',('inclusion',True):'absent',('exclusion',False):'absent',('exclusion',True):'present'}[(section,neg)]
    return {"negated":neg,"section":section,"requires":req}
