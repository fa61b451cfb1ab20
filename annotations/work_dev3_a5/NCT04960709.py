from common import Doc
d = Doc("NCT04960709")
DU, TR, EV, CI = "durvalumab", "tremelimumab", "enfortumab vedotin", "cisplatin"
t = d.text
# walk through every mention of the four study drugs in reading order (title and descriptions)
import re
for m in re.finditer(r"Durvalumab|Tremelimumab|Enfortumab [Vv]edotin|Cisplatin", t):
    q = m.group(0)
    norm = {"Durvalumab": DU, "Tremelimumab": TR, "Cisplatin": CI}.get(q, EV)
    # occurrence index of this exact quote at m.start()
    n = t[:m.start()].count(q) if q not in ("",) else 0
    d.spans.append({"label": "DRUG", "quote": q, "occurrence": n,
                    "attrs": {"negated": False, "normalized": norm, "kind": "agent", "drugbank_id": None}})
# inclusion
I = "inclusion"; E = "exclusion"
d.crit("Histologically or cytologically documented muscle-invasive UC of the bladder.", I)
d.crit("Participants with transitional cell and mixed transitional/non-transitional cell histologies;", I)
d.crit("Participants with MIBC clinical tumor (T) stage T2-T4aN0/1M0 or UC of the bladder with clinical state T1N1M0.", I)
d.crit("Participants should also have not received prior systemic chemotherapy or immunotherapy for the treatment of MIBC or bladder UC.", I, neg=True)
d.crit("Medically fit for cystectomy and able to receive neoadjuvant therapy;", I)
d.crit("Patients who have not received prior systemic chemotherapy or immunotherapy for treatment of MIBC;", I, neg=True)
d.crit("ECOG performance status of 0,1,2 at enrollment.", I)
d.crit("Availability of tumor sample prior to study entry;", I)
d.crit("Must have a life expectancy of at least 12 weeks at randomization.", I)
d.tf("at least 12 weeks", "duration", "P12W")
# exclusion
d.crit("Evidence of lymph node (N2+) or metastatic TCC/UC disease at the time of screening.", E)
d.crit("Active infection", E)
d.crit("Uncontrolled intercurrent illness", E)
d.crit("Prior exposure to immune-mediated therapy (with exclusion of Bacillus-Calmette Guerin [BCG]), including but not limited to other anti-CTLA-4, anti--PD-1, anti PD-L1, or anti-PD-L2 antibodies.", E)
d.drug("Bacillus-Calmette Guerin", "bacillus calmette-guerin")
d.drug("BCG", "bacillus calmette-guerin")
d.drug("anti-CTLA-4", "ctla-4 inhibitors", kind="class")
d.drug("anti--PD-1", "pd-1 inhibitors", kind="class")
d.drug("anti PD-L1", "pd-l1 inhibitors", kind="class")
d.drug("anti-PD-L2 antibodies", "pd-l2 antibodies", kind="class")
d.crit("Current or prior use of immunosuppressive medication within 14 days before the first dose of IPs.", E)
d.drug("immunosuppressive medication", "immunosuppressants", kind="class")
d.tf("within 14 days", "duration", "P14D")
d.dump()
for s in d.spans[:25]: print(s['quote'], s['occurrence'])
