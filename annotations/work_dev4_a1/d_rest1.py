from lib import Doc
import json
out = []
# ---------- NCT05999214
d = Doc('NCT05999214')
t = d.text
for n in range(7):
    neg = (n == 5)   # Control group: ... imaging was not performed
    d.drug('99mTc-H7ND', '99mtc-h7nd', neg=neg, n=n)
d.ep('DCR', 'disease control rate', 'DCR', n=0)
d.ep('DCR', 'disease control rate', 'DCR', n=1)
d.ep('PFS', 'progression-free survival', 'PFS', anchor='PFS, The PFS')
d.ep('PFS', 'progression-free survival', 'PFS', anchor='The PFS of')
d.ep('OS', 'overall survival', 'OS', anchor='|OS, The OS')
d.ep('OS', 'overall survival', 'OS', anchor='The OS of')
for n in range(3):
    d.tf('8-12 weeks', 'duration', 'P8W', 'P12W', n=n)
    d.tf('12 weeks', 'duration', 'P12W', anchor='and 12 weeks', n=n)
d.tf('within 28 days', 'duration', 'P28D')
d.tf('≥3 months', 'duration', 'P3M')
d.tf('within 6 months', 'duration', 'P6M')
d.tf('within 4 weeks', 'duration', 'P4W')
e = t.index('Inclusion Criteria:')
sec = None
neg = {'No local radiotherapy for primary or metastatic lesions within 28 days;',
       'Pathological or long-term follow-up results may not be available;',
       'The relevant control imaging data and clinical data were not available;',
       'Cannot tolerate standard second-line therapy or other first-line therapies.'}
import re
for line in t[e:].split('\n'):
    line = line.strip()
    if not line: continue
    if line == 'Inclusion Criteria:': sec = 'inclusion'; continue
    if line == 'Exclusion Criteria:': sec = 'exclusion'; continue
    c = re.sub(r'^\d+\.\s*', '', line)
    d.crit(c, sec, c in neg, anchor=c)
out.append(d.record())
# ---------- NCT01997333
d = Doc('NCT01997333')
t = d.text
# interventions + results arms
for n in range(t.count('Capecitabine')):
    d.drug('Capecitabine', 'capecitabine', n=n)
d.drug('capecitabine', 'capecitabine')
for n in range(t.count('CDX-011')):
    d.drug('CDX-011', 'glembatumumab vedotin', n=n)
for n in range(t.count('21 day')):
    d.tf('21 day', 'duration', 'P21D', n=n)
d.drug('anthracycline', 'anthracyclines', 'class')
d.drug('doxorubicin', 'doxorubicin')
d.drug('Doxil', 'liposomal doxorubicin')
d.drug('taxane', 'taxanes', 'class')
d.drug('Taxol', 'paclitaxel')
d.drug('MMAE', 'monomethyl auristatin e')
d.drug('corticosteroids', 'corticosteroids', 'class')
d.tf('within 3 months', 'duration', 'P3M')
d.tf('2 months', 'duration', 'P2M', n=0)
d.tf('2 months', 'duration', 'P2M', n=1)
d.ep('Progression Free Survival', 'progression-free survival', 'PFS')
for n in range(t.count('PFS')):
    d.ep('PFS', 'progression-free survival', 'PFS', n=n)
d.tf('every 6 - 9 weeks', 'frequency', 'R/P6W', 'R/P9W')
d.ep('Adverse Events', 'adverse events', 'AE', anchor='Adverse Events 1:')
d.ep('Adverse Events', 'adverse events', 'AE', anchor='Adverse Events 2:')
inc = t.index('to be eligible for the study:\n') + len('to be eligible for the study:\n')
exc = t.index('Exclusion:\n')
exc2 = t.index('NOT eligible for the study:\n') + len('NOT eligible for the study:\n')
end = t.index('Outcome Measurement:')
for a, b, sec in ((inc, exc, 'inclusion'), (exc2, end, 'exclusion')):
    for line in t[a:b].split('\n'):
        line = line.strip()
        if line: d.crit(line, sec, False, anchor=line)
out.append(d.record())
json.dump(out, open('rest1.json', 'w'))
from collections import Counter
for r in out: print(r['id'], Counter(s['label'] for s in r['spans']))
