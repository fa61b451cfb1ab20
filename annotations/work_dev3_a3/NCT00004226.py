from common import Doc
d = Doc('NCT00004226')
t = d.text
# objectives
d.ep('local control', 'local control', 'LC', ctx='survival and local control')
# "acute and late toxicities": only the written full name (elided head not completed)
d.ep('late toxicities', 'late toxicity', ctx='acute and late toxicities')
d.ep('quality of life', 'quality of life', 'QoL', ctx='change in quality of life')
# outline
d.tf('five times weekly', None, 'frequency')
d.tf('6 weeks', 'P6W', ctx='weekly for 6 weeks')
d.ep('Quality of life', 'quality of life', 'QoL', ctx='Quality of life is assessed')
c1 = 'Quality of life is assessed prior to study, 2 months after radiotherapy, every 3 months for remainder of year 1, every 4 months for years 2-3, every 6 months for years 4-5'
d.tf('2 months', 'P2M', ctx=c1)
d.tf('every 3 months', 'R/P3M', 'frequency', ctx=c1)
d.tf('every 4 months', 'R/P4M', 'frequency', ctx=c1)
d.tf('every 6 months', 'R/P6M', 'frequency', ctx=c1)
c2 = 'Patients are followed 2 months after radiotherapy, every 3 months for year 1, every 4 months for year 2, every 6 months for years 3-5'
d.tf('2 months', 'P2M', ctx=c2)
d.tf('every 3 months', 'R/P3M', 'frequency', ctx=c2)
d.tf('every 4 months', 'R/P4M', 'frequency', ctx=c2)
d.tf('every 6 months', 'R/P6M', 'frequency', ctx=c2)
d.tf('within 5 years', 'P5Y')
# CRITERIA (eligibility with no inclusion/exclusion heading -> inclusion)
L = t[t.find('Eligibility'):].split('\n')
crit = {5: False, 7: False, 9: False, 11: False, 13: False, 15: False, 17: True, 19: True, 21: False,
        23: False, 25: False, 27: False, 31: True, 33: False, 35: False, 41: False, 45: False, 49: False,
        65: True, 67: True}
for i, neg in crit.items():
    q = L[i].strip().lstrip('-').strip()
    d.crit(q, 'inclusion', neg, ctx='-  ' + q)
d.tf('At least 6 months', 'P6M')
d.rd('45 Gy', [45, 45], 'unspecified', None, None, ctx='at least 45 Gy')
d.tf('within 6-12 weeks', 'P6W', vmax='P12W')
d.tf('At least 3 months', 'P3M')
d.tf('within 3 years', 'P3Y')
d.write()
