from lib import Doc
d = Doc('NCT02315053')
# DRUG: FDG is a radiopharmaceutical (tracer given to the patient) -> DRUG, every mention
d.D('FDG', 'fludeoxyglucose', at='all')
d.D('fluorodeoxyglucose', 'fludeoxyglucose')
d.D('Fludeoxyglucose', 'fludeoxyglucose')
# ENDPOINT
d.E('PFS', 'progression-free survival', 'PFS')
d.E('Progression free survival', 'progression-free survival', 'PFS')
d.E('progression free survival', 'progression-free survival', 'PFS')
# TIMEFRAME
d.T('1 Year', 'duration', 'P1Y', at='all')
d.T('two weeks', 'duration', 'P2W', at='first two weeks of treatment, indicating inflammatory response., • Increase')
d.T('two weeks', 'duration', 'P2W', at='SUVmax during the first two weeks of treatment, indicating inflammatory response., First')
d.T('Two weeks', 'duration', 'P2W', at='First Two weeks')
d.T('two weeks', 'duration', 'P2W', at='in the two weeks prior')
d.T('Two weeks', 'duration', 'P2W', at=', Two weeks prior')
d.T('two months', 'duration', 'P2M')
d.T('in the last 3 years', 'duration', 'P3Y')
# CRITERION
inc = ['Cytologically or histologically proven NSCLC',
       'T2-4 N0-3 M0 disease (stage II or III, inoperable)',
       'Scheduled for standard concurrent chemoradiation',
       'Primary tumour minimal diameter 3 cm',
       'Primary tumour SUVmax > 5 on routine diagnostic pre-treatment FDG (Fludeoxyglucose) PET/CT',
       'WHO performance 0-1',
       'Written informed consent according to GCP (Good Clinical Practice) and national regulations']
exc = ['Age < 18 years, incapacitated subjects',
       'Pregnant or lactating women',
       'Diabetes mellitus requiring medication',
       'Participation in dose escalation studies',
       'Other neoplasms in the last 3 years, with metastases']
for c in inc: d.C(c, 'inclusion')
for c in exc: d.C(c, 'exclusion')
d.save()
