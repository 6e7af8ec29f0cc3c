"""Hostile input gets a clear message naming the field (and the row, for files), never a 500, and
nothing is half-written: files in unreadable encodings, huge CSV fields, XML bombs, impossible dates
and over-long free text."""

import csv
import datetime
import importlib

import pytest
from django import forms
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import module_has_submodule

from access.models import Role, TeamKind
from council.synthetic.tables import counts
from frontdoor.codes import ReferralSource
from frontdoor.models import Contact
from performance.models import IndicatorValue
from returns.cin import load as cin_load
from returns.ssda903 import load as ssda903_load
from returns.years import CollectionYear
from tests.factories import date_fields, make_person, make_team, make_user
from thrive import limits, textfiles
from thrive.forms import GovukErrorsMixin

pytestmark = pytest.mark.django_db

NOT_A_TEXT_ENCODING = b"indicator,period,value\r\nCSC_RE_REFERRALS,Q4 2024/25,\x81\x8d\x90\r\n"
HUGE_FIELD = "x" * (csv.field_size_limit() + 1)


@pytest.fixture
def analyst(client):
    user = make_user(role=Role.ANALYST)
    client.force_login(user)
    return user


def upload(client, name, data):
    return client.post(reverse("performance:upload"), {"file": SimpleUploadedFile(name, data)})


def test_an_upload_in_an_unreadable_encoding_is_refused_by_name(client, analyst):
    response = upload(client, "figures.csv", NOT_A_TEXT_ENCODING)
    assert response.status_code == 200
    assert (
        "The file figures.csv is not text in a character encoding Thrive can read"
        in response.content.decode()
    )
    assert not IndicatorValue.objects.exists()


def test_a_binary_file_named_csv_is_refused(client, analyst):
    response = upload(client, "figures.csv", b"\x00\x01\x02PK\x03\x04" * 50)
    assert "The file figures.csv is not text" in response.content.decode()


def test_a_utf16_csv_from_excel_is_read(client, analyst):
    text = "indicator,period,value\r\nCSC_RE_REFERRALS,Q4 2024/25,21.5\r\n"
    response = upload(client, "figures.csv", text.encode("utf-16"))
    assert response.status_code == 302
    assert IndicatorValue.objects.get().value == 21.5


def test_a_csv_field_over_the_limit_names_its_row(client, analyst):
    data = f'indicator,period,value\r\nCSC_RE_REFERRALS,Q4 2024/25,1\r\nCSC_RE_REFERRALS,"{HUGE_FIELD}",2\r\n'
    response = upload(client, "figures.csv", data.encode())
    content = response.content.decode()
    assert response.status_code == 200
    assert "Row 3 of figures.csv has a cell longer than 131,072 characters" in content
    assert not IndicatorValue.objects.exists()


def test_an_over_long_source_or_too_large_a_value_names_the_row_and_column(client, analyst):
    data = (
        "indicator,period,value,source\r\nCSC_RE_REFERRALS,Q4 2024/25,1," + "s" * 301 + "\r\n"
        "SEN_EHCP_MAINSTREAM,Spring 2024,1e20,\r\n"
    )
    content = upload(client, "figures.csv", data.encode()).content.decode()
    assert "ow 2, column &#x27;source&#x27;: is longer than 300 characters" in content
    assert (
        "ow 3, column &#x27;value&#x27;: &#x27;100000000000000000000&#x27; is too large a number" in content
    )
    assert not IndicatorValue.objects.exists()


def test_a_file_that_is_not_a_workbook_is_refused(client, analyst):
    response = upload(client, "figures.xlsx", b"PK\x03\x04 not really a zip")
    assert "could not be read as an Excel workbook" in response.content.decode()


@pytest.mark.parametrize("as_at", ["0001-01-01", "9999-12-31", "1899-12-31", "2025-02-30", "yesterday", ""])
def test_an_impossible_as_at_date_for_annex_a_is_a_message(client, as_at):
    client.force_login(make_user(role=Role.ANALYST))
    response = client.get(reverse("returns:annex_a"), {"as_at": as_at}, follow=True)
    assert response.status_code == 200
    assert "Enter the as-at date as YYYY-MM-DD, from 1900 to 2099" in response.content.decode()


@pytest.fixture
def front_door(client):
    worker = make_user(teams=[make_team(kind=TeamKind.FRONT_DOOR)])
    client.force_login(worker)
    return worker


