from common import *
d = Doc('NCT00193206'); t = d.text
for blk in range(2):
    d.drug('ABI-007', 'nab-paclitaxel', ctx='ABI-007 : ABI-007', nth=blk)
    d.drug('ABI-007', 'nab-paclitaxel', ctx=': ABI-007 175', nth=blk)
    d.drug('Epirubicin', 'epirubicin', ctx='Epirubicin : Epirubicin', nth=blk)
    d.drug('Epirubicin', 'epirubicin', ctx=': Epirubicin 50', nth=blk)
    d.drug('Gemcitabine', 'gemcitabine', ctx='Gemcitabine : Gemcitabine', nth=blk)
    d.drug('Gemcitabine', 'gemcitabine', ctx=': Gemcitabine 2000', nth=blk)
for i in range(6):
    d.tf('q 14 days', 'frequency', 'R/P14D', nth=i)
d.tf('within the previous 6 months', 'duration', 'P6M')
d.tf('18 months', 'duration', 'P18M')
d.ep('Pathologic Complete Response', 'pathologic complete response', 'pCR')
d.ep('pathologic complete response', 'pathologic complete response', 'pCR')
d.ep('pCR', 'pathologic complete response', 'pCR', ctx='(pCR) was')
d.ep('pCR', 'pathologic complete response', 'pCR', ctx='in pCR assessments')
d.ep('pCR', 'pathologic complete response', 'pCR', ctx='experienced pCR')
d.ep('Adverse Events', 'adverse events', 'AE', ctx='Adverse Events 1:')
inc = ['Locally advanced/inflammatory adenocarcinoma of the breast', '18 years of age or older', 'Normal heart function',
       'Able to perform activities of daily living with minimal assistance', 'No prior chemotherapy for breast cancer',
       'Adequate bone marrow, liver and kidney function', 'No evidence or history of significant cardiovascular abnormalities',
       'Sentinel node or axillary dissection', 'Sign an informed consent form']
exc = ['Pregnant or breast feeding', 'History of heart disease with congestive heart failure', 'Heart attack within the previous 6 months',
       'Prior chemotherapy or hormone therapy for breast cancer', 'History of active uncontrolled infection']
neg = {'No prior chemotherapy for breast cancer', 'No evidence or history of significant cardiovascular abnormalities'}
for s in inc: d.crit(s, 'inclusion', s in neg, ctx='\n' + s + '\n')
for s in exc: d.crit(s, 'exclusion', s in neg, ctx='\n' + s + '\n')
i = t.index('Please note:'); j = t.index('\n', i)
d.crit(t[i:j], 'exclusion', False)
print(repr(t[i:j]))
