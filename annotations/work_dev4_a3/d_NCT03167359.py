import re
from lib import Doc
d=Doc('NCT03167359')
I,E='inclusion','exclusion'
n=d.allw('TIMEFRAME','three weeks',negated=False,kind='duration',value='P3W',value_max=None); assert n==2
n=d.allw('RADIATION_DOSE','2.66 Gy per day x 15 fractions',negated=False,dose_gy=[2.66,2.66],dose_kind='per_fraction',fractions=[15,15],total_gy=[39.9,39.9]); assert n==2
n=d.allw('RADIATION_DOSE','0.54 Gy per day x 15 fractions',negated=False,dose_gy=[0.54,0.54],dose_kind='per_fraction',fractions=[15,15],total_gy=[8.1,8.1]); assert n==2
d.ep('Cutaneous Toxicity','skin toxicity')
d.ep('Cutaneous toxicity','skin toxicity')
d.tf('Up to 18 months','duration','P18M')
d.ep('Adverse Events','adverse events','AE',anchor='Adverse Events 1:')
for q in ['Prior Chemotherapy for Breast Cancer',
 'Greater than 25 cm of breast separation (the largest distance on an axial slice of the planning CT simulation scan between the entry and exit points of the radiation beam on the body)']: d.cr(q,I,False)
d.cr('Non-Caucasian Race',I,True)
d.cr('Less than or equal to 50 years of age',I,False)
d.cr('Requiring regional nodal irradiation without evidence of N3 disease',I,False)
d.cr('Males will be excluded',E,False)
d.cr('Women who are pregnant or nursing a child may not take part in this study',E,False)
OUT=d.out()
