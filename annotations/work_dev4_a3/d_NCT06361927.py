from lib import Doc
d=Doc('NCT06361927')
I,E='inclusion','exclusion'
n=d.allw('DRUG','SSGJ-707',negated=False,normalized='ssgj-707',kind='agent',drugbank_id=None); assert n==5,n
d.ep('ORR','objective response rate','ORR')
d.ep('Objective response rate','objective response rate','ORR')
d.tf('12 months','duration','P12M',anchor='Objective response rate, 12 months')
d.ep('adverse events','adverse events','AE',anchor='severity of adverse events')
d.tf('12 months','duration','P12M',anchor='severity of adverse events, 12 months')
d.tf('>=3 months','duration','P3M')
for q in ['Males and/or females over age 18',
 'Histologically and/or cytologically documented local advanced or metastatic NSCLC .',
 'Eastern Cooperative Oncology Group (ECOG) performance status of 0-1.',
 'Expected survival >=3 months.',
 'Signed informed consent form.']: d.cr(q,I,False)
d.cr('Known uncontrolled or symptomatic central nervous system metastatic disease.',E,False)
d.cr('Adverse events (with exception of alopecia and fatigue) from any prior anticancer therapy of grade >1 (National Cancer Institute Common terminology Criteria [NCI CTCAE] v.5.0).',E,False)
d.cr('Inadequate organ or bone marrow function.',E,True)
d.cr('Pregnant or breast-feeding woman.',E,False)
d.cr("Known allergies, hypersensitivity, or intolerance to SSGJ-707. The above information was not intended to contain all considerations relevant to a participant's potential participation in a clinical trial.",E,False)
OUT=d.out()
