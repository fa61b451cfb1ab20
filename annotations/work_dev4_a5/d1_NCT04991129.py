from lib import *
d=Doc('NCT04991129'); t=d.t
# DRUG: the study agent (code, no intervention list in this rendering)
d.all('DRUG','WJ01024',drug('wj01024'))
d.add('DRUG','colony-stimulating factor',drug('colony-stimulating factors','class',neg=True))  # "no blood transfusion or colony-stimulating factor was administered"
d.add('DRUG','beta blockers',drug('beta blockers','class'))
d.add('DRUG','calcium channel blockers',drug('calcium channel blockers','class'))
d.add('DRUG','digoxin',drug('digoxin'))
d.add('DRUG','corticosteroids',drug('corticosteroids','class'))
# TIMEFRAME
d.add('TIMEFRAME','4 weeks',tf('duration','P4W'),'4 weeks as a cycle')
d.add('TIMEFRAME','3 months',tf('duration','P3M'),'Life expectancy 3 months')
d.add('TIMEFRAME','within 7 days',tf('duration','P7D'),'within 7 days',0)
d.add('TIMEFRAME','within 14 days',tf('duration','P14D'))
d.add('TIMEFRAME','within 7 days',tf('duration','P7D'),'within 7 days',1)
d.add('TIMEFRAME','3 months',tf('duration','P3M'),'3 months after the end of treatment')
d.add('TIMEFRAME','within 6 months',tf('duration','P6M'),'within 6 months',0)
d.add('TIMEFRAME','within 6 months',tf('duration','P6M'),'within 6 months',1)
d.add('TIMEFRAME','six months',tf('duration','P6M'),'first six months')
# CRITERION
e0=t.find('Eligibility')
parts=t[e0:].split('~')
parts[3]=parts[3]+'~'+parts[4]; del parts[4]   # "0~1" is a range, not a line break
heads={0,8}  # 'Eligibility\nInclusion criteria', 'Exclusion criteria'
negs={12}    # "Who is not suitable for the study ..."
sec='inclusion'
for i,p in enumerate(parts):
    q=p.strip()
    if i==8: sec='exclusion'
    if i in heads: continue
    d.add('CRITERION',q,crit(sec,i in negs),q)
