"""Which channel is designated for this message on this date: resolved as a decision reads.

Order (see the scope contract): not a designation -> not yet / no longer in force -> outside the decision
-> the route named in the body's own request -> the most specific provision for that message (an annex
row or article naming it beats one naming only its kind, which beats one naming only its domain; a
provision's own exceptions carve messages out) or else the fallback -> channels designated in addition
-> exclusions (a specific designation beats a general exclusion, at equal specificity the exclusion wins).
"""
from __future__ import annotations

from datetime import date

from kanaalwijzer.vocabulary import dutch_date

from .model import NOT_DESIGNATION, PRE_WMEBV, WMEBV, Answer, Decision, Outside, Rule
from .vocabulary import Features, compound_match, vocabulary

WMEBV_START = date(2026, 1, 1)
FALLBACK = (-1, 0.0)  # the key of an "all"/"rest" provision: below every real match


# -- matching ----------------------------------------------------------------------------------------
def match(name: Features, msg: Features) -> tuple[int, float] | None:
    """How specifically a provision's message name covers the citizen's message, or None.

    The key is (type score, content strength): 2 = the same kind of message, 1 = a compatible kind
    (aanvraag/verzoek, melding/aangifte) when the content agrees too, 0 = the name has no kind or only
    "berichten"; content strength counts shared products (2 each), shared words (1, a compound head
    0.5) and, for a name that names no product, a shared domain or addressee (1)."""
    voc = vocabulary()
    if name.addressees and msg.addressees and not (name.addressees & msg.addressees):
        return None
    name_types = name.types - {"bericht"}
    msg_types = msg.types - {"bericht"}
    if name_types & msg_types:
        type_score = 2
    elif name_types and msg_types and any(voc.compatible_types(a, b) for a in name_types for b in msg_types):
        type_score = 1
    elif not name_types or not msg_types:
        type_score = 0
    else:
        return None  # a bezwaarschrift is no aanvraag
    strength = 2.0 * len(name.products & msg.products)
    for word in name.content:
        if word in msg.content:
            strength += 1.0
        elif any(compound_match(m, word) or compound_match(word, m) for m in msg.content):
            strength += 0.5
    if strength == 0 and not name.products and (name.domains & msg.domains or name.addressees & msg.addressees):
        strength = 1.0  # a name that only gives a domain ("berichten over belastingen") covers its messages
    has_content = bool(name.content or name.products or name.domains or name.addressees)
    if has_content and strength == 0:
        return None  # "aanvraag evenementenvergunning" says nothing about a parkeerontheffing
    if not has_content and type_score < 2:
        return None  # a provision for bezwaarschriften covers only bezwaarschriften
    if type_score == 1 and strength == 0:
        return None
    return (type_score, strength)


def _best(names, msg: Features) -> tuple[tuple, str] | None:
    voc = vocabulary()
    best = None
    for name in names:
        key = match(voc.features(name), msg)
        if key is not None and (best is None or key > best[0]):
            best = (key, name)
    return best


class _Resolver:
    def __init__(self, decision: Decision, msg: Features):
        self.decision = decision
        self.msg = msg

    def rules_at(self, ref: str) -> list[Rule]:
        ref = ref.strip()
        return [r for r in self.decision.rules
                if r.location == ref or r.location.startswith(ref + " ") or r.location.startswith(ref + ",")]

    def excepted(self, rule: Rule, depth: int = 0) -> bool:
        if rule.except_messages and _best(rule.except_messages, self.msg):
            return True
        if depth < 3:
            for ref in rule.except_refs:
                if any(self.applies(other, depth + 1) is not None for other in self.rules_at(ref) if other is not rule):
                    return True
        return False

    def applies(self, rule: Rule, depth: int = 0) -> tuple | None:
        """The key with which the provision applies to the message, or None."""
        if rule.applies_to == "on_request":
            return (3, 0.0) if self.msg.on_request else None
        if rule.applies_to == "listed":
            found = _best(rule.messages, self.msg)
            if found is None or self.excepted(rule, depth):
                return None
            return found[0]
        if self.excepted(rule, depth):
            return None
        return FALLBACK

    def matched_name(self, rule: Rule) -> str | None:
        found = _best(rule.messages, self.msg) if rule.applies_to == "listed" else None
        return found[1] if found else None


