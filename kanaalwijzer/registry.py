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
"""
from __future__ import annotations

import difflib
import json
import logging
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import vocabulary as vocab
from .bodies import normalise_name
from .documents import Block, Document
from .store import Store

log = logging.getLogger(__name__)

REGIMES = vocab.DESIGNATION_REGIMES
CHANNEL_STATUSES = tuple(vocab.CHANNEL_STATUSES)
ALL_MESSAGES = ""  # the process value for "alle berichten"
_ALL_MESSAGES_WORDS = {"", "alle berichten", "alle", "all", "all messages", "berichten"}


# -- extraction ----------------------------------------------------------------------------------
def document_for(store: Store, publication_id: str, version: int) -> Document:
    """The stored version as a Document (text + structural blocks), for the extractor."""
    pub = store.publication(publication_id)
    stored = store.version(publication_id, version)
    blocks = [Block(b["kind"], b.get("label", ""), b["start"], b["end"])
              for b in stored.structure if isinstance(b, dict)]
    # The publication's metadata under the names the document parser gives XML metadata.
    meta = {"id": publication_id, "title": pub.title, "creator": pub.body_name,
            "OVERHEID.organisationType": pub.body_type, "issued": pub.issued, "available": pub.published,
            "modified": pub.modified, "inwerkingtredingDatum": pub.valid_from if pub.source == "cvdr" else None}
    meta = {k: v for k, v in meta.items() if v}
    fmt = "cvdr_xml" if pub.source == "cvdr" else "gemeenteblad_xml"
    return Document(stored.text, blocks, fmt, meta)


def record_extraction(store: Store, publication_id: str, version: int, pipeline_version: str,
                      result: dict | None, error: str | None = None) -> None:
    store.record_extraction(publication_id, version, pipeline_version, result, error)


def pending_versions(store: Store, pipeline_version: str) -> list[tuple[str, int]]:
    return [(r[0], r[1]) for r in store.query(
        "SELECT v.publication_id, v.version FROM versions v WHERE NOT EXISTS (SELECT 1 FROM extractions e"
        " WHERE e.publication_id = v.publication_id AND e.version = v.version AND e.pipeline_version = ?)"
        " ORDER BY v.publication_id, v.version", (pipeline_version,))]


@dataclass
class PendingResult:
    extracted: int = 0
    failed: int = 0
    events: list = field(default_factory=list)


def extract_pending(store: Store, pipeline_version: str, extract_fn: Callable[[Document], dict], *,
                    today: date | None = None, limit: int | None = None) -> PendingResult:
    """Extract every version not yet extracted by this pipeline version, then update the registry.

    Each extraction is committed on its own, so a killed run resumes where it stopped. A version
    the extractor cannot handle is stored with its error (and logged); the run goes on.
    """
    result = PendingResult()
    for publication_id, version in pending_versions(store, pipeline_version)[:limit]:
        try:
            extracted = extract_fn(document_for(store, publication_id, version))
            error = extracted.get("error") if isinstance(extracted, dict) else "extractor gaf geen JSON-object"
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run
            extracted, error = {}, f"{type(exc).__name__}: {exc}"
        error = store.record_extraction(publication_id, version, pipeline_version,
                                        extracted if isinstance(extracted, dict) else {}, error)
        if error:
            log.error("extractie mislukt voor %s versie %s: %s", publication_id, version, error)
            result.failed += 1
        else:
            result.extracted += 1
    result.events = update(store, pipeline_version, today=today)
    return result


def update(store: Store, pipeline_version: str | None = None, *, today: date | None = None) -> list[dict]:
    """Rebuild the registry and record the change events it implies; returns the new events."""
    from . import events  # events reads registry snapshots; import here to keep the cycle local

    with store.transaction():
        before = events.snapshot(store)
        rebuild(store, pipeline_version)
        after = events.snapshot(store)
        return events.record_changes(store, before, after, today=today)


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
def processes_of(scope) -> list[str]:
    """An extracted channel scope as process names; '' is "alle berichten"."""
    items = scope if isinstance(scope, list) else [scope]
    out = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("process") or item.get("name") or item.get("text") or ""
        if not isinstance(item, str):
            item = "" if item is None else str(item)
        name = " ".join(str(item or "").split()).strip(" .;:").lower()
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


def _current_extractions(store: Store, pipeline_version: str | None) -> dict[str, dict]:
    """Per publication: its latest version, and that version's extraction (preferring this pipeline)."""
    rows = store.query(
        "SELECT p.id, p.source, p.title, p.body_code, p.published, p.valid_from, p.valid_to, p.is_format_of,"
        " p.work_id, p.work_version, v.version AS v_version, v.content_hash, e.pipeline_version AS e_pipeline,"
        " e.classification, e.error AS e_error,"
        # Only what the registry reads: designations, and anything that withdraws something
        # (record_extraction writes an empty list exactly so). Most gazette items are neither.
        " CASE WHEN e.classification IN ('wmebv_designation', 'pre_wmebv_designation')"
        "   OR instr(e.result_json, '\"withdraws\": []') = 0 THEN e.result_json END AS result_json"
        " FROM publications p JOIN versions v ON v.publication_id = p.id"
        " AND v.version = (SELECT MAX(version) FROM versions WHERE publication_id = p.id)"
        " JOIN extractions e ON e.publication_id = p.id AND e.version = v.version"
        " ORDER BY p.id, (e.pipeline_version = ?) DESC, e.extracted_at DESC",
        (pipeline_version or "",),
    )
    current: dict[str, dict] = {}
    for row in rows:
        if row["id"] in current or row["e_error"]:
            continue
        item = dict(row)
        raw = item.pop("result_json")
        item["result"] = json.loads(raw) if raw else {}
        current[row["id"]] = item
    return current


