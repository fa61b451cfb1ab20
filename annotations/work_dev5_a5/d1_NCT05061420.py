from lib import *
d = Doc('NCT05061420')
t = d.text
# DRUG
d.addall('DRUG', 'SAR444245', D('sar444245'))
d.addall('DRUG', 'anti-PD1 antibody', D('pd-1 antibodies', 'class'))
d.addall('DRUG', 'pembrolizumab', D('pembrolizumab'))
# cetuximab: whole-word occurrences; the one in "cetuximab-nave" is negated (naive)
def cet(i):
    return None
import re
for m in re.finditer('cetuximab', t):
    neg = t[m.end():m.end()+5] == '-nave'
    d.spans.append({'label': 'DRUG', 'quote': 'cetuximab', 'occurrence': occ_of(t, 'cetuximab', m.start()), 'attrs': D('cetuximab', neg=neg)})
    d.pos.append((m.start(), m.end(), 'DRUG', 'cetuximab'))
d.addall('DRUG', 'platinum', D('platinum compounds', 'class'))
d.add('DRUG', 'IL2', D('aldesleukin'), anchor='prior IL2-based')
d.add('DRUG', 'anti-PD-1/PD-L1', D('pd-1/pd-l1 inhibitors', 'class'), anchor='with an anti-PD-1/PD-L1 in')
d.add('DRUG', 'anti-PD-1/PD-L1', D('pd-1/pd-l1 inhibitors', 'class', neg=True), anchor='have not received anti-PD-1/PD-L1')
d.add('DRUG', 'antihypertensive medications', D('antihypertensives', 'class'))
d.add('DRUG', 'corticosteroid', D('corticosteroids', 'class'), anchor='requiring corticosteroid therapy')
d.add('DRUG', 'prednisone', D('prednisone'))
d.add('DRUG', 'steroids', D('steroids', 'class'), anchor='topical steroids')
d.add('DRUG', 'steroids', D('steroids', 'class'), anchor='course of steroids')
d.add('DRUG', 'contrast agents', D('contrast agents', 'class'))
# TIMEFRAME
d.add('TIMEFRAME', 'at least 4 months', T('duration', 'P4M'))
d.add('TIMEFRAME', 'at least 36 hours', T('duration', 'PT36H'))
d.add('TIMEFRAME', 'within 2 weeks', T('duration', 'P2W'))
# CRITERION
I, X = 'inclusion', 'exclusion'
d.crit('Participants must be  18 years of age inclusive, at the time of signing the informed consent .', I, False)
d.crit('Histologically or cytologically confirmed diagnosis of R/M HNSCC that is considered not amenable to further therapy with curative intent. The eligible primary tumor locations are oropharynx, oral cavity, hypopharynx, and larynx (nasopharynx is excluded).', I, False)
d.crit('Measurable disease.', I, False)
d.crit('Baseline biopsy must be submitted for all cohort A1, A2 Core Phase participants.', I, False)
d.crit('Baseline biopsy must be submitted for all cohort B1, B2 Expansion Phase participants Known HPV p16 status for oropharyngeal cancer.', I, False)
d.crit('Participant agrees to follow protocol-specified contraception guidelines.', I, False)
d.crit('Eastern Cooperative Oncology Group (ECOG) performance status of 2.', X, False)
d.crit('Has received prior IL2-based anticancer treatment.', X, False)
d.crit('Prior treatment with an agent (approved or investigational) that blocks the PD-1/PD-L1 pathway (participants who joined a study with an anti-PD-1/PD-L1 in the experimental arm but have written confirmation they have not received anti-PD-1/PD-L1 are allowed).', X, False)
d.crit('Prior treatment with cetuximab (prior cetuximab allowed if used for the treatment of locally advanced disease, with no progressive disease for at least 4 months from completion of prior cetuximab therapy).', X, False)
d.crit('Electrolytes (magnesium, calcium, potassium) outside the normal ranges.', X, False)
d.crit('Participants under anti-hypertensive treatment who cannot temporarily (for at least 36 hours) withhold antihypertensive medications prior to each IMP dosing.', X, False)
d.crit('Participants with baseline SpO2 92% (without oxygen therapy).', X, False)
d.crit('Comorbidity requiring corticosteroid therapy (>10 mg prednisone/day or equivalent) within 2 weeks of IMP initiation. Inhaled or topical steroids are permitted, provided that they are not for treatment of an autoimmune disorder. Participants who require a brief course of steroids (eg, as prophylaxis for imaging studies due to hypersensitivity to contrast agents) are not excluded.', X, False)
d.crit("The above information is not intended to contain all considerations relevant to a patient's potential participation in a clinical trial.", X, False)
d.check('Eligibility\n', '[~\n]', {'Eligibility', 'Inclusion Criteria:', 'Exclusion Criteria:', 'For participants in Cohorts A1, A2:', 'For participants in Cohorts A2, B2:'})
