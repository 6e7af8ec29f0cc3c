"""The partner-agency API (django-ninja): inbound notifications and referrals, the outbound "is this child
known?" lookup, and each agency's outbox. Every call is authenticated by an agency's API key, checked
against the scope its operation declares and the key's rate limit, and written to the audit (`ApiCall`),
refusals included.

Inbound records are stored as sent and linked at once when their NHS number settles it; otherwise they
wait for the linkage job (`link_partner_records`), which links them or queues them for a worker.
Nothing here imports Splink, DuckDB or Spark: the request path stays light.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from ninja import NinjaAPI, Path, Status
from ninja.security import HttpBearer

from access.parts import Part
from education.models import School

from ..partners import intake
from ..partners.models import LinkMethod, LinkStatus, PartnerRecord, RecordKind
from . import answers, keys, outbox, problems
from .models import ApiCall, Notification, Scope
from .schemas import (
    AcknowledgedOut,
    ChildKnownOut,
    DomesticAbuseIn,
    NotificationOut,
    ProblemOut,
    ReceivedOut,
    ReferralIn,
)

RATE_WINDOW = datetime.timedelta(seconds=60)
ERRORS = {400: ProblemOut, 401: ProblemOut, 403: ProblemOut, 422: ProblemOut, 429: ProblemOut}


class AgencyKey(HttpBearer):
    """An agency's API key as a bearer token, with the scope this call needs: no key, 401; over the key's rate
    limit, 429; a key without the scope, 403. Checked before the request is read, so a refusal says why."""

    def __init__(self, scope: str):
        super().__init__()
        self.scope = scope

    def authenticate(self, request, token: str):
        client = keys.find(token)
        if client is None:
            return None
        request.api_client = client
        recent = ApiCall.objects.filter(client=client, at__gte=timezone.now() - RATE_WINDOW).count()
        if recent >= client.rate_limit:
            raise problems.Problem(
                429,
                f"This key may make {client.rate_limit} calls in any 60 seconds. Wait and try again.",
                headers={"Retry-After": "60"},
            )
        if self.scope not in client.scopes:
            request.api_outcome = f"refused: the key has no '{self.scope}' scope"
            raise problems.Problem(403, f"This key does not have the '{self.scope}' scope.")
        return client


api = NinjaAPI(
    title="Thrive partner-agency API",
    version="1",
    urls_namespace="partner_api",
    docs_url=None,
    description=(
        "For police forces, health bodies, schools and other partners: send domestic abuse notifications "
        "and referrals to the council's front door, ask whether a child shared with you is known and who "
        "their lead practitioner is, and read the notifications waiting for your agency. Authenticate "
        "with 'Authorization: Bearer <key>'. Errors are RFC 9457 problem details."
    ),
)
problems.install(api)
_schema = api.get_openapi_schema


def _with_scopes(schema: dict) -> dict:
    """Each operation's security requirement names the scope it needs (OpenAPI 3.1 allows scopes for any
    scheme), and its description says so."""
    needed = {
        api.get_openapi_operation_id(operation): auth.scope
        for _, router in api._routers
        for path_view in router.path_operations.values()
        for operation in path_view.operations
        for auth in operation.auth_callbacks
        if isinstance(auth, AgencyKey)
    }
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            scope = needed.get(operation.get("operationId"))
            if scope:
                operation["security"] = [{"AgencyKey": [scope]}]
                operation["description"] = (
                    operation.get("description", "") + f"\n\nNeeds the `{scope}` scope."
                ).strip()
    return schema


api.get_openapi_schema = lambda *args, **kwargs: problems.openapi_problem_media_type(
    _with_scopes(_schema(*args, **kwargs))
)


def _store(request, kind: str, child, reference: str, summary: str, details: dict) -> PartnerRecord:
    """Keep the record as sent, link it by NHS number if that settles it, and answer what happened."""
    from ..linkage.linking import nhs_links, valid_nhs_number

    client = request.api_client
    with transaction.atomic():
        record = PartnerRecord.objects.create(
            agency=client.agency,
            kind=kind,
            reference=reference,
            forename=child.forename,
            surname=child.surname,
            birth_date=child.birth_date,
            sex=child.sex,
            address=child.address,
            postcode=child.postcode,
            nhs_number=child.nhs_number or "",
            received_at=timezone.now(),
            summary=summary,
            details=details,
        )
        linked = nhs_links([record])
        if record.pk in linked:
            from people.models import Person

            intake.link(record, Person.objects.get(pk=linked[record.pk]), LinkMethod.NHS_NUMBER)
            request.api_person = record.person
    warnings = []
    if child.nhs_number and not valid_nhs_number(child.nhs_number):
        warnings.append("nhs_number fails its check digit: the child will be matched on their other details.")
    request.api_outcome = f"{record.get_kind_display()} {record.pk}: {record.get_status_display()}"
    return record, warnings


def _received(request, record, warnings) -> Status:
    """ "linked" only about a child the agency has a share for (and logged as disclosed): otherwise the answer
    would tell any sender whether the council knows a child, which the lookup never does."""
    from ..partners.shares import shared_with

    status = "received"
    if record.status == LinkStatus.LINKED and shared_with(request.api_client.agency, record.person):
        status = "linked"
        what = f"{record.get_kind_display()} {record.pk}: answered that it is linked to the child"
        answers.disclosed_to(request, record.person, {Part.IDENTITY}, what)
    return Status(
        202, ReceivedOut(id=record.pk, received_at=record.received_at, status=status, warnings=warnings)
    )


@api.post(
    "/domestic-abuse-notifications",
    response={202: ReceivedOut, **ERRORS},
    summary="Notify the front door of a domestic abuse incident a child was part of",
    auth=AgencyKey(Scope.DOMESTIC_ABUSE),
)
def domestic_abuse(request, payload: DomesticAbuseIn):
    details = {
        "incident_at": payload.incident_at.isoformat(),
        "operation_encompass": payload.operation_encompass,
        "school_urn": payload.school_urn,
    }
    record, warnings = _store(
        request, RecordKind.DOMESTIC_ABUSE, payload.child, payload.reference, payload.summary, details
    )
    if payload.operation_encompass and record.person_id:
        outbox.encompass(
            record, School.objects.filter(urn=payload.school_urn).first() if payload.school_urn else None
        )
    return _received(request, record, warnings)


@api.post(
    "/referrals",
    response={202: ReceivedOut, **ERRORS},
    summary="Refer a child to the front door",
    auth=AgencyKey(Scope.REFERRALS),
)
def referral(request, payload: ReferralIn):
    details = {"referrer_name": payload.referrer_name, "referrer_role": payload.referrer_role}
    summary = f"{payload.reason}\n\nReferred by {payload.referrer_name}, {payload.referrer_role}."
    return _received(
        request, *_store(request, RecordKind.REFERRAL, payload.child, payload.reference, summary, details)
    )


@api.get(
    "/children/{nhs_number}",
    response={200: ChildKnownOut, 404: ProblemOut, **ERRORS},
    summary="Is this child known, and who is their lead practitioner?",
    auth=AgencyKey(Scope.LOOKUP),
    exclude_unset=True,
)
def child(request, nhs_number: str = Path(..., pattern=r"^\d{10}$", description="10 digits, no spaces.")):
    """Answers only for a child your agency has a share in force for, and only with what the shares cover
    (`shared` lists it); any other NHS number is 404, whether or not the council knows the child."""
    from ..linkage.linking import valid_nhs_number
    from ..partners.shares import active_shares

    number = valid_nhs_number(nhs_number)
    if number is None:  # no child has it: the same answer as for any number not shared, saying why
        request.api_outcome = "refused: not a valid NHS number"
        raise problems.Problem(404, "No child has this NHS number: its check digit is wrong.")
    person, shares = active_shares(request.api_client.agency, number)
    if person is None:
        request.api_outcome = "refused: no active share for this NHS number"
        raise problems.Problem(404, "No child with this NHS number is shared with your agency.")
    request.api_person = person
    answer = answers.lookup(request, person, number, shares)
    request.api_outcome = f"answered within the share: {', '.join(answer['shared'])}"
    return Status(200, answer)


@api.get(
    "/outbox",
    response={200: list[NotificationOut], **ERRORS},
    summary="Notifications waiting for your agency, oldest first (up to 100)",
    auth=AgencyKey(Scope.OUTBOX),
)
def read_outbox(request):
    waiting = Notification.objects.filter(agency=request.api_client.agency, acknowledged_at__isnull=True)
    notes = list(waiting.select_related("person")[:100])
    outbox.delivered(notes, request.api_client)
    request.api_outcome = f"read {len(notes)} notifications"
    return Status(
        200,
        [
            NotificationOut(
                id=n.pk,
                event=n.event,
                occurred_on=n.occurred_on,
                nhs_number=n.person.nhs_number,
                forename=n.person.forename,
                surname=n.person.surname,
                birth_date=n.person.birth_date,
                message=n.message,
                created_at=n.created_at,
            )
            for n in notes
        ],
    )


@api.post(
    "/outbox/{notification_id}/acknowledge",
    response={200: AcknowledgedOut, 404: ProblemOut, **ERRORS},
    summary="Acknowledge a notification, taking it out of the outbox",
    auth=AgencyKey(Scope.OUTBOX),
)
def acknowledge(request, notification_id: int):
    with transaction.atomic():
        note = (
            Notification.objects.select_for_update()
            .filter(pk=notification_id, agency=request.api_client.agency)
            .first()
        )
        if note is None:
            raise problems.Problem(404, "There is no notification with this id for your agency.")
        if note.acknowledged_at is None:
            note.acknowledged_at = timezone.now()
            note.save(update_fields=["acknowledged_at"])
    request.api_person = note.person
    request.api_outcome = f"acknowledged notification {note.pk}"
    return Status(200, AcknowledgedOut(id=note.pk, acknowledged_at=note.acknowledged_at))
