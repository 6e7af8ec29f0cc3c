"""Share moves from the sharing app into the access core, keeping its tables (sharing_share and
sharing_historicalshare): only Django's idea of which app owns it changes, so no row moves."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0007_basis_identity_only"),
        ("people", "0001_initial"),
        ("sharing", "0004_partner_api"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="HistoricalShare",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "legal_basis",
                            models.CharField(
                                choices=[
                                    ("ca1989_s17", "Children Act 1989 s17 (child in need)"),
                                    ("ca1989_s47", "Children Act 1989 s47 (enquiries)"),
                                    ("ca2004_s11", "Children Act 2004 s11 (duty to safeguard)"),
                                    ("duty_to_share", "Statutory duty to share information for safeguarding"),
                                    ("consent", "Consent of the family"),
                                    ("cda1998_s115", "Crime and Disorder Act 1998 s115"),
                                ],
                                max_length=20,
                            ),
                        ),
                        ("purpose", models.CharField(max_length=300)),
                        ("start_date", models.DateField()),
                        ("end_date", models.DateField(blank=True, null=True)),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.CharField(max_length=100, null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                            ),
                        ),
                        (
                            "agency",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="access.agency",
                            ),
                        ),
                        (
                            "granted_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "history_user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "person",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="people.person",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "sharing_historicalshare",
                        "verbose_name": "historical share",
                        "verbose_name_plural": "historical shares",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="Share",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "legal_basis",
                            models.CharField(
                                choices=[
                                    ("ca1989_s17", "Children Act 1989 s17 (child in need)"),
                                    ("ca1989_s47", "Children Act 1989 s47 (enquiries)"),
                                    ("ca2004_s11", "Children Act 2004 s11 (duty to safeguard)"),
                                    ("duty_to_share", "Statutory duty to share information for safeguarding"),
                                    ("consent", "Consent of the family"),
                                    ("cda1998_s115", "Crime and Disorder Act 1998 s115"),
                                ],
                                max_length=20,
                            ),
                        ),
                        ("purpose", models.CharField(max_length=300)),
                        ("start_date", models.DateField()),
                        ("end_date", models.DateField(blank=True, null=True)),
                        (
                            "agency",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="shares",
                                to="access.agency",
                            ),
                        ),
                        (
                            "granted_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "person",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="shares",
                                to="people.person",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "sharing_share",
                        "indexes": [
                            models.Index(
                                fields=["agency", "person", "end_date"], name="sharing_sha_agency__d398d5_idx"
                            )
                        ],
                    },
                ),
            ],
        ),
    ]
