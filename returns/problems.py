"""What an import could not place: which file, where in it, which field, and why in plain words."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    where: str  # "Child 3 (LAchildID 1234) > CINdetails 1", or "row 12 (CHILD 1234)"
    field: str
    message: str

    def __str__(self):
        field = f", {self.field}" if self.field else ""
        return f"{self.file}: {self.where}{field}: {self.message}"


class ImportFailed(Exception):
    """Raised inside the file's transaction so nothing of a file with problems is kept."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems
