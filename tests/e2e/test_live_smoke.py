"""Live smoke test against KOOP's real services (excluded by default; run with `-m network`).

Checks that what we send is still understood and what comes back still reads: one small
targeted window per source, through the real command, into a temporary store."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta

import pytest

pytestmark = pytest.mark.network


def test_live_harvest_of_a_few_days(tmp_path):
    until = date.today() - timedelta(days=1)
    since = until - timedelta(days=2)
    env = dict(os.environ, KANAALWIJZER_HOME=str(tmp_path))
    for name in ("KANAALWIJZER_DB", "KANAALWIJZER_OP_SRU_URL", "KANAALWIJZER_CVDR_SRU_URL"):
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-m", "kanaalwijzer.cli", "harvest", "--mode", "targeted", "--since", since.isoformat(),
         "--until", until.isoformat(), "--page-size", "20"],
        env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]

    from kanaalwijzer.store import Store

    with Store(tmp_path / "kanaalwijzer.db") as store:
        windows = store.windows()
        assert windows and all(w.status == "done" for w in windows), windows
        # whatever came back parsed into publications with ids and dates, and texts were stored
        publications = store.all_publications()
        for pub in publications:
            assert pub.id and pub.modified and pub.source in ("officielepublicaties", "cvdr")
        with_xml = sum(1 for pub in publications if pub.url_xml)
        stored = store.holdings().publications_with_text
        assert stored >= with_xml * 0.9
