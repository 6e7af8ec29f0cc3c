"""National benchmarking: the council's quartile, the England average and the statistical-neighbour average.

How the quartile is worked out (docs/performance.md says why):

1. Take every local authority's value for the indicator in the most recent benchmark year that
   ended on or before the end of the council's figure's period. Leave out England's own row, any
   suppressed value, and the council's own published value: the council's current figure takes
   its place, which is how the scrutiny report places "this quarter" against "the latest national year".
2. Rank best first by polarity (high good: largest first; low good: smallest first). Tied values
   share the best rank among them (1, 2, 2, 4), so tied authorities always fall in the same quartile.
3. With n authorities and the council ranked r, the quartile is ceil(4r / n): ranks up to n/4 are
   the 1st (top) quartile, up to n/2 the 2nd, up to 3n/4 the 3rd, the rest the 4th.
An indicator with no polarity has no quartile.
"""

import math
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Q

from . import conf, periods, registry, tables
from .definitions import Polarity
from .models import BenchmarkValue, StatisticalNeighbour
from .periods import PeriodError, YearKind
from .tables import RowError, TableError

ENGLAND_CODES = {"E92000001", "ENG"}  # England's ONS code, or a short form
SUPPRESSED = {"x", "c", "z", "u", "low", ".", "..", ":", "-", "n/a", "na"}
MAX_NEIGHBOURS = 10


@dataclass(frozen=True)
class Benchmark:
    year: str
    quartile: int | None
    rank: int | None
    out_of: int
    england_average: Decimal | None
    neighbour_average: Decimal | None


def quartile(value: Decimal, others: list[Decimal], polarity: Polarity) -> tuple[int | None, int | None, int]:
    """(quartile, rank, number of authorities) for `value` among the other authorities' values."""
    if polarity == Polarity.NONE or value is None or not others:
        return None, None, len(others) + 1
    n = len(others) + 1
    if polarity == Polarity.HIGH_GOOD:
        better = sum(1 for other in others if other > value)
    else:
        better = sum(1 for other in others if other < value)
    rank = better + 1
    return min(4, math.ceil(4 * rank / n)), rank, n


def _mean(values) -> Decimal | None:
    values = [v for v in values if v is not None]
    if not values:
        return None
    return (sum(values) / len(values)).quantize(Decimal("0.0001"))


def council_code() -> str:
    """This council's code in the benchmark files."""
    code = conf.get("LA_CODE")
    if code:
        return code
    from council.models import LocalAuthority

    la = LocalAuthority.objects.first()
    return la.dfe_code if la else ""


def benchmarks_for(items, la_code: str | None = None) -> dict:
    """Benchmarks for many figures in three queries.

    `items` are (indicator, value, period_end); the answer maps indicator code -> Benchmark, for
    indicators with a benchmark key and national data for a year ending by `period_end`.
    """
    la_code = council_code() if la_code is None else la_code
    items = [(i, v, end) for i, v, end in items if i.benchmark_key and v is not None]
    if not items:
        return {}
    keys = {i.benchmark_key for i, _, _ in items}
    years = defaultdict(list)
    for key, label, year_end in (
        BenchmarkValue.objects.filter(indicator_key__in=keys)
        .values_list("indicator_key", "year", "year_end")
        .distinct()
    ):
        years[key].append((year_end, label))
    chosen = {}
    for indicator, _, end in items:
        usable = sorted(y for y in years[indicator.benchmark_key] if y[0] <= end)
        if usable:
            chosen[indicator.code] = (indicator.benchmark_key, usable[-1][1])
    if not chosen:
        return {}
    pairs = set(chosen.values())
    where = Q()
    for key, label in pairs:
        where |= Q(indicator_key=key, year=label)
    national = defaultdict(dict)
    for key, label, code, value in BenchmarkValue.objects.filter(where).values_list(
        "indicator_key", "year", "la_code", "value"
    ):
        national[(key, label)][code] = value
    neighbours = set(
        StatisticalNeighbour.objects.filter(la_code=la_code).values_list("neighbour_code", flat=True)
    )
    answer = {}
    for indicator, value, _ in items:
        if indicator.code not in chosen:
            continue
        key, label = chosen[indicator.code]
        by_la = national[(key, label)]
        las = {code: v for code, v in by_la.items() if code not in ENGLAND_CODES}
        others = [v for code, v in las.items() if code != la_code and v is not None]
        q, rank, n = quartile(value, others, indicator.polarity)
        england = next((by_la[c] for c in ENGLAND_CODES if by_la.get(c) is not None), None)
        answer[indicator.code] = Benchmark(
            year=label,
            quartile=q,
            rank=rank,
            out_of=n,
            england_average=england if england is not None else _mean(las.values()),
            neighbour_average=_mean(las.get(code) for code in neighbours),
        )
    return answer


