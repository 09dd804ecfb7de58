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

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions
from .patterns import load_json, rx

TAGS = re.compile(r"<[^>]*>")


class Prefilter:
    def __init__(self, nlp: Language, name: str, cues_file: str, patterns_dir: str):
        extensions.register()
        self.name = name
        cues = load_json(cues_file, patterns_dir)
        self.pattern = rx(cues["prefilter"])
        # plain substring tests (C speed) before the regular expression: most publications
        # contain none of these words and are rejected in microseconds
        opening = cues["prefilter_opening"]
        self.route_words = tuple(w.lower() for w in opening["route_words"])
        self.window = int(opening["window"])
        self.near = re.compile(opening["near"])  # matched on lower-cased text: no re.I scanning
        if opening["near"] != opening["near"].lower():
            raise ValueError("prefilter_opening.near must be written in lower case")
        # every match of the prefilter pattern contains one of the prefilter words: the (costly)
        # pattern runs only when one occurs, not for a notice that merely says "digitaal"
        self.pattern_words = tuple(w.lower() for w in cues["prefilter_words"])
        self.words = tuple(dict.fromkeys(self.pattern_words + self.route_words))
        self.pattern_bytes = tuple(w.encode("utf-8") for w in self.pattern_words)
        self.route_bytes = tuple(w.encode("utf-8") for w in self.route_words)

    def is_relevant(self, text: str) -> bool:
        low = text.lower()
        if not any(w in low for w in self.words):
            return False
        if any(w in low for w in self.pattern_words) and self.pattern.search(text) is not None:
            return True
        return self.opening_cue(low)

    def opening_cue(self, low: str) -> bool:
        """A verb of sending near an electronic word: "aanmelding geschiedt digitaal", "per e-mail doorgeven"."""
        for word in self.route_words:
            i = low.find(word)
            while i >= 0:
                if self.near.search(low, max(0, i - self.window), i + self.window):
                    return True
                i = low.find(word, i + len(word))
        return False

    def quick_reject(self, data: bytes) -> bool:
        """True when raw bytes surely concern something else: no cue word at all, or (after
        dropping markup) no cue phrase. Character references or UTF-16 hide words: never
        rejected here, the normal path decides."""
        low = data.lower()
        if b"&#" in low or b"\x00" in data[:1000]:
            return False
        pattern_word = any(w in low for w in self.pattern_bytes)
        if not pattern_word and not any(w in low for w in self.route_bytes):
            return True
        text = low.decode("utf-8", errors="replace")  # lower-cased already: the tests below need no re.I
        if text.lstrip().startswith("<"):
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
