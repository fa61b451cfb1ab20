from common import Doc
import re
d = Doc("NCT00004286")
t = d.text
IG = "immune globulin"
d.drug("Human Immune Globulin", IG)
d.drug("human immune globulin", IG, anchor="intravenous human immune globulin (IVIG) or placebo in previously")
d.drug("IVIG", IG, anchor="(IVIG) or placebo in previously")
d.drug("immune globulin", IG, anchor="DRUG: immune globulin")
d.drug("human immune globulin", IG, anchor="intravenous human immune globulin (IVIG) or placebo infused")
d.drug("IVIG", IG, anchor="(IVIG) or placebo infused")
d.tf("every 30 min", "frequency", "R/PT30M")
d.tf("6 to 8 hours", "duration", "PT6H", "PT8H")
d.tf("2 days", "duration", "P2D")
d.drug("IVIG", IG, anchor="infusions of IVIG or placebo are")
d.drug("IVIG", IG, anchor="another IVIG")
d.drug("IVIG", IG, anchor="infusions of IVIG every")
d.tf("every 21 days", "frequency", "R/P21D")
# eligibility: "PROTOCOL ENTRY CRITERIA:", "--Disease Characteristics--", the "... characterized by:" line and
# "--Patient Characteristics--" are headings
d.crit("Progressive or relapsing disease or chronic stable course with elevated cerebrospinal fluid protein with normal cell counts Acquired demyelination on electrophysiologic studies Segmental demyelination on nerve histology", "inclusion")
d.crit("Not pregnant No significant medical disorders", "inclusion", neg=True)
d.dump()
print([(s['quote'], s['occurrence']) for s in d.spans])
