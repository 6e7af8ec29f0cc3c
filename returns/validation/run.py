"""Running a return's rules over its children, and which errors still block it."""
from dataclasses import dataclass, field

from django.urls import reverse

from ..models import ValidationOverride
from .registry import Registry, Rule

# What rules about the whole return may look at; the rest of each child is not kept in memory.
WHOLE_RETURN_ITEMS = ("LAchildID", "UPN", "Sex", "PersonBirthDate", "ExpectedPersonBirthDate", "Disabilities",
                      "CHILD", "SEX", "DOB", "_person_id")


@dataclass
class Issue:
    rule: Rule
    child: str  # LA child ID, blank for the whole return
    field: str
    detail: str
    person_id: int | None = None
    override: ValidationOverride | None = None

    @property
    def code(self):
        return self.rule.code

    @property
    def blocks(self) -> bool:
        return self.rule.is_error and self.override is None

    @property
    def record_url(self) -> str | None:
        return reverse("people:record", args=[self.person_id]) if self.person_id else None

    def __str__(self):
        kind = "Error" if self.rule.is_error else "Query"
        who = f"child {self.child}" if self.child else "the return"
        overridden = f" [overridden: {self.override.reason}]" if self.override else ""
        return f"{kind} {self.code} ({who}, {self.field}): {self.rule.message} {self.detail}{overridden}".rstrip()


@dataclass
class Validation:
    """Feed it the children one by one (as they are written), then finish()."""

    registry: Registry
    year: object
    kind: str
    issues: list = field(default_factory=list)
    thin: list = field(default_factory=list)

    def __post_init__(self):
        rules = self.registry.for_year(self.year.year)
        self.child_rules = [r for r in rules if not r.whole_return]
        self.return_rules = [r for r in rules if r.whole_return]

    def check(self, child: dict) -> dict:
        child_id = child.get("LAchildID") or child.get("CHILD") or ""
        person_id = child.get("_person_id")
        for rule in self.child_rules:
            for field_name, detail in rule.check(child, self.year):
                self.issues.append(Issue(rule, child_id, field_name, detail, person_id))
        source = {**(child.get("Header") or [{}])[0], **child}  # the 903's header items sit in its Header row
        self.thin.append({k: source[k] for k in WHOLE_RETURN_ITEMS if k in source})
        return child

    def finish(self) -> list[Issue]:
        ids = {}
        for child in self.thin:
            ids[child.get("LAchildID") or child.get("CHILD")] = child.get("_person_id")
        for rule in self.return_rules:
            for child_id, field_name, detail in rule.check(self.thin, self.year):
                self.issues.append(Issue(rule, child_id or "", field_name, detail, ids.get(child_id)))
        self.thin = []
        overrides = {(o.rule_code, o.child): o for o in ValidationOverride.objects.filter(
            return_kind=self.kind, year=self.year.year).select_related("overridden_by")}
        for issue in self.issues:
            issue.override = overrides.get((issue.code, issue.child))
        self.issues.sort(key=lambda i: (not i.rule.is_error, i.child, i.code))
        return self.issues


def blocking(issues) -> list[Issue]:
    return [issue for issue in issues if issue.blocks]


def record_overrides(issues, kind: str, year: int, reason: str, user) -> int:
    """Record the reason for each blocking error, so the return can go with them.

    Written in one batch: a council's first draft can carry thousands of errors."""
    existing = {(o.rule_code, o.child): o for o in ValidationOverride.objects.filter(return_kind=kind, year=year)}
    new = {}
    for issue in blocking(issues):
        key = (issue.code, issue.child)
        if key not in existing and key not in new:
            new[key] = ValidationOverride(return_kind=kind, year=year, rule_code=issue.code, child=issue.child,
                                          reason=reason, overridden_by=user)
    ValidationOverride.objects.bulk_create(new.values(), batch_size=1000)
    for issue in blocking(issues):
        issue.override = existing.get((issue.code, issue.child)) or new[(issue.code, issue.child)]
    return len(new)
