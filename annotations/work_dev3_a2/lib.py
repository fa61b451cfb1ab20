"""Helpers: locate quotes by a unique context, compute occurrence as gold_from_quotes counts it."""
import json, os
HERE = os.path.dirname(os.path.abspath(__file__))

def load(doc_id):
    return open(os.path.join(HERE, doc_id + ".txt"), encoding="utf-8").read()

def occ_before(text, quote, pos):
    n, s = 0, text.find(quote)
    while s != -1 and s < pos:
        n += 1
        s = text.find(quote, s + 1)
    assert s == pos, (quote, pos)
    return n

class Doc:
    def __init__(self, doc_id):
        self.id = doc_id
        self.text = load(doc_id)
        self.spans = []
    def add(self, label, quote, ctx=None, k=0, **attrs):
        """ctx: a string containing quote; k: which occurrence of ctx (0-based)."""
        t = self.text
        ctx = ctx or quote
        s = -1
        for _ in range(k + 1):
            s = t.find(ctx, s + 1)
            assert s >= 0, (self.id, ctx, k)
        if k == 0 and t.find(ctx, s + 1) >= 0 and ctx != quote:
            pass
        off = ctx.find(quote)
        assert off >= 0, (quote, ctx)
        pos = s + off
        attrs.setdefault("negated", False)
        self.spans.append({"label": label, "quote": quote, "occurrence": occ_before(t, quote, pos),
                           "attrs": attrs, "_pos": pos})
    def drug(self, quote, norm, kind="agent", ctx=None, k=0, neg=False):
        self.add("DRUG", quote, ctx, k, negated=neg, normalized=norm, kind=kind, drugbank_id=None)
    def ep(self, quote, canon, abbr=None, ctx=None, k=0, neg=False):
        self.add("ENDPOINT", quote, ctx, k, negated=neg, canonical=canon, abbreviation=abbr)
    def tf(self, quote, kind, value, vmax=None, ctx=None, k=0):
        self.add("TIMEFRAME", quote, ctx, k, negated=False, kind=kind, value=value, value_max=vmax)
    def rd(self, quote, dose, dkind, fr, total, ctx=None, k=0, neg=False):
        self.add("RADIATION_DOSE", quote, ctx, k, negated=neg, dose_gy=dose, dose_kind=dkind, fractions=fr, total_gy=total)
    def crit(self, quote, section, neg=False, k=0):
        req = {("inclusion", False): "present", ("inclusion", True): "absent",
               ("exclusion", False): "absent", ("exclusion", True): "present"}[(section, neg)]
        self.add("CRITERION", quote, None, k, negated=neg, section=section, requires=req)
    def check(self):
        by = {}
        for s in self.spans:
            by.setdefault(s["label"], []).append((s["_pos"], s["_pos"] + len(s["quote"]), s["quote"]))
        for lab, v in by.items():
            v.sort()
            for a, b in zip(v, v[1:]):
                assert a[1] <= b[0], ("overlap", lab, a, b)
            keys = [x[:2] for x in v]
            assert len(keys) == len(set(keys)), ("dup", lab)
    def dump(self):
        self.check()
        spans = sorted(self.spans, key=lambda s: (s["_pos"], s["label"]))
        out = {"id": self.id, "spans": [{k: v for k, v in s.items() if k != "_pos"} for s in spans]}
        with open(os.path.join(HERE, self.id + ".json"), "w", encoding="utf-8") as f:
            f.write(json.dumps(out, ensure_ascii=False) + "\n")
        from collections import Counter
        print(self.id, dict(Counter(s["label"] for s in spans)))
        for s in spans:
            print("  %5d %-14s %r %s" % (s["_pos"], s["label"], s["quote"][:70], {k: v for k, v in s["attrs"].items() if k not in ("drugbank_id",)}))
