from common import Doc
d = Doc('NCT04688931')
t = d.text
# DRUG: UGN-102 is mitomycin for intravesical solution (the text says so)
d.drug('UGN-102', 'mitomycin', ctx='Study of UGN-102')
d.drug('UGN-102', 'mitomycin', ctx='safety of UGN-102')
d.drug('mitomycin', 'mitomycin', ctx='(mitomycin)')
# CRITERIA
segs = t[t.find('Eligibility'):].split('~')
inc = {1: False, 2: False, 4: False, 5: False, 6: False, 7: True, 9: False, 10: False, 11: False,
       12: False, 13: False, 14: False, 15: False, 16: False, 17: True, 18: False}
exc = {20: False, 21: False, 22: False, 23: False, 24: False, 25: False, 27: False, 28: False,
       29: False, 30: False, 31: False, 32: False, 33: False, 34: False, 35: False}
for i, neg in inc.items():
    d.crit(segs[i].strip(), 'inclusion', neg, ctx='~' + segs[i])
for i, neg in exc.items():
    d.crit(segs[i].strip(), 'exclusion', neg, ctx='~' + segs[i])
d.tf('within 8 weeks', 'P8W')
d.tf('within 1 year', 'P1Y')
d.tf('within 6 weeks', 'P6W')
d.tf('6 months', 'P6M', ctx='through 6 months post-treatment')
d.tf('within 5 years', 'P5Y')
d.drug('Bacillus Calmette-Gurin', 'bacillus calmette-guerin', ctx='Received Bacillus Calmette-Gurin')
d.drug('BCG', 'bacillus calmette-guerin')
d.tf('within previous 1 year', 'P1Y')
d.tf('in the past 2 years', 'P2Y')
d.drug('mitomycin', 'mitomycin', ctx='sensitivity to mitomycin')
d.drug('UGN-102', 'mitomycin', ctx='they received UGN-102')
d.tf('within 30 days', 'P30D')
d.write()
