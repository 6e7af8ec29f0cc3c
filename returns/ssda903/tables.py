"""The SSDA903 tables: their files, columns and which columns hold dates, declared once for the
writer, the reader and the rules."""

DATE_FORMAT = "%d/%m/%Y"

# (table, file name, columns, first collection year)
TABLES = (
    ("Header", "header.csv", ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"), 0),
    (
        "Episodes",
        "episodes.csv",
        (
            "CHILD",
            "DECOM",
            "RNE",
            "LS",
            "CIN",
            "PLACE",
            "PLACE_PROVIDER",
            "DEC",
            "REC",
            "REASON_PLACE_CHANGE",
            "HOME_POST",
            "PL_POST",
            "URN",
        ),
        0,
    ),
    ("Reviews", "reviews.csv", ("CHILD", "DOB", "REVIEW", "REVIEW_CODE"), 0),
    ("UASC", "uasc.csv", ("CHILD", "SEX", "DOB", "DUC"), 0),
    (
        "OC2",
        "oc2.csv",
        (
            "CHILD",
            "DOB",
            "SDQ_SCORE",
            "SDQ_REASON",
            "CONVICTED",
            "HEALTH_CHECK",
            "IMMUNISATIONS",
            "TEETH_CHECK",
            "HEALTH_ASSESSMENT",
            "SUBSTANCE_MISUSE",
            "INTERVENTION_RECEIVED",
            "INTERVENTION_OFFERED",
        ),
        0,
    ),
    ("OC3", "oc3.csv", ("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"), 0),
    (
        "AD1",
        "ad1.csv",
        ("CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"),
        0,
    ),
    (
        "PlacedAdoption",
        "placed_for_adoption.csv",
        ("CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"),
        0,
    ),
    ("PrevPerm", "previous_permanence.csv", ("CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"), 0),
    ("Missing", "missing.csv", ("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"), 0),
    ("DoLo", "deprivation_of_liberty.csv", ("CHILD", "DOB", "DOLO_START", "DOLO_END"), 2027),
    (
        "SWEpisodes",
        "social_worker_episodes.csv",
        ("CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"),
        0,
    ),
)
DATES = {
    "DOB",
    "MC_DOB",
    "DECOM",
    "DEC",
    "REVIEW",
    "DUC",
    "DATE_INT",
    "DATE_MATCH",
    "DATE_PLACED",
    "DATE_PLACED_CEASED",
    "DATE_PERM",
    "MIS_START",
    "MIS_END",
    "DOLO_START",
    "DOLO_END",
    "SW_DECOM",
    "SW_DEC",
}
INTEGERS = {"SDQ_SCORE", "NB_ADOPTR"}
FLAGS = {
    "MOTHER",
    "CONVICTED",
    "HEALTH_CHECK",
    "IMMUNISATIONS",
    "TEETH_CHECK",
    "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE",
    "INTERVENTION_RECEIVED",
    "INTERVENTION_OFFERED",
    "FOSTER_CARE",
}


def tables_for(year: int):
    return [(name, file, columns) for name, file, columns, first in TABLES if year >= first]
