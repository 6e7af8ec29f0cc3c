"""Run the DfE-aligned validators on a return and print what they find as JSON.

This file runs under the validators' own Python (.venv-validators), not Thrive's: they pin pandas
and numpy versions Thrive does not use. It imports nothing from Thrive or Django, and calls the
validators as their own entry points do (cin_validator's `run` command and the 903's `lac_validate`
RPC call that the DfE-aligned web tool uses), so what it reports is what those tools report.

    python runner.py cin RETURN.xml --year 2025
    python runner.py 903 FOLDER --year 2025 --la E10000018

Output: {"validator": ..., "ruleset": ..., "rules": {code: {...}}, "issues": [...]}; each issue has the
rule code, child, table, row (0-based, in the order the return lists that table's rows) and fields.
"""

import argparse
import importlib
import json
import logging
import sys
import warnings
import xml.etree.ElementTree as ET  # nosec B405: XML that Thrive itself wrote
from importlib.metadata import version
from pathlib import Path


def cin_tables(root: ET.Element) -> dict:
    """The census as the CIN validator's tables, the same as its convert_data makes them.

    convert_data (cin_validator.ingress.XMLtoCSV) appends each child's rows to growing DataFrames, so
    its time grows with the square of the number of children: 8 minutes for a county's census. This
    walks the XML the same way, with the validator's own get_values and column lists, collects the
    rows and makes each table once. tests/validators/test_runner.py checks the tables are equal.
    """
    global _NA
    import pandas as pd
    from cin_validator.ingress import XMLtoCSV

    _NA = pd.NA
    from cin_validator.utils import get_values

    columns = {name: list(getattr(XMLtoCSV, name).columns) for name in TABLES}
    rows = {name: [] for name in TABLES}

    def own(name):  # the items a block holds itself, as the validator picks them
        return list(set(columns[name]).difference(set(XMLtoCSV.id_cols)))

    def append(name, batch):
        """One of the validator's appends. Where the table has a number column (an ID the validator
        counts) pandas' concat keeps each column apart and writes NaN for one that is empty in every
        row appended at once; the tables of text only keep pandas.NA."""
        if name in TEXT_ONLY:
            rows[name].extend(batch)
            return
        for column in {key for row in batch for key in row}:
            if all(_missing(row.get(column)) for row in batch):
                for row in batch:
                    if column in row:
                        row[column] = float("nan")
        rows[name].extend(batch)

    for child in root.find("Children").findall("Child"):
        identifiers = get_values(columns["ChildIdentifiers"], {}, child.find("ChildIdentifiers"))
        child_id = identifiers.get("LAchildID", pd.NA)
        append("ChildIdentifiers", [identifiers])
        characteristics = child.find("ChildCharacteristics")
        append(
            "ChildCharacteristics",
            [get_values(own("ChildCharacteristics"), {"LAchildID": child_id}, characteristics)],
        )
        disabilities = characteristics.find("Disabilities") if characteristics is not None else None
        if disabilities is not None:
            batch = []
            for disability in disabilities:
                batch.append(get_values(own("Disabilities"), {"LAchildID": child_id}, disability))
                batch[-1]["Disability"] = disability.text
            append("Disabilities", batch)
        episodes = []
        for episode_id, episode in enumerate(child.findall("CINdetails"), 1):
            ids = {"LAchildID": child_id, "CINdetailsID": episode_id}
            episodes.append(get_values(own("CINdetails"), dict(ids), episode))
            assessments = []
            for assessment_id, assessment in enumerate(episode.findall("Assessments"), 1):
                row = get_values(own("Assessments"), {**ids, "AssessmentID": assessment_id}, assessment)
                factors = assessment.find("FactorsIdentifiedAtAssessment")
                if factors is not None and len(factors) != 0:
                    found = []
                    for factor in factors:
                        found.append(
                            get_values(
                                own("AssessmentFactorsList"), {**ids, "AssessmentID": assessment_id}, factor
                            )
                        )
                        found[-1]["AssessmentFactor"] = factor.text
                    row["AssessmentFactors"] = [f["AssessmentFactor"] for f in found]
                    append("AssessmentFactorsList", found)
                assessments.append(row)
            append("Assessments", assessments)
            append(
                "CINplanDates",
                [
                    get_values(own("CINplanDates"), dict(ids), dates)
                    for dates in episode.findall("CINPlanDates")
                ],
            )
            append(
                "Section47",
                [
                    get_values(own("Section47"), dict(ids), section)
                    for section in episode.findall("Section47")
                ],
            )
            plans = []
            for plan_id, plan in enumerate(episode.findall("ChildProtectionPlans"), 1):
                plan_ids = {**ids, "CPPID": plan_id}
                plans.append(get_values(own("ChildProtectionPlans"), dict(plan_ids), plan))
                append(
                    "Reviews",
                    [
                        get_values(own("Reviews"), dict(plan_ids), review)
                        for review in plan.findall("Reviews[CPPreviewDate]")
                    ],
                )
            append("ChildProtectionPlans", plans)
        append("CINdetails", episodes)
    tables = {"Header": XMLtoCSV.create_Header(None, root.find("Header"))}
    for name in TABLES:
        # one concat onto the validator's empty table, as its first append does, gives the same dtypes
        made = pd.DataFrame(rows[name]) if rows[name] else pd.DataFrame(columns=columns[name])
        tables[name] = pd.concat([getattr(XMLtoCSV, name), made], ignore_index=True)
    return {name: tables[name] for name in ("Header", *TABLES)}


def _missing(value) -> bool:
    return value is None or value is _NA or (isinstance(value, float) and value != value)


_NA = None  # pandas.NA, set when pandas is imported


