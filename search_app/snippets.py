"""Safe HTML for highlighted text: snippets from the search backend and evidence in a decision.

Everything from documents is escaped; only the <mark> tags we (or the backend) put in survive.
"""
from __future__ import annotations

import re

from markupsafe import Markup, escape

_MARK = re.compile(r"(</?mark>)")


def snippet(html: str) -> Markup:
    """A backend snippet (escaped text with <mark>) made safe even if a backend slipped up:
    any '<' or '>' outside an exact <mark>/</mark> tag is escaped."""
    parts = _MARK.split(html or "")
    balanced = []
    depth = 0
    for part in parts:
        if part == "<mark>":
            depth += 1
            balanced.append(part)
        elif part == "</mark>":
            if depth:
                depth -= 1
                balanced.append(part)
        else:
            balanced.append(part.replace("<", "&lt;").replace(">", "&gt;"))
    balanced.extend("</mark>" * depth)
    return Markup("".join(balanced))


def highlight(text: str, spans: list[tuple[int, int]], prefix: str = "bewijs") -> tuple[Markup, list[str | None]]:
    """The text with each (start, end) span wrapped in <mark id="bewijs-N">: the text is split at
    the offsets and each piece escaped. Overlapping spans share one mark (their union). Returns
    the HTML and, per input span, the id of the mark that holds it (None for offsets outside the
    text, which are ignored rather than trusted)."""
    valid = sorted((start, end, i) for i, (start, end) in enumerate(spans)
                   if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text))
    merged: list[list] = []  # [start, end, [input indexes]]
    for start, end, i in valid:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].append(i)
        else:
            merged.append([start, end, [i]])
    ids: list[str | None] = [None] * len(spans)
    pieces, cursor = [], 0
    for number, (start, end, members) in enumerate(merged, start=1):
        mark_id = f"{prefix}-{number}"
        for i in members:
            ids[i] = mark_id
        pieces.append(escape(text[cursor:start]))
        pieces.append(Markup('<mark id="{}">{}</mark>').format(mark_id, text[start:end]))
        cursor = end
    pieces.append(escape(text[cursor:]))
    return Markup("").join(pieces), ids
