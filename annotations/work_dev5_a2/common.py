import json, re
DOCS = {}
for l in open('/work/wt/dev5/annotations/source/dev5_documents.jsonl'):
    d = json.loads(l); DOCS[d['id']] = d['text']

def occ_index(text, quote, pos):
    n = 0; i = text.find(quote)
    while i != -1 and i < pos:
        n += 1; i = text.find(quote, i + 1)
    assert i == pos, (quote, pos)
    return n

def locate(text, quote, ctx=None, nth=None):
    explicit = nth is not None; nth = nth or 0
    ctx = ctx or quote
    starts = [m.start() for m in re.finditer('(?=' + re.escape(ctx) + ')', text)]
    assert len(starts) > nth, ('ctx not found', ctx, nth)
    if not explicit:
        assert len(starts) == 1, ('ctx not unique', ctx, len(starts))
    off = ctx.find(quote); assert off >= 0, (quote, ctx)
    return starts[nth] + off

class Doc:
    def __init__(self, id):
        self.id = id; self.text = DOCS[id]; self.spans = []
    def add(self, label, quote, attrs, ctx=None, nth=None):
        pos = locate(self.text, quote, ctx, nth)
        self.spans.append((pos, label, quote, attrs))
    def drug(self, q, norm, kind='agent', neg=False, ctx=None, nth=None):
        self.add('DRUG', q, {'negated': neg, 'normalized': norm, 'kind': kind, 'drugbank_id': None}, ctx, nth)
    def tf(self, q, kind, value, vmax=None, ctx=None, nth=None):
        self.add('TIMEFRAME', q, {'negated': False, 'kind': kind, 'value': value, 'value_max': vmax}, ctx, nth)
    def ep(self, q, canon, abbr, neg=False, ctx=None, nth=None):
        self.add('ENDPOINT', q, {'negated': neg, 'canonical': canon, 'abbreviation': abbr}, ctx, nth)
    def rd(self, q, dose, kind, fr, tot, neg=False, ctx=None, nth=None):
        self.add('RADIATION_DOSE', q, {'negated': neg, 'dose_gy': dose, 'dose_kind': kind, 'fractions': fr, 'total_gy': tot}, ctx, nth)
    def crit(self, q, section, neg=False, ctx=None, nth=None):
        req = {('inclusion', False): 'present', ('inclusion', True): 'absent', ('exclusion', False): 'absent', ('exclusion', True): 'present'}[(section, neg)]
        self.add('CRITERION', q, {'negated': neg, 'section': section, 'requires': req}, ctx, nth)
    def out(self):
        sp = sorted(self.spans, key=lambda s: (s[0], s[0] + len(s[2])))
        # overlap check per label
        for lab in set(s[1] for s in sp):
            ls = [s for s in sp if s[1] == lab]
            for a, b in zip(ls, ls[1:]):
                assert a[0] + len(a[2]) <= b[0], ('overlap', lab, a[2], b[2])
        seen = set()
        res = []
        for pos, lab, q, at in sp:
            assert (pos, lab, q) not in seen, ('dup', q); seen.add((pos, lab, q))
            res.append({'label': lab, 'quote': q, 'occurrence': occ_index(self.text, q, pos), 'attrs': at})
        return {'id': self.id, 'spans': res}
