from common import *
d = Doc('NCT00232479'); t = d.text
for b in range(2):
    d.drug('herceptin', 'trastuzumab', nth=b)
    d.drug('carboplatin', 'carboplatin', nth=b)
    d.drug('taxotere', 'docetaxel', nth=b)
for s, sec in [('HER-2 overexpressing breast cancer', 'inclusion'), ('Clinical stage 2-3B', 'inclusion'), ('Normal ejection fraction', 'inclusion'),
               ('Metastatic disease', 'exclusion'), ('Low ejection fraction', 'exclusion')]:
    d.crit(s, sec, False)
d.ep('Pathologic Complete Response', 'pathologic complete response', 'pCR')
d.ep('pCR', 'pathologic complete response', 'pCR', ctx='(pCR)')
d.ep('pCR', 'pathologic complete response', 'pCR', ctx='pCR is defined')
d.tf('approximately 16 weeks', 'duration', 'P16W')
d.ep('Adverse Events', 'adverse events', 'AE')
