"""kw_classifier: wmebv_designation | pre_wmebv_designation | not_designation, with reasons.

A designation must (1) have the form of a decision of a decentral body (gelet op, besluit,
articles; not a web page, news item or national explanatory memorandum), and (2) have as its
own subject the electronic channels / electronic traffic: its title says so, or it rests on
Awb 2:13 lid 2 / old 2:15 and actually designates a channel. A mandate decision never
designates, even when it mandates the designation. Titles about mandates, tax
officials, parking or electronic publication are other aanwijzings- or publication decisions.
The regime follows the legal basis (2:15 = old regime) and the Wmebv's own vocabulary.
Runs last: channels of a document that is no designation are dropped.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from kanaalwijzer.bodies import RIJK, ZBO

from . import extensions
from .authority import NATIONAL_NAMES, addressee, authority_json
from .legal import legal_basis
from .opening import OpeningFinder, elsewhere
from .patterns import load_json, rx
from .structure import ENACT_OBJECT, OBJECT_BEFORE

WITHDRAWAL_ONLY = re.compile(r"^(?:\w+\s+){0,2}(?:tot\s+)?(?:intrekking|intrekkingsbesluit|wijziging|wijzigingsbesluit)\b", re.I)
# title words that name the law or its messages, not the channels themselves
WEAK_SUBJECT = re.compile(r"\bwet\s+modernisering\s+elektronisch\s+bestuurlijk\s+verkeer\b|\bwmebv\b|"
                          r"\bformele\s+berichten\b", re.I)
KEY_BASIS = ("Awb 2:13 lid 2", "Awb 2:15 (oud)", "Wmebv")
WMEBV_IN_FORCE = "2026-01-01"
# electronic traffic with a court is no bestuurlijk verkeer (afdeling 8.1.6a Awb, not 2.3)
COURT = re.compile(r"\b(?:bestuurs)?rechter\b|\brechtbank\w*|\brechtspraak\b|\bbestuursrechtspraak\b|\bgerechtshof\w*|\bprocederen\b", re.I)
WMEBV_ADOPTED = 2023  # the Wmebv was adopted in 2023 (in force 2026): a text without a later year predates it
YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
# the title designates something other than channels, or is about publication
OTHER_OBJECT = re.compile(r"\baanwijzing\w*|\baanwijsbesluit|\bmandaat|\bvolmacht|\bbekendmaking|\bpublicatie|\bkennisgeving", re.I)


def _without_names(title: str, authority: dict | None) -> str:
    """The title without the names of national bodies and of the issuing body."""
    title = NATIONAL_NAMES.sub(" ", title)
    if authority and authority.get("name"):
        title = title.replace(authority["name"], " ")
    return title


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0] + " ..."


class Gated:
    """A compiled pattern plus literal needles of which every match contains one: search()
    skips the regex when none occurs. A failed search scans the whole text; `in` is far cheaper."""

    def __init__(self, pattern: str, flags: int = 0):
        self.rx = re.compile(pattern, flags)
        self.ignorecase = bool(self.rx.flags & re.I)
        self.needles = _needles(pattern, flags)

    def search(self, text: str, low: str | None = None) -> re.Match | None:
        if self.needles is not None:
            hay = (low if low is not None else text.lower()) if self.ignorecase else text
            if not any(n in hay for n in self.needles):
                return None
        return self.rx.search(text)


def _needles(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Literal strings of which every match contains one (lower-cased for a re.I pattern):
    the longest run of plain characters, else the needles of a group or alternation that
    every match passes through ("\\bwordt\\s+aangehaald" -> "aangehaald", "a|bc" -> none).
    None when no such strings of 3+ characters exist (or the parser is unavailable)."""
    try:
        from re import _constants as C  # the stdlib's own regex parser (Python >= 3.11)
        from re import _parser
        parsed = _parser.parse(pattern, flags)
    except Exception:
        return None

    def sequence(items) -> tuple[str, ...] | None:
        best = run = ""
        group = None  # needles of the first group or alternation that has some
        for op, arg in items:
            if op is C.LITERAL:
                run += chr(arg)
                best = max(best, run, key=len)
                continue
            run = ""
            if group is None and op is C.BRANCH:
                alternatives = [sequence(branch) for branch in arg[1]]
                if all(alternatives):
                    group = tuple(n for alt in alternatives for n in alt)
            elif group is None and op is C.SUBPATTERN and not arg[1] and not arg[2]:  # no scoped flags
                group = sequence(arg[3])
        return (best,) if len(best) >= 3 else group

    found = sequence(parsed)
    if found and parsed.state.flags & re.I:
        found = tuple(n.lower() for n in found)
    return found


