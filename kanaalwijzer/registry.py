"""The designation registry: which channel a body designated, for which messages, from when to when.

Built from the store alone (publications + their latest versions + extractions), deterministically,
so rebuilding after a re-extraction with the same result writes the same rows and records no event.

Model
- A *decision* is every manifestation of one besluit: the gazette publication and its CVDR
  consolidations (linked by `is_format_of`) and all expressions of one CVDR work. Its id is the
  earliest gazette publication id (else the `is_format_of` target, else the CVDR work id).
- A decision has *legal versions*: each CVDR expression (valid from its inwerkingtredingsdatum)
  when consolidated, else its gazette publication. Each legal version's channels become
  `designations` rows: body x process ('' = alle berichten) x channel, with status and evidence.
- Per body, a newer decision replaces the older one from its entry into force: the old one's
  valid_to is the day before, and both stay in the registry. A withdrawal ("trekt in", the
  extraction's `withdraws`) ends the withdrawn decision the day before the withdrawal takes effect.
  A CVDR end date with nothing after it is an expiry.
- Dates: a relative rule ("de dag na bekendmaking") resolves against the publication date, which
  we know; anything we cannot resolve stays NULL (unknown), never a guess.

Extractions reach this module checked against the extract contract (the store does that when
they are recorded), so it reads their fields without second-guessing their types. Bringing the
registry up to date, with its change events, is kanaalwijzer.registry_update.
"""
from __future__ import annotations

import difflib
import logging
import re
from collections import defaultdict
from datetime import date, timedelta

from . import vocabulary as vocab
from .bodies import normalise_name
from .store import Decision, Designation, LegalVersion, RegistryInput, Store
from .store.registry import REGIMES

log = logging.getLogger(__name__)

ALL_MESSAGES = ""  # the process value for "alle berichten"
_ALL_MESSAGES_WORDS = {"", "alle berichten", "alle", "all", "all messages", "berichten"}


# -- dates ---------------------------------------------------------------------------------------
def to_date(value) -> date | None:
    if isinstance(value, date):
        return value
    if not value or not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


_ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6, "zevende": 7,
             "achtste": 8, "negende": 9, "tiende": 10}
_PUBLICATION_WORDS = r"(?:bekendmaking|publicatie|uitgifte|plaatsing|dagtekening van het (?:gemeente|provinciaal|waterschaps)blad)"


def resolve_rule(rule: str | None, published: date | None) -> date | None:
    """Resolve a relative entry-into-force rule against the publication date; None when we can't."""
    if not isinstance(rule, str) or not rule or not published:
        return None
    text = " ".join(rule.lower().split())
    if re.search(r"eerste dag van de (?:kalender)?maand (?:volgend op|na) (?:de |het )?(?:datum van (?:de |het )?)?"
                 + _PUBLICATION_WORDS, text):
        first_next = (published.replace(day=1) + timedelta(days=32)).replace(day=1)
        return first_next
    m = re.search(r"(?:(\d+|" + "|".join(_ORDINALS) + r")e?\s+)?dag(?:en)?\s+na\s+(?:de |het )?"
                  r"(?:(?:datum|die) van (?:de |het |zijn |haar )?)?" + _PUBLICATION_WORDS, text)
    if m:
        count = m.group(1)
        days = 1 if count is None else int(count) if count.isdigit() else _ORDINALS[count]
        return published + timedelta(days=days)
    if re.search(r"(?:met ingang van|op) (?:de )?(?:dag|datum) van (?:de |het )?" + _PUBLICATION_WORDS, text):
        return published
    return None


# -- build ---------------------------------------------------------------------------------------
def processes_of(scope: str | list[str] | None) -> list[str]:
    """An extracted channel scope as process names; '' is "alle berichten"."""
    out = []
    for item in scope if isinstance(scope, list) else [scope]:
        name = " ".join((item or "").split()).strip(" .;:").lower()
        name = ALL_MESSAGES if name in _ALL_MESSAGES_WORDS else name
        if name not in out:
            out.append(name)
    return out or [ALL_MESSAGES]


class _Groups:
    """Union-find over publication ids and link keys (is_format_of targets, CVDR works)."""

    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _effective(pub: RegistryInput, published: date | None) -> date | None:
    return (to_date(pub.valid_from) if pub.source == "cvdr" else None) \
        or to_date(pub.result.get("effective_date")) \
        or resolve_rule(pub.result.get("effective_rule"), published)


def _authority_code(result: dict) -> str | None:
    return (result.get("authority") or {}).get("code") or None


def _title_key(title: str | None) -> str:
    return re.sub(r"\b(19|20)\d{2}\b", " ", normalise_name(title or "")).strip()


