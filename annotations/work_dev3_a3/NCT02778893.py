from common import Doc
d = Doc('NCT02778893')
t = d.text
# title
d.drug('Conmana', 'icotinib', ctx='Conmana Combined With')
d.drug('Thalidomide', 'thalidomide', ctx='With Thalidomide to Treat')
# summary
d.drug('Conmana', 'icotinib', ctx='with Conmana combined with thalidomide as')
d.drug('thalidomide', 'thalidomide', ctx='combined with thalidomide as first-line')
d.drug('EGFR-Tyrosine kinase inhibitors', 'egfr tyrosine kinase inhibitors', 'class')
d.drug('TKI', 'tyrosine kinase inhibitors', 'class', ctx='(TKI)')
d.ep('response rate', 'objective response rate', 'ORR', ctx='(TKI) response rate')
d.ep('ORR', 'objective response rate', 'ORR', ctx='(ORR)')
d.ep('time to progression', 'time to progression', 'TTP', ctx='prolong time to progression')
# written "(PFS)" after time to progression: tagged as the abbreviation as written
d.ep('PFS', 'progression-free survival', 'PFS', ctx='progression (PFS)')
# interventions
d.drug('Conmana', 'icotinib', ctx='DRUG: Conmana')
d.drug('Thalidomide', 'thalidomide', ctx='DRUG: Thalidomide')
# outcome
d.tf('5 years', 'P5Y', ctx='5 years the progression-free')
d.ep('progression-free survival', 'progression-free survival', 'PFS', ctx='5 years the progression-free survival')
d.ep('PFS', 'progression-free survival', 'PFS', ctx='survival (PFS) rate')
d.drug('thalidomide', 'thalidomide', ctx='combination of thalidomide with gefitinib')
d.drug('gefitinib', 'gefitinib')
d.tf('5 years', 'P5Y', ctx='EGFR mutations., 5 years')
# objective
d.drug('thalidomide', 'thalidomide', ctx='safety of thalidomide with Conmana')
d.drug('Conmana', 'icotinib', ctx='thalidomide with Conmana in patients')
# CRITERIA
L = t[t.find('Eligibility'):].split('\n')
inc = {3: False, 4: False, 5: False, 6: False, 7: False, 8: False, 9: False}
exc = {13: False, 14: False, 15: False, 16: False, 17: False, 18: False, 19: True, 20: True}
import re
for idx, sec in ((inc, 'inclusion'), (exc, 'exclusion')):
    for i, neg in idx.items():
        q = re.sub(r'^\d+\.\s+', '', L[i].strip())
        d.crit(q, sec, neg, ctx=L[i])
d.tf('greater than 3 months', 'P3M')
d.tf('within two week', 'P2W')
d.drug('thalidomide', 'thalidomide', ctx='the mother with thalidomide')
d.drug('antibiotics', 'antibiotics', 'class', ctx='injection of antibiotics')
d.drug('thalidomide', 'thalidomide', ctx='composition to thalidomide and icotinib')
d.drug('icotinib', 'icotinib', ctx='thalidomide and icotinib')
d.tf('6 months', 'P6M', ctx='ischemic attack in 6 months')
d.tf('5 years', 'P5Y', ctx='6. 5 years of suffering')
d.write()
