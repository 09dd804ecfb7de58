"""Change events: what changed in the registry, in channel terms, recorded once.

`registry_update.update` takes a snapshot of the registry before and after a rebuild and hands
both to `record_changes`, which turns the difference into events. Digests, feeds and mail read
only the stored events, never index or extraction timestamps.

When a change alerts (the rule that keeps alerts honest)
- Only *legal versions new to the registry* produce decision and channel events: a publication
  version (publication id + content version) that was not in the registry before. A re-extraction
  with the same result, a new pipeline version on unchanged text, or a reindex adds no new legal
  version, so it records nothing. (An improved extractor silently corrects the registry.)
- **Backfill**: a new legal version whose legal effect (its entry into force, else its publication
  date) lies *before the latest legal effect we already knew for that body* is a backfill. It
  enters the registry, so point-in-time answers include it, but it records no event; nor does
  any change it causes to decisions we knew (e.g. an older decision's end date moving).
  End events (replaced / withdrawn / expired) are recorded only when the end date is unknown or
  not before that horizon. A body we knew nothing of has no horizon: its decisions are news.
- Replacements and withdrawals are told when we learn of them, also ahead of their date. An
  expiry (a CVDR end date with no successor or withdrawal we know of) is told only once the date
  has passed: before that, it mostly announces a new consolidated version still to be harvested.
- Each event has a key over its meaning (kind, body, decision, publication version, channel,
  date, before, after); the key is UNIQUE in the store, so recording twice is a no-op.
- Body status (none / unknown / future / in_force) is compared with the status last recorded
  (`Store.body_statuses`); a change, including the passing of an entry-into-force date, is an event.
"""
from __future__ import annotations

import difflib
import hashlib
import json
from collections import defaultdict
from datetime import date, datetime, timedelta

from . import registry
from . import vocabulary as vocab
from .bodies import body_by_code
from .store import AMSTERDAM, Decision, Designation, Event, LegalVersion, Store

MAX_DIFF = 20_000  # characters of text diff kept in a new-version event's evidence

# -- snapshots -----------------------------------------------------------------------------------
def snapshot(store: Store) -> dict:
    """The registry as it stands: decisions by id, and each legal version's designations."""
    decisions = {d.decision_id: d for d in store.decisions_of()}
    channels: dict[tuple, list[Designation]] = defaultdict(list)
    for row in store.all_designations():
        channels[(row.publication_id, row.version)].append(row)
    return {"decisions": decisions, "channels": dict(channels)}


def _lv_key(lv: LegalVersion) -> tuple[str, int]:
    return (lv.publication_id, lv.version)


def _effect(lv: LegalVersion, decision: Decision) -> str | None:
    return lv.valid_from or decision.published


def horizons(snap: dict) -> dict[str, str]:
    """Per body, the latest legal effect date we knew of (see the module docstring)."""
    out: dict[str, str] = {}
    for d in snap["decisions"].values():
        for lv in d.legal_versions:
            day = _effect(lv, d)
            if d.body_code and day and day > out.get(d.body_code, ""):
                out[d.body_code] = day
    return out


# -- channel comparison ---------------------------------------------------------------------------
def channel_state(rows: list[Designation]) -> dict[str, dict]:
    """Per channel kind: designated processes (with values and auth) and excluded processes."""
    state: dict[str, dict] = {}
    for row in rows:
        kind = state.setdefault(row.channel_kind, {"designated": {}, "excluded": {}})
        entry = kind[row.status].setdefault(row.process, {"values": [], "auth": [], "evidence": []})
        if row.channel_value and row.channel_value not in entry["values"]:
            entry["values"].append(row.channel_value)
        entry["auth"] = sorted(set(entry["auth"]) | set(row.auth))
        if row.evidence and row.evidence not in entry["evidence"]:
            entry["evidence"].append(row.evidence)
    return state


def _compact(kind_state: dict | None) -> dict:
    """The part of a kind's state that matters to a reader (no evidence)."""
    if not kind_state:
        return {"designated": {}, "excluded": []}
    return {"designated": {p: {"values": sorted(e["values"]), "auth": e["auth"]}
                           for p, e in sorted(kind_state["designated"].items())},
            "excluded": sorted(kind_state["excluded"])}


