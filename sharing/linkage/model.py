"""The Splink model: which columns are compared, the levels of agreement, and how candidates are found.

Each level is labelled in words a front-door worker reads on the review page ("Day and month swapped"),
and each tolerates one of the errors partner records carry: a one-letter slip, a nickname, a swapped
day and month, an earlier address, a mistyped NHS number. Exact name matches are adjusted by how common
the name is (term frequencies). The same settings run on DuckDB (one council) and Spark (a region):
every SQL condition here is portable between them.
"""

import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import SettingsCreator, block_on

SWAPPED_DAY_MONTH = (
    "substr(dob_l, 1, 4) = substr(dob_r, 1, 4) AND substr(dob_l, 6, 2) = substr(dob_r, 9, 2)"
    " AND substr(dob_l, 9, 2) = substr(dob_r, 6, 2)"
)


def _comparison(name: str, levels: list, trained: dict | None):
    """The comparison, with the m and u probabilities a trained model estimated for each level, if given."""
    if trained:
        estimated = trained[name]
        for level, values in zip(levels, estimated):
            if values.get("is_null_level"):
                continue
            known = {
                k: values[k] for k in ("m_probability", "u_probability") if isinstance(values.get(k), float)
            }
            if known:
                level.configure(**known)
    return cl.CustomComparison(output_column_name=name, comparison_levels=levels)


def comparisons(trained: dict | None = None) -> list:
    """The model's comparisons; `trained` is a saved model (Splink JSON) whose estimates they take."""
    trained = trained and {c["output_column_name"]: c["comparison_levels"] for c in trained["comparisons"]}
    return [
        _comparison(
            "forename",
            [
                cll.NullLevel("forename"),
                cll.ExactMatchLevel("forename", term_frequency_adjustments=True).configure(
                    label_for_charts="Same first name"
                ),
                cll.DamerauLevenshteinLevel("forename", 1).configure(
                    label_for_charts="First name one letter different"
                ),
                cll.ArrayIntersectLevel("forename_names", 1).configure(
                    label_for_charts="First name a short form or nickname of the other"
                ),
                cll.JaroWinklerLevel("forename", 0.88).configure(label_for_charts="First names look alike"),
                cll.ElseLevel().configure(label_for_charts="Different first names"),
            ],
            trained,
        ),
        _comparison(
            "surname",
            [
                cll.NullLevel("surname"),
                cll.ExactMatchLevel("surname", term_frequency_adjustments=True).configure(
                    label_for_charts="Same surname"
                ),
                cll.DamerauLevenshteinLevel("surname", 1).configure(
                    label_for_charts="Surname one letter different"
                ),
                cll.JaroWinklerLevel("surname", 0.88).configure(label_for_charts="Surnames look alike"),
                cll.ElseLevel().configure(label_for_charts="Different surnames"),
            ],
            trained,
        ),
        _comparison(
            "dob",
            [
                cll.NullLevel("dob"),
                cll.ExactMatchLevel("dob").configure(label_for_charts="Same date of birth"),
                cll.CustomLevel(SWAPPED_DAY_MONTH, "Day and month of birth swapped"),
                cll.DamerauLevenshteinLevel("dob", 1).configure(
                    label_for_charts="Date of birth one digit different"
                ),
                cll.ExactMatchLevel("birth_year").configure(label_for_charts="Same year of birth"),
                cll.ElseLevel().configure(label_for_charts="Different dates of birth"),
            ],
            trained,
        ),
        _comparison(
            "sex",
            [
                cll.NullLevel("sex"),
                cll.ExactMatchLevel("sex").configure(label_for_charts="Same sex"),
                cll.ElseLevel().configure(label_for_charts="Different sex"),
            ],
            trained,
        ),
        _comparison(
            "address",
            [
                cll.NullLevel("postcode"),
                cll.And(cll.ExactMatchLevel("postcode"), cll.ExactMatchLevel("address")).configure(
                    label_for_charts="Same address"
                ),
                cll.ExactMatchLevel("postcode", term_frequency_adjustments=True).configure(
                    label_for_charts="Same postcode"
                ),
                cll.ArrayIntersectLevel("postcode_history", 1).configure(
                    label_for_charts="Postcode of an earlier address"
                ),
                cll.ExactMatchLevel("postcode_sector").configure(label_for_charts="Same postcode sector"),
                cll.ExactMatchLevel("postcode_district").configure(label_for_charts="Same postcode district"),
                cll.ElseLevel().configure(label_for_charts="Different areas"),
            ],
            trained,
        ),
        _comparison(
            "nhs_number",
            [
                cll.NullLevel("nhs_number"),
                cll.ExactMatchLevel("nhs_number").configure(label_for_charts="Same NHS number"),
                cll.DamerauLevenshteinLevel("nhs_number", 1).configure(
                    label_for_charts="NHS number one digit wrong or two digits swapped"
                ),
                cll.ElseLevel().configure(label_for_charts="Different NHS numbers"),
            ],
            trained,
        ),
    ]


def blocking_rules() -> list:
    """Which pairs are scored at all: each rule finds candidates another error would hide."""
    return [
        block_on("dob"),
        block_on("surname", "birth_year"),
        block_on("forename", "birth_year"),
        block_on("postcode", "birth_year"),
        block_on("nhs_number"),
    ]


def settings(link_type: str = "link_only", trained: dict | None = None) -> SettingsCreator:
    """Splink settings for any backend; with `trained`, a saved model's estimates carried over (to Spark)."""
    extra = (
        {"probability_two_random_records_match": trained["probability_two_random_records_match"]}
        if trained
        else {}
    )
    return SettingsCreator(
        link_type=link_type,
        unique_id_column_name="unique_id",
        comparisons=comparisons(trained),
        **extra,
        blocking_rules_to_generate_predictions=blocking_rules(),
        retain_intermediate_calculation_columns=True,
        retain_matching_columns=True,
    )


# Rules that almost never pair two different children: used to estimate how often two random records
# match (the prior), and as the EM training blocks.
DETERMINISTIC_RULES = [
    "l.forename = r.forename and l.surname = r.surname and l.dob = r.dob",
    "l.nhs_number = r.nhs_number",
]
EM_TRAINING_BLOCKS = [block_on("dob"), block_on("forename", "surname")]
