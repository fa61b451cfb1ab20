from lib import Doc
d = Doc('NCT01313117')
# DRUG
d.D('Alpha Lipoic Acid', 'lipoic acid', at='all')    # intervention name, arm title
d.D('Alpha lipoic acid', 'lipoic acid', at='all')    # intervention description, arm description
d.D('ALA', 'lipoic acid', at='all')                  # outcome title, exclusion
d.D('paclitaxel', 'paclitaxel')
d.D('anti-oxidant supplements', 'antioxidant supplements', kind='class')
# TIMEFRAME
d.T('three times daily', 'frequency', None, at='all')
d.T('four months', 'duration', 'P4M', at='all')
d.T('three months', 'duration', 'P3M')
d.T('4 months', 'duration', 'P4M')
# ENDPOINT
d.E('maximum tolerated dose', 'maximum tolerated dose', 'MTD', at='all')
d.E('Adverse Event', 'adverse events', 'AE', at='Acceptable Adverse Event(AE)')
d.E('AE', 'adverse events', 'AE', at='Event(AE)')
d.E('adverse event', 'adverse events', 'AE', at='acceptable adverse event (AE)')
d.E('AE', 'adverse events', 'AE', at='event (AE)')
d.E('Adverse Events', 'adverse events', 'AE', at='Adverse Events 1:')
# CRITERION
inc = ['Diagnosis of Breast cancer.',
       'Early stage breast cancer (stages I, IIA) must be estrogen receptor (ER) positive AND low tumor grade (histopathologic grade 1 or 2)',
       'Inflammatory breast cancer (IBC) (stage IIIC)',
       'Metastatic breast cancer (stage IV)',
       'Must be receiving single agent paclitaxel in their prescribed chemotherapy regimen.',
       'Age > 18 years. There is no upper age limit for participation in this study.',
       'Required lab values: AST, ALT, creatinine',
       'Women of childbearing potential and sexually active males must agree to use contraception while on study.',
       'ECOG performance status 0,1,2',
       'All patients must have given signed, informed consent.']
for c in inc: d.C(c, 'inclusion')
t = d.text
s = t.index('Locally advanced breast cancer (LABC)'); e = t.index('\n', s)
d.C(t[s:e], 'inclusion')
exc = ['Breast cancer stage 0',
       'Early stage breast cancer (stages I, IIA) that is ER negative OR higher tumor grade (histopathologic grade greater than 2)',
       'Stages I, II, and IIIA triple negative breast cancer (negative for estrogen receptors, progesterone receptors, and HER2)',
       'LABC (stages IIB, IIIA, IIB) that are ER negative',
       'Evidence of pre-existing peripheral neuropathy as determined by baseline Michigan neuropathy screening instrument score > 2.',
       'Previous chemotherapy treatment of any kind.',
       'AST and ALT >2 times upper limit of normal; Creatinine > 2.0 mg/dL.',
       'Current use of medications or substances known to be associated with peripheral neuropathy.',
       'Use of ALA or other anti-oxidant supplements during the prior three months.',
       'Diabetes mellitus or use of medications known to lower blood sugar.',
       'Participation in any other experimental trial.']
for c in exc: d.C(c, 'exclusion')
s = t.index('LABC (stages IIB, IIIA, IIB) if'); e = t.index('\n', s)
d.C(t[s:e], 'exclusion')
d.save()
