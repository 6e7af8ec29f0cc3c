"""Freezing a report as reported, and what recomputing later says changed and why; the drill-down."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from access.models import Disclosure
from frontdoor.models import Referral
from performance import computed, periods, snapshots
from performance.models import IndicatorValue, Snapshot
from tests.factories import allocated_child
from tests.factories.journey import child, referral

pytestmark = pytest.mark.django_db
D = datetime.date
Q4_2024_25 = periods.parse("Q4 2024/25")


@pytest.fixture
def frozen(analyst):
    """Q4 2024/25 re-referrals frozen as reported: 0 of 3. Then records are typed in and corrected."""
    seen, worker, _, _ = allocated_child(forename="Robin", surname="Seen")
    unseen, corrected = child(forename="Una", surname="Hidden"), child(forename="Cory", surname="Hidden")
    referral(seen, D(2025, 2, 1))
    referral(unseen, D(2025, 1, 20))
    moved_out = referral(corrected, D(2025, 3, 10))
    computed.compute_all(Q4_2024_25)
    snapshot = snapshots.freeze(Q4_2024_25, analyst, "As reported to scrutiny committee")
    referral(seen, D(2024, 12, 1))  # recorded late: the February referral becomes a re-referral
    late = child(forename="Lee", surname="Hidden")
    referral(late, D(2025, 3, 15))  # a referral in the quarter recorded after the report
    moved_out.referral_date = D(2025, 4, 2)  # corrected: it came in the next quarter
    moved_out.save()
    return {"snapshot": snapshot, "seen": seen, "worker": worker, "late": late, "corrected": corrected}


def test_the_frozen_report_keeps_what_was_reported_while_the_figures_move_on(frozen):
    computed.compute_all(Q4_2024_25)
    now = IndicatorValue.objects.get(indicator_code="CSC_RE_REFERRALS", period_label="Q4 2024/25")
    assert (now.numerator, now.denominator, now.value) == (1, 3, Decimal("33.3333"))
    [line] = [
        line
        for line in snapshots.report(frozen["snapshot"]).lines
        if line.indicator.code == "CSC_RE_REFERRALS"
    ]
    assert (line.numerator, line.denominator, line.value) == (0, 3, 0)
    assert len(frozen["snapshot"].rows.get(indicator_code="CSC_RE_REFERRALS").case_list.as_cases()) == 3


def test_changes_say_which_children_moved_and_why(frozen):
    today = timezone.localdate()
    on = f"{today.day} {today:%B %Y}"
    [change] = [
        c for c in snapshots.changes(frozen["snapshot"]) if c.line.indicator.code == "CSC_RE_REFERRALS"
    ]
    assert change.changed and (change.now.numerator, change.now.denominator) == (1, 3)
    assert [(c.person_id, c.reason) for c in change.added] == [
        (frozen["late"].pk, f"The referral was recorded on {on}, after the report was frozen.")
    ]
    assert [(c.person_id, c.reason) for c in change.removed] == [
        (frozen["corrected"].pk, f"The referral was changed on {on}: referral date.")
    ]
    assert [(c.person_id, c.reason) for c in change.into_numerator] == [
        (frozen["seen"].pk, f"Another referral of the child was recorded or changed on {on}.")
    ]
    assert change.out_of_numerator == []


def test_unchanged_figures_are_listed_as_such(analyst):
    referral(child(), D(2025, 2, 1))
    computed.compute_all(Q4_2024_25)
    snapshot = snapshots.freeze(Q4_2024_25, analyst)
    assert [c.changed for c in snapshots.changes(snapshot)] == [False]


def test_snapshot_page_names_only_the_children_the_user_works_with(client, frozen):
    client.force_login(frozen["worker"])
    page = client.get(reverse("performance:snapshot", args=[frozen["snapshot"].pk])).content.decode()
    assert "Robin Seen" in page and frozen["seen"].la_id in page
    assert "Hidden" not in page  # the other children are counted, not named
    assert "1 child you do not work with is not listed" in page
    assert frozen["seen"].nhs_number not in page
    logged = Disclosure.objects.get(user=frozen["worker"])
    assert list(logged.children.values_list("person_id", flat=True)) == [frozen["seen"].pk]


def test_freezing_from_the_report_page(client, analyst):
    referral(child(), D(2025, 2, 1))
    computed.compute_all(Q4_2024_25)
    client.force_login(analyst)
    response = client.post(
        reverse("performance:snapshots"), {"period": "Q4 2024/25", "note": "Committee 3 June"}
    )
    snapshot = Snapshot.objects.get()
    assert response.url == reverse("performance:snapshot", args=[snapshot.pk])
    assert (snapshot.frozen_by, snapshot.note) == (analyst, "Committee 3 June")
    report_page = client.get(reverse("performance:report"), {"snapshot": snapshot.pk}).content.decode()
    assert "As frozen on" in report_page and "Committee 3 June" in report_page
    assert "Q4 2024/25" in client.get(reverse("performance:snapshots")).content.decode()


def test_indicator_page_drill_down_lists_only_visible_children(client):
    seen, worker, _, _ = allocated_child(forename="Robin", surname="Seen")
    referral(seen, D(2025, 2, 1))
    for _ in range(2):
        referral(child(forename="Una", surname="Hidden"), D(2025, 1, 20))
    computed.compute_all(Q4_2024_25)
    client.force_login(worker)
    page = client.get(reverse("performance:indicator", args=["CSC_RE_REFERRALS"])).content.decode()
    assert "Children behind the Q4 2024/25 figure" in page
    assert "Robin Seen" in page and "1 Feb 2025" in page
    assert (
        "Una" not in page
        and "And 2 children you do not work with are not listed (0 in the numerator)." in page
    )
    logged = Disclosure.objects.get(user=worker)  # the drill-down named a child: it is in the audit log
    assert list(logged.children.values_list("person_id", flat=True)) == [seen.pk]


def test_recomputing_replaces_the_cases_behind_a_figure():
    person = child()
    referral(person, D(2025, 2, 1))
    computed.compute("CSC_RE_REFERRALS", Q4_2024_25)
    Referral.objects.create(person=person, referral_date=D(2025, 3, 1), source="01")
    figure = computed.compute("CSC_RE_REFERRALS", Q4_2024_25)
    assert sorted((c.date, c.counted) for c in figure.case_list.as_cases()) == [
        (D(2025, 2, 1), False),
        (D(2025, 3, 1), True),
    ]


def test_only_a_quarter_is_frozen_and_only_a_snapshot_is_shown(client, analyst):
    client.force_login(analyst)
    assert client.post(reverse("performance:snapshots"), {"period": "2024/25"}).status_code == 400
    assert client.get(reverse("performance:report"), {"snapshot": "x"}).status_code == 404
    assert not Snapshot.objects.exists()
