from helper import Doc
d = Doc('NCT00499057')
t = d.text
# RADIATION_DOSE: "4 Gy twice a day" = the per-fraction dose with its frequency (gold precedent "2.5 Gy daily",
# "2 Gy per day" -> per_fraction; fractions and total not in the span).
d.dose('4 Gy twice a day', [4, 4], 'per_fraction', ctx='receive 4 Gy twice a day')
d.dose('32 Gy', [32, 32], 'total', total_gy=[32, 32], ctx='(total dose 32 Gy)')
d.dose('4 Gy twice a day', [4, 4], 'per_fraction', ctx='schedule is 4 Gy twice a day')
d.dose('32 Gy', [32, 32], 'total', total_gy=[32, 32], ctx='for a total dose 32 Gy')
# TIMEFRAME
d.tf('twice a day', 'frequency', None, ctx='receive 4 Gy twice a day')
d.tf('4 days', 'duration', 'P4D', ctx='for 4 days (total')
for i in range(5):
    d.tf('6 months', 'duration', 'P6M', nth=i)
d.tf('within 12 weeks', 'duration', 'P12W')
d.tf('twice a day', 'frequency', None, ctx='schedule is 4 Gy twice a day')
d.tf('at least 6 hours', 'duration', 'PT6H')
d.tf('four days', 'duration', 'P4D')
# ENDPOINT: outcome-measure titles. "cosmetic results" (not a named endpoint) and bare "toxicity" left out.
d.ep('cancer related deaths', 'cancer-specific mortality', None)
d.ep('local relapses', 'local recurrence', None)
d.ep('quality of life', 'quality of life', 'QoL')
# CRITERION
elig = t[t.index('Inclusion Criteria:\n'):]
lines = [l for l in elig.split('\n') if l.strip()]
I, E = 'inclusion', 'exclusion'
attrs = [None,
         (I, False),  # Age > or = 40 years
         (I, False),  # ECOG performance status 0-2
         (I, False),  # T dimensions <= 2.5 cm
         (I, True),   # Negative surgical margins (gold precedent NCT01463007: negated)
         (I, True),   # Negative axillary lymph nodes
         (I, False),  # Suitable breast anatomy for implantation
         None,
         (E, False),  # Age < 40 years
         (E, False),  # ECOG performance status > 2
         (E, False),  # T dimensions > 2.5
         (E, False),  # Positive surgical margins
         (E, False),  # Positive axillary lymph node
         (E, False),  # Infiltrating lobular histology
         (E, False),  # Significant areas of lobular carcinoma in situ
         (E, False),  # Paget's disease of the nipple
         (E, False),  # Extensive intraductal component (EIC)
         (E, False),  # Lymphovascular invasion
         (E, False),  # Multifocality (n) skin infiltration
         ]
assert len(attrs) == len(lines), (len(attrs), len(lines))
for line, a in zip(lines, attrs):
    if a is None:
        print('HEADING:', line); continue
    q = line.strip()
    assert q.startswith('-  ')
    q = q[3:].strip()
    ctx = '-  ' + q + '\n' if ('-  ' + q + '\n') in t else '-  ' + q
    d.crit(q, a[0], a[1], ctx=ctx)
if __name__ == '__main__':
    d.show(); print(d.check())
