"""Codes and brands that registry records list as the other names of an agent (the lexicon's
``registry_alias`` source, DRUG_LEXICON.md): the mining rule on interventions as legacy records list
them, the reading of a legacy record, the gold records left out, and the names found in text."""

import zipfile

import pytest
from build_drug_lexicon import RegistryRecord, Term, gold_records, legacy_records, registry_aliases
from conftest import SEEDS_DIR

from trialspacy.spans import DRUG, label_spans, span_attrs

# The lexicon's entries for the agents of the excerpts below, as the large sources give them.
LEXICON = [
    Term(surface, normalized, ident, "agent", "fds")
    for surface, normalized, ident in [
        ("pemetrexed", "pemetrexed", "DB00642"),
        ("alimta", "pemetrexed", "DB00642"),
        ("carboplatin", "carboplatin", "DB00958"),
        ("paraplatin", "carboplatin", "DB00958"),
        ("cbdca", "carboplatin", "DB00958"),
        ("glutamine", "l-glutamine", "DB00130"),
        ("l-glutamine", "l-glutamine", "DB00130"),
        ("pegaspargase", "pegaspargase", "DB00059"),
        ("isotretinoin", "isotretinoin", "DB00982"),
        ("accutane", "isotretinoin", "DB00982"),
        ("ramelteon", "ramelteon", "DB00980"),
        ("zolpidem", "zolpidem", "DB00425"),
        ("ambien", "zolpidem", "DB00425"),
        ("rozerem", "ramelteon", "DB00980"),
        ("lanreotide", "lanreotide", "DB06791"),
        ("somatuline depot", "lanreotide", "DB06791"),
        ("sandostatin", "octreotide", "DB00104"),
        ("neratinib", "neratinib", "DB11828"),
        ("osimertinib", "osimertinib", "DB09330"),
        ("celecoxib", "celecoxib", "DB00482"),
        ("azd9291", "osimertinib", "DB09330"),
    ]
] + [Term("placebo", "", None, "", "deny", deny="curated")]


def mined(*records: RegistryRecord) -> dict[str, str]:
    return {term.surface: term.normalized for term in registry_aliases(iter(records), LEXICON)}


def record(nct: str, *interventions: tuple[str, list[str]], people: list[str] | None = None, text: str = ""):
    return RegistryRecord(nct, "", list(interventions), people or [], text)


def test_registry_aliases_codes_in_every_spelling_and_brands():
    aliases = mined(
        # NCT00491075, NCT00494182 (legacy XML: intervention_name, then each other_name)
        record("NCT00491075", ("Drug", ["Pemetrexed", "LY231514", "Alimta", "MTA", "Multitargeted Antifolate"])),
        record(
            "NCT00494182",
            ("Drug", ["Carboplatin", "Blastocarb", "Carboplat", "Carboplatin Hexal", "CBDCA", "JM-8", "Novoplatinum"]),
        ),
    )
    assert aliases == {
        "LY231514": "pemetrexed",
        "LY-231514": "pemetrexed",
        "LY 231514": "pemetrexed",
        "Blastocarb": "carboplatin",
        "Carboplat": "carboplatin",
        "Novoplatinum": "carboplatin",
    }
    # Not taken: capitals of up to five letters (``MTA``: mostly other abbreviations), two words
    # (``Carboplatin Hexal``), a code of two digits (``JM-8``).


def test_registry_aliases_a_name_and_its_code_in_parentheses():
    # NCT00001693: an intervention's name with its code, and no other name
    aliases = mined(record("NCT00001693", ("Drug", ["Celecoxib (SC-58635)"])))
    assert aliases["SC-58635"] == "celecoxib"


