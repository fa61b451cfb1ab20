from common import *
d = Doc("NCT00004382"); t = d.text
d.every("DRUG", "tin mesoporphyrin", re.I, **drug("stannsoporfin"))
d.at("DRUG", "phenobarbital", **drug("phenobarbital", negated=True))
d.at("TIMEFRAME", "within 96 hours", **tf("PT96H"))
d.at("TIMEFRAME", "at least 24 hours", **tf("PT24H"))
d.at("TIMEFRAME", "within 24 hours", **tf("PT24H"))
el = t[t.index("PROTOCOL ENTRY CRITERIA:"):]
HEAD = {"PROTOCOL ENTRY CRITERIA:", "--Disease Characteristics--", "--Prior/Concurrent Therapy--",
        "--Patient Characteristics--", "Other: No other major congenital abnormality, i.e.:",
        "No evident or suspected congenital infection, i.e.:"}
under_no = False
for l in el.split("\n"):
    l = l.strip()
    if not l: continue
    if l in HEAD:
        under_no = l.endswith("i.e.:")   # a 'No ..., i.e.:' heading governs the bullets below it
        continue
    bullet = l.startswith("-  ")
    line = l[3:].strip() if bullet else l
    if not bullet:
        under_no = False
    neg = under_no if bullet and under_no else bool(re.match(r"(\w+: )?No ", line))
    d.crit(line, "inclusion", neg)
RECORD = d.record()
