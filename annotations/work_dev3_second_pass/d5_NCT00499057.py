from lib import Doc
d = Doc('NCT00499057')
I, X = 'inclusion', 'exclusion'
d.R('4 Gy', [4, 4], 'unspecified', None, None, ctx='Patients receive 4 Gy')
d.T('twice a day', 'frequency', None)
d.T('4 days', 'duration', 'P4D')
d.R('32 Gy', [32, 32], 'total', None, [32, 32])
# outcomes
d.E('cancer related deaths', 'cancer-specific mortality')
d.T('6 months', 'duration', 'P6M')
d.E('local relapses', 'local recurrence rate')
d.T('6 months', 'duration', 'P6M')
d.E('quality of life', 'quality of life', 'QoL')
d.T('6 months', 'duration', 'P6M')
# 'cosmetic results': not a named endpoint of the contract; 'toxicity' bare: not ENDPOINT
d.T('6 months', 'duration', 'P6M')
d.T('6 months', 'duration', 'P6M')
d.T('within 12 weeks', 'duration', 'P12W')
d.R('4 Gy', [4, 4], 'unspecified', None, None, ctx='4 Gy twice a day, with')
d.T('twice a day', 'frequency', None)
d.T('at least 6 hours', 'duration', 'PT6H')
d.T('four days', 'duration', 'P4D')
d.R('32 Gy', [32, 32], 'total', None, [32, 32])
inc = ['Age > or = 40 years', 'ECOG performance status 0-2', 'T dimensions ≤ 2.5 cm']
d.cur = d.text.index('Inclusion Criteria:')
for c in inc: d.C(c, I, ctx='-  ' + c + '\n')
d.C('Negative surgical margins', I, neg=True)
d.C('Negative axillary lymph nodes', I, neg=True)
d.C('Suitable breast anatomy for implantation', I)
exc = ['Age < 40 years', 'ECOG performance status > 2', 'T dimensions > 2.5', 'Positive surgical margins', 'Positive axillary lymph node',
 'Infiltrating lobular histology', 'Significant areas of lobular carcinoma in situ', "Paget's disease of the nipple",
 'Extensive intraductal component (EIC)', 'Lymphovascular invasion', 'Multifocality (n) skin infiltration']
d.cur = d.text.index('Exclusion Criteria:')
for c in exc: d.C(c, X, ctx='-  ' + c)
