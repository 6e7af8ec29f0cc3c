"""The error pages are GOV.UK pages, and the 500 page renders without a request or database."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from tests.factories import make_user


def test_500_page_renders_without_context():
    html = render_to_string("500.html")
    assert "Sorry, there is a problem with the service" in html
    assert "govuk-council.css" in html


@pytest.mark.django_db
def test_404_page(client):
    client.force_login(make_user())
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert '<h1 class="govuk-heading-l">Page not found</h1>' in response.content.decode()


@pytest.mark.django_db
def test_403_page(client):
    client.force_login(make_user())
    response = client.get(reverse("access:break_glass_list"))
    assert response.status_code == 403
    assert "You do not have permission to see this page" in response.content.decode()
