"""The registry of synthetic-data contributions.

Each app adds its own part of the synthetic council in `<app>/synthetic.py` with
`@contributes(order=...)`; the generator runs them all in order. A new journey app therefore
adds its episodes without any change here: lower orders build what later ones read (people
before involvements, involvements before shares), and each contribution draws from its own
random stream, so adding one never changes another's data.
"""
from collections.abc import Callable
from typing import TypeVar
from dataclasses import dataclass
from importlib import import_module
from importlib.util import find_spec
from typing import Any

from django.conf import settings


@dataclass(frozen=True)
class Contribution:
    name: str  # "<module>.<function>", also the default random stream's name
    order: int
    build: Callable[[Any], None]

    @property
    def label(self) -> str:
        """"people.households" rather than "people.synthetic.households", for progress lines."""
        return f"{self.name.split('.')[0]}.{self.build.__name__}"


_contributions: dict[str, Contribution] = {}
# A contribution: builds its part of the council (council.synthetic.context.Council).
Build = TypeVar("Build", bound=Callable[[Any], None])


def contributes(order: int) -> Callable[[Build], Build]:
    """Register `build(council)` to run at this order (ties run by name)."""

    def register(build: Build) -> Build:
        name = f"{build.__module__}.{build.__name__}"
        _contributions[name] = Contribution(name, order, build)
        return build

    return register


def autodiscover() -> None:
    """Import `<app>.synthetic` for every Thrive app that has one (like admin.autodiscover)."""
    for app in settings.THRIVE_APPS:
        module = f"{app}.synthetic"
        if find_spec(module) is not None:
            import_module(module)


def contributions() -> list[Contribution]:
    autodiscover()
    return sorted(_contributions.values(), key=lambda c: (c.order, c.name))
