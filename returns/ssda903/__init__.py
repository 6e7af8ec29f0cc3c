"""The SSDA903 return (children looked after): its CSV tables, the return built from case records, its
import."""

from ..models import ReturnKind
from . import csvio, extract

kind = ReturnKind.SSDA903
children = extract.children


def write(folder, year, code, children, created) -> int:
    return csvio.write(folder, year, children)
