from lib import Doc
d = Doc('NCT00001402')
BB = 'beta blockers'
d.drug('Beta-Blockers', BB, 'class')
for k in range(4):   # lower-case 'beta-blockers' in the summary
    d.drug('beta-blockers', BB, 'class', k=k)
d.drug('Beta-blockers', BB, 'class')
d.drug('beta-blockers', BB, 'class', k=4)   # The mechanism by which beta-blockers improve'
d.drug('beta-blocker', BB, 'class', ctx='beta-blocker therapy')
d.drug('beta-blocker', BB, 'class', ctx='beta-blocker administration')
I = 'inclusion'
d.crit('Left ventricular ejection fraction by radionuclide angiography of less than or equal to 40%.', I)
d.crit('New York Heart Association class II, III or IV symptoms on standard heart failure medications which my include digoxin, diuretics and angiotensin converting enzyme inhibitors for at least one month prior to enrollment.', I)
d.drug('digoxin', 'digoxin')
d.drug('diuretics', 'diuretics', 'class')
d.drug('angiotensin converting enzyme inhibitors', 'angiotensin converting enzyme inhibitors', 'class')
d.tf('at least one month', 'P1M')
d.crit('Ischemic cardiomyopathy if enzymes document an MI or 70% or greater stenosis in one major vessel.', I)
d.crit('Dilated cardiomyopathy-if no coronary disease.', I)
for c in ['No pregnant or lactating women.', 'No women of child-bearing age not on proven birth control.',
          'No severe hepatic or renal disease.', 'No diabetes mellitus or fasting glucose greater than or equal to 120 mg/dl.',
          'No primary valvular heart disease.', 'No PTCA or CABG within 3 months of enrollment.',
          'No history of myocardial infarction or unstable angina within past 2 months.',
          'No resting heart rate less than 60 bpm.', 'No A-V block greater than 1 degree block without pacemaker.',
          'No severe ETOH abuse within 6 months of enrollment.', 'No severe bronchospasm.']:
    d.crit(c, I, neg=True)
d.tf('within 3 months', 'P3M')
d.tf('within past 2 months', 'P2M')
d.tf('within 6 months', 'P6M')
REC = d.record()
