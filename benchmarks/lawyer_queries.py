"""Search quality: 20 queries a lawyer types, run against the sample corpus index (not timed).

    .venv/bin/python benchmarks/lawyer_queries.py [--home DIR] [--save after.json] [--before before.json]

Builds the sample corpus index with the real chain (replay server over the sample corpus, a sweep
over all its dates, extraction, index; as the web tests do) into DIR (a temporary folder when not given; an existing DIR with an
index is reused), then prints per query the number of hits and, where the query names a
publication, the rank of that publication. `--save` writes the figures as JSON, `--before` adds a
column from such a file (the figures of an earlier run, e.g. on an older main).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# (query, what it tests, the publication it must find or None)
QUERIES = [
    ("bezwaar OF klacht", "OF als OR", None),
    ("webformulier NIET e-mail", "NIET als NOT", None),
    ("email", "spelling e-mail", None),
    ("e-mail", "spelling e-mail", None),
    ("E\u2011mail", "e-mail met harde koppelstreep (U+2011)", None),
    ("emailadres", "samenstelling e-mailadres", None),
    ("webformulier", "kanaalwoord", None),
    ("web-formulier", "spelling webformulier", None),
    ("e-formulier", "variant webformulier", None),
    ("'s-Gravenhage", "naam met 's-", "gmb-2025-498211"),
    ("Den Haag", "naamvariant 's-Gravenhage", "gmb-2025-498211"),
    ("Den Bosch", "naamvariant 's-Hertogenbosch", "gmb-2025-533020"),
    ("'s-Hertogenbosch", "naam met 's-", "gmb-2025-533020"),
    ("Gmb. 2025, 540118", "citaat zoals de app het geeft", "gmb-2025-540118"),
    ("540118", "kaal publicatienummer", "gmb-2025-540118"),
    ("gmb-2025-540118", "identificatie", "gmb-2025-540118"),
    ("CVDR762001", "CVDR-werk (alle versies)", "CVDR762001_2"),
    ("Awb 2:15", "wetsverwijzing, afkorting", None),
    ("artikel 2:13 lid 2", "wetsverwijzing met lid", None),
    ("2:13", "kaal artikelnummer", None),
]
assert len(QUERIES) == 20


def build(home: Path) -> None:
    """The real chain over the whole sample corpus, without starting the app."""
    from devtools.replay import ReplayServer
    from kanaalwijzer.chain import run_chain

    with ReplayServer() as replay:
        dates = sorted(item.meta["modified"] for item in replay.items)
        env = {"KANAALWIJZER_HOME": str(home), "KANAALWIJZER_OP_SRU_URL": replay.op_sru_url,
               "KANAALWIJZER_CVDR_SRU_URL": replay.cvdr_sru_url}
        os.environ.pop("KANAALWIJZER_DB", None)
        run_chain(["--source", "all", "--mode", "sweep", "--since", dates[0], "--until", dates[-1],
                   "--window-days", "31", "--publication", "all", "--no-probe", "--set", "DOWNLOAD_DELAY=0",
                   "--set", "AUTOTHROTTLE_ENABLED=False"], env=env, serve=False)


def run(home: Path) -> list[dict]:
    from kanaalwijzer.config import load_config
    from kanaalwijzer.search import QueryError, SearchRequest, get_backend

    backend = get_backend(load_config(home=home), "embedded")
    rows = []
    for q, what, target in QUERIES:
        try:
            result = backend.search(SearchRequest(q=q, per_page=100))
            ids = [hit.id for hit in result.hits]
            rows.append({"q": q, "what": what, "target": target, "hits": result.total,
                         "rank": ids.index(target) + 1 if target in ids else None, "error": None})
        except QueryError as error:
            rows.append({"q": q, "what": what, "target": target, "hits": 0, "rank": None, "error": error.message})
    return rows


def cell(row: dict | None) -> str:
    if row is None:
        return "–"
    if row["error"]:
        return "fout"
    text = str(row["hits"])
    if row["target"]:
        text += f" (#{row['rank']})" if row["rank"] else " (niet gevonden)"
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--home", type=Path, help="map met (of voor) de demo-store en -index")
    parser.add_argument("--save", type=Path, help="schrijf de uitkomsten als JSON")
    parser.add_argument("--before", type=Path, help="JSON van een eerdere run, als kolom 'voor'")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kw-lawyer-") as tmp:
        home = args.home or Path(tmp)
        if not (home / "index" / "CURRENT").exists():
            build(home)
        rows = run(home)
    if args.save:
        args.save.write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    before = {row["q"]: row for row in json.loads(args.before.read_text("utf-8"))} if args.before else None
    print("| # | zoekvraag | toetst | " + ("voor | na |" if before is not None else "treffers |"))
    print("|---|---|---|" + ("---|---|" if before is not None else "---|"))
    for n, row in enumerate(rows, start=1):
        cells = [cell(before.get(row["q"])), cell(row)] if before is not None else [cell(row)]
        print(f"| {n} | `{row['q']}` | {row['what']} | " + " | ".join(cells) + " |")
    print("\nTreffers: totaal aantal; (#n): plaats van de genoemde publicatie in de eerste 100.")


if __name__ == "__main__":
    main()
