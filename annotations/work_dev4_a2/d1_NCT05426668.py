from lib import *
ID = "NCT05426668"
S = [
    T("within 6 months", "duration", "P6M", ctx="PD within 6 months after RECIST"),
    T("within 6 months", "duration", "P6M", ctx="PD within 6 months acc."),
    T("6 months", "duration", "P6M", ctx="≥50%., 6 months"),
    E("PFS", "progression-free survival", "PFS", ctx="\nPFS, The"),
    E("progression-free survival", "progression-free survival", "PFS"),
    E("PFS", "progression-free survival", "PFS", ctx="(PFS)"),
    T("6 months", "duration", "P6M", ctx="DNA., 6 months|OS"),
    E("OS", "overall survival", "OS", ctx="|OS, The"),
    E("overall survival", "overall survival", "OS"),
    E("OS", "overall survival", "OS", ctx="(OS)"),
    T("6 months", "duration", "P6M", ctx="DNA., 6 months\n"),
    C("Signed informed consent form", "inclusion"),
    C("Age ≥18 years", "inclusion"),
    C("NSCLC, non-curatively treatable stage III or stage IV with palliative treatment indication", "inclusion"),
    C("Immunocheckpoint-therapy for malignant disease (Immunotherapy as monotherapy, double immunotherapy or combination with chemotherapy)", "inclusion"),
    C("Person is unable to understand the nature, importance and scope of the clinical trial", "exclusion", neg=True),
    C("Participation in an interventional study", "exclusion"),
    C("Hb value <9g/dl", "exclusion"),
]
rec, placed = build(ID, S)
