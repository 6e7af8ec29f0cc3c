"""The data protection officer's disclosure log: searched by child and by agency, exported for a subject
access request, every search and export itself logged; no one else reads it."""

import pytest
from django.test import Client
from django.urls import reverse

from access.models import AgencyKind, Disclosure, DisclosureKind, Role
from access.parts import Part
from tests import factories

from . import builders

pytestmark = pytest.mark.django_db


def browser(user):
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    return client


@pytest.fixture
def child_on_a_plan():
    return builders.child_on_a_plan()


@pytest.fixture
def health():
    agency = factories.make_agency("Shire Health Trust", AgencyKind.HEALTH)
    return agency, factories.make_user(role=Role.PARTNER, agency=agency, first_name="Nia", last_name="Nurse")


def test_the_dpo_searches_the_log_by_child_and_agency_and_exports_it_audited(child_on_a_plan, health):
    child = child_on_a_plan.child
    agency, nurse = health
    factories.share(child, agency, parts=[Part.IDENTITY, Part.PLANS])
    browser(nurse).get(reverse("people:record", args=[child.pk]))
    other = factories.make_person(forename="Other")
    police = factories.make_agency("Shire Police", AgencyKind.POLICE)
    factories.share(other, police)
    officer = factories.make_user(role=Role.PARTNER, agency=police)
    browser(officer).get(reverse("people:record", args=[other.pk]))

    dpo = factories.make_user(role=Role.DATA_PROTECTION_OFFICER, username="dpo.test")
    assert browser(child_on_a_plan.manager).get(reverse("access:disclosures")).status_code == 403  # the DPO's
    by_child = browser(dpo).get(reverse("access:disclosures"), {"child": child.la_id})
    assert [d.person for d in by_child.context["page"].object_list] == [child]
    by_nhs = browser(dpo).get(reverse("access:disclosures"), {"child": child.nhs_number})
    assert [d.person for d in by_nhs.context["page"].object_list] == [child]
    by_agency = browser(dpo).get(reverse("access:disclosures"), {"agency": police.pk})
    assert [d.person for d in by_agency.context["page"].object_list] == [other]
    searched = Disclosure.objects.filter(user=dpo, kind=DisclosureKind.LIST)
    assert searched.count() == 3 and searched.first().children.get().person == other
    unknown = browser(dpo).get(reverse("access:disclosures"), {"child": "nobody"})
    assert "There is no child with this council ID or NHS number" in unknown.content.decode()

    exported = browser(dpo).get(reverse("access:disclosures_export", args=[child.pk, "csv"]))
    assert exported["Content-Disposition"].startswith(f'attachment; filename="disclosures-{child.la_id}-')
    lines = exported.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("When,Agency,Child") and "Shire Health Trust" in lines[1] and len(lines) == 2
    assert "Identity, current plans" in lines[1] and "Children Act 1989 s47" in lines[1]
    pdf = browser(dpo).get(reverse("access:disclosures_export", args=[child.pk, "pdf"]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    downloads = Disclosure.objects.filter(user=dpo, kind=DisclosureKind.EXPORT)
    assert downloads.count() == 2 and {d.children.get().person for d in downloads} == {child}


def test_the_disclosure_log_is_part_of_the_audit_chain_and_never_changed(child_on_a_plan, health):
    from access.chain import AppendOnlyError
    from access.models import PartnerDisclosure
    from access.verify import verify

    child = child_on_a_plan.child
    agency, nurse = health
    factories.share(child, agency, parts=[Part.IDENTITY, Part.PLANS])
    browser(nurse).get(reverse("people:record", args=[child.pk]))
    logged = PartnerDisclosure.objects.get()
    assert logged.chain_seq > 0 and len(logged.chain_hash) == 64
    report = verify()
    assert report.ok and report.tables["partnerdisclosure"] == 1
    with pytest.raises(AppendOnlyError):
        PartnerDisclosure.objects.filter(pk=logged.pk).update(what="Nothing")
    with pytest.raises(AppendOnlyError):
        logged.delete()
