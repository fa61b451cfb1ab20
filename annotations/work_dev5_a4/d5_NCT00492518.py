from common import *
d = Doc("NCT00492518"); t = d.text
d.every("DRUG", "acetylcysteine", re.I, **drug("acetylcysteine"))
d.every("DRUG", "theophylline", re.I, **drug("theophylline"))
d.at("DRUG", "ACC", "acetylcysteine (ACC)", **drug("acetylcysteine"))
# abbreviations defined in the summary: acetylcysteine (A), theophylline (T), and their uses
d.at("DRUG", "A", "acetylcysteine (A)", **drug("acetylcysteine"))
d.at("DRUG", "T", "theophylline (T)", **drug("theophylline"))
ctx = "the effects of A, T, a combination of A and T (A+T), and placebo (P)"
base = t.index(ctx)
for m in re.finditer(r"(?<![A-Za-z])[AT](?![A-Za-z])", ctx):
    name = "acetylcysteine" if m.group(0) == "A" else "theophylline"
    d._add("DRUG", m.group(0), base + m.start(), drug(name))
d.at("DRUG", "adenosine antagonist", **drug("adenosine receptor antagonists", "class"))
d.at("DRUG", "antioxidant", "The antioxidant acetylcysteine", **drug("antioxidants", "class"))
d.at("DRUG", "sodium bicarbonate", **drug("sodium bicarbonate"))
d.at("DRUG", "nephrotoxic drugs", **drug("nephrotoxic drugs", "class"))
# contrast medium as the administered agent (not inside the disease name contrast(-)induced nephropathy)
for m in re.finditer(r"contrast[- ]medium", t):
    d._add("DRUG", m.group(0), m.start(), drug("contrast media", "class"))
d.at("TIMEFRAME", "within 48h", k=0, **tf("PT48H"))
d.at("TIMEFRAME", "within 48h", k=1, **tf("PT48H"))
d.at("TIMEFRAME", "within 48 hours", k=0, **tf("PT48H"))
d.at("TIMEFRAME", "within 48 hours", k=1, **tf("PT48H"))
d.at("TIMEFRAME", "48h", "48h after the application", **tf("PT48H"))
d.at("TIMEFRAME", "48h", "48h after contrast medium", **tf("PT48H"))
i = t.index('within 48h", 48h') + len('within 48h", ')
d._add("TIMEFRAME", "48h", i, tf("PT48H"))
d.at("TIMEFRAME", "within the last 2 days", **tf("P2D"))
el = t[t.index("Inclusion Criteria:\n"):]
sec = None
for l in el.split("\n"):
    l = l.strip()
    if not l: continue
    if l == "Inclusion Criteria:": sec = "inclusion"; continue
    if l == "Exclusion Criteria:": sec = "exclusion"; continue
    assert l.startswith("-  "), l
    d.crit(l[3:].strip(), sec, False)
RECORD = d.record()
