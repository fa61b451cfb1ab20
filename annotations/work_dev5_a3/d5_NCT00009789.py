from lib import Doc
from critsplit import line_criteria
d = Doc('NCT00009789')
t = d.text
# DRUG: radiotracer named in the NOTE; the uptake is absent, not the drug -> not negated
d.drug('fludeoxyglucose F 18', 'fludeoxyglucose')
# TIMEFRAME
d.tf('Up to 5 years', 'P5Y', n=0)
d.tf('Up to 5 years', 'P5Y', n=1)
d.tf('5 days a week', None, kind='frequency')
d.tf('3.5-6 weeks', 'P3.5W', vmax='P6W')
d.tf('3 weeks', 'P3W', ctx='followed at 3 weeks')
d.tf('6 weeks', 'P6W', ctx='3 weeks, 6 weeks')
d.tf('3 months', 'P3M', ctx='6 weeks, 3 months')
d.tf('every 3 months', 'R/P3M', kind='frequency')
d.tf('2 years', 'P2Y', ctx='for 2 years')
d.tf('every 6 months', 'R/P6M', kind='frequency')
d.tf('3 years', 'P3Y', ctx='for 3 years')
d.tf('within the past 6 months', 'P6M')
# ENDPOINT
d.ep('Overall survival', 'overall survival', 'OS')
d.ep('Failure-free survival', 'failure-free survival', 'FFS')
d.ep('maximum tolerated course', 'maximum tolerated dose', 'MTD', n=0)
d.ep('long-term toxicity', 'late toxicity')
d.ep('local tumor control', 'local control', 'LC')
d.ep('failure-free survival', 'failure-free survival', 'FFS')
d.ep('overall survival', 'overall survival', 'OS')
d.ep('pulmonary toxicity', 'pulmonary toxicity')
d.ep('maximum tolerated course', 'maximum tolerated dose', 'MTD', n=1)
d.ep('maximum tolerated course', 'maximum tolerated dose', 'MTD', n=2)
d.ep('dose-limiting toxicity', 'dose-limiting toxicity', 'DLT', n=0)
d.ep('dose-limiting toxicity', 'dose-limiting toxicity', 'DLT', n=1)
# CRITERION: no inclusion/exclusion heading -> inclusion; lines ending ':' are headings
heads = [l.strip() for l in t[t.find('DISEASE CHARACTERISTICS:'):].split('\n') if l.strip().endswith(':')]
heads = [h[3:].strip() if h.startswith('- ') else h for h in heads]
line_criteria(d, 'DISEASE CHARACTERISTICS:', None, {
    'No metastatic disease': True,
    'No positive lymph nodes': True,
    'Not pregnant': True,
    'No weight loss': True,
    'No other active': True,
    'No prior chemotherapy': True,
    'No prior chest radiotherapy': True,
}, skip=set(heads) | {'DISEASE CHARACTERISTICS:', 'PATIENT CHARACTERISTICS:'})
print(heads)
