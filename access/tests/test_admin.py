"""Django admin is for users, teams, agencies and reference data; it holds no child-level data."""

import pytest
from django.contrib import admin
from django.urls import reverse

from access.models import Role, TeamMembership, User
from tests.factories import allocated_child, make_team

pytestmark = pytest.mark.django_db


@pytest.fixture
def root():
    return User.objects.create_superuser(
        "root", "root@example.org", "a-long-admin-password", role=Role.ADMINISTRATOR
    )


@pytest.fixture
def admin_client(client, root):
    client.force_login(root)
    return client


@pytest.mark.parametrize("model", ["access_user", "access_team", "access_agency"])
def test_changelists_load(admin_client, model):
    allocated_child()
    assert admin_client.get(reverse(f"admin:{model}_changelist")).status_code == 200


def test_no_child_level_data_is_registered():
    """Only staff, teams, agencies and reference data: no model that points at a person."""
    for model in admin.site._registry:
        people = [
            f.name
            for f in model._meta.get_fields()
            if f.is_relation and f.related_model and f.related_model._meta.label == "people.Person"
        ]
        assert model._meta.label != "people.Person" and not people, model._meta.label


@pytest.mark.parametrize(
    "name",
    [
        "people_person",
        "people_relationship",
        "people_personmerge",
        "access_involvement",
        "access_recordview",
        "access_breakglass",
    ],
)
def test_child_level_pages_are_gone(admin_client, name):
    assert admin_client.get(f"/django-admin/{name.replace('_', '/', 1)}/").status_code == 404


def test_an_administrator_cannot_give_themselves_a_team_or_a_role(admin_client, root):
    team = make_team()
    url = reverse("admin:access_user_change", args=[root.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    assert "role" not in form.fields and "is_superuser" not in form.fields
    admin_client.post(
        url,
        {
            "username": "root",
            "role": Role.SOCIAL_WORKER,
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "0",
            "memberships-0-team": team.pk,
        },
    )
    root.refresh_from_db()
    assert root.role == Role.ADMINISTRATOR
    assert not TeamMembership.objects.filter(user=root).exists()
