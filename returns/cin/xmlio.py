"""Writing the CIN census XML a child at a time, and reading one back the same way.

Both stream: a large council's census is written as each child is built and read with iterparse,
so memory stays flat whatever the size of the file.
"""

import datetime

# bandit B405: the error type only; files are parsed by defusedxml.
from xml.etree.ElementTree import ParseError  # nosec B405

# bandit B406: escapes what Thrive writes; parses nothing.
from xml.sax.saxutils import escape  # nosec B406

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from thrive import limits

from ..codes import LEGACY_SEX
from ..problems import Problem
from .schema import BOOLEAN_WORDS, BOOLEANS, CHILD, DATES, INTEGERS, Flat, Repeated, Wrapped

SOFTWARE = "Thrive"
INDENT = "  "


def _text(name, value) -> str:
    if name in BOOLEANS:
        if name in BOOLEAN_WORDS:
            return "true" if value else "false"
        return "1" if value else "0"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return escape(str(value))


def _lines(record: dict, items, year: int, depth: int):
    pad = INDENT * depth
    for item in items:
        if isinstance(item, Flat):
            yield f"{pad}<{item.tag}>"
            yield from _lines(record, item.items, year, depth + 1)
            yield f"{pad}</{item.tag}>"
        elif isinstance(item, Wrapped):
            values = record.get(item.tag) or []
            if values:
                yield f"{pad}<{item.tag}>"
                yield from (f"{pad}{INDENT}<{item.item}>{_text(item.item, v)}</{item.item}>" for v in values)
                yield f"{pad}</{item.tag}>"
        elif isinstance(item, Repeated):
            if year < item.from_year:
                continue
            for member in record.get(item.tag) or []:
                yield f"{pad}<{item.tag}>"
                yield from _lines(member, item.items, year, depth + 1)
                yield f"{pad}</{item.tag}>"
        elif record.get(item) is not None:
            yield f"{pad}<{item}>{_text(item, record[item])}</{item}>"


def write(out, year, la_code: str, children, created: datetime.datetime) -> int:
    """Write the census to a text stream; returns the number of children written."""
    out.write(
        '<?xml version="1.0" encoding="utf-8"?>\n<Message>\n  <Header>\n    <CollectionDetails>\n'
        f"      <Collection>CIN</Collection>\n      <Year>{year.year}</Year>\n"
        f"      <ReferenceDate>{year.end.isoformat()}</ReferenceDate>\n    </CollectionDetails>\n"
        f"    <Source>\n      <SourceLevel>L</SourceLevel>\n      <LEA>{escape(la_code)}</LEA>\n"
        f"      <SoftwareCode>{SOFTWARE}</SoftwareCode>\n      <Release>1</Release>\n"
        "      <SerialNo>001</SerialNo>\n      "
        f"<DateTime>{created.replace(microsecond=0).isoformat()}</DateTime>\n"
        "    </Source>\n  </Header>\n  <Children>\n"
    )
    count = 0
    for child in children:
        out.write("    <Child>\n" + "\n".join(_lines(child, CHILD, year.year, 3)) + "\n    </Child>\n")
        count += 1
    out.write("  </Children>\n</Message>\n")
    return count


def _value(name: str, raw: str):
    raw = (raw or "").strip()
    if raw == "":
        return None
    if len(raw) > limits.RETURN_ITEM:
        raise ValueError(f"longer than any census item ({limits.RETURN_ITEM} characters)")
    if name in DATES:
        return limits.within_dates(datetime.date.fromisoformat(raw))
    if name in BOOLEANS:
        lowered = raw.lower()
        if lowered not in {"true", "false", "1", "0"}:
            raise ValueError(f"'{raw}' is not true, false, 1 or 0")
        return lowered in {"true", "1"}
    if name in INTEGERS:
        return limits.within_count(int(raw))
    return raw


def _read(element, items, record: dict, where: str, file: str, problems: list):
    known = {}
    # the element's children by tag, looked up once: ElementTree's find() parses its path each call
    by_tag = {}
    for child in element:
        by_tag.setdefault(child.tag, []).append(child)
    for item in items:
        if isinstance(item, Flat):
            known[item.tag] = True
            for group in by_tag.get(item.tag, ()):
                _read(group, item.items, record, where, file, problems)
        elif isinstance(item, Wrapped):
            known[item.tag] = True
            record[item.tag] = [
                _checked(v.tag, v.text, where, file, problems)
                for group in by_tag.get(item.tag, ())
                for v in group
                if _known_item(v, item, where, file, problems)
            ]
        elif isinstance(item, Repeated):
            known[item.tag] = True
            members = []
            for number, member_element in enumerate(by_tag.get(item.tag, ()), 1):
                member = {}
                _read(member_element, item.items, member, f"{where} > {item.tag} {number}", file, problems)
                members.append(member)
            record[item.tag] = members
        else:
            known[item] = True
            found = by_tag.get(item)
            record[item] = None if found is None else _checked(item, found[0].text, where, file, problems)
    for child in element:
        if child.tag not in known:
            problems.append(
                Problem(file, where, child.tag, "Thrive does not hold this item, so it cannot be imported.")
            )


def _known_item(value_element, wrapped: Wrapped, where, file, problems) -> bool:
    if value_element.tag == wrapped.item:
        return True
    problems.append(
        Problem(file, where, value_element.tag, f"Only {wrapped.item} is expected inside {wrapped.tag}.")
    )
    return False


def _checked(name, raw, where, file, problems):
    try:
        return _value(name, raw)
    except ValueError as error:
        shown = (raw or "").strip()[: limits.RETURN_ITEM]
        problems.append(Problem(file, where, name, f"'{shown}' is not a valid value ({error})."))
        return None


def _legacy_gender(child) -> None:
    """Files before 2024-25 gave GenderCurrent as a number: read it as Sex."""
    identifiers = child.find("ChildIdentifiers")
    gender = None if identifiers is None else identifiers.find("GenderCurrent")
    if gender is not None and identifiers.find("Sex") is None:
        gender.tag = "Sex"
        gender.text = LEGACY_SEX.get((gender.text or "").strip(), gender.text)


def read(path, problems: list):
    """Yield (header, child) pairs: the header dict, then each child as the writer would take it."""
    file = str(getattr(path, "name", path))
    header = {}
    try:
        yield from _children(path, file, header, problems)
    except ParseError as error:
        line = error.position[0] if error.position else "?"
        problems.append(
            Problem(
                file,
                f"line {line}",
                "",
                f"The file is not well-formed XML ({error}). Export the census from the case system again.",
            )
        )
    except DefusedXmlException:
        problems.append(
            Problem(
                file,
                "the whole file",
                "",
                "The file declares entities or a DTD, which a census never does; Thrive does not read it.",
            )
        )
    except OSError as error:
        problems.append(Problem(file, "the whole file", "", f"The file cannot be opened ({error.strerror})."))


def _children(path, file, header, problems):
    number = 0
    for _event, element in iterparse(path, events=("end",)):
        if element.tag in {"Collection", "Year", "ReferenceDate", "LEA"} and not number:
            header[element.tag] = (element.text or "").strip()
        elif element.tag == "Child":
            number += 1
            child = {}
            _legacy_gender(element)
            where = f"Child {number}"
            identifier = element.findtext("ChildIdentifiers/LAchildID")
            if identifier:
                where += f" (LAchildID {identifier.strip()[: limits.RETURN_ITEM]})"
            _read(element, CHILD, child, where, file, problems)
            child["_where"] = where
            yield header, child
            element.clear()
