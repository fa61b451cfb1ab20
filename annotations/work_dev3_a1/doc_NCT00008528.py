from helper import Doc
d = Doc('NCT00008528')
t = d.text
ARV = 'antiretrovirals'
# DRUG: T-20 is enfuvirtide (intervention DRUG: Enfuvirtide); every mention.
for i in range(t.count('T-20')):
    d.drug('T-20', 'enfuvirtide', nth=i)
d.drug('Enfuvirtide', 'enfuvirtide')
# "Anti-HIV Combination Therapy": adjective before "therapy" -> modality, not tagged.
d.drug('Anti-HIV Drug', ARV, 'class', ctx='Prior Anti-HIV Drug Treatment')
d.drug('Anti-HIV Drugs', ARV, 'class', ctx='Approved Anti-HIV Drugs')
d.drug('anti-HIV drugs', ARV, 'class', ctx='T-20 with selected anti-HIV drugs')
d.drug('anti-HIV drugs', ARV, 'class', ctx='receive only selected anti-HIV drugs')
d.drug('antiretroviral', ARV, 'class', ctx='screening GT/PT antiretroviral resistance')
d.drug('antiretroviral', ARV, 'class', ctx='any prior GT/PT antiretroviral resistance')
d.drug('antiretrovirals', ARV, 'class', ctx='currently approved antiretrovirals')
d.drug('antiretrovirals', ARV, 'class', ctx='investigational antiretrovirals available')
d.drug('antiretrovirals', ARV, 'class', ctx='allowed newly approved/investigational antiretrovirals')
d.drug('antiretroviral', ARV, 'class', ctx='safety, antiretroviral resistance')
d.drug('anti-HIV drugs', ARV, 'class', ctx='Have received anti-HIV drugs')
d.drug('anti-HIV drugs', ARV, 'class', ctx='3 types of anti-HIV drugs')
d.drug('nucleoside reverse transcriptase inhibitors', 'nucleoside reverse transcriptase inhibitors', 'class', ctx='follows: nucleoside reverse transcriptase inhibitors')
d.drug('nonnucleoside reverse transcriptase inhibitors', 'non-nucleoside reverse transcriptase inhibitors', 'class')
d.drug('protease inhibitors', 'protease inhibitors', 'class')
# ENDPOINT
d.ep('quality of life', 'quality of life', 'QoL')
# TIMEFRAME
d.tf('48 weeks', 'duration', 'P48W', ctx='treatments for 48 weeks')
d.tf('48 weeks', 'duration', 'P48W', ctx='end of 48 weeks')
d.tf('48 weeks', 'duration', 'P48W', ctx='additional 48 weeks')
d.tf('4 weeks', 'duration', 'P4W', ctx='plus 4 weeks safety')
d.tf('12 weeks', 'duration', 'P12W', ctx='until 12 weeks after')
d.tf('a maximum of 100 weeks', 'duration', 'P100W')
d.tf('at least 6 months', 'duration', 'P6M', ctx='for at least 6 months and/or')
d.tf('at least 6 months', 'duration', 'P6M', ctx='for at least 6 months total')
# CRITERION (headings: "Inclusion Criteria", "Patients may be eligible for this study if they:")
I = 'inclusion'
d.crit('Are HIV-infected.', I)
d.crit('Are at least 16 years old (have consent of parent or guardian if under 18).', I)
d.crit('Have a viral load (level of HIV in the blood) of 5,000 copies/ml or more.', I)
last = t[t.index('Have received anti-HIV drugs'):].rstrip()
assert last.endswith('6 months total).'), last[-40:]
d.crit(last, I)
if __name__ == '__main__':
    d.show(); print(d.check())
