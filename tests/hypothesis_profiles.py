"""Hypothesis profiles: `make test` runs a few derandomised examples per property, so a failure is the same
on every run; HYPOTHESIS_PROFILE=thorough runs many random ones (HYPOTHESIS_EXAMPLES, 200 by default)
when hunting."""

import os

from hypothesis import HealthCheck, settings

QUICK = 6  # examples per form or import in `make test`

settings.register_profile(
    "thrive",
    max_examples=QUICK,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
settings.register_profile(
    "thorough",
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "200")),
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "thrive"))
