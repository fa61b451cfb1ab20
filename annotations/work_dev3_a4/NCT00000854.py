from lib import Doc
d = Doc('NCT00000854')
t = d.text
# DRUG (DRUG: Nandrolone decanoate is the listed intervention; ester words stay in the span)
d.D('Nandrolone Decanoate', 'nandrolone')
d.D('nandrolone decanoate', 'nandrolone', at='all')
d.D('Nandrolone decanoate', 'nandrolone')
d.D('nandrolone', 'nandrolone', at='open-label nandrolone')
d.D('nandrolone', 'nandrolone', at='allergic to nandrolone')
d.D('hormonal drug', 'hormonal drugs', kind='class')
d.D('megestrol acetate', 'megestrol')
d.D('dronabinol', 'dronabinol')
d.D('growth hormone', 'somatropin')
d.D('anti-HIV drug', 'antiretrovirals', kind='class', at='stable anti-HIV drug')
d.D('anti-HIV drug', 'antiretrovirals', kind='class', neg=True, at='any anti-HIV drug')
# TIMEFRAME
d.T('every 2 weeks', 'frequency', 'R/P2W')
d.T('12 weeks', 'duration', 'P12W', at='all')
d.T('12 months', 'duration', 'P12M')
d.T('30 days', 'duration', 'P30D', at='past 30 days')
d.T('within 30 days', 'duration', 'P30D')
# CRITERION (under the "You may be eligible ... if you:" / "You will not be eligible ... if you:" headings)
for c in ['Are an HIV-positive woman over 13 years old (need consent if under 18).',
          'Have lost weight over the past 12 months.',
          'Are able to eat almost enough to maintain your current weight.',
          'Agree to practice abstinence or use effective methods of birth control.',
          'Are on a stable anti-HIV drug regimen or have not been on any anti-HIV drug regimen for the past 30 days.']:
    d.C(c, 'inclusion')
for c in ['Are allergic to nandrolone.',
          'Have a history of cervical cancer, diabetes, cardiomyopathy or congestive heart failure, or are taking certain medications.',
          'Have an active opportunistic (HIV-associated) infection or another major illness within 30 days of study entry.',
          'Have an abnormal PAP smear.',
          'Have difficulty eating (are on tube-feeding, for example).',
          'Have severe nausea, vomiting, or diarrhea.',
          "Have Kaposi's sarcoma (unless stable) or are receiving chemotherapy or radiation for any type of cancer.",
          'Are pregnant or breast-feeding.']:
    d.C(c, 'exclusion')
d.save()
