from lib import Doc
d = Doc('NCT05701787')
d.E('quality of life', 'quality of life', 'QoL')
d.D('epidermal growth factor receptor-tyrosine kinase inhibitors', 'egfr tyrosine kinase inhibitors', 'class')
d.D('EGFR-TKIs', 'egfr tyrosine kinase inhibitors', 'class')
for i in range(3):
    pass
d.E('Objective response rate', 'objective response rate', 'ORR')
d.E('ORR', 'objective response rate', 'ORR', ctx='(ORR)')
d.E('Disease control rate', 'disease control rate', 'DCR')
d.E('DCR', 'disease control rate', 'DCR', ctx='(DCR)')
d.E('Progression-free survival', 'progression-free survival', 'PFS')
d.E('PFS', 'progression-free survival', 'PFS', ctx='(PFS)')
d.E('Overall survival', 'overall survival', 'OS')
d.E('OS', 'overall survival', 'OS', ctx='(OS)')
for k in range(4):
    d.T('20 years', 'duration', 'P20Y', k=k)
d.C('Histologically proven diagnosis of NSCLC with rare mutations including EGFR rare mutations, ALK fusion, ROS1 fusion, BRAF V600E, cMET exon 14 skipping, KRAS G12C, RET fusion, NTRK fusion, etc.', 'inclusion')
d.C('18 years of age or older', 'inclusion')
d.C('Ability to understand and the willingness to sign a written informed consent document', 'inclusion')
d.done()