CITEERTITEL = Gated(r"(?:Citeertitel\s*:?\s*|aangehaald\s+als\s*:?\s*)[‘'\"“]?([^\n’'\"”]{4,200})", re.I)


def _signals(patterns: list[str]) -> list[Gated]:
    # written in lower case and matched on lower-cased text: re.I scanning is several times slower
    if any(p != p.lower() for p in patterns):
        raise ValueError("classifier signal patterns must be written in lower case")
    return [Gated(p, re.M) for p in patterns]


def _matched(signals: list[Gated], text: str) -> list[str]:
    """The first match of each signal that occurs (a search stops at the first hit)."""
    return [m.group(0).strip() for g in signals for m in [g.search(text)] if m]


class Classifier:
    def __init__(self, nlp: Language, name: str, classifier_file: str, patterns_dir: str, cues_file: str = "cues.json"):
        extensions.register()
        self.name = name
        cfg = load_json(classifier_file, patterns_dir)
        self.subject = (rx(cfg["subject"]["pattern"]), cfg["subject"]["reason"])
        # rarely matching patterns, gated by their literal needles
        self.other = (Gated(cfg["other_subject"]["pattern"], re.I), cfg["other_subject"]["reason"])
        self.national = (Gated(cfg["national"]["pattern"], re.I), cfg["national"]["reason"])
        self.doc_type = (Gated(cfg["doc_type"]["pattern"], re.I), cfg["doc_type"]["reason"])
        self.mandate = (Gated(cfg["mandate"]["pattern"], re.I), cfg["mandate"]["reason"])
        self.form = (_signals(cfg["form"]["patterns"]), cfg["form"]["reason"])
        self.form_weak = _signals(cfg["form_weak"]["patterns"])
        self.wmebv = (_signals(cfg["wmebv"]["patterns"]), cfg["wmebv"]["reason"])
        self.pre = (_signals(cfg["pre_wmebv"]["patterns"]), cfg["pre_wmebv"]["reason"])
        self.openings = OpeningFinder(cues_file, patterns_dir)

    def __call__(self, doc: Doc) -> Doc:
        label, confidence, reasons = self.classify(doc)
        doc._.kw_classification, doc._.kw_confidence, doc._.kw_reasons = label, confidence, reasons
        issuer = doc._.kw_issuer
        if label != "not_designation" and (issuer is None or issuer.type in (RIJK, ZBO)):
            # the authority of a designation is the body its messages go to (a staatssecretaris
            # regulates the minister's traffic; "De Belastingdienst stelt e-mail open")
            clauses = [doc._.kw_title or ""] + [o.text for o in self._openings(doc)] + [
                c["evidence"]["text"] for c in doc._.kw_channels or [] if c["status"] == "designated"]
            doc._.kw_authority = authority_json(addressee(extensions.text(doc), issuer, clauses))
        if label == "not_designation" and doc._.kw_channels:
            doc._.kw_channels = []
            doc.spans["kw_channels"] = SpanGroup(doc, name="kw_channels", spans=[])
        return doc

    def classify(self, doc: Doc) -> tuple[str, float, list[str]]:
        if doc._.kw_relevant is False:  # None: no prefilter in this pipeline
            return "not_designation", 0.97, ["voorfilter: de tekst spreekt niet over elektronische kanalen, "
                                               "elektronisch berichtenverkeer of artikel 2:13-2:15 Awb"]
        text = extensions.text(doc)
        head = text[:10000]
        title = doc._.kw_title or ""
        head_low = head.lower()
        titles = [title] + [m.group(1) for m in (OBJECT_BEFORE.search(head), ENACT_OBJECT.search(head),
                                                 CITEERTITEL.search(head, head_low)) if m]
        title_text = " | ".join(t for t in titles if t)
        reasons: list[str] = []

        nat = self.national[0].search(text[:800])  # the document's own heading, not a citation
        if nat:
            return "not_designation", 0.9, [self.national[1] + f" ('{nat.group(0)}')"]
        dtype = self.doc_type[0].search(title_text + "\n" + text[:200])
        if dtype:
            return "not_designation", 0.85, [self.doc_type[1].format(match=dtype.group(0))]
        # a mandate passes on the power to designate (art. 2:13 lid 2 cited, channels named as
        # the scope of the mandate), it designates nothing itself
        mandate = self.mandate[0].search(title_text)
        if mandate:
            return "not_designation", 0.85, [self.mandate[1].format(match=mandate.group(0))]
        forms = sorted(set(_matched(self.form[0], head_low)))
        articles = [b for b in (doc._.kw_blocks or []) if b.kind == "article"]
        if len(articles) >= 2:  # operative provisions: articles, or numbered sections of a national text
            forms.append(f"{len(articles)} artikelen of onderdelen")
        if not forms:  # an enacting formula or article structure; a closing formula alone is quoted
            return "not_designation", 0.85, ["geen besluitvorm gevonden (geen 'gelet op', 'besluit', "
                                             "artikelen): webpagina, nieuws of toelichting"]
        forms += sorted(set(_matched(self.form_weak, head_low)))
        reasons.append(self.form[1].format(match=", ".join(f"'{f}'" for f in forms[:3])))

        basis = doc._.kw_legal_basis or []
        channels = [c for c in (doc._.kw_channels or []) if c["status"] == "designated"
                    and not elsewhere(c["evidence"]["text"])]
        meta = doc._.kw_document.meta if doc._.kw_document is not None else {}
        stated = [b for b in legal_basis(text, meta, fallback=False) if b in KEY_BASIS]
        subject = self.subject[0].search(title_text)
        # the body's own name is no subject ("Regeling elektronisch berichtenverkeer Belastingdienst")
        other = self.other[0].search(_without_names(title_text, doc._.kw_authority))
        wm = _matched(self.wmebv[0], text[:20000].lower())
        wmebv_words = [w for w in wm if not re.fullmatch(r"20\d\d", w)]
        if subject and other and not channels and not stated:
            # "elektronisch kanaal voor bekendmakingen": both subjects in the title, and the text
            # neither rests on the designation articles nor designates a channel
            return "not_designation", 0.7, reasons + [self.other[1].format(match=other.group(0))]
        if subject and not channels and not self.subject[0].search(WEAK_SUBJECT.sub(" ", title_text)) and not stated:
            # "Besluit aanwijzing coördinatoren Wmebv", "budget implementatie Wmebv": the title
            # names the law, not the channels, and the text neither rests on 2:13 nor designates
            return "not_designation", 0.7, reasons + [
                f"titel noemt alleen de wet ('{subject.group(0)}'); geen grondslag 2:13/2:15 en geen aangewezen kanaal"]
        incidental = False
        court = COURT.search(title_text)
        if subject and court:
            return "not_designation", 0.8, reasons + [
                f"titel gaat over verkeer met de rechter ('{court.group(0)}'), niet met een bestuursorgaan"]
        if subject:
            if not (channels or stated or wmebv_words or "Awb afdeling 2.3" in basis or self._openings(doc)):
                # "Wet elektronisch verkeer met de bestuursrechter", "Regeling elektronische
                # handtekening": about electronic traffic, but nothing is designated or opened
                return "not_designation", 0.75, reasons + [
                    f"titel gaat over elektronisch verkeer ('{subject.group(0)}'), maar de tekst wijst geen "
                    "kanaal aan en stelt geen elektronische weg open voor berichten aan het orgaan"]
            reasons.append(self.subject[1] + f" ('{subject.group(0)}')")
        else:
            # no telling title: the decision must rest on the designation articles themselves
            # (stated in "gelet op" / grondslag), or cite them and actually designate a channel
            key_basis = [b for b in basis if b in KEY_BASIS]
            if not other and (stated or (key_basis and channels)):
                reasons.append(f"grondslag {', '.join(stated or key_basis)}"
                               + (f" en {len(channels)} aangewezen kanaal/kanalen in de tekst" if channels else ""))
            elif (self.era(doc, basis, wmebv_words) == "old" and not self._other_object(title_text)
                  and self._openings(doc)):
                openings = self._openings(doc)
                # old regime: a body opened the electronic route by making it known, also in one
                # paragraph of a regulation about something else (subsidies, registration, reports)
                incidental = True
                reasons.append(f"{openings[0].location or 'de tekst'} stelt een elektronische weg open voor berichten "
                               f"aan het orgaan ('{_short(openings[0].text)}')")
            else:
                why = (self.other[1].format(match=other.group(0)) if other else
                       "titel en grondslag gaan niet over het aanwijzen of openstellen van elektronische kanalen")
                return "not_designation", 0.8, reasons + [why]
        if WITHDRAWAL_ONLY.search(title) and not channels:
            return "not_designation", 0.85, reasons + [
                "intrekkings- of wijzigingsbesluit dat zelf geen kanaal aanwijst"]
        if basis:
            reasons.append("grondslag: " + ", ".join(basis))
        if channels:
            kinds = sorted({c["kind"] for c in channels})
            reasons.append("aangewezen kanalen gevonden: " + ", ".join(kinds))

        if incidental:
            regime, why = "pre_wmebv_designation", self._old_reason(doc, basis)
        else:
            regime, why = self.regime(doc, basis, wm)
        if (regime is None or (regime == "wmebv_designation" and not wmebv_words)) and not (
                channels or basis or self._openings(doc)):
            # a title about electronic mail (archiving, handling) with nothing else: no basis,
            # no designated channel, no Wmebv vocabulary beyond a year
            return "not_designation", 0.6, reasons + [
                "geen grondslag, geen aangewezen kanaal en geen kenmerken van de Wmebv of van artikel 2:15 Awb"]
        if regime is None:
            regime = "wmebv_designation"
        reasons.append(why)
        confidence = 0.6 + 0.1 * min(len(forms), 3) / 3 + (0.15 if subject else 0.05) \
            + (0.1 if basis else 0) + (0.05 if channels or doc._.kw_openings else 0)
        return regime, round(min(confidence, 0.99), 2), reasons

    def _openings(self, doc: Doc) -> list:
        """Provisions opening the electronic route, found once and only when a rule needs them."""
        if doc._.kw_openings is None:
            doc._.kw_openings = self.openings.find(extensions.text(doc), doc._.kw_blocks or [], doc._.kw_title)
        return doc._.kw_openings

    def era(self, doc: Doc, basis: list[str], wmebv_words: list[str]) -> str | None:
        """Which law the text was written under, from its basis, its vocabulary and its own dates
        (the date only decides when nothing else does; it never makes a text a designation)."""
        if "Awb 2:13 lid 2" in basis or "Wmebv" in basis or wmebv_words:
            return "wmebv"
        if "Awb 2:15 (oud)" in basis:
            return "old"
        dates = [d for d in (doc._.kw_effective_date, doc._.kw_decision_date) if d]
        if dates:
            return "wmebv" if max(dates) >= WMEBV_IN_FORCE else "old"
        # an undated text (a circular): no year it mentions is as late as the Wmebv's adoption
        years = [int(y) for y in YEAR.findall(extensions.text(doc)[:50000])]
        if years and max(years) < WMEBV_ADOPTED:
            return "old"
        return None

    def _old_reason(self, doc: Doc, basis: list[str]) -> str:
        if "Awb 2:15 (oud)" in basis:
            return "grondslag artikel 2:15 Awb (oud regime)"
        dates = [d[:4] for d in (doc._.kw_effective_date, doc._.kw_decision_date) if d]
        when = max(dates) if dates else f"jaartallen tot {max(YEAR.findall(extensions.text(doc)[:50000]))}"
        return ("oud regime: de tekst stelt de elektronische weg open zonder de Wmebv of artikel 2:13 Awb, "
                f"en is van vóór de Wmebv ({when})")

    @staticmethod
    def _other_object(title_text: str) -> bool:
        """An aanwijzingsbesluit of something else (parking areas, officials, a blue zone), a mandate,
        or a rule on publication: a channel mentioned in it is an aside, not its designation."""
        return bool(OTHER_OBJECT.search(title_text))

    def regime(self, doc: Doc, basis: list[str], wm: list[str]) -> tuple[str, str]:
        low = extensions.text(doc)[:20000].lower()
        wm = list(wm)
        pre = _matched(self.pre[0], low)
        years = [int(d[:4]) for d in (doc._.kw_effective_date, doc._.kw_decision_date) if d]
        if "Awb 2:15 (oud)" in basis and "Awb 2:13 lid 2" not in basis:
            return "pre_wmebv_designation", "grondslag artikel 2:15 Awb (oud regime)"
        if "Awb 2:13 lid 2" in basis or "Wmebv" in basis:
            return "wmebv_designation", self.wmebv[1].format(match=", ".join(f"'{w}'" for w in wm[:3]) or "2:13 lid 2")
        if years and max(years) < 2024:
            wm = [w for w in wm if not re.fullmatch(r"20\d\d", w)]
            pre.append(f"datum {max(years)}")
        if wm and len(wm) >= len(pre):
            return "wmebv_designation", self.wmebv[1].format(match=", ".join(f"'{w}'" for w in wm[:3]))
        if pre:
            return "pre_wmebv_designation", self.pre[1].format(match=", ".join(f"'{p}'" for p in pre[:3]))
        return None, "geen kenmerken van het oude regime; aangenomen: Wmebv"


@Language.factory("kw_classifier", default_config={"classifier_file": "classifier.json", "cues_file": "cues.json",
                                                  "patterns_dir": ""})
def make_classifier(nlp: Language, name: str, classifier_file: str, cues_file: str, patterns_dir: str) -> Classifier:
    return Classifier(nlp, name, classifier_file, patterns_dir, cues_file)