TEXT_ONLY = {"ChildIdentifiers", "ChildCharacteristics", "Disabilities"}
TABLES = (
    "ChildIdentifiers",
    "ChildCharacteristics",
    "ChildProtectionPlans",
    "CINdetails",
    "CINplanDates",
    "Reviews",
    "Section47",
    "Assessments",
    "AssessmentFactorsList",
    "Disabilities",
)


def _cin(path: Path, year: int, own_ingress: bool = False) -> dict:
    from cin_validator import cin_validator

    ruleset = f"cin{year - 1}_{year % 100:02d}"
    registry = importlib.import_module(f"cin_validator.rules.{ruleset}").registry
    root = ET.parse(path).getroot()  # nosec B314: XML that Thrive itself wrote
    data = cin_validator.process_data(cin_validator.convert_data(root) if own_ingress else cin_tables(root))
    validator = cin_validator.CinValidator(data, registry)
    rules = {
        str(r.code): {
            "message": r.message,
            "kind": r.rule_type.name.lower(),
            "fields": [str(f) for f in (r.affected_fields or [])],
        }
        for r in registry.values()
    }
    found = {}
    for row in validator.full_issue_df.to_dict("records"):
        table = row.get("tables_affected")
        row_id = row.get("row_id")
        key = (
            str(row["rule_code"]),
            str(row.get("child_id") or ""),
            str(table or ""),
            int(row_id) if row_id == row_id and row_id is not None else None,
        )
        found.setdefault(key, set()).add(str(row.get("columns_affected") or ""))
    for row in validator.multichild_issues.to_dict("records"):
        found.setdefault((str(row["rule_code"]), "", "", None), set())
    return {
        "validator": f"csc-validator-be-cin {version('csc-validator-be-cin')}",
        "ruleset": ruleset,
        "rules": rules,
        "issues": _issues(found, data),
    }


def _ssda903(folder: Path, year: int, la: str) -> dict:
    from lac_validator.lac_validator import LacValidator
    from lac_validator.rules.ruleset_utils import get_year_ruleset
    from lac_validator.utils import process_uploaded_files

    files = process_uploaded_files({"This year": [str(p) for p in sorted(folder.glob("*.csv"))]})
    registry = get_year_ruleset(str(year))
    validator = LacValidator(
        metadata={"collectionYear": str(year), "localAuthority": la}, files=files, registry=registry
    )
    rules = {
        str(r.code): {"message": r.message, "kind": "error", "fields": list(r.affected_fields or [])}
        for r in registry.values()
    }
    found = {}
    for table, frame in validator.ds_results.items():
        if table == "metadata":
            continue
        for column in (c for c in frame.columns if str(c).startswith("ERR_")):
            code = column[4:]
            for row_id, child in frame.loc[frame[column] == True, "CHILD"].items():  # noqa: E712
                found.setdefault((code, str(child), table, int(row_id)), set()).update(rules[code]["fields"])
    return {
        "validator": f"csc-validator-be-903 {version('csc-validator-be-903')}",
        "ruleset": f"lac{year - 1}_{year % 100:02d}",
        "rules": rules,
        "issues": _issues(found, validator.ds_results),
        "failed_rules": validator.fails,
    }


def _issues(found: dict, tables: dict) -> list:
    """One issue per rule and row, with the row's values of the fields the rule names."""
    issues = []
    for (code, child, table, row), fields in sorted(found.items(), key=lambda kv: str(kv[0])):
        fields = sorted(f for f in fields if f)
        frame = tables.get(table) if table else None
        values = {}
        if frame is not None and row is not None and row in frame.index:
            record = frame.loc[row]
            values = {f: _text(record[f]) for f in (*CONTEXT.get(table, ()), *fields) if f in frame.columns}
        issues.append(
            {"rule": code, "child": child, "table": table, "row": row, "fields": fields, "values": values}
        )
    return issues


# The items that say which record a row is, shown beside the fields a rule names.
CONTEXT = {
    "CINdetails": ("CINreferralDate",),
    "Assessments": ("AssessmentActualStartDate",),
    "CINplanDates": ("CINPlanStartDate",),
    "Section47": ("S47ActualStartDate",),
    "ChildProtectionPlans": ("CPPstartDate",),
    "Reviews": ("CPPreviewDate",),
    "Episodes": ("DECOM",),
    "SWEpisodes": ("SW_DECOM",),
    "Missing": ("MIS_START",),
    "OC3": ("DOB",),
}


def _text(value) -> str:
    """A value as the return holds it: dates as YYYY-MM-DD, blanks as ""."""
    if isinstance(value, (list, tuple)):
        return " ".join(_text(v) for v in value)
    if value is None or value is _NA or (isinstance(value, float) and value != value):
        return ""
    if hasattr(value, "strftime"):
        return "" if str(value) == "NaT" else value.strftime("%Y-%m-%d")
    return "" if str(value) in ("<NA>", "nan", "NaT") else str(value)  # blanks some rules turned into text


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["cin", "903"])
    parser.add_argument("path", type=Path)
    parser.add_argument("--year", type=int, required=True, help="2025 for 2024-25")
    parser.add_argument(
        "--la", default="", help="the council's ONS code (the 903 derives PL_LOCATION from it)"
    )
    parser.add_argument(
        "--own-ingress",
        action="store_true",
        help="read the census with the validator's own convert_data (slow), to compare",
    )
    args = parser.parse_args(argv)
    logging.disable(logging.CRITICAL)  # the validators log every rule at INFO
    warnings.simplefilter("ignore")
    real_stdout, sys.stdout = sys.stdout, sys.stderr  # the CIN validator prints rules that fail to run
    try:
        result = (
            _cin(args.path, args.year, args.own_ingress)
            if args.kind == "cin"
            else _ssda903(args.path, args.year, args.la)
        )
    finally:
        sys.stdout = real_stdout
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
