from returns import cin
from returns.command_base import ExportCommand


class Command(ExportCommand):
    help = "Write the Children in Need census XML for a collection year, after validating it."
    builder = cin
    out_help = "The XML file to write."
