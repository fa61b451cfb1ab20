import json
DOCS = {}
for l in open('/work/wt/dev5/annotations/source/dev5_documents.jsonl'):
    d = json.loads(l); DOCS[d['id']] = d['text']

class Doc:
    def __init__(self, id):
        self.id = id; self.text = DOCS[id]; self.spans = []
    def _occ(self, quote, ctx, n):
        t = self.text
        if ctx is None: ctx = quote
        # n-th occurrence of ctx (overlapping counting)
        p = -1
        for _ in range(n + 1):
            p = t.find(ctx, p + 1)
            assert p >= 0, (self.id, ctx, n)
        q = ctx.find(quote); assert q >= 0, (quote, ctx)
        start = p + q
        occ = 0; s = -1
        while True:
            s = t.find(quote, s + 1)
            if s == start: break
            occ += 1
        return occ
    def add(self, label, quote, attrs, ctx=None, n=0):
        self.spans.append({"label": label, "quote": quote, "occurrence": self._occ(quote, ctx, n), "attrs": attrs})
    def drug(self, q, norm, kind="agent", neg=False, ctx=None, n=0):
        self.add("DRUG", q, {"negated": neg, "normalized": norm, "kind": kind, "drugbank_id": None}, ctx, n)
    def ep(self, q, canon, abbr=None, neg=False, ctx=None, n=0):
        self.add("ENDPOINT", q, {"negated": neg, "canonical": canon, "abbreviation": abbr}, ctx, n)
    def tf(self, q, value, kind="duration", vmax=None, ctx=None, n=0):
        self.add("TIMEFRAME", q, {"negated": False, "kind": kind, "value": value, "value_max": vmax}, ctx, n)
    def rd(self, q, dose, kind, fr=None, tot=None, neg=False, ctx=None, n=0):
        self.add("RADIATION_DOSE", q, {"negated": neg, "dose_gy": dose, "dose_kind": kind, "fractions": fr, "total_gy": tot}, ctx, n)
    def crit(self, q, section, neg=False, ctx=None, n=0):
        req = {("inclusion", False): "present", ("inclusion", True): "absent",
               ("exclusion", False): "absent", ("exclusion", True): "present"}[(section, neg)]
        self.add("CRITERION", q, {"negated": neg, "section": section, "requires": req}, ctx, n)
    def all(self, label, q, fn, **kw):
        """every occurrence of q as given label via fn"""
        t = self.text; s = -1; k = 0
        while True:
            s = t.find(q, s + 1)
            if s < 0: break
            fn(q, ctx=q, n=k, **kw); k += 1
    def out(self):
        return {"id": self.id, "spans": self.spans}
