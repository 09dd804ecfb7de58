"""kw_prefilter: cheap tests that let unrelated publications skip the rules.

Every designation decision speaks of electronic channels, messages or traffic, or cites the Awb
articles on them (2:13-2:15), or (old regime) says that a message can be sent electronically
("kan zich elektronisch aanmelden", "wijzigingen worden per e-mail doorgegeven"); a publication that
says none of this cannot designate a channel. `is_relevant` is used on the plain text before a Doc
is even tokenised (see nlp.pipeline). The opening test looks only at a window around each
occurrence of its words, so "digitaal te raadplegen" in a notice costs one small search.
"""
from __future__ import annotations

import re

import ahocorasick_rs
from spacy.language import Language
from spacy.tokens import Doc

from . import extensions
from .patterns import load_json, rx

TAGS = re.compile(r"<[^>]*>")


class _Words:
    """The prefilter's word lists encoded as bytes."""

    def __init__(self, p: "Prefilter"):
        enc = lambda words: tuple(w.encode("utf-8") for w in words)  # noqa: E731
        self.gate, self.route_words, self.pattern_words = enc(p.gate), enc(p.route_words), enc(p.pattern_words)
        self.implied = {w.encode("utf-8"): (r.encode("utf-8") if r else None) for w, r in p.implied.items()}
        self.near, self.skip_after = enc(p.near), enc(p.skip_after)
        self.near_open = re.compile(p.near_open.pattern.encode("utf-8"))
        # all gate words (and the character reference that hides words) in one pass over the bytes
        self.scan_words = self.gate + (b"&#",)
        self.scanner = ahocorasick_rs.BytesAhoCorasick(list(self.scan_words))


class Prefilter:
    def __init__(self, nlp: Language, name: str, cues_file: str, patterns_dir: str):
        extensions.register()
        self.name = name
        cues = load_json(cues_file, patterns_dir)
        self.pattern = rx(cues["prefilter"])
        opening = cues["prefilter_opening"]
        self.route_words = tuple(w.lower() for w in opening["route_words"])
        self.window = int(opening["window"])
        self.near = tuple(w.lower() for w in opening["near"])
        self.near_open = re.compile(opening["near_open"])  # on lower-cased text: no re.I scanning
        self.skip_after = tuple(w.lower() for w in opening["skip_after"])
        # every text the pattern finds something in (a designation speaks of channels or electronic
        # traffic) contains one of the prefilter words: the (costly) pattern runs only when one occurs,
        # not for a notice that merely says "digitaal"
        self.pattern_words = tuple(w.lower() for w in cues["prefilter_words"])
        # plain substring tests (C speed) on every publication: the route words and the prefilter words
        # that contain none of them; a prefilter word that contains a route word ("digitale bericht")
        # is looked for only when that route word occurs
        self.implied = {w: next((r for r in self.route_words if r in w), None) for w in self.pattern_words}
        self.gate = tuple(dict.fromkeys(self.route_words + tuple(w for w, r in self.implied.items() if r is None)))
        self.words = self.gate
        self.b = _Words(self)  # the same word lists as bytes, for quick_reject

    def is_relevant(self, text: str) -> bool:
        low = text.lower()
        present = [w for w in self.gate if w in low]
        if not present:
            return False
        if self._pattern_word(low, present, self.pattern_words, self.implied) and self.pattern.search(text):
            return True
        return self.opening_cue(low, tuple(w for w in self.route_words if w in present))

    @staticmethod
    def _pattern_word(low, present, pattern_words, implied) -> bool:
        return any(w in present if implied[w] is None else (implied[w] in present and w in low)
                   for w in pattern_words)

    def opening_cue(self, low: str | bytes, routes: tuple | None = None) -> bool:
        """A verb of sending near an electronic word: "aanmelding geschiedt digitaal", "per e-mail doorgeven".
        `low` is lower-cased text, or lower-cased bytes (then the test needs no decoding); `routes`, when
        given, are the route words known to occur in it."""
        if isinstance(low, bytes):
            b = self.b
            near, near_open, open_word, skip = b.near, b.near_open, b"open", b.skip_after
            routes = routes if routes is not None else b.route_words
        else:
            near, near_open, open_word, skip = self.near, self.near_open, "open", self.skip_after
            routes = routes if routes is not None else self.route_words
        for word in routes:
            i = low.find(word)
            while i >= 0:
                around = low[max(0, i - 30): i + len(word) + 24]
                if any(w in around for w in skip):
                    i = low.find(word, i + len(word))
                    continue
                window = low[max(0, i - self.window): i + self.window]
                if any(w in window for w in near) or (open_word in window and near_open.search(window)):
                    return True
                i = low.find(word, i + len(word))
        return False

    def quick_reject(self, data: bytes) -> bool:
        """True when raw bytes surely concern something else: no cue word at all, or (after
        dropping markup) no cue phrase. Character references or UTF-16 hide words: never
        rejected here, the normal path decides."""
        low = data.lower()
        b = self.b
        present = {b.scan_words[i] for i, _, _ in b.scanner.find_matches_as_indexes(low, overlapping=True)}
        if b"&#" in present or b"\x00" in data[:1000]:
            return False
        if not present:
            return True
        pattern_word = self._pattern_word(low, present, b.pattern_words, b.implied)
        markup = low.lstrip().startswith(b"<")
        if not pattern_word and not markup:  # the usual notice: a few windows of bytes, no decoding
            return not self.opening_cue(low, tuple(w for w in b.route_words if w in present))
        text = low.decode("utf-8", errors="replace")  # lower-cased already: the tests below need no re.I
        if markup:
            text = TAGS.sub(" ", text)
        if pattern_word and self.pattern.search(text) is not None:
            return False
        return not self.opening_cue(text)

    def __call__(self, doc: Doc) -> Doc:
        if doc._.kw_relevant is None:  # extract() may have asked already, before tokenising
            doc._.kw_relevant = self.is_relevant(extensions.text(doc))
        return doc


@Language.factory("kw_prefilter", default_config={"cues_file": "cues.json", "patterns_dir": ""})
def make_prefilter(nlp: Language, name: str, cues_file: str, patterns_dir: str) -> Prefilter:
    return Prefilter(nlp, name, cues_file, patterns_dir)
