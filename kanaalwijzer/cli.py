"""The `kanaalwijzer` command: one click group; each stage adds its commands as modules.

Every module in `kanaalwijzer/commands/` that defines a click command named `command` becomes
a sub-command (click's own words are Dutch too: commands/_click_nl.py). Stages import their heavy dependencies (Scrapy, spaCy, Flask) inside those
modules, so `kanaalwijzer --help` stays fast and the core never imports the stages.
"""
from __future__ import annotations

import importlib
import logging
import pkgutil

import click

from . import commands
from .commands import _click_nl

_click_nl.install()  # click's framing in Dutch: "Gebruik:", "Opties", "Fout: Ongeldige waarde ..."


class _Commands(click.Group):
    def list_commands(self, ctx):
        return sorted(
            name.replace("_", "-") for _, name, _ in pkgutil.iter_modules(commands.__path__)
            if not name.startswith("_")
        )

    def get_command(self, ctx, name):
        try:
            module = importlib.import_module(f"{commands.__name__}.{name.replace('-', '_')}")
        except ModuleNotFoundError as error:
            if error.name and error.name.endswith(name.replace("-", "_")):
                return None
            raise
        command = getattr(module, "command", None)
        return _click_nl.dutch_metavars(command) if command else None


@click.group(cls=_Commands, options_metavar=_click_nl.OPTIONS_METAVAR,
             subcommand_metavar=_click_nl.SUBCOMMAND_METAVAR)
@click.option("-v", "--verbose", count=True, help="Meer logregels (-vv voor debug).")
def main(verbose: int) -> None:
    """Kanaalwijzer: volgt de aanwijzingsbesluiten elektronische kanalen (Awb 2:13 lid 2)."""
    level = [logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)]
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


if __name__ == "__main__":
    main()
