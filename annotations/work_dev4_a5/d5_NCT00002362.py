from lib import *
d=Doc('NCT00002362'); t=d.t
arv='antiretrovirals'
# title
d.add('DRUG','Emtricitabine',drug('emtricitabine'),'A Comparison of Emtricitabine')
d.add('DRUG','Abacavir',drug('abacavir'),'Emtricitabine and Abacavir Used')
d.add('DRUG','Anti-HIV Drugs',drug(arv,'class',neg=True))   # "Who Have Never Taken Anti-HIV Drugs"
# summary
s='whether emtricitabine is'
d.add('DRUG','emtricitabine',drug('emtricitabine'),s)
d.add('DRUG','abacavir',drug('abacavir'),'as safe and effective as abacavir')
d.add('DRUG','ABC',drug('abacavir'),'abacavir (ABC)')
d.add('DRUG','stavudine',drug('stavudine'),'taken with stavudine')
d.add('DRUG','d4T',drug('stavudine'))
d.add('DRUG','efavirenz',drug('efavirenz'),'and efavirenz (EFV)')
d.add('DRUG','EFV',drug('efavirenz'))
d.add('DRUG','anti-HIV drugs',drug(arv,'class',neg=True),'never taken anti-HIV drugs')
# interventions
d.add('DRUG','Abacavir sulfate',drug('abacavir'))
d.add('DRUG','Efavirenz',drug('efavirenz'),'DRUG: Efavirenz')
d.add('DRUG','Emtricitabine',drug('emtricitabine'),'DRUG: Emtricitabine')
d.add('DRUG','Stavudine',drug('stavudine'),'DRUG: Stavudine')
# description
s='open-label emtricitabine or ABC in combination with stavudine and efavirenz'
d.add('DRUG','emtricitabine',drug('emtricitabine'),s)
d.add('DRUG','ABC',drug('abacavir'),s)
d.add('DRUG','stavudine',drug('stavudine'),s)
d.add('DRUG','efavirenz',drug('efavirenz'),s)
d.add('TIMEFRAME','48 weeks',tf('duration','P48W'),'followed for 48 weeks')
# eligibility
d.add('DRUG','anti-HIV drugs',drug(arv,'class'),'Have ever taken anti-HIV drugs')
d.add('TIMEFRAME','3 days',tf('duration','P3D'),'for 3 days or more')
d.add('TIMEFRAME','within the past 30 days',tf('duration','P30D'))
a=t.find('You may be eligible if you:'); b=t.find('Exclusion Criteria'); c=t.find('You will not be eligible if you:')
inc=[x.strip()[1:].strip() for x in t[a:b].split('\n') if x.strip().startswith('-')]
exc=[x.strip()[1:].strip() for x in t[c:].split('\n') if x.strip().startswith('-')]
assert len(inc)==5 and len(exc)==8
for q in inc: d.add('CRITERION',q,crit('inclusion',False),q)
for q in exc: d.add('CRITERION',q,crit('exclusion',q.startswith('Are unable to eat')),q)
