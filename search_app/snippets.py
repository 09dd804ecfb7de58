"""Safe HTML for highlighted text: snippets from the search backend and evidence in a decision.

Everything from documents is escaped; only the <mark> tags we (or the backend) put in survive.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

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


def highlight(text: str, spans: Iterable[tuple[int, int, str]]) -> Markup:
    """The text with each (start, end, id) span wrapped in <mark id=...>: the text is split at the
    offsets and each piece escaped. Overlapping spans are merged into the first one's mark;
    offsets outside the text are ignored rather than trusted."""
    pieces, cursor = [], 0
    for start, end, mark_id in sorted(spans):
        start, end = max(start, cursor), min(end, len(text))
        if start >= end:
            continue
        pieces.append(escape(text[cursor:start]))
        pieces.append(Markup('<mark id="{}">{}</mark>').format(mark_id, text[start:end]))
        cursor = end
    pieces.append(escape(text[cursor:]))
    return Markup("").join(pieces)
