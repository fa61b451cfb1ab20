from helper import Doc
d = Doc('NCT01217385')
t = d.text
# No DRUG (hemoglobin, water, lipid are measured; NAC/chemotherapy/hormone therapy are modalities).
# pCR+/pCR- and "Pathologic Response" are the dichotomised reference standard (categories), not the measure.
d.ep('Adverse Events', 'adverse events', 'AE', ctx='Adverse Events 1:')
d.tf('a minimum of one year', 'duration', 'P1Y')
d.tf('less than 5 years', 'duration', 'P5Y')
elig = t[t.index('Inclusion Criteria\n'):t.index('Outcome Measurement:')]
lines = [l for l in elig.split('\n') if l.strip()]
I, E = 'inclusion', 'exclusion'
attrs = [
    None,              # Inclusion Criteria
    (I, False),        # Pathologically confirmed diagnosis ...
    (I, False),        # Tumor size >2cm
    (I, True),         # No contraindications for primary chemotherapy;
    (I, False),        # Planned definitive breast surgery
    (I, False),        # Age 18 years or older;
    (I, False),        # ECOG Performance Status  2
    None,              # Normal organ and marrow function as follows:  (heading)
    (I, False),        # leukocytes
    (I, False),        # absolute neutrophil count
    (I, False),        # platelets
    (I, False),        # total bilirubin
    (I, False),        # AST/ALT
    (I, False),        # creatinine within normal institutional limits; OR
    (I, False),        # creatinine clearance
    (I, False),        # If female, postmenopausal ... OR not pregnant ... (mixed line)
    (I, False),        # Able to understand and willing to sign
    None,              # Exclusion Criteria
    (E, False),        # Previous treatment (chemotherapy, radiation, or surgery) ...
    (E, False),        # Uncontrolled intercurrent illness ... (un- qualifies illness)
    (E, True),         # Medically unstable; (prefixed negative of the main predicate)
    (E, False),        # Under age 18;
    (E, False),        # Pregnant or nursing;
    (E, False),        # Previous malignancy, other than ...
]
assert len(attrs) == len(lines), (len(attrs), len(lines))
for line, a in zip(lines, attrs):
    if a is None:
        print('HEADING:', line); continue
    q = line.strip()
    d.crit(q, a[0], a[1], ctx=('\n' + q + '\n'))
if __name__ == '__main__':
    d.show(); print(d.check())
