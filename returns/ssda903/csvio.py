"""Writing the 903's CSV files a child at a time, and reading a council's files back."""

import csv
import datetime
from pathlib import Path

from thrive import limits, textfiles

from ..problems import Problem
from .tables import DATE_FORMAT, DATES, FLAGS, INTEGERS, tables_for


def _text(column, value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime.date):
        return value.strftime(DATE_FORMAT)
    return str(value)


def write(folder: Path, year, children) -> int:
    """One CSV per table in `folder`; returns the number of children (header rows)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    tables = tables_for(year.year)
    files = {name: open(folder / file, "w", newline="", encoding="utf-8") for name, file, _ in tables}
    try:
        writers = {name: csv.writer(files[name]) for name, _, _ in tables}
        for name, _, columns in tables:
            writers[name].writerow(columns)
        count = 0
        for child in children:
            count += 1
            for name, _, columns in tables:
                for row in child.get(name) or []:
                    writers[name].writerow([_text(c, row.get(c)) for c in columns])
    finally:
        for handle in files.values():
            handle.close()
    return count


def _value(column, raw: str):
    raw = (raw or "").strip()
    if raw == "":
        return None
    if len(raw) > limits.RETURN_ITEM:
        raise ValueError(f"longer than any 903 item ({limits.RETURN_ITEM} characters)")
    if column in DATES:
        return limits.within_dates(datetime.datetime.strptime(raw, DATE_FORMAT).date())
    if column in FLAGS:
        if raw not in {"0", "1"}:
            raise ValueError(f"'{raw}' is not 0 or 1")
        return raw == "1"
    if column in INTEGERS:
        return limits.within_count(int(raw))
    return raw


def read_table(path: Path, name: str, columns, problems: list) -> list[dict]:
    """The rows of one table, typed; a row with a bad value is reported and its value left blank."""
    rows = []
    try:
        headings, records = textfiles.csv_dicts(textfiles.read_file(path), path.name)
    except textfiles.UnreadableFile as error:
        problems.append(Problem(path.name, error.where or "the whole file", "", error.message))
        return rows
    except OSError as error:
        problems.append(
            Problem(path.name, "the whole file", "", f"The file cannot be opened ({error.strerror}).")
        )
        return rows
    missing = [c for c in columns if c not in headings]
    if missing:
        problems.append(
            Problem(path.name, "the first row", ", ".join(missing), f"The {name} file needs these columns.")
        )
        return rows
    for number, raw in enumerate(records, 2):
        where = f"row {number} (CHILD {(raw.get('CHILD') or '').strip()[: limits.RETURN_ITEM]})"
        row = {"_where": where}
        for column in columns:
            try:
                row[column] = _value(column, raw.get(column))
            except ValueError as error:
                shown = (raw.get(column) or "")[: limits.RETURN_ITEM]
                problems.append(Problem(path.name, where, column, f"'{shown}' is not valid ({error})."))
                row[column] = None
        rows.append(row)
    return rows


def find_files(folder: Path, year: int) -> dict[str, Path]:
    """The table files present in a folder, by table name."""
    return {name: Path(folder) / file for name, file, _ in tables_for(year) if (Path(folder) / file).exists()}
