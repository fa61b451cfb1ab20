"""Helpers: locate spans I chose by reading, and compute the converter's occurrence index."""
import json, re

DOCS = {json.loads(l)["id"]: json.loads(l) for l in open("/work/wt/dev5/annotations/source/dev5_documents.jsonl")}


def occ_index(text, quote, pos):
    """Occurrence index as gold_from_quotes.locate counts (overlapping, find(start+1))."""
    n, s = 0, -1
    while True:
        s = text.find(quote, s + 1)
        if s < 0 or s >= pos:
            break
        n += 1
    assert text[pos:pos + len(quote)] == quote
    return n


class Doc:
    def __init__(self, doc_id):
        self.id = doc_id
        self.text = DOCS[doc_id]["text"]
        self.spans = []  # (start, label, quote, attrs)

    def at(self, label, quote, ctx=None, k=0, **attrs):
        """quote inside the k-th occurrence of ctx (ctx defaults to quote)."""
        ctx = ctx or quote
        s = -1
        for _ in range(k + 1):
            s = self.text.find(ctx, s + 1)
            assert s >= 0, (self.id, ctx, k)
        i = ctx.find(quote)
        assert i >= 0, (quote, ctx)
        self._add(label, quote, s + i, attrs)

    def every(self, label, quote, flags=0, **attrs):
        """every word-bounded occurrence (case per flags); the quote is the text as written."""
        for m in re.finditer(r"(?<![A-Za-z0-9])" + re.escape(quote) + r"(?![A-Za-z0-9])", self.text, flags):
            self._add(label, m.group(0), m.start(), attrs)

    def _add(self, label, quote, start, attrs):
        key = (start, label, quote)
        if any((s[0], s[1], s[2]) == key for s in self.spans):
            raise ValueError(f"duplicate {key}")
        self.spans.append((start, label, quote, dict(attrs)))

    def crit(self, line, section, negated):
        req = {("inclusion", False): "present", ("inclusion", True): "absent",
               ("exclusion", False): "absent", ("exclusion", True): "present"}[(section, negated)]
        # criteria are searched in order from the eligibility part onwards (a line may also occur earlier)
        if not hasattr(self, "cursor"):
            self.cursor = self.text.index("\nEligibility")
        s = self.text.index(line, self.cursor)
        self.cursor = s + len(line)
        self._add("CRITERION", line, s, dict(negated=negated, section=section, requires=req))

    def record(self):
        out = []
        for start, label, quote, attrs in sorted(self.spans):
            a = {"negated": False}
            a.update(attrs)
            if label == "TIMEFRAME":
                a["negated"] = False
            out.append({"label": label, "quote": quote, "occurrence": occ_index(self.text, quote, start), "attrs": a})
        # no overlap within a label
        by = {}
        for start, label, quote, _ in sorted(self.spans):
            by.setdefault(label, []).append((start, start + len(quote), quote))
        for label, lst in by.items():
            for (s1, e1, q1), (s2, e2, q2) in zip(lst, lst[1:]):
                assert s2 >= e1, (self.id, label, q1, q2)
        return {"id": self.id, "spans": out}


def drug(normalized, kind="agent", negated=False):
    return dict(negated=negated, normalized=normalized, kind=kind, drugbank_id=None)


def tf(value, kind="duration", value_max=None):
    return dict(negated=False, kind=kind, value=value, value_max=value_max)


def ep(canonical, abbreviation=None, negated=False):
    return dict(negated=negated, canonical=canonical, abbreviation=abbreviation)


def rd(dose, kind, fractions=None, total=None, negated=False):
    return dict(negated=negated, dose_gy=dose, dose_kind=kind, fractions=fractions, total_gy=total)


def elig_lines(text, start_marker="Eligibility", end_marker=None, sep="\n"):
    i = text.index(start_marker)
    j = text.index(end_marker, i) if end_marker else len(text)
    return [l.strip() for l in text[i:j].split(sep) if l.strip()]
