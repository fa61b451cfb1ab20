"""Short names given in parentheses after an agent or a regimen, fixed-dose combinations and
radiolabelled agents: on the phrasing of legacy ClinicalTrials.gov records (NCI PDQ summaries, 1999-2007) and LCT."""

import pytest

import trialspacy
from trialspacy.components.drugs.aliases import NOT_ALIASES
from trialspacy.components.drugs.radiolabels import extend_isotope_labels, extend_radiolabels, is_isotope_label
from trialspacy.spans import DRUG, label_spans

PIPELINE = ["trialspacy_layout", "trialspacy_abbreviations", "trialspacy_drugs"]


@pytest.fixture(scope="module")
def nlp():
    return trialspacy.build(PIPELINE)


def drugs(nlp, text: str) -> list[tuple[str, str]]:
    """(text, normalized) of the DRUG spans of ``text``."""
    return [(s.text, s._.trialspacy_normalized) for s in label_spans(nlp(text), DRUG)]


def test_drugs_alias_of_an_agent_is_a_drug_throughout_the_record(nlp):
    # The letters of AZT are not those of zidovudine: only the agent span before it ties them.
    text = (
        "Patients who have been started on zidovudine (AZT) within 8 weeks. (Patients may have been "
        "previously treated with AZT and failed or may currently be receiving AZT for at least 8 weeks.)"
    )
    assert drugs(nlp, text) == [("zidovudine", "zidovudine")] + [("AZT", "zidovudine")] * 3


def test_drugs_alias_of_a_code_named_agent(nlp):
    text = "An Open-Label, Pilot Study to Evaluate the Development of Resistance to Nevirapine (BI-RG-587)"
    assert ("BI-RG-587", "nevirapine") in drugs(nlp, text)


def test_drugs_regimen_acronym_names_its_agents(nlp):
    text = (
        "Determine the response rate in patients receiving lomustine/etoposide/cyclophosphamide/procarbazine "
        "(CECP) for stage IIB-IV AIDS-related Hodgkin's disease. Assess the toxic effects of CECP."
    )
    regimen = "lomustine/etoposide/cyclophosphamide/procarbazine"
    assert [d for d in drugs(nlp, text) if d[0] == "CECP"] == [("CECP", regimen)] * 2
    text = "cyclophosphamide, doxorubicin, vincristine, and prednisone (CHOP) increases the failure-free survival"
    assert ("CHOP", "cyclophosphamide/doxorubicin/vincristine/prednisone") in drugs(nlp, text)


def test_drugs_alias_after_two_agents_names_the_last_only(nlp):
    # "A and B (X)": X is B's short name; a two-agent regimen is written "A/B (X)".
    text = "Patients receive gemcitabine and zidovudine (AZT) on day 1."
    assert ("AZT", "zidovudine") in drugs(nlp, text)


def test_drugs_alias_with_a_capital_inside_but_not_a_vendor(nlp):
    # Legacy AIDS records: the antiretrovirals' short names have one capital, not first; NCI PDQ
    # summaries put the vendor, capitalized like a brand, in the same place.
    text = (
        "Patients receive lamivudine (3TC) plus either zidovudine (ZDV) or stavudine (d4T). Patients "
        "on d4T may continue. Granulocyte colony stimulating factor (Amgen) is allowed."
    )
    assert [d for d in drugs(nlp, text) if d[0] in ("d4T", "Amgen")] == [("d4T", "stavudine")] * 2


def test_drugs_alias_after_a_salt_abbreviation(nlp):
    # Gold dev (a record of Evomela): "HCl" stands between the agent and its brand (the salt word is in
    # the agent's span).
    text = "propylene glycol-free melphalan HCl (EVOMELAÂ®) for Injection. EVOMELA is given on day -2."
    assert drugs(nlp, text) == [("melphalan HCl", "melphalan"), ("EVOMELA", "melphalan"), ("EVOMELA", "melphalan")]


