"""Tracers named without their isotope label (``FDG PET/CT``), on sentences of ClinicalTrials.gov
records: radiopharmaceuticals are DRUG (GUIDELINES), where the imaging words say the name is one."""

from trialspacy.components.drugs.tracers import tracer_names
from trialspacy.lexicon import package_data
from trialspacy.spans import DRUG, label_spans, span_attrs


def drugs(nlp, text: str) -> list[tuple[str, str]]:
    return [(s.text, span_attrs(s)["normalized"]) for s in label_spans(nlp(text), DRUG)]


def test_tracer_names_come_from_the_lexicons_labelled_agents() -> None:
    names = tracer_names(package_data("drug_lexicon.jsonl.gz"))
    assert names["fdg"]["normalized"] == "fludeoxyglucose"
    assert names["fluorodeoxyglucose"]["normalized"] == "fludeoxyglucose"
    assert names["fes"]["normalized"] == "fluoroestradiol f 18"
    assert names["flt"]["normalized"] == names["fluorothymidine"]["normalized"]
    # names the lexicon knows as something else, elements, and names of two agents are not tracers
    for other in ("choline", "methionine", "yttrium", "fluorine", "psma-617", "labeled psma-11"):
        assert other not in names


def test_fdg_before_imaging_words_is_the_tracer_throughout_the_record(nlp) -> None:
    # dev3 NCT02315053 (the record's own words)
    text = (
        "OTHER: Low dose FDG PET/CT 5 x.\n"
        "maximum FDG uptake (SUVmax), The uptake of the tumour will be monitored with serial quantitative "
        "FDG (fluorodeoxyglucose) PET/CT scans. The time where a 50% reduction in FDG relative to day 1 "
        "is reached will be derived. Primary tumour SUVmax > 5 on routine diagnostic pre-treatment FDG "
        "(Fludeoxyglucose) PET/CT"
    )
    found = drugs(nlp, text)
    assert found.count(("FDG", "fludeoxyglucose")) == 5
    assert ("fluorodeoxyglucose", "fludeoxyglucose") in found
    assert ("Fludeoxyglucose", "fludeoxyglucose") in found


def test_other_tracers_by_their_imaging_words(nlp) -> None:
    # legacy and ctrialsgov records: "FLT-PET scan", "FES-PET/CT imaging", "[18F]FLT PET"
    found = drugs(nlp, "At least one detectable lesion on FDG-PET scan and/or FLT-PET scan that is measurable")
    assert ("FDG", "fludeoxyglucose") in found and ("FLT", "alovudine f 18") in found
    found = drugs(nlp, "Liver-only metastases (are not evaluable by FES-PET/CT imaging)")
    assert ("FES", "fluoroestradiol f 18") in found
    found = drugs(nlp, "Patients undergo [18F]FLT PET at baseline.")
    assert ("[18F]FLT", "alovudine f 18") in found


def test_tracer_abbreviations_need_their_imaging_words(nlp) -> None:
    # without an imaging word a short name is something else: a gene (FLT3), a group, a score
    assert drugs(nlp, "Patients with an FLT3 mutation; the FES score at baseline; FDG group.") == []
    # measured, not given
    assert drugs(nlp, "FDG PET/CT at baseline. FDG levels in plasma were measured.") == [("FDG", "fludeoxyglucose")]


def test_gadolinium_is_the_class_of_its_contrast_agents(nlp) -> None:
    # dev3 NCT00001807: gadolinium is given as one of its chelates, the gadolinium-based contrast agents
    found = [
        (s.text, span_attrs(s)["normalized"], span_attrs(s)["kind"])
        for s in label_spans(nlp("History of severe reaction to Gadolinium."), DRUG)
    ]
    assert found == [("Gadolinium", "gadolinium-based contrast agents", "class")]
    found = drugs(nlp, "Contraindication to gadolinium-based contrast agents (GBCA) or gadobutrol")
    assert ("gadolinium-based contrast agents", "gadolinium-based contrast agents") in found
    assert ("gadobutrol", "gadobutrol") in found


