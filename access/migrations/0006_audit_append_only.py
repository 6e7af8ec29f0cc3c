"""The audit log append-only: the review fields leave BreakGlass (its reviews are BreakGlassReview rows now),
every audit row has its place in the chain, and database triggers refuse changes (access.triggers)."""

from django.db import migrations, models

from access import triggers

CHAINED = ("recordview", "disclosure", "breakglass", "breakglassreview")


def install(apps, schema_editor):
    triggers.install(schema_editor.connection)


def remove(apps, schema_editor):
    triggers.remove(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0005_audit_chain"),
    ]

    operations = [
        migrations.RemoveField(model_name="breakglass", name="reviewed_by"),
        migrations.RemoveField(model_name="breakglass", name="reviewed_at"),
        migrations.RemoveField(model_name="breakglass", name="review_outcome"),
        migrations.RemoveField(model_name="breakglass", name="review_note"),
        *[
            operation
            for name in CHAINED
            for operation in (
                migrations.AlterField(
                    model_name=name,
                    name="chain_seq",
                    field=models.BigIntegerField(
                        editable=False, unique=True, verbose_name="place in the audit chain"
                    ),
                ),
                migrations.AlterField(
                    model_name=name,
                    name="chain_hash",
                    field=models.CharField(editable=False, max_length=64, verbose_name="audit chain hash"),
                ),
            )
        ],
        migrations.RunPython(install, remove),
    ]
