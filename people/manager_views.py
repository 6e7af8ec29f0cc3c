"""Managers' pages: caseloads of the workers they manage, each worker's children, and reallocating a child.

Reallocation goes through access.allocation (the old involvement ends, a new one of the same kind starts, both
in the involvement's history with who and why) and the write gate for management oversight, so only a manager
with a relationship with the child does it, and the page is audited.
"""

from collections.abc import Iterable
from typing import Any, cast

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from access.allocation import PRACTITIONER_ROLES, WORKER_KINDS, reallocate
from access.audit import disclose
from access.basis import Work
from access.classes import manager_page
from access.forms import worker_field
from access.models import DisclosureKind, Involvement, Role, Team, TeamKind, TeamMembership, User
from access.relationships import managed_team_ids
from access.requests import SignedInRequest
from thrive.forms import DateField, GovukForm

from .access_views import Child, child_write
from .caseload import caseloads, children_of, staff_managed
from .casework import posted, save_form

REALLOCATING_ROLES = [*PRACTITIONER_ROLES, Role.PERSONAL_ADVISER]


@manager_page()
def caseload_list(request: SignedInRequest) -> HttpResponse:
    return render(
        request, "people/caseloads.html", {"caseloads": caseloads(request.user, timezone.localdate())}
    )


@manager_page()
def worker_caseload(request: SignedInRequest, user_id: int) -> HttpResponse:
    worker = get_object_or_404(User, pk=user_id)
    if user_id not in staff_managed(request.user):
        raise PermissionDenied("You can see the caseloads only of the staff you manage.")
    held = children_of(worker, timezone.localdate())
    if held:
        disclose(
            request,
            DisclosureKind.LIST,
            [involvement.person_id for involvement in held],
            what=f"Caseload of {worker}",
        )
    return render(request, "people/worker_caseload.html", {"worker": worker, "held": held})


class ReallocateForm(GovukForm):
    involvement = forms.ModelChoiceField(
        label="Which involvement?", queryset=Involvement.objects.none(), widget=forms.RadioSelect
    )
    worker = worker_field(label="Reallocate to", roles=REALLOCATING_ROLES)
    on = DateField(label="Date from")
    reason = forms.CharField(
        label="Why is the child being reallocated?",
        max_length=100,
        help_text="Kept in the record's history, for example: worker leaving the team",
    )

    def __init__(
        self,
        *args: Any,
        current: QuerySet[Involvement] | None = None,
        staff: Iterable[int] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if current is not None:
            self.fields["involvement"].queryset = current  # type: ignore[attr-defined]

        def label(inv: Any) -> str:
            return f"{inv.get_kind_display()}: {inv.user}" + (f" ({inv.team})" if inv.team else "")

        self.fields["involvement"].label_from_instance = label  # type: ignore[attr-defined]
        self.fields["worker"].queryset = self.fields["worker"].queryset.filter(pk__in=staff)  # type: ignore[attr-defined]
        self.word_errors()

    def clean(self) -> dict[str, Any]:
        data = cast(dict[str, Any], super().clean())
        involvement, worker = data.get("involvement"), data.get("worker")
        if involvement and worker and involvement.user_id == worker.pk:
            self.add_error("worker", "Select a different worker: the child is already allocated to them")
        if involvement and data.get("on") and data["on"] < involvement.start_date:
            self.add_error(
                "on",
                f"The date must be on or after the involvement started ({involvement.start_date:%-d %B %Y})",
            )
        return data


def _team_for(worker: User, involvement: Involvement, managed: Iterable[int]) -> Team | None:
    """The new worker's team: the involvement's own if they are in it, else their team that the manager
    manages."""
    teams = set(TeamMembership.objects.filter(user=worker).values_list("team_id", flat=True))
    if involvement.team_id in teams:
        return involvement.team
    chosen = TeamMembership.objects.filter(user=worker, team_id__in=managed).select_related("team").first()
    return chosen.team if chosen else involvement.team


@child_write(Work.OVERSIGHT)
def reallocate_child(request: SignedInRequest, child: Child) -> HttpResponse:
    person = child.person
    today = timezone.localdate()
    current = (
        Involvement.objects.filter(
            person_id__in=child.ids,
            kind__in=WORKER_KINDS,
            user__isnull=False,
            start_date__lte=today,
            end_date__isnull=True,
        )
        .select_related("user", "team")
        .order_by("start_date")
    )
    in_care = current.filter(kind="allocated_worker", team__kind=TeamKind.CHILDREN_IN_CARE).exists()
    managed = managed_team_ids(request.user)
    form = ReallocateForm(
        posted(request),
        current=current,
        staff=staff_managed(request.user),
        initial={"on": today, "involvement": current.first()},
    )
    record_url = reverse("people:record", args=[person.pk])

    def save(form: ReallocateForm) -> str:
        data = form.cleaned_data
        involvement = data["involvement"]
        reallocate(
            involvement,
            data["worker"],
            _team_for(data["worker"], involvement, managed),
            data["on"],
            data["reason"],
        )
        return record_url

    return save_form(
        request,
        form,
        save,
        success="Reallocated. The record's history keeps who and why.",
        person=person,
        title="Reallocate",
        back_url=record_url,
        button="Reallocate",
        intro=(
            "For a child in care, change the social worker from the care record: the SSDA903 "
            "needs the reason."
            if in_care
            else ""
        ),
    )
