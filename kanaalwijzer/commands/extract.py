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
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True,
              help="json: één object (of een lijst bij meerdere bestanden); jsonl: één regel per bestand.")
def command(paths: tuple[str, ...], fmt: str) -> None:
    """Herken aanwijzingsbesluiten en hun kanalen in .txt-, .xml- (Gemeenteblad/CVDR) en .html-bestanden."""
    from nlp.pipeline import empty_result, extract

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
