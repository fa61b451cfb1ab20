from common import Doc
d = Doc('NCT05009290')
t = d.text
# DRUG: SHR3680 is the code of rezvilutamide (Jiangsu Hengrui); ADT is a modality; placebo not DRUG
d.drug('SHR3680', 'rezvilutamide', ctx='A Trial of SHR3680')
d.drug('SHR3680', 'rezvilutamide', ctx='safety of SHR3680 plus')
# ENDPOINT
d.ep('pathologic complete response', 'pathologic complete response', 'pCR')
d.ep('pCR', 'pathologic complete response', 'pCR', ctx='(pCR) rate')
d.ep('metastasis-free survival', 'metastasis-free survival', 'MFS')
d.ep('MFS', 'metastasis-free survival', 'MFS', ctx='(MFS)')
# CRITERIA
segs = t[t.find('Eligibility'):].split('~')
inc = {1: False, 2: False, 3: False, 4: False, 5: True, 6: False}
exc = {8: False, 9: False, 10: False, 11: False, 12: False, 13: False}
for i, neg in inc.items():
    d.crit(segs[i].strip(), 'inclusion', neg, ctx='~' + segs[i])
for i, neg in exc.items():
    d.crit(segs[i].strip(), 'exclusion', neg, ctx='~' + segs[i])
# criterion contents
d.drug('first-generation androgen receptor antagonists', 'first-generation androgen receptor antagonists', 'class')
d.drug('bicalutamide', 'bicalutamide')
d.tf('not more than 4 weeks', 'P4W')
d.tf('within 4 weeks', 'P4W')
d.tf('within 12 months', 'P12M')
d.tf('within 6 months', 'P6M')
d.write()
