"""The message vocabulary: what kind of message a phrase names, what it is about, and whom it addresses.

A phrase ("bezwaarschrift tegen mijn WOZ-beschikking", "Aanvraag omgevingsvergunning of melding activiteit",
"berichten aan de ambtenaar van de burgerlijke stand") becomes `Features`:
- `types`: the kind of message at the head of each conjunct (aanvraag, bezwaarschrift, Woo-verzoek, ...);
  a type word inside the object ("bezwaar tegen de weigering van een aanvraag") is not a head;
- `content`: Dutch snowball stems of the words that say what it is about (generic words left out);
- `products`, `domains`, `addressees`: names from kanaalwijzer/data/berichten.json found in it.
Both a citizen's question and a decision's message names go through the same function, so the
resolver compares like with like. Pure Python: no spaCy.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer

DATA = Path(__file__).resolve().parent.parent / "data" / "berichten.json"
TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
# conjunct boundaries: a coordinated list names several messages; "waaronder"/"zoals" add examples
BOUNDARY = {",", ";", "(", ")", "en", "of", "alsmede", "waaronder", "zoals", "inclusief", "bijvoorbeeld"}
# the object starts here: a type word after one of these is part of what the message is about
OBJECT_START = {"tegen", "over", "bij", "van", "op", "voor", "om", "naar", "met", "aan", "in", "die", "dat",
                "waarvoor", "als", "inzake", "betreffende", "omtrent", "wegens"}
MAX_PHRASE = 6
# a stem ending in another (compound head: "bewonersparkeervergunning" is a "parkeervergunning") counts
# when the rest is a real word part, not a prefix ("vermelding" is no "melding")
PREFIXES = {"ver", "be", "ge", "ont", "her", "er", "on", "mis"}


@cache
def _stemmer():
    return snowballstemmer.stemmer("dutch")


DOUBLE_VOWEL = re.compile(r"([aeiou])\1(?=[^aeiou]$)")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The snowball stem, evened out where singular and plural still differ ("zienswijze"/"zienswijzen",
    "aanslag"/"aanslagen", "weg"/"wegen"): no final e, one vowel before the last consonant, s for z."""
    s = _stemmer().stemWord(word.casefold())
    if len(s) > 3 and s.endswith("e"):
        s = s[:-1]
    s = DOUBLE_VOWEL.sub(r"\1", s)
    if s.endswith("z"):
        s = s[:-1] + "s"
    elif s.endswith("v"):
        s = s[:-1] + "f"
    return s


def tokens(text: str) -> list[str]:
    """Lower-case word tokens; hyphenated compounds are split into their parts ("WOZ-beschikking")."""
    return [t.casefold() for t in TOKEN.findall(text.replace("’", "'"))]


def compound_match(a: str, b: str) -> bool:
    """b is the head of compound a (or the same word)."""
    if a == b:
        return True
    if len(b) < 4 or len(a) - len(b) < 3 or not a.endswith(b):
        return False
    return a[: len(a) - len(b)] not in PREFIXES


@dataclass(frozen=True)
class Features:
    types: frozenset = frozenset()
    content: frozenset = frozenset()
    products: frozenset = frozenset()
    domains: frozenset = frozenset()
    addressees: frozenset = frozenset()
    on_request: bool = False
    implicit: bool = False  # the kind is inferred from the product ("paspoort": an aanvraag), not written

    @property
    def empty(self) -> bool:
        return not (self.types - {"bericht"} or self.content or self.products or self.domains or self.addressees)