def _effective(pub: dict, published: date | None) -> date | None:
    result = pub["result"]
    return (to_date(pub["valid_from"]) if pub["source"] == "cvdr" else None) \
        or to_date(result.get("effective_date")) \
        or resolve_rule(result.get("effective_rule"), published)


def _withdraw_texts(result: dict) -> list[str]:
    items = result.get("withdraws")
    texts = []
    for item in items if isinstance(items, list) else [items] if isinstance(items, str) else []:
        if isinstance(item, dict):
            item = " ".join(str(v) for v in item.values() if isinstance(v, (str, int)))
        if item:
            texts.append(str(item))
    return texts


def _authority_code(result: dict) -> str | None:
    authority = result.get("authority")
    code = authority.get("code") if isinstance(authority, dict) else None
    return code if isinstance(code, str) and code else None


def _title_key(title: str | None) -> str:
    return re.sub(r"\b(19|20)\d{2}\b", " ", normalise_name(title or "")).strip()


def rebuild(store: Store, pipeline_version: str | None = None) -> None:
    """Recompute decisions and designations from the store (inside the caller's transaction)."""
    pubs = _current_extractions(store, pipeline_version)
    groups = _Groups()
    for pid, pub in pubs.items():
        groups.find(pid)
        if pub["is_format_of"]:
            groups.union(pid, pub["is_format_of"])
        if pub["work_id"]:
            groups.union(pid, "work:" + pub["work_id"])
    members: dict[str, list[dict]] = defaultdict(list)
    for pid, pub in pubs.items():
        members[groups.find(pid)].append(pub)

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
        items.sort(key=decision_order)
        for older, newer in zip(items, items[1:]):
            start = to_date(newer["effective_date"])
            own_end = to_date(older["valid_to"])
            if start and own_end and own_end < start - timedelta(days=1):
                continue  # it had already ended by itself
            older.update(valid_to=iso(start - timedelta(days=1)) if start else older["valid_to"],
                         end_reason="replaced", ended_by=newer["decision_id"],
                         end_json={"publication_id": newer["publication_id"], "title": newer["title"],
                                   "published": newer["published"]})

    # Withdrawals: by any publication (designation or not) of the same body.
    for pid, pub in sorted(pubs.items()):
        texts = _withdraw_texts(pub["result"])
        if not texts:
            continue
        body = pub["body_code"] or _authority_code(pub["result"])
        own = next((d["decision_id"] for d in decisions if pid in d["manifestations"]), None)
        published = to_date(pub["published"])
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
                          end_json={"publication_id": pid, "version": pub["v_version"],
                                    "title": pub["title"], "published": pub["published"], "text": text})

    for d in decisions:
        last = d["legal_versions"][-1]
        if not d["end_reason"] and last["valid_to"]:
            d.update(valid_to=last["valid_to"], end_reason="expired",
                     end_json={"publication_id": last["publication_id"], "valid_to": last["valid_to"]})
    _write(store, decisions)


def decision_order(d: dict) -> tuple:
    """Oldest first: by entry into force, else publication date."""
    return (d["effective_date"] or d["published"] or "9999", d["published"] or "9999", d["decision_id"])


