"""The `kanaalwijzer` command: one click group; each stage adds its commands as modules.

Every module in `kanaalwijzer/commands/` that defines a click command named `command` becomes
a sub-command. Stages import their heavy dependencies (Scrapy, spaCy, Flask) inside those
modules, so `kanaalwijzer --help` stays fast and the core never imports the stages.
"""
from __future__ import annotations

import importlib
import logging
import pkgutil

import click

from . import commands


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
        return getattr(module, "command", None)


@click.group(cls=_Commands)
@click.option("-v", "--verbose", count=True, help="Meer logregels (-vv voor debug).")
def main(verbose: int) -> None:
    """Kanaalwijzer: volgt de aanwijzingsbesluiten elektronische kanalen (Awb 2:13 lid 2)."""
    level = [logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)]
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


if __name__ == "__main__":
    main()
