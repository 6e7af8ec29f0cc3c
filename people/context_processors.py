"""The worklists in the top menu, for the staff who use them: children in care for the children in care teams
(and their managers), the Independent Reviewing Service and the Virtual School; care leavers for the leaving
care
team (and its managers) and personal advisers; caseloads for managers."""

from typing import Any

from django.http import HttpRequest

from access.models import Role, TeamKind
from access.relationships import managed_team_ids

CARE_TEAMS = {TeamKind.CHILDREN_IN_CARE, TeamKind.IRO, TeamKind.VIRTUAL_SCHOOL}
LEAVING_CARE_TEAMS = {TeamKind.LEAVING_CARE}


def worklists(request: HttpRequest) -> dict[str, Any]:
    user: Any = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    def menu() -> dict[str, bool]:
        from access.models import Team

        teams = set(user.memberships.values_list("team_id", flat=True))
        if user.is_manager:
            teams |= managed_team_ids(user)
        kinds = set(Team.objects.filter(pk__in=teams).values_list("kind", flat=True))
        return {
            "care": bool(kinds & CARE_TEAMS),
            "leavers": bool(kinds & LEAVING_CARE_TEAMS) or user.role == Role.PERSONAL_ADVISER,
            "caseloads": user.is_manager,
        }

    return {"worklist_menu": menu}  # called only when a page's menu asks: lazily, once