def channel_changes(before_rows: list[Designation],
                    after_rows: list[Designation]) -> list[tuple[str, str, dict, dict, list]]:
    """(event kind, channel kind, before, after, evidence) for each channel kind that changed."""
    before, after = channel_state(before_rows), channel_state(after_rows)
    out = []
    for kind in sorted(set(before) | set(after)):
        b, a = _compact(before.get(kind)), _compact(after.get(kind))
        evidence = [ev for e in (after.get(kind) or before.get(kind))["designated"].values() for ev in e["evidence"]] \
            or [ev for e in (after.get(kind) or before.get(kind))["excluded"].values() for ev in e["evidence"]]
        if not b["designated"] and a["designated"]:
            out.append(("channel_designated", kind, b, a, evidence))
        elif b["designated"] and not a["designated"]:
            removed_evidence = [ev for e in (after.get(kind) or {"excluded": {}})["excluded"].values()
                                for ev in e["evidence"]]
            out.append(("channel_removed", kind, b, a, removed_evidence))
        elif set(b["designated"]) != set(a["designated"]):
            out.append(("channel_rescoped", kind, b, a, evidence))
        elif b["designated"] != a["designated"]:
            out.append(("channel_conditions", kind, b, a, evidence))
    return out


def text_diff(store: Store, publication_id: str, old_version: int, new_version: int) -> str:
    """A unified diff of two stored versions of a publication, line by line."""
    old, new = store.version_text(publication_id, old_version), store.version_text(publication_id, new_version)
    if old is None or new is None:
        raise KeyError(f"{publication_id}: versie {old_version} of {new_version} bestaat niet")
    return "".join(difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True),
        fromfile=f"{publication_id} versie {old_version}", tofile=f"{publication_id} versie {new_version}"))


def legal_version_diff(store: Store, before: LegalVersion, after: LegalVersion) -> str:
    """Text diff between two legal versions (may be two CVDR expressions or two content versions)."""
    old, new = store.version_text(*_lv_key(before)), store.version_text(*_lv_key(after))
    if old is None or new is None:
        return ""
    return "".join(difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True),
        fromfile=f"{before.publication_id} versie {before.version}",
        tofile=f"{after.publication_id} versie {after.version}"))


# -- recording ------------------------------------------------------------------------------------
def record_changes(store: Store, before: dict, after: dict, *, today: date | None = None) -> list[Event]:
    """Record the events between two snapshots (see the module docstring for the rules); returns
    those that were new."""
    today = today or datetime.now(AMSTERDAM).date()
    diff = _Diff(store, before, after, today)
    drafts: list[dict] = []
    for _, decision in sorted(after["decisions"].items()):
        found, backfilled = diff.version_events(decision)
        drafts += found
        if not backfilled:
            drafts += diff.end_events(decision)
    drafts += _status_events(store, after, today)
    return [event for event in map(lambda draft: _insert(store, draft), drafts) if event]


class _Diff:
    """What changed between two registry snapshots, per decision."""

    def __init__(self, store: Store, before: dict, after: dict, today: date):
        self.store, self.before, self.after, self.today = store, before, after, today.isoformat()
        self.horizon = horizons(before)
        # A decision is known when its id or any of its legal versions was in the registry (its id
        # can move to an earlier gazette publication when an older manifestation turns up).
        self.known_by_version = {_lv_key(lv): d for d in before["decisions"].values() for lv in d.legal_versions}

    def is_backfill(self, body: str | None, day: str | None) -> bool:
        return bool(body and day and body in self.horizon and day < self.horizon[body])

    def old(self, d: Decision) -> Decision | None:
        return self.before["decisions"].get(d.decision_id) or next(
            (self.known_by_version[_lv_key(lv)] for lv in d.legal_versions if _lv_key(lv) in self.known_by_version),
            None)

    def version_events(self, d: Decision) -> tuple[list[dict], bool]:
        """Events for legal versions new to the registry; also whether the decision is a backfill."""
        old, lvs, events, backfilled = self.old(d), d.legal_versions, [], False
        for index, lv in enumerate(lvs):
            if _lv_key(lv) in self.known_by_version:
                continue
            if self.is_backfill(d.body_code, _effect(lv, d)):
                backfilled = backfilled or old is None
                continue
            if index == 0 and old is None:
                prev = _predecessor(self.after, d)
                events.append(_event("new_decision", d, lv, None, _decision_state(d, lv, self.after),
                                     {"publication_id": lv.publication_id, "title": d.title}))
            else:  # a new content version of a known publication, or a later CVDR expression
                prev = _old_content(old, lv) or (lvs[index - 1] if index else _predecessor(self.after, d))
                text = legal_version_diff(self.store, prev, lv) if prev else ""
                events.append(_event("new_version", d, lv, _lv_state(prev) if prev else None, _lv_state(lv),
                                     {"publication_id": lv.publication_id, "title": d.title,
                                      "diff": text[:MAX_DIFF], "diff_truncated": len(text) > MAX_DIFF}))
            ends = [day for day in (lv.valid_to, d.valid_to) if day]
            if ends and min(ends) < self.today:
                continue  # history we only learn of now: the decision is news, its old channels are not
            # Compare with what we knew of the predecessor, else with what we know of it now.
            if not prev:
                prev_rows = []
            elif _lv_key(prev) in self.known_by_version:
                prev_rows = self.before["channels"].get(_lv_key(prev), [])
            else:
                prev_rows = self.after["channels"].get(_lv_key(prev), [])
            for kind, channel, b, a, evidence in channel_changes(prev_rows, self.after["channels"].get(_lv_key(lv), [])):
                events.append(_event(kind, d, lv, b, a, {"publication_id": lv.publication_id, "title": d.title,
                                                         "channels": evidence}, channel_kind=channel))
        return events, backfilled

    def end_events(self, d: Decision) -> list[dict]:
        """A replacement, withdrawal or expiry that is new (see the module docstring)."""
        old = self.old(d)
        end_was = (old.end_reason, old.valid_to, old.ended_by) if old else (None, None, None)
        if d.end_reason == "expired":
            # A CVDR end date with no successor yet usually means a new version is on its way, so
            # an expiry is told once it has happened; the event key keeps it to one telling.
            if not d.valid_to or d.valid_to >= self.today:
                return []
            end_was = (None, None, None)
        elif not d.end_reason or (d.end_reason, d.valid_to, d.ended_by) == end_was:
            return []
        if self.is_backfill(d.body_code, _day_after(d.valid_to)):
            return []
        ended_by = self.after["decisions"].get(d.ended_by or "")
        return [_event("decision_" + d.end_reason, d, d.legal_versions[-1],
                       {"valid_to": end_was[1], "end_reason": end_was[0]},
                       {"valid_to": d.valid_to, "end_reason": d.end_reason, "ended_by": d.ended_by,
                        "ended_by_title": ended_by.title if ended_by else None},
                       d.end, effective=_day_after(d.valid_to))]


