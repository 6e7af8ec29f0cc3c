"""The council's performance settings, with Thrive's defaults, declared once.

A council changes any of these in its settings without editing code, e.g.

    THRIVE_PERFORMANCE = {"LA_CODE": "855", "AMBER_BAND_PERCENT": "10", "TARGETS": {"CL_EET": ">56%"}}

Why each default is what it is: docs/performance.md, "RAG and direction of travel".
"""

from django.conf import settings

DEFAULTS = {
    # DfE LA code of this council in benchmark files; blank means council.LocalAuthority.dfe_code.
    "LA_CODE": "",
    # Local targets replacing the registry's, by indicator code: {"CSC_RE_REFERRALS": "<19%"}.
    "TARGETS": {},
    # A missed target within this % of the target value is amber (used when no quartile is known).
    "AMBER_BAND_PERCENT": "5",
    # A missed target with a known quartile: "quartile" (amber, or red in the bottom quartile, as the
    # published dashboards do) or "band" (the amber band alone).
    "MISSED_TARGET_RAG": "quartile",
    # RAG from the national quartile, where there is no target.
    "QUARTILE_RAG": {1: "green", 2: "amber", 3: "amber", 4: "red"},
    # Changes no bigger than this (in the indicator's own unit) are "no change".
    "DOT_TOLERANCE": {"number": "0", "percent": "0.2", "rate": "0.2", "score": "0.01"},
    # An indicator drops off a period's dashboard when its latest figure is older than this.
    "SHOW_FOR_MONTHS": {"quarter": 6, "last_month_of_quarter": 6, "term": 8, "annual": 18},
}


def get(key: str):
    configured = getattr(settings, "THRIVE_PERFORMANCE", None) or {}
    return configured.get(key, DEFAULTS[key])
