"""Forms for signing in, breaking glass and reviewing break-glass accesses; choosing staff and teams.

Staff are chosen with one field (`worker_field`): a select of the staff in the roles (and teams) the choice is
limited to, sorted by surname, each named with their teams and caseload, which the page turns into an
accessible
typeahead (accessible-autocomplete, static/thrive/autocomplete.js); without JavaScript it stays a select.
"""

from collections.abc import Iterable
from typing import Any, cast

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.db.models import Count, IntegerField, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest

from thrive import limits
from thrive.forms import limit_length

from .allocation import PRACTITIONER_ROLES, WORKER_KINDS, practitioners
from .models import BreakGlassReview, Involvement, Team, TeamMembership, User


class SignInForm(AuthenticationForm):
    """Django's sign-in form with GOV.UK wording for its errors."""

    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account has been switched off. Ask your system administrator.",
    }

    def __init__(self, request: HttpRequest | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(request, *args, **kwargs)
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"
        limit_length(self.fields["password"], limits.SHORT_TEXT)  # type: ignore[arg-type]
        # Django sets the username's max_length after building the field, so nothing checks it: check it here,
        # before an over-long name reaches authenticate() and django-axes' record of failures.
        username = self.fields["username"]
        limit_length(username, username.max_length)  # type: ignore[arg-type,attr-defined]
        username.error_messages["max_length"] = f"Username must be {username.max_length} characters or fewer"  # type: ignore[attr-defined]


class BreakGlassForm(forms.Form):
    reason = forms.CharField(
        label="Why do you need to open this record now?",
        help_text=(
            "For example, the out-of-hours team has been called about the child tonight. "
            "A manager will review your reason."
        ),
        widget=forms.Textarea,
        max_length=2000,
        error_messages={
            "required": "Enter why you need to open this record",
            "max_length": "Reason must be 2000 characters or fewer",
        },
    )


class BreakGlassReviewForm(forms.ModelForm):
    """A manager's judgement on one break-glass access; a note is needed when it was not appropriate."""

    class Meta:
        model = BreakGlassReview
        fields = ["outcome", "note"]
        labels = {"outcome": "Was this access appropriate?", "note": "Note"}
        help_texts = {"note": "Needed if the access was not appropriate: say what you have done about it."}
        widgets = {"outcome": forms.RadioSelect, "note": forms.Textarea}
        error_messages = {"outcome": {"required": "Select whether this access was appropriate"}}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = [c for c in self.fields["outcome"].choices if c[0]]  # type: ignore[attr-defined]
        limit_length(self.fields["note"], limits.LONG_TEXT)  # type: ignore[arg-type]
        self.fields["note"].error_messages["max_length"] = (
            f"Note must be {limits.LONG_TEXT:,} characters or fewer"
        )

    def clean(self) -> dict[str, Any]:
        data = cast(dict[str, Any], super().clean())
        if data.get("outcome") == "inappropriate" and not data.get("note", "").strip():
            self.add_error("note", "Enter a note saying what you have done about this access")
        return data


def with_caseload(staff: QuerySet[User]) -> QuerySet[User]:
    """Staff with `caseload` (the children they are the worker for now) and their teams, in two queries."""
    held = (
        Involvement.objects.filter(user=OuterRef("pk"), kind__in=WORKER_KINDS, end_date__isnull=True)
        .order_by()
        .values("user")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return staff.annotate(caseload=Coalesce(Subquery(held, output_field=IntegerField()), 0)).prefetch_related(
        Prefetch("memberships", queryset=TeamMembership.objects.select_related("team").order_by("team__name"))
    )


class StaffField(forms.ModelChoiceField):
    """Staff by surname, each with their teams and caseload: "Jo Bloggs (Assessment 2), 14 children"."""

    widget = forms.Select(attrs={"data-module": "thrive-autocomplete"})

    def label_from_instance(self, user: Any) -> str:
        teams = ", ".join(membership.team.name for membership in user.memberships.all())
        caseload = getattr(user, "caseload", None)
        held = "" if caseload is None else f", {caseload} child{'' if caseload == 1 else 'ren'}"
        return f"{user.get_full_name() or user.username}{f' ({teams})' if teams else ''}{held}"


def worker_field(
    label: str = "Allocate to",
    roles: Iterable[str] = PRACTITIONER_ROLES,
    team_kinds: Iterable[str] | None = None,
    **kwargs: Any,
) -> StaffField:
    """A choice of staff in these roles (and teams of these kinds): by default, those a case can be
    allocated to."""
    return StaffField(label=label, queryset=with_caseload(practitioners(roles, team_kinds)), **kwargs)


def team_field(kinds: Iterable[str], label: str = "Team", **kwargs: Any) -> forms.ModelChoiceField:
    """A choice of the teams of these kinds."""
    return forms.ModelChoiceField(label=label, queryset=Team.objects.filter(kind__in=kinds), **kwargs)
