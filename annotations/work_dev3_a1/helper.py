"""Helper for annotator a1 (dev3): spans are given by quote + a unique context; occurrences computed."""
import json

DOCS = {}
for line in open('/work/wt/dev3/annotations/source/dev3_documents.jsonl', encoding='utf-8'):
    d = json.loads(line)
    DOCS[d['id']] = d['text']


def occ_index(text, quote, start):
    """0-based occurrence index (overlapping finds, as gold_from_quotes.locate) of quote at start."""
    n, pos = 0, -1
    while True:
        pos = text.find(quote, pos + 1)
        if pos < 0:
            raise ValueError(f'{quote!r} not at {start}')
        if pos == start:
            return n
        n += 1


class Doc:
    def __init__(self, doc_id):
        self.id = doc_id
        self.text = DOCS[doc_id]
        self.spans = []

    def _start(self, quote, ctx, nth):
        t = self.text
        if ctx is not None:
            assert quote in ctx, (quote, ctx)
            i = t.find(ctx)
            assert i >= 0, f'ctx not found: {ctx!r}'
            assert t.find(ctx, i + 1) < 0, f'ctx not unique: {ctx!r}'
            return i + ctx.find(quote)
        # nth non-overlapping standalone occurrence (nth counted over exact finds)
        pos = -1
        for _ in range(nth + 1):
            pos = t.find(quote, pos + 1)
            assert pos >= 0, (quote, nth)
        return pos

    def add(self, label, quote, ctx=None, nth=0, **attrs):
        start = self._start(quote, ctx, nth)
        self.spans.append({'label': label, 'quote': quote, 'occurrence': occ_index(self.text, quote, start),
                           'attrs': attrs, '_start': start})

    def drug(self, quote, norm, kind='agent', ctx=None, nth=0, neg=False):
        self.add('DRUG', quote, ctx, nth, negated=neg, normalized=norm, kind=kind, drugbank_id=None)

    def ep(self, quote, canon, abbr=None, ctx=None, nth=0, neg=False):
        self.add('ENDPOINT', quote, ctx, nth, negated=neg, canonical=canon, abbreviation=abbr)

    def tf(self, quote, kind, value, vmax=None, ctx=None, nth=0):
        self.add('TIMEFRAME', quote, ctx, nth, negated=False, kind=kind, value=value, value_max=vmax)

    def dose(self, quote, dose_gy, dose_kind, fractions=None, total_gy=None, ctx=None, nth=0, neg=False):
        self.add('RADIATION_DOSE', quote, ctx, nth, negated=neg, dose_gy=dose_gy, dose_kind=dose_kind,
                 fractions=fractions, total_gy=total_gy)

    def crit(self, quote, section, neg=False, ctx=None, nth=0):
        req = {('inclusion', False): 'present', ('inclusion', True): 'absent',
               ('exclusion', False): 'absent', ('exclusion', True): 'present'}[(section, neg)]
        self.add('CRITERION', quote, ctx, nth, negated=neg, section=section, requires=req)

    def check(self):
        # no two spans of one label overlap; no duplicates
        by = {}
        for s in self.spans:
            by.setdefault(s['label'], []).append((s['_start'], s['_start'] + len(s['quote']), s['quote']))
        for lab, lst in by.items():
            lst.sort()
            for a, b in zip(lst, lst[1:]):
                assert a[1] <= b[0], (self.id, lab, a, b)
        return {lab: len(v) for lab, v in sorted(by.items())}

    def record(self):
        spans = sorted(self.spans, key=lambda s: s['_start'])
        return {'id': self.id, 'spans': [{k: v for k, v in s.items() if k != '_start'} for s in spans]}

    def show(self):
        for s in sorted(self.spans, key=lambda s: s['_start']):
            print(s['_start'], s['label'], repr(s['quote'][:70]), s['occurrence'],
                  {k: v for k, v in s['attrs'].items() if k not in ('drugbank_id',)})
