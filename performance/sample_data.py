"""Synthetic benchmark samples: invented local authorities with invented values, made deterministically.

Nothing here is a real figure. The authorities have invented names and codes ("Z001"...), plus the
codes of Thrive's synthetic councils (990-993, 999) so a demo council can see its quartile. Values
are drawn around invented centres for each indicator, so the files have the right shape for
trying the importers and the quartile rules. `python manage.py make_performance_samples` writes
them to performance/samples/.
"""

import csv
import random
from decimal import Decimal
from pathlib import Path

from .definitions import ValueType
from .indicators import INDICATORS

SAMPLES_DIR = Path(__file__).resolve().parent / "samples"
YEARS = ("2022/23", "2023/24")
SYNTHETIC_COUNCILS = ("990", "991", "992", "993", "999")
INVENTED_LAS = 148
NEIGHBOURS = 10

_PREFIXES = (
    "Amber",
    "Bracken",
    "Corra",
    "Dewl",
    "Elder",
    "Fenn",
    "Gorse",
    "Heather",
    "Ivel",
    "Juniper",
    "Kestrel",
    "Lark",
    "Merrow",
    "Nettle",
    "Osier",
    "Plover",
    "Quill",
    "Rowan",
    "Sedge",
    "Tansy",
    "Umber",
    "Vetch",
    "Willow",
    "Yarrow",
    "Bramble",
    "Cobble",
    "Dunlin",
    "Ember",
)
_SUFFIXES = ("shire", "mere", "dale", "wold", "ham", "ford")

# Invented centre and spread of each indicator's values across authorities.
_SHAPES = {
    "cp_reviews_on_time": (91, 6),
    "cpp_second_or_later": (23, 5),
    "re_referrals": (22, 5),
    "assessments_45_days": (83, 9),
    "cpp_two_years": (3, 1.5),
    "care_leavers_suitable_accommodation": (88, 5),
    "care_leavers_eet": (55, 7),
    "cla_dental_checks": (80, 10),
    "cla_health_assessments": (88, 7),
    "cla_three_placements": (10, 3),
    "cla_long_term_stability": (70, 8),
    "cin_rate": (330, 60),
    "cp_rate": (42, 12),
    "cla_rate": (70, 20),
    "feee_two": (74, 8),
    "feee_three": (93, 4),
    "eyfs_gld": (67, 3),
    "eyfs_gld_fsm": (51, 4),
    "eyfs_gld_ehcp": (4, 2),
    "ks2_rwm": (59, 4),
    "ks2_rwm_fsm": (43, 5),
    "ks2_rwm_ehcp": (8, 3),
    "ks2_rwm_sen_support": (21, 4),
    "ks4_p8": (0, 0.15),
    "ks4_p8_fsm": (-0.6, 0.15),
    "ks4_p8_ehcp": (-1.1, 0.15),
    "ks4_p8_sen_support": (-0.45, 0.12),
    "neet_16_17": (3, 1.2),
    "suspension_rate": (3, 1.5),
    "permanent_exclusion_rate": (0.08, 0.04),
}
_DEFAULT_SHAPE = (88, 5)  # Ofsted judgements
_SUPPRESSED_SHARE = 0.02


def authorities(seed: int = 1) -> list[tuple[str, str]]:
    """(code, name) of every sample authority, in code order."""
    rng = random.Random(f"performance-sample-names-{seed}")
    names = [p + s for p in _PREFIXES for s in _SUFFIXES]
    rng.shuffle(names)
    las = [(f"Z{i:03d}", names[i - 1]) for i in range(1, INVENTED_LAS + 1)]
    return las + [(code, f"Synthetic council {code}") for code in SYNTHETIC_COUNCILS]


def _value(indicator, centre, spread, rng):
    value = Decimal(str(rng.gauss(centre, spread))).quantize(Decimal(1).scaleb(-indicator.places))
    if indicator.value_type == ValueType.PERCENT:
        value = min(max(value, Decimal(0)), Decimal(100))
    if indicator.value_type == ValueType.RATE:
        value = max(value, Decimal(0))
    return value


def national_rows(seed: int = 1) -> list[dict]:
    """la_code, la_name, indicator, year, value for every sample authority, indicator and year."""
    rng = random.Random(f"performance-sample-values-{seed}")
    rows = []
    las = authorities(seed)
    for indicator in INDICATORS:
        if not indicator.benchmark_key:
            continue
        centre, spread = _SHAPES.get(indicator.benchmark_key, _DEFAULT_SHAPE)
        for year in YEARS:
            values = []
            for code, name in las:
                if rng.random() < _SUPPRESSED_SHARE:
                    rows.append(
                        {
                            "la_code": code,
                            "la_name": name,
                            "indicator": indicator.benchmark_key,
                            "year": year,
                            "value": "x",
                        }
                    )
                    continue
                value = _value(indicator, centre, spread, rng)
                values.append(value)
                rows.append(
                    {
                        "la_code": code,
                        "la_name": name,
                        "indicator": indicator.benchmark_key,
                        "year": year,
                        "value": str(value),
                    }
                )
            england = (sum(values) / len(values)).quantize(Decimal(1).scaleb(-indicator.places))
            rows.append(
                {
                    "la_code": "E92000001",
                    "la_name": "England",
                    "indicator": indicator.benchmark_key,
                    "year": year,
                    "value": str(england),
                }
            )
            centre += spread / 10  # a little national drift between the years
    return rows


def neighbour_rows(seed: int = 1) -> list[dict]:
    """Each authority's 10 nearest by an invented 'similarity score' (ties broken by code)."""
    rng = random.Random(f"performance-sample-neighbours-{seed}")
    las = authorities(seed)
    score = {code: rng.random() for code, _ in las}
    rows = []
    for code, _ in las:
        nearest = sorted((c for c, _ in las if c != code), key=lambda c: (abs(score[c] - score[code]), c))
        rows += [
            {"la_code": code, "neighbour_code": n, "rank": r} for r, n in enumerate(nearest[:NEIGHBOURS], 1)
        ]
    return rows


def indicator_value_rows() -> list[dict]:
    """A few invented figures in the importer's format, for trying the upload page."""
    return [
        {
            "indicator": "EHE",
            "period": "Q1 2025/26",
            "value": "1261",
            "numerator": "",
            "denominator": "",
            "source": "Sample: home education register",
        },
        {
            "indicator": "NEET_16_17",
            "period": "Q1 2025/26",
            "value": "1.8%",
            "numerator": "270",
            "denominator": "15000",
            "source": "Sample: NCCIS return",
        },
        {
            "indicator": "Children in mainstream schools with EHCP",
            "period": "Summer 2025",
            "value": "2870",
            "numerator": "",
            "denominator": "",
            "source": "Sample: school census",
        },
        {
            "indicator": "CSC_RE_REFERRALS",
            "period": "Q1 2025/26",
            "value": "25.0",
            "numerator": "400",
            "denominator": "1600",
            "source": "Sample: figures from the previous case system",
        },
        {
            "indicator": "YJ_FIRST_TIME_ENTRANTS",
            "period": "Q1 2025/26",
            "value": "6",
            "numerator": "",
            "denominator": "",
            "source": "Sample: youth justice service",
        },
    ]


def _write(path: Path, rows: list[dict]):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def write_samples(directory: Path = SAMPLES_DIR, seed: int = 1) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    files = {
        "benchmarks_sample.csv": national_rows(seed),
        "statistical_neighbours_sample.csv": neighbour_rows(seed),
        "indicator_values_sample.csv": indicator_value_rows(),
    }
    for name, rows in files.items():
        _write(directory / name, rows)
    return [directory / name for name in files]
