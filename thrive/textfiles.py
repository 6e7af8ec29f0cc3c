"""Reading text and CSV files that people upload or import, with a plain refusal for what cannot be read.

Councils' files come from Excel and older case systems: UTF-8 (with or without a byte-order mark),
UTF-16 (Excel's "Unicode text") or Windows-1252 (Excel's "CSV" on Windows). Anything else is refused
with a message naming the file and saying how to save it, rather than guessed at: a wrong guess would
load misspelt names or codes without anyone noticing.

CSV fields longer than csv.field_size_limit() (131,072 characters) are refused too, naming the row:
no field of a return or a table of figures is anywhere near that long.
"""

import codecs
import csv
import io

SAVE_AS = "Save it again as 'CSV UTF-8' (in Excel: File, Save As, CSV UTF-8) and try again."


class UnreadableFile(ValueError):
    """The file cannot be read as text; `where` says where (a row), or is empty for the whole file."""

    def __init__(self, message: str, where: str = ""):
        super().__init__(message)
        self.message = message
        self.where = where


def decode(data: bytes, name: str) -> str:
    """The file's text: UTF-8, UTF-16 with a byte-order mark, or Windows-1252; else UnreadableFile."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "cp1252")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break  # a binary file (or UTF-16 without its mark) that happened to decode
        return text
    raise UnreadableFile(f"The file {name} is not text in a character encoding Thrive can read. {SAVE_AS}")


def read_file(path) -> str:
    """A file on disk, decoded as `decode` does; OSError if it cannot be opened."""
    with open(path, "rb") as handle:
        return decode(handle.read(), getattr(path, "name", str(path)))


def csv_rows(text: str, name: str, **reader_options) -> list[list[str]]:
    """Every row of a CSV text; UnreadableFile naming the row when the csv module cannot read one."""
    reader = csv.reader(io.StringIO(text, newline=""), **reader_options)
    rows = []
    try:
        for row in reader:
            rows.append(row)
    except csv.Error as error:
        raise UnreadableFile(_csv_problem(error, name, reader.line_num), f"row {reader.line_num}") from None
    return rows


def csv_dicts(text: str, name: str) -> tuple[list[str], list[dict]]:
    """The headings and each later row as heading -> cell (missing cells None), as csv.DictReader gives."""
    rows = csv_rows(text, name)
    if not rows:
        return [], []
    headings = rows[0]
    return headings, [
        dict(zip(headings, row + [None] * (len(headings) - len(row)))) for row in rows[1:] if row
    ]


def _csv_problem(error: csv.Error, name: str, line: int) -> str:
    if "field larger than field limit" in str(error):
        return (
            f"Row {line} of {name} has a cell longer than {csv.field_size_limit():,} characters, far longer "
            "than any field Thrive reads. Check it is the right file and its quotation marks are paired."
        )
    return f"Row {line} of {name} cannot be read as CSV ({error}). {SAVE_AS}"
