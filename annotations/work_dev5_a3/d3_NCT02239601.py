from lib import Doc
from critsplit import line_criteria
d = Doc('NCT02239601')
# DRUG
d.drug('docetaxel', 'docetaxel', ctx='regular docetaxel treatment')
d.drug('docetaxel', 'docetaxel', ctx='either docetaxel-cyclophosphamide')
d.drug('cyclophosphamide', 'cyclophosphamide', ctx='docetaxel-cyclophosphamide (TC)')
d.drug('TC', 'docetaxel/cyclophosphamide', ctx='(TC)')
d.drug('5FU', 'fluorouracil')
d.drug('epirubicin', 'epirubicin')
d.drug('cyclophosphamide', 'cyclophosphamide', ctx='epirubicin-cyclophosphamide-docetaxel')
d.drug('docetaxel', 'docetaxel', ctx='cyclophosphamide-docetaxel (FEC-D)')
d.drug('FEC-D', 'fluorouracil/epirubicin/cyclophosphamide/docetaxel')
d.drug('Docetaxel', 'docetaxel', neg=True, ctx='not planned to receive Docetaxel therapy')
d.drug('docetaxel', 'docetaxel', ctx='mid-docetaxel chemotherapy')
d.drug('TC', 'docetaxel/cyclophosphamide', ctx='round of TC and')
d.drug('FECD', 'fluorouracil/epirubicin/cyclophosphamide/docetaxel')
# TIMEFRAME
d.tf('6 months', 'P6M', ctx='6 months post-chemotherapy')
# ENDPOINT: NLI4CT adverse-events result headings
d.ep('Adverse Events', 'adverse events', 'AE', ctx='Adverse Events 1:')
d.ep('Adverse Events', 'adverse events', 'AE', ctx='Adverse Events 2:')
# CRITERION
line_criteria(d, 'Inclusion Criteria:', 'Outcome Measurement:', {
    'Patients that have not had chemotherapy': True,
    'Patients not planned to receive Docetaxel': True,
    'Patients who cannot communicate': True,
})
