"""Synthetic partner-agency records: realistic errors, the truth kept, reproducible, no other data moved."""

import datetime
import hashlib
import io
import random
from collections import Counter

import pytest
from django.core.management import call_command
from stdnum.gb import nhs

from council.synthetic.registry import _contributions
from council.synthetic.tables import digest_columns, thrive_models
from sharing.models import LinkStatus, PartnerRecord, SyntheticTruth
from sharing.partners import errors

AS_AT = "2025-03-31"


def generate(seed=7, *options):
    call_command(
        "generate_la",
        "--seed",
        str(seed),
        "--scale",
        "tiny",
        "--as-at",
        AS_AT,
        *options,
        stdout=io.StringIO(),
    )


def table_digests() -> dict[str, str]:
    digests = {}
    for model in thrive_models():
        digest = hashlib.sha256()
        for row in model._base_manager.order_by("pk").values_list(*digest_columns(model)):
            digest.update(repr(row).encode())
        digests[model._meta.db_table] = digest.hexdigest()
    return digests


def test_swapping_day_and_month_only_where_another_date_results():
    assert errors.swap_day_month(datetime.date(2016, 4, 3)) == datetime.date(2016, 3, 4)
    assert errors.swap_day_month(datetime.date(2016, 4, 13)) is None  # no 13th month
    assert errors.swap_day_month(datetime.date(2016, 5, 5)) is None  # the same date
    assert errors.swap_day_month(datetime.date(2015, 2, 12)) == datetime.date(2015, 12, 2)


def test_a_mistyped_nhs_number_fails_its_check_digit_as_real_slips_do():
    rng = random.Random(1)
    for _ in range(200):
        assert not nhs.is_valid(errors.mistype_nhs_number("9434765919", rng))


def test_misspellings_and_nicknames_change_the_name_realistically():
    rng = random.Random(2)
    slips = {errors.misspell("Catherine", rng) for _ in range(30)}
    assert "Catherine" not in slips and all(s and s[0] == "C" for s in slips)
    assert errors.nickname("William", random.Random(3)) in {
        "Bill",
        "Billy",
        "Will",
        "Willie",
        "Willy",
        "Wil",
        "Bell",
        "Bela",
    }
    assert errors.nickname("Zzyzx", rng) is None


@pytest.mark.django_db
def test_the_council_gets_partner_records_with_the_truth_and_each_kind_of_error():
    generate()
    records = PartnerRecord.objects.select_related("truth")
    assert records.count() > 300
    assert set(records.values_list("status", flat=True)) == {LinkStatus.AWAITING}
    made = Counter(e for t in SyntheticTruth.objects.all() for e in t.errors.split(",") if e)
    assert set(made) == set(errors.ERROR_TYPES)
    unknown = SyntheticTruth.objects.filter(person__isnull=True).count()
    assert 0.05 < unknown / records.count() < 0.2
    held_out = SyntheticTruth.objects.filter(held_out=True).count()
    assert 0.4 < held_out / records.count() < 0.6
    for record in records.filter(truth__errors="", truth__person__isnull=False)[:20]:
        person = record.truth.person
        assert (record.birth_date, record.sex) == (person.birth_date, person.sex)
        assert record.surname.strip().lower() == person.surname.lower()


@pytest.mark.django_db
def test_partner_records_are_reproducible_and_move_no_other_table():
    generate()
    with_records = table_digests()
    generate(7, "--replace")
    assert table_digests() == with_records
    name = "sharing.partners.synthetic.partner_records"
    removed = _contributions.pop(name)
    try:
        generate(7, "--replace")
        without = table_digests()
    finally:
        _contributions[name] = removed
    changed = {t for t in without if without[t] != with_records[t]}
    assert changed == {"sharing_partnerrecord", "sharing_synthetictruth"}
