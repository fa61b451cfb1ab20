from helper import Doc
d = Doc('NCT06823401')
ICI = 'immune checkpoint inhibitors'
# DRUG
d.drug('Checkpoint Inhibitors', ICI, 'class', ctx='Exposed to Checkpoint Inhibitors')
# class named inside the compound modifier of the measured anti-drug antibodies
d.drug('Checkpoint Inhibitor', ICI, 'class', ctx='Anti-Checkpoint Inhibitor Antibodies')
d.drug('checkpoint inhibitors', ICI, 'class', ctx='anti-checkpoint inhibitors antibodies')
d.drug('immune checkpoint inhibitors', ICI, 'class', ctx='treated with immune checkpoint inhibitors')
d.drug('checkpoint inhibitors', ICI, 'class', ctx='patients treated with checkpoint inhibitors as single')
d.drug('checkpoint inhibitors', ICI, 'class', ctx='with other checkpoint inhibitors or')
d.drug('checkpoint inhibitor', ICI, 'class', ctx='therapy with any checkpoint inhibitor including')
d.drug('pembrolizumab', 'pembrolizumab')
d.drug('atezolizumab', 'atezolizumab')
d.drug('nivolumab', 'nivolumab', ctx='single agent nivolumab')
d.drug('durvalumab', 'durvalumab')
d.drug('nivolumab', 'nivolumab', ctx='combination of nivolumab')
d.drug('ipilimumab', 'ipilimumab')
d.drug('checkpoint inhibitor', ICI, 'class', ctx='Previous therapy with any checkpoint inhibitor')
d.drug('checkpoint inhibitor', ICI, 'class', ctx='therapy with a checkpoint inhibitor in combination')
# ENDPOINT
d.ep('adverse drug reactions', 'adverse drug reactions', 'ADR')
d.ep('duration of response', 'duration of response', 'DOR')
d.ep('PFS', 'progression-free survival', 'PFS')
d.ep('OS', 'overall survival', 'OS', ctx='PFS, OS, toxicity')
# TIMEFRAME
d.tf('up to 12 months', 'duration', 'P12M')
# CRITERION
I, E = 'inclusion', 'exclusion'
d.crit('Histologically or cytologically confirmed diagnosis of NSCLC', I)
d.crit('Possibility to obtain blood samples', I, ctx='* Possibility to obtain blood samples')
d.crit('Patient candidate, in any therapy line, for a therapy with any checkpoint inhibitor including single agent pembrolizumab, single agent atezolizumab, single agent nivolumab, single agent durvalumab or combination of nivolumab and ipilimumab', I)
d.crit('Performance status 0-2 (ECOG)', I)
d.crit('Patient compliance to trial procedures', I)
d.crit('Age ≥ 18 years', I)
d.crit('Written informed consent', I)
d.crit('No possibility to obtain blood samples', E, neg=True)
d.crit('Previous therapy with any checkpoint inhibitor', E)
d.crit('Patient candidate for a therapy with a checkpoint inhibitor in combination with chemotherapy or any other non-checkpoint inhibitors', E)
d.crit('Pregnancy or lactating', E)
if __name__ == '__main__':
    d.show(); print(d.check())
