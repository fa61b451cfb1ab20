from common import Doc
d = Doc("NCT01351376")
I = "inclusion"; E = "exclusion"
for q in ["unilateral breast cancer with ipsilateral lumpectomy or mastectomy and lymph node dissection (sentinel biopsy or axillary dissection)",
          "stage II or III unilateral secondary upper extremity lymphedema (as defined by the International Society of Lymphology)",
          "girth  2 cm circumferential difference and/or volume  200 mL compared to the uninvolved upper extremity at any 4 cm segment",
          "able to commit to a long term follow-up schedule"]:
    d.crit(q, I)
for q in ["active cancer/metastatic cancer",
          "currently receiving or have plans for adjuvant radiation or chemotherapy",
          "pregnant",
          "presence of other extremity lymphedema (primary or secondary)",
          "pacemaker",
          "artificial joints in the upper quadrants",
          "renal failure",
          "arterial insufficiency",
          "congestive heart failure",
          "chronic inflammatory conditions",
          "history of deep vein thrombosis (DVT) in the lymphedematous upper extremity",
          "previous treatment with Low Level Laser (regardless of indication)",
          "medication(s) known to affect body fluid balance",
          "body mass index (BMI) > 40 (morbid obesity)"]:
    d.crit(q, E, anchor="\n" + q + "\n")
d.tf("13 Months", "duration", "P13M")
d.ep("Adverse Events", "adverse events", "AE", anchor="Adverse Events 1:")
d.ep("Adverse Events", "adverse events", "AE", anchor="Adverse Events 2:")
d.dump()