def rebuild(store: Store, pipeline_version: str | None = None) -> None:
    """Recompute decisions and designations from the store (inside the caller's transaction)."""
    pubs = store.registry_inputs(pipeline_version)
    groups = _Groups()
    for pid, pub in pubs.items():
        groups.find(pid)
        if pub.is_format_of:
            groups.union(pid, pub.is_format_of)
        if pub.work_id:
            groups.union(pid, "work:" + pub.work_id)
    members: dict[str, list[RegistryInput]] = defaultdict(list)
    for pid, pub in pubs.items():
        members[groups.find(pid)].append(pub)

    # Decisions are built as dicts (their ends are filled in below), then stored as Decisions.
    decisions = []
    for group in members.values():
        decision = _decision(group)
        if decision:
            decisions.append(decision)
    by_body: dict[str | None, list[dict]] = defaultdict(list)
    for d in decisions:
        by_body[d["body_code"]].append(d)

    # Newer replaces older, per body, from its entry into force.
    for body, items in by_body.items():
        if body is None:
            continue
        items.sort(key=lambda d: order_key(d["effective_date"], d["published"], d["decision_id"]))
        for older, newer in zip(items, items[1:]):
            start = to_date(newer["effective_date"])
            own_end = to_date(older["valid_to"])
            if start and own_end and own_end < start - timedelta(days=1):
                continue  # it had already ended by itself
            older.update(valid_to=iso(start - timedelta(days=1)) if start else older["valid_to"],
                         end_reason="replaced", ended_by=newer["decision_id"],
                         end={"publication_id": newer["publication_id"], "title": newer["title"],
                              "published": newer["published"]})

    # Withdrawals: by any publication (designation or not) of the same body.
    for pid, pub in sorted(pubs.items()):
        texts = [text for text in pub.result.get("withdraws") or [] if text.strip()]
        if not texts:
            continue
        body = pub.body_code or _authority_code(pub.result)
        own = next((d["decision_id"] for d in decisions if pid in d["manifestations"]), None)
        published = to_date(pub.published)
        start = _effective(pub, published)
        for text in texts:
            target = _withdrawn_decision(text, [d for d in by_body.get(body, []) if d["decision_id"] != own],
                                         pubs, start or published)
            if not target:
                log.info("%s trekt in: %r, maar dat besluit kennen we niet", pid, text)
                continue
            end, current_end = (start - timedelta(days=1) if start else None), to_date(target["valid_to"])
            if current_end and (end is None or current_end < end):
                continue  # it had already ended before this withdrawal takes effect
            reason = "replaced" if own and own == target.get("ended_by") else "withdrawn"
            target.update(valid_to=iso(end),
                          end_reason=reason, ended_by=own or pid,
                          end={"publication_id": pid, "version": pub.version,
                               "title": pub.title, "published": pub.published, "text": text})

    for d in decisions:
        last = d["legal_versions"][-1]
        if not d["end_reason"] and last["valid_to"]:
            d.update(valid_to=last["valid_to"], end_reason="expired",
                     end={"publication_id": last["publication_id"], "valid_to": last["valid_to"]})
    _write(store, decisions)


def order_key(effective_date: str | None, published: str | None, decision_id: str) -> tuple:
    """Oldest first: by entry into force, else publication date."""
    return (effective_date or published or "9999", published or "9999", decision_id)


def decision_order(d: Decision) -> tuple:
    return order_key(d.effective_date, d.published, d.decision_id)


def _decision(group: list[RegistryInput]) -> dict | None:
    designating = [p for p in group if p.classification in REGIMES]
    if not designating:
        return None
    gazettes = sorted((p for p in group if p.source != "cvdr"), key=lambda p: (p.published or "9999", p.id))
    cvdr = sorted((p for p in group if p.source == "cvdr" and p.classification in REGIMES),
                  key=lambda p: (p.work_version or 0, p.valid_from or "", p.id))
    if gazettes:
        decision_id = gazettes[0].id
    else:
        targets = sorted(p.is_format_of for p in group if p.is_format_of)
        works = sorted(p.work_id for p in group if p.work_id)
        decision_id = (targets or works or [group[0].id])[0]
    sources = cvdr or [p for p in gazettes if p.classification in REGIMES]
    published_all = sorted(p.published for p in group if p.published)
    first_published = to_date(published_all[0]) if published_all else None

    versions = []
    for pub in sources:
        start = _effective(pub, to_date(pub.published) or first_published)
        versions.append({"publication_id": pub.id, "version": pub.version,
                         "content_hash": pub.content_hash, "pipeline_version": pub.pipeline_version,
                         "valid_from": iso(start),
                         "valid_to": pub.valid_to[:10] if pub.source == "cvdr" and pub.valid_to else None,
                         "result": pub.result})
    for lv, nxt in zip(versions, versions[1:]):  # a later expression ends the one before
        nxt_start = to_date(nxt["valid_from"])
        if nxt_start and not lv["valid_to"]:
            lv["valid_to"] = iso(nxt_start - timedelta(days=1))
    last = versions[-1]
    result = last["result"]
    body = next((p.body_code for p in sources + gazettes if p.body_code), None) or _authority_code(result)
    regime = result["classification"] if result.get("classification") in REGIMES \
        else designating[0].classification
    return {
        "decision_id": decision_id, "body_code": body, "regime": regime,
        "title": result.get("title") or (gazettes or sources)[0].title,
        "publication_id": last["publication_id"], "version": last["version"],
        "pipeline_version": last["pipeline_version"], "content_hash": last["content_hash"],
        "manifestations": sorted(p.id for p in group),
        "published": iso(first_published),
        "decision_date": next((v["result"]["decision_date"] for v in versions if v["result"].get("decision_date")),
                              None),
        "effective_date": versions[0]["valid_from"],
        "effective_rule": versions[0]["result"].get("effective_rule"),
        "valid_to": None, "end_reason": None, "ended_by": None, "end": {},
        "legal_versions": versions,
    }


