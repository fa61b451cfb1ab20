"""Helpers: spans are given by reading, with an optional context anchor to pick the occurrence."""
import json

DOCS = {}
for line in open('/work/wt/dev5/annotations/source/dev5_documents.jsonl'):
    d = json.loads(line)
    DOCS[d['id']] = d['text']


def count_before(text, quote, pos):
    n, s = 0, -1
    while True:
        s = text.find(quote, s + 1)
        if s < 0 or s >= pos:
            return n
        n += 1


class Doc:
    def __init__(self, doc_id):
        self.id = doc_id
        self.text = DOCS[doc_id]
        self.spans = []
        self.used = set()

    def add(self, label, quote, attrs, ctx=None, k=0):
        """quote inside the k-th (non-overlapping) occurrence of ctx (default quote itself)."""
        ctx = ctx or quote
        pos = -1
        start = 0
        for _ in range(k + 1):
            pos = self.text.find(ctx, start)
            assert pos >= 0, (self.id, ctx, k)
            start = pos + len(ctx)
        off = ctx.find(quote)
        assert off >= 0, (quote, ctx)
        abs_start = pos + off
        key = (label, abs_start)
        assert key not in self.used, (self.id, label, quote, ctx, k)
        self.used.add(key)
        occ = count_before(self.text, quote, abs_start)
        self.spans.append({'label': label, 'quote': quote, 'occurrence': occ, 'attrs': attrs, '_start': abs_start})

    def drug(self, q, norm, kind='agent', neg=False, ctx=None, k=0):
        self.add('DRUG', q, {'negated': neg, 'normalized': norm, 'kind': kind, 'drugbank_id': None}, ctx, k)

    def ep(self, q, canon, abbr=None, neg=False, ctx=None, k=0):
        self.add('ENDPOINT', q, {'negated': neg, 'canonical': canon, 'abbreviation': abbr}, ctx, k)

    def tf(self, q, value, kind='duration', vmax=None, ctx=None, k=0):
        self.add('TIMEFRAME', q, {'negated': False, 'kind': kind, 'value': value, 'value_max': vmax}, ctx, k)

    def rd(self, q, dose, dkind, fr=None, total=None, neg=False, ctx=None, k=0):
        self.add('RADIATION_DOSE', q, {'negated': neg, 'dose_gy': dose, 'dose_kind': dkind, 'fractions': fr, 'total_gy': total}, ctx, k)

    def crit(self, q, section, neg=False, k=0):
        if section == 'inclusion':
            req = 'absent' if neg else 'present'
        else:
            req = 'present' if neg else 'absent'
        self.add('CRITERION', q, {'negated': neg, 'section': section, 'requires': req}, None, k)

    def record(self):
        self.spans.sort(key=lambda s: (s['_start'], s['label']))
        # overlap check per label
        by = {}
        for s in self.spans:
            by.setdefault(s['label'], []).append((s['_start'], s['_start'] + len(s['quote']), s['quote']))
        for lab, lst in by.items():
            lst.sort()
            for a, b in zip(lst, lst[1:]):
                assert a[1] <= b[0], (self.id, lab, a, b)
        return {'id': self.id, 'spans': [{k: v for k, v in s.items() if k != '_start'} for s in self.spans]}
