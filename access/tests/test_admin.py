"""The admin pages load, and the audit log cannot be edited there."""
import pytest
from django.urls import reverse

from access.models import RecordView, User
from tests.factories import allocated_child

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("root", "root@example.org", "a-long-admin-password"))
    return client


@pytest.mark.parametrize("model", [
    "access_user", "access_team", "access_involvement", "access_breakglass", "access_recordview",
    "people_person", "people_relationship", "people_personmerge",
])
def test_changelists_load(admin_client, model):
    allocated_child()
    assert admin_client.get(reverse(f"admin:{model}_changelist")).status_code == 200


def test_person_change_page_loads(admin_client):
    child, *_ = allocated_child()
    assert admin_client.get(reverse("admin:people_person_change", args=[child.pk])).status_code == 200


def test_audit_log_is_read_only(admin_client):
    child, worker, *_ = allocated_child()
    view = RecordView.objects.create(user=worker, person=child, allowed=True, basis="test", path="/")
    assert admin_client.post(reverse("admin:access_recordview_delete", args=[view.pk]), {"post": "yes"}).status_code == 403
    assert RecordView.objects.filter(pk=view.pk).exists()
