"""Fixtures for the web app: a store filled with decisions we wrote ourselves (tests/support/web_store.py),
a real embedded index built from it, and the app + client; and the sample corpus harvested for real.

Time is frozen (time-machine) at FROZEN so 'in force' and 'future' do not drift with the calendar.
"""
from __future__ import annotations

import pytest
import time_machine

from kanaalwijzer import registry_update
from kanaalwijzer.config import load_config
from kanaalwijzer.search import get_backend, index_documents
from kanaalwijzer.store import Store
from tests.support.web_store import FROZEN, populate


@pytest.fixture
def frozen_time():
    with time_machine.travel(FROZEN, tick=True):
        yield FROZEN


@pytest.fixture
def web_config(tmp_path):
    return load_config(home=tmp_path)


@pytest.fixture
def web_store(web_config, frozen_time):
    with Store(web_config.db_path) as store:
        populate(store)
        get_backend(web_config).rebuild(index_documents(store))
        yield store


@pytest.fixture
def app(web_config, web_store):
    from search_app import create_app
    return create_app({"TESTING": True, "KANAALWIJZER": web_config})


@pytest.fixture
def client(app):
    return app.test_client()


# -- the sample corpus, harvested for real -------------------------------------------------------
@pytest.fixture(scope="module")
def sample_home(tmp_path_factory):
    """A real harvest of the sample corpus (replay server, `kanaalwijzer harvest` in a subprocess),
    real extraction (nlp pipeline) into the registry, and a real embedded index. Frozen at FROZEN."""
    import os
    import subprocess
    import sys

    from devtools.replay import ReplayServer
    from nlp.pipeline import extract_document, pipeline_version

    home = tmp_path_factory.mktemp("sample")
    with time_machine.travel(FROZEN, tick=True):
        with ReplayServer() as server:
            dates = sorted(item.meta["modified"] for item in server.items)
            env = dict(os.environ, KANAALWIJZER_HOME=str(home), KANAALWIJZER_OP_SRU_URL=server.op_sru_url,
                       KANAALWIJZER_CVDR_SRU_URL=server.cvdr_sru_url)
            env.pop("KANAALWIJZER_DB", None)
            done = subprocess.run(
                [sys.executable, "-m", "kanaalwijzer.cli", "harvest", "--source", "all", "--mode", "sweep",
                 "--since", dates[0], "--until", dates[-1], "--window-days", "31", "--publication", "all",
                 "--no-probe", "--set", "DOWNLOAD_DELAY=0", "--set", "AUTOTHROTTLE_ENABLED=False"],
                env=env, capture_output=True, text=True, timeout=300)
            assert done.returncode == 0, done.stdout + done.stderr
        config = load_config(home=home)
        with Store(config.db_path) as store:
            result = registry_update.extract_pending(store, pipeline_version(), extract_document, today=FROZEN.date())
            assert result.extracted and not result.failed
            get_backend(config).rebuild(index_documents(store))
    return home


@pytest.fixture(scope="module")
def sample_app(sample_home):
    from search_app import create_app
    return create_app({"TESTING": True, "KANAALWIJZER": load_config(home=sample_home)})
