from lib import Doc
d = Doc('NCT01448447')
I, X = 'inclusion', 'exclusion'
def sole():
    d.R('34 Gy / 10 fractions', [34, 34], 'total', [10, 10], [34, 34])
    d.R('3.4 Gy per fraction', [3.4, 3.4], 'per_fraction', None, None)
    d.T('2 fractions / day', 'frequency', None)
    d.T('at least 6 hours', 'duration', 'PT6H')
    d.T('5 consecutive working days', 'duration', 'P5D')
def boost():
    d.R('5-10.2 Gy / 2-3 fractions', [5, 10.2], 'total', [2, 3], [5, 10.2])
    d.R('3.4 Gy per fraction', [3.4, 3.4], 'per_fraction', None, None)
    d.T('2 fractions / day', 'frequency', None)
    d.T('at least 6 hours', 'duration', 'PT6H')
    d.T('1-2 days', 'duration', 'P1D', 'P2D')
    # '(25-28 daily tx)': a count of treatments, not TIMEFRAME
sole(); boost()
inc = ['Women,age of at least 45 years', 'Zubrod performance status of 0-2', 'AJCC Stage I-II (T1-T2, N0 M0) breast cancer',
 'Maximum tumor dimension < 3 cm', 'Invasive ductal, medullary, papillary, tubular, colloid (mucinous) histologies', 'Unifocal breast cancer',
 'Unilateral breast cancer (no synchronous or previous contralateral breast cancer)',
 'Lumpectomy with negative surgical margins by at least 2 mm or re-excision specimen with negative surgical margins by at least 2 mm',
 'Ductal Carcinoma In-Situ']
d.cur = d.text.index('Inclusion Criteria:')
for c in inc: d.C(c, I, ctx='\n' + c + '\n')
d.C('Negative axillary lymph nodes for invasive breast cancer (sentinel node biopsy or standard level I-II dissection with > 6 nodes removed)', I, neg=True)
d.C('Time interval from final breast surgery to brachytherapy loading less than 8 weeks', I)
d.T('less than 8 weeks', 'duration', 'P8W')
d.C('At least 2 mm of breast tissue between the skin and the MammoSite® balloon surface(prefer > 5 mm)', I)
d.C('If chemotherapy is planned, it must begin no earlier that 2 weeks following completion of radiation therapy. If chemotherapy is first, a minimum of 2 weeks from the last cycle must elapse prior to the start of radiation therapy.', I)
d.T('no earlier that 2 weeks', 'duration', 'P2W')
d.T('a minimum of 2 weeks', 'duration', 'P2W')
d.C('Signed study-specific consent form', I)
exc = ['Invasive lobular histology', 'Non-epithelial breast malignancies such as sarcoma or lymphoma', 'Multifocal or multicentric invasive carcinoma',
 'Extensive intraductal component (EIC)', "Paget's disease of the nipple", 'Skin involvement by tumor, regardless of tumor size',
 'Positive axillary lymph nodes', 'Distant metastases', 'Collagen vascular disease (scleroderma)',
 'Pregnant or lactating women, due to potential exposure of the fetus to RT and unknown effects of RT on lactating females (negative pregnancy test for women of child-bearing age)',
 'Any previously treated or synchronous contralateral breast carcinoma',
 'Patients with psychiatric or addictive disorder that would preclude obtaining informed Consent', 'Men']
d.cur = d.text.index('Exclusion Criteria:')
for c in exc: d.C(c, X, ctx='\n' + c + '\n')
d.E('Ipsilateral Recurrence Rate', 'ipsilateral recurrence rate')
d.E('Local control rate', 'local control', 'LC')
d.T('within 5 years', 'duration', 'P5Y')
d.T('within 5 years', 'duration', 'P5Y')
d.T('5 years', 'duration', 'P5Y', ctx='Time frame: 5 years')
d.cur = d.text.index('Results 1:')
sole()
d.cur = d.text.index('Results 2:')
boost()
d.E('Adverse Events', 'adverse events', 'AE', ctx='Adverse Events 1:')
d.E('Adverse Events', 'adverse events', 'AE', ctx='Adverse Events 2:')
