"""Result assembly shared by the backends: facet lists, snippet HTML, hits from stored fields."""
from __future__ import annotations

import html

from .model import FacetValue, Hit
from .vocab import DEFAULT_FACET_SIZE, FACET_SIZES, body_label, facet_label

SNIPPET_CHARS = 220


def facet_values(facet: str, counts: dict[str, int], selected: list[str],
                 names: dict[str, str] | None = None) -> list[FacetValue]:
    """The most frequent values by count (then label; years by year), plus every selected value,
    also one that nothing matches now. `names` labels bodies our list does not know (joint bodies)."""
    def value(v: str) -> FacetValue:
        label = facet_label(facet, v)
        if label == v and names and names.get(v):
            label = names[v]
        return FacetValue(v, label, counts.get(v, 0), v in selected)

    def order(v):
        if facet == "jaar":  # newest first
            return -int(v.value) if v.value.isdigit() else 0, v.label
        return -v.count, v.label.casefold()

    values = sorted((value(v) for v, count in counts.items() if count > 0 and v not in selected), key=order)
    values = values[:FACET_SIZES.get(facet, DEFAULT_FACET_SIZE)] + [value(v) for v in selected]
    return sorted(values, key=order)


def marked_html(fragment: str, ranges: list[tuple[int, int]]) -> str:
    """Escape `fragment` and wrap the (character) ranges in <mark>; nothing else is markup."""
    parts, last = [], 0
    for start, end in sorted(ranges):
        if start < last or end <= start:
            continue
        parts.append(html.escape(fragment[last:start]))
        parts.append(f"<mark>{html.escape(fragment[start:end])}</mark>")
        last = end
    parts.append(html.escape(fragment[last:]))
    return "".join(parts)


def opening_snippet(text: str) -> str:
    """The start of the text, escaped, for hits without a highlighted passage."""
    text = " ".join(text.split())
    if len(text) <= SNIPPET_CHARS:
        return html.escape(text)
    cut = text.rfind(" ", 0, SNIPPET_CHARS)
    return html.escape(text[:cut if cut > 0 else SNIPPET_CHARS]) + " …"


def hit_from_fields(fields: dict, snippets: list[str], score: float) -> Hit:
    return Hit(
        id=fields["id"], title=fields.get("title") or "", source=fields.get("source") or "",
        publication_name=fields.get("publication_name"), body_name=fields.get("body_name"),
        body_code=fields.get("body_code"), body_type=fields.get("body_type"), province=fields.get("province"),
        published=fields.get("published"), regime=fields.get("regime"),
        channel_kinds=list(fields.get("channel_kinds") or []), url_official=fields.get("url_official"),
        snippets=snippets, score=float(score or 0.0),
        body_label=(body_label(fields["body_code"]) if fields.get("body_code") else None) or fields.get("body_name"),
    )
