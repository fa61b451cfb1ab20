from lib import Doc
d = Doc("NCT06465238")
t = d.text
A1, A2 = "shr-a1921", "shr-a2009"
# title, summary, interventions
d.drug("SHR-A1921", A1, ctx="Clinical Study of SHR-A1921")
d.drug("SHR-A2009", A2, ctx="SHR-A1921 or SHR-A2009 in Previously")
d.drug("SHR-A1921", A1, ctx="efficacy of SHR-A1921")
d.drug("SHR-A2009", A2, ctx="SHR-A1921 or SHR-A2009 in patients")
d.drug("SHR-A2009", A2, ctx="DRUG: SHR-A2009")
d.drug("SHR-A1921", A1, ctx="DRUG: SHR-A1921")
# outcomes
d.ep("Overall response rate", "objective response rate", "ORR")
d.ep("ORR", "objective response rate", "ORR", ctx="(ORR)")
d.ep("Progression-free survival", "progression-free survival", "PFS")
d.ep("PFS", "progression-free survival", "PFS", ctx="(PFS)")
d.ep("overall survival", "overall survival", "OS", ctx="|overall survival (OS)")
d.ep("OS", "overall survival", "OS", ctx="(OS), OS is")
d.ep("OS", "overall survival", "OS", ctx="OS is the time")
d.ep("Duration of response", "duration of response", "DOR")
d.ep("DoR", "duration of response", "DOR")
d.ep("Disease control rate", "disease control rate", "DCR")
d.ep("DCR", "disease control rate", "DCR")
d.ep("Time to Response", "time to response", "TTR")
d.ep("TTR", "time to response", "TTR")
d.ep("adverse events", "adverse events", "AE", ctx="severity of adverse events")
d.ep("AEs", "adverse events", "AE", ctx="(AEs)")
for k in range(5):
    d.tf("up to 12 months", "duration", "P12M", k=k)
d.tf("up to 24 months", "duration", "P24M")
d.tf("90 days", "duration", "P90D", ctx="to 90 days after last dose")
# eligibility
inc = ["Voluntary participation and written informed consent;",
       "Aged 18-75 years (inclusive), males and females;",
       "Has a histologically or cytologically confirmed diagnosis of metastatic NSCLC (according to 8th AJCC/UICC Classification);",
       "Has failed to standard therapy and disease progressed after antibody-conjugated drugs therapy;",
       "Has at least 1 measurable lesion per RECIST 1.1;",
       "Patients with ECOG score of 0-1;",
       "Life expectancy \u226512 weeks;",
       "Have adequate organ function;",
       "Participants agrees to use contraception, and be abstinent from heterosexual intercourse during the treatment period and for \u2265180 days after the last dose of study treatment."]
for c in inc:
    d.crit(c, "inclusion")
d.drug("antibody-conjugated drugs", "antibody-drug conjugates", "class")
d.tf("\u226512 weeks", "duration", "P12W")
d.tf("\u2265180 days", "duration", "P180D")
exc = ["Histologically or cytologically confirmed presence of small-cell lung cancer or other benefit-limiting tumor components;",
       "Untreated brain metastasis or accompanied by meningeal metastases, spinal cord compression;",
       "Cancerous ascites, pleural effusion or pericardial effusion with clinical symptoms;",
       "Subjects who have received systemic anti-tumor treatments prior to the initiation of the study treatment;",
       "Has received major organ surgery or high-intensity thoracic radiotherapy within before first dose of study therapy\uff1b",
       "Has a history of a second malignancy;",
       "Has a history of non-infectious ILD/pneumonitis that required steroids, or has current ILD/pneumonitis;",
       "Subjects with active pulmonary tuberculosis infection\uff1b",
       "Serious infection before the first dose\uff1b",
       "Uncontrolled cardiac diseases or symptoms;",
       "Arterial/venous thrombosis events occurred before the first dose\uff1b",
       "Hypertension that can not be well controlled through antihypertensive drugs\uff0cprevious hypertensive crisis or hypertensive encephalopathy\uff1b",
       "Has a history of active chronic enteritis;",
       "Has a history of bleeding prior to the initiation of the study treatment;",
       "History of immunodeficiency disease or organ transplant;",
       "Subjects with active hepatitis B or active hepatitis C;",
       "Has unresolved toxicities from previous anticancer therapy;",
       "Has a history of severe hypersensitivity reactions to either the drug substances or inactive ingredients of SHR-A1921or SHR-A2009;",
       "Subjects with other potential factors that may affect the study results or result in the premature discontinuation as determined by the investigator, such as alcoholism, drug abuse, other serious diseases (including mental illness) requiring concomitant treatment, serious laboratory abnormalities, or family or social factors that could affect the safety of the patients."]
for c in exc:
    d.crit(c, "exclusion")
d.drug("steroids", "steroids", "class", ctx="required steroids")
d.drug("antihypertensive drugs", "antihypertensive drugs", "class")
d.drug("SHR-A1921", A1, ctx="SHR-A1921or")
d.drug("SHR-A2009", A2, ctx="SHR-A1921or SHR-A2009")
d.dump()
