"""Due and overdue work for the children a user works with: mine, my teams', or the teams I manage.

The list is timescales.due over the children in scope, so it costs a few queries for the user's
teams and the children in scope, one query per due source and one for the children's names,
however many children there are.
"""
import datetime
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Q

from access.basis import GLASS_ONLY_ROLES
from access.models import Involvement, TeamMembership
from access.rules import managed_team_ids
from timescales.due import DueItem, due_items

from .models import Person
from .worklist import record_urls

SCOPES = {"mine": "Allocated to me", "team": "My teams", "managed": "Teams I manage"}
DUE_SOON_DAYS = 14  # a child's record warns of work due within this many days, before it is overdue
PER_PAGE = 100  # rows on a page: enough to work from, and quick to show however long the list


@dataclass(frozen=True)
class DueRow:
    item: DueItem
    person: Person  # the kept record, if the item is on a record merged into it
    url: str
    status: str  # "Overdue by 3 days", "Due today", "Due in 4 days"
    colour: str  # GOV.UK tag colour


def days(n: int) -> str:
    return f"{n} day{'' if n == 1 else 's'}"


def describe_due(due: datetime.date, on: datetime.date) -> tuple[str, str]:
    """How a due date reads today, and the tag colour: red once overdue, yellow on the day."""
    ahead = (due - on).days
    if ahead < 0:
        return f"Overdue by {days(-ahead)}", "red"
    if ahead == 0:
        return "Due today", "yellow"
    return f"Due in {days(ahead)}", "blue" if ahead <= 5 else "grey"


@dataclass(frozen=True)
class ChildDue:
    """A child's due and overdue work as the top of their record shows it: overdue, due soon, and how many later."""

    overdue: list
    soon: list
    later: int

    def __bool__(self) -> bool:
        return bool(self.overdue or self.soon or self.later)


def child_due(person_ids, on: datetime.date) -> ChildDue:
    overdue, soon, later = [], [], 0
    for item in due_items(person_ids, on):
        status, colour = describe_due(item.due, on)
        if item.overdue_on(on):
            overdue.append((item, status, colour))
        elif (item.due - on).days <= DUE_SOON_DAYS:
            soon.append((item, status, "yellow" if colour == "yellow" else "blue"))
        else:
            later += 1
    return ChildDue(overdue, soon, later)


class DueWork:
    """One user's due work on one day; the user's teams are read once and shared by every scope."""

    def __init__(self, user, on: datetime.date):
        self.user, self.on = user, on
        self.member_teams = set(user.memberships.filter(manages=False).values_list("team_id", flat=True))
        self.managed_teams = managed_team_ids(user) if user.is_manager else set()

    @property
    def scopes(self) -> dict[str, str]:
        """The filters that make sense for this user: everyone has "mine"; team members and managers more."""
        wanted = {"mine": True, "team": bool(self.member_teams), "managed": bool(self.managed_teams)}
        return {key: label for key, label in SCOPES.items() if wanted[key]}

    @property
    def default_scope(self) -> str:
        return "managed" if self.managed_teams else "mine"

    def people(self, scope: str) -> set[int]:
        """Ids of the children in scope: each has a current involvement that gives the user access to them."""
        if self.user.role in GLASS_ONLY_ROLES:  # no team gives an analyst or administrator a child
            return set()
        current = Involvement.objects.filter(start_date__lte=self.on).exclude(end_date__lt=self.on)
        if scope == "mine":
            involvements = current.filter(user=self.user)
        else:
            teams = self.managed_teams if scope == "managed" else self.member_teams
            staff = TeamMembership.objects.filter(team_id__in=teams).values("user_id")
            involvements = current.filter(Q(team_id__in=teams) | Q(user_id__in=staff))
        return set(involvements.values_list("person_id", flat=True))

    def page(self, scope: str, number=1, per_page: int = PER_PAGE):
        """One page of the items due in scope, soonest first, as rows; the page knows the total."""
        page = Paginator(due_items(self.people(scope), self.on), per_page).get_page(number)
        shown = page.object_list
        people = Person.objects.filter(pk__in={item.person_id for item in shown}).select_related("merged_into").only(
            "forename", "surname", "la_id", "merged_into__forename", "merged_into__surname", "merged_into__la_id"
        )
        kept = {person.pk: person.merged_into or person for person in people}
        url_of = record_urls()
        page.object_list = [
            DueRow(item, kept[item.person_id], url_of(kept[item.person_id].pk), *describe_due(item.due, self.on))
            for item in shown
        ]
        return page