def test_registry_aliases_left_out():
    aliases = mined(
        # NCT00005775: the placebo's other name is its vehicle, listed with the agent too
        record(
            "NCT00005775", ("Drug", ["Glutamine", "L-Glutamine", "TrophAmine"]), ("Drug", ["Placebo", "TrophAmine"])
        ),
        # NCT00002816: "KYOWA HAKKO", the maker, listed as two names
        record("NCT00002816", ("Drug", ["pegaspargase", "PEG-ASP", "K/H", "KYOWA", "HAKKO", "NSC-644954"])),
        # NCT00004188: "Ro 43-780" listed as two names
        record("NCT00004188", ("Drug", ["isotretinoin", "13-cis-retinoic acid", "RO-43", "780", "Accutane"])),
        # NCT00492232: a combination, its brands and one code
        record("NCT00492232", ("Drug", ["Ramelteon and zolpidem", "Rozerem™", "TAK-375", "Ambien®"])),
        # NCT00495846: a brand of another agent, hyphenated with its dose form
        record("NCT00495846", ("Drug", ["Octreotide-LAR, Lanreotide Autogel", "Sandostatin-LAR", "Somatuline Depot"])),
        # NCT06029816: an ordinary word, written in lower case in the records' text
        record(
            "NCT06029816", ("Drug", ["Neratinib tablets", "Epilepsy"]), text="history of epilepsy or epilepsy drugs"
        ),
        # NCT04870190: a word of a site's name
        record("NCT04870190", ("Drug", ["Osimertinib", "Teresa", "AZD9291"]), people=["Hospital Santa Teresa"]),
    )
    assert aliases == {
        "NSC-644954": "pegaspargase",
        "NSC644954": "pegaspargase",
        "NSC 644954": "pegaspargase",
    }


def test_registry_aliases_a_name_listed_with_two_agents_is_left_out():
    aliases = mined(
        record("NCT00000002", ("Drug", ["pemetrexed", "XY-1234"])),
        record("NCT00000003", ("Drug", ["carboplatin", "XY-1234"])),
        record("NCT00000004", ("Drug", ["carboplatin", "Carboplat"])),
    )
    assert aliases == {"Carboplat": "carboplatin"}


# NCT00494026 as the legacy XML holds it (an excerpt)
LEGACY_XML = """<?xml version="1.0" encoding="UTF-8"?>
<clinical_study>
  <id_info><nct_id>NCT00494026</nct_id></id_info>
  <brief_title>Pemetrexed and Gemcitabine in Patients With Metastatic Breast Cancer</brief_title>
  <sponsors><lead_sponsor><agency>Eli Lilly and Company</agency></lead_sponsor></sponsors>
  <intervention>
    <intervention_type>Drug</intervention_type>
    <intervention_name>pemetrexed</intervention_name>
    <other_name>LY231514</other_name>
    <other_name>Alimta</other_name>
  </intervention>
  <overall_official><last_name>Call 1-877-CTLilly</last_name></overall_official>
</clinical_study>
"""


def test_registry_aliases_reads_a_legacy_record(tmp_path):
    path = tmp_path / "AllPublicXML.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("AllPublicXML/NCT0049xxxx/NCT00494026.xml", LEGACY_XML)
    (read,) = legacy_records(path)
    assert read.nct == "NCT00494026"
    assert read.title == "Pemetrexed and Gemcitabine in Patients With Metastatic Breast Cancer"
    assert read.interventions == [("Drug", ["pemetrexed", "LY231514", "Alimta"])]
    assert read.people == ["Eli Lilly and Company", "Call 1-877-CTLilly"]


def test_registry_aliases_leave_out_the_gold_records():
    ids, titles = gold_records()
    assert "NCT00001442" in ids  # a legacy gold document
    with open(SEEDS_DIR / "001_e87d364e3468c837.txt", encoding="utf-8", newline="") as handle:
        assert handle.readline().strip() in titles  # a seed, known by its title only


@pytest.mark.parametrize(
    "text,name,normalized",
    [
        # brief titles of NCT00005818 and NCT00003706, and a criterion written like NCT00494182's list
        ("SU5416 and Irinotecan in Treating Patients With Advanced Colorectal Cancer", "SU5416", "semaxanib"),
        ("LY-231514 in Treating Patients With Locally Advanced or Metastatic Solid Tumors", "LY-231514", "pemetrexed"),
        ("Prior therapy with Carboplat or cisplatin is allowed.", "Carboplat", "carboplatin"),
    ],
)
def test_registry_aliases_found_in_text(nlp, text, name, normalized):
    found = [(s.text, span_attrs(s)["normalized"]) for s in label_spans(nlp(text), DRUG)]
    assert (name, normalized) in found
