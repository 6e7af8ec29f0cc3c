"""The report's words, generated from its figures in the style of the published reports:

    The percentage of child protection cases which were reviewed within timescales was 88.0% at the
    end of Quarter 4 2024/25, with 294 of 334 children. This is a decrease from 90.7% (284 of 313) at
    the end of Quarter 3 2024/25, a deterioration. This places Leicestershire in the third quartile of
    local authorities against 2023/24 national figures. The target is more than 97.2%: rated amber.

Every number and word of judgement comes from a report line (value, counts, previous figure,
direction of travel, quartile, target and RAG from the rules), so the text cannot disagree with
the table beneath it.
"""

import re

from .definitions import ValueType
from .periods import Span
from .rating import QUARTILES, Dot, Rag

QUARTILE_WORDS = {1: "top", 2: "second", 3: "third", 4: "bottom"}
NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
COMPARATOR_WORDS = {">": "more than", ">=": "at least", "<": "less than", "<=": "at most"}
SUBJECTS = {
    ValueType.PERCENT: "The percentage of {}",
    ValueType.NUMBER: "The number of {}",
    ValueType.RATE: "The {}",
    ValueType.SCORE: "The {} score",
}
DOT_WORDS = {Dot.IMPROVE: ", an improvement", Dot.WORSE: ", a deterioration"}
_QUARTER = re.compile(r"^Q([1-4]) (\d{4}/\d{2})$")


def spoken(label: str) -> str:
    """ "Q4 2024/25" -> "Quarter 4 2024/25"; other labels as they are."""
    m = _QUARTER.match(label)
    return f"Quarter {m[1]} {m[2]}" if m else label


def when(label: str, span: Span) -> str:
    if span == Span.AT_END:
        return f"at the end of {spoken(label)}"
    if span == Span.YEAR_TO_DATE:
        return f"in the year to the end of {spoken(label)}"
    return f"in {spoken(label)}"


def in_words(number: int) -> str:
    return NUMBER_WORDS[number] if 0 <= number < len(NUMBER_WORDS) else f"{number:,}"


def listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _of(indicator, numerator, denominator) -> str:
    """ "294 of 334 children"."""
    return f"{numerator:,.0f} of {indicator.counted(denominator)}"


def _latest(line) -> str:
    indicator = line.indicator
    text = (
        f"{SUBJECTS[indicator.value_type].format(indicator.described_as)} was {indicator.format(line.value)} "
        f"{when(line.period_label, indicator.span)}"
    )
    if line.numerator is not None and line.denominator is not None:
        if indicator.value_type == ValueType.PERCENT:
            text += f", with {_of(indicator, line.numerator, line.denominator)}"
        elif indicator.value_type == ValueType.RATE:
            text += (
                f": {indicator.counted(line.numerator)} in a population of {line.denominator:,.0f} children"
            )
    return text + "."


def _compared(line) -> str:
    if line.previous_value is None:
        return ""
    indicator = line.indicator
    previous = indicator.format(line.previous_value)
    if indicator.value_type == ValueType.PERCENT and line.previous_denominator is not None:
        previous += f" ({line.previous_numerator:,.0f} of {line.previous_denominator:,.0f})"
    if line.movement == "same":
        change = "the same as"
    elif line.dot == Dot.NO_CHANGE:
        change = "similar to"
    else:
        change = "an increase from" if line.movement == "up" else "a decrease from"
    previous_when = when(line.previous_label, indicator.span)
    return f"This is {change} {previous} {previous_when}{DOT_WORDS.get(line.dot, '')}."


def _in_period(line) -> str:
    """For a year-to-date figure, the quarter alone, as the reports give it."""
    indicator = line.indicator
    if indicator.span != Span.YEAR_TO_DATE or not line.in_period_denominator:
        return ""
    text = (
        f"Within {spoken(line.period_label)} alone it was "
        f"{indicator.format(100 * line.in_period_numerator / line.in_period_denominator)} "
        f"({_of(indicator, line.in_period_numerator, line.in_period_denominator)})"
    )
    if line.previous_in_period_denominator:
        text += (
            ", compared with "
            f"{_of(indicator, line.previous_in_period_numerator, line.previous_in_period_denominator)}"
            f" within {spoken(line.previous_label)}"
        )
    return text + "."


def _benchmarks(line, council: str) -> str:
    indicator, sentences = line.indicator, []
    if line.quartile:
        text = f"This places {council} in the {QUARTILE_WORDS[line.quartile]} quartile of local authorities"
        if line.benchmark_year:
            text += f" against {line.benchmark_year} national figures"
        elif line.quartile_source == "published":
            text += ", as printed on the published dashboard"
        sentences.append(text + ".")
    averages = [
        f"{name} {indicator.format(value)}"
        for name, value in (
            ("the England average is", line.england_average),
            ("the statistical neighbour average is", line.neighbour_average),
        )
        if value is not None
    ]
    if averages:
        text = listed(averages)
        sentences.append(text[0].upper() + text[1:] + ".")
    return " ".join(sentences)


def _target(line) -> str:
    indicator = line.indicator
    if line.rag == Rag.NA:
        return ""
    rated = f"rated {line.rag.label.lower()}"
    if indicator.target:
        target = indicator.target
        return (
            f"The target is {COMPARATOR_WORDS[target.comparator]} {indicator.format(target.value)}: {rated}."
        )
    return f"There is no target: {rated} by the national quartile."


def paragraph(line, report) -> str:
    sentences = (
        _latest(line),
        _compared(line),
        _in_period(line),
        _benchmarks(line, report.council),
        _target(line),
    )
    return " ".join(sentence for sentence in sentences if sentence)


def introduction(report) -> list[str]:
    """The report's opening paragraphs: what it covers, and the counters in words."""
    period, summary = report.period, report.summary
    paragraphs = [
        f"This report presents the Children and Family Services Department's performance for "
        f"{spoken(period.label)} ({period.start.day} {period.start:%B %Y} to {period.end.day} "
        f"{period.end:%B %Y}), "
        f"covering the {in_words(len(report.lines))} indicator{'' if len(report.lines) == 1 else 's'} "
        "with figures "
        "for the period."
    ]
    if summary.benchmarked:
        placed = [
            f"{in_words(summary.quartile[q])} {'is' if summary.quartile[q] == 1 else 'are'} in the "
            f"{QUARTILE_WORDS[q]} quartile"
            for q in QUARTILES
            if summary.quartile[q]
        ]
        paragraphs.append(
            f"From {in_words(summary.benchmarked)} measures reported that have a national benchmark, "
            f"{listed(placed)}."
        )
    rated = [
        f"{in_words(summary.rag[rag])} {rag.label.lower()}"
        for rag in (Rag.GREEN, Rag.AMBER, Rag.RED)
        if summary.rag[rag]
    ]
    moved = [
        f"{in_words(summary.dot[dot])} {words}"
        for dot, words in (
            (Dot.IMPROVE, "improved"),
            (Dot.NO_CHANGE, "showed no change"),
            (Dot.WORSE, "were worse"),
        )
        if summary.dot[dot]
    ]
    sentences = []
    if rated:
        sentences.append(f"Against targets and national quartiles, the ratings are {listed(rated)}.")
    if moved:
        sentences.append(f"Compared with their previous figures, {listed(moved)}.")
    if sentences:
        paragraphs.append(" ".join(sentences))
    return paragraphs
