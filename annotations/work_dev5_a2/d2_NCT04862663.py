from common import *
d = Doc('NCT04862663'); t = d.text
d.drug('Capivasertib', 'capivasertib', ctx='Capivasertib + Palbociclib')
d.drug('Palbociclib', 'palbociclib', ctx='Palbociclib + Fulvestrant')
d.drug('Fulvestrant', 'fulvestrant', ctx='Fulvestrant for HR+')
d.drug('Capivasertib', 'capivasertib', ctx='Capivasertib plus Palbociclib')
d.drug('Palbociclib', 'palbociclib', ctx='Capivasertib plus Palbociclib and')
d.drug('Fulvestrant', 'fulvestrant', ctx='Palbociclib and Fulvestrant versus')
d.drug('Palbociclib', 'palbociclib', ctx='Placebo plus Palbociclib')
d.drug('Fulvestrant', 'fulvestrant', ctx='Fulvestrant in Hormone')
d.drug('palbociclib', 'palbociclib', ctx='for palbociclib and')
d.drug('fulvestrant', 'fulvestrant', ctx='and fulvestrant therapy')
d.drug('CDK4/6 inhibitors', 'cdk4/6 inhibitors', 'class', ctx='specific CDK4/6 inhibitors')
d.drug('tamoxifen', 'tamoxifen')
d.drug('AI', 'aromatase inhibitors', 'class', ctx='or an AI)')
d.drug('steroids', 'steroids', 'class', neg=True)
d.drug('insulin', 'insulin')
d.drug('SERDs', 'selective estrogen receptor degraders', 'class')
d.drug('AKT', 'akt inhibitors', 'class', ctx='SERDs, AKT,')
d.drug('PI3K', 'pi3k inhibitors', 'class', ctx='AKT, PI3K or')
d.drug('mTOR inhibitors', 'mtor inhibitors', 'class')
d.drug('CDK4/6 inhibitors', 'cdk4/6 inhibitors', 'class', ctx='Prior treatment with CDK4/6 inhibitors')
d.drug('CDK4/6 inhibitors', 'cdk4/6 inhibitors', 'class', ctx='(prior CDK4/6 inhibitors')
# TIMEFRAME
d.tf('within 12 months', 'duration', 'P12M')
d.tf('5 years', 'duration', 'P5Y', ctx='disease  5 years before')
d.tf('within 4 weeks', 'duration', 'P4W', ctx='wide field of radiation within 4 weeks')
d.tf('within 2 weeks', 'duration', 'P2W')
d.tf('within 4 weeks', 'duration', 'P4W', ctx='access) within 4 weeks')
d.tf('within 4 weeks', 'duration', 'P4W', ctx='steroids within 4 weeks')
d.tf('in the preceding 6 months', 'duration', 'P6M')
# CRITERION
el = t.index('Eligibility\n') + len('Eligibility\n')
lines = t[el:].split('~')
neg = set()
sec = None
headings = []
for ln in lines:
    s = ln.strip()
    low = s.lower()
    if 'inclusion criteria' in low and s.endswith(':'): sec = 'inclusion'; headings.append(s); continue
    if 'exclusion criteria' in low and s.endswith(':'): sec = 'exclusion'; headings.append(s); continue
    if s.endswith(':'): headings.append(s); continue
    if s.startswith('. '): s = s[2:]
    d.crit(s, sec, s in neg)
    print(sec, s in neg, s[:110])
print('HEADINGS', headings)