def test_drugs_slashed_short_names_of_a_combination(nlp):
    # Legacy AIDS records and gold dev: each part names the agent in its place, alone wherever the
    # record writes it, and as the same slashed pair in any case.
    text = (
        "Both sulfamethoxazole/trimethoprim (SMX/TMP) and dapsone prevent PCP. Patients receive SMX/TMP "
        "daily. Excluded: TMP or sulfa drugs outside of the study."
    )
    assert [d for d in drugs(nlp, text) if d[0] in ("SMX", "TMP")] == [
        ("SMX", "sulfamethoxazole"),
        ("TMP", "trimethoprim"),
        ("SMX", "sulfamethoxazole"),
        ("TMP", "trimethoprim"),
        ("TMP", "trimethoprim"),
    ]
    text = (
        "the use of fludarabine melphalan (FLU/MEL) conditioning. The Flu/Mel regimen; irradiation "
        "was used with flu/mel. Not during the flu season."
    )
    assert drugs(nlp, text)[2:] == [
        ("FLU", "fludarabine"),
        ("MEL", "melphalan"),
        ("Flu", "fludarabine"),
        ("Mel", "melphalan"),
        ("flu", "fludarabine"),
        ("mel", "melphalan"),
    ]


def test_drugs_slashed_short_names_need_as_many_agents(nlp):
    # Laboratory pairs and a slashed name after one agent are not a combination's short names.
    text = "Neutrophils/granulocytes (ANC/AGC) at least 1,500/mm3; prior dapsone (DDS/PCP) allowed"
    assert [t for t, _ in drugs(nlp, text)] == ["dapsone"]


def test_drugs_pdq_synonym_list_ending_in_an_nsc_number(nlp):
    # NCI PDQ summaries (legacy records, 1999-2001) list an agent's other names before its NSC number.
    text = (
        "Arm II: Doxorubicin, DOX, NSC-123127; Vinblastine, VBL, NSC-49842. Arm III: Paclitaxel "
        "(Bristol-Myers), Taxol, TAX, NSC-125973. Describe the toxicity of TAX and DOX."
    )
    found = drugs(nlp, text)
    assert [d for d in found if d[0] in ("DOX", "VBL", "TAX")] == [
        ("DOX", "doxorubicin"),
        ("VBL", "vinblastine"),
        ("TAX", "paclitaxel"),
        ("TAX", "paclitaxel"),
        ("DOX", "doxorubicin"),
    ]


def test_drugs_routes_schedules_and_endpoints_in_parentheses_are_not_aliases(nlp):
    assert {"IV", "SQ", "BID", "MTD"} <= NOT_ALIASES
    found = drugs(nlp, "Patients receive interleukin-2 (SQ) daily and cisplatin (IV) on day 1.")
    assert [t for t, _ in found] == ["interleukin-2", "cisplatin"]
    # Bundled NSCLC sample: an endpoint measured on the agent.
    text = "an event for PFS by RECIST 1.1 while receiving osimertinib (PFS-OSI). PFS-OSI is the time"
    assert [t for t, _ in drugs(nlp, text)] == ["osimertinib"]


def test_drugs_a_short_form_the_record_defines_for_something_else_is_no_alias(nlp):
    # CHIA DEV: the indication in parentheses after the agent, defined before as the disease's.
    text = (
        "Metastatic hormone sensitive prostate cancer (mHSPC) or castration-resistant metastatic prostate "
        "cancer (mCRPC) and eligible to undergo treatment with abiraterone acetate (mHSPC or mCRPC) or "
        "enzalutamide (mCRPC)"
    )
    assert [t for t, _ in drugs(nlp, text)] == ["abiraterone acetate", "enzalutamide"]


