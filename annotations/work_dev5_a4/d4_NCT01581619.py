from common import *
d = Doc("NCT01581619"); t = d.text
d.every("RADIATION_DOSE", "40 Gy in 10 fractions", **rd([40, 40], "total", [10, 10], [40, 40]))
d.every("RADIATION_DOSE", "40 Gy in ten daily fractions", **rd([40, 40], "total", [10, 10], [40, 40]))
d.every("RADIATION_DOSE", "40Gy in Ten Daily Fractions", **rd([40, 40], "total", [10, 10], [40, 40]))
d.every("TIMEFRAME", "2 weeks", **tf("P2W"))
d.every("TIMEFRAME", "two weeks", **tf("P2W"))
d.every("TIMEFRAME", "Two Weeks", **tf("P2W"))
d.at("TIMEFRAME", "within 24 months", **tf("P24M"))
d.at("TIMEFRAME", "2 years", "Time frame: 2 years", **tf("P2Y"))
d.at("ENDPOINT", "Grade 3 or 4 skin/subcutaneous or pulmonary toxicity",
     **ep("grade 3-4 skin/subcutaneous or pulmonary toxicity"))
d.at("ENDPOINT", "Grade 3 or 4 Skin/ Subcutaneous toxicity", **ep("grade 3-4 skin/subcutaneous toxicity"))
d.at("ENDPOINT", "Grade 3 or 4 Pulmonary Toxicity", **ep("grade 3-4 pulmonary toxicity"))
d.at("ENDPOINT", "Adverse Events", "Adverse Events 1:", **ep("adverse events", "AE"))
el = t[t.index("Inclusion Criteria:\n"):t.index("Outcome Measurement:")]
sec = None
for l in el.split("\n"):
    l = l.strip()
    if not l: continue
    if l == "Inclusion Criteria:": sec = "inclusion"; continue
    if l == "Exclusion Criteria:": sec = "exclusion"; continue
    d.crit(l, sec, l.startswith(("No ", "Not ")))
RECORD = d.record()
