"""Helper: turn spans written with a context anchor into quote/occurrence records."""
import json
DOCS = "/work/wt/dev4/annotations/source/dev4_documents.jsonl"
def text_of(doc_id):
    for l in open(DOCS, encoding="utf-8"):
        d = json.loads(l)
        if d["id"] == doc_id:
            return d["text"]
    raise KeyError(doc_id)

def occ_of(text, quote, start):
    n, s = 0, -1
    while True:
        s = text.find(quote, s + 1)
        if s < 0 or s >= start:
            break
        n += 1
    assert text.find(quote, start) == start
    return n

class Doc:
    def __init__(self, doc_id):
        self.id = doc_id
        self.text = text_of(doc_id)
        self.spans = []
    def add(self, label, quote, attrs, ctx=None, k=0):
        """quote inside the k-th occurrence (overlapping) of ctx (default: quote itself)."""
        ctx = ctx or quote
        s = -1
        for _ in range(k + 1):
            s = self.text.find(ctx, s + 1)
            assert s >= 0, (self.id, ctx, k)
        off = ctx.find(quote)
        assert off >= 0, (quote, ctx)
        start = s + off
        self.spans.append({"label": label, "quote": quote, "occurrence": occ_of(self.text, quote, start),
                           "attrs": attrs, "_start": start})
    def drug(self, q, norm, kind="agent", neg=False, ctx=None, k=0):
        self.add("DRUG", q, {"negated": neg, "normalized": norm, "kind": kind, "drugbank_id": None}, ctx, k)
    def ep(self, q, canon, abbr=None, neg=False, ctx=None, k=0):
        self.add("ENDPOINT", q, {"negated": neg, "canonical": canon, "abbreviation": abbr}, ctx, k)
    def tf(self, q, kind, value, vmax=None, ctx=None, k=0):
        self.add("TIMEFRAME", q, {"negated": False, "kind": kind, "value": value, "value_max": vmax}, ctx, k)
    def rd(self, q, dose, dkind, fr, total, neg=False, ctx=None, k=0):
        self.add("RADIATION_DOSE", q, {"negated": neg, "dose_gy": dose, "dose_kind": dkind, "fractions": fr, "total_gy": total}, ctx, k)
    def crit(self, q, section, neg, ctx=None, k=0):
        req = {("inclusion", False): "present", ("inclusion", True): "absent",
               ("exclusion", False): "absent", ("exclusion", True): "present"}[(section, neg)]
        self.add("CRITERION", q, {"negated": neg, "section": section, "requires": req}, ctx, k)
    def check(self):
        seen = set()
        for s in self.spans:
            key = (s["label"], s["_start"])
            assert key not in seen, ("duplicate", s)
            seen.add(key)
        by = {}
        for s in self.spans:
            by.setdefault(s["label"], []).append((s["_start"], s["_start"] + len(s["quote"]), s["quote"]))
        for lab, lst in by.items():
            lst.sort()
            for a, b in zip(lst, lst[1:]):
                assert a[1] <= b[0], ("overlap", lab, a, b)
    def record(self):
        self.check()
        spans = sorted(self.spans, key=lambda s: (s["_start"], len(s["quote"])))
        return {"id": self.id, "spans": [{k: v for k, v in s.items() if k != "_start"} for s in spans]}
    def dump(self):
        with open(f"/work/wt/dev4/annotations/work_dev4_second_pass/{self.id}.json", "w", encoding="utf-8") as f:
            json.dump(self.record(), f, ensure_ascii=False)
        from collections import Counter
        print(self.id, Counter(s["label"] for s in self.spans))