# -- the answer --------------------------------------------------------------------------------------
def answer(decision: Decision, message: str, on: date | None = None) -> Answer:
    """The channels designated for exactly this message on this date under this decision."""
    on = on or date.today()
    msg = vocabulary().features(message)
    regime = {WMEBV: "wmebv", PRE_WMEBV: "pre_wmebv"}.get(decision.classification)
    base = {"message": message, "date": on, "regime": regime,
            "decision": {"title": decision.title, "authority": decision.authority, "source": decision.source,
                         "effective_date": decision.effective_date.isoformat() if decision.effective_date else None}}

    def reply(status, reason, **kw):
        return Answer(status=status, reason=reason, **base, **kw)

    if decision.classification == NOT_DESIGNATION:
        return reply("not_a_designation", "Dit document is geen aanwijzingsbesluit: het wijst geen kanalen aan.")
    not_in_force = _not_in_force(decision, on)
    if not_in_force:
        return reply("no_designation_in_force", not_in_force)
    if decision.classification == PRE_WMEBV and on >= WMEBV_START:
        return reply("unknown", "Dit is een besluit onder de oude regeling (artikel 2:15 Awb). Of die openstelling "
                                "na 1 januari 2026 nog bindt, is een juridische vraag die Kanaalwijzer niet beantwoordt.")

    resolver = _Resolver(decision, msg)
    outside = _outside(decision, msg, "scope")
    if outside:
        o, name = outside
        return reply("no_designation_in_force",
                     f"Dit besluit geldt niet voor {name} ({o.location or 'reikwijdte'}): "
                     f"{o.label or 'het wijst daarvoor niets aan en sluit ook niets uit'}.",
                     decided_by=o.location or None, matched=name)

    designations = [r for r in decision.rules if r.status == "designated"]
    chosen: list[tuple[Rule, tuple]] = []
    decided_by, matched, how = None, None, ""
    requested = [r for r in designations if r.applies_to == "on_request"] if msg.on_request else []
    if requested:
        chosen = [(r, (3, 0.0)) for r in requested]
        decided_by = requested[0].location
        how = (f"Het bericht wordt op verzoek van het bestuursorgaan verzonden; {decided_by or 'het besluit'} "
               f"wijst daarvoor het kanaal aan dat in het verzoek of de uitnodiging staat")
    else:
        listed = [(r, resolver.applies(r)) for r in designations if r.applies_to == "listed" and not r.additional]
        listed = [(r, k) for r, k in listed if k is not None]
        no_channel = _outside(decision, msg, "no_channel")
        best_key = max([k for _, k in listed], default=None)
        if no_channel and (best_key is None or no_channel[2] >= best_key):
            o, name, _ = no_channel
            excluded = _unique([x.channel() for x, _ in _matching_exclusions(decision, resolver)])
            return reply("answered", f"{o.location or 'Het besluit'}: voor {name!r} is geen elektronisch kanaal aangewezen"
                                     f"{' (' + o.label + ')' if o.label else ''}.",
                         excluded=excluded, decided_by=o.location or None, matched=name)
        if listed:
            chosen = [(r, k) for r, k in listed if k == best_key]
            decided_by = chosen[0][0].location
            matched = resolver.matched_name(chosen[0][0])
            how = f"{decided_by or 'Het besluit'} wijst voor {matched!r} aan"
        else:
            fallback = [r for r in designations if r.applies_to in ("rest", "all") and not r.additional
                        and resolver.applies(r) is not None]
            if fallback:
                chosen = [(r, FALLBACK) for r in fallback]
                decided_by = fallback[0].location
                how = (f"Het besluit noemt dit bericht niet apart; {decided_by or 'het besluit'} wijst voor alle "
                       f"overige berichten aan" if any(r.applies_to == "rest" for r in fallback)
                       else f"{decided_by or 'Het besluit'} wijst voor alle berichten aan")
    if not chosen:
        if not designations:
            return reply("unknown", "In dit besluit is geen aangewezen kanaal gevonden.")
        return reply("unknown", "Het besluit noemt dit bericht niet en wijst geen restkanaal aan dat het dekt; "
                                "Kanaalwijzer kan niet zeggen welk kanaal geldt.")
    main = len(chosen)
    if not requested:
        for r in designations:
            if r.additional:
                key = resolver.applies(r)
                if key is not None and (r.applies_to != "listed" or key > FALLBACK):
                    chosen.append((r, key))
    exclusions = _matching_exclusions(decision, resolver)
    excluded = _unique([x.channel() for x, _ in exclusions])
    # an exclusion at least as specific as the designation wins (legal correctness first)
    strong: dict[str, tuple] = {}
    for x, k in exclusions:
        strong[x.kind] = max(k, strong.get(x.kind, k))
    kept = [(i, r) for i, (r, k) in enumerate(chosen) if not (r.kind in strong and strong[r.kind] >= k)]
    if not kept:
        return reply("answered", f"{decided_by or 'Het besluit'}: het kanaal is voor dit bericht uitgesloten.",
                     excluded=excluded, decided_by=decided_by or None, matched=matched)
    channels = _unique([r.channel() for _, r in kept])
    kinds = {c["kind"] for c in channels}
    excluded = [e for e in excluded if e["kind"] not in kinds]
    main_values = ", ".join(_show(r.channel()) for i, r in kept if i < main and r.applies_to != "on_request")
    extra = [r for i, r in kept if i >= main]
    reason = f"{how}: {main_values}." if main_values else f"{how}."
    if extra:
        reason += " Daarnaast: " + ", ".join(f"{_show(r.channel())} ({r.location})" for r in extra) + "."
    dropped = [r for i, (r, k) in enumerate(chosen) if all(i != j for j, _ in kept)]
    if dropped:
        reason += " Uitgesloten voor dit bericht: " + ", ".join(_show(r.channel()) for r in dropped) + "."
    return reply("answered", reason, designated=channels, excluded=excluded, decided_by=decided_by or None,
                 matched=matched)


