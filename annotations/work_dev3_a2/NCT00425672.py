from lib import Doc
d = Doc("NCT00425672")
t = d.text
DD = "denileukin diftitox"
# intervention block (and its copy in Results)
for k in range(2):
    d.drug("ONTAK", DD, ctx="Patients receive ONTAK IV", k=k)
    d.tf("1 hour", "duration", "PT1H", ctx="over 1 hour on days", k=k)
    d.tf("every 21 days", "frequency", "R/P21D", k=k)
    d.drug("ONTAK", DD, ctx="ONTAK: Given IV", k=k)
# eligibility
inc = ["Patients with advanced stage refractory breast cancer",
       "Progressive or relapsed disease following standard therapy",
       "Patients must have measurable disease that can include, but is not limited to bone; specifically, patients must have measurable extraskeletal disease that can be accurately measured in at least one dimension as >= 20 mm with conventional CT techniques or >= 10 mm with spiral CT scan; measurable (bi-dimensional) chest wall disease will also be allowed",
       "Patients must be at least 14 days out from last cytotoxic chemotherapy; patients on bisphosphonates are eligible",
       "White blood cell count (WBC) > 3.0 THOU/ul",
       "ANC > 1.0 THOU/ul",
       "Platelets >= 100 THOU/ul",
       "Serum creatinine =< 2.0 mg/dL or creatinine clearance (calculated) >= 60 ml/min",
       "ALT/AST =< 2.0 x upper limit of normal",
       "Total bilirubin =< 1.5 x upper limit of normal",
       "Albumin >= 3.0 g/dL",
       "Subjects must have a Performance Status Score (ECOG Scale) =< 2",
       "Subjects must have recovered from major infections and/or surgical procedures and, in the opinion of the investigator, not have a significant active concurrent medical illness precluding protocol treatment",
       "Men and women of reproductive ability must agree to contraceptive use during the study and for 1month after ONTAK treatment is discontinued"]
for c in inc:
    d.crit(c, "inclusion")
d.tf("at least 14 days", "duration", "P14D")
d.drug("bisphosphonates", "bisphosphonates", "class")
d.tf("1month", "duration", "P1M")
d.drug("ONTAK", DD, ctx="after ONTAK treatment")
exc = ["Prior treatment with ONTAK (DAB389 IL-2) or DAB486 IL-2",
       "Known history of hypersensitivity to diphtheria toxin or IL-2",
       "Active autoimmune disease",
       "Known history of pulmonary disease except controlled asthma",
       "History of or pre-existing, cardiovascular disease as defined by New York Heart Association (NYHA) Class III-IV categorization",
       "Pregnant or breast-feeding women"]
for c in exc:
    d.crit(c, "exclusion")
d.drug("ONTAK", DD, ctx="Prior treatment with ONTAK")
d.drug("DAB389 IL-2", DD)
d.drug("DAB486 IL-2", "dab486 il-2")
d.drug("IL-2", "aldesleukin", ctx="toxin or IL-2")
# outcome
d.ep("Study Related Toxicity", "treatment-related toxicity")
d.ep("adverse events", "adverse events", "AE", ctx="assessing adverse events")
d.tf("3 weeks", "duration", "P3W", ctx="until 3 weeks after")
d.drug("ONTAK", DD, ctx="final dose of ONTAK")
d.ep("adverse events", "adverse events", "AE", ctx="All adverse events for")
d.tf("7 Days", "duration", "P7D")
d.drug("ONTAK", DD, ctx="last dose of ONTAK")
d.ep("Adverse Events", "adverse events", "AE", ctx="Adverse Events 1:")
d.dump()
