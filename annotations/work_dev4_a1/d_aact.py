from lib import Doc
import json
def crits(d, negmap):
    t = d.text; e = t.index('Inclusion Criteria:')
    sec = None
    for x in t[e:].split('~'):
        x = x.strip()
        if x == 'Inclusion Criteria:': sec = 'inclusion'; continue
        if x == 'Exclusion Criteria:': sec = 'exclusion'; continue
        d.crit(x, sec, x in negmap, anchor=x)

out = []
# ---------- NCT04868162
d = Doc('NCT04868162')
for n in range(3): d.drug('MRG003', 'mrg003', n=n)
d.drug('platinum', 'platinum compounds', 'class')
d.drug('anti-PD-1', 'pd-1 inhibitors', 'class')
d.tf('3 months', 'duration', 'P3M', anchor='time3 months')
d.tf('within 7 days', 'duration', 'P7D')
d.tf('6 months', 'duration', 'P6M', anchor='for 6 months after')
d.tf('within 3 weeks', 'duration', 'P3W')
d.tf('within 2 weeks', 'duration', 'P2W')
d.tf('within 4 weeks', 'duration', 'P4W')
d.tf('within 3 months', 'duration', 'P3M')
d.tf('within 30 days', 'duration', 'P30D')
d.drug('coumarin', 'coumarin anticoagulants', 'class')
d.drug('live virus vaccine', 'live vaccines', 'class')
d.drug('Inactivated seasonal influenza vaccine', 'inactivated influenza vaccines', 'class')
d.drug('COVID-19 vaccine', 'covid-19 vaccines', 'class')
d.drug('glucocorticoids', 'glucocorticoids', 'class')
d.drug('CYP3A4 inhibitors', 'cyp3a4 inhibitors', 'class')
d.drug('inducers', 'cyp3a4 inducers', 'class', anchor='or inducers')
crits(d, {
 'No severe cardiac dysfunction with left ventricular ejection fraction (LVEF)  50%.',
 'Serum or urine pregnancy test negative within 7 days before the first dose of investigational drug.',
 'Other conditions that in the clinical judgement of the investigator make the patient not suitable for participation in this study.'})
out.append(d.record())
# ---------- NCT04639180
d = Doc('NCT04639180')
for n in range(2):
    d.drug('Camrelizumab', 'camrelizumab', n=n)
    d.drug('Rivoceranib', 'rivoceranib', n=n)
    d.drug('Apatinib', 'rivoceranib', n=n)
d.tf('within 4 weeks', 'duration', 'P4W', n=0)
d.tf('within 4 weeks', 'duration', 'P4W', n=1)
d.tf('within 5 years', 'duration', 'P5Y')
d.tf('within 6 months', 'duration', 'P6M', n=0)
d.tf('within 4 weeks', 'duration', 'P4W', n=2)
d.drug('monoclonal antibody', 'monoclonal antibodies', 'class')
d.drug('anti-angiogenic drug', 'angiogenesis inhibitors', 'class')
d.tf('within 6 months', 'duration', 'P6M', n=1)
d.tf('within 6 months', 'duration', 'P6M', n=2)
d.tf('within four weeks', 'duration', 'P4W')
crits(d, {'No previous systematic treatment and locoregional therapy for HCC prior to randomization',
          'Absence of major macrovascular invasion', 'No extrahepatic spread'})
out.append(d.record())
json.dump(out, open('aact.json', 'w'))
for r in out:
    from collections import Counter
    print(r['id'], Counter(s['label'] for s in r['spans']))
