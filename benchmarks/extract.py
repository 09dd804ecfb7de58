"""Extraction throughput, measured in one run against spaCy tokenisation as the baseline.

Two streams of synthetic texts (generated here, deterministic seed):
(a) a realistic gazette stream: 1 designation decision per 100 unrelated publications
    (permits, traffic decisions, subsidies, zoning notices; 1-4 kB each, often with an
    e-mail address or "digitaal" in them, as real ones have);
(b) designation decisions alone (full length, articles + annex table).
Every timing is one pass from freshly loaded pipelines (cold tokenizer cache, as for new
publications); the pass with the median ratio of --repeat such passes is kept. For each stream: documents/s of
`nlp.extract(bytes, facts=False)` (the public entry in the bulk mode the store uses: prefilter on the
bytes, then normalising, pipeline, JSON contract) next to documents/s of `nlp.make_doc(text)` on the
very same texts, and the ratio extract time / tokenisation time. Both are timed in alternating
chunks of 100 documents, in CPU time of this process (time.process_time): on a machine shared by
several developers, wall-clock passes minutes apart saw different loads and the ratio swung by 20%. Goals: (a) <= 0.05x thanks to the prefilter, (b) <= 3x.

    .venv/bin/python benchmarks/extract.py [--unrelated 3000] [--designations 200] [--repeat 3]
"""
from __future__ import annotations

import argparse
import random
import time

from nlp import extract, get_nlp, load

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


SYLLABLES = ["ber", "gen", "hof", "kamp", "linde", "mol", "straat", "veen", "wijk", "dijk", "horst", "laan",
             "brink", "es", "ter", "van", "de", "oort", "schot", "zand", "beek", "hout", "riet", "vliet"]


def word(rnd: random.Random) -> str:
    return "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 4)))


def unrelated(rnd: random.Random) -> str:
    """A notice from fixed sentence frames filled with fresh names, addresses, case numbers and
    words, so the vocabulary is as varied as in real publications (a tokenizer meeting the
    same few templates over and over would mostly hit its cache)."""
    parts = []
    for _ in range(rnd.randint(2, 6)):  # real notices run 1-5 kB
        place = rnd.choice(PLACES)
        street = word(rnd).capitalize() + rnd.choice(["straat", "weg", "laan", "plein", "hof"])
        parts.append(rnd.choice(UNRELATED).format(
            place=place, slug=place.lower(), street=street, n=rnd.randint(1, 999), m=rnd.randint(100, 2000),
            act=f"{rnd.choice(ACTS)} ({word(rnd)}, zaaknummer Z-{rnd.randint(2019, 2026)}-{rnd.randint(1000, 99999)})",
            topic=f"{rnd.choice(TOPICS)} {word(rnd)}", year=rnd.randint(2019, 2026)))
        parts.append(" ".join(word(rnd) if rnd.random() < 0.3 else rnd.choice(COMMON) for _ in range(rnd.randint(20, 60))) + ".")
    return "\n".join(parts)


COMMON = ("de het een van en in op te dat voor met aan is niet bij door zijn worden wordt als ook om "
          "naar tot over uit na dan nog kan kunnen deze dit die er of meer geen onder tegen tussen "
          "gemeente college besluit aanvraag perceel bezwaar termijn weken openbaar inzage gebied").split()


def designation(rnd: random.Random) -> str:
    place = rnd.choice(PLACES)
    slug = place.lower()
    rows = "\n".join(f"| {p} | webformulier op www.{slug}.nl/{p.split()[-1].lower()} | {rnd.choice(['DigiD', 'geen'])} |"
                     for p in rnd.sample(PROCESSES, rnd.randint(4, len(PROCESSES))))
    year = rnd.choice([2026, 2027])
    return DESIGNATION.format(place=place, slug=slug, year=year, prev=year - 1, n=rnd.randint(1, 20), rows=rows)


def interleaved(texts: list[str], blobs: list[bytes], chunk: int = 100) -> tuple[float, float]:
    """(tokenisation, extraction) CPU seconds for one pass of fresh pipelines, in alternating chunks
    of documents: both see the same load, and each runs as it does in production, one publication
    after another (per single document the tokeniser would evict the prefilter's data from the CPU
    caches every time, which a real stream of rejected publications never does)."""
    tok_nlp, ext_nlp = load(), load()
    clock = time.process_time
    t_tok = t_ext = 0.0
    for i in range(0, len(texts), chunk):
        t0 = clock()
        for text in texts[i:i + chunk]:
            tok_nlp.make_doc(text)
        t1 = clock()
        for blob in blobs[i:i + chunk]:
            # bulk mode, as `kanaalwijzer extract --pending` runs it over harvested publications
            extract(blob, "bench.txt", nlp=ext_nlp, facts=False)
        t2 = clock()
        t_tok += t1 - t0
        t_ext += t2 - t1
    return t_tok, t_ext


def measure(name: str, texts: list[str], repeat: int) -> dict:
    """Each pass starts from freshly loaded pipelines: spaCy's tokenizer caches every chunk it has
    seen, so a second pass over the same texts would time a warm cache, not the work. The pass with
    the median ratio is kept, with its own two timings (both measured under the same conditions)."""
    blobs = [t.encode("utf-8") for t in texts]
    passes = sorted((interleaved(texts, blobs) for _ in range(repeat)), key=lambda p: p[1] / p[0])
    t_tok, t_ext = passes[len(passes) // 2]
    n = len(texts)
    kb = sum(map(len, texts)) / 1000
    return {"stream": name, "docs": n, "tokenise_docs_s": n / t_tok, "extract_docs_s": n / t_ext,
            "ratio": t_ext / t_tok, "tokenise_us_per_kb": t_tok * 1e6 / kb}


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
    goals = ["<= 0.05x", "<= 3x"]
    for row, goal in zip(rows, goals):
        print(f"{row['stream']:<34}{row['docs']:>6}{row['tokenise_docs_s']:>17.0f}{row['extract_docs_s']:>16.0f}"
              f"{row['ratio']:>7.3f}x  {goal}")
    print(f"\ntokenisation cost: stream (a) {rows[0]['tokenise_us_per_kb']:.0f} us per kB, "
          f"stream (b) {rows[1]['tokenise_us_per_kb']:.0f} us per kB")
    real = real_sample_cost()
    if real:
        print(f"tokenisation of real gazette/CVDR samples in ../shared/reference: {real:.0f} us per kB (for comparison)")


def real_sample_cost() -> float | None:
    """Cold tokenisation cost of the real reference samples, to show the synthetic stream is
    not cheaper to tokenise than real publications."""
    from pathlib import Path

    from kanaalwijzer.documents import parse_document
    folder = Path(__file__).resolve().parents[2] / "shared" / "reference" / "samples"
    texts = [parse_document(p.read_bytes(), p.name).text for p in sorted(folder.glob("*content*.xml"))]
    if not texts:
        return None
    nlp = load()
    t = time.perf_counter()
    for text in texts:
        nlp.make_doc(text)
    return (time.perf_counter() - t) * 1e6 / (sum(map(len, texts)) / 1000)


if __name__ == "__main__":
    main()
