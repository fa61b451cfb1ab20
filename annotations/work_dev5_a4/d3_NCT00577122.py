from common import *
d = Doc("NCT00577122"); t = d.text
d.every("DRUG", "Medroxyprogesterone progesterone acetate", **drug("medroxyprogesterone"))
d.every("DRUG", "MPA", **drug("medroxyprogesterone"))
d.every("DRUG", "IdoCM", **drug("cyclophosphamide/methotrexate"))
d.every("DRUG", "ldoCM", **drug("cyclophosphamide/methotrexate"))
d.every("DRUG", "cyclophosphamide", re.I, **drug("cyclophosphamide"))
d.every("DRUG", "methotrexate", re.I, **drug("methotrexate"))
d.at("DRUG", "steroid", "chronic steroid therapy is not required", **drug("steroids", "class", negated=True))
d.every("TIMEFRAME", "twice daily", **tf(None, "frequency"))
d.at("TIMEFRAME", "w/in past 12 mo", **tf("P12M"))
d.at("TIMEFRAME", "within 2 weeks", **tf("P2W"))
d.at("TIMEFRAME", "within 1 week", **tf("P1W"))
d.at("TIMEFRAME", "> 6 Months", **tf("P6M"))
d.at("TIMEFRAME", "> 6 months", **tf("P6M"))
d.at("TIMEFRAME", "up to 3 years", **tf("P3Y"))
d.at("ENDPOINT", "Clinical Benefit Rate", **ep("clinical benefit rate", "CBR"))
d.at("ENDPOINT", "clinical benefit rate", **ep("clinical benefit rate", "CBR"))
d.at("ENDPOINT", "Adverse Events", "Adverse Events 1:", **ep("adverse events", "AE"))
d.at("ENDPOINT", "Adverse Events", "Adverse Events 2:", **ep("adverse events", "AE"))
el = t[t.index("Inclusion Criteria:\n"):t.index("Outcome Measurement:")]
sec = None
for l in el.split("\n"):
    l = l.strip()
    if not l: continue
    if l == "Inclusion Criteria:": sec = "inclusion"; continue
    if l == "Exclusion Criteria:": sec = "exclusion"; continue
    d.crit(l, sec, l.startswith("Patients must not"))
RECORD = d.record()
