import json,re
DOCS={}
for l in open('/work/wt/dev4/annotations/source/dev4_documents.jsonl'):
    d=json.loads(l); DOCS[d['id']]=d

def occ_index(text,quote,start):
    n=0;p=-1
    while True:
        p=text.find(quote,p+1)
        if p<0: raise ValueError('not found')
        if p==start: return n
        n+=1

class Doc:
    def __init__(self,id):
        self.id=id; self.text=DOCS[id]['text']; self.spans=[]
    def _add(self,label,start,quote,attrs):
        assert self.text[start:start+len(quote)]==quote
        a=dict(attrs)
        self.spans.append(dict(label=label,quote=quote,start=start,attrs=a))
    def at(self,label,quote,anchor=None,k=0,**attrs):
        t=self.text
        if anchor is None:
            c=[m.start() for m in re.finditer('(?='+re.escape(quote)+')',t)]
            assert len(c)==1,(self.id,quote,len(c))
            s=c[0]
        else:
            c=[m.start() for m in re.finditer('(?='+re.escape(anchor)+')',t)]
            assert len(c)==1,(self.id,anchor,len(c))
            i=-1
            for _ in range(k+1):
                i=anchor.find(quote,i+1); assert i>=0,(anchor,quote)
            s=c[0]+i
        self._add(label,s,quote,attrs)
    def allw(self,label,quote,flags=0,skip=(),**attrs):
        ms=list(re.finditer(r'(?<![\w-])'+re.escape(quote)+r'(?![\w-])',self.text,flags))
        for j,m in enumerate(ms):
            if j in skip: continue
            self._add(label,m.start(),m.group(),attrs)
        return len(ms)
    # label helpers
    def drug(self,q,norm,kind='agent',neg=False,anchor=None,k=0):
        self.at('DRUG',q,anchor,k,negated=neg,normalized=norm,kind=kind,drugbank_id=None)
    def ep(self,q,can,abbr=None,anchor=None,k=0,neg=False):
        self.at('ENDPOINT',q,anchor,k,negated=neg,canonical=can,abbreviation=abbr)
    def tf(self,q,kind,val,vmax=None,anchor=None,k=0):
        self.at('TIMEFRAME',q,anchor,k,negated=False,kind=kind,value=val,value_max=vmax)
    def rd(self,q,dose,dk,fr,tot,anchor=None,k=0,neg=False):
        self.at('RADIATION_DOSE',q,anchor,k,negated=neg,dose_gy=dose,dose_kind=dk,fractions=fr,total_gy=tot)
    def cr(self,q,sec,neg):
        req={('inclusion',False):'present',('inclusion',True):'absent',('exclusion',False):'absent',('exclusion',True):'present'}[(sec,neg)]
        # criterion: must be unique or anchored by itself
        c=[m.start() for m in re.finditer('(?='+re.escape(q)+')',self.text)]
        assert len(c)>=1,(self.id,q)
        if len(c)>1: print('WARN multiple crit occurrences',self.id,q[:50],len(c))
        self._add('CRITERION',c[0],q,dict(negated=neg,section=sec,requires=req))
    def out(self):
        t=self.text
        res=[]
        for s in sorted(self.spans,key=lambda s:(s['start'],len(s['quote']))):
            res.append(dict(label=s['label'],quote=s['quote'],occurrence=occ_index(t,s['quote'],s['start']),attrs=s['attrs']))
        # overlap check
        by={}
        for s in self.spans: by.setdefault(s['label'],[]).append((s['start'],s['start']+len(s['quote']),s['quote']))
        for lab,l in by.items():
            l.sort()
            for a,b in zip(l,l[1:]):
                if b[0]<a[1]: print('OVERLAP',self.id,lab,a,b)
        return {'id':self.id,'spans':res}
