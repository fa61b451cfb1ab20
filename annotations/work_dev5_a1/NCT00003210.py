from lib import Doc
d = Doc("NCT00003210")
I = "inclusion"
N = "interleukin-12"
d.D("Interleukin-12", N, ctx="Interleukin-12 in Treating")
d.D("interleukin-12", N, ctx="effectiveness of interleukin-12 in treating")
d.D("Interleukin-12", N, ctx="Interleukin-12 may kill")
d.D("recombinant interleukin-12", N)
d.E("Response rate", "objective response rate", "ORR", ctx="Response rate, Simon")
d.T("Up to 5 years", "duration", "P5Y", ctx="Up to 5 years\nToxicity")
d.T("Up to 5 years", "duration", "P5Y", ctx="Up to 5 years after completion")
d.E("response rate", "objective response rate", "ORR", ctx="Determine the response rate of interleukin-12")
d.D("interleukin-12", N, ctx="response rate of interleukin-12 in previously")
d.D("interleukin-12", N, ctx="effect of interleukin-12 on Fas")
d.D("interleukin-12", N, ctx="Patients receive interleukin-12 subcutaneously")
d.T("twice a week", "frequency", None)
d.T("every 3 weeks", "frequency", "R/P3W")
for pre, neg in [
    ("Previously treated non-Hodgkin's lymphoma (all histologies", False),
    ("Maximum of 4 previous treatment regimens", False),
    ("Measurable disease", False),
    ("No CNS involvement", True),
    ("Performance status - Zubrod 0-1", False),
    ("Performance status - Karnofsky 80-100%", False),
    ("At least 12 weeks", False),
    ("Platelet count at least", False),
    ("Absolute neutrophil count greater than", False),
    ("Lymphocyte count greater than", False),
    ("Hemoglobin at least", False),
    ("Bilirubin less than", False),
    ("SGOT/SGPT less than", False),
    ("Creatinine no greater than", False),
    ("Creatinine clearance at least", False),
    ("No severe cardiovascular disease", True),
    ("No severe pulmonary disease", True),
    ("HIV negative", True),
    ("No active infection", True),
    ("Not pregnant or nursing", True),
    ("Fertile patients must use adequate contraception", False),
    ("No clinically significant autoimmune disease", True),
    ("No clinically significant gastrointestinal bleeding", True),
    ("No prior allogeneic bone marrow", True),
    ("At least 3 weeks since prior biologic therapy", False),
    ("At least 3 weeks since prior chemotherapy", False),
    ("No concurrent steroid therapy", True),
    ("At least 3 weeks since prior endocrine therapy", False),
    ("At least 3 weeks since prior radiotherapy", False),
    ("At least 2 weeks since prior surgery", False),
]:
    d.C(pre, I, neg)
d.T("At least 12 weeks", "duration", "P12W")
for w in ["biologic therapy", "chemotherapy for", "endocrine therapy for", "radiotherapy for"]:
    d.T("At least 3 weeks", "duration", "P3W", ctx="At least 3 weeks since prior " + w)
d.T("At least 2 weeks", "duration", "P2W")
d.D("steroid", "steroids", "class", neg=True, ctx="No concurrent steroid therapy")
