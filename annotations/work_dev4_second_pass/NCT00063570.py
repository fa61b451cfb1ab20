from helper import Doc
d = Doc("NCT00063570")
t = d.text
# Arm descriptions: intervention 1 and 2, results 1 and 2 repeat the same lines
for k in range(2):  # INTERVENTION 1, Results 1
    d.drug("Pemetrexed", "pemetrexed", ctx="Pemetrexed: 500 mg/m2, intravenous (IV), every 14 days", k=k)
    d.tf("every 14 days", "frequency", "R/P14D", ctx="Pemetrexed: 500 mg/m2, intravenous (IV), every 14 days", k=k)
    d.drug("Gemcitabine", "gemcitabine", ctx="Gemcitabine: 1500 mg/m2", k=k)
    d.tf("every 14 days", "frequency", "R/P14D", ctx="Gemcitabine: 1500 mg/m2, intravenous (IV), every 14 days", k=k)
    d.tf("21-Day", "duration", "P21D", ctx="21-Day Schedule", k=k)
    d.drug("Pemetrexed", "pemetrexed", ctx="Pemetrexed: 500 mg/m2, intravenous (IV), every 21 days", k=k)
    d.tf("every 21 days", "frequency", "R/P21D", ctx="Pemetrexed: 500 mg/m2, intravenous (IV), every 21 days", k=k)
    d.drug("Gemcitabine", "gemcitabine", ctx="Gemcitabine: 1000 mg/m2", k=k)
    d.tf("21-day", "duration", "P21D", ctx="21-day cycle", k=k)
# Criteria
I, E = "inclusion", "exclusion"
d.crit("Must have received prior chemotherapy with Taxol (paclitaxel) or Taxotere (docetaxel).", I, False)
d.drug("Taxol", "paclitaxel"); d.drug("paclitaxel", "paclitaxel"); d.drug("Taxotere", "docetaxel"); d.drug("docetaxel", "docetaxel")
d.crit("Less than 3 different chemotherapy treatments for metastatic disease.", I, False)
d.crit("Prior treatment with hormonal and/or radiation therapy.", I, False)
d.crit("Must have disease that can be measured.", I, False)
d.crit("Must be able to take care of self needs for example personal hygiene", I, False)
d.crit("Must not be pregnant or breast-feeding.", E, True)
d.crit("Cancer that has spread to the brain.", E, False)
d.crit("Treatment with Gemcitabine or Pemetrexed", E, False)
d.drug("Gemcitabine", "gemcitabine", ctx="Treatment with Gemcitabine or Pemetrexed")
d.drug("Pemetrexed", "pemetrexed", ctx="Treatment with Gemcitabine or Pemetrexed")
d.crit("Unable to take folic acid or Vitamin B12", E, True)
d.drug("folic acid", "folic acid", neg=True)
d.drug("Vitamin B12", "vitamin b12", neg=True)
d.crit("Treatment for another cancer within the last 5 years", E, False)
d.tf("within the last 5 years", "duration", "P5Y")
# Outcome
d.ep("Overall Tumor Response", "objective response rate", "ORR")
d.tf("at least 6 weeks", "duration", "P6W")
d.tf("Every 6 weeks", "frequency", "R/P6W")
d.tf("6 months", "duration", "P6M", ctx="for 6 months from last dose")
d.tf("6 months", "duration", "P6M", ctx="After 6 months")
d.tf("every 12 weeks", "frequency", "R/P12W")
# Adverse events headings
d.ep("Adverse Events", "adverse events", "AE", ctx="Adverse Events 1:")
d.ep("Adverse Events", "adverse events", "AE", ctx="Adverse Events 2:")
d.dump()
