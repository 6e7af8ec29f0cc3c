"""Writing the audit log of record views."""
from .models import RecordView


def record_view(request, person, basis: str | None) -> RecordView:
    """Log one attempt to open a child's record; refused attempts are logged too."""
    return RecordView.objects.create(
        user=request.user,
        person=person,
        allowed=basis is not None,
        basis=basis or "refused: no legitimate relationship and no break-glass reason",
        path=request.get_full_path()[:500],
    )
