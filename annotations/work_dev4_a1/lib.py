import json, re
DOCS = {}
for l in open('/work/wt/dev4/annotations/source/dev4_documents.jsonl'):
    d = json.loads(l); DOCS[d['id']] = d['text']

def occ_before(text, quote, start):
    n, p = 0, -1
    while True:
        p = text.find(quote, p + 1)
        if p < 0 or p >= start: return n
        n += 1

class Doc:
    def __init__(self, id):
        self.id = id; self.text = DOCS[id]; self.spans = []
    def add(self, label, quote, attrs, anchor=None, n=0):
        t = self.text; anchor = anchor or quote
        p = -1
        for _ in range(n + 1):
            p = t.find(anchor, p + 1)
            assert p >= 0, (self.id, anchor, n)
        s = p + anchor.index(quote)
        self.spans.append((s, s + len(quote), label, quote, attrs))
    def drug(self, q, norm, kind='agent', neg=False, anchor=None, n=0):
        self.add('DRUG', q, {'negated': neg, 'normalized': norm, 'kind': kind, 'drugbank_id': None}, anchor, n)
    def ep(self, q, canon, abbr=None, neg=False, anchor=None, n=0):
        self.add('ENDPOINT', q, {'negated': neg, 'canonical': canon, 'abbreviation': abbr}, anchor, n)
    def tf(self, q, kind, value, vmax=None, anchor=None, n=0):
        self.add('TIMEFRAME', q, {'negated': False, 'kind': kind, 'value': value, 'value_max': vmax}, anchor, n)
    def rd(self, q, dose, dk, fr, tot, anchor=None, n=0):
        self.add('RADIATION_DOSE', q, {'negated': False, 'dose_gy': dose, 'dose_kind': dk, 'fractions': fr, 'total_gy': tot}, anchor, n)
    def crit(self, q, section, neg, anchor=None, n=0):
        req = {('inclusion', False): 'present', ('inclusion', True): 'absent', ('exclusion', False): 'absent', ('exclusion', True): 'present'}[(section, neg)]
        self.add('CRITERION', q, {'negated': neg, 'section': section, 'requires': req}, anchor, n)
    def record(self):
        self.spans.sort()
        seen = set(); out = []
        by = {}
        for s, e, lab, q, a in self.spans:
            assert (s, e, lab) not in seen, (self.id, q); seen.add((s, e, lab))
            for s2, e2 in by.get(lab, []):
                assert e <= s2 or e2 <= s, ('overlap', self.id, lab, q)
            by.setdefault(lab, []).append((s, e))
            out.append({'label': lab, 'quote': q, 'occurrence': occ_before(self.text, q, s), 'attrs': a})
        return {'id': self.id, 'spans': out}
