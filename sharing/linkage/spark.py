"""The same linkage model on Spark: linking partner records across a region's councils.

A regional police force, a regional care cooperative or a child moving between councils needs records
matched against every council's children at once. Each council exports its people and the records to
link as Parquet (`export_council`, ids made unique across the region); Spark scores every blocked pair
with the model trained on one council (its estimates carried over, not retrained) and keeps each
record's best candidates. Local mode in tests and benchmarks; on a cluster see docs/linkage.md.
PySpark is imported only here, never by the web app.
"""

import os
from pathlib import Path

from . import features, model

COUNCIL_ID_STEP = 10**9  # unique_id = council number * step + the council's own id


def session(
    master: str = "local[*]", memory: str = "4g", app: str = "thrive-linkage", checkpoints: str | None = None
):
    """A Spark session with Splink's string-similarity functions (its bundled jar) on the classpath, and a
    checkpoint directory (Splink breaks long query plans with checkpoints)."""
    import tempfile

    from pyspark.sql import SparkSession
    from splink.internals.spark.jar_location import similarity_jar_location

    os.environ.setdefault("PYSPARK_PYTHON", os.environ.get("PYSPARK_PYTHON", "python3"))
    spark = (
        SparkSession.builder.master(master)
        .appName(app)
        .config("spark.jars", similarity_jar_location())
        .config("spark.driver.memory", memory)
        .config("spark.sql.shuffle.partitions", os.environ.get("THRIVE_SPARK_PARTITIONS", "8"))
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    spark.sparkContext.setCheckpointDir(
        checkpoints or os.environ.get("THRIVE_SPARK_CHECKPOINTS") or tempfile.mkdtemp(prefix="thrive-spark-")
    )
    return spark


def export_council(number: int, people: list[dict], records: list[dict], folder: Path) -> tuple[Path, Path]:
    """Write one council's people and records as Parquet, ids offset so they are unique in the region."""
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, rows in (("people", people), ("records", records)):
        shifted = [{**row, "unique_id": number * COUNCIL_ID_STEP + row["unique_id"]} for row in rows]
        path = folder / f"{name}-{number:03d}.parquet"
        pq.write_table(features.as_arrow(shifted), path)
        paths.append(path)
    return paths[0], paths[1]


def link_region(
    spark,
    people: list[str],
    records: list[str],
    splink_json: dict,
    *,
    min_weight: float,
    best: int = 3,
    out: str | None = None,
):
    """Score every blocked (person, record) pair across the region; each record's `best` candidates.

    Returns a Spark DataFrame (record, person, match_weight, match_probability, rank), written as
    Parquet to `out` when given. Evidence for the review page is recomputed where the record is reviewed.
    """
    from pyspark.sql import Window
    from pyspark.sql import functions as F
    from splink import Linker, SparkAPI

    db_api = SparkAPI(spark_session=spark)
    left = db_api.register(spark.read.parquet(*people), dataset_display_name="people")
    right = db_api.register(spark.read.parquet(*records), dataset_display_name="records")
    linker = Linker([left, right], model.settings(trained=splink_json), log_level=40)
    predictions = linker.inference.predict(threshold_match_weight=min_weight, warning_mode="never")
    frame = predictions.as_spark_dataframe().select(
        F.col("unique_id_r").alias("record"),
        F.col("unique_id_l").alias("person"),
        "match_weight",
        "match_probability",
    )
    ranked = frame.withColumn(
        "rank",
        F.row_number().over(Window.partitionBy("record").orderBy(F.desc("match_weight"), F.asc("person"))),
    )
    ranked = ranked.where(F.col("rank") <= best)
    if out:
        ranked.write.mode("overwrite").parquet(out)
        ranked = spark.read.parquet(out)
    return ranked


def decide_all(rows, limits):
    """{record: (status, person)} from ranked rows (record, person, match_weight, ..., rank), as on DuckDB."""
    from collections import defaultdict

    from .engine import Pair
    from .linking import decide

    class _Record:
        makes_contact = False

        def __init__(self, pk):
            self.pk = pk

    by_record = defaultdict(list)
    for row in rows:
        by_record[row["record"]].append(
            Pair(row["person"], row["record"], row["match_weight"], row["match_probability"], [])
        )
    decided = {}
    for record, pairs in by_record.items():
        decision = decide(_Record(record), sorted(pairs, key=lambda p: (-p.match_weight, p.left)), limits)
        decided[record] = (decision.status, decision.person_id)
    return decided
