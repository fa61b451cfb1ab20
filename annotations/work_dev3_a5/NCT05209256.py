from common import Doc
d = Doc("NCT05209256")
F = "furmonertinib"  # alflutinib (AST2818) has the INN furmonertinib
# title
d.drug("Alflutinib", F, anchor="Alflutinib Versus")
d.drug("Alflutinib", F, anchor="Versus Alflutinib Plus")
# aim
d.drug("alflutinib", F, anchor="combination of alflutinib with")
# interventions
d.drug("Alflutinib", F, anchor="DRUG: Alflutinib plus")
# outcomes
d.ep("PFS", "progression-free survival", "PFS", anchor="PFS, Disease-free")
d.ep("Disease-free survival", "disease-free survival", "DFS")
d.tf("16 weeks", "duration", "P16W", nth=0)
d.ep("Objective remission rate", "objective response rate", "ORR", anchor="Objective remission rate (ORR)")
d.ep("ORR", "objective response rate", "ORR", anchor="(ORR)")
d.ep("Objective remission rate", "objective response rate", "ORR", anchor="Objective remission rate, 16")
d.tf("16 weeks", "duration", "P16W", nth=1)
d.ep("Disease Control Rate", "disease control rate", "DCR", anchor="Disease Control Rate ( DCR)")
d.ep("DCR", "disease control rate", "DCR", anchor="( DCR)")
d.ep("Disease Control Rate", "disease control rate", "DCR", anchor="Disease Control Rate, 16")
d.tf("16 weeks", "duration", "P16W", nth=2)
# description
d.drug("alflutinib", F, anchor="alflutinib is a third")
d.drug("third-generation epidermal growth factor receptor (EGFR) tyrosine kinase inhibitor",
       "third-generation egfr tyrosine kinase inhibitors", kind="class")
d.drug("TKI", "tyrosine kinase inhibitors", kind="class", anchor="(TKI)")
d.drug("TKI", "tyrosine kinase inhibitors", kind="class", anchor="TKI-sensitising")
d.drug("alflutinib", F, anchor="resistance to alflutinib")
d.drug("alflutinib", F, anchor="therapy with alflutinib")
# inclusion
d.crit("histologically or cytologically diagnosed non-squamous NSCLC of stage IIIB or IV (based on the 7th edition of the TNM classification) or recurrent;", "inclusion")
d.crit("an EGFR mutation, including an exon-19 deletion (Ex19del), L858R, or other (L861Q, G719A, G719C, or G719S), as well as the T790M mutation of EGFR as detected in a tissue or liquid biopsy sample obtained after disease progression during first-line EGFR-TKI (gefitinib, erlotinib, or afatinib) treatment;", "inclusion")
d.drug("EGFR-TKI", "egfr tyrosine kinase inhibitors", kind="class", anchor="first-line EGFR-TKI")
d.drug("gefitinib", "gefitinib")
d.drug("erlotinib", "erlotinib")
d.drug("afatinib", "afatinib")
d.crit("WHO performance status of 0 or 1;", "inclusion")
d.crit("no prior neoadjuvant or adjuvant chemotherapy in the 12 months preceding study enrollment;", "inclusion", neg=True)
d.tf("12 months", "duration", "P12M")
d.crit("adequate bone marrow reserve and organ function.", "inclusion")
# exclusion
d.crit("treatment with an EGFR-TKI within 7 days of the first dose of the study treatment;", "exclusion")
d.drug("EGFR-TKI", "egfr tyrosine kinase inhibitors", kind="class", anchor="an EGFR-TKI within")
d.tf("within 7 days", "duration", "P7D")
d.crit("symptomatic CNS metastases;", "exclusion")
d.crit("evidence of interstitial pneumonia, pulmonary fibrosis, or radiation pneumonitis requiring steroid treatment as revealed by a computed tomography (CT) scan.", "exclusion")
d.drug("steroid", "steroids", kind="class")
d.dump()
