"""kw_prefilter: one regular-expression search that lets unrelated publications skip the rules.

Every designation decision speaks of electronic channels, messages or traffic, or cites the Awb
articles on them (2:13-2:15); a publication that says none of this cannot designate a channel.
`is_relevant` is used on the plain text before a Doc is even tokenised (see nlp.pipeline).
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
        self.words = tuple(w.lower() for w in cues["prefilter_words"])
        self.words_bytes = tuple(w.encode("utf-8") for w in self.words)

    def is_relevant(self, text: str) -> bool:
        low = text.lower()
        if not any(w in low for w in self.words):
            return False
        return self.pattern.search(text) is not None

    def quick_reject(self, data: bytes) -> bool:
        """True when raw bytes surely concern something else: no cue word at all, or (after
        dropping markup) no cue phrase. Character references or UTF-16 hide words: never
        rejected here, the normal path decides."""
        low = data.lower()
        if b"&#" in low or b"\x00" in data[:1000]:
            return False
        if not any(w in low for w in self.words_bytes):
            return True
        text = data.decode("utf-8", errors="replace")
        if text.lstrip().startswith("<"):
            text = TAGS.sub(" ", text)
        return self.pattern.search(text) is None

    def __call__(self, doc: Doc) -> Doc:
        if doc._.kw_relevant is None:  # extract() may have asked already, before tokenising
            doc._.kw_relevant = self.is_relevant(extensions.text(doc))
        return doc


@Language.factory("kw_prefilter", default_config={"cues_file": "cues.json", "patterns_dir": ""})
def make_prefilter(nlp: Language, name: str, cues_file: str, patterns_dir: str) -> Prefilter:
    return Prefilter(nlp, name, cues_file, patterns_dir)