def _predecessor(snap: dict, d: Decision) -> LegalVersion | None:
    """The legal version in force before decision `d`: the last one of the decision it replaced."""
    replaced = [o for o in snap["decisions"].values() if o.ended_by == d.decision_id
                and o.end_reason == "replaced" and o.legal_versions]
    if not replaced:
        return None
    return max(replaced, key=registry.decision_order).legal_versions[-1]


def _old_content(old: Decision | None, lv: LegalVersion) -> LegalVersion | None:
    """In the previous registry: the earlier content version of this legal version's publication."""
    same = [o for o in (old.legal_versions if old else []) if o.publication_id == lv.publication_id]
    return same[-1] if same else None


def _lv_state(lv: LegalVersion) -> dict:
    return {k: getattr(lv, k) for k in ("publication_id", "version", "content_hash", "valid_from", "valid_to")}


def _decision_state(d: Decision, lv: LegalVersion, snap: dict) -> dict:
    rows = snap["channels"].get(_lv_key(lv), [])
    return {"decision_id": d.decision_id, "title": d.title, "regime": d.regime,
            "effective_date": d.effective_date, "effective_rule": d.effective_rule,
            "published": d.published, "manifestations": d.manifestations,
            "channels": {k: _compact(v) for k, v in sorted(channel_state(rows).items())}}


def _day_after(day: str | None) -> str | None:
    parsed = registry.to_date(day)
    return registry.iso(parsed + timedelta(days=1)) if parsed else None


def _event(kind: str, d: Decision, lv: LegalVersion, before, after, evidence, *, channel_kind: str | None = None,
           effective: str | None = None) -> dict:
    """An event not yet recorded, as a dict (its key and summary are made from it)."""
    event = {
        "kind": kind, "body_code": d.body_code, "decision_id": d.decision_id,
        "publication_id": lv.publication_id, "version": lv.version, "channel_kind": channel_kind,
        "effective_date": effective if effective is not None or kind.startswith("decision_") else lv.valid_from,
        "before": before, "after": after, "evidence": evidence,
        "title": d.title, "effective_rule": d.effective_rule,
    }
    event["summary"] = summary(event)
    return event


def _status_events(store: Store, snap: dict, today: date) -> list[dict]:
    by_body: dict[str, list[Decision]] = defaultdict(list)
    for d in snap["decisions"].values():
        if d.body_code:
            by_body[d.body_code].append(d)
    recorded = store.body_statuses()
    out = []
    for body in sorted(set(by_body) | set(recorded)):
        status = registry.status_of(by_body.get(body, []), today) if body in by_body else "none"
        was = recorded[body].status if body in recorded else "none"
        if status == was:
            continue
        since = _status_since(by_body.get(body, []), status, today)
        store.set_body_status(body, status, since)
        event = {"kind": "body_status", "body_code": body, "decision_id": None, "publication_id": None,
                 "version": None, "channel_kind": None, "effective_date": since,
                 "before": {"status": was}, "after": {"status": status}, "title": None, "effective_rule": None,
                 "evidence": {"decisions": sorted(d.decision_id for d in by_body.get(body, []))}}
        event["summary"] = summary(event)
        out.append(event)
    return out


