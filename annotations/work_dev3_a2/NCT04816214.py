from lib import Doc
d = Doc("NCT04816214")
t = d.text
d.drug("Capmatinib", "capmatinib")
d.drug("Osimertinib", "osimertinib")
d.drug("capmatinib", "capmatinib", ctx="activity of capmatinib")
d.drug("osimertinib", "osimertinib", ctx="combination with osimertinib compared")
d.drug("platinum", "platinum compounds", "class", ctx="platinum-pemetrexed")
d.drug("pemetrexed", "pemetrexed", ctx="platinum-pemetrexed")
d.drug("EGFR tyrosine kinase inhibitors", "egfr tyrosine kinase inhibitors", "class")
d.drug("TKIs", "tyrosine kinase inhibitors", "class", ctx="(TKIs)")
d.drug("capmatinib", "capmatinib", ctx="combination of capmatinib and osimertinib")
d.drug("osimertinib", "osimertinib", ctx="capmatinib and osimertinib will")
inc = ["Histologically or cytologically confirmed diagnosis of NSCLC with EGFR mutations known to be associated with EGFR TKI sensitivity, EGFR T790M negative and MET gene amplification",
       "Stage IIIB/IIIC or IV NSCLC",
       "Patients must have progressed on one prior line of therapy (1st/2nd generation EGFR TKIs, osimertinib or other third generation EGFR TKIs) for advanced/metastatic disease (stage IIIB/IIIC and must be candidates for platinum (cisplatin or carboplatin) - pemetrexed doublet based chemotherapy",
       "Eastern Cooperative Oncology Group (ECOG) performance status (PS) of 0 or 1",
       "Participants must have recovered from all toxicities related to prior systemic therapy to grade  1 Common Terminology Criteria Adverse Event 5.0 (CTCAE v 5.0)",
       "At least one measurable lesion as defined by RECIST 1.1"]
for c in inc:
    d.crit(c, "inclusion")
d.drug("EGFR TKI", "egfr tyrosine kinase inhibitors", "class", ctx="EGFR TKI sensitivity")
d.drug("1st/2nd generation EGFR TKIs", "first- and second-generation egfr tyrosine kinase inhibitors", "class")
d.drug("osimertinib", "osimertinib", ctx="EGFR TKIs, osimertinib or")
d.drug("third generation EGFR TKIs", "third-generation egfr tyrosine kinase inhibitors", "class")
d.drug("platinum", "platinum compounds", "class", ctx="platinum (cisplatin")
d.drug("cisplatin", "cisplatin")
d.drug("carboplatin", "carboplatin")
d.drug("pemetrexed", "pemetrexed", ctx="- pemetrexed doublet")
exc = ["Prior treatment with any MET inhibitor or HGF-targeting therapy",
       "Participants with symptomatic central nervous system (CNS) metastases who are neurologically unstable or have required increasing doses of steroids within the 2 weeks prior to study entry to manage CNS symptoms",
       "Carcinomatous meningitis",
       "Presence or history of a malignant disease other than NSCLC that has been diagnosed and/or required therapy within the past 3 years",
       "Presence or history of interstitial lung disease or interstitial pneumonitis, including clinically significant radiation pneumonitis",
       "Long QT syndrome, family history of idiopathic sudden death or congenital long QT syndrome",
       "Clinically significant, uncontrolled heart diseases",
       "known druggable molecular alterations that may render participants eligible for alternative targeted therapies",
       "Other protocol-defined inclusion/exclusion criteria may apply."]
for c in exc:
    d.crit(c, "exclusion")
d.drug("MET inhibitor", "met inhibitors", "class")
d.drug("steroids", "steroids", "class")
d.tf("within the 2 weeks", "duration", "P2W")
d.tf("within the past 3 years", "duration", "P3Y")
d.dump()
