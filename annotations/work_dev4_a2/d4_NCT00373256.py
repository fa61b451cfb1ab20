from lib import *
ID = "NCT00373256"
text = DOCS[ID]["text"]
S = []
# every mention of the three listed agents is a DRUG (read through: all are the arms' agents)
for w, norm in (("Sunitinib", "sunitinib"), ("sunitinib", "sunitinib"), ("Paclitaxel", "paclitaxel"),
                ("paclitaxel", "paclitaxel"), ("Bevacizumab", "bevacizumab")):
    for i in range(len(find_all(text, w))):
        S.append(D(w, norm, n=i))
S += [
    T("1 hour", "duration", "PT1H", n=0),
    T("1 hour", "duration", "PT1H", n=1),
    C("Diagnosis of advanced breast cancer.", "inclusion"),
    C("Measurable disease as per RECIST (Response Evaluation Criterion) in Solid Tumors or bone-only disease.", "inclusion"),
    C("ECOG (Eastern Cooperative Oncology Group) performance status 0 or 1.", "inclusion"),
    C("No prior treatment with cytotoxics in the advanced disease setting.", "exclusion", neg=True),
    C("HER2/neu positive disease unless trastuzumab was previously received or is contraindicated.", "exclusion"),
    D("trastuzumab", "trastuzumab"),
    C("Treatment with a taxane in the adjuvant setting unless disease free interval >12 months after end of treatment.", "exclusion"),
    D("taxane", "taxanes", "class"),
    T(">12 months", "duration", "P12M"),
    E("Progression-Free Survival", "progression-free survival", "PFS"),
    E("PFS", "progression-free survival", "PFS", ctx="(PFS)"),
    E("PFS", "progression-free survival", "PFS", ctx="PFS ="),
    T("every 8 weeks", "frequency", "R/P8W"),
    T("up to 18 months", "duration", "P18M"),
    E("Adverse Events", "adverse events", "AE", ctx="Adverse Events 1:"),
    E("Adverse Events", "adverse events", "AE", ctx="Adverse Events 2:"),
]
rec, placed = build(ID, S)