def contact(summary, received_on=None):
    received = timezone.localtime(timezone.now() - datetime.timedelta(hours=1))
    day = received_on or received.date()
    return {
        "source": ReferralSource.SCHOOLS,
        "referrer": "Head teacher",
        "summary": summary,
        "received_time": f"{received:%H:%M}",
        **date_fields("received_on", day),
        "received_on_year": f"{day.year:04d}",
    }


def test_a_million_character_summary_is_refused_and_kept_on_the_page(client, front_door):
    child = make_person()
    before = counts()
    summary = "Bruising. " * 100_000
    response = client.post(reverse("frontdoor:contact_for_person", args=[child.pk]), contact(summary))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Summary of the concern must be 20,000 characters or fewer" in content
    assert summary[:1000] in content  # what was typed is shown again, to be shortened
    assert not Contact.objects.exists()
    audit = {"access.RecordView", "access.AuditChainHead"}  # the refusal's audit row and the chain it joins
    assert {k: v for k, v in counts().items() if k not in audit} == {
        k: v for k, v in before.items() if k not in audit
    }


def test_a_summary_at_the_limit_is_saved(client, front_door):
    child = make_person()
    response = client.post(
        reverse("frontdoor:contact_for_person", args=[child.pk]), contact("a" * limits.LONG_TEXT)
    )
    assert response.status_code == 302
    assert len(Contact.objects.get().summary) == limits.LONG_TEXT


@pytest.mark.parametrize(
    "day, message",
    [
        (datetime.date(1, 1, 1), "Date received must be on or after 1 January 1900"),
        (datetime.date(1899, 12, 31), "Date received must be on or after 1 January 1900"),
    ],
)
def test_a_date_before_any_record_is_refused(client, front_door, day, message):
    response = client.post(
        reverse("frontdoor:contact_for_person", args=[make_person().pk]), contact("x", day)
    )
    assert message in response.content.decode()
    assert not Contact.objects.exists()


def test_a_date_part_too_big_for_the_calendar_is_not_a_real_date(client, front_door):
    data = {
        **contact("x"),
        "received_on_day": "1",
        "received_on_month": "2200000000",
        "received_on_year": "2024",
    }
    response = client.post(reverse("frontdoor:contact_for_person", args=[make_person().pk]), data)
    assert "Date received must be a real date" in response.content.decode()


def test_nul_characters_are_refused_not_a_database_error(client, front_door):
    response = client.post(
        reverse("frontdoor:contact_for_person", args=[make_person().pk]), contact("a\x00b")
    )
    assert response.status_code == 200
    assert "Null characters are not allowed" in response.content.decode()


