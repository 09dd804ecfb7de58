"""`kanaalwijzer evaluate DIR`: score the extractor on a labelled corpus folder."""
from __future__ import annotations

import json

import click


@click.command("evaluate")
@click.argument("folder", metavar="MAP", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Scores als JSON in plaats van een tabel.")
def command(folder: str, as_json: bool) -> None:
    """Scoor de extractie op een map met docs/*.txt of *.xml en gold.jsonl (regels: corpus-README)."""
    from nlp.evaluate import evaluate, format_table

    score = evaluate(folder)
    if as_json:
        click.echo(json.dumps(score.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(score))
