"""The report as a file: JSON, CSV and Excel of the table; HTML and PDF of the whole report.

The table's columns are declared once (`COLUMNS`) for every format. CSV, Excel and JSON carry the
figures as numbers at the precision held; HTML and PDF print them as the dashboard does.
"""

import base64
import csv
import hashlib
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.template.loader import render_to_string

from .rating import QUARTILE_NAMES

COLUMNS: tuple[tuple[str, Callable], ...] = (
    ("Outcome", lambda line: line.indicator.outcome),
    ("Area", lambda line: line.indicator.area),
    ("Indicator", lambda line: line.indicator.name),
    ("Code", lambda line: line.indicator.code),
    ("Value type", lambda line: line.indicator.value_type.label),
    ("Polarity", lambda line: line.indicator.polarity.label),
    ("Period", lambda line: line.period_label),
    ("Value", lambda line: line.value),
    ("Numerator", lambda line: line.numerator),
    ("Denominator", lambda line: line.denominator),
    ("Previous period", lambda line: line.previous_label),
    ("Previous value", lambda line: line.previous_value),
    ("Direction of travel", lambda line: line.dot.label),
    ("Target", lambda line: line.indicator.target_text),
    ("RAG", lambda line: line.rag.label),
    ("National quartile", lambda line: QUARTILE_NAMES.get(line.quartile, "n.a.")),
    ("Statistical neighbour average", lambda line: line.neighbour_average),
    ("Origin", lambda line: line.origin),
)


def _plain(value):
    """A Decimal without trailing zeros (26.4, not 26.4000); None as blank."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return value


def table(report) -> list[list]:
    return [[column(line) for _, column in COLUMNS] for line in report.lines]


def to_csv(report) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([heading for heading, _ in COLUMNS])
    writer.writerows([_plain(cell) for cell in row] for row in table(report))
    return out.getvalue().encode("utf-8-sig")  # with a BOM, so Excel opens it as UTF-8


WIDTHS = {
    "Outcome": 28,
    "Area": 24,
    "Indicator": 48,
    "Code": 24,
    "Value type": 11,
    "Polarity": 11,
    "Period": 14,
    "Value": 10,
    "Numerator": 11,
    "Denominator": 12,
    "Previous period": 15,
    "Previous value": 14,
    "Direction of travel": 18,
    "Target": 10,
    "RAG": 8,
    "National quartile": 16,
    "Statistical neighbour average": 16,
    "Origin": 20,
}
COUNT_COLUMNS = {"Numerator", "Denominator"}
VALUE_COLUMNS = {"Value", "Previous value", "Statistical neighbour average"}
RAG_FILLS = {"Green": "C6EFCE", "Amber": "FFEB9C", "Red": "FFC7CE"}  # Excel's own good, neutral, bad
HEADER_FILL = "DEE0E2"


def value_format(indicator) -> str:
    """How Excel shows the indicator's values: "26.4%" for a percentage held as 26.4, whole counts with
    commas."""
    places = "0" if indicator.places == 0 else "0." + "0" * indicator.places
    if indicator.value_type == "percent":
        return f'{places}"%"'
    return f"#,##{places}" if indicator.value_type == "number" else places


def _heading_row(sheet, headings, widths) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet.append(headings)
    for n, (cell, heading) in enumerate(zip(sheet[1], headings), start=1):
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(n)].width = widths.get(heading, 14)
    sheet.freeze_panes = "A2"


def to_xlsx(report) -> bytes:
    """The quarter's table formatted to read (widths, percentages, whole counts, RAG fills), then a History
    sheet with every figure held for its indicators up to the quarter's end."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, PatternFill

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = report.period.label.replace("/", "-")[:31]
    headings = [heading for heading, _ in COLUMNS]
    _heading_row(sheet, headings, WIDTHS)
    for line, row in zip(report.lines, table(report)):
        sheet.append([None if cell == "" else cell for cell in row])
        for heading, cell in zip(headings, sheet[sheet.max_row]):
            cell.alignment = Alignment(wrap_text=heading in ("Indicator", "Outcome", "Area"), vertical="top")
            if heading in VALUE_COLUMNS and cell.value is not None:
                cell.number_format = value_format(line.indicator)
            elif heading in COUNT_COLUMNS and cell.value is not None:
                cell.number_format = "#,##0"
            elif heading == "RAG" and cell.value in RAG_FILLS:
                cell.fill = PatternFill("solid", fgColor=RAG_FILLS[cell.value])
    sheet.auto_filter.ref = sheet.dimensions
    _history_sheet(workbook.create_sheet("History"), report)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