def test_drugs_radiolabel_is_part_of_the_product(nlp):
    text = (
        "Compare the efficacy of melphalan with or without holmium Ho 166 DOTMP. Patients receive "
        "iodine I 131 tositumomab and yttrium Y 90-labeled ibritumomab tiuxetan; then indium In III "
        "pentetreotide (OctreoScan) IV on day 1. RATIONALE: Radiolabeled monoclonal antibodies can locate tumor cells."
    )
    found = dict(drugs(nlp, text))
    assert found["iodine I 131 tositumomab"] == "iodine i 131 tositumomab"
    assert found["yttrium Y 90-labeled ibritumomab tiuxetan"] == "yttrium y 90 ibritumomab tiuxetan"
    # The mass number misread as "III" in some records is 111.
    assert found["indium In III pentetreotide"] == "indium in 111 pentetreotide"
    assert found["Radiolabeled monoclonal antibodies"] == "radiolabeled monoclonal antibodies"


def test_drugs_radiolabel_leaves_other_spans_alone():
    text = "iodine supplements and cisplatin; radiolabeled glucose uptake"
    found = [
        (0, 6, {"normalized": "iodine", "kind": "agent", "drugbank_id": "DB05382"}),
        (23, 32, {"normalized": "cisplatin", "kind": "agent", "drugbank_id": "DB00515"}),
    ]
    assert extend_radiolabels(text, found) == found


def test_drugs_regimen_acronym_after_agents_given_by_route(nlp):
    # API v2 NCT05283720: a route before each agent and a salt's short name after one do not break
    # the list the regimen's acronym ends; the salt's short name is no drug.
    text = (
        "SC epcoritamab in combination with intravenous (IV) polatuzumab vedotin, IV rituximab, IV "
        "cyclophosphamide, IV doxorubicin hydrochloride (HCl), and oral prednisone (pola-R-CHP) in participants"
    )
    found = drugs(nlp, text)
    regimen = "polatuzumab vedotin/rituximab/cyclophosphamide/doxorubicin/prednisone"
    assert found[-2:] == [("prednisone", "prednisone"), ("pola-R-CHP", regimen)]
    assert ("doxorubicin hydrochloride", "doxorubicin") in found and all(t != "HCl" for t, _ in found)


def test_drugs_regimen_acronym_with_an_agent_prefix(nlp):
    # The agent written before a regimen's acronym is the regimen's first agent.
    text = "Patients receive pola-R-CHP or R-CHP; Dara-VRd induction; BV-AVD or Nivo-AVD."
    assert drugs(nlp, text) == [
        ("pola-R-CHP", "polatuzumab vedotin/rituximab/cyclophosphamide/doxorubicin/prednisone"),
        ("R-CHP", "rituximab/cyclophosphamide/doxorubicin/prednisone"),
        ("Dara-VRd", "daratumumab/bortezomib/lenalidomide/dexamethasone"),
        ("BV-AVD", "brentuximab vedotin/doxorubicin/vinblastine/dacarbazine"),
        ("Nivo-AVD", "nivolumab/doxorubicin/vinblastine/dacarbazine"),
    ]


def test_drugs_tracer_code_takes_the_name_beside_its_isotope_label(nlp):
    # Legacy results record NCT00918281: a tracer's code in parentheses after its name, with its
    # isotope label in brackets after it or glued before it. The label is part of the name written
    # (the WHO writes the INN `fluciclatide (18F)`), the agent the code's; the label alone is no drug.
    text = (
        "Fluciclatide Injection (AH111585 (18F) Injection) at 10mCi\n"
        "within 8 weeks prior to the first [18F]AH111585 PET scan.\n"
        "Administration of AH111585 (F18) Injection between the two PET imaging sessions."
    )
    assert drugs(nlp, text) == [
        ("Fluciclatide", "fluciclatide"),
        ("AH111585 (18F)", "fluciclatide"),
        ("[18F]AH111585", "fluciclatide"),
        ("AH111585 (F18)", "fluciclatide"),
    ]
    text = "Reproducibility of Fluciclatide Injection ([18F]AH111585) Uptake"
    assert drugs(nlp, text) == [("Fluciclatide", "fluciclatide"), ("[18F]AH111585", "fluciclatide")]


