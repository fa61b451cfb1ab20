import json, re
for l in open("/tmp/check_dev4_a2/check.jsonl"):
    d = json.loads(l); t = d["text"]
    e = t.find("Eligibility")
    stop = t.find("Outcome Measurement:")
    stop = stop if stop > 0 else len(t)
    crit = [(s["start"], s["end"]) for s in d["spans"] if s["label"] == "CRITERION"]
    for m in re.finditer(r"[^\n~]+", t[e:stop]):
        a, b = e + m.start(), e + m.end()
        if not m.group().strip(): continue
        if not any(s < b and a < en for s, en in crit):
            print(d["id"], "UNCOVERED:", repr(m.group()))
    for s in d["spans"]:
        if s["label"]=="CRITERION" and s["start"] < e: print("crit before elig", s["text"])
