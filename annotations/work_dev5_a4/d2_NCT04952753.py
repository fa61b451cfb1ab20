from common import *
d = Doc("NCT04952753"); t = d.text
d.every("DRUG", "NIS793", **drug("nis793"))
d.every("DRUG", "irinotecan", **drug("irinotecan"))
d.at("TIMEFRAME", "within 6 months", **tf("P6M"))
d.at("TIMEFRAME", "within 4 weeks", **tf("P4W"))
d.at("TIMEFRAME", "within 3 months", **tf("P3M"))
lines = t[t.index("Key Inclusion Criteria:~"):].split("~")
sec = None
for l in lines:
    l = l.strip()
    if not l: continue
    if l == "Key Inclusion Criteria:": sec = "inclusion"; continue
    if l == "Key Exclusion Criteria:": sec = "exclusion"; continue
    d.crit(l, sec, False)   # none asserts absence; the 'not recovered ... or have had' line is mixed
RECORD = d.record()
