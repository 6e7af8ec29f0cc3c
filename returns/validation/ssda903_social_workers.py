"""SSDA903 rules on social worker episodes (the SWEpisodes table, collected since 2023-24).

A worker is identified by their Social Work England registration number (SW_ID). The DfE's rules
that a reason is given for every episode (SW03, SW15), including a child's first worker, are not
run: Thrive records a reason when the worker changes, and the code list has none for a first
allocation. Rules comparing with last year's return (SW16a to c) need that return; see
docs/returns.md.
"""
from care.codes import SHORT_BREAKS, SocialWorkerChangeReason

from .helpers import codes, day
from .rules import SSDA903

SW_ID_PREFIXES = ("SW", "XX")  # XX: the DfE's stand-in for a worker not on the register


def _worker_episodes(child):
    rows = child.get("SWEpisodes") or []
    return sorted(rows, key=lambda r: (r.get("SW_DECOM") is None, r.get("SW_DECOM") or 0))


def _label(row):
    return f"Social worker episode from {day(row.get('SW_DECOM'))}"


@SSDA903.rule("SW01STG1", "Child looked after on 31 March, but no social worker episode information is reported",
              fields=["DEC"])
def no_worker_at_year_end(child, year):
    looked_after = any(e.get("DEC") is None and e.get("LS") not in SHORT_BREAKS for e in child.get("Episodes") or [])
    if looked_after and not child.get("SWEpisodes"):
        yield "SW_ID", "Looked after on 31 March: record the allocated social worker."


@SSDA903.rule("SW02STG1", "Social worker ID does not begin with the characters 'SW' or 'XX'.", fields=["SW_ID"])
def worker_id(child, year):
    for row in _worker_episodes(child):
        if not (row.get("SW_ID") or "").startswith(SW_ID_PREFIXES):
            yield "SW_ID", f"{_label(row)}: record the worker's Social Work England number on their user account."


@SSDA903.rule("SW04STG1", "Date social worker episode began is not a valid date.", fields=["SW_DECOM"])
def start_date(child, year):
    for row in _worker_episodes(child):
        if row.get("SW_DECOM") is None:
            yield "SW_DECOM", "A social worker episode has no start date."


@SSDA903.rule("SW06STG2", "Social worker episode data should be within the social worker data reporting year.",
              fields=["SW_DECOM"])
def starts_in_reporting_year(child, year):
    for row in _worker_episodes(child):
        if row.get("SW_DECOM") and row["SW_DECOM"] > year.end:
            yield "SW_DECOM", f"{_label(row)} starts after 31 March."


@SSDA903.rule("SW08STG2", "A new social worker episode has started, but the previous episode has not ended.",
              fields=["SW_DEC"])
def earlier_episode_open(child, year):
    rows = _worker_episodes(child)
    for earlier in rows[:-1]:
        if earlier.get("SW_DEC") is None and earlier.get("SW_DECOM"):
            yield "SW_DEC", f"{_label(earlier)} has no end, yet another worker follows."


@SSDA903.rule("SW09STG2", "Social worker episode appears to have lasted for less than 24 hours.",
              fields=["SW_DECOM", "SW_DEC"])
def under_a_day(child, year):
    for row in _worker_episodes(child):
        if row.get("SW_DECOM") and row.get("SW_DEC") == row["SW_DECOM"]:
            yield "SW_DEC", f"{_label(row)} ends the day it starts."


@SSDA903.rule("SW13STG1", "The reason for social worker change is not valid.", fields=["SW_REASON"])
def reason_valid(child, year):
    for row in _worker_episodes(child):
        if row.get("SW_REASON") and row["SW_REASON"] not in codes(SocialWorkerChangeReason):
            yield "SW_REASON", f"{_label(row)}: '{row['SW_REASON']}' is not a reason code."


@SSDA903.rule("SW17STG2", "There is no social worker episode open at 31 March", fields=["SW_DEC", "SW_DECOM"],
              years=range(2026, 3000))
def latest_episode_ended(child, year):
    rows = [r for r in _worker_episodes(child) if r.get("SW_DECOM")]
    if rows and rows[-1].get("SW_DEC") is not None:
        yield "SW_DEC", f"{_label(rows[-1])} ended {day(rows[-1]['SW_DEC'])}; no worker follows."
