import re
from lib import Doc
d=Doc('NCT00003565')
I='inclusion'
T=d.tf
A=dict(kind='agent',drugbank_id=None,normalized='docetaxel')
ms=list(re.finditer(r'docetaxel',d.text,re.I))
print('docetaxel',len(ms))
for m in ms:
    neg = d.text[m.start()-9:m.start()]=='No prior '
    d._add('DRUG',m.start(),m.group(),dict(negated=neg,**A))
d.ep('hematological toxicity','hematologic toxicity')
T('1 hour','duration','PT1H')
T('21 days','duration','P21D')
K=lambda q,norm,**kw: d.drug(q,norm,'class',**kw)
K('nitrosoureas','nitrosoureas'); d.drug('mitomycin','mitomycin')
K('hormones','hormones',neg=True)
K('steroids','steroids')
K('CYP3A enzyme inducer','cyp3a inducers')
K('CYP3A enzyme inhibitor','cyp3a inhibitors')
K('CYP450 inducing drugs','cyp450 inducers')
K('CYP450 3A inhibiting drugs','cyp3a inhibitors')
K('Antiseizure medications','anticonvulsants')
for q in ['phenobarbital','phenytoin','carbamazepine','lamotrigine','rifampin','isoniazid','sulfinpyrazone',
          'erythromycin','clarithromycin','azithromycin','roxithromycin','ketoconazole','fluconazole','itraconazole',
          'metronidazole','chloramphenicol','ritonavir','indinavir','nelfinavir','delavirdine','cyclosporine','nefazodone']:
    d.drug(q,q)
K('Macrolides','macrolides'); K('Azoles','azole antifungals'); K('antibiotics','antibiotics')
K('Anti-HIV drugs','antiretrovirals'); K('Immunosuppressive agents','immunosuppressants'); K('Antidepressant agent','antidepressants')
T('At least 4 weeks','duration','P4W'); T('6 weeks','duration','P6W'); T('At least 2 weeks','duration','P2W')
T('At least 48 hours','duration','PT48H')
T('At least 7 days','duration','P7D',anchor='At least 7 days since prior or concurrent CYP450 inducing')
T('At least 7 days','duration','P7D',anchor='At least 7 days since prior or concurrent CYP450 3A')
C=lambda q,n=False: d.cr(q,I,n)
for q in ['Histologically proven unresectable solid tumors (e.g., lung, breast, head and neck, bladder)',
 'Clinically suitable for treatment with single agent docetaxel',
 'Caucasian (at least 2 generations originating in any of the original peoples of Europe, North Africa, or the Middle East) OR',
 'African American (at least 2 generations originating in any of the black racial groups of Africa)',
 '18 and over','0-2','Granulocyte count at least 1,500/mm3','Platelet count at least 100,000/mm3',
 'Bilirubin no greater than upper limit of normal (ULN)','AST no greater than 1.5 times ULN AND',
 'Alkaline phosphatase no greater than 2.5 times ULN','BUN no greater than 1.5 times ULN','Creatinine no greater 1.5 times ULN']: C(q)
C('Not pregnant or nursing',True)
C('Fertile patients must use effective contraception')
C('No prior bone marrow transplantation',True)
C('No prior docetaxel',True)
C('Prior paclitaxel allowed'); d.drug('paclitaxel','paclitaxel')
C('1 or 2 prior chemotherapy regimens allowed')
C('At least 4 weeks since prior chemotherapy (6 weeks for nitrosoureas or mitomycin)')
C('No other concurrent chemotherapy',True)
C('No concurrent hormones for disease related conditions',True)
C('Concurrent steroids for adrenal failure allowed')
C('At least 2 weeks since prior radiotherapy')
C('Palliative radiotherapy allowed except whole brain irradiation for CNS disease')
C('At least 48 hours since prior or concurrent ethanol (CYP3A enzyme inducer) or grapefruit juice (CYP3A enzyme inhibitor)')
for q in ['Antiseizure medications: phenobarbital, phenytoin, carbamazepine, or lamotrigine',
 'Anti-TB therapy: rifampin, isoniazid, or sulfinpyrazone',
 'Macrolides: erythromycin, clarithromycin, azithromycin, or roxithromycin',
 'Azoles: ketoconazole, fluconazole, or itraconazole',
 'Other antibiotics: metronidazole or chloramphenicol',
 'Anti-HIV drugs: ritonavir, indinavir, nelfinavir, or delavirdine',
 'Immunosuppressive agents: cyclosporine','Antidepressant agent: nefazodone']: C(q)
OUT=d.out()
