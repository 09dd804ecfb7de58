"""Read-only questions the pages ask the store that no other module answers: the extraction of a
version, freshness of the harvest. The registry module answers everything about designations."""
from __future__ import annotations

from kanaalwijzer.store import Store


def extraction(store: Store, pub_id: str, version: int):
    """The newest extraction of one publication version (any pipeline version), or None."""
    return store.db.execute(
        "SELECT * FROM extractions WHERE publication_id = ? AND version = ? ORDER BY extracted_at DESC,"
        " pipeline_version DESC LIMIT 1", (pub_id, version),
    ).fetchone()


def source_freshness(store: Store) -> list[dict]:
    """Per source: when a harvest run last completed, and the newest window it covered."""
    rows = store.query(
        "SELECT source, MAX(finished_at) AS last_run, COUNT(*) AS runs FROM harvest_runs"
        " WHERE status = 'done' GROUP BY source ORDER BY source"
    )
    result = []
    for row in rows:
        covered = store.scalar(
            "SELECT MAX(window_end) FROM harvest_windows WHERE source = ? AND status = 'done'", (row["source"],))
        result.append({"source": row["source"], "last_run": row["last_run"], "covered_until": covered,
                       "runs": row["runs"]})
    return result


def last_looked(store: Store, body) -> str | None:
    """When a completed harvest window last covered this body: a sweep of all bodies, or a
    targeted window whose body filter names it (by code or name)."""
    names = {body.code, body.name, body.display_name, *body.variants}
    rows = store.query(
        "SELECT body_filter, MAX(finished_at) AS at FROM harvest_windows WHERE status = 'done'"
        " GROUP BY body_filter")
    times = [row["at"] for row in rows if row["at"] and (row["body_filter"] is None or row["body_filter"] in names)]
    return max(times) if times else None
