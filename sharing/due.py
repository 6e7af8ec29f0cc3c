"""Information sharing's due work: a share's review, for the managers of the child's teams."""

from access.models import Share
from timescales.due import DueItem, due_source


@due_source
def share_reviews(person_ids, on):
    shares = Share.objects.filter(person_id__in=person_ids, end_date__isnull=True, review_date__isnull=False)
    for share in shares.select_related("agency").only("person_id", "review_date", "agency__name"):
        yield DueItem(
            share.person_id,
            f"Review the information share with {share.agency.name}",
            share.review_date,
            "SHARE_REVIEW",
            managers_only=True,
        )
