"""`kanaalwijzer harvest --settings base|prod` (or KANAALWIJZER_SCRAPY_SETTINGS): the chosen Scrapy
settings module is the one a real crawl uses, seen in what the replay server was asked."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from devtools.replay import ReplayServer
from kanaalwijzer.config import load_config
from scrapers.runner import scrapy_settings
from scrapers.settings import base, prod

FAST = ["--set", "DOWNLOAD_DELAY=0", "--set", "AUTOTHROTTLE_ENABLED=False"]


def crawl(home: Path, server: ReplayServer, *args: str, env_extra: dict | None = None) -> set[str]:
    """One real crawl of the Gemeenteblad; returns the page sizes (maximumRecords) it asked for."""
    server.clear_log()
    env = dict(os.environ, KANAALWIJZER_HOME=str(home), KANAALWIJZER_OP_SRU_URL=server.op_sru_url,
               KANAALWIJZER_CVDR_SRU_URL=server.cvdr_sru_url, **(env_extra or {}))
    env.pop("KANAALWIJZER_DB", None)
    if not env_extra:
        env.pop("KANAALWIJZER_SCRAPY_SETTINGS", None)
    result = subprocess.run(
        [sys.executable, "-m", "kanaalwijzer.cli", "harvest", "--source", "officielepublicaties", "--mode", "sweep",
         "--since", "2025-12-01", "--until", "2025-12-31", "--window-days", "31", "--no-probe", *FAST, *args],
        env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    return {e["params"]["maximumRecords"] for e in server.requests if e["kind"] == "sru"}


@pytest.mark.e2e  # three real crawls in a subprocess against the replay server
def test_a_real_crawl_uses_the_chosen_settings_module(tmp_path, replay):
    assert prod.HARVEST_PAGE_SIZE != base.HARVEST_PAGE_SIZE  # else this test could not tell them apart
    assert crawl(tmp_path / "base", replay) == {str(base.HARVEST_PAGE_SIZE)}
    assert crawl(tmp_path / "prod", replay, "--settings", "prod") == {str(prod.HARVEST_PAGE_SIZE)}
    assert crawl(tmp_path / "env", replay, env_extra={"KANAALWIJZER_SCRAPY_SETTINGS": "prod"}) == {
        str(prod.HARVEST_PAGE_SIZE)}


def test_every_prod_setting_reaches_the_crawler_settings(tmp_path):
    config = load_config(home=tmp_path)
    chosen = scrapy_settings(config, profile="prod")
    differing = {name for name in dir(prod) if name.isupper() and getattr(prod, name) != getattr(base, name, None)}
    assert differing  # prod exists to differ
    for name in differing:
        assert chosen.get(name) == getattr(prod, name), name
    assert scrapy_settings(config).getint("HARVEST_PAGE_SIZE") == base.HARVEST_PAGE_SIZE
    with pytest.raises(ValueError, match="instellingenprofiel"):
        scrapy_settings(config, profile="staging")


def test_an_unknown_profile_is_refused_with_the_choices(tmp_path):
    env = dict(os.environ, KANAALWIJZER_HOME=str(tmp_path), KANAALWIJZER_SCRAPY_SETTINGS="staging")
    result = subprocess.run([sys.executable, "-m", "kanaalwijzer.cli", "harvest", "--no-probe"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "staging" in result.stderr and "prod" in result.stderr
