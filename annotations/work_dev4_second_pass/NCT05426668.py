from helper import Doc
d = Doc("NCT05426668")
# Summary: primary objective, PD within 6 months
d.tf("within 6 months", "duration", "P6M", ctx="PD within 6 months after RECIST")
# Outcome 1 (primary): PD is a category, predictive value is diagnostic, not an endpoint
d.tf("within 6 months", "duration", "P6M", ctx="PD within 6 months acc.")
d.tf("6 months", "duration", "P6M", ctx="of ≥50%., 6 months")
# Outcome 2: PFS
d.ep("PFS", "progression-free survival", "PFS", ctx="\nPFS, The")
d.ep("progression-free survival", "progression-free survival", "PFS", ctx="predicts progression-free survival (PFS)")
d.ep("PFS", "progression-free survival", "PFS", ctx="(PFS) in cancer")
d.tf("6 months", "duration", "P6M", ctx="tumor DNA., 6 months|OS")
# Outcome 3: OS
d.ep("OS", "overall survival", "OS", ctx="|OS, The")
d.ep("overall survival", "overall survival", "OS", ctx="predicts overall survival (OS)")
d.ep("OS", "overall survival", "OS", ctx="(OS) in cancer")
d.tf("6 months", "duration", "P6M", ctx="tumor DNA., 6 months\n")
# Criteria
I, E = "inclusion", "exclusion"
d.crit("Signed informed consent form", I, False)
d.crit("Age ≥18 years", I, False)
d.crit("NSCLC, non-curatively treatable stage III or stage IV with palliative treatment indication", I, False)
d.crit("Immunocheckpoint-therapy for malignant disease (Immunotherapy as monotherapy, double immunotherapy or combination with chemotherapy)", I, False)
d.crit("Person is unable to understand the nature, importance and scope of the clinical trial", E, True)
d.crit("Participation in an interventional study", E, False)
d.crit("Hb value <9g/dl", E, False)
d.dump()
