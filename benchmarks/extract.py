"""Extraction throughput, measured in one run against spaCy tokenisation as the baseline.

Two streams of synthetic texts (generated here, deterministic seed):
(a) a realistic gazette stream: 1 designation decision per 100 unrelated publications
    (permits, traffic decisions, subsidies, zoning notices; 1-4 kB each, often with an
    e-mail address or "digitaal" in them, as real ones have);
(b) designation decisions alone (full length, articles + annex table).
For each stream: documents/s of `nlp.extract(bytes, facts=False)` (the public entry in the bulk
mode the store uses: prefilter on the bytes, then normalising, pipeline, JSON contract) next to documents/s of `nlp.make_doc(text)` on the very same
texts, and the ratio extract time / tokenisation time. Goals: (a) < 0.2x thanks to the
prefilter, (b) <= 3x.

    .venv/bin/python benchmarks/extract.py [--unrelated 3000] [--designations 200] [--repeat 3]
"""
from __future__ import annotations

import argparse
import random
import time

from nlp import extract, get_nlp

PLACES = ["Veere", "Gouda", "Zaltbommel", "Oisterwijk", "Hillegom", "Meppel", "Tiel", "Venlo", "Delft", "Epe"]
STREETS = ["Dorpsstraat", "Kerkweg", "Molenlaan", "Stationsplein", "Havenkade", "Beukenlaan", "Marktstraat"]
UNRELATED = [
    "Verleende omgevingsvergunning {street} {n} te {place}. Het college van burgemeester en wethouders van {place} "
    "maakt bekend dat een omgevingsvergunning is verleend voor het {act} op het perceel {street} {n}. "
    "De stukken liggen zes weken ter inzage in het gemeentehuis. Belanghebbenden kunnen binnen zes weken na de dag "
    "van bekendmaking bezwaar maken bij het college. Vragen? Mail naar info@{slug}.nl of bel 14 0{n}.",
    "Verkeersbesluit {street} {place}. Het college besluit op grond van artikel 18 van de Wegenverkeerswet 1994 "
    "een parkeerverbod in te stellen aan de {street} tussen huisnummer {n} en {m}, door het plaatsen van bord E1 "
    "van bijlage 1 van het RVV 1990. Dit besluit treedt in werking op de dag na bekendmaking. Tegen dit besluit "
    "kan binnen zes weken bezwaar worden gemaakt. Meer informatie: www.{slug}.nl/verkeer.",
    "Subsidieregeling {topic} {place} {year}. De raad van de gemeente {place}; gelet op artikel 149 van de "
    "Gemeentewet; besluit vast te stellen de Subsidieregeling {topic} {place} {year}. Artikel 1 Begrippen. "
    "In deze regeling wordt verstaan onder aanvrager: een natuurlijk persoon of rechtspersoon. Artikel 2 "
    "Subsidiabele activiteiten. Het college kan subsidie verstrekken voor {topic}. Artikel 3 Aanvraag. Een aanvraag "
    "wordt ingediend voor 1 oktober. Artikel 4 Inwerkingtreding. Deze regeling treedt in werking op 1 januari {year}.",
    "Kennisgeving ontwerpbestemmingsplan {street} {place}. Het ontwerp ligt met ingang van {n} maart {year} "
    "gedurende zes weken ter inzage. Gedurende deze termijn kan eenieder een zienswijze naar voren brengen bij de "
    "gemeenteraad. Het plan is ook digitaal te raadplegen via www.ruimtelijkeplannen.nl. {act} is voorzien.",
    "Aanvraag evenementenvergunning {topic} {place}. De burgemeester van {place} heeft een aanvraag ontvangen voor "
    "het evenement {topic} op {n} juni {year} aan de {street}. Dit is geen besluit; u kunt nog geen bezwaar maken. "
    "Het besluit wordt later gepubliceerd. Informatie bij team vergunningen, vergunningen@{slug}.nl.",
]
ACTS = ["kappen van twee eiken", "bouwen van een dakkapel", "verbouwen van een woning", "plaatsen van een schuur"]
TOPICS = ["sport en bewegen", "duurzame energie", "cultuur", "monumenten", "jeugd", "dorpshuizen"]