def _not_in_force(decision: Decision, on: date) -> str | None:
    eff = decision.effective_date
    if eff and on < eff:
        return f"Het besluit treedt pas in werking op {dutch_date(eff)}; op {dutch_date(on)} wijst het nog niets aan."
    if decision.valid_until and on > decision.valid_until:
        return f"Het besluit gold tot en met {dutch_date(decision.valid_until)}; op {dutch_date(on)} niet meer."
    if not eff:
        if decision.decision_date and on < decision.decision_date:
            return f"Het besluit is pas op {dutch_date(decision.decision_date)} genomen."
        if decision.classification == WMEBV and on < WMEBV_START:
            return "Een aanwijzing onder de Wmebv geldt op zijn vroegst vanaf 1 januari 2026."
    return None


def _outside(decision: Decision, msg: Features, reason: str):
    best = None
    for o in decision.outside:
        if o.reason != reason:
            continue
        found = _best(o.messages, msg)
        if found and (best is None or found[0] > best[2]):
            best = (o, found[1], found[0])
    if best is None:
        return None
    return best if reason == "no_channel" else best[:2]


def _matching_exclusions(decision: Decision, resolver: _Resolver) -> list[tuple[Rule, tuple]]:
    out = []
    for r in decision.rules:
        if r.status != "excluded" or r.applies_to == "on_request":
            continue
        key = resolver.applies(r)
        if key is not None:
            out.append((r, key))
    return out


def _unique(channels: list[dict]) -> list[dict]:
    seen, out = set(), []
    for c in channels:
        key = (c["kind"], c["value"], c["location"])
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def _show(channel: dict) -> str:
    return channel["value"] or channel["kind"]


__all__ = ["answer", "match", "Decision", "Rule", "Outside"]
