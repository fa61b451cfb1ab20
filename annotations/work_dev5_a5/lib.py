import json, re
DOCS = {}
for l in open('/work/wt/dev5/annotations/source/dev5_documents.jsonl'):
    d = json.loads(l); DOCS[d['id']] = d

def locate(text, quote, occ):
    s = -1
    for _ in range(occ + 1):
        s = text.find(quote, s + 1)
        if s < 0: return -1
    return s

def occ_of(text, quote, pos):
    n = 0; s = -1
    while True:
        s = text.find(quote, s + 1)
        if s < 0: raise ValueError((quote, pos))
        if s == pos: return n
        n += 1

def D(norm, kind='agent', neg=False):
    return {'negated': neg, 'normalized': norm, 'kind': kind, 'drugbank_id': None}
def E(canon, abbr=None, neg=False):
    return {'negated': neg, 'canonical': canon, 'abbreviation': abbr}
def T(kind, value, vmax=None):
    return {'negated': False, 'kind': kind, 'value': value, 'value_max': vmax}
def R(dose, kind, fr=None, tot=None, neg=False):
    return {'negated': neg, 'dose_gy': dose, 'dose_kind': kind, 'fractions': fr, 'total_gy': tot}

class Doc:
    def __init__(self, did):
        self.id = did; self.text = DOCS[did]['text']; self.spans = []; self.pos = []
    def add(self, label, quote, attrs, anchor=None, nth=0):
        anchor = anchor or quote
        a = locate(self.text, anchor, nth)
        assert a >= 0, (self.id, anchor, nth)
        p = a + anchor.index(quote)
        self.spans.append({'label': label, 'quote': quote, 'occurrence': occ_of(self.text, quote, p), 'attrs': attrs})
        self.pos.append((p, p + len(quote), label, quote))
    def addall(self, label, quote, attrs_fn, word=True):
        """tag every whole-word occurrence; attrs_fn(i) -> attrs or None to skip"""
        i = 0
        for m in re.finditer(re.escape(quote), self.text):
            if word and ((m.start() > 0 and self.text[m.start()-1].isalnum()) or (m.end() < len(self.text) and self.text[m.end()].isalnum())):
                continue
            at = attrs_fn(i) if callable(attrs_fn) else attrs_fn
            i += 1
            if at is None: continue
            self.spans.append({'label': label, 'quote': quote, 'occurrence': occ_of(self.text, quote, m.start()), 'attrs': dict(at)})
            self.pos.append((m.start(), m.end(), label, quote))
    def crit(self, quote, section, neg, nth=0):
        req = {('inclusion', False): 'present', ('inclusion', True): 'absent', ('exclusion', False): 'absent', ('exclusion', True): 'present'}[(section, neg)]
        self.add('CRITERION', quote, {'negated': neg, 'section': section, 'requires': req}, nth=nth)
    def check(self, elig_start_marker, sep, headings, end_marker=None):
        t = self.text
        a = t.index(elig_start_marker)
        b = t.index(end_marker, a) if end_marker else len(t)
        crits = [(s, e) for s, e, l, q in self.pos if l == 'CRITERION']
        # overlap check per label
        by = {}
        for s, e, l, q in sorted(self.pos):
            if l in by and s < by[l][1]:
                print('OVERLAP', self.id, l, by[l], (s, e, q))
            if l not in by or e > by[l][1]: by[l] = (s, e, q)
        off = a
        for line in re.split(sep, t[a:b]):
            ls = off; off += len(line) + 0
            # compute exact start of line
            st = t.index(line, ls) if line else ls
            off = st + len(line)
            core = line.strip()
            if not core: continue
            covered = any(s >= st and e <= st + len(line) for s, e in crits)
            if covered: continue
            if core in headings: continue
            print('UNCOVERED', self.id, repr(core[:100]))
    def out(self):
        return {'id': self.id, 'spans': self.spans}
