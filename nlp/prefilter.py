"""kw_prefilter: one regular-expression search that lets unrelated publications skip the rules.

Every designation decision speaks of electronic channels, messages or traffic, or cites the Awb
articles on them (2:13-2:15); a publication that says none of this cannot designate a channel.
`is_relevant` is used on the plain text before a Doc is even tokenised (see nlp.pipeline).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions
from .patterns import load_json, rx


class Prefilter:
    def __init__(self, nlp: Language, name: str, cues_file: str, patterns_dir: str):
        extensions.register()
        self.name = name
        self.pattern = rx(load_json(cues_file, patterns_dir)["prefilter"])

    def is_relevant(self, text: str) -> bool:
        return self.pattern.search(text) is not None

    def __call__(self, doc: Doc) -> Doc:
        doc._.kw_relevant = self.is_relevant(doc.text)
        return doc


@Language.factory("kw_prefilter", default_config={"cues_file": "cues.json", "patterns_dir": ""})
def make_prefilter(nlp: Language, name: str, cues_file: str, patterns_dir: str) -> Prefilter:
    return Prefilter(nlp, name, cues_file, patterns_dir)
