"""Reading an uploaded table (CSV or Excel) and reporting what is wrong with it in plain words.

Rows are numbered as a spreadsheet shows them: the heading row is row 1, so the first figure is
on row 2. Every problem is reported with its row and column, e.g.
"row 7, column 'value': 'abc' is not a number", so the person who made the file can fix it.
"""

import datetime
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from thrive import textfiles

MAX_ROWS = 100_000  # far more than any table of figures; a bigger sheet is the wrong file (or a zip bomb)


@dataclass(frozen=True)
class RowError:
    row: int | None
    column: str | None
    message: str

    def __str__(self):
        if self.row is None:
            return self.message
        if self.column is None:
            return f"row {self.row}: {self.message}"
        return f"row {self.row}, column '{self.column}': {self.message}"


class TableError(Exception):
    """Raised with every problem found, so nothing is loaded from a file with any problem."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("; ".join(str(e) for e in self.errors))


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[tuple[int, dict]]  # (spreadsheet row number, column -> cell)


def _column(heading) -> str:
    return "_".join(str(heading or "").strip().lower().split())


def _read_csv(data: bytes, filename: str) -> list[list]:
    """UTF-8, UTF-16 or Windows-1252 (CSV saved from Excel on Windows); anything else is refused by name."""
    try:
        return textfiles.csv_rows(textfiles.decode(data, filename), filename)
    except textfiles.UnreadableFile as error:
        raise TableError([RowError(None, None, error.message)]) from None


def _excel_cell(cell):
    """A cell's value; a percentage-formatted cell (0.826 shown as 82.6%) gives 82.6."""
    value = cell.value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = Decimal(str(value))
        return number * 100 if "%" in (cell.number_format or "") else number
    return value


def _read_excel(data: bytes) -> list[list]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        raise TableError(
            [RowError(None, None, "The file could not be read as an Excel workbook (.xlsx).")]
        ) from None
    try:
        rows = []
        for row in workbook.worksheets[0].iter_rows():
            rows.append([_excel_cell(cell) for cell in row])
            if len(rows) > MAX_ROWS:
                raise TableError(
                    [
                        RowError(
                            None,
                            None,
                            f"The workbook has more than {MAX_ROWS:,} rows: "
                            "Thrive reads one table of figures per file.",
                        )
                    ]
                )
    except TableError:
        raise
    except Exception:  # a damaged sheet inside a workbook that opened, or no sheet at all
        raise TableError(
            [
                RowError(
                    None,
                    None,
                    "The workbook's first sheet could not be read. Open it in Excel, "
                    "save it again as .xlsx and try again.",
                )
            ]
        ) from None
    finally:
        workbook.close()
    return rows


def read(data: bytes, filename: str, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> Table:
    """The rows of a CSV or Excel file whose first row names the columns."""
    suffix = Path(filename).suffix.lower()
    if suffix == ".csv":
        grid = _read_csv(data, Path(filename).name)
    elif suffix in (".xlsx", ".xlsm"):
        grid = _read_excel(data)
    else:
        raise TableError(
            [RowError(None, None, "The file must be a CSV file (.csv) or an Excel workbook (.xlsx).")]
        )
    if not grid:
        raise TableError([RowError(None, None, "The file is empty.")])
    columns = [_column(h) for h in grid[0]]
    errors = [RowError(1, c, "this column is missing") for c in required if c not in columns]
    allowed = set(required) | set(optional)
    errors += [
        RowError(1, c, f"is not a column Thrive knows (expected {', '.join((*required, *optional))})")
        for c in columns
        if c and c not in allowed
    ]
    if errors:
        raise TableError(errors)
    rows = []
    for number, cells in enumerate(grid[1:], start=2):
        record = {c: cells[i] if i < len(cells) else None for i, c in enumerate(columns) if c}
        if any(not blank(v) for v in record.values()):
            rows.append((number, record))
    return Table(columns, rows)


def blank(cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def text(cell) -> str:
    if isinstance(cell, Decimal):
        return format(cell.normalize(), "f")
    return "" if cell is None else str(cell).strip()


def number(cell) -> Decimal:
    """A number from a cell: "1,247", "82.6%", "-0.09" or a spreadsheet number. ValueError if not one."""
    if isinstance(cell, Decimal):
        return cell
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return Decimal(str(cell))
    raw = text(cell)
    cleaned = raw.replace(",", "").replace("\u2212", "-").removesuffix("%").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"'{raw}' is not a number") from None
    if not value.is_finite():
        raise ValueError(f"'{raw}' is not a number")
    return value


def date(cell) -> datetime.date:
    """A date from a cell: a spreadsheet date or "2025-03-31". ValueError if not one."""
    if isinstance(cell, datetime.datetime):
        return cell.date()
    if isinstance(cell, datetime.date):
        return cell
    raw = text(cell)
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        raise ValueError(f"'{raw}' is not a date like 2025-03-31") from None


def check_fits(model, row: int, values: dict, errors: list) -> bool:
    """Whether each value fits the model field it is for, else a RowError naming the column.

    `values` maps a field name to (column, value). Text must be within the field's max_length and a
    number within its digits before the decimal point (decimals beyond its places are rounded on saving,
    as a spreadsheet's 82.63333 is). Checked before saving, so a file never fails half-way on PostgreSQL.
    """
    before = len(errors)
    for name, (column, value) in values.items():
        field = model._meta.get_field(name)
        if value is None:
            continue
        max_length = getattr(field, "max_length", None)
        if isinstance(value, str) and max_length and len(value) > max_length:
            errors.append(RowError(row, column, f"is longer than {max_length} characters"))
        digits = getattr(field, "max_digits", None)
        if (
            isinstance(value, Decimal)
            and digits
            and abs(value) >= Decimal(10) ** (digits - field.decimal_places)
        ):
            errors.append(RowError(row, column, f"'{text(value)}' is too large a number"))
    return len(errors) == before
