"""Writing the audit log of record views."""
from .models import RecordView

BASIS_LENGTH = RecordView._meta.get_field("basis").max_length


def record_view(request, person, basis: str | None) -> RecordView:
    """Log one attempt to open a child's record; refused attempts are logged too."""
    return RecordView.objects.create(
        user=request.user,
        person=person,
        allowed=basis is not None,
        # A break-glass basis quotes the user's reason, which may be longer than the column.
        basis=(basis or "refused: no legitimate relationship and no break-glass reason")[:BASIS_LENGTH],
        path=request.get_full_path()[:500],
    )