@dataclass(eq=False)  # hashed by identity: its methods are cached per instance
class Vocabulary:
    types: dict
    domains: dict
    addressees: dict
    products: list
    compatible: list
    request_heads: tuple
    generic: frozenset
    stop: frozenset
    # stem tuple -> [(group, code)], group in type/domain/addressee/product/on_request
    index: dict = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path = DATA) -> Vocabulary:
        data = json.loads(path.read_text(encoding="utf-8"))
        voc = cls(types=data["types"], domains=data["domains"], addressees=data["addressees"],
                  products=data["products"], compatible=[set(g) for g in data["compatible"]],
                  request_heads=tuple(stem(w) for w in data["request_heads"]),
                  generic=frozenset(stem(w) for w in data["generic_words"]),
                  stop=frozenset(w.casefold() for w in data["stopwords"]))
        for code, item in data["types"].items():
            voc._add(item["phrases"], "type", code)
        for code, item in data["domains"].items():
            voc._add(item["phrases"], "domain", code)
        for code, item in data["addressees"].items():
            voc._add(item["phrases"], "addressee", code)
        for item in data["products"]:
            voc._add(item["phrases"], "product", item["name"])
        voc._add(data["on_request"], "on_request", "on_request")
        return voc

    def _add(self, phrases, group, code):
        for phrase in phrases:
            key = tuple(stem(t) for t in tokens(phrase))
            if key and (group, code) not in self.index.setdefault(key, []):
                self.index[key].append((group, code))

    # -- labels ------------------------------------------------------------------------------
    def type_label(self, code: str) -> str:
        return self.types.get(code, {}).get("label", code)

    def domain_label(self, code: str) -> str:
        return (self.domains.get(code) or self.addressees.get(code) or {}).get("label", code)

    def specific(self, code: str) -> bool:
        return bool(self.types.get(code, {}).get("specific"))

    def compatible_types(self, a: str, b: str) -> bool:
        return a == b or any(a in g and b in g for g in self.compatible)

    # -- features ----------------------------------------------------------------------------
    def features(self, text: str) -> Features:
        return self._features(" ".join((text or "").split()))

    @lru_cache(maxsize=8192)  # noqa: B019  (one vocabulary per process; phrases repeat)
    def _features(self, text: str) -> Features:
        # punctuation that separates conjuncts is kept as a token (TOKEN drops it)
        words = []
        for piece in re.split(r"([,;()])", text):
            if piece in {",", ";", "(", ")"}:
                words.append(piece)
            else:
                words += tokens(piece)
        stems = [w if w in BOUNDARY else stem(w) for w in words]
        # two passes: the kind of message, then what it is about ("melding activiteit" is both)
        found = self._scan(stems, ("type", "on_request")) + self._scan(stems, ("product", "domain", "addressee"))
        types = self._head_types(words, stems, found)
        implicit = types == {"aanvraag"} and not any(f[2] == "type" for f in found)
        content = frozenset(
            s for j, (w, s) in enumerate(zip(words, stems))
            if w not in BOUNDARY and w not in self.stop and s not in self.generic and not w.isdigit()
            and not _is_type_token(j, found) and len(w) > 1)
        products = frozenset(f[3] for f in found if f[2] == "product")
        domains = frozenset(f[3] for f in found if f[2] == "domain")
        addressees = frozenset(f[3] for f in found if f[2] == "addressee")
        on_request = any(f[2] == "on_request" for f in found)
        return Features(types=types, content=content, products=products, domains=domains,
                        addressees=addressees, on_request=on_request, implicit=implicit)

    def _scan(self, stems: list[str], groups: tuple[str, ...]) -> list[tuple]:
        """Entries of these groups in the stems, longest phrase first, left to right; a word that is
        no entry itself may end in one (compound head: "ziekmelding", "vergunningaanvraag")."""
        found = []
        i = 0
        while i < len(stems):
            for n in range(min(MAX_PHRASE, len(stems) - i), 0, -1):
                entries = [e for e in self.index.get(tuple(stems[i:i + n]), ()) if e[0] in groups]
                if entries:
                    found += [(i, i + n, g, c, False) for g, c in entries]
                    i += n
                    break
            else:
                s = stems[i]
                if s not in BOUNDARY and len(s) > 6:
                    for key, entries in self._single_words():
                        hits = [e for e in entries if e[0] in groups and e[0] != "on_request"]
                        if hits and compound_match(s, key):
                            found += [(i, i + 1, g, c, True) for g, c in hits]
                            break
                i += 1
        return found

    @cache  # noqa: B019
    def _single_words(self) -> list:
        return sorted(((k[0], v) for k, v in self.index.items() if len(k) == 1 and len(k[0]) >= 4),
                      key=lambda kv: -len(kv[0]))

    def _head_types(self, words, stems, found) -> frozenset:
        """The type at the head of each conjunct: the first type word before the object starts."""
        type_at = {}
        for s, e, g, c, _ in found:
            if g == "type":
                type_at.setdefault(s, (e, c))
        heads = set()
        in_object = False
        j = 0
        while j < len(words):
            w = words[j]
            if w in BOUNDARY:
                in_object = False if w not in {"en", "of"} else in_object and not _starts_type(j + 1, words, type_at)
                j += 1
                continue
            if j in type_at and not in_object:
                end, code = type_at[j]
                heads.add(code)
                in_object = True  # what follows the head is its object
                j = end
                continue
            if w in OBJECT_START:
                in_object = True
            j += 1
        if "woo-verzoek" in heads:
            heads.discard("verzoek")  # "verzoeken op grond van de Wet open overheid" is one message
        if not heads:
            first = next((s for w, s in zip(words, stems) if w not in BOUNDARY and w not in self.stop
                          and s not in self.generic), None)
            if first and any(compound_match(first, h) for h in self.request_heads):
                heads.add("aanvraag")  # "Vergunning voor een object op de weg", "paspoort"
        return frozenset(heads)


def _is_type_token(j: int, found) -> bool:
    """Words of a type phrase say nothing about the object; a compound keeps its first part
    ("verhuismelding" is about a verhuizing)."""
    return any(g in ("type", "on_request") and s <= j < e and not compound for s, e, g, _, compound in found)


def _starts_type(j: int, words, type_at) -> bool:
    """After "en"/"of": does a new head follow (a determiner may come first)?"""
    while j < len(words) and words[j] in ("een", "de", "het", "alle", "andere", "overige"):
        j += 1
    return j in type_at


@cache
def vocabulary() -> Vocabulary:
    return Vocabulary.load()


def features(text: str) -> Features:
    return vocabulary().features(text)
