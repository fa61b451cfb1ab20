from lib import *
d = Doc('NCT00005138')
d.addall('TIMEFRAME', '1973', T('date', '1973'))
d.addall('TIMEFRAME', '1975', T('date', '1975'))
d.addall('TIMEFRAME', '1978', T('date', '1978'))
d.add('TIMEFRAME', 'between 1971-1974', T('date', '1971', '1974'))
d.add('TIMEFRAME', '3-6 years', T('duration', 'P3Y', 'P6Y'))
d.add('TIMEFRAME', '6-9 years', T('duration', 'P6Y', 'P9Y'))
d.add('TIMEFRAME', 'five year', T('duration', 'P5Y'), anchor='five year follow-up')
d.add('TIMEFRAME', '1984', T('date', '1984'))
# 'No eligibility criteria' is a placeholder, not a criterion
d.check('Eligibility\n', '\n', {'Eligibility', 'No eligibility criteria'})
