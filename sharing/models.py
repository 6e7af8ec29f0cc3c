"""The sharing app's models, from its sub-packages: partner agencies' records (`partners`), record linkage
(`linkage`) and the API (`api`). Shares themselves, with their lawful basis and scope, and the log of
disclosures to partners live in the access core (access.shares), which the access rules read."""

from .api.models import ApiCall, ApiClient, Event, Notification, Scope  # noqa: F401
from .linkage.models import DuplicatePair, DuplicateStatus, LinkageModel, LinkCandidate  # noqa: F401
from .partners.models import LinkMethod, LinkStatus, PartnerRecord, RecordKind, SyntheticTruth  # noqa: F401
