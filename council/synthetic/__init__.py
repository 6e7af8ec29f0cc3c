"""The synthetic council: a deterministic, realistic local authority for demos, tests and benchmarks.

`registry` collects each app's contribution, `context.Council` is what they receive, and
`generator.generate` runs them. The council's own contribution (the local authority and its child
population) is in `local_authority`.
"""

from . import local_authority  # noqa: F401  registers the council's own contribution
