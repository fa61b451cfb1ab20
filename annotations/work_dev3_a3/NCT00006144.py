from common import Doc
d = Doc('NCT00006144')
t = d.text
# interventions: combination entry split into its agents
d.drug('Lopinavir', 'lopinavir', ctx='DRUG: Lopinavir/Ritonavir')
d.drug('Ritonavir', 'ritonavir', ctx='Lopinavir/Ritonavir|')
d.drug('Emtricitabine', 'emtricitabine', ctx='DRUG: Emtricitabine')
d.drug('Stavudine', 'stavudine', ctx='DRUG: Stavudine')
# description
d.drug('antiretroviral', 'antiretrovirals', 'class', ctx='highly active antiretroviral therapy')
c = 'open-label lopinavir/ritonavir (LPV/RTV) plus emtricitabine (FTC) plus stavudine (d4T)'
d.drug('lopinavir', 'lopinavir', ctx=c)
d.drug('ritonavir', 'ritonavir', ctx=c)
d.drug('LPV', 'lopinavir', ctx=c)
d.drug('RTV', 'ritonavir', ctx=c)
d.drug('emtricitabine', 'emtricitabine', ctx=c)
d.drug('FTC', 'emtricitabine', ctx=c)
d.drug('stavudine', 'stavudine', ctx=c)
d.drug('d4T', 'stavudine', ctx=c)
# "for 96 [AS PER AMENDMENT 06/04/02: 192] weeks": both numbers take the unit written after them
c2 = 'for 96 [AS PER AMENDMENT 06/04/02: 192] weeks'
d.tf('96', 'P96W', ctx=c2)
d.tf('06/04/02', '2002-06-04', 'date', ctx=c2)
d.tf('192', 'P192W', ctx=c2)
d.tf('every 12 weeks', 'R/P12W', 'frequency')
d.tf('06/04/02', '2002-06-04', 'date', ctx='Week 96 [AS PER AMENDMENT 06/04/02')
d.tf('06/04/02', '2002-06-04', 'date', ctx='[AS PER AMENDMENT 06/04/02: Substudy')
# CRITERIA
L = t[t.find('Eligibility'):].split('\n')
for idx, sec in (({5: 0, 7: 0, 9: 0, 11: 0, 13: 0}, 'inclusion'),
                 ({19: 0, 21: 0, 23: 0, 25: 0, 27: 0, 29: 0, 31: 0, 33: 0, 35: 0, 37: 0}, 'exclusion')):
    for i, neg in idx.items():
        q = L[i].strip().lstrip('-').strip()
        d.crit(q, sec, bool(neg), ctx='-  ' + q)
d.tf('within 60 days', 'P60D', ctx='2000 copies/ml within 60 days')
d.tf('within 60 days', 'P60D', ctx='cells/mm3 within 60 days')
d.tf('12 weeks', 'P12W', ctx='for 12 weeks after the study')
d.tf('within 30 days', 'P30D', ctx='hepatitis within 30 days')
d.tf('at least 14 days', 'P14D')
d.tf('within 30 days', 'P30D', ctx='14 days) within 30 days')
d.drug('antiretroviral drugs', 'antiretrovirals', 'class')
d.tf('more than 14 days', 'P14D')
d.drug('HIV vaccine', 'hiv vaccines', 'class')
d.tf('within 30 days', 'P30D', ctx='vaccine within 30 days')
d.tf('within 14 days', 'P14D')
d.write()