def _decision(group: list[dict]) -> dict | None:
    designating = [p for p in group if p["classification"] in REGIMES]
    if not designating:
        return None
    gazettes = sorted((p for p in group if p["source"] != "cvdr"), key=lambda p: (p["published"] or "9999", p["id"]))
    cvdr = sorted((p for p in group if p["source"] == "cvdr" and p["classification"] in REGIMES),
                  key=lambda p: (p["work_version"] or 0, p["valid_from"] or "", p["id"]))
    if gazettes:
        decision_id = gazettes[0]["id"]
    else:
        targets = sorted(p["is_format_of"] for p in group if p["is_format_of"])
        works = sorted(p["work_id"] for p in group if p["work_id"])
        decision_id = (targets or works or [group[0]["id"]])[0]
    sources = cvdr or [p for p in gazettes if p["classification"] in REGIMES]
    published_all = sorted(p["published"] for p in group if p["published"])
    first_published = to_date(published_all[0]) if published_all else None

    versions = []
    for pub in sources:
        start = _effective(pub, to_date(pub["published"]) or first_published)
        versions.append({"publication_id": pub["id"], "version": pub["v_version"],
                         "content_hash": pub["content_hash"], "pipeline_version": pub["e_pipeline"],
                         "valid_from": iso(start),
                         "valid_to": pub["valid_to"][:10] if pub["source"] == "cvdr" and pub["valid_to"] else None,
                         "result": pub["result"], "title": pub["title"]})
    for lv, nxt in zip(versions, versions[1:]):  # a later expression ends the one before
        nxt_start = to_date(nxt["valid_from"])
        if nxt_start and not lv["valid_to"]:
            lv["valid_to"] = iso(nxt_start - timedelta(days=1))
    last = versions[-1]
    result = last["result"]
    body = next((p["body_code"] for p in sources + gazettes if p["body_code"]), None) \
        or _authority_code(result)
    regime = last["result"].get("classification") if last["result"].get("classification") in REGIMES \
        else designating[0]["classification"]
    return {
        "decision_id": decision_id, "body_code": body, "regime": regime,
        "title": result.get("title") if isinstance(result.get("title"), str) and result["title"] \
        else (gazettes or sources)[0]["title"],
        "publication_id": last["publication_id"], "version": last["version"],
        "pipeline_version": last["pipeline_version"], "content_hash": last["content_hash"],
        "manifestations": sorted(p["id"] for p in group),
        "published": iso(first_published),
        "decision_date": next((iso(to_date(v["result"].get("decision_date"))) for v in versions
                               if to_date(v["result"].get("decision_date"))), None),
        "effective_date": versions[0]["valid_from"],
        "effective_rule": rule if isinstance(rule := versions[0]["result"].get("effective_rule"), str) else None,
        "valid_to": None, "end_reason": None, "ended_by": None, "end_json": {},
        "legal_versions": versions,
    }


def _withdrawn_decision(text: str, candidates: list[dict], pubs: dict, before: date | None) -> dict | None:
    """Which earlier decision of the body `text` (a withdraws item) names: by id, else by title."""
    def known_before(d: dict) -> bool:  # only an earlier decision can be withdrawn
        day = to_date(d["published"]) or to_date(d["effective_date"])
        return before is None or day is None or day < before

    earlier = [d for d in candidates if known_before(d)]
    for ref in vocab.PUBLICATION_ID.findall(text):
        for d in earlier:
            if any(ref.lower() == m.lower() or ref.lower() == (pubs.get(m, {}).get("work_id") or "").lower()
                   for m in d["manifestations"]) or ref.lower() == d["decision_id"].lower():
                return d
    key = _title_key(text)
    best, best_score = None, 0.0
    for d in earlier:
        titles = {_title_key(d["title"])} | {_title_key(pubs[m]["title"]) for m in d["manifestations"] if m in pubs}
        for title in filter(None, titles):
            score = 1.0 if title in key or key in title else difflib.SequenceMatcher(None, key, title).ratio()
            if score > best_score:
                best, best_score = d, score
    return best if best_score >= 0.8 else None


def _write(store: Store, decisions: list[dict]) -> None:
    store.db.execute("DELETE FROM designations")
    store.db.execute("DELETE FROM decisions")
    for d in sorted(decisions, key=lambda d: d["decision_id"]):
        lvs = [{k: v for k, v in lv.items() if k not in ("result", "title")} for lv in d["legal_versions"]]
        store.db.execute(
            "INSERT INTO decisions (decision_id, body_code, regime, title, publication_id, version, pipeline_version,"
            " content_hash, manifestations_json, published, decision_date, effective_date, effective_rule,"
            " valid_to, end_reason, ended_by, end_json, legal_versions_json)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (d["decision_id"], d["body_code"], d["regime"], d["title"], d["publication_id"], d["version"],
             d["pipeline_version"], d["content_hash"], json.dumps(d["manifestations"]), d["published"],
             d["decision_date"], d["effective_date"], d["effective_rule"], d["valid_to"], d["end_reason"],
             d["ended_by"], json.dumps(d["end_json"], ensure_ascii=False, sort_keys=True),
             json.dumps(lvs, sort_keys=True)),
        )
        end = to_date(d["valid_to"])
        for lv in d["legal_versions"]:
            lv_end = min(filter(None, [to_date(lv["valid_to"]), end]), default=None)
            for channel in channels_of(lv["result"], lv["publication_id"]):
                for process in processes_of(channel["scope"]):
                    store.db.execute(
                        "INSERT INTO designations (decision_id, body_code, process, channel_kind, channel_value,"
                        " status, auth_json, valid_from, valid_to, evidence_json, publication_id, version)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (d["decision_id"], d["body_code"], process, channel["kind"], channel["value"],
                         channel["status"], json.dumps(channel["auth"]), lv["valid_from"], iso(lv_end),
                         json.dumps(channel["evidence"], ensure_ascii=False, sort_keys=True),
                         lv["publication_id"], lv["version"]),
                    )


