from common import Doc
import re
d = Doc("NCT03374995")
t = d.text
I = "inclusion"; E = "exclusion"
# keratin (the study's topical product) in interventions and results, capital and lower case
for m in re.finditer(r"[Kk]eratin", t):
    q = m.group(0)
    d.spans.append({"label": "DRUG", "quote": q, "occurrence": t[:m.start()].count(q),
                    "attrs": {"negated": False, "normalized": "keratin", "kind": "agent", "drugbank_id": None}})
# "approximately 3-6 weeks" x4 (interventions and results)
for k in range(4):
    d.tf("approximately 3-6 weeks", "duration", "P3W", "P6W", nth=k)
# inclusion
d.crit("Diagnosis of breast cancer, received chemotherapy, and scheduled to receive 4 to 6 weeks of radiation therapy (radiation protocol of 42 Gy+)", I)
d.tf("4 to 6 weeks", "duration", "P4W", "P6W")
d.dose("42 Gy", [42, 42], "unspecified")
d.crit("Area to be irradiated representing 1-10% of total body surface area (TBSA)", I)
d.crit("Able and willing to sign protocol consent form", I)
d.crit("Able and willing to document symptoms and treatment details as often as needed, not to exceed daily notes", I)
d.crit("Able and willing to have photographs of the affected area taken regularly", I)
# exclusion
d.crit("Women who are pregnant, lactating/nursing or plan to become pregnant", E)
d.crit("Previous radiation therapy to the area to be treated with radiation therapy", E)
d.crit("Receiving palliative radiation therapy", E)
d.crit("Unhealed or infected surgical sites in the irradiation area", E)
d.crit("Patients undergoing cytotoxic chemotherapy or concurrent Herceptin as part of overall treatment plan (tamoxifen/aromatase inhibitor allowed)", E)
d.drug("Herceptin", "trastuzumab")
d.drug("tamoxifen", "tamoxifen")
d.drug("aromatase inhibitor", "aromatase inhibitors", kind="class")
d.crit("Use of oral corticosteroids or topical corticosteroids in the irradiation area", E)
d.drug("corticosteroids", "corticosteroids", kind="class", anchor="oral corticosteroids")
d.drug("corticosteroids", "corticosteroids", kind="class", anchor="topical corticosteroids")
d.crit("Use of Erbitux", E)
d.drug("Erbitux", "cetuximab")
d.crit("Autoimmune disease", E)
d.crit("Skin disease in target irradiation area", E)
d.crit("Smoker", E)
d.crit("Known allergy to the standard of care or ingredients in KeraStat Cream", E)
d.drug("KeraStat", "keratin")
# outcome
d.ep("Early Adverse Skin Reactions", "early adverse skin reactions", "EASR")
d.ep("EASRs", "early adverse skin reactions", "EASR", anchor="(EASRs)")
d.ep("EASRs", "early adverse skin reactions", "EASR", anchor="classification of EASRs")
d.tf("Up to 4 weeks", "duration", "P4W")
d.ep("Adverse Events", "adverse events", "AE", anchor="Adverse Events 1:")
d.ep("Adverse Events", "adverse events", "AE", anchor="Adverse Events 2:")
# "Quality-of-Life Assessment: Ancillary studies" x4 (gold precedent: "Quality of life assessments are made")
for k in range(4):
    d.ep("Quality-of-Life", "quality of life", "QoL", nth=k)
d.dump()
print([ (s['quote'],s['occurrence']) for s in d.spans if s['label']=='DRUG'])
