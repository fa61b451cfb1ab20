"""Helper for hand annotation: spans are listed by hand; this only computes occurrences."""
import json, re, sys
DOCS = {}
for line in open('/work/wt/dev3/annotations/source/dev3_documents.jsonl', encoding='utf-8'):
    d = json.loads(line); DOCS[d['id']] = d

class Doc:
    def __init__(self, doc_id):
        self.id = doc_id
        self.text = DOCS[doc_id]['text']
        self.spans = []
        self.offsets = []

    def _pos(self, quote, ctx, n):
        t = self.text
        ctx = ctx or quote
        p = -1
        for _ in range(n + 1):
            p = t.find(ctx, p + 1)
            if p < 0:
                raise ValueError(f'{self.id}: context {ctx!r} #{n} not found')
        q = t.find(quote, p)
        if q < 0 or q > p + len(ctx):
            raise ValueError(f'{self.id}: quote {quote!r} not in context {ctx!r}')
        return q

    def add(self, label, quote, ctx=None, n=0, **attrs):
        start = self._pos(quote, ctx, n)
        occ, p = 0, -1
        while True:
            p = self.text.find(quote, p + 1)
            if p < 0 or p >= start:
                break
            occ += 1
        key = (label, start, start + len(quote))
        if key in self.offsets:
            raise ValueError(f'duplicate span {key} {quote!r}')
        self.offsets.append(key)
        a = {'negated': attrs.pop('negated', False)}
        a.update(attrs)
        self.spans.append({'label': label, 'quote': quote, 'occurrence': occ, 'attrs': a})

    def drug(self, quote, norm, kind='agent', ctx=None, n=0, neg=False):
        self.add('DRUG', quote, ctx, n, negated=neg, normalized=norm, kind=kind, drugbank_id=None)

    def ep(self, quote, canon, abbr=None, ctx=None, n=0, neg=False):
        self.add('ENDPOINT', quote, ctx, n, negated=neg, canonical=canon, abbreviation=abbr)

    def tf(self, quote, value, kind='duration', vmax=None, ctx=None, n=0):
        self.add('TIMEFRAME', quote, ctx, n, negated=False, kind=kind, value=value, value_max=vmax)

    def rd(self, quote, dose, dkind, fr=None, total=None, ctx=None, n=0, neg=False):
        self.add('RADIATION_DOSE', quote, ctx, n, negated=neg, dose_gy=dose, dose_kind=dkind, fractions=fr, total_gy=total)

    def crit(self, quote, section, neg=False, ctx=None, n=0):
        req = {('inclusion', False): 'present', ('inclusion', True): 'absent',
               ('exclusion', False): 'absent', ('exclusion', True): 'present'}[(section, neg)]
        self.add('CRITERION', quote, ctx, n, negated=neg, section=section, requires=req)

    def check(self):
        # no two spans of one label overlap
        by = {}
        for lab, s, e in self.offsets:
            by.setdefault(lab, []).append((s, e))
        for lab, lst in by.items():
            lst.sort()
            for (s1, e1), (s2, e2) in zip(lst, lst[1:]):
                if s2 < e1:
                    raise ValueError(f'{self.id}: overlapping {lab} {self.text[s1:e1]!r} / {self.text[s2:e2]!r}')

    def write(self):
        self.check()
        with open(f'/work/wt/dev3/annotations/work_dev3_a3/{self.id}.json', 'w', encoding='utf-8') as h:
            h.write(json.dumps({'id': self.id, 'spans': self.spans}, ensure_ascii=False) + '\n')
        from collections import Counter
        print(self.id, dict(Counter(s['label'] for s in self.spans)))

def lines(doc_id, start_marker, end_marker=None, sep='\n'):
    t = DOCS[doc_id]['text']
    i = t.find(start_marker)
    j = t.find(end_marker, i) if end_marker else len(t)
    for k, ln in enumerate(t[i:j].split(sep)):
        if ln.strip():
            print(k, repr(ln))
