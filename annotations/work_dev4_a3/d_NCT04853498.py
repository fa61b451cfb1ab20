from lib import Doc
d=Doc('NCT04853498')
I,E='inclusion','exclusion'
n=d.allw('DRUG','TQB3720',negated=False,normalized='tqb3720',kind='agent',drugbank_id=None); assert n==2,n
d.drug('second-generation androgen receptor antagonists','second-generation androgen receptor antagonists','class')
d.tf('12 weeks','duration','P12W')
d.tf('6 months','duration','P6M')
d.tf('< 1 month','duration','P1M')
d.tf('within 3 years','duration','P3Y')
d.tf('within 30 days','duration','P30D')
for q in ['Histologically or cytologically confirmed prostate carcinoma.',
 'Eastern Cooperative Oncology Group (ECOG) performance status score of 0 to 2; Life expectancy 12 weeks.',
 'Testosterone levels < 50 ng/dL.',
 'Has received 1 previous regimens for metastatic castration-resistant prostate cancer.',
 'Male subjects should agree to use an adequate method of contraception starting with signing ICF through 6 months after the last dose of study.',
 'Understood and signed an informed consent form.']: d.cr(q,I,False)
for q in ['Has symptomatic brain metastases or control of symptoms < 1 month.',
 'Has other malignancies within 3 years.',
 'Has used second-generation androgen receptor antagonists.',
 'Abnormal liver function.','Abnormal renal function.',
 'Has received any other investigational drug within 30 days weeks before first dose.']: d.cr(q,E,False)
d.cr('According to the judgement of the researchers, there are other factors that subjects are not suitable for the study.',E,True)
OUT=d.out()
