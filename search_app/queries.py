"""Read-only questions the pages ask that need more than one store call."""
from __future__ import annotations

from kanaalwijzer.store import Store


def source_freshness(store: Store) -> list[dict]:
    """Per source: when a harvest run last completed, and the newest window it covered."""
    return [{"source": f.source, "last_run": f.last_done_at, "covered_until": f.covered_until, "runs": f.runs_done}
            for f in store.source_freshness()]
