from lib import Doc
from critsplit import line_criteria
d = Doc('NCT00001402')
BB = 'beta blockers'
d.drug('Beta-Blockers', BB, 'class')
d.all('DRUG', 'beta-blockers', d.drug, norm=BB, kind='class')
d.drug('Beta-blockers', BB, 'class')
d.drug('beta-blocker', BB, 'class', ctx='beta-blocker therapy')
d.drug('beta-blocker', BB, 'class', ctx='beta-blocker administration')
d.drug('digoxin', 'digoxin')
d.drug('diuretics', 'diuretics', 'class')
d.drug('angiotensin converting enzyme inhibitors', 'angiotensin converting enzyme inhibitors', 'class')
# TIMEFRAME
d.tf('at least one month', 'P1M')
d.tf('within 3 months', 'P3M')
d.tf('within past 2 months', 'P2M')
d.tf('within 6 months', 'P6M')
# CRITERION: only 'Eligibility' heading -> inclusion
line_criteria(d, '\nEligibility\n', None, {'No ': True})