HISTORY_COLUMNS = ("Indicator", "Code", "Period", "Period end", "Value", "Numerator", "Denominator", "Origin")


def _history_sheet(sheet, report) -> None:
    from .models import IndicatorValue

    _heading_row(sheet, list(HISTORY_COLUMNS), {**WIDTHS, "Period end": 12})
    indicators = {line.indicator.code: line.indicator for line in report.lines}
    figures = IndicatorValue.objects.filter(indicator_code__in=indicators, period_end__lte=report.period.end)
    order = list(indicators)
    for figure in sorted(
        figures, key=lambda f: (order.index(f.indicator_code), f.period_end, f.period_start)
    ):
        indicator = indicators[figure.indicator_code]
        sheet.append(
            [
                indicator.name,
                indicator.code,
                figure.period_label,
                figure.period_end,
                figure.value,
                figure.numerator,
                figure.denominator,
                figure.get_origin_display(),
            ]
        )
        row = sheet[sheet.max_row]
        row[3].number_format = "d mmm yyyy"
        row[4].number_format = value_format(indicator)
        for cell in row[5:7]:
            cell.number_format = "#,##0"
    sheet.auto_filter.ref = sheet.dimensions


def _json_value(value):
    return float(value) if isinstance(value, Decimal) else value


def to_json(report) -> bytes:
    document = {
        "council": report.council,
        "period": report.period.label,
        "period_start": report.period.start.isoformat(),
        "period_end": report.period.end.isoformat(),
        "snapshot": {
            "id": report.snapshot.pk,
            "frozen_at": report.snapshot.frozen_at.isoformat(),
            "frozen_by": str(report.snapshot.frozen_by),
        }
        if report.snapshot
        else None,
        "summary": report.summary.as_tuples(),
        "introduction": report.introduction,
        "sections": [
            {
                "outcome": section.outcome,
                "paragraphs": [{"number": n, "text": text} for n, text in section.paragraphs],
            }
            for section in report.sections
        ],
        "table": [
            {heading: _json_value(cell) for (heading, _), cell in zip(COLUMNS, row)} for row in table(report)
        ],
    }
    return json.dumps(document, indent=2).encode("utf-8")


def to_html(report) -> bytes:
    """The whole report as one self-contained page: the PDF's source, and a file to send on."""
    return render_to_string("performance/report_document.html", {"report": report}).encode("utf-8")


def style_hashes(html: bytes) -> list[str]:
    """CSP sources for the document's own <style> blocks, so the HTML report can be opened in Thrive
    without allowing inline styles anywhere else."""
    blocks = re.findall(rb"<style>(.*?)</style>", html, flags=re.DOTALL)
    return [f"'sha256-{base64.b64encode(hashlib.sha256(block).digest()).decode()}'" for block in blocks]


def to_pdf(report) -> bytes:
    import weasyprint  # imported when needed: it loads Pango and fonts

    return weasyprint.HTML(string=to_html(report).decode("utf-8")).write_pdf()


@dataclass(frozen=True)
class Format:
    render: Callable
    content_type: str


FORMATS = {
    "html": Format(to_html, "text/html; charset=utf-8"),
    "pdf": Format(to_pdf, "application/pdf"),
    "csv": Format(to_csv, "text/csv; charset=utf-8"),
    "xlsx": Format(to_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "json": Format(to_json, "application/json"),
}


def filename(report, extension: str) -> str:
    """ "performance-report-Q4-2024-25.pdf", with the snapshot's number when it is a frozen one."""
    stem = "performance-report-" + report.period.label.replace(" ", "-").replace("/", "-")
    if report.snapshot:
        stem += f"-snapshot-{report.snapshot.pk}"
    return f"{stem}.{extension}"
