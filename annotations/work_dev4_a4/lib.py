import json
DOCS = {d['id']: d for d in map(json.loads, open('/work/wt/dev4/annotations/source/dev4_documents.jsonl'))}

def finds(text, s):
    out, i = [], -1
    while True:
        i = text.find(s, i + 1)
        if i < 0: return out
        out.append(i)

class Doc:
    def __init__(self, id):
        self.id = id; self.text = DOCS[id]['text']; self.spans = []
    def _add(self, label, quote, ctx, k, attrs):
        t = self.text
        ctx = ctx or quote
        cs = finds(t, ctx)
        assert len(cs) > k, (self.id, ctx, len(cs))
        c = cs[k]
        j = t.find(quote, c)
        assert 0 <= j and j + len(quote) <= c + len(ctx), (self.id, quote, ctx)
        occ = finds(t, quote).index(j)
        self.spans.append({'label': label, 'quote': quote, 'occurrence': occ, 'attrs': attrs, '_start': j})
    def D(self, q, norm, kind='agent', neg=False, ctx=None, k=0):
        self._add('DRUG', q, ctx, k, {'negated': neg, 'normalized': norm, 'kind': kind, 'drugbank_id': None})
    def E(self, q, canon, abbr=None, neg=False, ctx=None, k=0):
        self._add('ENDPOINT', q, ctx, k, {'negated': neg, 'canonical': canon, 'abbreviation': abbr})
    def T(self, q, kind, value, vmax=None, ctx=None, k=0):
        self._add('TIMEFRAME', q, ctx, k, {'negated': False, 'kind': kind, 'value': value, 'value_max': vmax})
    def R(self, q, dose, dk, fr, tot, neg=False, ctx=None, k=0):
        self._add('RADIATION_DOSE', q, ctx, k, {'negated': neg, 'dose_gy': dose, 'dose_kind': dk, 'fractions': fr, 'total_gy': tot})
    def C(self, q, section, neg=False, k=0):
        req = {('inclusion', False): 'present', ('inclusion', True): 'absent', ('exclusion', False): 'absent', ('exclusion', True): 'present'}[(section, neg)]
        self._add('CRITERION', q, None, k, {'negated': neg, 'section': section, 'requires': req})
    def done(self):
        # check overlaps per label and duplicates
        by = {}
        for s in self.spans:
            by.setdefault(s['label'], []).append((s['_start'], s['_start'] + len(s['quote']), s['quote']))
        for lab, L in by.items():
            L.sort()
            for a, b in zip(L, L[1:]):
                assert b[0] >= a[1], (self.id, lab, a, b)
        spans = sorted(self.spans, key=lambda s: s['_start'])
        for s in spans: del s['_start']
        json.dump({'id': self.id, 'spans': spans}, open(f'{self.id}.json', 'w'), ensure_ascii=False)
        from collections import Counter
        print(self.id, dict(Counter(s['label'] for s in spans)))
