"""Share now belongs to the access core (access 0006 takes it over with its tables); the sharing app forgets
it without touching the database."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("sharing", "0004_partner_api"),
        ("access", "0008_share_moved_from_sharing"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name="HistoricalShare"),
                migrations.DeleteModel(name="Share"),
            ],
        ),
    ]
