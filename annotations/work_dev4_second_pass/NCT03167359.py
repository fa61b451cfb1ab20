from helper import Doc
d = Doc("NCT03167359")
for k in range(2):  # INTERVENTION 1 and Results 1 repeat the arm description
    d.tf("three weeks", "duration", "P3W", ctx="radiation over three weeks", k=k)
    d.rd("2.66 Gy per day x 15 fractions", [2.66, 2.66], "per_fraction", [15, 15], [39.9, 39.9], k=k)
    d.rd("0.54 Gy per day x 15 fractions", [0.54, 0.54], "per_fraction", [15, 15], [8.1, 8.1], k=k)
I, E = "inclusion", "exclusion"
# heading: "Participants must have one or more of the following characteristics ...:" (introduces the list)
d.crit("Prior Chemotherapy for Breast Cancer", I, False)
d.crit("Greater than 25 cm of breast separation (the largest distance on an axial slice of the planning CT simulation scan between the entry and exit points of the radiation beam on the body)", I, False)
d.crit("Non-Caucasian Race", I, True)
d.crit("Less than or equal to 50 years of age", I, False)
d.crit("Requiring regional nodal irradiation without evidence of N3 disease", I, False)
d.crit("Males will be excluded", E, False)
d.crit("Women who are pregnant or nursing a child may not take part in this study", E, False)
# Outcome
d.ep("Cutaneous Toxicity", "skin toxicity", None, ctx="Per Cutaneous Toxicity Grade")
d.ep("Cutaneous toxicity", "skin toxicity", None, ctx="Cutaneous toxicity rate")
d.tf("Up to 18 months", "duration", "P18M")
d.ep("Adverse Events", "adverse events", "AE", ctx="Adverse Events 1:")
d.dump()
