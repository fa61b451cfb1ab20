from lib import Doc
from critsplit import line_criteria
d = Doc('NCT00429507')
SM = 'samarium sm 153 lexidronam'
d.all('DRUG', 'Samarium 153-EDTMP', d.drug, norm=SM)
d.all('DRUG', '153 Sm-EDTMP', d.drug, norm=SM)
d.drug('anthracycline', 'anthracyclines', 'class')
d.drug('taxane', 'taxanes', 'class')
d.drug('strontium-89', 'strontium-89 chloride')
d.drug('samarium-153', SM)
d.drug('Samarium', SM, ctx='high dose Samarium')
# RADIATION_DOSE: constraint
d.rd('40 Gy', [40, 40], 'unspecified')
# TIMEFRAME
d.all('TIMEFRAME', '7-14 days', d.tf, value='P7D', vmax='P14D')
d.all('TIMEFRAME', 'about 14-21 days', d.tf, value='P14D', vmax='P21D')
d.tf('less than 6 months', 'P6M')
d.tf('within 3 weeks', 'P3W')
d.tf('within 30 days', 'P30D')
d.tf('7.5 Years', 'P7.5Y')
d.tf('March 2007', '2007-03', kind='date')
d.tf('November 2014', '2014-11', kind='date')
# ENDPOINT
d.ep('Time to Progression', 'time to progression', 'TTP')
d.ep('Time to progression', 'time to progression', 'TTP')
d.ep('Adverse Events', 'adverse events', 'AE', ctx='Adverse Events 1:')
# CRITERION
line_criteria(d, 'Inclusion Criteria:', 'Outcome Measurement:', {
    'Inability to stop any chemotherapy': True,
})
