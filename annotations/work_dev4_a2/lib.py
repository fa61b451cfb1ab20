import json
DOCS = {d["id"]: d for d in map(json.loads, open("/work/wt/dev4/annotations/source/dev4_documents.jsonl"))}

def find_all(text, s):
    out, i = [], text.find(s)
    while i >= 0:
        out.append(i); i = text.find(s, i + 1)
    return out

def D(q, norm, kind="agent", neg=False, ctx=None, n=None):
    return ("DRUG", q, {"negated": neg, "normalized": norm, "kind": kind, "drugbank_id": None}, ctx, n)
def E(q, canon, abbr=None, neg=False, ctx=None, n=None):
    return ("ENDPOINT", q, {"negated": neg, "canonical": canon, "abbreviation": abbr}, ctx, n)
def T(q, kind, value, vmax=None, ctx=None, n=None):
    return ("TIMEFRAME", q, {"negated": False, "kind": kind, "value": value, "value_max": vmax}, ctx, n)
def R(q, dose, dkind, fr=None, tot=None, neg=False, ctx=None, n=None):
    return ("RADIATION_DOSE", q, {"negated": neg, "dose_gy": dose, "dose_kind": dkind, "fractions": fr, "total_gy": tot}, ctx, n)
def C(q, section, neg=False, n=None):
    req = {("inclusion", False): "present", ("inclusion", True): "absent",
           ("exclusion", False): "absent", ("exclusion", True): "present"}[(section, neg)]
    return ("CRITERION", q, {"negated": neg, "section": section, "requires": req}, None, n)

def build(doc_id, specs):
    text = DOCS[doc_id]["text"]
    spans, placed = [], []
    for label, q, attrs, ctx, n in specs:
        c = ctx or q
        locs = find_all(text, c)
        if not locs:
            raise SystemExit(f"{doc_id}: ctx {c!r} not found")
        if n is None and len(locs) > 1:
            raise SystemExit(f"{doc_id}: ctx {c!r} occurs {len(locs)} times; give n")
        base = locs[n or 0]
        off = c.find(q)
        assert off >= 0, (q, c)
        start = base + off
        occ = find_all(text, q).index(start)
        spans.append({"label": label, "quote": q, "occurrence": occ, "attrs": attrs})
        placed.append((start, start + len(q), label, q))
    # overlap check per label, duplicate check
    placed.sort()
    for lab in set(p[2] for p in placed):
        ps = [p for p in placed if p[2] == lab]
        for a, b in zip(ps, ps[1:]):
            if b[0] < a[1]:
                raise SystemExit(f"{doc_id}: overlap {a} {b}")
    return {"id": doc_id, "spans": spans}, placed

def show(doc_id, placed):
    from collections import Counter
    print(doc_id, Counter(p[2] for p in placed))
