"""Extractions and the designation registry derived from them: decisions and designations.

An extraction is the `kanaalwijzer extract` JSON of one publication version (README, "Fields").
It is checked against that contract once, when recorded (`check_extraction`): one that does not
hold is stored with a clear error instead of its classification, so no later stage ever meets a
malformed one. Its JSON is decoded here only (`extraction_result`). The registry tables are
rewritten as a whole by `replace_registry` (kanaalwijzer.registry computes them).
Tables: registry_0002.sql (+ registry_0003.py: the check, once, for extractions recorded before it).
"""
from __future__ import annotations

import json
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from .. import vocabulary
from ._db import Tables, decoded, now

log = logging.getLogger(__name__)

CLASSIFICATIONS = tuple(vocabulary.REGIMES)  # wmebv_designation, pre_wmebv_designation, not_designation
REGIMES = vocabulary.DESIGNATION_REGIMES
CHANNEL_STATUSES = tuple(vocabulary.CHANNEL_STATUSES)
BROKEN = "ongeldige extractie: "  # how the error of an extraction that breaks the contract starts


# -- the extraction contract -------------------------------------------------------------------------
def check_extraction(result) -> list[str]:
    """What in `result` breaks the extract contract (README); [] when it holds.

    Keys may be missing (their value is then absent/empty); a key that is present has the type the
    contract gives it. A channel must have a kind, a status that counts and evidence with words.
    """
    if not isinstance(result, dict):
        return [f"geen JSON-object maar {type(result).__name__}"]
    problems = []
    if result.get("classification") not in CLASSIFICATIONS:
        problems.append(f"classification {_short(result.get('classification'))} is geen van {', '.join(CLASSIFICATIONS)}")
    confidence = result.get("confidence")
    if confidence is not None and (isinstance(confidence, bool) or not isinstance(confidence, (int, float))
                                   or not 0 <= confidence <= 1):
        problems.append(f"confidence {_short(confidence)} is geen getal van 0 tot 1")
    for key in ("title", "effective_rule", "pipeline_version", "file"):
        if result.get(key) is not None and not isinstance(result[key], str):
            problems.append(f"{key} is geen tekst")
    for key in ("decision_date", "effective_date"):
        if result.get(key) is not None and not _is_iso_date(result[key]):
            problems.append(f"{key} {_short(result[key])} is geen ISO-datum")
    for key in ("reasons", "organs", "legal_basis", "withdraws"):
        if key in result and not _strings(result[key]):
            problems.append(f"{key} is geen lijst van teksten")
    authority = result.get("authority")
    if authority is not None and not (isinstance(authority, dict) and all(
            authority.get(k) is None or isinstance(authority[k], str) for k in ("name", "type", "code"))):
        problems.append("authority is geen object met name, type en code")
    channels = result.get("channels", [])
    if not isinstance(channels, list):
        problems.append("channels is geen lijst")
        channels = []
    for number, channel in enumerate(channels, 1):
        problems += [f"kanaal {number}: {p}" for p in _channel_problems(channel)]
    return problems