def averages_beside(indicator, period_ends, la_code: str | None = None) -> tuple[list, list]:
    """The England and statistical-neighbour averages of the national year each period falls in (the latest
    year ending by the period's end), for trend lines: two lists, None where there is no national year."""
    if not indicator.benchmark_key:
        return [None] * len(period_ends), [None] * len(period_ends)
    la_code = council_code() if la_code is None else la_code
    by_year = defaultdict(dict)
    ends = {}
    for label, year_end, code, value in BenchmarkValue.objects.filter(
        indicator_key=indicator.benchmark_key
    ).values_list("year", "year_end", "la_code", "value"):
        by_year[label][code] = value
        ends[label] = year_end
    neighbours = set(
        StatisticalNeighbour.objects.filter(la_code=la_code).values_list("neighbour_code", flat=True)
    )
    england, beside = [], []
    for end in period_ends:
        usable = sorted((year_end, label) for label, year_end in ends.items() if year_end <= end)
        if not usable:
            england.append(None)
            beside.append(None)
            continue
        by_la = by_year[usable[-1][1]]
        las = {code: v for code, v in by_la.items() if code not in ENGLAND_CODES}
        national = next((by_la[c] for c in ENGLAND_CODES if by_la.get(c) is not None), None)
        england.append(national if national is not None else _mean(las.values()))
        beside.append(_mean(las.get(code) for code in neighbours))
    return england, beside


# Importing national values and statistical neighbours.

BENCHMARK_COLUMNS = ("la_code", "la_name", "indicator", "year", "value")
NEIGHBOUR_COLUMNS = ("la_code", "neighbour_code", "rank")


@dataclass(frozen=True)
class BenchmarkImport:
    values: int
    skipped_indicators: tuple[str, ...]

    def __str__(self):
        text = f"{self.values} benchmark values loaded"
        if self.skipped_indicators:
            text += f"; skipped indicators Thrive does not use: {', '.join(self.skipped_indicators)}"
        return text


def _benchmark_year(cell, year_kind: YearKind):
    """ "2023/24" or the DfE's "202324" -> the year's Period."""
    raw = tables.text(cell)
    digits = raw.replace("/", "")
    if len(digits) == 6 and digits.isdigit():
        raw = f"{digits[:4]}/{digits[4:]}"
    period = periods.parse(raw, year_kind)
    if period.kind != "year":
        raise PeriodError(f"'{tables.text(cell)}' is not a year like 2023/24")
    return periods.year(period.start.year, year_kind)


