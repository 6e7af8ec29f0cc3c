"""The errors partner agencies' copies of a child's identity carry, made on purpose for synthetic records.

Each function takes a random stream and returns the changed value, or None when the error cannot
apply (no nickname for the name, a day above 12, no earlier address), so the caller records only
errors actually made. Nicknames come from the `nicknames` package's hand-curated English list.
"""

import datetime
import random
from functools import lru_cache

from people.identifiers import normalise_nhs_number

ERROR_TYPES = ("misspelling", "nickname", "swapped_day_month", "old_address", "nhs_missing", "nhs_mistyped")
# Letters people mishear or mistype for each other (phonetic neighbours and keyboard slips).
_CONFUSED = {
    "a": "eo",
    "e": "ai",
    "i": "ey",
    "o": "au",
    "u": "oa",
    "y": "ie",
    "c": "ks",
    "k": "c",
    "s": "zc",
    "z": "s",
    "f": "v",
    "v": "f",
    "m": "n",
    "n": "m",
    "t": "d",
    "d": "t",
    "b": "p",
    "p": "b",
    "g": "j",
    "j": "g",
    "l": "ll",
    "r": "rr",
    "h": "",
}


@lru_cache(maxsize=1)
def _nicknamer():
    from nicknames import NickNamer

    return NickNamer()


def misspell(name: str, rng: random.Random) -> str | None:
    """One slip: a confused letter, a letter dropped, doubled, or two swapped."""
    if len(name) < 3:
        return None
    lower = name.lower()
    for _ in range(10):
        i = rng.randrange(1, len(name))  # first letters are rarely wrong
        how = rng.choice(("confuse", "drop", "double", "swap"))
        if how == "confuse" and _CONFUSED.get(lower[i]):
            changed = name[:i] + rng.choice(_CONFUSED[lower[i]]) + name[i + 1 :]
        elif how == "drop" and len(name) > 3:
            changed = name[:i] + name[i + 1 :]
        elif how == "double":
            changed = name[:i] + name[i] + name[i:]
        elif how == "swap" and i + 1 < len(name):
            changed = name[:i] + name[i + 1] + name[i] + name[i + 2 :]
        else:
            continue
        if changed.lower() != lower:
            return changed
    return None


def nickname(forename: str, rng: random.Random) -> str | None:
    """A name the child is known by (William to Billy), capitalised like the forename."""
    known = sorted(_nicknamer().nicknames_of(forename))
    known = [n for n in known if len(n) > 1 and n != forename.lower()]
    return rng.choice(known).capitalize() if known else None


def swap_day_month(born: datetime.date) -> datetime.date | None:
    """The American order, or a form filled in wrongly: 3 April becomes 4 March."""
    if born.day > 12 or born.day == born.month:
        return None
    try:
        return born.replace(month=born.day, day=born.month)
    except ValueError:
        return None


def mistype_nhs_number(number: str, rng: random.Random) -> str:
    """One digit wrong, or two neighbours swapped: both fail the Modulus 11 check, as real slips do."""
    digits = list(normalise_nhs_number(number))
    i = rng.randrange(len(digits) - 1)
    if digits[i] != digits[i + 1] and rng.random() < 0.5:
        digits[i], digits[i + 1] = digits[i + 1], digits[i]
    else:
        digits[i] = rng.choice([d for d in "0123456789" if d != digits[i]])
    return "".join(digits)


def as_typed(value: str, rng: random.Random, upper_share: float = 0.15) -> str:
    """How another system writes the same name: sometimes in capitals, sometimes with stray spaces."""
    if rng.random() < upper_share:
        value = value.upper()
    if rng.random() < 0.03:
        value = f" {value} "
    return value


def postcode_as_typed(postcode: str, rng: random.Random) -> str:
    if rng.random() < 0.1:
        return postcode.replace(" ", "")
    if rng.random() < 0.1:
        return postcode.lower()
    return postcode


def nhs_as_typed(number: str, rng: random.Random) -> str:
    """NHS numbers are often written 3-3-4 with spaces."""
    if number and rng.random() < 0.4:
        return f"{number[:3]} {number[3:6]} {number[6:]}"
    return number
