from lib import Doc
d = Doc('NCT01017549')
# RADIATION_DOSE
d.R('34 Gy in 10 Fractions', [34, 34], 'total', [10, 10], [34, 34])
d.R('34 Gy in a total of 10 fractions', [34, 34], 'total', [10, 10], [34, 34])
d.R('3.4 Gy per fraction', [3.4, 3.4], 'per_fraction', None, None)
# TIMEFRAME
d.T('within 7 days', 'duration', 'P7D')
# ENDPOINT
d.E('Adverse Events', 'adverse events', 'AE')
# CRITERION
for c in ['Age >50 years',
          'Tumor with Tis, T1, N0, M0 - (AJC Classification)',
          'Invasive ductal carcinoma or ductal carcinoma in situ',
          'Adequate skin spacing between balloon surface and surface of the skin - (> 7mm)']:
    d.C(c, 'inclusion')
d.C('Negative microscopic surgical margins of at least 1mm in all directions', 'inclusion', neg=True)
for c in ['Pregnancy or breast-feeding - (During the treatment portion of the study, sexually active women of childbearing age will be asked to use pregnancy prevention)',
          'Scleroderma, systemic sclerosis and active lupus',
          'Infiltrating lobular histology']:
    d.C(c, 'exclusion')
d.save()
