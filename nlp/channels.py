"""kw_channels: which electronic channels the text designates or excludes, with evidence.

Follows the structure of a designation decision rather than word lists alone:
- a channel counts only in an operative provision: definitions, headings, the title, the
  considerations ("overwegende dat ...") and the rechtsmiddelenclausule never designate;
- inside a clause, each channel mention takes the status of the nearest predicate: a designating
  verb ("wijst ... aan", "aangewezen", "kan ... worden ingediend via", "open te stellen") or a
  negation ("niet", "geen", "uitgesloten"); negations inside subordinate clauses ("die niet in
  bijlage 1 staan", "als ... niet") do not count; "met uitzondering van X" excludes X;
- list items take the status of their lead-in ("wijst de volgende kanalen aan:", "De volgende
  kanalen zijn niet aangewezen:");
- annex table rows inherit the designation of the article that refers to the annex (or of a
  "Kanaal" column), with the row's process as scope; each cell is read clause by clause;
- messages the body itself sends (Berichtenbox notices, confirmations by e-mail) are no channel.
Results: doc._.kw_channels (list of dicts), doc.spans["kw_channels"] (evidence spans,
label = "<kind>:<status>").
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from kanaalwijzer.answer.vocabulary import stem, tokens

from . import extensions, scopes
from .patterns import channel_cues, channel_patterns, rx
from .structure import lines_with_context

URL = re.compile(r"\b(?:https?://|www\.)[^\s|,;()<>\"]+[^\s|,;()<>\".:]", re.I)
NAMED_ROUTE = re.compile(
    r"\b(?:digitaal|elektronisch|online)\s+(?:\w+\s+){0,2}?(?:ingediend|verzonden|ingezonden|aangeleverd|aangevraagd|"
    r"indienen|verzenden|aanleveren)\s+via\s+(?:het\s+|de\s+)?(?P<name>(?-i:[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,3}))|"
    r"\b(?:in\s+te\s+loggen|inloggen)\s+op\s+(?P<name2>(?-i:[A-Z][\w-]*(?:-[\w]+){0,3}))", re.I)
CONTACT_PATH = re.compile(r"/(?:[\w-]+/)*contact(?:formulier|-?opnemen|en-openingstijden)?(?![\w-])", re.I)
# a bare host name in a definition ("mijn.goeree-overflakkee.nl"), for the value of the defined channel only
HOST = re.compile(r"(?<![@\w.-])(?:[a-z0-9-]+\.)+(?:nl|eu|frl|com|org|net|info)(?:/[^\s|,;()<>\"]*[^\s|,;()<>\".:])?\b", re.I)
EMAIL_ADDRESS = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
CLAUSE_END = re.compile(r"(?<!\b[a-zA-Z])(?<!\bnr)(?<!\bart)(?<!\bo\.a)(?<!\bbijv)[.;](?=\s|$)|:(?=\s)")
DEF_LINE = re.compile(r"^(?:[a-z0-9]{1,3}[.)]\s+)?[^:;]{2,80}?[:;]\s+\S")
CONSIDERATION = re.compile(r"^(?:dat|overwegende|gelet|gezien|gelezen|gehoord|mede\s+gelet)\b", re.I)
SCOPE_VOOR = re.compile(r"\b[Vv]oor\s+((?:alle\s+|formele\s+|andere\s+|overige\s+)?[^,]{3,200}?)(?=,|\s+(?:wordt|worden|kan|kunnen|is|zijn|geldt|gelden)\b)")
SCOPE_LEAD = re.compile(r"^\W*(?:\d{1,2}[.)]?\s+|[a-z][.)]\s+)?(?:In\s+afwijking\s+van\s+[^,]*,\s*)?(?:wordt\s+)?[Vv]oor\s+([^,]{3,200}),")
SCOPE_SUBJECT = re.compile(
    r"^\W*(?:\d{1,2}[.)]?\s+|[a-z][.)]\s+)?((?:een|de|het|alle)?\s*[\w-]*(?:aanvraag|aanvragen|bezwaar\w*|melding\w*|"
    r"klacht\w*|zienswijze\w*|bericht\w*|verzoek\w*|gegevens)\b[^,]{0,120}?)\s+(?:kan|kunnen|wordt|worden|mag|mogen)\b", re.I)
HEADER_WORDS = re.compile(r"\b(?:proces|onderwerp|product|dienst|bericht|soort|type|kanaal|link|url|toelichting|omschrijving|wijze)\w*", re.I)
SCOPE_HEADER = re.compile(r"\b(?:proces|onderwerp|product|dienst|bericht|soort|type|omschrijving)\w*", re.I)
CHANNEL_HEADER = re.compile(r"\b(?:kanaal|kanalen|aangewezen|wijze|link|url|indienen)\w*", re.I)
NEGATION_WORDS = ("niet", "geen", "géén", "uitgesloten", "nee", "behalve", "uitzondering", "uitgezonderd", "nooit",
                  "nimmer", "geweigerd", "buiten")
ROW_NEGATION = re.compile(r"\b(?:niet|g[eé][eé]n|nee|uitgesloten)\b", re.I)
LEADING_MARKER = re.compile(r"^(?:\d{1,2}[.)]?|[a-z][.)]|[IVX]{1,4}\.)\s+")
# a confirmation or answer the body sends is no way in for the citizen
NOTICE = re.compile(r"\b(?:ontvangstbevestiging|bevestiging|notificatie|melding\s+van\s+ontvangst|"
                    r"ontvangt\s+u|krijgt\s+u|sturen\s+wij|stuurt\s+(?:de|het)\s+\w+|antwoord)", re.I)
# a second name for the channel just mentioned: "webformulier op de website (Digitaal Loket)",
# "de formulieren van het digitaal loket"
APPOSITION = re.compile(r"[^()]{0,60}\(\s*|\s+(?:van|op)\s+(?:het|de)\s+(?:(?:pagina|webpagina|website|site)\s*)?[\u2018'\"\u201c]?\s*")
LINK_GAP = re.compile(r"\s+(?:op|via|:)?\s*")  # "het contactformulier op https://...": its address
# a loket that merely houses the form named in the same clause ("het webformulier in het
# subsidieloket", "via het digitale loket met het elektronische formulier") is where the form
# lives, not a channel of its own; two channels joined by "en"/"of" or a comma stay two
GENERIC_LOKET = re.compile(r"(?:digita(?:al|le)\s+|e-?)?\w*loket$", re.I)
COORDINATED = re.compile(r"[,;]|\b(?:en|of|alsmede|dan\s+wel)\b", re.I)
ONLY_THAN = re.compile(r"\b(?:g[eé][eé]n|niet)\s+(?:\w+\s+){0,3}?andere\b[^.;:]{0,100}?\bdan\b", re.I)
NEGATED_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:is|zijn|wordt|worden)\s+(?:niet|g[eé][eé]n|nooit)\b", re.I)
POWER = re.compile(r"\b(?:kan|kunnen|mag|mogen)\s+(?:\w+\s+){0,3}?(?:besluiten|beslissen)\b|\bbevoegd\b", re.I)
# a "nee" under an "Aangewezen" column: the row's channels are not designated ("geen" under
# "Inloggen" only means no login is needed)
YES_NO_HEADER = re.compile(r"\b(?:aangewezen|toegestaan|toegelaten)\b|\bja\s*/\s*nee\b", re.I)
NEGATIVE_CELL = re.compile(r"\s*(?:nee|neen|niet(?:\s+aangewezen)?|g[eé][eé]n|uitgesloten)\s*[.;]?\s*", re.I)
EXPLANATION = re.compile(r"\s*(?:algemene\s+|artikelsgewijze\s+|nota\s+van\s+)?toelichting\b[^.:;]*$", re.I)
ANNEX_HEADING = re.compile(r"\s*bijlage\b", re.I)
LIST_ITEM = re.compile(r"^(?:[•·▪◦\-–*]\s*|(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]\s+)")
# the document's own structure decides where a designation can stand:
# the preamble (considerations up to the enacting formula), signature blocks and whatever follows them
# until an annex or a new article, and a rechtsmiddelenclausule section never designate
PREAMBLE_START = re.compile(r"^\W*(?:overwegende|gelet\s+op|gezien|gelezen|op\s+de\s+voordracht|de\s+afdeling\s+advisering)\b", re.I)
ENACTING = re.compile(r"\bbesluit(?:en)?\s*:|\bb\s?e\s?s\s?l\s?u\s?i\s?t(?:\s?e\s?n)?\s*:|\bvast\s+te\s+stellen\b|"
                      r"\bstel(?:t|len)\s+vast\b|\bheeft\s+(?:het\s+volgende\s+)?besloten\b|\bhebben\s+goedgevonden\b|"
                      r"^\W*besluit(?:en)?\W*$", re.I)
SIGNATURE = re.compile(r"^\W*(?:aldus\s+(?:besloten|vastgesteld)|vastgesteld\s+in\s+de\s+(?:openbare\s+)?vergadering\b)|"
                       r"^[A-Z'’][\w'’ .-]{1,40},\s+(?:\d{1,2}|[0-9]{1,2}e)\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|"
                       r"september|oktober|november|december)\s+\d{4}\W*$", re.I)
RECHTSMIDDEL_HEADING = re.compile(r"^\W*(?:bezwaar(?:\s+en\s+beroep)?|beroep|rechtsbescherming|rechtsmiddel(?:en)?(?:clausule)?|"
                                  r"bezwaarclausule|bezwaarmogelijkheid|mogelijkheid\s+(?:van|tot)\s+bezwaar(?:\s+en\s+beroep)?|"
                                  r"wilt\s+u\s+bezwaar\s+maken\??|niet\s+eens\s+met\s+dit\s+besluit\??)\s*:?\s*$", re.I)
ARTICLE_HEADING = re.compile(r"^\W*(?:artikel|art\.|§|paragraaf|hoofdstuk)\s*\d", re.I)
# a mention that only points at a channel designated elsewhere: "naast het contactformulier", "behalve via
# het kanaal dat bijlage 1 noemt, ook via ...", "dat e-mailadres" (the one just named)
REFERENCE_BEFORE = re.compile(r"(?:\bnaast|\bbehalve\s+via|\bdan\s+wel\s+naast)\s+(?:het\s+|de\s+|een\s+)?(?:\w+\s+){0,2}$|"
                              r"\bbereikbaar\s*$", re.I)  # "Mijn X (bereikbaar via de website ...)": its address
# a channel named in a condition on when the provision applies ("... is mogelijk indien de regeling is
# opengesteld via de website", "Indien het formulier onjuist is ingevuld, ..."); a requirement ("mits ...
# via het e-mailadres") does designate
CONDITION_SEGMENT = re.compile(r"\b(?:indien|wanneer|zodra|ingeval)\b[^,;]*", re.I)
# fax and telephone are no electronic channels: never reported as designated
NOT_ELECTRONIC = re.compile(r"(?:tele)?fax\w*|telefo\w*", re.I)
# a form without a word for the electronic route is a document to fill in, not a channel, unless the text is
# about channels ("kanaal"): "door middel van het aanvraagformulier", "het formulier ... schriftelijk"
ELECTRONIC_FORM = re.compile(r"^(?:web|e-|digita|online|elektronisch|internet)", re.I)
ELECTRONIC_CONTEXT = re.compile(r"\belektronisch\w*|\bdigita\w*|\bonline\b|\binternet\w*|\bwebsite\b|\bloket\b|"
                                r"https?://|www\.", re.I)
QUOTED = re.compile("[\u2018\u201c'\"][^\u2019\u201d'\"\n]{2,80}[\u2019\u201d'\"]")
FORM_CONTENT_BEFORE = re.compile(r"\b(?:in|op)\s+(?:het|de|dit|dat)\s+(?:\w+\s+)?$", re.I)
PAPER = re.compile(r"\bschriftelijk\b|\bper\s+post\b|\bpapier\w*", re.I)
ANAPHORA_BEFORE = re.compile(r"\b(?:dat|dit|die|deze|datzelfde|hetzelfde)\s+$", re.I)
# negations of something else than the channel: "inloggen is niet vereist", "hoeft niet in te loggen"
REQUIREMENT_NEGATION = re.compile(r"\b(?:niet|geen)\s+(?:\w+\s+){0,2}?(?:in\s+te\s+loggen|inloggen|vereist|nodig|verplicht|"
                                  r"noodzakelijk|ondertekend|ondertekening|identificeren|bereikbaar)\b|"
                                  r"\b(?:inloggen|in\s+te\s+loggen|ondertekening|identificatie)\s+(?:is|hoeft|wordt)\s+(?:\w+\s+)?niet\b", re.I)
ALSO_AFTER = re.compile(r"\b(?:ook|tevens|eveneens)\b", re.I)
QUOTE_AFTER = re.compile("\\s*[\u2018'\"\u201c]")
# "het e-mailadres, bedoeld in artikel 5": a cross-reference to a channel of this decision inside an exception
CROSS_REFERENCE_AFTER = re.compile(r",?\s*(?:als\s+)?(?:bedoeld|genoemd|vermeld)\s+in\s+(?:het\s+\w+\s+lid|artikel\s+\d+[a-z]?"
                                   r"(?:,\s*\w+\s+lid)?(?:,\s*onder\s+\w)?(?!\S*\s+van\s+de\b))|"
                                   r"\s+(?:dat|die)\s+in\s+(?:bijlage|artikel)\s+\d+[^.;,]{0,60}?(?:vermeld|genoemd|opgenomen)", re.I)
# "De wijze waarop het elektronisch berichtenverkeer plaatsvindt, is opgenomen in de bijlage": the annex designates
ANNEX_WAY = re.compile(r"\b(?:wijze|kana(?:al|len)|voorziening\w*)\b[^.;]{0,160}?\b(?:opgenomen|vermeld|genoemd|aangegeven|"
                       r"staan|staat)\s+in\s+(?:de\s+|het\s+)?(?:[\w\s]{0,40}?\s)?bijlage", re.I)
# a row about a message the body itself sends ("beschikkingen inzake de toekenning ...", "aanslag"): no way in
OUTGOING_ROW = re.compile(r"^\W*(?:beschikking|aanslag|navorderingsaanslag|naheffingsaanslag|kennisgeving|uitnodiging|"
                          r"aanmaning|besluit|bekendmaking)\w*\b", re.I)
ANNEX_REF = re.compile(r"\bbijlage\s*([0-9IVX]+)?\b", re.I)


class ChannelFinder:
    def __init__(self, nlp: Language, name: str, channels_file: str, cues_file: str, patterns_dir: str):
        extensions.register()
        self.name = name
        # per document, reset by __call__
        self._definitions: dict[str, str] = {}
        self._defined_terms: dict[str, str] = {}
        self._rows_without_channel: list[tuple] = []
        self._outside: list[dict] = []
        self._channel_text = True
        patterns = channel_patterns(channels_file, patterns_dir)  # kinds checked against the vocabulary
        # one alternation, in file order: a single pass finds every mention; where two patterns
        # match at the same place the earlier kind in the file wins
        self.group_kind = {f"k{i}": p["kind"] for i, p in enumerate(patterns)}
        self.mention_rx = rx("|".join(f"(?P<k{i}>{p['pattern']})" for i, p in enumerate(patterns)))
        cues = channel_cues(cues_file, patterns_dir)
        self.designate = rx(cues["designate"])
        self.exclude_split = rx(cues["exclude_split"])
        self.negation = rx(cues["negation"])
        self.subordinate = rx(cues["subordinate"])
        # "berichten die niet via Mijn Loket kunnen worden verzonden", "waarvoor geen webformulier
        # is aangewezen": a channel named in a negated subordinate clause is the condition of the provision, neither designated nor excluded
        self.negated_condition = re.compile(
            rf"(?:{cues['subordinate']})[^,]{{0,80}}?\b(?:niet\s+(?:via|per|langs|met|door\s+middel\s+van)|g[eé][eé]n)\b[^,]*$",
            re.I)
        self.rechtsmiddel = rx(cues["rechtsmiddel"])
        self.definition_heading = rx(cues["definition_heading"])
        self.auth = {k: rx(v) for k, v in cues["auth"].items()}
        self.outgoing = rx(cues["outgoing"])
        self.amendment_insert = rx(cues["amendment_insert"])
        self.conditional_then = rx(cues["conditional_then"])
        # every channel pattern contains one of these words: a line without any is skipped
        # without running the (expensive) mention patterns
        self.mention_words = tuple(cues["mention_words"])

    # -- mentions --------------------------------------------------------------------------
    def mentions(self, text: str, offset: int = 0) -> list[tuple[str, int, int]]:
        """Channel mentions (kind, start, end) in text order, non-overlapping."""
        found: list[tuple[str, int, int]] = []
        # "www.epe.nl/mail-ons", "www.epe.nl/app": e-mail or app words inside a link are part of the
        # address of another channel (a link that only says "contactformulier" still names that form)
        urls = [u.span() for u in URL.finditer(text)] if ("www." in text or "http" in text) else []
        for m in self.mention_rx.finditer(text):
            if m.end() == m.start():
                continue
            if urls and self.group_kind[m.lastgroup] in ("email", "other") and any(
                    us <= m.start() < ue for us, ue in urls):
                continue
            gap = text[found[-1][2] - offset:m.start()] if found else ""
            if found and (APPOSITION.fullmatch(gap) or (LINK_GAP.fullmatch(gap) and URL.match(text, m.start()))):
                if found[-1][0] == "web_form" and self.group_kind[m.lastgroup] == "contact_form":
                    found[-1] = ("contact_form", found[-1][1], found[-1][2])  # "het formulier op de pagina 'Contact'"
                continue
            if found and found[-1][0] == "email" and self.group_kind[m.lastgroup] == "email" and LINK_GAP.fullmatch(gap) \
                    and EMAIL_ADDRESS.match(text, m.start()):
                continue  # "het e-mailadres zienswijzen@haarlem.nl": the address of the channel just named  # "webformulier op de website (Digitaal Loket)": another name, same channel
            found.append((self.group_kind[m.lastgroup], m.start() + offset, m.end() + offset))
        low = text.lower()
        if ("via " in low and ("digitaal" in low or "elektronisch" in low or "online" in low)) or "loggen op" in low:
            # a route by its own name: "digitaal ingediend via UWV Marktplaats", "in te loggen op Kadaster-on-line"
            for m in NAMED_ROUTE.finditer(text):
                ns, ne = m.span("name") if m.group("name") else m.span("name2")
                if not any(fs - offset < ne and ns < fe - offset for _, fs, fe in found):
                    found.append(("portal", ns + offset, ne + offset))
            found.sort(key=lambda f: f[1])
        if urls:
            # the fallback written as a bare link: "www.terneuzen.nl/contactformulier", "https://x.nl/contact"
            for us, ue in urls:
                if CONTACT_PATH.search(text, us, ue) and not any(fs - offset < ue and us < fe - offset for _, fs, fe in found):
                    found.append(("contact_form", us + offset, ue + offset))
            found.sort(key=lambda f: f[1])
        if len(found) > 1 and any(k == "portal" for k, _, _ in found):
            found = self._drop_form_lokets(text, found, offset)
        return found

    @staticmethod
    def _drop_form_lokets(text: str, found: list, offset: int) -> list:
        forms = [(s, e) for k, s, e in found if k in ("web_form", "contact_form")]
        if not forms:
            return found
        # "via het daarvoor bestemde formulier in het e-loket": a plain form inside a loket is part of
        # the loket, which is then the channel; a named or web form ("het formulier 'Bezwaar indienen' in
        # het e-loket", "het webformulier in het subsidieloket") is the channel itself
        plain = [(s, e) for k, s, e in found if k == "web_form" and text[s - offset:e - offset].lower() in ("formulier", "formulieren")
                 and not QUOTE_AFTER.match(text, e - offset)]
        lokets = [(s, e) for k, s, e in found if k == "portal"]
        if plain and lokets and len(forms) == len(plain):
            return [f for f in found if not (f[0] == "web_form" and (f[1], f[2]) in plain)]

        def houses_form(s: int, e: int) -> bool:
            if not GENERIC_LOKET.fullmatch(text[s - offset:e - offset]):
                return False  # MijnGemeente, PIP, portaal: a personal environment of its own
            for fs, fe in forms:
                gap = text[min(e, fe) - offset:max(s, fs) - offset]
                if len(gap) <= 80 and not COORDINATED.search(gap):
                    return True
            return False
        return [f for f in found if not (f[0] == "portal" and houses_form(f[1], f[2]))]

    # -- statuses --------------------------------------------------------------------------
    def predicates(self, clause: str) -> list[tuple[int, int, str]]:
        """Designating and negating predicates in a clause: (start, end, 'designated'|'excluded')."""
        if "\u2018" in clause or "\u201c" in clause or "'" in clause or '"' in clause:
            # the words of a quoted title ("het formulier 'Aanmelding elektronisch aanleveren'") are no predicate
            clause = QUOTED.sub(lambda m: m.group(0)[0] + " " * (len(m.group(0)) - 2) + m.group(0)[-1], clause)
        preds = []
        negs = []
        sub_negs = []  # negations in a relative or conditional clause
        requirement = [r.span() for r in REQUIREMENT_NEGATION.finditer(clause)] if (
            "nodig" in clause or "vereist" in clause or "logg" in clause or "verplicht" in clause or "ondertek" in clause
            or "identific" in clause or "bereikbaar" in clause or "noodzak" in clause) else []
        for m in self.negation.finditer(clause):
            if any(rs <= m.start() < re_ for rs, re_ in requirement):
                continue  # "inloggen is niet vereist": says nothing about the channel
            seg_start = max(clause.rfind(",", 0, m.start()), clause.rfind("(", 0, m.start()), -1) + 1
            before = clause[seg_start:m.start()]
            after = clause[m.end():m.end() + 12].lower()
            seg_end = clause.find(",", m.end())
            sub = list(self.subordinate.finditer(before))
            # "waarbij X worden aangewezen en e-mail niet": the clause designates and negates itself
            if sub and not self.designate.search(clause, seg_start + sub[-1].end(), m.start()):
                sub_negs.append(m.start())
                continue  # "die niet in bijlage 1 staan", "als ... niet"
            if after.startswith((" alleen", " anders", " meer dan")):
                continue  # "niet alleen"
            if seg_end >= 0 and self.conditional_then.match(clause[seg_end:]):
                continue  # "Is er geen specifiek formulier, dan ..." : a condition, not an exclusion
            negs.append((m.start(), m.end()))
        low = clause.lower()
        power = list(POWER.finditer(clause)) if ("beslis" in low or "besluit" in low or "bevoegd" in low) else []
        for m in self.designate.finditer(clause):
            # "geen aangewezen kanaal", "wordt niet aangewezen": negated designation
            if any(ns < m.end() and m.start() - ns < 40 for ns, ne in negs):
                continue
            # "kanalen die niet zijn aangewezen, zoals e-mail": the relative clause is negated too
            if any(ns < m.end() and m.start() - ns < 40 and "," not in clause[ns:m.start()] for ns in sub_negs):
                continue
            if negs and NEGATED_AFTER.match(clause, m.end()):
                continue  # "het gebruik van e-mail als kanaal is niet toegestaan"
            if power and any(p.end() <= m.start() and not re.search(r"[,;]", clause[p.end():m.start()]) for p in power):
                continue  # "het college kan besluiten ook e-mail aan te wijzen": a power, not its use
            preds.append((m.start(), m.end(), "designated"))
        preds += [(s, e, "excluded") for s, e in negs]
        return preds

    def status(self, clause: str, ms: int, me: int, preds) -> str | None:
        for m in self.exclude_split.finditer(clause):
            if m.end() <= ms:
                if clause[m.start():m.start() + 7].lower() == "behalve" and ALSO_AFTER.search(clause, m.end()):
                    continue  # "kunnen behalve via X ook via Y worden verzonden": besides, not except
                seg_start = clause.rfind(",", 0, m.start()) + 1
                if clause[m.start():m.start() + 4].lower() == "niet" and self.subordinate.search(clause[seg_start:m.start()]):
                    continue  # "berichten die niet via X kunnen worden verzonden": a condition
                # "met uitzondering van X": X excluded, unless a new designation follows the marker
                if not any(p[2] == "designated" and m.end() <= p[0] < ms for p in preds):
                    return "excluded"
        if "andere" in clause:
            only = ONLY_THAN.search(clause)
            if only and ms >= only.end():
                return "designated"  # "geen andere kanalen aangewezen dan het contactformulier"
        if not preds:
            return None
        seg = lambda p: (clause.count(",", 0, p))  # noqa: E731  comma segment index
        mseg = seg(ms)

        def distance(p):
            s, e, _ = p
            d = 0 if s <= ms < e or s < me <= e else min(abs(ms - e), abs(s - me))
            return (0 if seg(s) == mseg else 1, d)
        return min(preds, key=distance)[2]

    # -- main ------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        text = extensions.text(doc)
        channels: list[dict] = []
        if doc._.kw_relevant is False:  # None: no prefilter in this pipeline
            doc._.kw_channels = channels
            doc._.kw_outside = []
            doc.spans["kw_channels"] = SpanGroup(doc, name="kw_channels", spans=[])
            return doc
        lines = lines_with_context(text, doc._.kw_blocks or [])
        designating_annexes = self._annex_references(text, lines)
        self._definitions: dict[str, str] = {}  # term -> definition, as the decision defines them
        self._defined_terms: dict[str, str] = {}  # a term the decision defines as a channel ("meldpunt") -> kind
        self._channel_text = "kanaal" in text.lower() or "kanalen" in text.lower()  # a text about channels
        headers: dict[str, list[str]] = {}
        lead: str | None = None  # status announced by a lead-in ("wijst de volgende kanalen aan:")
        explanation = False  # under a "Toelichting" heading: explains, never designates
        preamble = False     # considerations up to the enacting formula
        closing = False      # after a signature line, until an annex or a new article
        rechtsmiddel = False  # the rechtsmiddelenclausule section
        article = None
        operative: list[int] = []     # lines that can designate (for the scope pass)
        self._rows_without_channel: list[tuple] = []
        for idx, line in enumerate(lines):
            s = text[line.start:line.end]
            st = s.strip()
            if line.article != article:
                article = line.article
                rechtsmiddel = False
                if line.kind == "heading" or ARTICLE_HEADING.match(st):
                    closing = False
            if len(st) <= 60 and ANNEX_HEADING.match(st) and (line.kind == "heading" or line.annex or len(st) <= 40):
                explanation = closing = rechtsmiddel = False  # an annex (after the notes) is operative again
            elif len(st) <= 40 and EXPLANATION.match(st):  # a heading, whatever the layout made of it
                explanation = True
            if explanation:
                continue
            if not line.article and not line.annex:
                if preamble:
                    if ENACTING.search(st):
                        preamble = False
                    continue
                if PREAMBLE_START.match(st) and not ENACTING.search(st):
                    preamble = True
                    continue
            else:
                preamble = False
            if st and (st[-1].isdigit() or st[-1] in ",:" or st[:5].lower() in ("aldus", "vastg")) \
                    and SIGNATURE.match(st) and not line.kind == "table_row":
                closing = True
                continue
            if closing:
                continue
            if len(st) <= 60 and RECHTSMIDDEL_HEADING.match(st):
                rechtsmiddel = True
                continue
            if rechtsmiddel:
                continue
            if not s or line.kind in ("heading", "title"):
                lead = None
                continue
            if line.kind == "table_row":
                channels += self._row(text, line, headers, designating_annexes, idx)
                continue
            if self._is_definition(s, line):
                self._define(s)
                lead = None
                continue
            if CONSIDERATION.match(s):
                lead = None
                continue
            if self._is_rechtsmiddel(s):
                lead = None
                rechtsmiddel = not line.annex  # what follows belongs to the clause
                continue
            operative.append(idx)
            is_item = line.kind == "list_item" or (line.kind != "lid" and bool(LIST_ITEM.match(s)))
            # a row of an annex table flattened to plain text ("Bezwaarschrift webformulier
            # www..."): like a table row it inherits the designation of the referring article
            row_lead = ("designated" if line.annex and len(s) <= 200
                        and self._annex_designated(line.annex, designating_annexes) else None)
            found = self._line(text, line, (lead if is_item else None) or row_lead)
            for ch in found:
                ch["_line"] = idx
            channels += found
            if not is_item:
                lead = self._lead_in(s)
        channels = [c for c in channels if "_line" in c]
        self._outside = scopes.attach(text, lines, channels, operative, self._rows_without_channel)
        channels = _dedupe(channels)
        doc._.kw_channels = channels
        doc._.kw_outside = self._outside
        spans = []
        for ch in channels:
            ev = ch["evidence"]
            sp = doc.char_span(ev["start"], ev["end"], label=f"{ch['kind']}:{ch['status']}", alignment_mode="expand")
            if sp is not None:
                spans.append(sp)
        doc.spans["kw_channels"] = SpanGroup(doc, name="kw_channels", spans=spans)
        return doc

    def _is_definition(self, s: str, line) -> bool:
        if line.kind == "definition":
            return True
        return bool(line.article_heading and self.definition_heading.search(line.article_heading)
                    and DEF_LINE.match(s))

    def _define(self, s: str) -> None:
        m = DEF_LINE.match(s)
        if m:
            body = LEADING_MARKER.sub("", s.strip())
            term, _, definition = body.partition(":") if ":" in body else body.partition(";")
            term, definition = term.strip().lower(), definition.strip()
            self._definitions[term] = definition
            # "meldpunt: het meldformulier op www...": the decision names a channel by a term of its own
            if 3 <= len(term) <= 40:
                found = self.mentions(definition[:80])
                own = self.mentions(term)
                # "schadeloket: het webformulier op ...": the definition's kind wins over the word's
                if found and found[0][1] <= 30 and (not own or (own[0][0] == "portal" and found[0][0] != "portal")):
                    self._defined_terms[term] = found[0][0]

    def _mentions(self, text: str, offset: int = 0) -> list[tuple[str, int, int]]:
        """The lexicon's mentions plus the terms this decision defines as channels."""
        found = self.mentions(text, offset)
        if not self._defined_terms:
            return found
        low = text.lower()
        for term, kind in self._defined_terms.items():
            for m in re.finditer(rf"(?<![\w-]){re.escape(term)}(?![\w-])", low):
                s, e = m.start() + offset, m.end() + offset
                if not any(fs < e and s < fe for _, fs, fe in found):
                    found.append((kind, s, e))
        return sorted(found, key=lambda f: f[1])
    def _defined_address(self, text: str, cs: int, ms: int, me: int, kind: str) -> str | None:
        """The address a definition gives the term the clause uses for the channel ("het algemene
        e-mailadres" defined as "het e-mailadres gemeente@..."; "contactformulier: het formulier op
        www.../contact"; "Mijn X: de persoonlijke internetomgeving op mijn.x.nl")."""
        if not self._definitions:
            return None
        mention = text[ms:me].lower()
        if not any(mention in term or term in text[max(cs, ms - 40):me + 40].lower() for term in self._definitions):
            return None
        before = [stem(t) for t in tokens(text[max(cs, me - 80):me])]
        after = [stem(t) for t in tokens(text[ms:ms + 80])]
        for term, definition in self._definitions.items():
            words = [stem(t) for t in tokens(term)]
            if words and (before[-len(words):] == words or after[:len(words)] == words):
                found = EMAIL_ADDRESS.search(definition) if kind == "email" else (URL.search(definition)
                                                                                  or HOST.search(definition))
                if found:
                    return found.group(0)
        return None

    def _kind(self, kind: str, mention: str) -> str:
        """The kind the decision's own definition gives a term; a Berichtenbox the decision defines as the
        one for service providers is the Dienstenwet loket."""
        defined = self._defined_terms.get(mention.lower())
        if defined:
            return defined
        if kind == "berichtenbox" and mention.lower() == "berichtenbox":
            definition = self._definitions.get("berichtenbox") or self._definitions.get("de berichtenbox") or ""
            if re.search(r"dienstverle|dienstverricht|dienstenwet|centraal\s+loket|ondernem", definition, re.I):
                return "dienstenwet_loket"
        return kind

    def _clauses(self, text: str, start: int, end: int):
        pos = start
        for m in CLAUSE_END.finditer(text, start, end):
            yield pos, m.end()
            pos = m.end()
        if pos < end:
            yield pos, end

    def _auth(self, context: str) -> list[str]:
        low = context.lower()
        if "digid" not in low and "herkenning" not in low and "eidas" not in low and "erkend" not in low:
            return []
        return sorted(k for k, pat in self.auth.items() if pat.search(context))

    def _is_rechtsmiddel(self, s: str) -> bool:
        low = s.lower()
        return ("bezwaar" in low or "beroep" in low) and self.rechtsmiddel.search(s) is not None

    def _lead_in(self, s: str) -> str | None:
        """A line ending in a colon announces the status of the list that follows."""
        if not s.rstrip().endswith(":"):
            return None
        body = s.rstrip()[:-1]
        # "Van de aanwijzing zijn uitgezonderd:", "met uitzondering van:" announce exclusions
        preds = self.predicates(body) + [(m.start(), m.end(), "excluded") for m in self.exclude_split.finditer(body)]
        if not preds:
            return None
        return min(preds, key=lambda p: len(body) - p[1])[2]  # the predicate nearest the colon

    def _line(self, text: str, line, lead: str | None = None) -> list[dict]:
        found = []
        low = text[line.start:line.end].lower()
        if not any(w in low for w in self.mention_words) and not any(t in low for t in self._defined_terms):
            return found  # most lines name no channel: no clause analysis
        # no regex pre-scan of the whole line: a clause match is always a line match, so the
        # per-clause mentions() below find the same and a line without one yields nothing
        colon_lead = None  # "Van de aanwijzing is uitgezonderd: ... per e-mail, sms of chat."
        # what became of an earlier mention of each kind on this line: "status", "condition" or "none";
        # "dit e-formulier wordt aangewezen" designates the form named before only if nothing else did
        antecedent: dict[str, str] = {}
        for cs, ce in self._clauses(text, line.start, line.end):
            clause = text[cs:ce]
            prev_lead, colon_lead = colon_lead, (self._lead_in(clause) if clause.endswith(":") else None)
            ms_all = self._mentions(clause)
            if not ms_all or self.outgoing.search(clause):
                continue  # no channel, or messages the body itself sends
            preds = self.predicates(clause)
            if not preds and prev_lead:
                preds = [(0, 0, prev_lead)]
            before = text[line.start:cs]
            if not preds and self.amendment_insert.search(before) and re.search(r"bijlage|kana", before, re.I):
                # an amendment inserting words into the channel provisions or the annex
                preds = [(0, 0, "designated")]
            if not preds and lead:
                preds = [(0, 0, lead)]  # a list item under "... worden aangewezen:"
            low = clause.lower()
            notice_words = any(w in low for w in ("bevestig", "notificatie", "ontvang", "krijgt", "stur", "antwoord"))
            for kind, ms, me in ms_all:
                if REFERENCE_BEFORE.search(clause[max(0, ms - 60):ms]):
                    continue  # "naast het contactformulier": the channel that applies anyway, not this one
                if kind != "other" and antecedent.get(kind, "none") != "none" \
                        and ANAPHORA_BEFORE.search(clause[max(0, ms - 12):ms]) \
                        and not EMAIL_ADDRESS.search(clause[ms:me]) and not URL.search(clause[ms:me]):
                    continue  # "dat e-mailadres": the one named before
                if CROSS_REFERENCE_AFTER.match(clause, me) and self.exclude_split.search(clause[max(0, ms - 60):ms]):
                    continue  # "met uitzondering van het e-mailadres, bedoeld in artikel 5"
                kind = self._kind(kind, clause[ms:me])
                if ("ndien" in low or "anneer" in low or "zodra" in low or "ngeval" in low) and any(
                        c.start() <= ms < c.end() for c in CONDITION_SEGMENT.finditer(clause)):
                    continue
                if kind == "web_form" and clause[ms:me].lower().endswith(("formulier", "formulieren")) \
                        and FORM_CONTENT_BEFORE.search(clause[max(0, ms - 25):ms]):
                    continue  # "in het formulier vermeldt de aanvrager ...": what the form asks, not a way in
                if kind == "web_form" and not self._channel_text and clause[ms:me].lower().endswith(("formulier", "formulieren")) \
                        and not ELECTRONIC_FORM.match(clause[ms:me]) \
                        and (not ELECTRONIC_CONTEXT.search(clause) or PAPER.search(clause)):
                    continue
                seg_s = clause.rfind(",", 0, ms) + 1
                seg_e = clause.find(",", me)
                if notice_words and NOTICE.search(clause, seg_s, seg_e if seg_e >= 0 else len(clause)):
                    continue  # "..., waarna u per e-mail een ontvangstbevestiging krijgt": not a way in
                if seg_e >= 0 and self.conditional_then.match(clause[seg_e:]):
                    antecedent[kind] = "condition"
                    continue  # "Is er geen specifiek formulier, dan ...": named in the condition only
                head = clause[seg_s:ms].lower()
                if ("niet" in head or "geen" in head or "géén" in head) and self.negated_condition.search(head):
                    antecedent[kind] = "condition"
                    continue  # "berichten die niet via Mijn Loket ...", "waarvoor geen webformulier is ..."
                status = self.status(clause, ms, me, preds)
                antecedent.setdefault(kind, "none")
                if status is None or (status == "designated" and NOT_ELECTRONIC.fullmatch(clause[ms:me])):
                    continue
                antecedent[kind] = "status"
                context = text[line.start:line.end]
                found.append(self._channel(text, kind, status, cs, ce, cs + ms, cs + me, line,
                                           scope=_scope(clause), context=context))
                if status == "designated":
                    # "... per e-mail worden aanvaard, met uitzondering van bezwaarschriften":
                    # the exception names messages, so the channel is excluded for those
                    for xm in self.exclude_split.finditer(clause, me):
                        rest = clause[xm.end():]
                        if rest.strip() and not self.mentions(rest):
                            if scopes.REST.search(clause[xm.start():]) or scopes.refs_in(rest.split(",")[0]):
                                break  # "behalve voor berichten waarvoor elders een kanaal is aangewezen": a fallback
                            excluded = self._channel(text, kind, "excluded", cs, ce, cs + ms, cs + me, line,
                                                     scope=rest.strip(" ,;."), context=context)
                            excluded["_except_scope"] = rest
                            found.append(excluded)
                            break
        return found

    def _annex_references(self, text: str, lines) -> set[str]:
        """Annexes that an operative clause refers to with a designating verb ("aangewezen in bijlage 1")."""
        refs = set()
        for line in lines:
            if line.kind in ("table_row", "heading", "title"):
                continue
            s = text[line.start:line.end]
            if "bijlage" not in s.lower() or CONSIDERATION.match(s):
                continue
            for cs, ce in self._clauses(text, line.start, line.end):
                clause = text[cs:ce]
                if any(p[2] == "designated" for p in self.predicates(clause)) or ANNEX_WAY.search(clause):
                    for m in ANNEX_REF.finditer(clause):
                        refs.add(f"Bijlage {m.group(1)}" if m.group(1) else "Bijlage")
        return refs

    @staticmethod
    def _annex_designated(annex: str, designating_annexes: set[str]) -> bool:
        return bool(annex) and (annex in designating_annexes or "Bijlage" in designating_annexes)

    def _row(self, text: str, line, headers: dict, designating_annexes: set[str], idx: int = 0) -> list[dict]:
        row = text[line.block_start:line.block_end]
        cells = row.split(" | ")
        table_key = line.annex or line.article or "tabel"
        if line.location.endswith(", kop"):
            headers[table_key] = cells
            return []
        if table_key not in headers:
            if HEADER_WORDS.search(row) and not URL.search(row) and not self.mentions(row):
                headers[table_key] = cells
                return []
            headers[table_key] = []
        header = headers[table_key]
        annex = line.annex
        referenced = self._annex_designated(annex, designating_annexes)
        header_says = any(CHANNEL_HEADER.search(h) for h in header)
        if not (referenced or (header_says and (annex or line.article))):
            return []
        scope_col = next((i for i, h in enumerate(header) if SCOPE_HEADER.search(h)), 0)
        scope = cells[scope_col].strip() if scope_col < len(cells) else cells[0].strip()
        if OUTGOING_ROW.match(scope):
            return []
        found = []
        # the process cell names the message ("Bezwaarschrift"); the channels are in the other
        # cells, read clause by clause so "contactformulier; e-mail is niet aangewezen" splits
        found = []
        cell_start = 0
        row_says_no = any(YES_NO_HEADER.search(h) and i < len(cells) and NEGATIVE_CELL.fullmatch(cells[i])
                          for i, h in enumerate(header))
        for i, cell in enumerate(cells):
            cs = line.block_start + cell_start
            cell_start += len(cell) + 3
            if i == scope_col and len(cells) > 1:
                continue
            for ks, ke in self._clauses(text, cs, cs + len(cell)):
                clause = text[ks:ke]
                low = clause.lower()
                if not any(w in low for w in self.mention_words):
                    continue
                # in a designating table a channel is designated unless its cell (or a yes/no
                # cell of the row) negates it
                negated = row_says_no or any(w in low for w in NEGATION_WORDS)
                preds = self.predicates(clause) if negated else []
                for kind, ms, me in self.mentions(clause, ks):
                    kind = self._kind(kind, text[ms:me])
                    status = self.status(clause, ms - ks, me - ks, preds) if preds else (
                        "excluded" if row_says_no or (negated and ROW_NEGATION.search(clause)) else "designated")
                    found.append(self._channel(text, kind, status, line.block_start, line.block_end, ms, me,
                                               line, scope=scope or None, context=row))
        if not found:
            url = URL.search(row)
            if url:
                kind = _kind_from_url(url.group(0))
                found.append(self._channel(text, kind, "designated", line.block_start, line.block_end,
                                           line.block_start + url.start(), line.block_start + url.end(), line,
                                           scope=scope or None, context=row))
            else:
                # "niet digitaal aangewezen", "persoonlijke verschijning": the row designates no channel
                cell = next((c for i, c in enumerate(cells) if i != scope_col and scopes.NO_CHANNEL_CELL.search(c)), None)
                if cell and scope:
                    self._rows_without_channel.append((line, scope, " ".join(
                        c.strip() for c in cells[scope_col + 1:] if c.strip(" –-"))))
        for ch in found:
            ch["_line"], ch["_process"], ch["_starred"] = idx, scope or "", bool(re.search(r"\*\s*$", scope or ""))
        return found

    def _channel(self, text, kind, status, cs, ce, ms, me, line, scope, context) -> dict:
        clause = text[cs:ce]
        # evidence: the clause, trimmed of surrounding whitespace and punctuation
        ls = len(clause) - len(clause.lstrip(" ;:,"))
        marker = LEADING_MARKER.match(clause[ls:])
        if marker and cs + ls + marker.end() < ms:  # "1 Het college ..." -> "Het college ..."
            ls += marker.end()
        rs = len(clause.rstrip(" ;:,"))
        es, ee = cs + ls, cs + rs
        value = text[ms:me]
        if kind == "email":
            addr = EMAIL_ADDRESS.search(clause)
            value = addr.group(0) if addr else (self._defined_address(text, cs, ms, me, kind) or value)
        else:
            url = _nearest_url(clause, ms - cs) or self._defined_address(text, cs, ms, me, kind)
            if url:
                value = f"{value} ({url})" if url not in value else value
        auth = self._auth(context)
        return {
            "kind": kind, "status": status, "value": value, "scope": scope, "auth": auth,
            "evidence": {"start": es, "end": ee, "text": text[es:ee], "location": line.location},
            "mention": {"start": ms, "end": me}, "_cs": cs, "_ce": ce,
        }


