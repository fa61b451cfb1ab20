from lib import *
ID = "NCT05135052"
inc = """Stage I or II BCC or SCC (SCC Well to Moderately Differentiated), and clinically node negative disease
Confirmed Histology, and with depth of lesion noted
Subjects with up to 3 lesions suitable to enter the study (subjects with more than 3 lesions are not excluded from the study, however 3 target lesions are determined for study evaluation only.)
Subjects able and willing to comply with the requirements of the study
Age >=18 years
Informed Consent signed by the subject consenting to undergo the study
Lesions up to 8cm2
Lesions with a depth up to 3mm confirmed on biopsy report AND deemed appropriate clinically by treating clinician
!Subjects who are not deemed suitable for surgery, for example due to tumour location, performance status or other comorbidities as deemed relevant by the treating clinician
Patients who may have declined Surgery and/or fractionated Radiation Therapy"""
exc = """!Inability to personally provide written informed consent or to understand and collaborate throughout the study
!Inability or unwillingness to comply with study requirements
Prior treatment with surgery or radiation therapy for their target lesion(s)
Depth of lesion greater than 3mm as defined by Biopsy and/or clinical assessment
Lupus and Scleroderma
Basal cell naevus syndrome, xeroderma, vitiligo and albinism
Prior laser at the tumour site
Malignant melanoma systemic therapy ongoing
Any ongoing treatment for malignancy, or in the last 4 weeks prior to study entry
A tumour affecting nerves or bony structures
Clinical concern of metastatic disease
Pregnancy and/or Lactation
Pathological exclusions: Perineural Invasion, Lymphovascular invasion
Anatomical exclusions: NMSC's of the Medial canthus, eyelid margin (upper and lower), Vermillion lip"""
S = []
for sec, block in (("inclusion", inc), ("exclusion", exc)):
    for line in block.split("\n"):
        neg = line.startswith("!")
        S.append(C(line.lstrip("!"), sec, neg=neg))
S.append(T("in the last 4 weeks", "duration", "P4W"))
rec, placed = build(ID, S)
