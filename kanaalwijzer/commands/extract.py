"""`kanaalwijzer extract PATH...`: the extraction JSON contract for loose files."""
from __future__ import annotations

import json
import logging
from pathlib import Path

import click

log = logging.getLogger(__name__)


def _files(paths: tuple[str, ...]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith("."))
        else:
            out.append(p)
    return out


@click.command("extract")
@click.argument("paths", nargs=-1, metavar="PAD...", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True,
              help="json: één object (of een lijst bij meerdere bestanden); jsonl: één regel per bestand.")
@click.option("--pending", is_flag=True,
              help="Alle versies in de store die deze pijplijnversie nog niet zag; daarna het register bijwerken.")
def command(paths: tuple[str, ...], fmt: str, pending: bool) -> None:
    """Herken aanwijzingsbesluiten en hun kanalen in .txt-, .xml- (Gemeenteblad/CVDR) en .html-bestanden."""
    from nlp.pipeline import empty_result, extract

    if pending:
        _pending()
        return
    if not paths:
        raise click.UsageError("geef een of meer bestanden of mappen op")
    results = []
    for path in _files(paths):
        try:
            data = path.read_bytes()
        except OSError as exc:
            log.error("kan %s niet lezen: %s", path, exc)
            result = empty_result(str(path))
            result["error"] = f"bestand niet leesbaar: {exc.strerror or exc}"
        else:
            result = extract(data, str(path))
            if result.get("error"):
                log.warning("%s: %s", path, result["error"])
        if fmt == "jsonl":
            click.echo(json.dumps(result, ensure_ascii=False))
        else:
            results.append(result)
    if fmt == "json":
        payload = results[0] if len(results) == 1 else results
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))


def _pending() -> None:
    """`--pending`: extract what the store holds and update the designation registry (registry_update.py)."""
    import time

    from kanaalwijzer import registry_update
    from kanaalwijzer.store import open_store
    from nlp.pipeline import extract_document, pipeline_version

    version = pipeline_version()
    started = time.monotonic()
    done = 0

    def extract_one(document):
        nonlocal done
        done += 1
        if done % 200 == 0:  # progress on long runs: a line every 200 versions
            rate = done / max(time.monotonic() - started, 1e-9)
            click.echo(f"  {done} versies geëxtraheerd ({rate:.0f}/s)", err=True)
        # bulk mode: a publication the prefilter rejects costs almost nothing (the store has its metadata)
        return extract_document(document, document.meta.get("id", ""), facts=False)

    with open_store() as store:
        result = registry_update.extract_pending(store, version, extract_one)
    click.echo(f"{result.extracted} versies geëxtraheerd, {result.failed} mislukt, "
               f"{len(result.events)} wijzigingen vastgelegd (pijplijn {version})", err=True)
