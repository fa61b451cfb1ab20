from common import *
d = Doc('NCT04969731'); t = d.text
# DRUG
d.drug('Immuncell-LC', 'immuncell-lc', ctx='Efficacy of Immuncell-LC With')
d.drug('Gemcitabine', 'gemcitabine', ctx='With Gemcitabine in')
d.drug('Immuncell-LC', 'immuncell-lc', ctx='adjuvant Immuncell-LC therapy')
d.drug('gemcitabine', 'gemcitabine', ctx='combined with gemcitabine versus')
d.drug('gemcitabine', 'gemcitabine', ctx='adjuvant gemcitabine single')
d.drug('gemcitabine', 'gemcitabine', ctx='given gemcitabine alone')
d.drug('antibiotics', 'antibiotics', 'class')
d.drug('antibacterial drugs', 'antibacterial drugs', 'class')
d.drug('antifungal drugs', 'antifungal drugs', 'class')
d.drug('antiviral drugs', 'antiviral drugs', 'class')
d.drug('Immuncell-LC', 'immuncell-lc', ctx='Received Immuncell-LC,')
d.drug('Immuncell-LC', 'immuncell-lc', ctx='sub-brothers of Immuncell-LC')
d.drug('Gemcitabine', 'gemcitabine', ctx='Immuncell-LC or Gemcitabine')
d.drug('Immuncell-LC', 'immuncell-lc', ctx='manufacturing Immuncell-LC')
d.drug('Immuncell-LC', 'immuncell-lc', ctx='administration of Immuncell-LC and')
d.drug('Gemgitabine', 'gemcitabine')
# TIMEFRAME
d.tf('at least two weeks', 'duration', 'P2W')
d.tf('up to 12 weeks', 'duration', 'P12W')
d.tf('at least 12 weeks', 'duration', 'P12W')
d.tf('within five years', 'duration', 'P5Y')
d.tf('5 years', 'duration', 'P5Y', ctx='even if 5 years have')
d.tf('within three years', 'duration', 'P3Y')
d.tf('24 weeks', 'duration', 'P24W')
d.tf('within 4 weeks', 'duration', 'P4W')
# CRITERION
el = t.index('Eligibility\n') + len('Eligibility\n')
lines = t[el:].split('~')
headings = {'Inclusion Criteria:', 'Exclusion Criteria:',
            'Histologically or cytologically confirmed pancreatic ductal adenocarcinoma that fulfill the following requirements:',
            'Adequate organ and marrow function at the screening and baseline as defined below:'}
neg = {'Noncancerous ascites.', 'No evidence of distant metastasis (such as liver, peritoneum)',
       'No evidence of distant metastasis in other distant abdominal or extra-abdominal organs',
       "Patients who cannot collect blood for manufacturing Immuncell-LC depending on the investigator's judgment.",
       'Fertility women and men who are not willing to use appropriate contraception from screening to 24 weeks after final administration of Immuncell-LC and/or Gemgitabine'}
sec = None
for ln in lines:
    s = ln.strip()
    if s.startswith('Inclusion Criteria'): sec = 'inclusion'
    if s.startswith('Exclusion Criteria'): sec = 'exclusion'
    if s in headings or not s: continue
    d.crit(s, sec, s in neg, ctx=('~' + s) if t.count(s) > 1 else None)
    print(sec, s in neg, s[:100])
