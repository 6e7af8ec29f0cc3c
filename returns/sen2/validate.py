"""Checking a SEN2 message before it can be downloaded: the XML schema (xmlschema), then the rules that
join fields, each issue naming the child (by council ID, kept beside the message, never in it) and the
item."""

import datetime
import xml.etree.ElementTree as ET  # nosec B405: XML that Thrive itself wrote
from dataclasses import dataclass, replace
from pathlib import Path

import xmlschema

SCHEMA = Path(__file__).with_name("schema_2026.xsd")
TWENTY_WEEKS = datetime.timedelta(weeks=20)


@dataclass(frozen=True)
class Issue:
    code: str
    child: str  # council ID and name, or "" for the message
    item: str
    message: str
    person_id: int | None = None  # the child's record, for the audit of the page that names them


_schema = None


def schema() -> xmlschema.XMLSchema:
    global _schema
    if _schema is None:
        _schema = xmlschema.XMLSchema(SCHEMA)
    return _schema


def _date(node, tag):
    text = node.findtext(tag)
    return datetime.date.fromisoformat(text) if text else None


def _rules(person, who) -> list[Issue]:
    issues = []
    born = _date(person, "PersonBirthDate")
    for request in person.findall("Requests"):
        received, decided = _date(request, "ReceivedDate"), _date(request, "RequestOutcomeDate")
        outcome = request.findtext("RequestOutcome")
        if born and received and received < born:
            issues.append(
                Issue("SEN2-01", who, "ReceivedDate", "The request is dated before the child was born.")
            )
        if received and decided and decided < received:
            issues.append(
                Issue(
                    "SEN2-02",
                    who,
                    "RequestOutcomeDate",
                    "The decision whether to assess is dated before the request was received.",
                )
            )
        if outcome in ("Y", "N") and decided is None:
            issues.append(
                Issue("SEN2-03", who, "RequestOutcomeDate", "A decision whether to assess needs its date.")
            )
        assessment = request.find("Assessment")
        if assessment is not None and outcome not in ("Y", "H"):
            issues.append(
                Issue("SEN2-04", who, "Assessment", "An assessment is returned without a decision to assess.")
            )
        plan = assessment.find("NamedPlan") if assessment is not None else None
        if plan is not None:
            started = _date(plan, "StartDate")
            if received and started and started < received:
                issues.append(Issue("SEN2-05", who, "StartDate", "The plan was issued before the request."))
            week20 = assessment.findtext("Week20")
            if (
                received
                and started
                and week20 == "true"
                and outcome != "H"
                and started > received + TWENTY_WEEKS
            ):
                issues.append(
                    Issue(
                        "SEN2-06",
                        who,
                        "Week20",
                        "Week20 says within 20 weeks but the plan was issued "
                        f"{(started - received).days} days after the request.",
                    )
                )
        active = request.find("ActivePlans")
        if active is not None and not any(
            n.findtext("SENtypeRank") == "1" for n in active.findall("SENneed")
        ):
            issues.append(Issue("SEN2-07", who, "SENneed", "An active plan needs its primary need (rank 1)."))
    return issues


def validate(xml: bytes, children: dict) -> list[Issue]:
    """Every issue in the message: schema errors first, then the rules."""
    issues = []
    for error in schema().iter_errors(xml.decode("utf-8")):
        issues.append(Issue("SCHEMA", "", error.path or "", error.reason or str(error)))
    root = ET.fromstring(xml)  # nosec B314: XML that Thrive itself wrote
    for n, person in enumerate(root.iter("Person"), start=1):
        la_id, name, person_id = children.get(n, ("", "", None))
        found = _rules(person, f"{name} ({la_id})" if la_id else "")
        issues.extend(replace(issue, person_id=person_id) for issue in found)
    return issues
