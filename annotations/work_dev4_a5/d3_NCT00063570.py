from lib import *
d=Doc('NCT00063570'); t=d.t
# DRUG
d.all('DRUG','Pemetrexed',drug('pemetrexed'))
d.all('DRUG','Gemcitabine',drug('gemcitabine'))
d.add('DRUG','Taxol',drug('paclitaxel'))
d.add('DRUG','paclitaxel',drug('paclitaxel'))
d.add('DRUG','Taxotere',drug('docetaxel'))
d.add('DRUG','docetaxel',drug('docetaxel'))
d.add('DRUG','folic acid',drug('folic acid',neg=True))       # "Unable to take folic acid or Vitamin B12"
d.add('DRUG','Vitamin B12',drug('cyanocobalamin',neg=True))
# TIMEFRAME
d.all('TIMEFRAME','every 14 days',tf('frequency','R/P14D'))
d.all('TIMEFRAME','21-Day',tf('duration','P21D'))            # arm title "21-Day Schedule"
d.all('TIMEFRAME','every 21 days',tf('frequency','R/P21D'))
d.all('TIMEFRAME','21-day',tf('duration','P21D'))            # "of a 21-day cycle"
d.add('TIMEFRAME','within the last 5 years',tf('duration','P5Y'))
d.add('TIMEFRAME','at least 6 weeks',tf('duration','P6W'))
d.add('TIMEFRAME','Every 6 weeks',tf('frequency','R/P6W'))
d.all('TIMEFRAME','6 months',tf('duration','P6M'))
d.add('TIMEFRAME','every 12 weeks',tf('frequency','R/P12W'))
# ENDPOINT
d.add('ENDPOINT','Overall Tumor Response',ep('objective response rate','ORR'))
d.all('ENDPOINT','Adverse Events',ep('adverse events','AE'))
# CRITERION
a=t.find('Inclusion Criteria:\n'); b=t.find('Exclusion Criteria:\n'); c=t.find('Outcome Measurement:')
inc=[x.strip() for x in t[a:b].split('\n')[1:] if x.strip()]
exc=[x.strip() for x in t[b:c].split('\n')[1:] if x.strip()]
for q in inc: d.add('CRITERION',q,crit('inclusion',False),q)
for q in exc:
    neg = q.startswith('Must not be pregnant') or q.startswith('Unable to take')
    d.add('CRITERION',q,crit('exclusion',neg),q)