def _scope(clause: str) -> str | None:
    """The messages a provision covers: "Voor <berichten ...>, wordt ..." (up to the comma)."""
    m = SCOPE_LEAD.match(clause) or SCOPE_VOOR.search(clause) or SCOPE_SUBJECT.match(clause)
    return m.group(1).strip() if m else None


def _nearest_url(clause: str, pos: int) -> str | None:
    urls = list(URL.finditer(clause))
    if not urls:
        return None
    return min(urls, key=lambda u: abs(u.start() - pos)).group(0)


def _kind_from_url(url: str) -> str:
    u = url.lower()
    if "omgevingsloket" in u:
        return "omgevingsloket"
    if "/mijn" in u or "mijn." in u:
        return "portal"
    if "contact" in u:
        return "contact_form"
    return "web_form"


def _cell_index(row: str, pos: int) -> int:
    return row.count(" | ", 0, pos)


def _dedupe(channels: list[dict]) -> list[dict]:
    """One channel per provision: the same kind named twice in a clause with the same address ("het algemene
    contactformulier, te vinden op de pagina 'Contact | Gemeente X' (www.x.nl/contact)") is one channel."""
    seen, out = {}, []
    for ch in channels:
        key = (ch["kind"], ch["status"], ch["scope"], ch["evidence"]["start"], ch["value"])
        if key in seen:
            continue
        url = _nearest_url(ch["value"] or "", 0)
        twin = seen.get((ch["kind"], ch["status"], ch["scope"], ch["evidence"]["start"], "url", url)) if url else None
        if twin is not None:
            continue
        seen[key] = ch
        if url:
            seen[(ch["kind"], ch["status"], ch["scope"], ch["evidence"]["start"], "url", url)] = ch
        out.append(ch)
    return out


@Language.factory("kw_channels", default_config={
    "channels_file": "channels.jsonl", "cues_file": "cues.json", "patterns_dir": ""})
def make_channels(nlp: Language, name: str, channels_file: str, cues_file: str, patterns_dir: str):
    return ChannelFinder(nlp, name, channels_file, cues_file, patterns_dir)
