"""Starting, changing and ending care, and who works with the child while they are in care.

Each change to a period of care writes the episodes the SSDA903 expects (an episode ends with X1 on
the day the next begins) and the involvements access follows, so a child coming into care can be
opened by their new social worker, their IRO and the Virtual School at once. Callers run these
inside a transaction.
"""

import datetime

from django.core.exceptions import ValidationError

from access.allocation import allocate, end_involvements
from access.models import Involvement, InvolvementKind, TeamKind

from . import timing
from .codes import ReasonEpisodeCeased, ReasonNewEpisode, SocialWorkerChangeReason
from .models import Episode, PeriodOfCare, SocialWorkerChange
from .postcodes import normalise_postcode

# What an episode says about the placement; a legal status change copies them to the new episode.
PLACEMENT_FIELDS = ("placement_type", "provider", "provider_name", "urn", "placement_postcode", "weekly_cost")


def open_period(person) -> PeriodOfCare | None:
    return PeriodOfCare.objects.filter(person=person, end_date__isnull=True).order_by("-start_date").first()


def latest_period(person) -> PeriodOfCare | None:
    return PeriodOfCare.objects.filter(person=person).order_by("-start_date", "-pk").first()


def _open(person, kind, on):
    return Involvement.objects.filter(person=person, kind=kind, end_date__isnull=True, start_date__lte=on)


def _save(instance):
    instance.full_clean()
    instance.save()
    return instance


def start_care(
    person,
    *,
    start_date,
    legal_status,
    placement: dict,
    home_postcode,
    category_of_need,
    worker,
    team,
    iro=None,
    virtual_school=None,
    previous_permanence=None,
    worker_change_reason="",
) -> PeriodOfCare:
    """The child becomes looked after: a period of care, its first episode (RNE S), and their involvements."""
    if open_period(person):
        raise ValidationError(
            "This child is already looked after. Change their placement or legal status instead."
        )
    earlier = latest_period(person)
    if earlier and earlier.end_date > start_date:
        raise ValidationError(
            {
                "start_date": "The child was still looked after then: the new period must start "
                "on or after the day the last one ended."
            }
        )
    period = PeriodOfCare(
        person=person, start_date=start_date, category_of_need=category_of_need, **(previous_permanence or {})
    )
    _save(period)
    _save(
        Episode(
            period=period,
            start_date=start_date,
            reason_new=ReasonNewEpisode.STARTED,
            legal_status=legal_status,
            home_postcode=home_postcode,
            **placement,
        )
    )
    allocate_social_worker(person, worker, team, start_date, worker_change_reason)
    if iro:
        allocate_iro(person, iro, start_date)
    if virtual_school:
        allocate(person, InvolvementKind.TEAM, start_date, team=virtual_school)
    return period


def _open_episode(period) -> Episode:
    current = period.current_episode()
    if period.end_date or current.end_date:
        raise ValidationError("This period of care has ended.")
    return current


def _next_episode(period, on: datetime.date) -> Episode:
    """End the current episode on `on` so another can begin the same day."""
    current = _open_episode(period)
    if on <= current.start_date:
        raise ValidationError(
            {
                "start_date": f"The change must be after the current episode began on "
                f"{current.start_date:%-d %B %Y}."
            }
        )
    current.end_date, current.reason_ceased = on, ReasonEpisodeCeased.NEW_EPISODE
    return current


