"""Shared fixtures, kept small and generic: fixture files, a temporary store and home, and a
replay server over the sample corpus (or over a copy that a test may change)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support import FILES

E2E = Path(__file__).parent / "e2e"


@pytest.hookimpl(tryfirst=True)  # before -m deselects
def pytest_collection_modifyitems(items):
    """Everything under tests/e2e/ is a whole chain: marked e2e without each module saying so."""
    for item in items:
        if E2E in item.path.parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture
def files() -> Path:
    """tests/files: fixture bytes written by us (read them as bytes)."""
    return FILES


@pytest.fixture
def kw_home(tmp_path, monkeypatch) -> Path:
    """A fresh KANAALWIJZER_HOME for this test (the store lives at <home>/kanaalwijzer.db)."""
    home = tmp_path / "home"
    monkeypatch.setenv("KANAALWIJZER_HOME", str(home))
    monkeypatch.delenv("KANAALWIJZER_DB", raising=False)
    return home


@pytest.fixture
def store(tmp_path):
    from kanaalwijzer.store import Store

    with Store(tmp_path / "store.db") as s:
        yield s


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    """A private copy of the sample corpus, for tests that change documents."""
    from devtools.replay import SAMPLE_CORPUS

    target = tmp_path / "corpus"
    shutil.copytree(SAMPLE_CORPUS, target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return target


@pytest.fixture
def replay():
    """A replay server over the sample corpus, on a free local port."""
    from devtools.replay import ReplayServer

    with ReplayServer() as server:
        yield server
