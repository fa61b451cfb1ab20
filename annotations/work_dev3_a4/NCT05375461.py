from lib import Doc
d = Doc('NCT05375461')
t = d.text
# DRUG
d.D('TQB3616', 'tqb3616', at='all')   # title, summary x3 (incl. "TQB3616-matching placebo"), exclusion
d.D('Fulvestrant', 'fulvestrant', at='all')
d.D('fulvestrant', 'fulvestrant', at='all')
d.D('fluvestone', 'fulvestrant')      # misspelling of fulvestrant
d.D('hematopoietic stimulus drug', 'hematopoietic stimulating agents', kind='class', neg=True)
d.D('anticoagulant', 'anticoagulants', kind='class', neg=True)
# TIMEFRAME
d.T('3 months', 'duration', 'P3M')            # Expected survival 3 months
d.T('within 7 days', 'duration', 'P7D')
d.T('within 3 years', 'duration', 'P3Y')
d.T('within 3 weeks', 'duration', 'P3W')
d.T('within 2 weeks', 'duration', 'P2W')
d.T('within 4 weeks', 'duration', 'P4W')
# CRITERION (the ~ separates lines; "0~1" is a range inside one line, as gold NCT05254665 "18~75")
inc = ['The subjects voluntarily joined the study and signed the informed consent, with good compliance.',
       'Age: 18-75 years old (upon signing the informed consent);ECOG PS score: 0~1; Expected survival 3 months.',
       'participants with estrogen receptor-positive, HER2-Negative Advanced Breast Cancer were identified by pathological testing.',
       'Patients at the relapse/metastatic stage were allowed to receive no more than 1 line of rescue chemotherapy or rescue endocrine therapy.',
       'Confirmation of at least one measurable lesion according to RECIST1.1 criteria.']
for c in inc: d.C(c, 'inclusion')
s = t.index('The main organs are functioning'); e = t.index('~Biochemical tests')
d.C(t[s:e], 'inclusion')
s = e + 1; e = t.index('~The blood coagulation')
d.C(t[s:e], 'inclusion')
s = e + 1; e = t.index('~Exclusion Criteria:')
d.C(t[s:e], 'inclusion')
exc = ['Has had other malignant tumors within 3 years or currently has other malignant tumors;',
       'Have a variety of factors that affect oral medication (such as inability to swallow, chronic diarrhea, and intestinal obstruction);',
       'Unmitigated toxicity above CTCAE1 grade due to any prior treatment;',
       'Severe infections (CTCAE2 grade) that were active or uncontrolled before the study treatment started;',
       'Cirrhosis, active hepatitis',
       'Have a history of immunodeficiency, including HIV positive or other acquired or congenital immunodeficiency diseases, or have a history of organ transplantation;',
       'Clinical evidence or history of central nervous system metastases (CNS) and/or cancerous meningitis or pneumomeningeal disease;',
       'Uncontrolled pleural effusion, pericardial effusion, or ascites that still require repeated drainage (as determined by the investigator).',
       'Known to be allergic to fluvestone, TQB3616 or any excipient.',
       'Participated in clinical trials of other antitumor drugs within 4 weeks prior to the initiation of study therapy.',
       "Has other conditions that make it inappropriate for the patient to be enrolled based on investigator's opinion."]
for c in exc: d.C(c, 'exclusion')
s = t.index('Had received chemotherapy within 3 weeks'); e = t.index('~Uncontrolled pleural')
d.C(t[s:e], 'exclusion')
d.save()
