"""Helper: spans listed in document order; each located from a cursor, occurrence computed."""
import json
DOCS = {json.loads(l)['id']: json.loads(l) for l in open('/work/wt/dev3/annotations/source/dev3_documents.jsonl')}

def occ_of(text, quote, pos):
    n, s = 0, -1
    while True:
        s = text.find(quote, s + 1)
        if s < 0 or s >= pos: return n
        n += 1

class Doc:
    def __init__(self, id):
        self.id = id; self.text = DOCS[id]['text']; self.cur = 0; self.spans = []
    def add(self, label, quote, attrs, ctx=None, jump=None):
        """Find ctx (default quote) at or after cursor; the span is quote inside ctx."""
        if jump: self.cur = self.text.index(jump, self.cur)
        ctx = ctx or quote
        start = self.cur
        while True:
            i = self.text.index(ctx, start)
            p = i + ctx.index(quote)
            if not any(x['_pos'] == p and x['label'] == label for x in self.spans): break
            start = i + 1
        self.cur = p
        self.spans.append({'label': label, 'quote': quote, 'occurrence': occ_of(self.text, quote, p), 'attrs': attrs, '_pos': p})
    def D(self, q, norm, kind='agent', neg=False, **k): self.add('DRUG', q, {'negated': neg, 'normalized': norm, 'kind': kind, 'drugbank_id': None}, **k)
    def E(self, q, canon, abbr=None, neg=False, **k): self.add('ENDPOINT', q, {'negated': neg, 'canonical': canon, 'abbreviation': abbr}, **k)
    def T(self, q, kind, value, vmax=None, **k): self.add('TIMEFRAME', q, {'negated': False, 'kind': kind, 'value': value, 'value_max': vmax}, **k)
    def R(self, q, dose, dkind, fr, tot, neg=False, **k): self.add('RADIATION_DOSE', q, {'negated': neg, 'dose_gy': dose, 'dose_kind': dkind, 'fractions': fr, 'total_gy': tot}, **k)
    def C(self, q, section, neg=False, **k):
        req = {('inclusion', False): 'present', ('inclusion', True): 'absent', ('exclusion', False): 'absent', ('exclusion', True): 'present'}[(section, neg)]
        # criterion must be a whole line (or ~-separated item)
        self.add('CRITERION', q, {'negated': neg, 'section': section, 'requires': req}, **k)
    def out(self):
        t = self.text
        for s in self.spans:
            p = s.pop('_pos'); assert t[p:p+len(s['quote'])] == s['quote']
            assert occ_of(t, s['quote'], p) == s['occurrence']
        # no overlaps within a label
        bylab = {}
        for s in self.spans:
            p = [m for m in range(len(t)) if t.startswith(s['quote'], m)][s['occurrence']]
            bylab.setdefault(s['label'], []).append((p, p + len(s['quote']), s['quote']))
        for lab, v in bylab.items():
            v.sort()
            for a, b in zip(v, v[1:]):
                assert a[1] <= b[0], (self.id, lab, a, b)
        return {'id': self.id, 'spans': self.spans}
