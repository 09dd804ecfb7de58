"""Search benchmark: index build rate and query latency at 10k, 50k and 200k publications.

    .venv/bin/python benchmarks/search.py [--sizes 10000,50000,200000] [--rounds 5]

A synthetic corpus (150-500 Dutch-ish words per publication, Zipf-distributed vocabulary, real body
codes, dates, facets) is generated fast by slicing windows out of one large pre-drawn word stream.
Each size is indexed with a full rebuild, then a fixed set of 50 queries (words, phrases, OR,
exclusion, prefixes, identifiers, filters, facet selections, date sort, deep pages; every one
computes all seven facets) runs `--rounds` times after a warm-up round. Reported: build rate,
p50/p95 latency, and the growth of p95 from the smallest size (sub-linear means well below the
growth in documents). Elasticsearch is measured too when KANAALWIJZER_ES_URL is set.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kanaalwijzer import bodies  # noqa: E402
from kanaalwijzer.search import SearchRequest  # noqa: E402
from kanaalwijzer.search.embedded import EmbeddedBackend  # noqa: E402

DOMAIN_WORDS = (
    "aanwijzingsbesluit elektronische kanalen kanaal webformulier contactformulier bericht berichten "
    "college burgemeester wethouders gemeenteraad besluit artikel lid algemene wet bestuursrecht bezwaar "
    "bezwaarschrift aanvraag melding zienswijze digid eherkenning omgevingsloket berichtenbox dienstenwet "
    "mijngemeente portaal email verzender ontvangst inwerkingtreding bekendmaking vergunning parkeervergunning "
    "subsidie belasting heffingsambtenaar toezichthouder mandaat verordening regeling bijlage openbare ruimte "
    "gemeente provincie waterschap gedeputeerde staten dagelijks bestuur procedure termijn formulier"
).split()
SYLLABLES = ("aan be ge ver ont her over onder door wijs ling heid baar lijk ing stel recht raad plan werk "
             "bouw weg water land stad dorp zorg geld wet regel kant huis veld berg dijk molen brug straat "
             "markt school kerk haven").split()
KINDS = ["web_form", "contact_form", "portal", "email", "omgevingsloket", "berichtenbox", "dienstenwet_loket"]
ORGANS = ["college van burgemeester en wethouders", "burgemeester", "gemeenteraad", "gedeputeerde staten",
          "dagelijks bestuur"]

QUERIES = [  # (q, facet selections, sort, page): fixed, so every size answers the same 50 questions
    ("kanalen", {}, "relevance", 1), ("webformulier", {}, "relevance", 1), ("bezwaar", {}, "relevance", 1),
    ("elektronische kanalen", {}, "relevance", 1), ("aanwijzingsbesluit elektronische kanalen", {}, "relevance", 1),
    ('"elektronische kanalen"', {}, "relevance", 1), ('"algemene wet bestuursrecht"', {}, "relevance", 1),
    ('"artikel 2:13"', {}, "relevance", 1), ("gmb-2025-000123", {}, "relevance", 1), ("CVDR100042", {}, "relevance", 1),
    ("webformulier OR contactformulier", {}, "relevance", 1), ("digid OR eherkenning", {}, "relevance", 1),
    ("kanaal -email", {}, "relevance", 1), ("bezwaar -mandaat -subsidie", {}, "relevance", 1),
    ("aanwijz*", {}, "relevance", 1), ("elektron* kanaal", {}, "relevance", 1), ("verorde*", {}, "relevance", 1),
    ("berichtenbox", {"kanaal": ["berichtenbox"]}, "relevance", 1), ("kanalen", {"provincie": ["Utrecht"]}, "relevance", 1),
    ("kanalen", {"gemeente": ["GM0344"]}, "relevance", 1), ("kanalen", {"regime": ["wmebv"]}, "relevance", 1),
    ("besluit", {"bron": ["cvdr"], "jaar": ["2025"]}, "relevance", 1),
    ("besluit", {"provincie": ["Zuid-Holland", "Noord-Holland"], "kanaal": ["web_form"]}, "relevance", 1),
    ("", {}, "date", 1), ("", {"provincie": ["Gelderland"]}, "date", 1), ("", {"kanaal": ["email"]}, "date", 1),
    ("", {"regime": ["pre_wmebv"], "jaar": ["2019"]}, "date", 1), ("kanalen", {}, "date", 1),
    ("webformulier", {}, "date", 3), ("gemeente:Amsterdam", {}, "date", 1), ('gemeente:"Den Haag" kanaal', {}, "relevance", 1),
    ("provincie:Limburg besluit", {}, "relevance", 1), ("kanaal:webformulier regime:wmebv", {}, "date", 1),
    ("jaar:2024..2026 aanwijzingsbesluit", {}, "relevance", 1), ("datum:2025-01-01..2025-12-31 kanalen", {}, "relevance", 1),
    ("datum:..2018 bezwaar", {}, "relevance", 1), ("-kanaal:email kanaal", {}, "relevance", 1),
    ("bron:cvdr verordening", {}, "relevance", 1), ("orgaan:burgemeester mandaat", {}, "relevance", 1),
    ("toezichthouder", {}, "relevance", 1), ("parkeervergunning aanvraag", {}, "relevance", 1),
    ('"openbare ruimte" melding', {}, "relevance", 1), ("omgevingsloket vergunning", {}, "relevance", 1),
    ("kanalen", {}, "relevance", 20), ("besluit", {}, "relevance", 200), ("", {}, "date", 400),
    ("zeldzaamwoordnietaanwezig", {}, "relevance", 1), ("heffingsambtenaar belasting", {}, "relevance", 1),
    ("dienstenwet OR portaal OR mijngemeente", {"kanaal": ["portal"]}, "relevance", 1),
    ("bericht verzender ontvangst", {}, "relevance", 1),
]
assert len(QUERIES) == 50


STOP_WORDS = ("de het een van en in is op te dat die voor met niet aan als zijn er bij om door of "
              "worden wordt over ook tot uit naar dan zich nog kan deze dit was onder").split()


def vocabulary(rng: random.Random, size: int = 8000) -> list[str]:
    """Words by rank: Dutch function words first (as in real text), then made-up words with the
    domain words spread over ranks 40-4000, so 'kanalen' is common but not in every document."""
    words = list(STOP_WORDS)
    made_up = set()
    while len(words) + len(DOMAIN_WORDS) < size:
        word = "".join(rng.choices(SYLLABLES, k=rng.randint(2, 4)))
        if word not in made_up and word not in DOMAIN_WORDS:
            made_up.add(word)
            words.append(word)
    for n, word in enumerate(DOMAIN_WORDS):
        words.insert(40 + n * 4000 // len(DOMAIN_WORDS), word)
    return words


def corpus(n: int, seed: int = 42) -> list[dict]:
    """n synthetic index documents; deterministic for a seed."""
    rng = random.Random(seed)
    words = vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(words))]  # Zipf
    stream = rng.choices(words, weights=weights, k=2_000_000)
    municipalities = bodies.municipalities()
    provinces = {name: code for code, name in bodies.PROVINCES.items()}
    start = date(2015, 1, 1)
    docs = []
    for i in range(n):
        length = rng.randint(150, 500)
        offset = rng.randrange(len(stream) - length)
        text = " ".join(stream[offset:offset + length])
        body = municipalities[i % len(municipalities)] if i % 10 else None
        cvdr = i % 5 == 0
        published = start + timedelta(days=rng.randrange(4200))
        designation = i % 20 == 0
        kinds = sorted(set(rng.sample(KINDS, rng.randint(1, 3)))) if designation else []
        if designation:
            text = ("Aanwijzingsbesluit elektronische kanalen. Gelet op artikel 2:13 van de Algemene wet "
                    "bestuursrecht wijst het college het webformulier aan. " + text)
        docs.append({
            "id": f"CVDR{100000 + i}_1" if cvdr else f"gmb-{published.year}-{i:06d}",
            "title": " ".join(stream[offset + 7:offset + 7 + rng.randint(4, 10)]).capitalize(),
            "text": text,
            "source": "cvdr" if cvdr else "officielepublicaties",
            "publication_name": "CVDR" if cvdr else "Gemeenteblad",
            "body_name": body.name if body else "Utrecht",
            "body_code": body.code if body else provinces["Utrecht"],
            "body_type": "gemeente" if body else "provincie",
            "province": body.province if body else "Utrecht",
            "organs": rng.sample(ORGANS, rng.randint(1, 2)) if designation else [],
            "channel_kinds": kinds,
            "regime": ("wmebv" if published.year >= 2025 else "pre_wmebv") if designation else None,
            "classification": "wmebv_designation" if designation else "not_designation",
            "year": published.year, "published": published.isoformat(), "modified": published.isoformat(),
            "url_official": f"https://example.test/{i}", "is_format_of": None,
        })
    return docs


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def measure(backend, rounds: int) -> dict:
    requests = [SearchRequest(q=q, filters=f, sort=s, page=p) for q, f, s, p in QUERIES]
    for request in requests:  # warm-up: caches, mmaps
        backend.search(request)
    times, cpu, totals = [], [], []
    for _ in range(rounds):
        for request in requests:
            started, started_cpu = time.perf_counter(), time.process_time()
            result = backend.search(request)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
            totals.append(result.total)
    return {"p50": percentile(times, 50), "p95": percentile(times, 95), "max": max(times),
            "cpu_p95": percentile(cpu, 95), "median_hits": statistics.median(totals), "max_hits": max(totals),
            "load": os.getloadavg()[0]}


def run(name: str, make, sizes: list[int], rounds: int) -> list[dict]:
    rows = []
    for n in sizes:
        docs = corpus(n)
        backend, cleanup = make()
        try:
            started = time.perf_counter()
            assert backend.rebuild(docs) == n
            build = time.perf_counter() - started
            assert backend.count() == n
            row = {"backend": name, "docs": n, "build_s": build, "rate": n / build, **measure(backend, rounds)}
        finally:
            cleanup()
        rows.append(row)
        print(f"  {name:>13} {n:>8,}: built in {build:.1f} s, p95 {row['p95']:.2f} ms", file=sys.stderr)
    return rows


def embedded():
    folder = tempfile.mkdtemp(prefix="kw-bench-")
    return EmbeddedBackend(folder), lambda: shutil.rmtree(folder, ignore_errors=True)


def elasticsearch():
    from kanaalwijzer.search.elastic import ElasticBackend
    backend = ElasticBackend.from_url(os.environ["KANAALWIJZER_ES_URL"], alias=f"kw-bench-{time.time_ns()}",
                                      replicas=0)
    return backend, backend.drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,50000,200000")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = run("embedded", embedded, sizes, args.rounds)
    if os.environ.get("KANAALWIJZER_ES_URL"):
        rows += run("elasticsearch", elasticsearch, sizes, args.rounds)
    else:
        print("Elasticsearch overgeslagen: KANAALWIJZER_ES_URL is niet gezet.", file=sys.stderr)
    print(f"\n{len(QUERIES)} queries with all 7 facets, {args.rounds} rounds after a warm-up; one process, "
          f"{os.cpu_count()} cores. 'cpu p95': this process's CPU time per query, which other load on the "
          f"machine does not inflate; 'load': 1-minute load average while measuring.")
    header = (f"{'backend':<14}{'docs':>9}{'build s':>9}{'docs/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}"
              f"{'cpu p95':>9}{'p95 x':>8}{'docs x':>8}{'med hits':>10}{'load':>7}")
    print(header)
    print("-" * len(header))
    for row in rows:
        base = next(r for r in rows if r["backend"] == row["backend"])
        print(f"{row['backend']:<14}{row['docs']:>9,}{row['build_s']:>9.1f}{row['rate']:>9,.0f}{row['p50']:>9.2f}"
              f"{row['p95']:>9.2f}{row['max']:>9.2f}{row['cpu_p95']:>9.2f}{row['p95'] / base['p95']:>8.1f}"
              f"{row['docs'] / base['docs']:>8.0f}{row['median_hits']:>10,.0f}{row['load']:>7.1f}")
    largest = [r for r in rows if r["backend"] == "embedded"][-1]
    verdict = "met" if largest["p95"] < 50 else "MISSED"
    print(f"\ngoal p95 < 50 ms at {largest['docs']:,} (embedded): {verdict} ({largest['p95']:.1f} ms)")


if __name__ == "__main__":
    main()