def import_benchmarks(data: bytes, filename: str) -> BenchmarkImport:
    """Load national values, all or nothing. Rows for indicators Thrive does not use are skipped."""
    table = tables.read(data, filename, BENCHMARK_COLUMNS)
    indicators = registry.all_indicators()
    by_key = {i.benchmark_key: i for i in indicators if i.benchmark_key}
    by_key.update({i.code: i for i in indicators if i.benchmark_key})
    errors, records, seen, skipped = [], [], {}, set()
    for row, record in table.rows:
        before = len(errors)
        name = tables.text(record["indicator"])
        indicator = by_key.get(name)
        if indicator is None:
            if not name:
                errors.append(RowError(row, "indicator", "is blank"))
            else:
                skipped.add(name)
            continue
        for column in ("la_code", "la_name"):
            if not tables.text(record[column]):
                errors.append(RowError(row, column, "is blank"))
        try:
            year = _benchmark_year(record["year"], indicator.year_kind)
        except PeriodError as error:
            errors.append(RowError(row, "year", str(error)))
            year = None
        value = None
        if tables.text(record["value"]).lower() not in SUPPRESSED:
            try:
                value = tables.number(record["value"])
            except ValueError as error:
                errors.append(RowError(row, "value", f"{error} (or a suppression mark such as x or c)"))
        if len(errors) > before:
            continue
        key = (indicator.benchmark_key, year.label, tables.text(record["la_code"]))
        if not tables.check_fits(
            BenchmarkValue,
            row,
            {
                "la_code": ("la_code", key[2]),
                "la_name": ("la_name", tables.text(record["la_name"])),
                "value": ("value", value),
            },
            errors,
        ):
            continue
        if key in seen:
            errors.append(RowError(row, None, f"{' '.join(key)} is already given on row {seen[key]}"))
            continue
        seen[key] = row
        records.append(
            BenchmarkValue(
                indicator_key=key[0],
                year=key[1],
                year_end=year.end,
                la_code=key[2],
                la_name=tables.text(record["la_name"]),
                value=value,
            )
        )
    if errors:
        raise TableError(errors)
    with transaction.atomic():
        for key, label in {(r.indicator_key, r.year) for r in records}:
            BenchmarkValue.objects.filter(indicator_key=key, year=label).delete()
        BenchmarkValue.objects.bulk_create(records, batch_size=1000)
    return BenchmarkImport(len(records), tuple(sorted(skipped)))


def import_neighbours(data: bytes, filename: str) -> int:
    """Load statistical neighbours (la_code, neighbour_code, rank), replacing each listed LA's list."""
    table = tables.read(data, filename, NEIGHBOUR_COLUMNS)
    errors, links, counts, seen = [], [], defaultdict(int), {}
    for row, record in table.rows:
        before = len(errors)
        la, neighbour = tables.text(record["la_code"]), tables.text(record["neighbour_code"])
        for column, text in (("la_code", la), ("neighbour_code", neighbour)):
            if not text:
                errors.append(RowError(row, column, "is blank"))
        tables.check_fits(
            StatisticalNeighbour,
            row,
            {"la_code": ("la_code", la), "neighbour_code": ("neighbour_code", neighbour)},
            errors,
        )
        if la and la == neighbour:
            errors.append(RowError(row, "neighbour_code", f"{la} cannot be its own neighbour"))
        try:
            rank = tables.number(record["rank"])
            if rank != int(rank) or not 1 <= rank <= MAX_NEIGHBOURS:
                raise ValueError(
                    f"'{tables.text(record['rank'])}' is not a whole number from 1 to {MAX_NEIGHBOURS}"
                )
        except ValueError as error:
            errors.append(RowError(row, "rank", str(error)))
        if len(errors) > before:
            continue
        if (la, neighbour) in seen:
            errors.append(
                RowError(row, None, f"{la} -> {neighbour} is already given on row {seen[(la, neighbour)]}")
            )
            continue
        seen[(la, neighbour)] = row
        counts[la] += 1
        if counts[la] > MAX_NEIGHBOURS:
            errors.append(RowError(row, "la_code", f"{la} has more than {MAX_NEIGHBOURS} neighbours"))
        links.append(StatisticalNeighbour(la_code=la, neighbour_code=neighbour, rank=int(rank)))
    if errors:
        raise TableError(errors)
    with transaction.atomic():
        StatisticalNeighbour.objects.filter(la_code__in=counts).delete()
        StatisticalNeighbour.objects.bulk_create(links)
    return len(links)
