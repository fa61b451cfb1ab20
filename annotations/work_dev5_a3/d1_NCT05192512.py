from lib import Doc
from critsplit import tilde_criteria
d = Doc('NCT05192512')
# DRUG: investigational code, title/summary
d.all('DRUG', 'TQB2928', d.drug, norm='tqb2928')
d.drug('bispecific antibodies', 'cd47/sirpa-targeting bispecific antibodies', 'class')
d.drug('fusion proteins targeting CD47 or signal regulatory protein alpha (SIRP)', 'cd47/sirpa-targeting fusion proteins', 'class')
d.drug('antibodies', 'therapeutic antibodies', 'class', ctx='Therapeutic or experimental antibodies')
d.drug('tyrosine kinase inhibitor', 'tyrosine kinase inhibitors', 'class')
d.drug('TKI', 'tyrosine kinase inhibitors', 'class', ctx='(TKI)')
# TIMEFRAME
d.tf('12 weeks', 'P12W', ctx='life expectancy 12 weeks')
d.tf('within 7 days', 'P7D')
d.tf('at least 6 months', 'P6M')
d.tf('more than 3 years', 'P3Y')
d.tf('within 3 months', 'P3M', ctx='antibodies within 3 months')
d.tf('within 3 months', 'P3M', ctx='immunotherapy within 3 months')
d.tf('within 3 months', 'P3M', ctx='Evans syndrome within 3 months')
# CRITERION: all not negated (see notes for piece 3, mixed line)
tilde_criteria(d, {})
