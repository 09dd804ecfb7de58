"""`kanaalwijzer vraag PATH --bericht TEXT [--datum D] [--json]`: which channel a decision designates for
a message on a date, read from one file (no store). The answer comes from kanaalwijzer.answer, the same
resolver the store's answer uses; only where the decision comes from differs."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import click

DATE_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
DATE_WORDS = re.compile(r"^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$", re.I)


def parse_date(value: str | None) -> date:
    """'2026-03-01', '01-03-2026' or '1 maart 2026'; today when not given."""
    from kanaalwijzer.vocabulary import MONTH_NUMBERS

    if not value:
        return date.today()
    value = value.strip()
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    m = DATE_DMY.match(value)
    try:
        if m:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        m = DATE_WORDS.match(value)
        if m and m.group(2).lower() in MONTH_NUMBERS:
            return date(int(m.group(3)), MONTH_NUMBERS[m.group(2).lower()], int(m.group(1)))
    except ValueError:
        pass
    raise click.BadParameter(f"{value!r} is geen datum; gebruik bijvoorbeeld 2026-03-01, 01-03-2026 of '1 maart 2026'",
                             param_hint="--datum")


def decision_from_file(path: Path):
    """The decision in one file: `kanaalwijzer extract` on it, as the resolver's input."""
    from kanaalwijzer.answer import Decision
    from nlp.pipeline import extract

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise click.ClickException(f"kan {path} niet lezen: {exc.strerror or exc}") from None
    result = extract(data, str(path))
    if result.get("error") and not result.get("title") and result.get("classification") == "not_designation":
        raise click.ClickException(f"{path}: {result['error']}")
    return Decision.from_extract(result)


@click.command("vraag")
@click.argument("path", metavar="BESTAND", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--bericht", required=True, metavar="TEKST", help="Het bericht in gewone woorden, bijv. 'bezwaarschrift tegen mijn WOZ-beschikking'.")
@click.option("--datum", metavar="DATUM", help="De datum waarop u het bericht stuurt (2026-03-01, 01-03-2026 of '1 maart 2026'); standaard vandaag.")
@click.option("--json", "as_json", is_flag=True, help="Het antwoord als JSON.")
def command(path: Path, bericht: str, datum: str | None, as_json: bool) -> None:
    """Welk kanaal wijst het besluit in BESTAND aan voor dit bericht op deze datum, en welk artikel beslist dat?"""
    from kanaalwijzer.answer import answer

    on = parse_date(datum)
    if not bericht.strip():
        raise click.BadParameter("beschrijf het bericht, bijv. 'aanvraag evenementenvergunning'", param_hint="--bericht")
    result = answer(decision_from_file(path), bericht.strip(), on)
    if as_json:
        click.echo(json.dumps({"file": str(path), **result.as_dict()}, ensure_ascii=False, indent=2))
    else:
        click.echo(format_answer(result))


def format_answer(result) -> str:
    from kanaalwijzer.vocabulary import ANSWER_STATUSES, channel_label, dutch_date, label

    d = result.decision
    lines = [f"Bericht:  {result.message}  (op {dutch_date(result.date)})",
             f"Besluit:  {d.get('title') or d.get('source')}" + (f" ({d['authority']})" if d.get("authority") else ""),
             f"Antwoord: {label(ANSWER_STATUSES, result.status)}"]
    if result.designated:
        lines.append("Aangewezen:")
        for c in result.designated:
            extra = "; ".join(c.get("conditions") or [])
            lines.append(f"  - {channel_label(c['kind'])}: {c['value'] or channel_label(c['kind'])}"
                         f" [{c['location'] or '?'}]" + (f" ({extra})" if extra else ""))
    if result.excluded:
        lines.append("Uitgesloten:")
        for c in result.excluded:
            lines.append(f"  - {channel_label(c['kind'])}: {c['value']} [{c['location'] or '?'}]")
    if result.decided_by:
        lines.append(f"Beslist door: {result.decided_by}")
    lines.append(f"Waarom:   {result.reason}")
    return "\n".join(lines)
