from lib import *
d=Doc('NCT00005254'); t=d.t
d.add('TIMEFRAME','July 1984',tf('date','1984-07'))
d.add('TIMEFRAME','June 1989',tf('date','1989-06'))
d.add('TIMEFRAME','five year',tf('duration','P5Y'),'five year interval')
d.add('TIMEFRAME','1978-1981',tf('date','1978','1981'))
# "No eligibility criteria": placeholder, no CRITERION
