from lib import Doc
import json
out = []
# ---------- NCT00003417
d = Doc('NCT00003417')
t = d.text
for n in range(t.count('carmustine')):
    d.drug('carmustine', 'carmustine', n=n)
d.ep('CNS (central nervous system) toxicity', 'central nervous system toxicity', None)
d.ep('local control', 'local control', None)
d.tf('15-30 minutes', 'duration', 'PT15M', 'PT30M')
d.tf('5 days a week', 'frequency', None)
d.tf('6-8 weeks', 'duration', 'P6W', 'P8W')
d.rd('46 Gy', [46, 46], 'unspecified', None, None)
d.tf('1/16/01', 'date', '2001-01-16')
d.ep('dose-limiting toxicity', 'dose-limiting toxicity', 'DLT')
d.tf('90 days', 'duration', 'P90D')
d.tf('1-2 hours', 'duration', 'PT1H', 'PT2H')
d.tf('every 8 weeks', 'frequency', 'R/P8W')
d.tf('every 4 months', 'frequency', 'R/P4M')
d.tf('2 years', 'duration', 'P2Y')
d.tf('every 6 months', 'frequency', 'R/P6M')
d.tf('1 year', 'duration', 'P1Y')
d.tf('at least 5 months', 'duration', 'P5M')
d.tf('within 5 weeks', 'duration', 'P5W')
d.tf('within 1 week', 'duration', 'P1W')
d.tf('within the past 5 years', 'duration', 'P5Y')
e = t.index('\nEligibility\n')
skip = {'Not specified', 'See Disease Characteristics'}
neg = {'No well-differentiated or anaplastic astrocytoma, multifocal glioma, or recurrent glioblastoma multiforme',
       'If undergoing a stereotactic-guided needle biopsy, not required to repeat MRI after procedure if the prebiopsy MRI is suitable for treatment planning',
       'Not pregnant', 'Negative pregnancy test',
       'No other malignancy within the past 5 years except carcinoma in situ of the cervix or bladder, ductal carcinoma in situ of the breast, or nonmelanomatous skin cancer',
       'No major medical illness or psychiatric impairments that would preclude study participation',
       'No prior systemic chemotherapy', 'No prior radiotherapy to head or neck'}
for line in t[e:].split('\n'):
    line = line.strip()
    if not line.startswith('-  '): continue
    c = line[3:].strip()
    if c in skip: continue
    d.crit(c, 'inclusion', c in neg, anchor=c)
out.append(d.record())
# ---------- NCT00005565
d = Doc('NCT00005565')
d.tf('June 2007', 'date', '2007-06')
out.append(d.record())
json.dump(out, open('rest2.json', 'w'))
from collections import Counter
for r in out: print(r['id'], Counter(s['label'] for s in r['spans']))
for s in out[0]['spans']:
    if s['label']=='CRITERION': print(s['attrs']['negated'], s['quote'][:90])
