"""Where linkage draws its lines, declared once: each chosen from measured precision and recall.

Match weights are Splink's log2 odds that a record and a child are the same (the prior included): +10
is about 1,000 to 1 for, -10 about 1,000 to 1 against. A council may change a line with a setting,

    THRIVE_LINKAGE_THRESHOLDS = {"auto_link": 12.0}

and should re-measure with `manage.py linkage_quality` on its own synthetic council first.
How the values below were chosen (on the synthetic records kept for tuning, never the held-out ones)
is in docs/linkage.md.
"""

from dataclasses import dataclass, replace

from django.conf import settings


@dataclass(frozen=True)
class Thresholds:
    auto_link: float  # the best candidate links without review at or above this...
    margin: float  # ...when it beats the runner-up by this much (else a worker chooses between them)
    review: float  # candidates at or above this go to the front door's review queue
    duplicate: float  # pairs of Thrive's people at or above this go on the data-quality worklist
    candidates_shown: int  # how many candidates the review page shows at most


DEFAULTS = Thresholds(auto_link=8.0, margin=6.0, review=-2.0, duplicate=4.0, candidates_shown=3)


def get() -> Thresholds:
    return replace(DEFAULTS, **getattr(settings, "THRIVE_LINKAGE_THRESHOLDS", {}))
