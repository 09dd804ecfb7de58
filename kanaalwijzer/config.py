"""Settings shared by every stage, read from the environment with sensible defaults.

One place for paths and endpoints, so tests and the demo can point a whole run elsewhere
by setting a few variables (KANAALWIJZER_HOME above all).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

LIVE_OP_SRU_URL = "https://repository.overheid.nl/sru"
LIVE_CVDR_SRU_URL = "https://zoekservice.overheid.nl/sru/Search"


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def _optional_path(name: str) -> Path | None:
    value = _env(name)
    return Path(value) if value else None


@dataclass(frozen=True)
class Config:
    home: Path = field(default_factory=lambda: Path(_env("KANAALWIJZER_HOME", "data")))
    db_path: Path | None = None
    op_sru_url: str = field(default_factory=lambda: _env("KANAALWIJZER_OP_SRU_URL", LIVE_OP_SRU_URL))
    cvdr_sru_url: str = field(default_factory=lambda: _env("KANAALWIJZER_CVDR_SRU_URL", LIVE_CVDR_SRU_URL))
    es_url: str | None = field(default_factory=lambda: _env("KANAALWIJZER_ES_URL"))
    search_backend: str = field(default_factory=lambda: _env("KANAALWIJZER_SEARCH_BACKEND", "embedded"))
    # Public address of the web app, for links in mail and feeds (confirm, unsubscribe, decisions).
    base_url: str = field(default_factory=lambda: _env("KANAALWIJZER_BASE_URL", "http://localhost:5000").rstrip("/"))
    # Set by `kanaalwijzer demo` only: the Maildir of its local mail catcher, shown at /demo/post.
    demo_mailbox: Path | None = field(default_factory=lambda: _optional_path("KANAALWIJZER_DEMO_MAILBOX"))

    def __post_init__(self) -> None:
        if self.db_path is None:
            object.__setattr__(self, "db_path", Path(_env("KANAALWIJZER_DB", str(self.home / "kanaalwijzer.db"))))

    @property
    def index_dir(self) -> Path:
        return Path(_env("KANAALWIJZER_INDEX_DIR", str(self.home / "index")))


def load_config(**overrides) -> Config:
    return Config(**overrides)
