import re
from lib import Doc
d=Doc('NCT00002938')
I='inclusion'
T=d.tf
# outcome lines
T('q 3 mon','frequency','R/P3M')
T('2 years','duration','P2Y',anchor='q 3 mon for 2 years')
T('q 6 mon','frequency','R/P6M')
T('2 yrs','duration','P2Y')
d.ep('QOL','quality of life','QoL')
d.ep('Quality of life','quality of life','QoL',anchor='Quality of life questionnaire')
L='3, 6, 12, 18, and 24 mon post'
for q,v in [('3','P3M'),('6','P6M'),('12','P12M'),('18','P18M'),('24 mon','P24M')]: T(q,'duration',v,anchor=L)
# objectives
d.ep('failure-free survival','failure-free survival','FFS')
d.ep('disease-free survival','disease-free survival','DFS')
d.ep('overall survival','overall survival','OS')
d.ep('quality of life','quality of life','QoL',anchor='and quality of life of patients treated')
d.ep('quality of life','quality of life','QoL',anchor='Determine the quality of life measures')
d.ep('quality of life','quality of life','QoL',anchor='data on the quality of life of patients undergoing')
d.ep('Quality of life','quality of life','QoL',anchor='Quality of life is assessed')
L='at 3, 6, 12, 18, and 24 months after surgery'
for q,v in [('3','P3M'),('6','P6M'),('12','P12M'),('18','P18M'),('24 months','P24M')]: T(q,'duration',v,anchor=L)
L='at least every 3 months for 2 years, every 6 months for 2 years'
T('every 3 months','frequency','R/P3M',anchor=L)
T('2 years','duration','P2Y',anchor=L,k=0)
T('every 6 months','frequency','R/P6M',anchor=L)
T('2 years','duration','P2Y',anchor=L,k=1)
T('within 2 years','duration','P2Y')
# eligibility
d.rd('60 cGy',[0.6,0.6],'unspecified',None,None)
T('At least 5-10 years','duration','P5Y','P10Y')
T('At least 3 months','duration','P3M')
T('At least 18 months','duration','P18M')
C=lambda q,n=False: d.cr(q,I,n)
C('Histologically proven recurrent or persistent prostate cancer')
C('Prostate-specific antigen (PSA) no greater than 20 ng/mL')
C('Must have been previously treated with at least 60 cGy of external beam radiotherapy or brachytherapy for clinical stages T1-2NXM0 with PSA no greater than 30 ng/mL')
C('No metastatic disease at time of biopsy',True)
C('75 and under')
C('CALGB (Zubrod) 0-1')
C('At least 5-10 years')
C('No other "currently Temporarily closed" malignancy except nonmelanoma skin cancer',True)
C('Patients are not considered to have a "currently Temporarily closed" malignancy if they have completed therapy and are considered to be at less than 30% risk of relapse',True)
C('At least 3 months since prior adjuvant hormonal therapy')
C('At least 18 months since prior external beam or interstitial radiotherapy')
OUT=d.out()