def all_form_classes():
    for app in [*settings.THRIVE_APPS]:
        if module_has_submodule(importlib.import_module(app), "forms"):
            importlib.import_module(f"{app}.forms")
    importlib.import_module("access.two_factor")

    def below(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from below(sub)

    apps = set(settings.THRIVE_APPS) | {"thrive"}
    return sorted({c for c in below(forms.BaseForm) if c.__module__.split(".")[0] in apps}, key=str)


def test_every_text_field_of_every_form_has_a_length_limit():
    """GOV.UK forms get one from thrive.limits; any other form must declare its own."""
    unlimited = []
    for cls in all_form_classes():
        try:
            fields = cls().fields
        except (
            TypeError,
            ValueError,
        ):  # needs arguments: a GOV.UK form limits its fields whenever it is made
            if issubclass(cls, GovukErrorsMixin):
                continue
            fields = cls.base_fields
        unlimited += [
            f"{cls.__module__}.{cls.__name__}.{name}"
            for name, field in fields.items()
            if isinstance(field, forms.CharField) and field.max_length is None
        ]
    assert unlimited == []


def test_a_903_file_in_an_unreadable_encoding_or_with_a_huge_field_is_not_imported(tmp_path):
    user = make_user(role=Role.ANALYST)
    (tmp_path / "header.csv").write_bytes(
        b"CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n\x81\x8d,1,01/01/2010,WBRI,,,\r\n"
    )
    before = counts()
    results = ssda903_load.import_folder(tmp_path, CollectionYear(2025), user)
    assert [(file, count) for file, count, _ in results] == [("header.csv", 0)]
    assert "The file header.csv is not text in a character encoding" in results[0][2][0].message
    assert counts() == before

    (tmp_path / "header.csv").write_text(
        f"CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n1,1,01/01/2010,WBRI,,,\r\n"
        f'"{HUGE_FIELD}",1,01/01/2010,WBRI,,,\r\n'
    )
    problem = ssda903_load.import_folder(tmp_path, CollectionYear(2025), user)[0][2][0]
    assert problem.where == "row 3" and "cell longer than 131,072 characters" in problem.message
    assert counts() == before


def test_the_903_import_command_reports_problems_without_a_traceback(tmp_path):
    (tmp_path / "header.csv").write_bytes(b"CHILD,SEX\r\n\x81\x8d,1\r\n")
    with pytest.raises(CommandError, match="Some files were not imported"):
        call_command("import_ssda903", str(tmp_path), "--year", "2025")


def test_a_903_date_off_the_calendar_is_a_problem_on_its_row(tmp_path):
    user = make_user(role=Role.ANALYST)
    (tmp_path / "header.csv").write_text(
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\nC1,1,01/01/0001,WBRI,,,\r\n"
    )
    problems = ssda903_load.import_folder(tmp_path, CollectionYear(2025), user)[0][2]
    assert [(p.where, p.field) for p in problems] == [("row 2 (CHILD C1)", "DOB")]


@pytest.mark.parametrize(
    "content, where",
    [
        (b"<Message><Children><Child>", "line 1"),
        (
            (
                b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa"><!ENTITY b '
                b'"&a;&a;&a;">]><Message>&b;</Message>'
            ),
            "the whole file",
        ),
        (b"\xff\xfe\x00garbage", "line 1"),
    ],
)
def test_a_census_that_is_not_well_formed_or_declares_entities_is_not_imported(tmp_path, content, where):
    path = tmp_path / "census.xml"
    path.write_bytes(content)
    user = make_user(role=Role.ANALYST)
    before = counts()
    count, problems = cin_load.import_file(path, user)
    assert count == 0 and [p.where for p in problems] == [where]
    assert counts() == before


def test_the_decoder_reads_what_excel_writes_and_refuses_the_rest():
    assert textfiles.decode("Zoë,£5".encode("utf-8-sig"), "a.csv") == "Zoë,£5"
    assert textfiles.decode("Zoë,£5".encode("cp1252"), "a.csv") == "Zoë,£5"
    assert textfiles.decode("Zoë,£5".encode("utf-16"), "a.csv") == "Zoë,£5"
    with pytest.raises(textfiles.UnreadableFile, match="The file a.csv is not text"):
        textfiles.decode("Zoë".encode("utf-16-le"), "a.csv")  # no byte-order mark: NULs between letters


HUGE_INT = "9" * 30
ODD_QUERIES = [
    "/returns/annex-a/?as_at=0001-01-01",
    "/returns/annex-a/?as_at=9999-12-31",
    f"/returns/annex-a/?as_at={HUGE_INT}",
    f"/people/{HUGE_INT}/",
    "/people/9223372036854775808/",
    f"/performance/report/?snapshot={HUGE_INT}",
    f"/performance/snapshots/{HUGE_INT}/",
    f"/performance/indicators/CSC_RE_REFERRALS/?page={HUGE_INT}&period=%00",
    "/performance/report/?period=%00&format=%00",
    "/work/?scope=%00&page=-1",
    f"/?page={HUGE_INT}",
    "/people/?forename=%00",
    "/people/?surname=" + "a" * 5000,
    "/people/?dob_day=1&dob_month=1&dob_year=0001",
    "/people/?nhs_number=" + "9" * 5000,
    "/performance/?q=%00&period=x&area=%00&outcome=" + "z" * 5000,
    f"/returns/cin/{HUGE_INT}/",
    f"/care/{HUGE_INT}/",
    f"/front-door/contacts/{HUGE_INT}/",
    "/access/two-factor/code/?next=//evil.example/",
    f"/access/break-glass/{HUGE_INT}/",
]


@pytest.mark.parametrize("url", ODD_QUERIES)
def test_odd_query_strings_and_ids_are_never_a_server_error(client, url):
    client.force_login(make_user(role=Role.ADMINISTRATOR, is_superuser=True))
    response = client.get(url)  # the test client raises on a server error
    assert response.status_code in (200, 302, 400, 403, 404)