DESIGNATION = """Aanwijzingsbesluit elektronische kanalen gemeente {place} {year}
Het college van burgemeester en wethouders en de burgemeester van {place}, ieder voor zover bevoegd;
gelet op artikel 2:13, tweede lid, van de Algemene wet bestuursrecht;
besluiten vast te stellen het Aanwijzingsbesluit elektronische kanalen gemeente {place} {year}.
Artikel 1 Begripsbepalingen
In dit besluit wordt verstaan onder:
a. contactformulier: het algemene formulier op www.{slug}.nl/contact;
b. Mijn{place}: de persoonlijke omgeving op mijn.{slug}.nl.
Artikel 2 Aangewezen kanalen
1. Voor de berichten die in bijlage 1 zijn genoemd, wordt het daar vermelde kanaal aangewezen.
2. Voor berichten die niet in bijlage 1 zijn genoemd, wordt het contactformulier aangewezen.
3. Een aanvraag om bijzondere bijstand kan uitsluitend worden ingediend via Mijn{place}, na inloggen met DigiD.
Artikel 3 Omgevingswet
Voor berichten onder de Omgevingswet wordt het Omgevingsloket als kanaal gebruikt.
Artikel 4 Niet aangewezen kanalen
E-mail, WhatsApp en sociale media zijn geen aangewezen kanalen.
Artikel 5 Inwerkingtreding
Dit besluit treedt in werking op 1 januari {year}.
Aldus vastgesteld op {n} december {prev}.
Bijlage 1 Berichten en kanalen
| Bericht | Kanaal | Inloggen |
|---|---|---|
{rows}
"""
PROCESSES = ["Aanvraag parkeervergunning", "Bezwaarschrift", "Melding openbare ruimte", "Klacht",
             "Aanvraag evenementenvergunning", "Zienswijze", "Aanvraag subsidie", "Verhuizing doorgeven"]


def unrelated(rnd: random.Random) -> str:
    parts = []
    for _ in range(rnd.randint(2, 6)):  # real notices run 1-5 kB
        place = rnd.choice(PLACES)
        parts.append(rnd.choice(UNRELATED).format(
            place=place, slug=place.lower(), street=rnd.choice(STREETS), n=rnd.randint(1, 99),
            m=rnd.randint(100, 200), act=rnd.choice(ACTS), topic=rnd.choice(TOPICS), year=rnd.randint(2019, 2026)))
    return "\n".join(parts)


def designation(rnd: random.Random) -> str:
    place = rnd.choice(PLACES)
    slug = place.lower()
    rows = "\n".join(f"| {p} | webformulier op www.{slug}.nl/{p.split()[-1].lower()} | {rnd.choice(['DigiD', 'geen'])} |"
                     for p in rnd.sample(PROCESSES, rnd.randint(4, len(PROCESSES))))
    year = rnd.choice([2026, 2027])
    return DESIGNATION.format(place=place, slug=slug, year=year, prev=year - 1, n=rnd.randint(1, 20), rows=rows)


def timed(fn, items, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        for item in items:
            fn(item)
        best = min(best, time.perf_counter() - t)
    return best


def measure(name: str, texts: list[str], repeat: int) -> dict:
    nlp = get_nlp()
    blobs = [t.encode("utf-8") for t in texts]
    t_tok = timed(nlp.make_doc, texts, repeat)
    # bulk mode, as `kanaalwijzer extract --pending` runs it over harvested publications
    t_ext = timed(lambda b: extract(b, "bench.txt", facts=False), blobs, repeat)
    n = len(texts)
    return {"stream": name, "docs": n, "tokenise_docs_s": n / t_tok, "extract_docs_s": n / t_ext,
            "ratio": t_ext / t_tok}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--unrelated", type=int, default=3000)
    ap.add_argument("--designations", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    get_nlp()  # load once, outside the timings
    extract(designation(rnd).encode(), "warm-up.txt")

    stream = []
    for i in range(args.unrelated):
        stream.append(unrelated(rnd))
        if i % 100 == 99:
            stream.append(designation(rnd))
    designations = [designation(rnd) for _ in range(args.designations)]
    # sanity: the stream really contains what we claim, and extraction finds the designations
    found = sum(extract(t.encode(), "x.txt")["classification"] == "wmebv_designation" for t in stream)
    print(f"stream (a): {len(stream)} texts, {found} recognised as designation "
          f"(expected {args.unrelated // 100})")

    rows = [measure("(a) 1 op 100 ongerelateerd", stream, args.repeat),
            measure("(b) alleen aanwijzingsbesluiten", designations, args.repeat)]
    print(f"\n{'stroom':<34}{'docs':>6}{'make_doc docs/s':>17}{'extract docs/s':>16}{'ratio':>8}  doel")
    goals = ["< 0.2x", "<= 3x"]
    for row, goal in zip(rows, goals):
        print(f"{row['stream']:<34}{row['docs']:>6}{row['tokenise_docs_s']:>17.0f}{row['extract_docs_s']:>16.0f}"
              f"{row['ratio']:>7.2f}x  {goal}")


if __name__ == "__main__":
    main()
