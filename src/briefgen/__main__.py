"""``python -m briefgen`` runs the CLI."""

from briefgen.cli import run

run()