def _status_since(decisions: list[Decision], status: str, today: date) -> str | None:
    if status == "in_force":
        starts = [d.effective_date for d in decisions
                  if d.effective_date and registry.to_date(d.effective_date) <= today]
        return max(starts, default=None)
    if status == "future":
        return min((d.effective_date for d in decisions if d.effective_date
                    and registry.to_date(d.effective_date) > today), default=None)
    if status == "none":
        return _day_after(max((d.valid_to for d in decisions if d.valid_to), default=None))
    return None


def event_key(event: dict) -> str:
    meaning = [event[k] for k in ("kind", "body_code", "decision_id", "publication_id", "version",
                                  "channel_kind", "effective_date", "before", "after")]
    return hashlib.sha256(json.dumps(meaning, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _insert(store: Store, event: dict) -> Event | None:
    """Record a draft event; None when it was recorded before (same key)."""
    return store.add_event(
        event_key(event), event["kind"], summary=event["summary"], body_code=event["body_code"],
        decision_id=event["decision_id"], publication_id=event["publication_id"], version=event["version"],
        channel_kind=event["channel_kind"], effective_date=event["effective_date"], before=event["before"],
        after=event["after"], evidence=event["evidence"] or {})


# -- words ------------------------------------------------------------------------------------------
def body_label(code: str | None) -> str:
    body = body_by_code(code) if code else None
    return body.display_name if body else (code or "Onbekend bestuursorgaan")


def _processes(names) -> str:
    return vocab.list_of([n or vocab.ALL_MESSAGES for n in names]) or vocab.ALL_MESSAGES


def _per(event: dict) -> str:
    day = vocab.dutch_date(event["effective_date"])
    if day:
        return f" per {day}"
    rule = event.get("effective_rule")
    return f" ({rule})" if rule else " (datum inwerkingtreding onbekend)"


def summary(event: dict) -> str:
    """One Dutch sentence in channel terms."""
    who = body_label(event["body_code"])
    kind = event["kind"]
    channel = vocab.channel_label(event.get("channel_kind")) if event.get("channel_kind") else ""
    before, after = event.get("before") or {}, event.get("after") or {}
    title = f"“{event['title']}”" if event.get("title") else "het besluit"
    if kind == "new_decision":
        if (after.get("regime") or "wmebv_designation") != "wmebv_designation":
            return f"{who}: besluit onder de {vocab.REGIMES['pre_wmebv_designation']} gevonden: {title}{_per(event)}"
        return f"{who}: nieuw aanwijzingsbesluit {title}{_per(event)}"
    if kind == "new_version":
        return f"{who}: nieuwe versie van {title}{_per(event)}"
    if kind == "channel_designated":
        return f"{who}: {channel} aangewezen voor {_processes(list(after['designated']))}{_per(event)}"
    if kind == "channel_removed":
        return f"{who}: {channel} niet langer aangewezen voor {_processes(list(before['designated']))}{_per(event)}"
    if kind == "channel_rescoped":
        gained = [p for p in after["designated"] if p not in before["designated"]]
        lost = [p for p in before["designated"] if p not in after["designated"]]
        parts = ([f"nu ook aangewezen voor {_processes(gained)}"] if gained else []) + \
                ([f"niet langer aangewezen voor {_processes(lost)}"] if lost else [])
        return f"{who}: {channel} {' en '.join(parts)}{_per(event)}"
    if kind == "channel_conditions":
        auth = sorted({a for e in after["designated"].values() for a in e["auth"]})
        words = f" (inloggen met {' of '.join(vocab.label(vocab.AUTH_METHODS, a) for a in auth)})" if auth else ""
        return f"{who}: andere voorwaarden voor {channel}{words}{_per(event)}"
    if kind == "decision_replaced":
        by = f" door “{after['ended_by_title']}”" if after.get("ended_by_title") else ""
        return f"{who}: {title} vervangen{by}{_per(event)}"
    if kind == "decision_withdrawn":
        return f"{who}: {title} ingetrokken{_per(event)}"
    if kind == "decision_expired":  # a CVDR end date without a known successor or withdrawal
        return f"{who}: {title} geldt niet meer{_per(event)} (einddatum volgens CVDR)"
    if kind == "body_status":
        return (f"{who}: van ‘{vocab.label(vocab.BODY_STATUSES, before.get('status'))}’ naar "
                f"‘{vocab.label(vocab.BODY_STATUSES, after.get('status'))}’{_per(event)}")
    return f"{who}: {vocab.label(vocab.EVENT_KINDS, kind)}"
