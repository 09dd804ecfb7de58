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


def highlight(text: str, spans: list[tuple[int, int]], prefix: str = "bewijs",
              terms: list[tuple[int, int]] = ()) -> tuple[Markup, list[str | None]]:
    """The text with each (start, end) span wrapped in <mark id="bewijs-N">: the text is split at
    the offsets and each piece escaped. Overlapping spans share one mark (their union). Returns
    the HTML and, per input span, the id of the mark that holds it (None for offsets outside the
    text, which are ignored rather than trusted). `terms` (sorted, disjoint spans of search words)
    become <mark class="zoekterm">, nested inside an evidence mark where they overlap one; the
    first has id "zoekterm-1"."""
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
    marks = []  # (start, end, id)
    for number, (start, end, members) in enumerate(merged, start=1):
        for i in members:
            ids[i] = f"{prefix}-{number}"
        marks.append((start, end, f"{prefix}-{number}"))
    terms = [(s, e) for s, e in terms if 0 <= s < e <= len(text)]
    cuts = sorted({0, len(text), *(b for s, e, _ in marks for b in (s, e)), *(b for span in terms for b in span)})
    pieces, evidence, in_term, term_count = [], None, False, 0
    for a, b in zip(cuts, cuts[1:]):
        mark = next((m for m in marks if m[0] <= a < m[1]), None)
        term = any(s <= a < e for s, e in terms)
        if mark is not evidence:
            if in_term:
                pieces.append(Markup("</mark>"))
                in_term = False
            if evidence is not None:
                pieces.append(Markup("</mark>"))
            if mark is not None:
                pieces.append(Markup('<mark id="{}">').format(mark[2]))
            evidence = mark
        if term != in_term:
            if term:
                starts = any(s == a for s, _ in terms)
                term_count += starts
                pieces.append(Markup('<mark class="zoekterm" id="zoekterm-1">') if starts and term_count == 1
                              else Markup('<mark class="zoekterm">'))
            else:
                pieces.append(Markup("</mark>"))
            in_term = term
        pieces.append(escape(text[a:b]))
    pieces.append(Markup("</mark>" * (in_term + (evidence is not None))))
    return Markup("").join(pieces), ids
