from lib import *
d=Doc('NCT02694029'); t=d.t
d.add('RADIATION_DOSE','50.4 Gy/ 28 fractions',rd([50.4,50.4],'total',[28,28],[50.4,50.4]))
d.add('TIMEFRAME','90 days',tf('duration','P90D'))
d.add('TIMEFRAME','2 hours',tf('duration','PT2H'))
d.add('TIMEFRAME','a minimum of 6 weeks',tf('duration','P6W'))
d.all('ENDPOINT','Adverse Events',ep('adverse events','AE'))
a=t.find('Inclusion Criteria:\n'); b=t.find('Exclusion Criteria:\n'); c=t.find('Outcome Measurement:')
inc=[x.strip() for x in t[a:b].split('\n')[1:] if x.strip()]
exc=[x.strip() for x in t[b:c].split('\n')[1:] if x.strip()]
for q in inc: d.add('CRITERION',q,crit('inclusion',False),q)
for q in exc:
    neg = q.startswith('Subjects must not be pregnant')
    d.add('CRITERION',q,crit('exclusion',neg),q)
