"""The curated investigational codes (``data/drug_codes.jsonl``): each names one agent however it is
spelled, the built lexicon holds it with its generic name and DrugBank id, and registry text that
writes only the code gets the generic name (sentences of unannotated registry records)."""

from collections import defaultdict

import pytest
from build_drug_lexicon import code_spellings
from conftest import REPO

from trialspacy.lexicon import package_data, read_jsonl
from trialspacy.spans import DRUG, label_spans, span_attrs

DATA = REPO / "pipeline" / "trialspacy" / "data"
EXON20 = (
    "drugs developed for EGFR exon20 insertion mutated NSCLC ( such as TAK-788, Poziotinib, DZD9008 or JNJ-61186372)"
)


def _spellings(code: str) -> set[str]:
    """Every spelling the build stores for a curated code (``curated_codes`` in the build script)."""
    plain = {code, code.replace("-", ""), code.replace(" ", ""), code.replace(" ", "-")}
    return plain | code_spellings(code)


def test_drugs_curated_codes_name_one_agent_each():
    """No code, in any of its spellings, is mapped to two agents, and no code is listed twice."""
    rows = list(read_jsonl(DATA / "drug_codes.jsonl"))
    codes = [row["code"] for row in rows]
    assert len(codes) == len(set(codes))
    agents: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        for spelling in _spellings(row["code"]):
            agents[spelling.lower()].add(row["normalized"])
    assert {spelling: names for spelling, names in agents.items() if len(names) > 1} == {}


@pytest.mark.parametrize(
    "code,normalized",
    [
        ("TAK-788", "mobocertinib"),
        ("BPI-7711", "rezivertinib"),
        ("CLN-081", "zipalertinib"),
        ("JNJ-61186372", "amivantamab"),
        ("GDC-6036", "divarasib"),
        ("BGB-11417", "sonrotoclax"),
        ("U3-1402", "patritumab deruxtecan"),
        ("AK112", "ivonescimab"),
    ],
)
def test_drugs_lexicon_maps_curated_codes_to_their_generic_name(code, normalized):
    """The built lexicon holds the code and its other spellings with the generic name's DrugBank id."""
    rows = [r for r in package_data("drug_lexicon.jsonl.gz") if r.get("source") == "curated_code"]
    found = {("".join(r["tokens"]), r["normalized"]) for r in rows}
    for spelling in _spellings(code):
        assert (spelling.replace(" ", ""), normalized) in found
    assert all(r["drugbank_id"] for r in rows if r["normalized"] == normalized)


@pytest.mark.parametrize(
    "text,code,normalized",
    [
        # NCT05276726, NCT04956640, NCT05382442, NCT05149326, NCT05099172 (API v2 samples)
        ("A Study of JAB-21822 in Advanced or Metastatic NSCLC With KRAS p.G12C", "JAB-21822", "glecirasib"),
        (
            "Study of LY3537982 in Cancer Patients With a Specific Genetic Mutation (KRAS G12C)",
            "LY3537982",
            "olomorasib",
        ),
        ("A Study of AK112 With or Without AK117 in Metastatic Colorectal Cancer", "AK112", "ivonescimab"),
        ("KN046 in Subjects With Advanced Pancreatic Ductal Adenocarcinoma.", "KN046", "erfonrilimab"),
        ("First in Human Study of BAY2927088 in Participants Who Have Advanced NSCLC", "BAY2927088", "sevabertinib"),
        # NCT05132777: three codes of EGFR exon 20 agents in one list
        (EXON20, "TAK-788", "mobocertinib"),
        (EXON20, "DZD9008", "sunvozertinib"),
        (EXON20, "JNJ-61186372", "amivantamab"),
        # legacy records NCT00462761, NCT03353753; HINT NCT00624442
        (
            "A Phase I Study of AC220 in Patients With Relapsed/Refractory Acute Myeloid Leukemia",
            "AC220",
            "quizartinib",
        ),
        ("2. Prior treatment with DCC-2618 3. Has a known additional malignancy", "DCC-2618", "ripretinib"),
        ("Patient has ever received CK-1827452", "CK-1827452", "omecamtiv mecarbil"),
    ],
)
def test_drugs_registry_text_code_gets_its_generic_name(nlp, text, code, normalized):
    found = [(s.text, span_attrs(s)["normalized"]) for s in label_spans(nlp(text), DRUG)]
    assert (code, normalized) in found
