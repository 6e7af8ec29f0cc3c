"""The registry of synthetic-data contributions.

Each app adds its own part of the synthetic council in `<app>/synthetic.py` with
`@contributes(order=...)`; the generator runs them all in order. A new journey app therefore
adds its episodes without any change here: lower orders build what later ones read (people
before involvements, involvements before shares), and each contribution draws from its own
random stream, so adding one never changes another's data. The `synthetic` modules are imported by
`CouncilConfig.ready` (Django's autodiscover_modules).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from .context import Council


class Build(Protocol):
    """An app's part of the synthetic council: writes its rows through `council` (a
    council.synthetic.context.Council), drawing from its own random streams."""

    __name__: str

    def __call__(self, council: "Council") -> None: ...


@dataclass(frozen=True)
class Contribution:
    name: str  # "<module>.<function>", also the default random stream's name
    order: int
    build: Build

    @property
    def label(self) -> str:
        """ "people.households" rather than "people.synthetic.households", for progress lines."""
        return f"{self.name.split('.')[0]}.{self.build.__name__}"


_contributions: dict[str, Contribution] = {}


def contributes(order: int) -> Callable[[Build], Build]:
    """Register `build(council)` to run at this order (ties run by name)."""

    def register(build: Build) -> Build:
        name = f"{build.__module__}.{build.__name__}"
        _contributions[name] = Contribution(name, order, build)
        return build

    return register


def contributions() -> list[Contribution]:
    return sorted(_contributions.values(), key=lambda c: (c.order, c.name))
