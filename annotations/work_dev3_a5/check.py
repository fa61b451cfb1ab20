import json, re, collections
tot = collections.Counter()
for l in open('/tmp/check_dev3_a5/check.jsonl'):
    d = json.loads(l); t = d['text']; sp = d['spans']
    c = collections.Counter(s['label'] for s in sp); tot.update(c)
    print(d['id'], dict(c))
    # duplicates / overlaps within a label
    by = collections.defaultdict(list)
    for s in sp: by[s['label']].append(s)
    for lab, ss in by.items():
        ss.sort(key=lambda s: (s['start'], s['end']))
        for a, b in zip(ss, ss[1:]):
            if b['start'] < a['end']:
                print('  OVERLAP', lab, a['text'], b['text'])
    # eligibility lines not covered by a CRITERION
    e = t.find('Eligibility')
    stop = len(t)
    for mk in ['Outcome Measurement:']:
        if t.find(mk) > 0: stop = t.find(mk)
    crit = [s for s in sp if s['label'] == 'CRITERION']
    for m in re.finditer(r'[^\n~]+', t[e:stop]):
        a, b = e + m.start(), e + m.end()
        if not m.group(0).strip(): continue
        if not any(s['start'] < b and a < s['end'] for s in crit):
            print('  NOT CRIT:', repr(m.group(0).strip()))
print(dict(tot), sum(tot.values()))
