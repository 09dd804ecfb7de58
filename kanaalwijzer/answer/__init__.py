"""The citizen's answer: which channel is designated for this message, on this date, by which provision.

Pure core code (no spaCy, no Flask, no I/O): `answer(Decision, message, date) -> Answer`. A `Decision` is
filled from an extract JSON (`Decision.from_extract`) or, in phase 2, from the registry's rows.
"""
from .model import Answer, Decision, Outside, Rule
from .resolver import answer, match
from .vocabulary import Features, features, vocabulary

__all__ = ["Answer", "Decision", "Features", "Outside", "Rule", "answer", "features", "match", "vocabulary"]
