"""`kanaalwijzer status`: how fresh the harvest is, per source and per body."""
from __future__ import annotations

import json

import click

from ._home import demo_hint


def freshness(store) -> dict:
    """Per source: last run, last window done, windows still to retry. Per body: when we last
    looked (see Store.last_looked) and what we hold."""
    from kanaalwijzer.bodies import body_by_code

    done = {f.source: f for f in store.source_freshness()}
    last_windows = store.last_windows_done()
    failed: dict[str, list] = {}
    for w in store.failed_windows():
        failed.setdefault(w.source, []).append(w)
    sources = []
    for run in store.latest_runs():
        window = last_windows.get(run.source)
        sources.append({
            "source": run.source,
            "last_run": {"id": run.id, "mode": run.mode, "status": run.status, "started_at": run.started_at,
                         "finished_at": run.finished_at, "records_seen": run.records_seen,
                         "documents_stored": run.documents_stored, "errors": run.errors},
            "last_successful_run": done[run.source].last_done_at if run.source in done else None,
            "last_window_done": ({"start": window.window_start, "end": window.window_end,
                                  "finished_at": window.finished_at} if window else None),
            "failed_windows": [{"start": w.window_start, "end": w.window_end, "mode": w.mode,
                                "body": w.body_filter, "status": w.status, "error": w.error}
                               for w in failed.get(run.source, [])],
        })
    looked = store.last_looked()
    bodies = []
    held = store.holdings_per_body()
    for row in held:
        body = body_by_code(row.body_code)
        bodies.append({"code": row.body_code, "name": body.display_name if body else row.body_name,
                       "publications": row.publications, "latest_publication": row.latest_published,
                       "last_looked": looked.at(row.body_code)})
    codes = {row.body_code for row in held}
    for code in sorted(set(looked.per_body) - codes):
        body = body_by_code(code)
        bodies.append({"code": code, "name": body.display_name if body else code, "publications": 0,
                       "latest_publication": None, "last_looked": looked.at(code)})
    return {"sources": sources, "bodies": bodies,
            "publications_without_body": store.holdings().publications_without_body}


@click.command(name="status")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def command(fmt):
    """Actualiteit van de oogst: per bron en per bestuursorgaan."""
    from kanaalwijzer import vocabulary as vocab
    from kanaalwijzer.store import open_store

    with open_store() as store:
        data = freshness(store)
    if fmt == "json":
        if not data["sources"] and demo_hint("status --format json"):
            click.echo(demo_hint("status --format json"), err=True)
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo("Bronnen")
    if not data["sources"]:
        click.echo(f"  ({demo_hint('status') or 'nog niet geoogst: `kanaalwijzer harvest` of `make demo`'})")
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
