"""python manage.py timescales_table [--write]: the registry as docs/timescales.md's table."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from timescales import legal_table


class Command(BaseCommand):
    help = "Print the timescales table made from the registry, or write it into docs/timescales.md."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--write", action="store_true", help="Rewrite the table in docs/timescales.md.")

    def handle(self, *args: Any, write: bool = False, **options: Any) -> None:
        if write:
            legal_table.DOCS.write_text(legal_table.page_with_table(legal_table.current_page()))
            self.stdout.write(f"Wrote the table to {legal_table.DOCS}.")
        else:
            self.stdout.write(legal_table.markdown())