def test_drugs_radionuclide_keeps_its_short_name_and_a_label_alone_is_no_drug(nlp):
    # Legacy XML NCT00001730, NCT00001575, NCT00001320: a radionuclide's own label in parentheses is
    # its short name; a label glued before another name is that name's.
    text = (
        "the activity of radioiodine (131I) in patients. Patients will undergo two 131I whole body scans. "
        "labeled with a radioactive substance called Yttrium-90 (Y-90). All details related to [I-123]IBZM SPECT."
    )
    found = drugs(nlp, text)
    assert ("radioiodine", "iodide i 131") in found and found.count(("131I", "iodide i 131")) == 2
    assert ("Y-90", "yttrium y 90") in found and all(t != "I-123" for t, _ in found)
    # the tracer the label labels, named without it before SPECT (see trialspacy.components.drugs.tracers)
    assert ("[I-123]IBZM", "iolopride i 123") in found


@pytest.mark.parametrize("label", ["18F", "F18", "F-18", "99mTc", "Tc-99m", "I-131", "177Lu", "68Ga"])
def test_drugs_isotope_label_shapes(label):
    assert is_isotope_label(label) and not is_isotope_label(f"{label}x")


def test_drugs_isotope_label_needs_a_radionuclide_in_use():
    # Stages and other bracketed codes after a drug are no labels: "(N2)", "(C24)", "(T4)".
    text = "cisplatin (N2) and cisplatin (C24) and [18F]fluciclatide"
    found = [
        (0, 9, {"normalized": "cisplatin", "kind": "agent", "drugbank_id": None}),
        (19, 28, {"normalized": "cisplatin", "kind": "agent", "drugbank_id": None}),
        (44, 56, {"normalized": "fluciclatide", "kind": "agent", "drugbank_id": None}),
    ]
    assert [text[s:e] for s, e, _ in extend_isotope_labels(text, found)] == [
        "cisplatin",
        "cisplatin",
        "[18F]fluciclatide",
    ]


def test_drugs_fixed_dose_combination_is_one_product(nlp):
    # Phrases of LCT DEV and legacy records: an agent marketed only in combination makes the
    # hyphenated pair one product; a hyphenated regimen of two stand-alone agents stays split.
    text = (
        "Start and stop dates of ceftazidime-avibactam; receive piperacillin-tazobactam or cefazolin; "
        "currently taking carbidopa-levodopa; gemcitabine and fluorouracil-uracil (UFT); then UFT; "
        "gemcitabine-cisplatin chemotherapy."
    )
    assert drugs(nlp, text) == [
        ("ceftazidime-avibactam", "ceftazidime/avibactam"),
        ("piperacillin-tazobactam", "piperacillin/tazobactam"),
        ("cefazolin", "cefazolin"),
        ("carbidopa-levodopa", "carbidopa/levodopa"),
        ("gemcitabine", "gemcitabine"),
        ("fluorouracil-uracil", "tegafur-uracil"),
        ("UFT", "tegafur-uracil"),
        ("UFT", "tegafur-uracil"),
        ("gemcitabine", "gemcitabine"),
        ("cisplatin", "cisplatin"),
    ]


def test_drugs_fixed_dose_partner_written_as_its_acid(nlp):
    # LCT DEV: clavulanic acid is clavulanate, marketed only with amoxicillin or ticarcillin.
    text = "betalactam allergy (CEFEPIM), or AMOXICILLIN-CLAVULANIC ACID, or PIPERACILLIN-TAZOBACTAM"
    assert drugs(nlp, text)[-2:] == [
        ("AMOXICILLIN-CLAVULANIC ACID", "amoxicillin/clavulanic acid"),
        ("PIPERACILLIN-TAZOBACTAM", "piperacillin/tazobactam"),
    ]


def test_drugs_substance_a_product_is_free_of_is_no_drug(nlp):
    # Gold dev (a record of Evomela) and "Cremophor-free paclitaxel": the excipient before "-free"
    # and a drug name is what the product is made without, not a drug given.
    text = "to determine the safety of propylene glycol-free melphalan in combination with fludarabine"
    assert [t for t, _ in drugs(nlp, text)] == ["melphalan", "fludarabine"]


