"""`kanaalwijzer status`: how fresh the harvest is, per source and per body."""
from __future__ import annotations

import json

import click


def freshness(store) -> dict:
    """Per source: last run, last window done, windows still to retry. Per body: when we last
    looked (a done window without body filter looks at every body) and what we hold."""
    from kanaalwijzer.bodies import body_by_code, match_body

    sources = []
    labels = [r[0] for r in store.query("SELECT DISTINCT source FROM harvest_runs ORDER BY source")]
    last_look_all = None
    for label in labels:
        last_run = store.query("SELECT * FROM harvest_runs WHERE source = ? ORDER BY id DESC LIMIT 1", (label,))[0]
        ok_run = store.query("SELECT * FROM harvest_runs WHERE source = ? AND status = 'done'"
                             " ORDER BY id DESC LIMIT 1", (label,))
        last_window = store.query("SELECT * FROM harvest_windows WHERE source = ? AND status = 'done'"
                                  " ORDER BY window_end DESC, id DESC LIMIT 1", (label,))
        pending = store.failed_windows(label)
        sources.append({
            "source": label,
            "last_run": {k: last_run[k] for k in ("id", "mode", "status", "started_at", "finished_at",
                                                  "records_seen", "documents_stored", "errors")},
            "last_successful_run": ok_run[0]["finished_at"] if ok_run else None,
            "last_window_done": ({"start": last_window[0]["window_start"], "end": last_window[0]["window_end"],
                                  "finished_at": last_window[0]["finished_at"]} if last_window else None),
            "failed_windows": [{"start": w["window_start"], "end": w["window_end"], "mode": w["mode"],
                                "body": w["body_filter"], "status": w["status"], "error": w["error"]}
                               for w in pending],
        })
    last_look_all = store.scalar("SELECT MAX(finished_at) FROM harvest_windows WHERE status = 'done'"
                                 " AND body_filter IS NULL")
    looked = {}
    for row in store.query("SELECT body_filter, MAX(finished_at) AS at FROM harvest_windows WHERE status = 'done'"
                           " AND body_filter IS NOT NULL GROUP BY body_filter"):
        body = match_body(row["body_filter"])
        if body:
            looked[body.code] = row["at"]
    bodies = []
    rows = store.query("SELECT body_code, MAX(body_name) AS name, COUNT(*) AS n, MAX(published) AS latest,"
                       " MAX(last_seen) AS seen FROM publications WHERE body_code IS NOT NULL"
                       " GROUP BY body_code ORDER BY body_code")
    codes = {r["body_code"] for r in rows}
    for row in rows:
        body = body_by_code(row["body_code"])
        bodies.append({"code": row["body_code"], "name": body.display_name if body else row["name"],
                       "publications": row["n"], "latest_publication": row["latest"],
                       "last_looked": max(filter(None, [last_look_all, looked.get(row["body_code"])]), default=None)})
    for code, at in sorted(looked.items()):
        if code not in codes:
            body = body_by_code(code)
            bodies.append({"code": code, "name": body.display_name if body else code, "publications": 0,
                           "latest_publication": None, "last_looked": max(filter(None, [last_look_all, at]))})
    unmatched = store.scalar("SELECT COUNT(*) FROM publications WHERE body_code IS NULL")
    return {"sources": sources, "bodies": bodies, "publications_without_body": unmatched}


@click.command(name="status")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def command(fmt):
    """Actualiteit van de oogst: per bron en per bestuursorgaan."""
    from kanaalwijzer import vocabulary as vocab
    from kanaalwijzer.store import open_store

    with open_store() as store:
        data = freshness(store)
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo("Bronnen")
    if not data["sources"]:
        click.echo("  (nog niet geoogst: `kanaalwijzer harvest` of `make demo`)")
    for s in data["sources"]:
        run, window = s["last_run"], s["last_window_done"]
        click.echo(f"  {vocab.harvest_label(s['source'])} [{s['source']}]")
        click.echo(f"      laatste run {vocab.label(vocab.HARVEST_STATUSES, run['status'])}"
                   f" ({run['finished_at'] or run['started_at']})"
                   f" · laatst geslaagd {s['last_successful_run'] or '-'}"
                   f" · laatste venster {window['start'] + ' t/m ' + window['end'] if window else '-'}"
                   f" · nog te herhalen: {len(s['failed_windows'])}")
        for w in s["failed_windows"]:
            click.echo(f"      {w['start']} t/m {w['end']} ({w['mode']}, "
                       f"{vocab.label(vocab.HARVEST_STATUSES, w['status'])}): {w['error'] or ''}")
    click.echo("\nBestuursorganen")
    width = max([len("code"), *(len(b["code"]) for b in data["bodies"])])  # slugs of joint bodies run long
    click.echo(f"  {'code':<{width}} {'naam':<34} {'publicaties':>11}  {'laatste publicatie':<18} laatst gekeken")
    for b in data["bodies"]:
        click.echo(f"  {b['code']:<{width}} {b['name'][:34]:<34} {b['publications']:>11}  "
                   f"{b['latest_publication'] or '-':<18} {b['last_looked'] or '-'}")
    if data["publications_without_body"]:
        click.echo(f"\n  {data['publications_without_body']} publicaties zonder herkend bestuursorgaan")
