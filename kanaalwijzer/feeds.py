"""Atom feeds (RFC 4287) of change events: all, per municipality, per province, per saved search.

Functions return the XML as bytes; the web app mounts them. Entry ids are tag URIs over the
event key, so an event keeps its id forever and feed readers never show it twice.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from lxml import etree

from . import digest as digests
from . import events as ev
from . import vocabulary as vocab
from .config import load_config
from .store import Event, Store, now

ATOM = "http://www.w3.org/2005/Atom"
LIMIT = 100


def _el(parent, tag: str, text: str | None = None, **attrs):
    node = etree.SubElement(parent, f"{{{ATOM}}}{tag}", {k: v for k, v in attrs.items() if v is not None})
    if text is not None:
        node.text = text
    return node


def atom_feed(store: Store, *, self_url: str, title: str = "Kanaalwijzer: wijzigingen", bodies=None,
              provinces=None, channel_kinds=None, query=None, limit: int = LIMIT, base_url: str | None = None,
              search: Callable[[str], Iterable[str]] | None = None) -> bytes:
    """The latest `limit` matching events as an Atom feed."""
    base = (base_url if base_url is not None else load_config().base_url).rstrip("/")
    filters = digests.Filters(bodies=[b.upper() for b in bodies or []], provinces=list(provinces or []),
                              channel_kinds=list(channel_kinds or []), query=query or None)
    found = digests.select(store, store.events(), filters, search=search)[-limit:][::-1]  # newest first

    feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
    feed.set("{http://www.w3.org/XML/1998/namespace}lang", "nl")
    _el(feed, "id", "tag:kanaalwijzer,2026:feed:" + self_url.split("://", 1)[-1])
    _el(feed, "title", title)
    _el(feed, "updated", found[0].seen_at if found else now())
    _el(feed, "link", rel="self", href=self_url, type="application/atom+xml")
    _el(feed, "link", rel="alternate", href=base + "/digest", type="text/html")
    author = _el(feed, "author")
    _el(author, "name", "Kanaalwijzer")
    _el(feed, "generator", "Kanaalwijzer")
    for event in found:
        entry = _el(feed, "entry")
        _el(entry, "id", f"tag:kanaalwijzer,2026:event:{event.event_key}")
        _el(entry, "title", event.summary)
        _el(entry, "updated", event.seen_at)
        _el(entry, "published", event.seen_at)
        if event.publication_id:
            _el(entry, "link", rel="alternate", type="text/html", href=f"{base}/besluit/{event.publication_id}")
        _el(entry, "category", term=event.kind, label=vocab.label(vocab.EVENT_KINDS, event.kind))
        if event.channel_kind:
            _el(entry, "category", term=event.channel_kind, scheme="kanaal",
                label=vocab.channel_label(event.channel_kind))
        if event.body_code:
            _el(entry, "category", term=event.body_code, scheme="bestuursorgaan", label=ev.body_label(event.body_code))
        _el(entry, "content", _content(event), type="text")
    return etree.tostring(feed, xml_declaration=True, encoding="utf-8", pretty_print=True)


def _content(event: Event) -> str:
    lines = [event.summary]
    if event.effective_date:
        lines.append(f"Rechtsgevolg vanaf: {vocab.dutch_date(event.effective_date)}")
    for quote in (event.evidence.get("channels") or [])[:3]:
        lines.append(f"“{quote.get('text', '')}” ({quote.get('location') or 'vindplaats onbekend'})")
    if event.publication_id:
        lines.append(f"Bron: {event.publication_id}")
    return "\n".join(lines)
