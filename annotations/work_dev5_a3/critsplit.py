import re
def tilde_criteria(doc, negs):
    """AACT '~' lines after 'Eligibility'. negs: dict index->bool for negated (default False).
    Heading pieces switch section; leading item numbers stripped."""
    t = doc.text; base = t.find('Eligibility')
    pieces = t[base:].split('~')
    sec = None
    for k, p in enumerate(pieces):
        s = p.strip()
        if s.startswith('Eligibility'):
            s = s[len('Eligibility'):].strip()
        if s.lower().startswith('inclusion criteria'): sec = 'inclusion'; continue
        if s.lower().startswith('exclusion criteria'): sec = 'exclusion'; continue
        s = re.sub(r'^\d+\s+', '', s)
        if not s: continue
        ctx_n = t[:base].count(s)  # occurrences before eligibility
        # find exact occurrence at/after base
        pos = t.find(s, base + sum(len(x) + 1 for x in pieces[:k]))
        n = 0; q = -1
        while True:
            q = t.find(s, q + 1)
            if q == pos: break
            n += 1
        doc.crit(s, sec, negs.get(k, False), ctx=s, n=n)

def line_criteria(doc, start_marker, end_marker, negs, skip=()):
    """newline-separated lines between start_marker and end_marker; heading lines switch section.
    negs: dict line text prefix -> bool. skip: line texts that are headings/placeholders."""
    t = doc.text; a = t.find(start_marker); b = t.find(end_marker, a) if end_marker else len(t)
    pos = a; sec = 'inclusion'
    for line in t[a:b].split('\n'):
        s = line.strip()
        lo = s.lower()
        ls = pos + line.find(s) if s else pos
        pos += len(line) + 1
        if not s or s == 'Eligibility': continue
        if lo.startswith('inclusion criteria'): sec = 'inclusion'; continue
        if lo.startswith('exclusion criteria'): sec = 'exclusion'; continue
        if s.startswith('- '): s = s[2:].strip(); ls = t.find(s, ls)
        if s in skip: continue
        n = 0; q = -1
        while True:
            q = t.find(s, q + 1)
            if q == ls: break
            assert q >= 0
            n += 1
        neg = False
        for k, v in negs.items():
            if s.startswith(k): neg = v
        doc.crit(s, sec, neg, ctx=s, n=n)
