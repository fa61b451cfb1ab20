import json, re
DOCS = {}
for l in open("/work/wt/dev5/annotations/source/dev5_documents.jsonl"):
    d = json.loads(l); DOCS[d["id"]] = d["text"]

def nth(text, s, k):
    p = -1
    for _ in range(k + 1):
        p = text.find(s, p + 1)
        if p < 0: raise ValueError(f"not found: {s!r} #{k}")
    return p

class Doc:
    def __init__(self, did):
        self.id = did; self.t = DOCS[did]; self.spans = []
    def _add(self, label, quote, attrs, ctx=None, k=0):
        ctx = ctx or quote
        cp = nth(self.t, ctx, k)
        i = ctx.find(quote)
        if i < 0: raise ValueError(f"{quote!r} not in ctx {ctx!r}")
        pos = cp + i
        occ = 0; p = -1
        while True:
            p = self.t.find(quote, p + 1)
            if p < 0 or p >= pos: break
            occ += 1
        assert self.t.find(quote, pos) == pos
        self.spans.append({"label": label, "quote": quote, "occurrence": occ, "attrs": attrs, "_pos": pos})
    def D(self, q, norm, kind="agent", neg=False, ctx=None, k=0):
        self._add("DRUG", q, {"negated": neg, "normalized": norm, "kind": kind, "drugbank_id": None}, ctx, k)
    def E(self, q, can, abbr, neg=False, ctx=None, k=0):
        self._add("ENDPOINT", q, {"negated": neg, "canonical": can, "abbreviation": abbr}, ctx, k)
    def T(self, q, kind, value, vmax=None, ctx=None, k=0):
        self._add("TIMEFRAME", q, {"negated": False, "kind": kind, "value": value, "value_max": vmax}, ctx, k)
    def C(self, prefix, section, neg, k=0):
        # criterion = the whole line (delimited by ~ or newline) that contains prefix, without bullet/whitespace
        p = nth(self.t, prefix, k)
        s = max(self.t.rfind("~", 0, p), self.t.rfind("\n", 0, p)) + 1
        ends = [x for x in (self.t.find("~", p), self.t.find("\n", p)) if x >= 0]
        e = min(ends) if ends else len(self.t)
        line = self.t[s:e]
        m = re.match(r"\s*(?:[-*•·]|\d+[.)]|[a-z][.)])?\s*", line)
        q = line[m.end():].rstrip()
        assert q.startswith(prefix[:5]) or True
        req = {("inclusion", False): "present", ("inclusion", True): "absent", ("exclusion", False): "absent", ("exclusion", True): "present"}[(section, neg)]
        self._add("CRITERION", q, {"negated": neg, "section": section, "requires": req}, ctx=None, k=0) if self.t.count(q) == 1 else self._addpos("CRITERION", q, s + m.end(), {"negated": neg, "section": section, "requires": req})
    def _addpos(self, label, q, pos, attrs):
        occ = 0; p = -1
        while True:
            p = self.t.find(q, p + 1)
            if p < 0 or p >= pos: break
            occ += 1
        self.spans.append({"label": label, "quote": q, "occurrence": occ, "attrs": attrs, "_pos": pos})
    def out(self):
        sp = sorted(self.spans, key=lambda s: (s["_pos"], s["label"]))
        # overlap check per label
        by = {}
        for s in sp:
            by.setdefault(s["label"], []).append((s["_pos"], s["_pos"] + len(s["quote"]), s["quote"]))
        for lab, xs in by.items():
            xs.sort()
            for a, b in zip(xs, xs[1:]):
                if b[0] < a[1]: raise ValueError(f"{self.id} overlap {lab}: {a} {b}")
            seen = set()
            for x in xs:
                if x[:2] in seen: raise ValueError(f"dup {x}")
                seen.add(x[:2])
        return {"id": self.id, "spans": [{k: v for k, v in s.items() if k != "_pos"} for s in sp]}
