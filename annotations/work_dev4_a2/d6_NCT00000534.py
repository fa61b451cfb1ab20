from lib import *
ID = "NCT00000534"
cal = lambda ctx: D("calcium", "calcium", ctx=ctx)
S = [
    D("Calcium", "calcium", ctx="Calcium for Pre-Eclampsia"),
    cal("oral calcium supplementation"),
    T("1991", "date", "1991"),
    T("1992", "date", "1992", ctx="years 1992,"),
    T("1993", "date", "1993", ctx="1993, and"),
    T("1995", "date", "1995", ctx="and 1995."),
    cal("DRUG: calcium"),
    D("dietary supplements", "dietary supplements", "class", ctx="BEHAVIORAL: dietary supplements"),
    cal("dietary calcium"),
    cal("calcium intake"),
    cal("calcium supplementation in pregnancy"),
    cal("most from calcium"),
    cal("administration of calcium"),
    cal("efficacy of calcium supplementation for"),
    T("three years", "duration", "P3Y"),
    cal("supplemental calcium"),
    T("6 to 14 days", "duration", "P6D", "P14D"),
    T("every four weeks", "frequency", "R/P4W"),
    T("every two weeks", "frequency", "R/P2W"),
    T("24 hours", "duration", "PT24H"),
    T("May 1992", "date", "1992-05"),
    T("March 1995", "date", "1995-03"),
    T("October of 1995", "date", "1995-10"),
    T("March 2000", "date", "2000-03"),
    C("Nulliparous, normotensive, pregnant women.", "inclusion"),
]
rec, placed = build(ID, S)
