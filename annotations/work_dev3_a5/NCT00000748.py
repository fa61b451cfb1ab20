from common import Doc
import re
d = Doc("NCT00000748")
t = d.text
TS = "trimethoprim-sulfamethoxazole"  # co-trimoxazole: one co-formulated fixed-dose product (gold: Bactrim -> trimethoprim-sulfamethoxazole)
I = "inclusion"; E = "exclusion"
# title
d.drug("Trimethoprim / Sulfamethoxazole", TS)
d.drug("TMS", TS, anchor="(TMS)")
d.tf("Thrice-Weekly", "frequency", None)
d.drug("TMS", TS, anchor="Thrice-Weekly TMS")
# summary
d.tf("thrice-weekly", "frequency", None, anchor="daily and thrice-weekly")
d.drug("sulfamethoxazole/trimethoprim", TS)
d.drug("SMX/TMP", TS, anchor="(SMX/TMP; TMS)")
d.drug("TMS", TS, anchor="; TMS)")
# every later SMX/TMP (summary, detailed description, outline)
first = t.find("(SMX/TMP; TMS)") + 1
for m in re.finditer(r"SMX/TMP", t):
    if m.start() <= first:
        continue
    d.spans.append({"label": "DRUG", "quote": "SMX/TMP", "occurrence": t[:m.start()].count("SMX/TMP"),
                    "attrs": {"negated": False, "normalized": TS, "kind": "agent", "drugbank_id": None}})
# interventions
d.drug("Sulfamethoxazole-Trimethoprim", TS)
# outline
d.tf("thrice-weekly", "frequency", None, anchor="daily or thrice-weekly basis")
d.tf("every 4 months", "frequency", "R/P4M")
d.tf("thrice-weekly", "frequency", None, anchor="to thrice-weekly SMX/TMP")
d.tf("12 months", "duration", "P12M")
# inclusion ("Inclusion Criteria" and "Patients must have:" are headings)
d.crit("HIV infection.", I)
d.crit("CD4 count <= 200 cells/mm3 OR a history of prior PCP.", I)
d.crit("No active pneumocystosis. Patients or their guardians must sign informed consent. Pregnant patients are eligible at the clinician's discretion. Patients who do not meet required laboratory values may be eligible at the discretion of the clinician.", I)
# exclusion (headings: "Exclusion Criteria", "Co-existing Condition:", "Patients with ... are excluded:",
# "Concurrent Medication:", "Excluded:")
d.crit("Known treatment-limiting reaction to sulfonamides or trimethoprim.", E)
d.drug("sulfonamides", "sulfonamides", kind="class")
d.drug("trimethoprim", "trimethoprim", anchor="sulfonamides or trimethoprim")
d.crit("Other PCP prophylaxis or medication with anti-PCP activity.", E)
d.dump()
print([(s['quote'], s['occurrence']) for s in d.spans if s['label'] == 'DRUG'])