def _withdrawn_decision(text: str, candidates: list[dict], pubs: dict[str, RegistryInput],
                        before: date | None) -> dict | None:
    """Which earlier decision of the body `text` (a withdraws item) names: by id, else by title."""
    def known_before(d: dict) -> bool:  # only an earlier decision can be withdrawn
        day = to_date(d["published"]) or to_date(d["effective_date"])
        return before is None or day is None or day < before

    earlier = [d for d in candidates if known_before(d)]
    for ref in vocab.PUBLICATION_ID.findall(text):
        for d in earlier:
            if any(ref.lower() == m.lower() or (m in pubs and ref.lower() == (pubs[m].work_id or "").lower())
                   for m in d["manifestations"]) or ref.lower() == d["decision_id"].lower():
                return d
    key = _title_key(text)
    best, best_score = None, 0.0
    for d in earlier:
        titles = {_title_key(d["title"])} | {_title_key(pubs[m].title) for m in d["manifestations"] if m in pubs}
        for title in filter(None, titles):
            score = 1.0 if title in key or key in title else difflib.SequenceMatcher(None, key, title).ratio()
            if score > best_score:
                best, best_score = d, score
    return best if best_score >= 0.8 else None


def _write(store: Store, building: list[dict]) -> None:
    decisions, designations = [], []
    for d in sorted(building, key=lambda d: d["decision_id"]):
        decisions.append(Decision(**{k: v for k, v in d.items() if k != "legal_versions"}, legal_versions=[
            LegalVersion(**{k: v for k, v in lv.items() if k != "result"}) for lv in d["legal_versions"]]))
        end = to_date(d["valid_to"])
        for lv in d["legal_versions"]:
            lv_end = iso(min(filter(None, [to_date(lv["valid_to"]), end]), default=None))
            for channel in lv["result"].get("channels") or []:
                for process in processes_of(channel.get("scope")):
                    designations.append(Designation(
                        decision_id=d["decision_id"], body_code=d["body_code"], process=process,
                        channel_kind=channel["kind"], channel_value=channel.get("value") or "",
                        status=channel["status"], auth=sorted(set(channel.get("auth") or [])),
                        valid_from=lv["valid_from"], valid_to=lv_end, evidence=channel["evidence"],
                        publication_id=lv["publication_id"], version=lv["version"]))
    store.replace_registry(decisions, designations)


# -- status --------------------------------------------------------------------------------------
STATUSES = ("not_harvested", "none", "unknown", "future", "in_force")


def body_status(store: Store, body_code: str, today: date | None = None) -> str:
    """not_harvested | none | unknown (a decision whose entry into force we do not know) | future | in_force.

    A body without decisions is 'none' once we hold a publication of it or a completed harvest
    window looked at it (Store.last_looked), else 'not_harvested'.
    """
    decided = store.decisions_of(body_code)
    if decided:
        return status_of(decided, today or date.today())
    looked = body_code in store.bodies_with_publications() or store.last_looked().at(body_code)
    return "none" if looked else "not_harvested"


def body_statuses(store: Store, body_codes, today: date | None = None) -> dict[str, str]:
    """`body_status` of many bodies at once, in a fixed number of queries."""
    today = today or date.today()
    decided: dict[str, list[Decision]] = defaultdict(list)
    for d in store.decisions_of():
        if d.body_code:
            decided[d.body_code].append(d)
    held, looked = store.bodies_with_publications(), store.last_looked()
    return {code: status_of(decided[code], today) if code in decided
            else "none" if code in held or looked.at(code) else "not_harvested"
            for code in body_codes}


def status_of(decisions: list[Decision], today: date) -> str:
    """The status of a body given its decisions."""
    status = "none"
    for d in decisions:
        start, end = to_date(d.effective_date), to_date(d.valid_to)
        if start and start <= today and (not end or end >= today) and not (d.end_reason and not end):
            return "in_force"
        if start and start > today:
            status = "future"
        elif not start and not d.end_reason and status == "none":
            status = "unknown"
    return status
