from common import *
d = Doc("NCT05047536"); t = d.text
d.every("DRUG", "KZR-261", **drug("kzr-261"))
d.at("ENDPOINT", "recommended Phase 2 dose", **ep("recommended phase 2 dose", "RP2D"))
d.at("ENDPOINT", "RP2D", **ep("recommended phase 2 dose", "RP2D"))
d.at("TIMEFRAME", "within 14 days", k=0, **tf("P14D"))
d.at("TIMEFRAME", "within 14 days", k=1, **tf("P14D"))
d.at("TIMEFRAME", "within 28 days", k=0, **tf("P28D"))
d.at("TIMEFRAME", "within 28 days", k=1, **tf("P28D"))
lines = t[t.index("Inclusion Criteria:~"):].split("~")
sec = None
for l in lines:
    l = l.strip()
    if not l: continue
    if l == "Inclusion Criteria:": sec = "inclusion"; continue
    if l == "Exclusion Criteria:": sec = "exclusion"; continue
    d.crit(l, sec, False)
RECORD = d.record()