def channels_of(result: dict, publication_id: str) -> list[dict]:
    """The well-formed channels of an extraction; anything else is logged and left out.

    Only 'designated' and 'excluded' count, and a channel without evidence is no designation
    (every fact must link to its words).
    """
    out = []
    channels = result.get("channels")
    for channel in channels if isinstance(channels, list) else []:
        if not isinstance(channel, dict) or channel.get("status") not in CHANNEL_STATUSES \
                or not isinstance(channel.get("kind"), str) or not channel["kind"]:
            log.warning("%s: kanaal zonder geldige soort of status overgeslagen: %.200r", publication_id, channel)
            continue
        evidence = channel.get("evidence")
        if not isinstance(evidence, dict) or not evidence.get("text"):
            log.warning("%s: kanaal %s zonder bewijs overgeslagen", publication_id, channel["kind"])
            continue
        auth = channel.get("auth") or []
        out.append({"kind": channel["kind"], "status": channel["status"], "scope": channel.get("scope"),
                    "value": channel["value"] if isinstance(channel.get("value"), str) else "",
                    "auth": sorted({str(a) for a in (auth if isinstance(auth, list) else [auth])}),
                    "evidence": evidence})
    return out


# -- queries -------------------------------------------------------------------------------------
def designation_from_row(row) -> dict:
    item = dict(row)
    item["auth"] = json.loads(item.pop("auth_json"))
    item["evidence"] = json.loads(item.pop("evidence_json"))
    return item


def designations_on(store: Store, body_code: str, on: date | str) -> list[dict]:
    """The channels designated or excluded by `body_code` on that day (rows with a known start).

    A row whose decision was ended at an unknown date (a replacement or withdrawal without a known
    entry into force) is included with `end_unknown = True`: we know it ended, not when.
    """
    day = iso(to_date(on))
    rows = store.query(
        "SELECT g.*, d.title, d.regime, d.end_reason, d.ended_by FROM designations g"
        " JOIN decisions d USING (decision_id) WHERE g.body_code = ? AND g.valid_from <= ?"
        " AND (g.valid_to IS NULL OR g.valid_to >= ?) ORDER BY g.process, g.channel_kind, g.channel_value",
        (body_code, day, day),
    )
    out = []
    for row in rows:
        item = designation_from_row(row)
        item["end_unknown"] = bool(item["end_reason"] and not item["valid_to"])
        out.append(item)
    return out


def decisions_of(store: Store, body_code: str | None = None) -> list[dict]:
    """The decisions of one body (None: of every body), oldest first, JSON columns decoded."""
    where, params = ("body_code = ?", (body_code,)) if body_code else ("1", ())
    return [decision_from_row(r) for r in store.query(
        f"SELECT * FROM decisions WHERE {where} ORDER BY effective_date, published, decision_id", params)]


def decision_from_row(row) -> dict:
    item = dict(row)
    for key in ("manifestations_json", "end_json", "legal_versions_json"):
        item[key.removesuffix("_json")] = json.loads(item.pop(key))
    return item


STATUSES = ("not_harvested", "none", "unknown", "future", "in_force")


def body_status(store: Store, body_code: str, today: date | None = None) -> str:
    """not_harvested | none | unknown (a decision whose entry into force we do not know) | future | in_force."""
    today = today or date.today()
    decided = store.query("SELECT effective_date, valid_to, end_reason FROM decisions WHERE body_code = ?",
                          (body_code,))
    if decided:
        return status_of([dict(r) for r in decided], today)
    harvested = store.scalar("SELECT 1 FROM publications WHERE body_code = ? LIMIT 1", (body_code,)) or \
        store.scalar("SELECT 1 FROM harvest_windows WHERE status = 'done' AND (body_filter IS NULL OR body_filter = ?)"
                     " LIMIT 1", (body_code,))
    return "none" if harvested else "not_harvested"


def status_of(decisions: list[dict], today: date) -> str:
    """The status of a body given its decisions (dicts with effective_date, valid_to, end_reason)."""
    status = "none"
    for d in decisions:
        start, end = to_date(d["effective_date"]), to_date(d["valid_to"])
        if start and start <= today and (not end or end >= today) and not (d["end_reason"] and not end):
            return "in_force"
        if start and start > today:
            status = "future"
        elif not start and not d["end_reason"] and status == "none":
            status = "unknown"
    return status
