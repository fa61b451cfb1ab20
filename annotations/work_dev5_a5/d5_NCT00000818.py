from lib import *
d = Doc('NCT00000818')
t = d.text
d.addall('DRUG', 'Zidovudine', D('zidovudine'))
d.addall('DRUG', 'zidovudine', D('zidovudine'))
# AZT: the one in "AZT-naive" is negated (naive)
import re
for m in re.finditer('AZT', t):
    neg = t[m.end():m.end()+6] == '-naive'
    d.spans.append({'label': 'DRUG', 'quote': 'AZT', 'occurrence': occ_of(t, 'AZT', m.start()), 'attrs': D('zidovudine', neg=neg)})
    d.pos.append((m.start(), m.end(), 'DRUG', 'AZT'))
d.add('TIMEFRAME', '8 weeks', T('duration', 'P8W'), anchor='effect of 8 weeks')
d.add('TIMEFRAME', '8 weeks', T('duration', 'P8W'), anchor='daily for 8 weeks')
d.add('TIMEFRAME', '8 weeks', T('duration', 'P8W'), anchor='first 8 weeks')
d.add('DRUG', 'antiretroviral', D('antiretrovirals', 'class', neg=True), anchor='No prior antiretroviral treatment')
d.add('DRUG', 'antiretroviral agents', D('antiretrovirals', 'class'))
d.add('DRUG', 'Steroids', D('steroids', 'class'))
d.add('DRUG', 'Interleukins', D('interleukins', 'class'))
d.add('DRUG', 'Interferons', D('interferons', 'class'))
d.add('DRUG', 'antiretroviral', D('antiretrovirals', 'class'), anchor='Prior antiretroviral therapy')
d.add('TIMEFRAME', 'within 14 days', T('duration', 'P14D'))
I, X = 'inclusion', 'exclusion'
d.crit('Prophylaxis against AIDS-related opportunistic infections.', I, False)
d.crit('Supportive therapies, such as medications for nausea, vomiting, anemia, and analgesia.', I, False)
d.crit('HIV infection.', I, False)
d.crit('CD4 count 100 - 500 cells/mm3.', I, False)
d.crit('At least two palpable lymph nodes.', I, False)
d.crit('Plasma viremia.', I, False)
d.crit('No CURRENT AIDS-defining conditions.', I, True)
d.crit('No prior antiretroviral treatment.', I, True)
d.crit('Other antiretroviral agents.', X, False)
d.crit('Steroids.', X, False)
d.crit('Interleukins.', X, False)
d.crit('Interferons.', X, False)
d.crit('Cytotoxic chemotherapy.', X, False)
d.crit('Prior antiretroviral therapy.', X, False)
d.crit('Prior cytotoxic chemotherapy.', X, False)
d.crit('Acute therapy for an infection or another medical illness within 14 days prior to study entry.', X, False)
heads = {'Eligibility', 'Inclusion Criteria', 'Exclusion Criteria', 'Concurrent Medication:', 'Allowed:', 'Patients must have:',
         'Excluded during the first 8 weeks of study:', 'Prior Medication:', 'Excluded:'}
d.check('Eligibility\n', '\n', heads)
