from helper import Doc
d = Doc("NCT04869488")
# Title
d.drug("SHR3162", "fluzoparib", ctx="Trial of SHR3162")
d.drug("Apatinib Mesylate", "apatinib")
d.drug("SHR3162", "fluzoparib", ctx="or SHR3162 Monotherapy")
# Summary
d.drug("Fluzoparib", "fluzoparib")
d.drug("apatinib mesylate", "apatinib")
# Criteria (AACT: ~ separates lines)
I, E = "inclusion", "exclusion"
d.crit("Voluntary participation and written informed consent;", I, False)
d.crit("Age 18 years old;", I, False)
d.crit("Pathologically diagnosed metastatic castration-resistant prostate adenocarcinoma;", I, False)
d.crit("It is confirmed by the central laboratory based on tumor tissue or ctDNA detection that it is accompanied by germline or system homologous recombination repair-related gene mutations (Cohorts 4) or not accompanied by homologous recombination repair-related gene mutations (Cohort 2);", I, False)
d.crit("Eastern Cooperative Oncology Group (ECOG) performance status of 0-1;", I, False)
d.crit("Has a life expectancy of  12 weeks.", I, False)
d.tf("12 weeks", "duration", "P12W")
c = "Past (within 5 years) or concurrently suffering from other malignant tumors, except for cured skin basal cell carcinoma;"
d.crit(c, E, False)
d.tf("within 5 years", "duration", "P5Y")
c = "Subjects have used PARP inhibitors in the past, including but not limited to olaparib, niraparib, and lukapanib; or have used apatinib in the past; or have received mitoxantrone and cyclophosphamide in the past Treatment with amide or platinum-containing chemotherapeutics;"
d.crit(c, E, False)
d.drug("PARP inhibitors", "parp inhibitors", "class")
d.drug("olaparib", "olaparib")
d.drug("niraparib", "niraparib")
d.drug("lukapanib", "rucaparib")
d.drug("apatinib", "apatinib", ctx="have used apatinib in the past")
d.drug("mitoxantrone", "mitoxantrone")
d.drug("cyclophosphamide", "cyclophosphamide")
d.drug("platinum", "platinum compounds", "class", ctx="platinum-containing")
c = "Severe bone injury caused by tumor bone metastasis, pathological fractures or spinal cord compression in important parts that occurred within 6 months before being informed or is expected to occur in the near future;"
d.crit(c, E, False)
d.tf("within 6 months", "duration", "P6M")
d.crit("The subject has cancerous meningitis, or untreated central nervous system metastasis;", E, False)
d.crit("Those who cannot swallow pills normally, or have abnormal gastrointestinal function, which may affect drug absorption by the researcher;", E, False)
d.crit("Subjects with congenital or acquired immune deficiencies (such as HIV infection), or active hepatitis (hepatitis B reference: HBsAg positive and HBV DNA 500 IU/ml; hepatitis C reference: HCV antibody positive and HCV virus copy number> upper limit of normal );", E, False)
d.crit("According to the judgment of the investigator, the subject has other factors that may cause the study to be terminated halfway, such as other serious diseases (including mental illness) that require combined treatment, severe laboratory abnormalities, family or society, etc. Factors that will affect the safety of subjects or the collection of data and samples.", E, False)
d.dump()
