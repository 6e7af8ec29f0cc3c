"""Information sharing's part in anonymising a record (retention.anonymise): partners' records about the
child keep the identity the partner sent in short text fields, and shares live in the access core, which the
generic sweep leaves as it is (the audit trail). This blanks what identifies the child in both and drops
their history rows; who the record was shared with, when and on what lawful basis stays, as the disclosure
log does."""

from access.models import Share
from retention.facts import anonymiser

from .partners.models import PartnerRecord

IDENTITY_SENT = dict(
    reference="",
    forename="",
    surname="Anonymised",
    birth_date=None,
    address="",
    postcode="",
    nhs_number="",
    details={},
)


@anonymiser
def partner_records_and_shares(person_id: int) -> int:
    records = PartnerRecord.objects.filter(person_id=person_id)
    blanked = records.update(**IDENTITY_SENT)
    PartnerRecord.history.filter(person_id=person_id).delete()
    blanked += (
        Share.objects.filter(person_id=person_id)
        .exclude(purpose="", end_reason="")
        .update(purpose="", end_reason="")
    )
    Share.history.filter(person_id=person_id).delete()
    return blanked
