"""The CLI speaks Dutch in click's own framing too: usage line, headings, defaults, errors
(before: Dutch help inside "Usage:", "Options:", "Show this message and exit.", "Error: Invalid value")."""
from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kanaalwijzer.cli import main
from kanaalwijzer.commands import _click_nl

ENGLISH = re.compile(r"Usage:|Options:|Commands:|\[OPTIONS\]|COMMAND \[ARGS\]|Show this message|\[default:|"
                     r"\[env var:|\brequired\b|Error:|Invalid value|Missing option|\b(TEXT|INTEGER|FLOAT|PATHS?|"
                     r"FOLDER|DIRECTORY|FILENAME|BOOLEAN)\b")


def _run(*args: str):
    return CliRunner().invoke(main, list(args), prog_name="kanaalwijzer")


def test_the_main_help_is_dutch_in_a_real_process():
    script = Path(sys.executable).parent / "kanaalwijzer"  # the console script pip installed
    done = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert done.stdout.startswith("Gebruik: kanaalwijzer [OPTIES] COMMANDO [ARGUMENTEN]...")
    assert "\nOpties:\n" in done.stdout and "\nCommando's:\n" in done.stdout
    assert "--help         Toon deze hulp en stop." in done.stdout
    assert not ENGLISH.search(done.stdout), ENGLISH.search(done.stdout)


@pytest.mark.parametrize("command", main.list_commands(None))
def test_every_command_help_is_dutch(command):
    result = _run(command, "--help")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Gebruik: kanaalwijzer {command} [OPTIES]")
    assert "Opties:" in result.output
    assert not ENGLISH.search(result.output), ENGLISH.search(result.output)


def test_an_invalid_value_is_refused_in_dutch():
    result = _run("status", "--format", "xml")
    assert result.exit_code == 2
    assert "Gebruik: kanaalwijzer status [OPTIES]\nZie 'kanaalwijzer status --help' voor hulp." in result.output
    assert ("Fout: Ongeldige waarde voor '--format': 'xml' is geen geldige keuze; kies uit 'table', 'json'."
            in result.output)
    number = _run("serve", "--port", "vijf")
    assert number.exit_code == 2 and "'vijf' is geen geldig getal." in number.output
    ranged = _run("harvest", "--page-size", "0")
    assert ranged.exit_code == 2 and "0 ligt niet in het bereik 1<=x<=1000." in ranged.output


def test_unknown_options_and_commands_are_said_in_dutch():
    option = _run("harvest", "--bogus")
    assert option.exit_code == 2 and "Fout: Onbekende optie '--bogus'. Bedoelde u '--body'?" in option.output
    command = _run("oogst")
    assert command.exit_code == 2 and "Fout: Onbekend commando 'oogst'." in command.output
    missing = _run("harvest", "--since")
    assert missing.exit_code == 2 and "Fout: Optie '--since' vraagt een waarde." in missing.output


def test_a_missing_required_option_is_said_in_dutch():
    @click.command()
    @click.option("--week", required=True)
    def needs_a_week(week):
        """Een commando met een verplichte optie."""

    result = CliRunner().invoke(needs_a_week, [], prog_name="kanaalwijzer digest")
    assert result.exit_code == 2 and "Fout: Ontbrekende optie '--week'." in result.output
    assert "[verplicht]" in CliRunner().invoke(needs_a_week, ["--help"]).output


def _click_messages() -> set:
    """Every string click's modules pass to gettext / ngettext (singular, plural)."""
    found = set()
    for path in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
                texts = tuple(a.value for a in node.args[:2] if isinstance(a, ast.Constant))
                if texts:  # `_(extra["required"])` passes a name, not a literal
                    found.add(texts[0] if node.func.id == "_" else texts)
    return found


def test_the_translation_table_holds_only_strings_click_asks_for():
    asked = _click_messages() | {"required"}  # click passes it through a variable: _(extra["required"])
    assert set(_click_nl.MESSAGES) - asked == set(), "stale after a click upgrade: update _click_nl.py"
    assert set(_click_nl.PLURALS) - asked == set(), "stale after a click upgrade: update _click_nl.py"
