import re
from lib import Doc
d=Doc('NCT01537029')
I,E='inclusion','exclusion'
A=dict(negated=False,kind='agent',drugbank_id=None)
n1=d.allw('DRUG','doxorubicin',re.I,normalized='doxorubicin',**A)
n2=d.allw('DRUG','cyclophosphamide',re.I,normalized='cyclophosphamide',**A)
print('dox',n1,'cyc',n2)
d.drug('cylcophosphamide','cyclophosphamide')
for q in ['carbamazepine','fosphenytoin','paclitaxel','sorafenib','valspodar','verapamil','nevirapine','ondansetron']:
    d.drug(q,q)
d.drug('phenytoin','phenytoin',anchor='paclitaxel, phenytoin')
d.drug('cyclosporine','cyclosporine',anchor='fosphenytoin',k=0) if False else None
d.drug('cyclosporine','cyclosporine',anchor='carbamazepine, cyclosporine')
d.drug('cyclosporine','cyclosporine',anchor='concentrations: cyclosporine, nevirapine')
d.tf('30 minute','duration','PT30M',anchor='doxorubicin (30 minute infusion)')
d.tf('30 minute','duration','PT30M',anchor='cylcophosphamide (30 minute infusion)')
d.tf('0-48 hours','duration','PT0H','PT48H')
d.ep('Adverse Events','adverse events','AE',anchor='Adverse Events 1:')
d.cr('Females, age 18 years of age or older, of all racial and ethnic origins that are scheduled to receive the first cycle of a single intravenous dose of doxorubicin (30 minute infusion) and cylcophosphamide (30 minute infusion) as part of standard medical care for breast cancer. English and/or Spanish speaking participants are eligible to participate.',I,False)
d.cr('Pregnant or nursing or unwilling to use a reliable contraception method during the study. The effects of doxorubicin and cyclophosphamide on pregnancy are unknown. In addition, the metabolic changes that accompany pregnancy may alter the concentration-time profile of doxorubicin or cyclophosphamide, so that the pregnancy and post-partum state would be a confounding variable.',E,False)
d.cr('Participants unwilling to comply with study procedures.',E,True)
for q in ['CrCl < 10 ml/min','Participants requiring peritoneal or hemodialysis','Serum bilirubin > 1.19 mg/dL',
 'Receipt of the following drugs that: a) Alter doxorubicin concentrations: carbamazepine, cyclosporine, fosphenytoin, paclitaxel, phenytoin, sorafenib, valspodar, verapamil; b) Alter cyclophosphamide concentrations: cyclosporine, nevirapine, ondansetron; c) All other drugs will be reviewed during screening of the patient']:
    d.cr(q,E,False)
OUT=d.out()
