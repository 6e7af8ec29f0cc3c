from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from access.models import Role
from performance import published

FIXTURES = Path(__file__).parent / "fixtures"
Q3_2023_24 = FIXTURES / "leics_dashboard_q3_2023_24.tsv"
Q4_2024_25 = FIXTURES / "leics_dashboard_q4_2024_25.tsv"


@pytest.fixture
def analyst(db):
    return get_user_model().objects.create_user("analyst", password="not-a-real-password", role=Role.ANALYST)


@pytest.fixture
def social_worker(db):
    return get_user_model().objects.create_user(
        "worker", password="not-a-real-password", role=Role.SOCIAL_WORKER
    )


@pytest.fixture
def q3(db):
    return published.load_file(Q3_2023_24).dashboard


@pytest.fixture
def q4(db):
    return published.load_file(Q4_2024_25).dashboard