def test_isotope_label_before_a_code_names_the_labelled_agent(nlp) -> None:
    # legacy PDQ and ctrialsgov records: a tracer or radiolabelled antibody written label first,
    # its code or short name glued by a hyphen, in brackets or after a space
    found = drugs(nlp, "Patients receive 131I-cG250 IV and 177Lu-CC49 following subcutaneous interferon.")
    assert ("131I-cG250", "131i-cg250") in found and ("177Lu-CC49", "177lu-cc49") in found
    found = drugs(nlp, "To study the clinical application of 99mTc-H7ND SPECT/CT imaging in NSCLC.")
    assert found == [("99mTc-H7ND", "99mtc-h7nd")]
    found = drugs(nlp, "Patients then receive 90Y-DOTA-Peptide-Lym-1 and [11C]palmitate, as well as 18F-DA.")
    assert ("90Y-DOTA-Peptide-Lym-1", "90y-dota-peptide-lym-1") in found
    assert ("[11C]palmitate", "[11c]palmitate") in found and ("18F-DA", "18f-da") in found
    # a name the lexicon knows keeps its attributes, the span grown over its label
    assert drugs(nlp, "Patients undergo 123I-MIBG scintigraphy.") == [("123I-MIBG", "3-iodobenzylguanidine")]
    assert drugs(nlp, "Patients undergo 18F-FDG PET/CT.") == [("18F-FDG", "fludeoxyglucose")]


def test_isotope_label_before_a_word_is_no_agent_name(nlp) -> None:
    # a word after the label (an adjective, a measurement) names nothing
    text = "131I uptake and 131I whole body scans; 90Y-Humanized antibody; 131I-labeled antibody; 99mTc 04."
    assert drugs(nlp, text) == []


def test_radiolabelled_product_written_with_the_elements_name_or_a_spaced_label(nlp) -> None:
    # dev5 (NLI4CT): the label written as the element's name and mass number, or with a space; the
    # lexicon knows the product as ``153Sm-EDTMP``.
    text = (
        "Samarium 153-EDTMP + Stem Cell Transplant. Receive higher therapy dose of 153 Sm-EDTMP "
        "7-14 days after tracer dose."
    )
    lexidronam = "samarium (153sm) lexidronam"
    assert drugs(nlp, text) == [("Samarium 153-EDTMP", lexidronam), ("153 Sm-EDTMP", lexidronam)]
    assert drugs(nlp, "Prior Lutetium 177-DOTATATE therapy.") == [("Lutetium 177-DOTATATE", "lutetium lu 177 dotatate")]


def test_usan_label_after_the_name_is_in_its_span(nlp) -> None:
    # legacy PDQ record (dev5): the USAN writes the label after the name, symbol then mass number
    text = "no fludeoxyglucose F 18 uptake in the mediastinum; iobenguane I 131 therapy"
    assert drugs(nlp, text) == [
        ("fludeoxyglucose F 18", "fludeoxyglucose"),
        ("iobenguane I 131", "3-iodobenzylguanidine"),
    ]


def test_radioactive_agents_and_the_elements_they_list(nlp) -> None:
    # AACT (dev5): a radiopharmaceutical class by adjective and drug noun, with elements as its examples
    text = "Accepted radioactive agents(strontium, samarium, etc.)for therapeutic purposes within 8 weeks"
    assert drugs(nlp, text) == [
        ("radioactive agents", "radiopharmaceuticals"),
        ("strontium", "strontium"),
        ("samarium", "samarium"),
    ]
    assert drugs(nlp, "Serum strontium levels; exposure to radioactive substances") == []


def test_isotope_label_after_radioactive_is_the_radionuclide(nlp) -> None:
    # dev5 and unannotated NLI4CT records: the label alone after "radioactive" is the agent given,
    # not where a word after it names what it labels or holds it
    text = "subject is scheduled for sentinel node procedure using radioactive Tc-99m within 24 hours"
    assert drugs(nlp, text) == [("Tc-99m", "technetium tc 99m")]
    assert drugs(nlp, "radioactive Tc99M sulfur colloid around the tumor; radioactive I-125 seeds") == []
