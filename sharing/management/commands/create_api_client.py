"""python manage.py create_api_client AGENCY NAME --scope S [--scope S] [--rate-limit N]: issue an API key."""

from django.core.management.base import BaseCommand, CommandError

from access.models import Agency
from sharing.api import keys
from sharing.api.models import Scope


class Command(BaseCommand):
    help = "Issue an API key for a partner agency. The key is printed once: give it to the agency securely."

    def add_arguments(self, parser):
        parser.add_argument("agency", help="The agency's name, exactly as in Thrive.")
        parser.add_argument("name", help="Which of the agency's systems the key is for.")
        parser.add_argument("--scope", action="append", required=True, choices=Scope.values, dest="scopes")
        parser.add_argument("--rate-limit", type=int, default=120, help="Calls allowed in any 60 seconds.")

    def handle(self, *args, agency, name, scopes, rate_limit, **options):
        found = Agency.objects.filter(name=agency).first()
        if found is None:
            raise CommandError(f"There is no agency called '{agency}'.")
        if rate_limit < 1:
            raise CommandError("--rate-limit must be at least 1.")
        client, key = keys.issue(found, name, scopes, rate_limit)
        self.stdout.write(
            f"API key for {client} (scopes: {', '.join(client.scopes)}; {rate_limit} calls a minute):"
        )
        self.stdout.write(key)
