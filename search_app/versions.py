"""The versions of a decision, for its page: a timeline (geldend van–tot), the previous and next
version, and a readable word-level difference between two versions.

A CVDR regulation has numbered versions, each its own publication (CVDR762001_1, CVDR762001_2,
each with the dates it was in force): those are its versions. A gazette publication has one text,
fetched perhaps more than once; when its text changed, the stored texts are its versions.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from markupsafe import Markup, escape

CONTEXT = 1  # unchanged lines shown around a change
_WORDS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Step:
    number: int
    pub_id: str
    revision: int | None  # the stored text (?versie=) for a gazette publication; None: its latest
    valid_from: str | None
    valid_to: str | None
    fetched_at: str | None
    current: bool


def timeline(store, pub, versions, current) -> list[Step]:
    """The versions of this decision in order, the one shown marked current."""
    if pub.work_id:
        expressions = [p for p in store.publications_of_work(pub.work_id) if p.work_version]
        if expressions:
            return [Step(p.work_version, p.id, None, p.valid_from, p.valid_to, _fetched(store, p.id),
                         p.id == pub.id) for p in expressions]
    return [Step(v.version, pub.id, v.version, None, None, v.fetched_at, v.version == current.version)
            for v in versions]


def _fetched(store, pub_id: str) -> str | None:
    latest = store.latest_version(pub_id)
    return latest.fetched_at if latest else None


def neighbours(steps: list[Step]) -> tuple[Step | None, Step | None]:
    at = next((i for i, step in enumerate(steps) if step.current), None)
    if at is None:
        return None, None
    return (steps[at - 1] if at > 0 else None), (steps[at + 1] if at + 1 < len(steps) else None)


@dataclass(frozen=True)
class Block:
    kind: str  # 'equal' | 'change' | 'skip'
    html: Markup
    lines: int = 0  # for 'skip': how many unchanged lines are folded away


def diff(old: str, new: str) -> tuple[list[Block], dict[str, int]]:
    """Line by line, and word by word within a changed line; removed words in <del>, added ones in
    <ins>, each with a hidden 'verwijderd:'/'toegevoegd:' so the change is not told by colour alone."""
    a, b = old.splitlines(), new.splitlines()
    blocks: list[Block] = []
    counts = {"changed": 0, "added": 0, "removed": 0}
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for n, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            lines = a[i1:i2]
            head = lines[:CONTEXT] if n > 0 else []
            tail = lines[-CONTEXT:] if n + 1 < len(opcodes) and len(lines) > len(head) else []
            hidden = len(lines) - len(head) - len(tail)
            blocks += [Block("equal", escape(line)) for line in head]
            if hidden > 0:
                blocks.append(Block("skip", Markup(""), hidden))
            blocks += [Block("equal", escape(line)) for line in tail]
            continue
        pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(pairs):
            blocks.append(Block("change", _words(a[i1 + k], b[j1 + k])))
        counts["changed"] += pairs
        for line in a[i1 + pairs:i2]:
            blocks.append(Block("change", _removed(line)))
            counts["removed"] += 1
        for line in b[j1 + pairs:j2]:
            blocks.append(Block("change", _added(line)))
            counts["added"] += 1
    return blocks, counts


def _words(old: str, new: str) -> Markup:
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.append(escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            parts.append(_removed("".join(a[i1:i2])))
        if j2 > j1:
            parts.append(_added("".join(b[j1:j2])))
    return Markup("").join(parts)


def _removed(text: str) -> Markup:
    return Markup('<del><span class="visually-hidden">[verwijderd: </span>{}<span class="visually-hidden">]'
                  '</span></del>').format(text)


def _added(text: str) -> Markup:
    return Markup('<ins><span class="visually-hidden">[toegevoegd: </span>{}<span class="visually-hidden">]'
                  '</span></ins>').format(text)
