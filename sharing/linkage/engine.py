"""Training and running the Splink model on any Splink backend: DuckDB for one council, Spark for a region.

Nothing here touches Django's database: callers pass rows (see `features`) or backend tables and get
plain dicts back, so the same code runs in a request, a management command and a Spark job.
"""

import logging
from dataclasses import dataclass

from splink import Linker

from . import model

LOG_LEVEL = (
    logging.ERROR
)  # Splink's INFO and "level not observed" lines are for notebooks, not a council's logs


@dataclass(frozen=True)
class Pair:
    """One scored pair: the left (a person) and right (a record, or a second person) ids and the evidence."""

    left: int
    right: int
    match_weight: float
    match_probability: float
    evidence: list  # [{"comparison", "level", "weight"}], the starting point first


def register(db_api, table, name: str):
    return db_api.register(table, dataset_display_name=name)


def train(db_api, people, records, *, max_pairs: float = 2e6, seed: int = 1) -> dict:
    """Estimate the model from the council's people and a batch of partner records, without labels:
    the prior from near-certain rules, u from random pairs, m by expectation maximisation."""
    linker = Linker(
        [register(db_api, people, "people"), register(db_api, records, "records")],
        model.settings(),
        log_level=LOG_LEVEL,
    )
    linker.training.estimate_probability_two_random_records_match(model.DETERMINISTIC_RULES, recall=0.8)
    linker.training.estimate_u_using_random_sampling(max_pairs=max_pairs, seed=seed)
    for block in model.EM_TRAINING_BLOCKS:
        linker.training.estimate_parameters_using_expectation_maximisation(block)
    return linker.misc.save_model_to_json()


def score(db_api, splink_json: dict, people, records, *, min_weight: float, chunks: int = 1):
    """Splink's predictions (a table in the backend) for every blocked pair scoring at least `min_weight`;
    `chunks` splits the records so a large batch runs in bounded memory."""
    linker = Linker(
        [register(db_api, people, "people"), register(db_api, records, "records")],
        splink_json,
        log_level=LOG_LEVEL,
    )
    return linker.inference.predict(
        threshold_match_weight=min_weight, num_chunks_left=1, num_chunks_right=chunks, warning_mode="never"
    )


def link(db_api, splink_json: dict, people, records, *, min_weight: float, chunks: int = 1) -> list[Pair]:
    """Every blocked person-record pair scoring at least `min_weight`, with its evidence."""
    predictions = score(db_api, splink_json, people, records, min_weight=min_weight, chunks=chunks)
    return list(pairs(predictions.as_record_list(), splink_json))


def duplicates(db_api, splink_json: dict, people, *, min_weight: float) -> list[Pair]:
    """Pairs of people who may be one person, scored by the same model."""
    linker = Linker(
        [register(db_api, people, "people")], {**splink_json, "link_type": "dedupe_only"}, log_level=LOG_LEVEL
    )
    predictions = linker.inference.predict(threshold_match_weight=min_weight, warning_mode="never")
    return list(pairs(predictions.as_record_list(), splink_json))


def level_labels(splink_json: dict) -> dict[str, dict[int, str]]:
    """{comparison: {gamma: label}}: Splink numbers a comparison's levels from the top, null as -1."""
    labels = {}
    for comparison in splink_json["comparisons"]:
        levels = [lv for lv in comparison["comparison_levels"] if not lv.get("is_null_level")]
        labels[comparison["output_column_name"]] = {
            len(levels) - 1 - n: lv["label_for_charts"] for n, lv in enumerate(levels)
        } | {-1: "Not given on one side"}
    return labels


def pairs(rows, splink_json: dict):
    labels = level_labels(splink_json)
    for row in rows:
        evidence, total = [], 0.0
        for name, by_gamma in labels.items():
            weight = row[f"mw_{name}"] + (row.get(f"mw_tf_adj_{name}") or 0.0)
            total += weight
            evidence.append(
                {"comparison": name, "level": by_gamma[row[f"gamma_{name}"]], "weight": round(weight, 2)}
            )
        start = {
            "comparison": "prior",
            "level": "How often two records are the same child by chance",
            "weight": round(row["match_weight"] - total, 2),
        }
        yield Pair(
            int(row["unique_id_l"]),
            int(row["unique_id_r"]),
            row["match_weight"],
            row["match_probability"],
            [start, *evidence],
        )
