from common import *
import re
d = Doc('NCT00002537'); t = d.text
tops = [m.start() for m in re.finditer('topotecan', t)]
print(len(tops), [t[p-25:p+25].replace('\n',' ') for p in tops])
for i in range(len(tops)):
    if t.startswith('topotecan hydrochloride', tops[i]):
        d.drug('topotecan hydrochloride', 'topotecan')
    else:
        d.drug('topotecan', 'topotecan', nth=i)
d.drug('Topotecan', 'topotecan')
d.ep('maximum tolerated dose', 'maximum tolerated dose', 'MTD', ctx='Determine the maximum tolerated dose')
d.ep('maximum tolerated dose', 'maximum tolerated dose', 'MTD', ctx='until the maximum tolerated dose (MTD)')
d.ep('MTD', 'maximum tolerated dose', 'MTD', ctx='(MTD) of each')
d.ep('MTD', 'maximum tolerated dose', 'MTD', ctx='The MTD is defined')
d.tf('3-6 weeks', 'duration', 'P3W', 'P6W')
d.tf('5 days a week', 'frequency', None)
d.tf('2', 'duration', 'P2W', ctx='for 2, 3, or 6 weeks')
d.tf('3', 'duration', 'P3W', ctx='2, 3, or 6 weeks')
d.tf('6 weeks', 'duration', 'P6W', ctx='or 6 weeks')
d.tf('4-6 weeks', 'duration', 'P4W', 'P6W')
d.tf('every 4 weeks', 'frequency', 'R/P4W')
d.tf('At least 12 weeks', 'duration', 'P12W')
d.tf('At least 4 weeks', 'duration', 'P4W')
d.rd('3,000 to 6,000 cGy', [30, 60], 'unspecified', None, None)
inc = ['Histologically proven non-small cell lung cancer',
       'Eligible for chest irradiation with 3,000 to 6,000 cGy (based upon standard radiotherapy indications)',
       'Measurable or evaluable disease',
       'Measurable disease defined as bidimensionally measurable lesion on physical exam or radiograph (CT or MRI acceptable)',
       'Age: 18 and over', 'Performance status: 0-2', 'Life expectancy: At least 12 weeks', 'WBC at least 4,000/mm3',
       'Platelet count at least 100,000/mm3', 'Bilirubin no greater than 1.5 mg/dL', 'AST less than 3 times normal',
       'Alkaline phosphatase less than 3 times normal', 'Creatinine no greater than 1.5 mg/dL', 'Not pregnant or nursing',
       'No more than 1 prior chemotherapy regimen allowed', 'At least 4 weeks since prior chemotherapy and recovered',
       'No prior radiotherapy', 'Recovered from toxic effects of any prior therapy']
neg = {'Not pregnant or nursing', 'No prior radiotherapy'}
for s in inc:
    d.crit(s, 'inclusion', s in neg, ctx='  -  ' + s + ('\n' if not t.endswith(s) else ''))
# every bullet under eligibility covered?
el = t.index('Eligibility\n')
bl = [l.strip()[1:].strip() for l in t[el:].split('\n') if l.strip().startswith('-')]
assert sorted(bl) == sorted(inc), set(bl) ^ set(inc)
