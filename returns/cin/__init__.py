"""The Children in Need census: its XML layout, the return built from case records, and its import."""

from ..models import ReturnKind
from . import extract, xmlio

kind = ReturnKind.CIN_CENSUS
children = extract.children


def write(path, year, code, children, created) -> int:
    with open(path, "w", encoding="utf-8") as out:
        return xmlio.write(out, year, code, children, created)
