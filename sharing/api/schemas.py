"""What the partner-agency API accepts and answers, as pydantic schemas: the OpenAPI description is made
from these, so it cannot drift from what the code checks."""

import datetime
from typing import Literal

from django.utils import timezone
from ninja import Field, Schema
from pydantic import ConfigDict, field_validator

from access.parts import SHAREABLE

NHS_NUMBER = r"^\d{3} ?\d{3} ?\d{4}$"


def _not_future_date(value):
    if value is not None and value > timezone.localdate():
        raise ValueError("must not be in the future")
    return value


def _iso_date(value):
    """Dates arrive as JSON strings, YYYY-MM-DD: nothing else (0 is not 1 January 1970)."""
    if value is None or isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        raise ValueError("must be a date written YYYY-MM-DD")
    return datetime.date.fromisoformat(value)


def _iso_datetime(value):
    if isinstance(value, datetime.datetime):
        return value
    if not isinstance(value, str):
        raise ValueError("must be a date and time written like 2025-03-31T21:15:00+01:00")
    return datetime.datetime.fromisoformat(value)


class Strict(Schema):
    """No quiet conversions: a number is not a string, 0 is not false, a date is a string."""

    model_config = ConfigDict(strict=True)


def _text(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("must not be blank")
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


class ChildIn(Strict):
    """The child as the agency's own system holds them; Thrive links the record to its child."""

    nhs_number: str | None = Field(
        None, pattern=NHS_NUMBER, description="10 digits, spaces allowed (943 476 5919)."
    )
    forename: str = Field(..., min_length=1, max_length=100)
    surname: str = Field(..., min_length=1, max_length=100)
    birth_date: datetime.date | None = None
    sex: Literal["M", "F", "U"] = Field("U", description="M, F, or U for not known.")
    address: str = Field("", max_length=200)
    postcode: str = Field("", max_length=10)

    _forename = field_validator("forename", "surname")(_text)
    _birth_iso = field_validator("birth_date", mode="before")(_iso_date)
    _birth = field_validator("birth_date")(_not_future_date)

    @field_validator("address", "postcode")
    @classmethod
    def _no_nul(cls, value: str) -> str:
        if "\x00" in value:
            raise ValueError("must not contain NUL characters")
        return value.strip()


class DomesticAbuseIn(Strict):
    reference: str = Field(..., min_length=1, max_length=100, description="The force's incident reference.")
    incident_at: datetime.datetime = Field(
        ..., description="When the incident happened (ISO 8601, with offset)."
    )
    child: ChildIn
    summary: str = Field(..., min_length=1, max_length=10_000, description="What happened, who was there.")
    operation_encompass: bool = Field(
        False, description="Tell the child's school before the next school day."
    )
    school_urn: str | None = Field(
        None, pattern=r"^\d{6}$", description="The child's school, if the force knows it."
    )

    _summary = field_validator("reference", "summary")(_text)
    _incident_iso = field_validator("incident_at", mode="before")(_iso_datetime)

    @field_validator("incident_at")
    @classmethod
    def _incident_not_future(cls, value: datetime.datetime) -> datetime.datetime:
        if value.tzinfo is None:
            raise ValueError("must include a UTC offset, e.g. 2025-03-31T21:15:00+01:00")
        if value > timezone.now() + datetime.timedelta(minutes=5):
            raise ValueError("must not be in the future")
        return value


class ReferralIn(Strict):
    reference: str = Field(..., min_length=1, max_length=100, description="The referrer's own reference.")
    child: ChildIn
    reason: str = Field(..., min_length=1, max_length=10_000, description="Why the agency is worried.")
    referrer_name: str = Field(..., min_length=1, max_length=100)
    referrer_role: str = Field(..., min_length=1, max_length=100)

    _text_fields = field_validator("reference", "reason", "referrer_name", "referrer_role")(_text)


class ReceivedOut(Schema):
    id: int = Field(..., description="Thrive's reference for the record.")
    received_at: datetime.datetime
    status: Literal["received", "linked"] = Field(
        ...,
        description="linked: a front-door contact is open about a child your agency has a share for; "
        "received: the front door has it (Thrive does not say whether it knows the child).",
    )
    warnings: list[str] = Field(default_factory=list)


class PractitionerOut(Schema):
    name: str
    role: str
    team: str | None


class PlanOut(Schema):
    plan: Literal["child_in_need", "child_protection", "pathway"]
    started_on: datetime.date
    category: str | None = Field(None, description="A child protection plan's category of abuse or neglect.")
    next_review_due: datetime.date | None


PARTS = Literal[tuple(str(part) for part in SHAREABLE)]


class ChildKnownOut(Schema):
    nhs_number: str
    known: bool = Field(..., description="Always true: children not shared with the agency are 404.")
    shared: list[PARTS] = Field(
        ...,
        description="The parts of the record your agency's shares in force cover; the answer holds no more.",
    )
    lead_practitioner: PractitionerOut | None = Field(
        None, description="Only when 'workers' is shared: null when no case is open."
    )
    current_plans: list[PlanOut] | None = Field(
        None,
        description="Only when 'plans' is shared: the child in need, child protection and pathway "
        "plans in force.",
    )


class NotificationOut(Schema):
    id: int
    event: Literal["cp_plan_started", "cp_plan_ended", "operation_encompass"]
    occurred_on: datetime.date
    nhs_number: str | None
    forename: str
    surname: str
    birth_date: datetime.date | None
    message: str
    created_at: datetime.datetime


class AcknowledgedOut(Schema):
    id: int
    acknowledged_at: datetime.datetime


class FieldError(Schema):
    field: str
    message: str


class ProblemOut(Schema):
    """RFC 9457 problem details."""

    type: str
    title: str
    status: int
    detail: str
    instance: str
    errors: list[FieldError] | None = None