def test_drugs_clipped_alias_of_an_agent_in_lower_case(nlp):
    # LCT DEV NCT03862079: a clipped form, each part the start of the name's word; where the record
    # measures it, it is no drug; a clipping shorter than five characters is a word too.
    text = (
        "Received meropenem or piperacillin-tazobactam (pip-tazo) intravenously (IV) in the past 2 days. "
        "Continued antibiotics with meropenem or pip-tazo IV for > 96 hours."
    )
    assert [d for d in drugs(nlp, text) if d[0] == "pip-tazo"] == [("pip-tazo", "piperacillin/tazobactam")] * 2
    text = "Patients receive vancomycin (vanco) daily; vanco levels; metformin (met) if the criteria are met."
    assert [d for d in drugs(nlp, text) if d[0] in ("vanco", "met")] == [("vanco", "vancomycin")]


@pytest.mark.parametrize(
    "text,short",
    [
        # breast-cancer records (NLI4CT-style): the record defines NAC as a modality, not acetylcysteine
        (
            "Tumour biopsies were taken before neoadjuvant chemotherapy (NAC) and images were acquired "
            "up to four times during NAC treatment.",
            "NAC",
        ),
        # a score defined in the record is not aspirin
        ("Patients with an American Society of Anesthesiologists score (ASA) of I-II; ASA use allowed.", "ASA"),
        # a short form defined with the head noun of its long form after it, in the brackets (dev4-like
        # record text): the record's definition holds throughout, a device named after it too
        (
            "The response is given as a cf-DNA copy number instability score (CNI value). The CNI monitor "
            "was evaluated in immunotherapy; TheraSure CNI-Monitor predicts progression.",
            "CNI",
        ),
    ],
)
def test_drugs_a_short_form_the_record_defines_as_no_drug_is_no_drug(nlp, text, short) -> None:
    assert short not in {s.text for s in label_spans(nlp(text), DRUG)}


def test_drugs_a_short_form_defined_for_its_drug_stays_a_drug(nlp) -> None:
    # legacy record NCT00463671: the long form is the drug, written as the lexicon does not
    doc = nlp("To evaluate the effect of N-acetyl cysteine (NAC) on these changes. All patients had HBOT with NAC.")
    assert [s.text for s in label_spans(doc, DRUG) if s.text == "NAC"] == ["NAC", "NAC"]


@pytest.mark.parametrize(
    "text,short,normalized",
    [
        # dev3 NCT00002674 (legacy record): the acronym before its agents in parentheses names them all
        (
            "OBJECTIVES: I. Evaluate the efficacy of MCE (mitoxantrone/cytarabine/etoposide) followed by "
            "G-CSF. HU; followed by MCE; G-CSF.",
            "MCE",
            "mitoxantrone/cytarabine/etoposide",
        ),
        # legacy record NCT00002565: the abbreviation finder starts the long form at "mitoxantrone"
        (
            "and MINE (mesna, ifosfamide, mitoxantrone, etoposide). II. Compare the toxicity.",
            "MINE",
            "mesna/ifosfamide/mitoxantrone/etoposide",
        ),
        # legacy record NCT00003519: two agents slashed
        (
            "Determine whether doxorubicin/docetaxel (DD) will improve disease-free survival. Compare DD.",
            "DD",
            "doxorubicin/docetaxel",
        ),
    ],
)
def test_drugs_a_regimen_defined_by_its_agents_names_them_all(nlp, text, short, normalized) -> None:
    found = [n for t, n in drugs(nlp, text) if t == short]
    assert found and set(found) == {normalized}


def test_drugs_a_short_name_of_one_agent_in_a_list_is_that_agent(nlp) -> None:
    # legacy record NCT00000919: ABC is abacavir, not the regimen it is listed in
    text = "Regimen 3 consists of IDV, RTV, abacavir (ABC), and 3TC/ZDV. Regimen 4 consists of APV, RTV, ABC."
    assert {n for t, n in drugs(nlp, text) if t == "ABC"} == {"abacavir"}


