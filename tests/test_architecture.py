"""The architecture as a test: the import contracts (pyproject.toml, `lint-imports`) and ruff break on
a deliberately wrong import or bug, shown on a copy of the code with one module added."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ROOT

PACKAGES = ("kanaalwijzer", "scrapers", "nlp", "search_app", "devtools")
BIN = Path(sys.executable).parent

ROOMS = "Rooms: the CLI over the commands over the stages; the stages independent of each other"
NO_STAGE = "The core imports no stage: only the commands import scrapers, nlp, search_app and devtools"
NO_COMMAND = "The core imports no command: only the CLI imports kanaalwijzer.commands, and nothing imports the CLI"
NO_EVENTS = "The registry computes and knows nothing of change events: registry_update runs both"
NO_CYCLES = "No import cycles between modules of one package (as registry and events had)"


def copy_tree(target: Path) -> Path:
    """The Python packages and pyproject.toml, without data, caches or tests."""
    for package in PACKAGES:
        shutil.copytree(ROOT / package, target / package,
                        ignore=lambda folder, names: [n for n in names if n == "__pycache__" or (
                            (Path(folder) / n).is_file() and not n.endswith(".py"))])
    shutil.copy(ROOT / "pyproject.toml", target)
    return target


def lint_imports(tree: Path) -> tuple[int, str]:
    # The copy comes first on the path, before the installed (editable) packages.
    env = dict(os.environ, PYTHONPATH=str(tree), COLUMNS="400")
    result = subprocess.run([str(BIN / "lint-imports"), "--no-cache"], cwd=tree, env=env,
                            capture_output=True, text=True, timeout=180)
    return result.returncode, " ".join((result.stdout + result.stderr).split())


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    return copy_tree(tmp_path_factory.mktemp("pristine"))


def test_the_copy_keeps_every_contract(pristine):
    """The control: without the added module the copy passes, so a failure below is the import's."""
    code, output = lint_imports(pristine)
    assert code == 0, output
    for name in (ROOMS, NO_STAGE, NO_COMMAND, NO_EVENTS, NO_CYCLES):
        assert f"{name} KEPT" in output


@pytest.mark.parametrize("module, source, broken, shown", [
    ("kanaalwijzer/_wrong.py", "from scrapers import runner\n", [NO_STAGE], "kanaalwijzer._wrong -> scrapers.runner"),
    ("kanaalwijzer/search/_wrong.py", "def later():\n    import nlp.pipeline\n", [NO_STAGE],
     "kanaalwijzer.search._wrong -> nlp.pipeline"),
    ("kanaalwijzer/_wrong.py", "from kanaalwijzer.commands import status\n", [NO_COMMAND],
     "kanaalwijzer._wrong -> kanaalwijzer.commands.status"),
    ("nlp/_wrong.py", "import search_app.queries\n", [ROOMS, NO_STAGE], "nlp._wrong -> search_app.queries"),
    ("scrapers/_wrong.py", "from kanaalwijzer.commands import harvest\n", [ROOMS, NO_COMMAND],
     "scrapers._wrong -> kanaalwijzer.commands.harvest"),
], ids=["core-imports-scrapers", "core-imports-nlp-lazily", "core-imports-a-command", "nlp-imports-search_app",
        "scrapers-imports-a-command"])
def test_a_wrong_import_breaks_its_contract(tmp_path, module, source, broken, shown):
    tree = copy_tree(tmp_path)
    (tree / module).write_text(source, encoding="utf-8")
    code, output = lint_imports(tree)
    assert code != 0, output
    for name in broken:
        assert f"{name} BROKEN" in output, output
    assert shown in output, output


def test_the_registry_importing_events_breaks_its_contract(tmp_path):
    tree = copy_tree(tmp_path)
    registry = tree / "kanaalwijzer" / "registry.py"
    registry.write_text(registry.read_text(encoding="utf-8") + "\n\ndef later():\n    from . import events\n",
                        encoding="utf-8")
    code, output = lint_imports(tree)
    assert code != 0 and f"{NO_EVENTS} BROKEN" in output, output
    assert "kanaalwijzer.registry -> kanaalwijzer.events" in output, output


@pytest.mark.parametrize("package", ["kanaalwijzer", "kanaalwijzer/search", "nlp"])
def test_two_modules_importing_each_other_break_the_cycle_contract(tmp_path, package):
    """Any pair, not only registry and events, also when one side imports inside a function."""
    tree = copy_tree(tmp_path)
    dotted = package.replace("/", ".")
    (tree / package / "_one.py").write_text(f"from {dotted} import _two\n", encoding="utf-8")
    (tree / package / "_two.py").write_text(f"def later():\n    from {dotted} import _one\n", encoding="utf-8")
    code, output = lint_imports(tree)
    assert code != 0 and f"{NO_CYCLES} BROKEN" in output, output
    assert f"No cycles are allowed in {dotted}" in output, output


def test_ruff_catches_a_real_bug_and_passes_the_tree(tmp_path):
    ruff = [str(BIN / "ruff"), "check", "--no-cache", "--config", str(ROOT / "pyproject.toml")]
    clean = subprocess.run([*ruff, str(ROOT)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert clean.returncode == 0, clean.stdout[-3000:]
    wrong = tmp_path / "wrong.py"
    wrong.write_text("def last(items=[]):\n    return items[-1] if items else undefined_name\n", encoding="utf-8")
    result = subprocess.run([*ruff, str(wrong)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "B006" in result.stdout and "F821" in result.stdout, result.stdout
