"""The same linkage model on Spark (local mode): partner records linked across a region of two councils."""

import io

import pytest
from django.core.management import call_command

from sharing.linkage import linking, quality, spark, thresholds
from sharing.models import PartnerRecord

AS_AT = "2025-03-31"


def council_rows(number: int):
    """(people rows, record rows, {record id: true person id}) with ids unique in the region."""
    step = number * spark.COUNCIL_ID_STEP
    records = list(PartnerRecord.objects.select_related("truth").order_by("pk"))
    truth = {step + r.pk: (step + r.truth.person_id if r.truth.person_id else None) for r in records}
    return linking.people_rows(), [linking.record_row(r) for r in records], truth


@pytest.mark.spark
@pytest.mark.django_db
def test_a_regions_councils_link_on_spark_with_the_model_trained_on_one_council(tmp_path):
    call_command("generate_la", "--seed", "7", "--scale", "tiny", "--as-at", AS_AT, stdout=io.StringIO())
    model = linking.train(max_pairs=2e5).splink_json
    people, records, truth = [], [], {}
    for number, seed in ((1, "7"), (2, "8")):
        if number == 2:
            call_command(
                "generate_la",
                "--seed",
                seed,
                "--scale",
                "tiny",
                "--as-at",
                AS_AT,
                "--replace",
                stdout=io.StringIO(),
            )
        council_people, council_records, council_truth = council_rows(number)
        people_path, records_path = spark.export_council(number, council_people, council_records, tmp_path)
        people.append(str(people_path))
        records.append(str(records_path))
        truth.update(council_truth)

    session = spark.session(master="local[2]", memory="2g", checkpoints=str(tmp_path / "checkpoints"))
    try:
        ranked = spark.link_region(
            session, people, records, model, min_weight=thresholds.get().review, out=str(tmp_path / "pairs")
        )
        rows = [row.asDict() for row in ranked.collect()]
    finally:
        session.stop()
    decided = spark.decide_all(rows, thresholds.get())
    linked = {record: person for record, (status, person) in decided.items() if status == "linked"}
    right = sum(1 for record, person in linked.items() if truth[record] == person)
    known = sum(1 for person in truth.values() if person is not None)
    assert right / len(linked) >= quality.TARGET_PRECISION
    assert right / known >= quality.TARGET_RECALL
    second_council = [r for r in linked if r >= 2 * spark.COUNCIL_ID_STEP]
    assert second_council and all(linked[r] >= 2 * spark.COUNCIL_ID_STEP for r in second_council)
