from helper import Doc
d = Doc('NCT07134413')
t = d.text
QL = 'iparomlimab/tuvonralimab'
# DRUG: every QL1706 and bevacizumab (intervention-listed agents, split from "QL1706 plus bevacizumab")
for i in range(t.count('QL1706')):
    d.drug('QL1706', QL, nth=i)
d.drug('Bevacizumab', 'bevacizumab', ctx='QL1706/Bevacizumab')
for i in range(t.count('bevacizumab')):
    d.drug('bevacizumab', 'bevacizumab', nth=i)
d.drug('ICI', 'immune checkpoint inhibitors', 'class', ctx='Post-ICI Non')
d.drug('immune checkpoint inhibitors', 'immune checkpoint inhibitors', 'class')
d.drug('ICIs', 'immune checkpoint inhibitors', 'class', ctx='(ICIs)')
d.drug('PD-1/PD-L1 inhibitor', 'pd-1/pd-l1 inhibitors', 'class', ctx='prior PD-1/PD-L1 inhibitor therapy')
d.drug('nab-paclitaxel', 'nab-paclitaxel')
d.drug('pemetrexed', 'pemetrexed')
d.drug('docetaxel', 'docetaxel')
d.drug('PD-1/PD-L1 inhibitors', 'pd-1/pd-l1 inhibitors', 'class', ctx='treatment with PD-1/PD-L1 inhibitors')
d.drug('steroid', 'steroids', 'class', ctx='increased steroid doses')
# ENDPOINT
d.ep('Overall Response Rate', 'objective response rate', 'ORR')
d.ep('ORR', 'objective response rate', 'ORR', ctx='Rate, ORR is')
d.ep('Progression-free survival', 'progression-free survival', 'PFS')
d.ep('Overall survival', 'overall survival', 'OS')
# TIMEFRAME
for i in range(3):
    d.tf('2 years', 'duration', 'P2Y', nth=i)
# CRITERION
I, E = 'inclusion', 'exclusion'
d.crit('Signed an informed consent form', I)
d.crit('Patients aged ≥18', I)
d.crit('Histologically or cytologically confirmed stage III or IV non-squamous non-small cell lung cancer (NSCLC) per the American Joint Committee on Cancer (AJCC) 8th Edition staging system', I)
d.crit('at least one measurable lesion according to RECIST 1.1 criteria', I)
d.crit('ECOG PS 0-1.', I)
d.crit('Subjects must have adequately documented disease progression following prior treatment with PD-1/PD-L1 inhibitors (administered as monotherapy or in combination with chemotherapy)', I)
# item 8 and item 9 are run together on one line; two numbered bullets -> two criteria
d.crit('The most recent tumor tissue sample prior to the first dose of the study drug demonstrated PD-L1 TPS <1%', I)
d.crit('appropriate organ function', I)
d.crit('Known presence of sensitizing mutations in EGFR, EGFR exon 20 insertions, ALK fusions, ROS1 fusions, RET fusions, NTRK fusions, BRAF V600E mutations, MET exon 14 skipping mutations, or HER2 sensitizing mutations (for other genetic alterations, eligibility will be determined by the Biomarker Committee on a case-by-case basis).', E)
d.crit('Patients with symptomatic, neurologically unstable central nervous system (CNS) metastases, or CNS diseases that require increased steroid doses to control', E)
d.crit('Prior lines of systemic anti-tumor therapy ≥ 2.', E)
if __name__ == '__main__':
    d.show(); print(d.check())
