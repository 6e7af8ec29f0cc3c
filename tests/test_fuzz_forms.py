"""Property-based (Hypothesis): random and malformed values posted to every form Thrive serves.

The URLconf is walked; each page is opened as the first demo-like user (tests/factories.py) who gets
a form on it, and each of its forms is posted with values drawn from the form's own fields: its
choices, dates that do not exist, huge and strange text, NUL characters, numbers far out of range.
Whatever is posted, the answer is never a server error, and a page that refuses the input (anything
but a redirect after saving) has written nothing: every table holds the rows it held before, audit
logs of the visit apart. Each example runs in a savepoint rolled back after it, so each starts
from the same records.

Examples per form come from the Hypothesis profile (tests/hypothesis_profiles.py): a few in `make
test`, many with HYPOTHESIS_PROFILE=thorough.
"""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from hypothesis import given
from hypothesis import strategies as st

from access.models import AgencyKind, BreakGlass, Role, TeamKind
from council.synthetic.tables import thrive_models
from familyhelp import services as familyhelp
from frontdoor import services as frontdoor
from frontdoor.codes import ContactOutcome, ReferralSource
from proceedings import services as proceedings
from protection import services as protection
from sharing.models import DuplicatePair, LinkCandidate, LinkStatus, PartnerRecord, RecordKind
from tests.factories import allocated_child, involve, make_agency, make_person, make_team, make_user, share
from tests.factories.care import child_in_care, iro
from thrive import limits

pytestmark = pytest.mark.django_db
D = datetime.date
# Rows written whether or not the input was accepted: the audit of who opened which record (and what partners
# were shown), and the worker's own draft of what they typed (people.drafts: kept when a form is refused,
# never
# part of a child's record).
AUDIT_LOGS = {
    "access.RecordView",
    "access.Disclosure",
    "access.DisclosedChild",
    "access.AuditChainHead",
    "access.PartnerDisclosure",
    "people.Draft",
}
SKIPPED_PREFIXES = ("/django-admin/", "/access/sign-out/")  # Django's own admin forms; signing out
NAMESPACED_KWARGS = {  # URL arguments other than a pk, by URL name
    "performance:indicator": {"code": "CSC_RE_REFERRALS"},
    "returns:issues": {"kind": "cin", "year": 2025},
    "returns:override": {"kind": "cin", "year": 2025},
    "returns:download": {"kind": "cin", "year": 2025},
}


def journey():
    """A child from contact to care proceedings, through the services the pages use, and a child in care;
    the pk each URL takes, by the words before it in the URL."""
    child, worker, manager, team = allocated_child(forename="Mia", surname="Fuzz")
    received = timezone.make_aware(datetime.datetime(2025, 3, 3, 9, 15))
    contact = frontdoor.record_contact(
        child,
        worker,
        source=ReferralSource.POLICE,
        referrer="PC Shah",
        received_at=received,
        summary="Domestic incident",
    )
    frontdoor.decide(
        contact,
        worker,
        outcome=ContactOutcome.STRATEGY_DISCUSSION,
        rationale="Injury",
        worker=worker,
        team=team,
    )
    undecided = frontdoor.record_contact(
        child,
        worker,
        source=ReferralSource.SCHOOLS,
        referrer="Head",
        received_at=received,
        summary="Late again",
    )
    referral = contact.referral
    assessment = familyhelp.start_assessment(referral, worker=worker, start_date=D(2025, 3, 4))
    cin = familyhelp.start_cin_plan(referral, start_date=D(2025, 3, 10))
    episode = frontdoor.open_family_help(child, D(2025, 3, 5), worker, team, "Support")
    discussion = protection.record_strategy_discussion(
        referral,
        held_on=D(2025, 3, 4),
        outcome="s47",
        notes="",
        chaired_by=worker,
        attendees=[("Jo", "social_care")],
    )
    enquiry = protection.start_section47(discussion, start_date=D(2025, 3, 4))
    macpt = make_team(kind=TeamKind.MULTI_AGENCY_CP)
    conference = protection.initial_conference(
        enquiry,
        date=D(2025, 3, 20),
        chair=manager,
        outcome="plan",
        category="NEG",
        team=macpt,
        lead_practitioner=worker,
        attendees=[("Jo", "social_care")],
    )
    offer = proceedings.record_offer(
        child, worker, offered_on=D(2025, 5, 1), response="accepted", responded_on=None
    )
    exception = proceedings.record_exception(
        child,
        worker,
        reason="r",
        decided_on=D(2025, 5, 2),
        explained_to_court_on=None,
        explained_to_family_on=None,
    )
    stage = proceedings.start_pre_proceedings(child, start_date=D(2025, 5, 12))
    case = proceedings.issue_proceedings(child, issued_on=D(2025, 6, 2), court="Leicester", case_number="")
    period = child_in_care(start=D(2025, 1, 6), birth_date=D(2008, 2, 1), iro=iro())
    in_care = period.person
    glass = BreakGlass.objects.create(
        user=make_user(teams=[team]), person=child, reason="Incident", expires_at=timezone.now()
    )
    involve(in_care, user=worker, team=team)
    record = PartnerRecord.objects.create(
        agency=make_agency("Fuzz Police", AgencyKind.POLICE),
        kind=RecordKind.DOMESTIC_ABUSE,
        forename="Mia",
        surname="Fuzz",
        received_at=received,
        status=LinkStatus.REVIEW,
        summary="Officers attended",
    )
    LinkCandidate.objects.create(
        record=record, person=child, match_weight=4.0, match_probability=0.9, evidence=[]
    )
    pair = DuplicatePair.objects.create(
        first=child,
        second=make_person(forename="Mia", surname="Fuzz"),
        match_weight=9.0,
        match_probability=0.99,
        evidence=[],
    )
    shared = share(child, make_agency("Fuzz Health", AgencyKind.HEALTH))
    pks = {
        "people": child.pk,
        "contacts": undecided.pk,
        "referrals": referral.pk,
        "episodes": episode.pk,
        "assessments": assessment.pk,
        "cin-plans": cin.pk,
        "strategy-discussions": discussion.pk,
        "section-47": enquiry.pk,
        "conferences": conference.pk,
        "plans": conference.plan_id,
        "fgdm-offers": offer.pk,
        "fgdm-exceptions": exception.pk,
        "pre-proceedings": stage.pk,
        "care-proceedings": case.pk,
        "care": in_care.pk,
        "leaving-care": in_care.pk,
        "break-glass": glass.pk,
        "partner-records": record.pk,
        "duplicates": pair.pk,
        "shares": shared.pk,
    }
    users = [
        worker,
        manager,
        make_user(teams=[make_team(kind=TeamKind.FRONT_DOOR)]),
        make_user(role=Role.ANALYST),
        make_user(role=Role.ADMINISTRATOR, is_superuser=True, is_staff=True),
    ]
    return pks, users


