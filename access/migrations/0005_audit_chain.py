"""The audit log as a hash chain (access.chain): a place and hash on every audit row, the chain's head, and a
break-glass access's review as a row of its own, so the access itself is never changed. Rows written before
are chained in time order."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

from access import chain

CHAINED = ("recordview", "disclosure", "breakglass")


def move_reviews(apps, schema_editor):
    """Each review written on a break-glass access becomes a BreakGlassReview."""
    BreakGlass = apps.get_model("access", "BreakGlass")
    BreakGlassReview = apps.get_model("access", "BreakGlassReview")
    reviewed = BreakGlass.objects.filter(reviewed_at__isnull=False, reviewed_by__isnull=False)
    BreakGlassReview.objects.bulk_create(
        BreakGlassReview(
            break_glass_id=access.pk,
            reviewed_by_id=access.reviewed_by_id,
            at=access.reviewed_at,
            outcome=access.review_outcome or "appropriate",
            note=access.review_note,
        )
        for access in reviewed.iterator()
    )


def reviews_back(apps, schema_editor):
    BreakGlass = apps.get_model("access", "BreakGlass")
    for review in apps.get_model("access", "BreakGlassReview").objects.all():
        BreakGlass.objects.filter(pk=review.break_glass_id).update(
            reviewed_by_id=review.reviewed_by_id,
            reviewed_at=review.at,
            review_outcome=review.outcome,
            review_note=review.note,
        )


def build_chain(apps, schema_editor):
    chain.build(lambda name: apps.get_model("access", name), schema_editor.connection)


def chain_fields(model_name):
    return [
        migrations.AddField(
            model_name=model_name,
            name="chain_seq",
            field=models.BigIntegerField(
                editable=False, null=True, unique=True, verbose_name="place in the audit chain"
            ),
        ),
        migrations.AddField(
            model_name=model_name,
            name="chain_hash",
            field=models.CharField(
                default="", editable=False, max_length=64, verbose_name="audit chain hash"
            ),
            preserve_default=False,
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0004_audit_of_access_and_disclosures"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="AuditChainHead",
            fields=[
                ("id", models.PositiveSmallIntegerField(primary_key=True, serialize=False)),
                ("seq", models.BigIntegerField()),
                ("hash", models.CharField(max_length=64)),
            ],
        ),
        migrations.CreateModel(
            name="BreakGlassReview",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "chain_seq",
                    models.BigIntegerField(
                        editable=False, null=True, unique=True, verbose_name="place in the audit chain"
                    ),
                ),
                (
                    "chain_hash",
                    models.CharField(
                        default="", editable=False, max_length=64, verbose_name="audit chain hash"
                    ),
                ),
                ("at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "outcome",
                    models.CharField(
                        choices=[
                            ("appropriate", "Appropriate"),
                            ("inappropriate", "Not appropriate: raised with the user's manager"),
                        ],
                        max_length=20,
                    ),
                ),
                ("note", models.TextField(blank=True)),
                (
                    "break_glass",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="review",
                        to="access.breakglass",
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        *[operation for name in CHAINED for operation in chain_fields(name)],
        migrations.RunPython(move_reviews, reviews_back),
        migrations.RunPython(build_chain, migrations.RunPython.noop),
    ]
