from lib import *
ID = "NCT00003566"
S = [
    C("Histologic Documentation: All patients must have histologic documentation of Stage IIIA non-small cell lung cancer on the basis of involved N2 nodes from a documented mediastinoscopy performed prior to induction therapy. Previously treated relapsed patients are not eligible.", "inclusion"),
    C("Prior Treatment: greater than or equal to 2 cycles of chemotherapy with or without radiotherapy (greater than or equal to 40 Gy) or radiotherapy alone (greater than or equal to 40 Gy) must be completed within 60 days of registration.", "inclusion"),
    R("40 Gy", [40, 40], "unspecified", n=0),
    R("40 Gy", [40, 40], "unspecified", n=1),
    T("within 60 days", "duration", "P60D"),
    C("No distant metastatic disease or local disease progression. Patients with responding or stable local disease are eligible. Those with local disease progression defined as a 25% increase in local tumor size or the appearance of new areas of malignant disease are ineligible.", "inclusion", neg=True),
    C("No previous intrapleural surgery on the ipsilateral side.", "inclusion", neg=True),
    C("ECOG Performance Status: 0-2", "inclusion"),
]
rec, placed = build(ID, S)