def url_patterns(resolver=None, prefix="", namespace=""):
    """(route, name) of every URL pattern, routes written as in urls.py."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_patterns(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield prefix + str(entry.pattern), namespace + entry.name


def url_for(route: str, name: str, pks: dict) -> str | None:
    """The URL of a pattern, its pk chosen by the word before it; None for one that needs other arguments."""
    kwargs = dict(NAMESPACED_KWARGS.get(name, {}))
    if "<int:pk>" in route:
        before = [part for part in route.split("<int:pk>")[0].split("/") if part]
        kwargs["pk"] = pks.get(before[-1] if before else "", pks["people"])
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


class Forms(HTMLParser):
    """The POST forms on a page: where each posts, and its fields (name -> kind and the values offered)."""

    def __init__(self, page_url):
        super().__init__()
        self.page_url, self.forms, self._form = page_url, [], None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self._form = {"action": attrs.get("action") or self.page_url, "fields": {}, "files": False}
            self.forms.append(self._form)
        if self._form is None or not attrs.get("name") or attrs["name"] == "csrfmiddlewaretoken":
            if tag == "option" and self._select is not None:
                self._select["options"].append(attrs.get("value", ""))
            return
        name = attrs["name"]
        if tag == "input":
            kind = attrs.get("type", "text")
            field = self._form["fields"].setdefault(name, {"kind": kind, "options": []})
            if kind == "file":
                self._form["files"] = True
            if kind in ("radio", "checkbox", "hidden"):
                field["options"].append(attrs.get("value", "on"))
        elif tag in ("select", "textarea"):
            self._select = self._form["fields"].setdefault(name, {"kind": tag, "options": []})
        if tag == "option" and self._select is not None:
            self._select["options"].append(attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        if tag == "select":
            self._select = None


HOSTILE_TEXT = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=40),
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "a\x00b",
            "0",
            "-1",
            "99999999999999999999999",
            "1e400",
            "NaN",
            "∞",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "\u202eevil",
            "🙂" * 20,
            "\r\n\t",
            "١٢٣",
        ]
    ),
    st.integers(min_value=1, max_value=4).map(lambda n: "x" * (limits.LONG_TEXT * n // 2 + 1)),
)
DATE_PARTS = st.sampled_from(
    [
        "",
        "0",
        "1",
        "29",
        "30",
        "31",
        "32",
        "2",
        "12",
        "13",
        "0001",
        "1899",
        "1900",
        "2024",
        "2099",
        "2100",
        "9999",
        "2200000000",
        "-1",
        "1.5",
        "２０２４",
    ]
)


def value_strategy(name: str, field: dict):
    options = [o for o in field["options"] if o is not None]
    if name.endswith(("_day", "_month", "_year")):
        return st.one_of(DATE_PARTS, HOSTILE_TEXT)
    if field["kind"] == "checkbox" and options:
        return st.one_of(st.lists(st.sampled_from(options), max_size=len(options)), HOSTILE_TEXT)
    if options:
        return st.one_of(st.sampled_from(options), HOSTILE_TEXT)
    return HOSTILE_TEXT


FILE_CONTENT = st.one_of(
    st.binary(max_size=300),
    st.sampled_from(
        [
            b"indicator,period,value\r\nCSC_RE_REFERRALS,Q4 2024/25,12\r\n",
            b"\xff\xfe\x00\x00",
            b'a,"' + b"x" * 140_000 + b'"\r\n',
            "indicator,period,value\r\n£,Q4,½\r\n".encode("cp1252"),
        ]
    ),
)


def _counted_tables() -> list[str]:
    models = thrive_models(include_historical=True) + [TOTPDevice]
    return sorted({m._meta.db_table for m in models if m._meta.label not in AUDIT_LOGS})


def posted_counts() -> dict:
    """Rows in every Thrive table (history included) but the audit logs, in one query."""
    tables = _counted_tables()
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(t)})" for t in tables))
        return dict(zip(tables, cursor.fetchone()))


def fuzz_form(client, form: dict):
    fields = {
        name: value_strategy(name, field) for name, field in form["fields"].items() if field["kind"] != "file"
    }
    files = [name for name, field in form["fields"].items() if field["kind"] == "file"]
    file_values = st.fixed_dictionaries(
        {
            name: st.tuples(st.sampled_from(["f.csv", "f.xlsx", "f.txt", "..csv"]), FILE_CONTENT)
            for name in files
        }
    )

    @given(values=st.fixed_dictionaries(fields), uploads=file_values)
    def post_anything(values, uploads):
        data = {
            **values,
            **{name: SimpleUploadedFile(file, content) for name, (file, content) in uploads.items()},
        }
        with transaction.atomic():
            before = posted_counts()
            response = client.post(form["action"], data)  # a server error raises here
            assert response.status_code < 500, (form["action"], data)
            if response.status_code != 302:
                assert posted_counts() == before, f"{form['action']} refused the input but kept some of it"
            transaction.set_rollback(True)

    post_anything()


def pages_with_forms(pks, users):
    """Each form once, with the first user to whom its page offers it."""
    clients = []
    for user in users:
        client = Client()
        client.force_login(user)
        clients.append(client)
    anonymous = Client()
    found = {}
    for route, name in url_patterns():
        url = url_for(route, name, pks)
        if url is None or url.startswith(SKIPPED_PREFIXES):
            continue
        for client in clients if name != "access:login" else [anonymous]:
            response = client.get(url)
            if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
                continue
            parser = Forms(url)
            parser.feed(response.content.decode())
            forms = [f for f in parser.forms if not f["action"].startswith(SKIPPED_PREFIXES)]
            for form in forms:
                key = (form["action"], tuple(sorted(form["fields"])))
                found.setdefault(key, (client, form))
            if forms:
                break
    return list(found.values())


def test_no_form_gives_a_server_error_or_keeps_half_of_what_it_refused():
    pks, users = journey()
    forms = pages_with_forms(pks, users)
    actions = {form["action"] for _, form in forms}
    # The walk reaches the forms of every journey app, the uploads and the returns.
    for expected in (
        "/front-door/contacts/new/",
        f"/front-door/referrals/{pks['referrals']}/close/",
        f"/family-help/assessments/{pks['assessments']}/outcome/",
        f"/child-protection/plans/{pks['plans']}/end/",
        f"/care/{pks['care']}/placement/",
        "/performance/upload/",
        "/access/sign-in/",
        f"/partner-records/{pks['partner-records']}/",
        f"/data-quality/duplicates/{pks['duplicates']}/",
        f"/shares/people/{pks['people']}/new/",
        f"/shares/{pks['shares']}/review/",
        f"/shares/{pks['shares']}/end/",
    ):
        assert expected in actions, expected
    # The override form is offered only beside a check's errors, which need the validators' run: posted as the
    # analyst's page would post it.
    if "/returns/cin/2025/override/" not in actions:
        analyst = Client()
        analyst.force_login(next(user for user in users if user.role == Role.ANALYST))
        forms.append(
            (
                analyst,
                {
                    "action": "/returns/cin/2025/override/",
                    "fields": {"reason": {"kind": "textarea", "options": []}},
                },
            )
        )
    for client, form in forms:
        fuzz_form(client, form)


def test_the_walk_finds_forms_by_their_own_markup():
    parser = Forms("/here/")
    parser.feed(
        '<form method="post"><input name="csrfmiddlewaretoken" value="x"><input name="a">'
        '<select name="b"><option value="1">One</option><option value="2">Two</option></select>'
        '<input type="radio" name="c" value="y"><input type="radio" name="c" value="n"></form>'
        '<form method="get"><input name="q"></form>'
    )
    assert parser.forms == [
        {
            "action": "/here/",
            "files": False,
            "fields": {
                "a": {"kind": "text", "options": []},
                "b": {"kind": "select", "options": ["1", "2"]},
                "c": {"kind": "radio", "options": ["y", "n"]},
            },
        }
    ]
    assert re.match(r"^/", url_for("people/<int:pk>/", "people:record", {"people": 7})) is not None
