from common import *
import re
d = Doc('NCT00006035'); t = d.text
for m in re.finditer('(?i)bleomycin', t):
    p = m.start()
    print(repr(t[p-30:p+30]))
d.drug('Bleomycin', 'bleomycin', ctx='Bleomycin With or Without')
d.drug('bleomycin', 'bleomycin', ctx='effectiveness of bleomycin with')
d.drug('bleomycin sulfate', 'bleomycin')
d.drug('bleomycin', 'bleomycin', ctx='intratumoral bleomycin')
d.drug('bleomycin', 'bleomycin', ctx='Arm I: Patients receive bleomycin')
d.drug('bleomycin', 'bleomycin', ctx='Arm II: Patients receive bleomycin')
d.drug('bleomycin', 'bleomycin', ctx='hypersensitivity to bleomycin')
d.drug('lidocaine', 'lidocaine')
d.drug('bleomycin', 'bleomycin', ctx='400 U of bleomycin')
d.ep('objective tumor response rate', 'objective response rate', 'ORR')
d.ep('duration of lesion response', 'duration of response', 'DOR')
d.tf('every 4 weeks', 'frequency', 'R/P4W')
d.tf('4', 'duration', 'P4M', ctx='followed at 4 and 6 months')
d.tf('6 months', 'duration', 'P6M', ctx='4 and 6 months')
d.tf('Greater than 6 months', 'duration', 'P6M')
d.tf('in past 6 months', 'duration', 'P6M')
d.tf('at least 8 weeks', 'duration', 'P8W', nth=0)
d.tf('at least 8 weeks', 'duration', 'P8W', nth=1)
for i in range(4):
    d.tf('At least 12 weeks', 'duration', 'P12W', nth=i)
d.tf('At least 4 weeks', 'duration', 'P4W')
el = t.index('Eligibility\n')
heads = ['DISEASE CHARACTERISTICS:', 'PATIENT CHARACTERISTICS:', 'PRIOR CONCURRENT THERAPY:']
n = 0
for l in t[el + len('Eligibility\n'):].split('\n'):
    s = l.strip()
    if not s or s in heads: continue
    d.crit(s, 'inclusion', False); n += 1
print('criteria', n)
