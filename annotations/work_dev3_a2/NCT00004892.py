from lib import Doc
d = Doc("NCT00004892")
t = d.text
BG = "o6-benzylguanine"
GL = "polifeprosan 20 with carmustine implant"   # Gliadel: a formulation that is its own product
d.drug("O6-Benzylguanine", BG)
d.drug("Carmustine Implants", GL)
for k in range(5):
    d.drug("O6-benzylguanine", BG, k=k)
d.drug("carmustine wafers", GL)
for k in range(3):
    d.drug("polifeprosan 20 with carmustine implant", GL, k=k)
for k in range(3):
    d.drug("Gliadel wafers", GL, k=k)
for k in range(7):
    d.drug("O6-BG", BG, k=k)
# objectives / outline
d.tf("up to 2 weeks", "duration", "P2W")
d.tf("1 hour", "duration", "PT1H", ctx="over 1 hour followed")
d.tf("2 days", "duration", "P2D")
d.tf("at least 1 hour", "duration", "PT1H")
d.tf("up to 14 days", "duration", "P14D")
d.tf("14 days", "duration", "P14D", ctx="reaches 14 days")
d.ep("maximum tolerated dose", "maximum tolerated dose", "MTD")
d.ep("MTD", "maximum tolerated dose", "MTD", ctx="(MTD)")
d.ep("MTD", "maximum tolerated dose", "MTD", ctx="The MTD is defined")
# "3 of 6 or 5 of 12 patients experience dose limiting toxicities": an event in the escalation rule, not tagged
d.tf("3", "duration", "P3M", ctx="at 3, 6, 9, and 12 months")
d.tf("6", "duration", "P6M", ctx="6, 9, and 12 months")
d.tf("9", "duration", "P9M", ctx="9, and 12 months")
d.tf("12 months", "duration", "P12M", ctx="and 12 months")
d.tf("9.5 months", "duration", "P9.5M")
# eligibility: PDQ run-on lines, one line = one criterion
L1 = "Histologically confirmed malignant glioma determined from prior stereotactic biopsy or cytoreductive surgery for removal of a supratentorial brain tumor Unilateral supratentorial tumor, measuring at least 1 cm, as determined by CT scan or MRI No more than 1 focus of tumor and no tumor crossing the midline Surgical treatment indicated at baseline evaluation Received prior definitive (greater than 5,000 cGy) external beam radiotherapy more than 3 months ago Evidence of progression At time of tumor resection and Gliadel wafers implantation: Intraoperative pathological diagnosis on frozen section or squash preparation of malignant glioma OR Glioblastoma multiforme or anaplastic astrocytoma on permanent sections from a prior surgery and an intraoperative pathological diagnosis on frozen section or squash preparation of tumor, glioma, or malignant glioma (not necrosis)"
L2 = "Age: 18 and over Performance status: Karnofsky 60-100% Life expectancy: At least 60 days Hematopoietic: Absolute neutrophil count at least 1,500/mm3 Platelet count at least 100,000/mm3 Hepatic: Bilirubin no greater than 1.5 mg/dL Transaminases no greater than 4 times upper limit of normal Renal: Creatinine no greater than 1.7 mg/dL Other: Not pregnant or nursing Negative pregnancy test Fertile patients must use effective contraception for 1 year after surgery No other concurrent significant life threatening disease No known hypersensitivity to nitrosoureas No other malignancy in past five years except curatively treated carcinoma in situ of the cervix or basal cell carcinoma of the skin"
L3 = "Biologic therapy: Not specified Chemotherapy: At least 4 weeks since prior chemotherapy (6 weeks for nitrosoureas) and recovered No other concurrent chemotherapy during first 56 days of study Endocrine therapy: No concurrent dexamethasone as an antiemetic Radiotherapy: See Disease Characteristics Surgery: See Disease Characteristics"
for c in (L1, L2, L3):
    d.crit(c, "inclusion")
d.rd("5,000 cGy", [50, 50], "unspecified", None, None)
d.tf("more than 3 months", "duration", "P3M")
d.tf("At least 60 days", "duration", "P60D")
d.tf("1 year", "duration", "P1Y", ctx="for 1 year after surgery")
d.drug("nitrosoureas", "nitrosoureas", "class", ctx="hypersensitivity to nitrosoureas")   # the allergy is absent, not the drug
d.tf("in past five years", "duration", "P5Y")
d.tf("At least 4 weeks", "duration", "P4W")
d.tf("6 weeks", "duration", "P6W", ctx="(6 weeks for")
d.drug("nitrosoureas", "nitrosoureas", "class", ctx="6 weeks for nitrosoureas")
d.tf("56 days", "duration", "P56D")
d.drug("dexamethasone", "dexamethasone", neg=True)
d.dump()