def change_placement(
    period, *, start_date, placement: dict, reason_place_change, carers_changed=True, legal_status=None
) -> Episode:
    """The child moves: the old episode records why its placement ended; the new one where they went."""
    current = _open_episode(period)

    def same(name):
        new, now = (
            normalise_postcode(str(value or "")) for value in (placement.get(name), getattr(current, name))
        )
        return new == now

    if all(same(name) for name in ("placement_type", "provider", "urn", "placement_postcode")):
        raise ValidationError(
            {
                "placement_postcode": "This is the child's current placement (same type, provider, "
                "URN and postcode): a move is to somewhere else (903 rule 435)."
            }
        )
    current = _next_episode(period, start_date)
    current.reason_place_change = reason_place_change
    _save(current)
    new_status = legal_status or current.legal_status
    reason = timing.reason_new_episode(new_status != current.legal_status, True, carers_changed)
    episode = _save(
        Episode(
            period=period,
            start_date=start_date,
            reason_new=reason,
            legal_status=new_status,
            home_postcode=current.home_postcode,
            **placement,
        )
    )
    period.refresh_reviews()  # a placement for adoption changes when the next review is due
    return episode


def change_legal_status(period, *, start_date, legal_status) -> Episode:
    """A new order (say, an interim care order becoming a full care order) while the child stays put."""
    current = _next_episode(period, start_date)
    if legal_status == current.legal_status:
        raise ValidationError(
            {"legal_status": "Select the new legal status: it is the same as the current one."}
        )
    _save(current)
    placement = {name: getattr(current, name) for name in PLACEMENT_FIELDS}
    return _save(
        Episode(
            period=period,
            start_date=start_date,
            reason_new=ReasonNewEpisode.LEGAL_STATUS,
            legal_status=legal_status,
            home_postcode=current.home_postcode,
            **placement,
        )
    )


def end_care(period, *, end_date, reason_ceased) -> PeriodOfCare:
    """The child ceases to be looked after; the IRO's and the Virtual School's involvement end with care."""
    if reason_ceased == ReasonEpisodeCeased.NEW_EPISODE:
        raise ValidationError({"reason_ceased": "Select why the child stopped being looked after."})
    current = _open_episode(period)
    if end_date < current.start_date:
        raise ValidationError(
            {
                "end_date": f"Care cannot end before the current episode began on "
                f"{current.start_date:%-d %B %Y}."
            }
        )
    current.end_date, current.reason_ceased = end_date, reason_ceased
    _save(current)
    period.end_date = end_date
    _save(period)
    end_involvements(period.person, [InvolvementKind.IRO], end_date)
    end_involvements(period.person, [InvolvementKind.TEAM], end_date, team__kind=TeamKind.VIRTUAL_SCHOOL)
    return period


def team_of(user, kind):
    """The user's team of this kind (children in care, leaving care), else their first team."""
    return user.teams.filter(kind=kind).first() or user.teams.first()


def replace_involvement(person, kind, on, user=None, team=None) -> Involvement:
    """Make (user, team) the person's one open involvement of this kind; the others end on `on`."""
    if not _open(person, kind, on).filter(user=user, team=team).exists():
        end_involvements(person, [kind], on)
    return allocate(person, kind, on, user=user, team=team)


def allocate_social_worker(person, worker, team, on, reason="") -> Involvement:
    """Allocate the child's social worker; a change of worker needs the 903's reason (SW_REASON)."""
    changing = _open(person, InvolvementKind.ALLOCATED_WORKER, on).exclude(user=worker).exists()
    if changing and not reason:
        raise ValidationError({"worker_change_reason": "Select why the child's social worker is changing."})
    if changing and reason == SocialWorkerChangeReason.FIRST_CONTACT:
        raise ValidationError(
            {
                "worker_change_reason": "First contact is only for a child who had no social "
                "worker: select why the social worker is changing."
            }
        )
    involvement = replace_involvement(person, InvolvementKind.ALLOCATED_WORKER, on, worker, team)
    if reason and not hasattr(involvement, "social_worker_change"):
        SocialWorkerChange.objects.create(involvement=involvement, reason=reason)
    return involvement


def allocate_iro(person, iro, on) -> Involvement:
    """The child's independent reviewing officer, shown with their reviewing team."""
    return replace_involvement(person, InvolvementKind.IRO, on, iro, team_of(iro, TeamKind.IRO))
