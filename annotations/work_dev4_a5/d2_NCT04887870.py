from lib import *
d=Doc('NCT04887870'); t=d.t
d.all('DRUG','Sitravatinib',drug('sitravatinib'))
d.all('DRUG','sitravatinib',drug('sitravatinib'))
e0=t.find('Eligibility')
parts=t[e0:].split('~'); sec='inclusion'
for i,p in enumerate(parts):
    q=p.strip()
    if i==4: sec='exclusion'
    if i in (0,4): continue
    d.add('CRITERION',q,crit(sec,False),q)