def test_drugs_regimen_acronym_of_hyphen_joined_agents(nlp):
    # dev5 (NLI4CT) and legacy records: a regimen's agents joined by hyphens, as its acronym's parts
    # are; the acronym is also written without its hyphen.
    text = (
        "Patients undergoing regular docetaxel treatment either docetaxel-cyclophosphamide (TC) or "
        "5FU-epirubicin-cyclophosphamide-docetaxel (FEC-D). Re-assessed after the 2 round of TC and 4th round of FECD."
    )
    found = [d for d in drugs(nlp, text) if d[0] in ("TC", "FEC-D", "FECD")]
    four = "fluorouracil/epirubicin/cyclophosphamide/docetaxel"
    assert found == [("TC", "docetaxel/cyclophosphamide"), ("FEC-D", four), ("TC", "docetaxel/cyclophosphamide")] + [
        ("FECD", four)
    ]
    assert ("TC", "docetaxel/cisplatin") in drugs(nlp, "Arm A: Taxotere-Cisplatin (TC) every 3 weeks.")


def test_drugs_regimen_acronym_spelling_its_agents_initials(nlp):
    # dev5 (NLI4CT): two agents joined by "and", the acronym's capitals their initials; otherwise
    # the short name stays the last agent's ("gemcitabine and zidovudine (AZT)").
    text = "MPA + low dose oral cyclophosphamide and methotrexate (ldoCM). Toxicity of ldoCM."
    assert [d for d in drugs(nlp, text) if d[0] == "ldoCM"] == [("ldoCM", "cyclophosphamide/methotrexate")] * 2
    assert ("AZT", "zidovudine") in drugs(nlp, "Patients receive gemcitabine and zidovudine (AZT) on day 1.")


def test_drugs_garbled_long_form_is_one_name(nlp):
    # dev5 (NLI4CT): the record gives "name + a part of it written again" one short form; a list of
    # two agents that share a stem stays two (legacy XML: "Methylprednisolone Prednisolone").
    text = (
        "Cohort I: MPA-Alone\nMedroxyprogesterone progesterone acetate (MPA) will be administered orally.\n"
        "Cohort 2: MPA+ldoCM\nMedroxyprogesterone progesterone acetate (MPA) will be administered orally."
    )
    found = drugs(nlp, text)
    assert ("Medroxyprogesterone progesterone acetate", "medroxyprogesterone") in found
    assert ("progesterone acetate", "progesterone") not in found
    assert [d for d in found if d[0] == "MPA"] == [("MPA", "medroxyprogesterone")] * 4
    found = drugs(nlp, "Ketoconazole Clarithromycin Erythromycin Methylprednisolone Prednisolone Allopurinol")
    assert ("Methylprednisolone", "methylprednisolone") in found and ("Prednisolone", "prednisolone") in found


def test_drugs_short_form_spelled_out_as_a_non_drug_phrase(nlp):
    # dev5 (NLI4CT): the record writes the acellular dermal matrix out, more than once; its initials
    # are no doxorubicin there. A phrase written once ("for less than": FLT), a misspelled proper name
    # (dev3: "Bacillus Calmette-Gurin (BCG)") and a class keep their short forms.
    text = (
        "Participants will have the acellular dermal matrix AlloDerm RTU implanted.\nParticipants will have "
        "the acellular dermal matrix SurgiMend PRS implanted.\nSubjects that cannot be reconstructed with "
        "the use of ADM product."
    )
    assert drugs(nlp, text) == []
    assert ("ADM", "doxorubicin") in drugs(nlp, "Patients receive ADM 60 mg/m2 on day 1.")
    found = drugs(nlp, "Received Bacillus Calmette-Gurin (BCG) treatment for urothelial carcinoma.")
    assert [d[0] for d in found] == ["BCG"]
