from lib import Doc
d = Doc("NCT00002674")
t = d.text
MCE = "mitoxantrone/cytarabine/etoposide"
d.drug("G-CSF", "filgrastim", ctx="followed by G-CSF and")
d.drug("filgrastim", "filgrastim")
d.drug("cytarabine", "cytarabine", ctx="DRUG: cytarabine")
d.drug("etoposide", "etoposide", ctx="DRUG: etoposide")
d.drug("hydroxyurea", "hydroxyurea", ctx="DRUG: hydroxyurea")
d.drug("mitoxantrone hydrochloride", "mitoxantrone")
# objectives
d.drug("MCE", MCE, ctx="MCE (mitoxantrone")
d.drug("mitoxantrone", "mitoxantrone", ctx="(mitoxantrone/")
d.drug("cytarabine", "cytarabine", ctx="/cytarabine/")
d.drug("etoposide", "etoposide", ctx="/etoposide)")
d.drug("granulocyte colony-stimulating factor", "filgrastim")
# outline acronym list
d.drug("ARA-C", "cytarabine", ctx="ARA-C Cytarabine")
d.drug("Cytarabine", "cytarabine", ctx="ARA-C Cytarabine")
d.drug("NSC-63878", "cytarabine")
d.drug("DHAD", "mitoxantrone", ctx="DHAD Mitoxantrone")
d.drug("Mitoxantrone", "mitoxantrone", ctx="DHAD Mitoxantrone")
d.drug("NSC-301739", "mitoxantrone")
d.drug("G-CSF", "filgrastim", ctx="G-CSF Granulocyte")
d.drug("Granulocyte Colony-Stimulating Factor", "filgrastim")
d.drug("HU", "hydroxyurea", ctx="HU Hydroxyurea")
d.drug("Hydroxyurea", "hydroxyurea", ctx="HU Hydroxyurea")
d.drug("NSC-32065", "hydroxyurea")
d.drug("MCE", MCE, ctx="MCE DHAD/")
d.drug("DHAD", "mitoxantrone", ctx="DHAD/ARA-C")
d.drug("ARA-C", "cytarabine", ctx="DHAD/ARA-C")
d.drug("VP-16", "etoposide", ctx="/VP-16 VP-16")
d.drug("VP-16", "etoposide", ctx="VP-16 Etoposide")
d.drug("Etoposide", "etoposide", ctx="VP-16 Etoposide")
d.drug("NSC-141540", "etoposide")
d.drug("HU", "hydroxyurea", ctx="HU; followed")
d.drug("MCE", MCE, ctx="followed by MCE;")
d.drug("G-CSF", "filgrastim", ctx="MCE; G-CSF.")
d.tf("3 years", "duration", "P3Y")
# eligibility: PDQ run-on lines
L1 = "Philadelphia chromosome-positive chronic myeloid leukemia (CML) in chronic or accelerated phase Ineligible for allograft protocols or no available HLA-matched sibling marrow donor No patients under age 55 who have consented to unrelated donor search unless: Search unsuccessful for 6 months and unlikely a donor will be found Transplant from an unrelated donor declined No history of CML blast crisis No grade III/IV myelofibrosis"
L2 = "Age: Over 17 to under 66 Performance status: Not specified Life expectancy: No limitations from disease other than leukemia Other: No hepatic, renal, pulmonary, or cardiac dysfunction that would preclude transplant preparative regimen No HIV antibody No active infection"
L3 = "At least 1 month since interferon"
for c in (L1, L2, L3):
    d.crit(c, "inclusion")
d.tf("6 months", "duration", "P6M")
d.tf("At least 1 month", "duration", "P1M")
d.drug("interferon", "interferons", "class", ctx="since interferon")
d.dump()
