from returns import ssda903
from returns.command_base import ExportCommand


class Command(ExportCommand):
    help = "Write the SSDA903 CSV files (one per table) for a collection year, after validating them."
    builder = ssda903
    out_help = "The folder to write the CSV files into."
