"""The resolver's input and output types.

`Decision` is what the resolver needs to know about one decision; `Decision.from_extract()` fills it from
the JSON of `kanaalwijzer extract` (the registry fills the same type from its rows). The field names
follow the scope contract (/work/coord/scope-contract.md, README "Het antwoord").
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

WMEBV = "wmebv_designation"
PRE_WMEBV = "pre_wmebv_designation"
NOT_DESIGNATION = "not_designation"
STATUSES = ("answered", "no_designation_in_force", "not_a_designation", "unknown")
APPLIES_TO = ("all", "rest", "listed", "on_request")


def to_date(value) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


@dataclass(frozen=True)
class Rule:
    """One channel provision: a kind designated or excluded, for which messages, where it stands."""
    kind: str
    status: str                      # designated | excluded
    value: str = ""
    messages: tuple[str, ...] = ()   # empty = every message (see applies_to)
    applies_to: str = "all"          # all | rest | listed | on_request
    except_messages: tuple[str, ...] = ()
    except_refs: tuple[str, ...] = ()  # locations whose messages are carved out ("Artikel 6")
    conditions: tuple[str, ...] = ()   # Dutch labels
    organisation: str | None = None
    additional: bool = False
    auth: tuple[str, ...] = ()
    location: str = ""
    evidence: str = ""

    @classmethod
    def from_channel(cls, ch: dict) -> Rule:
        ev = ch.get("evidence") or {}
        messages = tuple(ch.get("messages") or ())
        applies_to = ch.get("applies_to")
        if applies_to not in APPLIES_TO:  # an extract from before the scope fields: read the scope string
            if ch.get("kind") == "as_invited":
                applies_to = "on_request"
            elif ch.get("scope"):
                applies_to, messages = "listed", (ch["scope"],)
            else:
                applies_to = "all"
        conditions = tuple(c.get("label", c.get("code", "")) if isinstance(c, dict) else str(c)
                           for c in ch.get("conditions") or ())
        return cls(kind=ch.get("kind", "other"), status=ch.get("status", "designated"), value=ch.get("value") or "",
                   messages=messages, applies_to=applies_to,
                   except_messages=tuple(ch.get("except_messages") or ()),
                   except_refs=tuple(ch.get("except_refs") or ()), conditions=conditions,
                   organisation=ch.get("organisation"), additional=bool(ch.get("additional")),
                   auth=tuple(ch.get("auth") or ()), location=ev.get("location") or "", evidence=ev.get("text") or "")

    def channel(self) -> dict:
        """The channel as the answer shows it."""
        out = {"kind": self.kind, "value": self.value, "location": self.location, "evidence": self.evidence}
        if self.status == "designated":
            out.update(auth=list(self.auth), conditions=list(self.conditions), organisation=self.organisation)
        return out


@dataclass(frozen=True)
class Outside:
    """Messages the decision does not decide: addressed to another organ (reason 'scope'), or a
    process for which it designates no electronic channel (reason 'no_channel')."""
    messages: tuple[str, ...]
    reason: str = "scope"
    label: str = ""
    location: str = ""
    evidence: str = ""

    @classmethod
    def from_json(cls, item: dict) -> Outside:
        ev = item.get("evidence") or {}
        return cls(messages=tuple(item.get("messages") or ()), reason=item.get("reason", "scope"),
                   label=item.get("label") or "", location=ev.get("location") or "", evidence=ev.get("text") or "")


@dataclass(frozen=True)
class Decision:
    classification: str
    rules: tuple[Rule, ...] = ()
    outside: tuple[Outside, ...] = ()
    effective_date: date | None = None
    effective_rule: str | None = None
    valid_until: date | None = None
    decision_date: date | None = None
    title: str | None = None
    authority: str | None = None
    source: str = ""
    complete: bool = True

    @classmethod
    def from_extract(cls, result: dict) -> Decision:
        """From the JSON of `kanaalwijzer extract` (one file)."""
        return cls(classification=result.get("classification") or NOT_DESIGNATION,
                   rules=tuple(Rule.from_channel(c) for c in result.get("channels") or ()
                               if c.get("status") in ("designated", "excluded")),
                   outside=tuple(Outside.from_json(o) for o in result.get("outside") or ()),
                   effective_date=to_date(result.get("effective_date")),
                   effective_rule=result.get("effective_rule"),
                   valid_until=to_date(result.get("valid_until")),
                   decision_date=to_date(result.get("decision_date")),
                   title=result.get("title"),
                   authority=(result.get("authority") or {}).get("name"),
                   source=result.get("file") or "",
                   complete=not result.get("error"))


@dataclass
class Answer:
    status: str
    message: str
    date: date
    reason: str
    designated: list[dict] = field(default_factory=list)
    excluded: list[dict] = field(default_factory=list)
    decided_by: str | None = None
    matched: str | None = None
    regime: str | None = None
    decision: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        out = asdict(self)
        out["date"] = self.date.isoformat()
        return {k: out[k] for k in ("status", "designated", "excluded", "decided_by", "reason", "message",
                                    "matched", "date", "regime", "decision")}
