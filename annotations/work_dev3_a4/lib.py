"""Helpers: spans are written by hand; this only turns (quote, context) into occurrence indices."""
import json, os
HERE = os.path.dirname(os.path.abspath(__file__))

def find_all(text, q):
    out, s = [], -1
    while True:
        s = text.find(q, s + 1)
        if s < 0: return out
        out.append(s)

class Doc:
    def __init__(self, doc_id):
        self.id = doc_id
        self.text = open(os.path.join(HERE, doc_id + '.txt'), encoding='utf-8').read()
        self.spans = []  # (start, label, quote, attrs)

    def add(self, label, quote, attrs, at=None):
        """at: None (quote must be unique), int (occurrence), str (a unique context containing the
        quote), 'all' (every occurrence), or a list of ints."""
        occ = find_all(self.text, quote)
        assert occ, (self.id, quote)
        if at is None:
            assert len(occ) == 1, (self.id, quote, len(occ))
            starts = [occ[0]]
        elif at == 'all':
            starts = occ
        elif isinstance(at, int):
            starts = [occ[at]]
        elif isinstance(at, list):
            starts = [occ[i] for i in at]
        else:
            c = find_all(self.text, at)
            assert len(c) == 1, (self.id, at, len(c))
            off = at.find(quote)
            assert off >= 0, (quote, at)
            starts = [c[0] + off]
        for st in starts:
            self.spans.append((st, label, quote, dict(attrs)))

    def D(self, q, norm, kind='agent', neg=False, at=None):
        self.add('DRUG', q, {'negated': neg, 'normalized': norm, 'kind': kind, 'drugbank_id': None}, at)
    def E(self, q, canon, abbr, neg=False, at=None):
        self.add('ENDPOINT', q, {'negated': neg, 'canonical': canon, 'abbreviation': abbr}, at)
    def T(self, q, kind, value, vmax=None, at=None):
        self.add('TIMEFRAME', q, {'negated': False, 'kind': kind, 'value': value, 'value_max': vmax}, at)
    def R(self, q, dose, dkind, fr, tot, neg=False, at=None):
        self.add('RADIATION_DOSE', q, {'negated': neg, 'dose_gy': dose, 'dose_kind': dkind, 'fractions': fr, 'total_gy': tot}, at)
    def C(self, q, section, neg=False, at=None):
        req = {('inclusion', False): 'present', ('inclusion', True): 'absent',
               ('exclusion', False): 'absent', ('exclusion', True): 'present'}[(section, neg)]
        self.add('CRITERION', q, {'negated': neg, 'section': section, 'requires': req}, at)

    def record(self):
        spans = sorted(self.spans, key=lambda s: (s[0], s[0] + len(s[2]), s[1]))
        # checks: no duplicate, no same-label overlap
        by = {}
        for st, lab, q, a in spans:
            for (s2, e2) in by.get(lab, []):
                assert st >= e2 or st + len(q) <= s2, ('overlap', self.id, lab, q, self.text[s2:e2])
            by.setdefault(lab, []).append((st, st + len(q)))
        out = []
        for st, lab, q, a in spans:
            occ = find_all(self.text, q).index(st)
            out.append({'label': lab, 'quote': q, 'occurrence': occ, 'attrs': a})
        return {'id': self.id, 'spans': out}

    def save(self):
        rec = self.record()
        with open(os.path.join(HERE, self.id + '.out.json'), 'w', encoding='utf-8') as f:
            json.dump(rec, f, ensure_ascii=False)
        from collections import Counter
        print(self.id, dict(Counter(s['label'] for s in rec['spans'])))
