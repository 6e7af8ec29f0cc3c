"""The registry of validation rules: each rule is a function with the DfE's code, message and fields.

A rule takes one child of the return (as the exporter builds it and the importer reads it) and the
collection year, and yields (field, detail) for each thing wrong: the field the analyst should look
at and a plain sentence saying which record and what is wrong. Rules about the return as a whole
(duplicate IDs, proportions) take every child and yield (child, field, detail).
"""
from dataclasses import dataclass
from typing import Callable

ERROR, QUERY = "error", "query"


@dataclass(frozen=True)
class Rule:
    code: str
    message: str
    kind: str  # ERROR blocks the return; QUERY asks for a check or an explanation
    fields: tuple
    check: Callable
    whole_return: bool = False
    years: range = range(2000, 3000)  # the collection years the DfE runs the rule in

    @property
    def is_error(self) -> bool:
        return self.kind == ERROR


class Registry:
    def __init__(self, name: str):
        self.name = name
        self.rules: dict[str, Rule] = {}

    def rule(self, code: str, message: str, *, fields=(), kind=ERROR, whole_return=False, years=None):
        def register(check):
            if code in self.rules:
                raise ValueError(f"{self.name} rule {code} is registered twice")
            self.rules[code] = Rule(code, message, kind, tuple(fields), check, whole_return,
                                    years or range(2000, 3000))
            return check
        return register

    def for_year(self, year: int) -> list[Rule]:
        return [rule for rule in self.rules.values() if year in rule.years]