def _channel_problems(channel) -> list[str]:
    if not isinstance(channel, dict):
        return ["geen object"]
    problems = []
    if not isinstance(channel.get("kind"), str) or not channel["kind"]:
        problems.append("kind ontbreekt")
    if channel.get("status") not in CHANNEL_STATUSES:
        problems.append(f"status {_short(channel.get('status'))} is geen van {', '.join(CHANNEL_STATUSES)}")
    if channel.get("value") is not None and not isinstance(channel["value"], str):
        problems.append("value is geen tekst")
    scope = channel.get("scope")
    if scope is not None and not isinstance(scope, str) and not _strings(scope):
        problems.append("scope is geen tekst of lijst van teksten")
    if "auth" in channel and not _strings(channel["auth"]):
        problems.append("auth is geen lijst van teksten")
    evidence = channel.get("evidence")
    if not isinstance(evidence, dict) or not isinstance(evidence.get("text"), str) or not evidence["text"]:
        problems.append("bewijs (evidence.text) ontbreekt")
    elif any(evidence.get(k) is not None and (isinstance(evidence[k], bool) or not isinstance(evidence[k], int))
             for k in ("start", "end")) or (evidence.get("location") is not None
                                             and not isinstance(evidence["location"], str)):
        problems.append("evidence heeft geen gehele start/end of tekstuele location")
    return problems


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _strings(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _is_iso_date(value) -> bool:
    try:
        return isinstance(value, str) and date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def extraction_result(raw: str | None) -> dict:
    """A stored extraction JSON as Python (the one place it is decoded)."""
    return json.loads(raw) if raw else {}


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


# -- what callers get -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Extraction:
    publication_id: str
    version: int
    pipeline_version: str
    classification: str | None  # None when `error` is set
    confidence: float | None
    result: dict  # the extract JSON, as the extractor gave it
    error: str | None
    extracted_at: str

    @classmethod
    def _of(cls, row) -> "Extraction":
        data = dict(row)
        data["result"] = extraction_result(data.pop("result_json"))
        return cls(**data)

    @property
    def breaks_contract(self) -> bool:
        """The result is not in the extract contract's shape: nothing in it may be used."""
        return (self.error or "").startswith(BROKEN)


@dataclass(frozen=True)
class RegistryInput:
    """A publication's latest version with its current extraction: what the registry is built from.
    `result` is {} for a publication that neither designates nor withdraws (not needed)."""
    id: str
    source: str
    title: str | None
    body_code: str | None
    published: str | None
    valid_from: str | None
    valid_to: str | None
    is_format_of: str | None
    work_id: str | None
    work_version: int | None
    version: int
    content_hash: str
    pipeline_version: str
    classification: str | None
    result: dict


@dataclass(frozen=True)
class LegalVersion:
    """One version of a decision in law: a CVDR expression, else the gazette publication."""
    publication_id: str
    version: int
    content_hash: str | None
    pipeline_version: str | None
    valid_from: str | None
    valid_to: str | None


@dataclass(frozen=True, kw_only=True)
class Decision:
    decision_id: str
    body_code: str | None
    regime: str  # wmebv_designation | pre_wmebv_designation
    title: str | None
    publication_id: str  # the manifestation whose extraction is used
    version: int
    pipeline_version: str
    content_hash: str | None
    manifestations: list[str]
    published: str | None
    decision_date: str | None
    effective_date: str | None
    effective_rule: str | None
    valid_to: str | None
    end_reason: str | None  # replaced | withdrawn | expired
    ended_by: str | None
    end: dict = field(default_factory=dict)  # evidence of the end
    legal_versions: list[LegalVersion] = field(default_factory=list)

    @classmethod
    def _of(cls, row) -> "Decision":
        data = decoded(row, manifestations=[], end={}, legal_versions=[])
        return cls(**data | {"legal_versions": [LegalVersion(**lv) for lv in data["legal_versions"]]})


@dataclass(frozen=True, kw_only=True)
class Designation:
    """Body x process ('' = alle berichten) x channel, as one legal version of a decision has it."""
    decision_id: str
    body_code: str | None
    process: str
    channel_kind: str
    channel_value: str
    status: str  # designated | excluded
    auth: list[str]
    valid_from: str | None
    valid_to: str | None
    evidence: dict
    publication_id: str
    version: int
    id: int | None = None  # set once stored

    @classmethod
    def _of(cls, row) -> "Designation":
        return cls(**decoded(row, auth=[], evidence={}))


@dataclass(frozen=True, kw_only=True)
class DesignationOn(Designation):
    """A designation in force on a day, with what its decision says about its end."""
    title: str | None
    regime: str
    end_reason: str | None
    ended_by: str | None

    @property
    def end_unknown(self) -> bool:
        """The decision was ended (replaced, withdrawn) at a date we do not know."""
        return bool(self.end_reason and not self.valid_to)


@dataclass(frozen=True)
class ChannelKindsInUse:
    """Channel kinds the registry holds (designated or excluded), per decision and per body."""
    by_decision: dict[str, set[str]]
    by_body: dict[str, set[str]]


class RegistryTables(Tables):
    # -- extractions ------------------------------------------------------------------------
    def record_extraction(self, publication_id: str, version: int, pipeline_version: str,
                          result: dict | None, error: str | None = None) -> str | None:
        """Store one extraction (the same pipeline version on the same version is one row).

        A result that breaks the contract is stored with that as its error; returns the error.
        """
        result = result if result is not None else {}
        if not error:
            problems = check_extraction(result)
            error = (BROKEN + "; ".join(problems[:5])) if problems \
                else result.get("error") if isinstance(result.get("error"), str) and result["error"] else None
            if problems:
                log.error("%s versie %s: %s", publication_id, version, error)
        valid = isinstance(result, dict) and not error
        self._db.execute(
            "INSERT INTO extractions (publication_id, version, pipeline_version, classification, confidence,"
            " result_json, error, extracted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (publication_id, version, pipeline_version) DO UPDATE SET"
            " classification = excluded.classification, confidence = excluded.confidence,"
            " result_json = excluded.result_json, error = excluded.error, extracted_at = excluded.extracted_at",
            (publication_id, version, pipeline_version, result.get("classification") if valid else None,
             result.get("confidence") if valid else None, _dump(result), error, now()),
        )
        return error

    def unextracted_versions(self, pipeline_version: str) -> list[tuple[str, int]]:
        """(publication id, version) of every version this pipeline version has not extracted."""
        return [(r[0], r[1]) for r in self._rows(
            "SELECT v.publication_id, v.version FROM versions v WHERE NOT EXISTS (SELECT 1 FROM extractions e"
            " WHERE e.publication_id = v.publication_id AND e.version = v.version AND e.pipeline_version = ?)"
            " ORDER BY v.publication_id, v.version", (pipeline_version,))]

    def newest_extraction(self, publication_id: str, version: int) -> Extraction | None:
        """The newest extraction of one publication version (any pipeline version)."""
        row = self._row("SELECT * FROM extractions WHERE publication_id = ? AND version = ?"
                        " ORDER BY extracted_at DESC, pipeline_version DESC LIMIT 1", (publication_id, version))
        return Extraction._of(row) if row else None

    def extractions_of(self, publication_id: str) -> list[Extraction]:
        return [Extraction._of(r) for r in self._rows(
            "SELECT * FROM extractions WHERE publication_id = ? ORDER BY version, extracted_at, pipeline_version",
            (publication_id,))]

    def pipeline_versions(self) -> list[str]:
        return [r[0] for r in self._rows("SELECT DISTINCT pipeline_version FROM extractions ORDER BY 1")]

    def registry_inputs(self, pipeline_version: str | None) -> dict[str, RegistryInput]:
        """Per publication: its latest version and that version's error-free extraction, preferring
        `pipeline_version`, else the newest."""
        rows = self._rows(
            "SELECT p.id, p.source, p.title, p.body_code, p.published, p.valid_from, p.valid_to, p.is_format_of,"
            " p.work_id, p.work_version, v.version, v.content_hash, e.pipeline_version,"
            " e.classification, e.error,"
            # Only what the registry reads: designations, and anything that withdraws something
            # (the JSON of an empty list is exactly this). Most gazette items are neither.
            " CASE WHEN e.classification IN ('wmebv_designation', 'pre_wmebv_designation')"
            "   OR instr(e.result_json, '\"withdraws\": []') = 0 THEN e.result_json END"
            " FROM publications p JOIN versions v ON v.publication_id = p.id"
            " AND v.version = (SELECT MAX(version) FROM versions WHERE publication_id = p.id)"
            " JOIN extractions e ON e.publication_id = p.id AND e.version = v.version"
            " ORDER BY p.id, (e.pipeline_version = ?) DESC, e.extracted_at DESC",
            (pipeline_version or "",),
        )
        current: dict[str, RegistryInput] = {}
        for row in rows:
            if row[0] in current or row[14]:
                continue
            current[row[0]] = RegistryInput(*row[:14], extraction_result(row[15]))
        return current

    # -- decisions and designations ---------------------------------------------------------
    def replace_registry(self, decisions: list[Decision], designations: list[Designation]) -> None:
        """Rewrite the registry as a whole (inside the caller's transaction)."""
        self._db.execute("DELETE FROM designations")
        self._db.execute("DELETE FROM decisions")
        self._db.executemany(
            "INSERT INTO decisions (decision_id, body_code, regime, title, publication_id, version, pipeline_version,"
            " content_hash, manifestations_json, published, decision_date, effective_date, effective_rule,"
            " valid_to, end_reason, ended_by, end_json, legal_versions_json)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(d.decision_id, d.body_code, d.regime, d.title, d.publication_id, d.version, d.pipeline_version,
              d.content_hash, json.dumps(d.manifestations), d.published, d.decision_date, d.effective_date,
              d.effective_rule, d.valid_to, d.end_reason, d.ended_by, _dump(d.end),
              json.dumps([lv.__dict__ for lv in d.legal_versions], sort_keys=True)) for d in decisions])
        self._db.executemany(
            "INSERT INTO designations (decision_id, body_code, process, channel_kind, channel_value,"
            " status, auth_json, valid_from, valid_to, evidence_json, publication_id, version)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(g.decision_id, g.body_code, g.process, g.channel_kind, g.channel_value, g.status, json.dumps(g.auth),
              g.valid_from, g.valid_to, _dump(g.evidence), g.publication_id, g.version) for g in designations])

    def decisions_of(self, body_code: str | None = None) -> list[Decision]:
        """The decisions of one body (None: of every body), oldest first."""
        return [Decision._of(r) for r in self._rows(
            "SELECT * FROM decisions WHERE ? IS NULL OR body_code = ?"
            " ORDER BY effective_date, published, decision_id", (body_code, body_code))]

    def all_designations(self) -> list[Designation]:
        return [Designation._of(r) for r in self._rows("SELECT * FROM designations ORDER BY id")]

    def designations_on(self, body_code: str, day: str) -> list[DesignationOn]:
        """The channels designated or excluded by `body_code` on `day` (ISO; rows with a known start).

        A row whose decision was ended at an unknown date (a replacement or withdrawal without a
        known entry into force) is included: `end_unknown` says we know it ended, not when.
        """
        return self.designations_on_per_body(day, body_code).get(body_code, [])

    def designations_on_per_body(self, day: str, body_code: str | None = None) -> dict[str, list[DesignationOn]]:
        """`designations_on` for every body at once (one query), keyed by body code."""
        out: dict[str, list[DesignationOn]] = defaultdict(list)
        for row in self._rows(
                "SELECT g.*, d.title, d.regime, d.end_reason, d.ended_by FROM designations g"
                " JOIN decisions d USING (decision_id) WHERE (? IS NULL OR g.body_code = ?) AND g.valid_from <= ?"
                " AND (g.valid_to IS NULL OR g.valid_to >= ?)"
                " ORDER BY g.body_code, g.process, g.channel_kind, g.channel_value",
                (body_code, body_code, day, day)):
            item = DesignationOn._of(row)
            out[item.body_code].append(item)
        return dict(out)

    def channel_kinds_in_use(self) -> ChannelKindsInUse:
        by_decision: dict[str, set[str]] = defaultdict(set)
        by_body: dict[str, set[str]] = defaultdict(set)
        for decision_id, body_code, kind in self._rows(
                "SELECT DISTINCT decision_id, body_code, channel_kind FROM designations"):
            by_decision[decision_id].add(kind)
            if body_code:
                by_body[body_code].add(kind)
        return ChannelKindsInUse(dict(by_decision), dict(by_body))
