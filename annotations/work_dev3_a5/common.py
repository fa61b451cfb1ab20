"""Helpers: spans are written by hand; this only turns (quote, anchor) into an occurrence index."""
import json

DOCS = {}
for line in open('/work/wt/dev3/annotations/source/dev3_documents.jsonl'):
    d = json.loads(line)
    DOCS[d['id']] = d['text']


def occurrence(text, quote, anchor=None, nth=0):
    """Occurrence index (overlapping count, as gold_from_quotes.locate) of quote at the place
    given by anchor (a unique-ish context string containing quote; nth picks among anchor hits)."""
    if anchor is None:
        anchor = quote
    pos = -1
    for _ in range(nth + 1):
        pos = text.find(anchor, pos + 1)
        assert pos >= 0, (quote, anchor, nth)
    assert quote in anchor, (quote, anchor)
    qpos = pos + anchor.index(quote)
    n, p = 0, -1
    while True:
        p = text.find(quote, p + 1)
        if p < 0 or p >= qpos:
            break
        n += 1
    assert text.find(quote, qpos) == qpos
    return n


class Doc:
    def __init__(self, doc_id):
        self.id = doc_id
        self.text = DOCS[doc_id]
        self.spans = []

    def add(self, label, quote, attrs, anchor=None, nth=0):
        o = occurrence(self.text, quote, anchor, nth)
        self.spans.append({"label": label, "quote": quote, "occurrence": o, "attrs": attrs})

    def drug(self, quote, norm, kind="agent", neg=False, anchor=None, nth=0):
        self.add("DRUG", quote, {"negated": neg, "normalized": norm, "kind": kind, "drugbank_id": None}, anchor, nth)

    def ep(self, quote, canon, abbr, neg=False, anchor=None, nth=0):
        self.add("ENDPOINT", quote, {"negated": neg, "canonical": canon, "abbreviation": abbr}, anchor, nth)

    def tf(self, quote, kind, value, vmax=None, anchor=None, nth=0):
        self.add("TIMEFRAME", quote, {"negated": False, "kind": kind, "value": value, "value_max": vmax}, anchor, nth)

    def dose(self, quote, dose_gy, dose_kind, fractions=None, total=None, neg=False, anchor=None, nth=0):
        self.add("RADIATION_DOSE", quote, {"negated": neg, "dose_gy": dose_gy, "dose_kind": dose_kind,
                                           "fractions": fractions, "total_gy": total}, anchor, nth)

    def crit(self, quote, section, neg=False, anchor=None, nth=0):
        if section == "inclusion":
            req = "absent" if neg else "present"
        else:
            req = "present" if neg else "absent"
        self.add("CRITERION", quote, {"negated": neg, "section": section, "requires": req}, anchor, nth)

    def dump(self):
        with open(f'/work/wt/dev3/annotations/work_dev3_a5/{self.id}.json', 'w') as f:
            json.dump({"id": self.id, "spans": self.spans}, f, ensure_ascii=False)
        print(self.id, len(self.spans))
