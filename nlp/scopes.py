"""Which messages each channel is for: the scope fields of the extract contract (scope-contract.md).

For every extracted channel, from the provision it stands in:
- `messages`: normalised message names ("bezwaarschrift", "aanvraag evenementenvergunning",
  "berichten op grond van de Omgevingswet"), taken from the annex row's process, from the noun phrase the
  designating sentence is about ("Voor <berichten ...> wordt ...", "<Een bezwaarschrift> wordt ingediend
  via ...", "... aangewezen voor <...>"), or from the list under a lead-in ("voor de volgende berichten:");
- `applies_to`: all | rest (the fallback: "waarvoor geen ander kanaal is aangewezen") | listed | on_request;
- `except_messages` / `except_refs`: what the provision carves out itself ("met uitzondering van
  bezwaarschriften") or what other provisions carve out of it ("Het eerste lid is niet van toepassing op
  ...", "... valt niet onder het eerste lid", "Dit artikel laat artikel 3 onverlet", "In afwijking van");
- `conditions`, `organisation`, `additional` ("naast het contactformulier", "ook via").
Per document: `outside`, what the decision says it does not decide ("Dit besluit is niet van toepassing
op berichten aan ...", an annex row "niet digitaal aangewezen").
Message words come from the shared vocabulary (kanaalwijzer.answer.vocabulary), so the resolver reads
the names the same way.
"""
from __future__ import annotations

import re

from kanaalwijzer.answer.vocabulary import features, vocabulary

ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6, "zevende": 7,
            "achtste": 8, "negende": 9, "tiende": 10}
ORD = "|".join(ORDINALS)
# "artikel 4, eerste lid", "artikel 7, eerste lid, onder a", "de artikelen 2 en 8", "artikelen 3 tot en met 6"
REF = re.compile(rf"\bartikel(?:en)?\s+(\d+[a-z]?(?:\s*(?:,|en|tot\s+en\s+met|t/m|-)\s*\d+[a-z]?)*)"
                 rf"(?:,?\s+(?:(?P<ord>{ORD})\s+lid|lid\s+(?P<num>\d+)))?(?:,?\s+onder\s+(?P<item>[a-z])\b)?", re.I)
ANNEX_ROW_REF = re.compile(r"\b(?:rij|regel)(?:en)?\s+(\d+(?:\s*(?:,|en)\s*\d+)*)", re.I)
LID_REF = re.compile(rf"\b(?:het|dit)\s+(?P<ord>{ORD})\s+lid\b", re.I)
REST = re.compile(
    r"\b(?:waarvoor|waarop)\b[^.;]{0,160}?\b(?:geen|niet\s+een)\s+(?:ander\s+|apart\s+|specifiek\s+|eigen\s+)?"
    r"(?:\w+\s+)?(?:kanaal|formulier|webformulier)\b"
    r"|\b(?:waarvoor|waarop)\b[^.;]{0,160}?\b(?:geen|niet)\s+[^.;]{0,40}?\baan(?:wijzen|wijst|gewezen)\b"
    r"|\b(?:die|dat|welke|waarvoor)\b[^.;]{0,80}?\bniet\s+(?:in\s+[^.;]{0,60}?)?(?:is|zijn|wordt|worden)?\s*"
    r"(?:genoemd|opgenomen|vermeld|aangewezen)\b"
    r"|\bniet\s+in\s+(?:bijlage|artikel|de\s+artikelen|dit\s+besluit)\b[^.;]{0,60}?(?:genoemd|opgenomen|vermeld|aangewezen)\b"
    r"|\b(?:alle\s+)?(?:overige|andere|resterende)\s+(?:formele\s+)?berichten\b|\brestkanaal\b"
    r"|\b(?:behalve|met\s+uitzondering\s+van)\s+(?:voor\s+)?(?:de\s+)?berichten\s+waarvoor\b[^.;]{0,120}?"
    r"\b(?:een\s+)?ander(?:e)?\s+(?:kanaal|kanalen|wijze)\b"
    r"|\bvoor\s+zover\b[^.;]{0,80}?\b(?:niet|geen)\b[^.;]{0,60}?\b(?:aangewezen|anders\s+(?:is\s+)?bepaald)\b"
    r"|\b(?:is|zijn)\s+(?:er\s+)?(?:voor\b[^.;,]{0,80}?\s)?geen\s+(?:\w+\s+){0,2}?(?:kanaal|formulier|webformulier|e-formulier)"
    r"(?:\s+(?:beschikbaar|aangewezen))?\s*,\s*(?:dan|zo)\b", re.I)
REST_WORDS = ("waarvoor", "waarop", "niet", "overige", "andere", "resterende", "restkanaal", "behalve", "uitzondering",
              "zover", "geen")
ADDITIONAL = re.compile(r"\bnaast\b|\b(?:ook|tevens|eveneens)\s+(?:worden\s+|kunnen\s+worden\s+|kan\s+worden\s+)?"
                        r"(?:verzonden|ingediend|gedaan|verstuurd|via|aangewezen|gebruikt|langs)\b"
                        r"|\bbehalve\s+via\b[^.;]{0,120}\book\b", re.I)
EXCEPT = re.compile(r"\b(?:met\s+uitzondering\s+van|behalve(?:\s+voor)?|uitgezonderd|niet\s+voor)\s+", re.I)
LEAD_LIST = re.compile(r"\b(?:de\s+)?volgende\s+(?:\w+\s+)?(?:berichten|aanvragen|meldingen|verzoeken|"
                       r"processen|producten|diensten|zaken|onderwerpen|stukken)\b", re.I)
DETERMINER = re.compile(r"^(?:(?:een|de|het|alle|elk|elke|ieder|iedere|zijn|haar|hun|die|dat|deze|dit)\s+)+", re.I)
RELATIVE = re.compile(r"\s*,?\s+\b(?:die|dat|welke|waarvoor|waarin|waarop|waarbij|wanneer|indien|zolang)\b\s", re.I)
# a cross-reference to this decision or the Awb says nothing about the message ("als bedoeld in artikel 6",
# "bedoeld in hoofdstuk 9 van de Awb"); "bedoeld in de Dienstenwet" names its domain and stays
LEGAL_TAIL = re.compile(r",?\s+(?:als\s+)?(?:bedoeld|genoemd|vermeld)\s+in\s+(?:artikel|hoofdstuk|afdeling|titel|het\s+\w+\s+lid|"
                        r"bijlage|de\s+artikelen|dit\s+besluit|deze\s+regeling)[^,;]*", re.I)
# "(het elektronisch) verzenden van formele berichten" is about the berichten; "een per e-mail ingediend
# bezwaarschrift" is a bezwaarschrift
VERBAL_NOUN = re.compile(r"^(?:(?:elektronisch|digitaal|langs\s+elektronische\s+weg)\s+)?(?:verzenden|versturen|indienen|"
                         r"toezenden|insturen|aanleveren|doen|sturen|zenden)\s+van\s+", re.I)
PARTICIPLE = re.compile(r"^(?:(?:per|via)\s+kanaal\s+)?(?:ingediende?|verzonden|verstuurde?|ontvangen|gezonden)\s+", re.I)
GENERIC_HEAD = re.compile(r"^(?:berichten|meldingen)\s+", re.I)
CONCESSIVE = re.compile(r",?\s*\book\s+(?:als|wanneer|indien|voor\s+zover)\b[^,]*,?", re.I)
RESTRICTIVE = re.compile(r"\b(?:alleen|uitsluitend|slechts)\s+(?:aangewezen|opengesteld|bestemd)\s+voor\s+(?P<np>[^.;]+)", re.I)
EXCEPT_SPAN = re.compile(r"\b(?:met\s+uitzondering\s+van|behalve(?:\s+voor)?(?!\s+via\b)|uitgezonderd|niet\s+voor)\s+", re.I)
EXCEPT_END = re.compile(r",\s+(?=(?:die|dat|welke|is|zijn|wordt|worden|kan|kunnen|geldt|gelden|en|met\s+uitzondering|"
                        r"behalve)\b)|\s+en\s+(?=met\s+uitzondering\b)|[.;:]\s*$|$", re.I)
SINGULAR = {"bezwaarschriften": "bezwaarschrift", "bezwaren": "bezwaar", "aanvragen": "aanvraag",
            "meldingen": "melding", "verzoeken": "verzoek", "klachten": "klacht", "zienswijzen": "zienswijze",
            "aangiften": "aangifte", "aansprakelijkstellingen": "aansprakelijkstelling", "woo-verzoeken": "Woo-verzoek",
            "ingebrekestellingen": "ingebrekestelling", "verzoekschriften": "verzoekschrift", "vragen": "vraag"}
# "berichten aan het college of de burgemeester", "berichten aan de bestuursorganen van de gemeente Heerde":
# every message to the body (the raad is left out: decisions often give it channels of its own)
ORGAN = (r"(?:(?:het|de)\s+)?(?:college(?:\s+van\s+burgemeester\s+en\s+wethouders)?|burgemeester(?:\s+en\s+wethouders)?|"
         r"bestuursorgaan|bestuursorganen|dagelijks\s+bestuur|gemeente|provincie|waterschap|gedeputeerde\s+staten|bestuur|"
         r"commissaris\s+van\s+de\s+koning|dijkgraaf|voorzitter)")
ALL_WORDS = re.compile(rf"^(?:alle\s+)?(?:formele\s+|elektronische\s+|digitale\s+)*berichten"
                       rf"(?:\s+(?:aan|voor|naar)\s+{ORGAN}(?:\s*(?:,|of|en)\s+{ORGAN})*(?:\s+van\s+(?:de|het)\s+[\w\s'’-]+)?)?$",
                       re.I)
OUTSIDE = re.compile(r"\b(?:dit|het)\s+(?:aanwijzings)?besluit\s+(?:is|geldt)\s+niet\s+(?:van\s+toepassing\s+)?"
                     r"(?:op|voor)\s+(?P<np>[^.;]+)|\bbuiten\s+(?:de\s+(?:reikwijdte|werking)\s+van\s+)?dit\s+besluit\s+"
                     r"vallen\s+(?P<np2>[^.;]+)", re.I)
NO_CHANNEL_CELL = re.compile(r"\bniet\s+(?:digitaal|elektronisch)\b|\bgeen\s+(?:elektronisch\s+|digitaal\s+)?kanaal\b|"
                             r"\bpersoonlijke\s+verschijning\b|\balleen\s+(?:aan\s+de\s+balie|persoonlijk)\b", re.I)
NOT_APPLICABLE = re.compile(
    rf"^(?:(?:het|de)\s+(?P<ord>{ORD})\s+lid|(?P<this>dit\s+artikel|deze\s+paragraaf)|artikel\s+(?P<art>\d+[a-z]?)"
    rf"(?:,?\s+(?P<ord2>{ORD})\s+lid)?)\s+(?:is|geldt)\s+niet\s+(?:van\s+toepassing\s+)?(?:op|voor)\s+(?P<np>[^.;]+)", re.I)
NOT_UNDER = re.compile(rf"^(?P<np>.+?)\s+(?:valt|vallen)\s+niet\s+onder\s+(?:(?:het|de)\s+(?P<ord>{ORD})\s+lid|"
                       rf"artikel\s+(?P<art>\d+[a-z]?)(?:,?\s+(?P<ord2>{ORD})\s+lid)?)", re.I)
LEAVES = re.compile(r"^(?:dit\s+artikel|(?:het|de)\s+(?P<ord>" + ORD + r")\s+lid|artikel\s+(?P<art>\d+[a-z]?))\s+laat\s+"
                    r"(?P<refs>[^.;]+?)\s+onverlet", re.I)
PRECEDES = re.compile(r"^(?:dit\s+artikel|artikel\s+(?P<art>\d+[a-z]?))\s+gaat\s+voor\s+op\s+(?P<refs>[^.;]+)", re.I)
DEVIATES = re.compile(r"\bin\s+afwijking\s+van\s+(?P<refs>[^,;]+)", re.I)
ORG_CHANNEL = re.compile(r"\bkana(?:al|len)\s+(?:dat|die)\s+(?:het\s+|de\s+)?(?P<org>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*)*)"
                         r"|\bdoor\s+(?:het\s+|de\s+)?(?P<org2>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*)*)\s+aangewezen\s+kana",
                         )
DIENSTENWET = re.compile(r"dienstenwet|dienstverricht|dienstverlen|dienstenrichtlijn", re.I)
CONDITION_LABELS = {
    "dienstverrichter": "alleen voor dienstverrichters (Dienstenwet)",
    "identificatie": "alleen voor berichten waarvoor identificatie nodig is",
    "login": "alleen na inloggen",
}
AUTH_NAMES = {"digid": "DigiD", "eherkenning": "eHerkenning", "eidas": "eIDAS"}

# small patterns of the name and phrase rules, compiled once
LIST_START = re.compile(r"^(?:\d{1,2}[.)]|[a-z][.)])\s+")
VIA_MASKED_ALL = re.compile(r"^((?:alle\s+)?berichten)\s+(?:via|per|langs|met)\s+(?:het\s+|de\s+)?kanaal\b.*$", re.I)
VIA_MASKED = re.compile(r"\s+(?:per|via|aan|langs|met)\s+(?:het\s+|de\s+)?kanaal\b")
BIJ_OF_KRACHTENS = re.compile(r"\bbij\s+of\s+krachtens\b", re.I)
ADJECTIVE_START = re.compile(r"^(?:elektronische|digitale|formele)\s+", re.I)
GENERIC_START = re.compile(r"^(?:berichten|procedures?)\b", re.I)
DANGLING = re.compile(r"\s+(?:dat|die|welke|waarvoor|waarin)$")
EXAMPLES = re.compile(r",?\s*\b(?:waaronder|zoals|bijvoorbeeld|inclusief)\b")
EXAMPLES_END = re.compile(r",\s+(?:die|dat|welke)\b")
CONJUNCTION = re.compile(r"(\s*,\s*|\s+(?:en|of|alsmede|dan\s+wel)\s+)")
BERICHTEN_START = re.compile(r"^(?:een\s+|de\s+|het\s+)?\w*berichten\b", re.I)
BERICHTEN = re.compile(r"\bberichten\b", re.I)
MARKER_START = re.compile(r"^\W*(?:\d{1,2}[.)]?\s+|[a-z][.)]\s+)?")
DEVIATION_START = re.compile(r"^in\s+afwijking\s+van\s+[^,]*,\s*", re.I)
STAR_END = re.compile(r"\s*\*+\s*$")
ROW_EXCEPTION = re.compile(r"\s*\((?:behalve|met\s+uitzondering\s+van|niet\s+voor)\b[^)]*\)", re.I)
ROW_EXCEPTION_TEXT = re.compile(r"\((?:behalve|met\s+uitzondering\s+van)\s+([^)]*)\)", re.I)
IDENTIFICATION = re.compile(r"\bidentific\w*|\bidentiteit\b", re.I)
LOGIN = re.compile(r"\b(?:na\s+)?inlog\w*|\blogt\b[^.]{0,40}\bin\b|\bin\s+te\s+loggen\b", re.I)
NO_LOGIN = re.compile(r"\b(?:inloggen|in\s+te\s+loggen)\s+(?:is\s+)?(?:niet|hoeft)\b|niet\s+nodig", re.I)


# -- names -------------------------------------------------------------------------------------------
def clean_name(np: str) -> str:
    """A readable message name from a noun phrase: no determiners, no cross-references, the head type in
    the singular, a relative clause reduced to the domain it names ("... die op grond van de Omgevingswet
    kunnen worden ingediend" -> "berichten op grond van de Omgevingswet")."""
    s = " ".join(np.split()).strip(" ,;:.")
    s = LIST_START.sub("", s)  # list markers
    s = CONCESSIVE.sub("", s)
    s = VIA_MASKED_ALL.sub(r"\1", s)
    s = VIA_MASKED.sub("", s)  # a masked channel
    s = DETERMINER.sub("", s)
    s = VERBAL_NOUN.sub("", s)
    s = DETERMINER.sub("", s)
    s = PARTICIPLE.sub("", s)
    s = LEGAL_TAIL.sub("", s)
    s = BIJ_OF_KRACHTENS.sub("krachtens", s)
    s = ADJECTIVE_START.sub("", s)
    rel = RELATIVE.search(s)
    if rel:
        head, tail = s[:rel.start()].strip(" ,"), s[rel.end():]
        tail_f = features(tail)
        domain = next(iter(sorted(tail_f.domains)), None)
        addressee = next(iter(sorted(tail_f.addressees - {"burgemeester"})), None)
        head_f = features(head)
        if domain or addressee:
            label = vocabulary().domain_label(domain) if domain else f"berichten aan {vocabulary().domain_label(addressee)}"
            generic = not (head_f.types - {"bericht"}) or head_f.implicit or GENERIC_START.match(head)
            qualifier = GENERIC_HEAD.sub("", label)
            s = label if generic else f"{head} {qualifier}"
        elif head:
            s = head
    s = DANGLING.sub("", DETERMINER.sub("", s.strip(" ,;:.")))
    words = s.split(" ")
    if words and words[0].lower() in SINGULAR:
        words[0] = SINGULAR[words[0].lower()]
    s = " ".join(words)
    if s and s[0].isupper() and not (len(s) > 1 and (s[1].isupper() or s.split(" ")[0] in ("Woo-verzoek", "Woo"))):
        s = s[0].lower() + s[1:]
    return s.strip(" ,;:.")


def split_messages(np: str) -> list[str]:
    """"aanvraag, melding of bezwaarschrift" -> three names; "aanvragen en meldingen die ..." keeps the
    shared qualifier on each; a conjunct without a kind of its own inherits the previous kind
    ("een aanvraag om een parkeervergunning of een parkeerontheffing")."""
    np = " ".join(np.split()).strip(" ,;:.")
    np = VERBAL_NOUN.sub("", DETERMINER.sub("", np))
    # examples ("waaronder ...", "zoals ...") stay with their head
    m = EXAMPLES.search(np)
    main, examples = (np[:m.start()], np[m.end():]) if m else (np, "")
    examples = EXAMPLES_END.split(examples)[0]
    main = BIJ_OF_KRACHTENS.sub("krachtens", main)
    rel = RELATIVE.search(main)
    head, tail = (main[:rel.start()], main[rel.start():]) if rel else (main, "")
    pieces = CONJUNCTION.split(head)
    parts, seps = pieces[0::2], [""] + pieces[1::2]
    voc = vocabulary()
    typed = [(bool(voc.features(p).types - {"bericht"}) and not voc.features(p).implicit)
             or bool(BERICHTEN_START.match(p)) for p in parts]
    if len(parts) < 2 or not typed[0]:
        name = clean_name(main)
        return [f"{name} (waaronder {examples.strip(' ,;:.')})" if examples.strip() else name]
    # split only where a new kind of message starts; "over een procedure of formaliteit" is one object
    groups: list[str] = []
    for p, sep, t in zip(parts, seps, typed):
        if not p.strip():
            continue
        if t or not groups:
            groups.append(p)
        else:
            groups[-1] += sep + p
    # "aanvragen en meldingen op grond van de Omgevingswet": bare kinds share the last one's qualifier
    if len(groups) > 1 and all(_bare(g) for g in groups[:-1]) and not _bare(groups[-1]):
        qualifier = DETERMINER.sub("", groups[-1]).split(" ", 1)[1]
        groups = [f"{g} {qualifier}" for g in groups[:-1]] + [groups[-1]]
    out = [g + tail for g in groups]
    names = [clean_name(o) for o in out]
    if examples.strip():
        names[-1] = f"{names[-1]} (waaronder {examples.strip(' ,;:.')})"
    return [n for n in dict.fromkeys(names) if n]


def _bare(part: str) -> bool:
    """Only a kind of message ("aanvragen", "een melding"), nothing it is about."""
    words = DETERMINER.sub("", part.strip()).split()
    return len(words) == 1 and bool(features(words[0]).types - {"bericht"})


def is_all(name: str) -> bool:
    """A name that sets no limit: "berichten", "alle formele berichten aan het college", "overige vormen van
    elektronisch verkeer" (no kind, subject, domain or addressee)."""
    return not name or bool(ALL_WORDS.match(name)) or features(name).empty


# -- references --------------------------------------------------------------------------------------
def _article_numbers(spec: str) -> list[str]:
    nums = re.findall(r"\d+[a-z]?", spec)
    if re.search(r"tot\s+en\s+met|t/m|-", spec) and len(nums) == 2 and nums[0].isdigit() and nums[1].isdigit():
        return [str(n) for n in range(int(nums[0]), int(nums[1]) + 1)]
    return nums


def refs_in(text: str, here: str = "") -> list[str]:
    """Locations a phrase refers to: "artikel 7, eerste lid, onder a" -> "Artikel 7 lid 1 onder a";
    "het eerste lid" -> this article's lid 1; "rij 7" -> this annex's row 7."""
    out = []
    for m in REF.finditer(text):
        lid = ORDINALS.get((m.group("ord") or "").lower()) or (int(m.group("num")) if m.group("num") else None)
        for n in _article_numbers(m.group(1)):
            loc = f"Artikel {n}" + (f" lid {lid}" if lid else "") + (f" onder {m.group('item')}" if m.group("item") else "")
            out.append(loc)
    article = re.match(r"(Artikel \S+)", here)
    for m in LID_REF.finditer(text):
        if article and not REF.search(text[max(0, m.start() - 30):m.end()]):
            out.append(f"{article.group(1)} lid {ORDINALS[m.group('ord').lower()]}")
    for m in re.finditer(r"\bbijlage\s+(\d+|[IVX]+)\b(?!\s*,?\s*(?:rij|regel))", text, re.I):
        out.append(f"Bijlage {m.group(1)}")
    annex = re.match(r"(Bijlage[^,]*)", here)
    for m in ANNEX_ROW_REF.finditer(text):
        if annex:
            out += [f"{annex.group(1)}, rij {n}" for n in re.findall(r"\d+", m.group(1))]
    return list(dict.fromkeys(out))


def _target(here: str, ordinal: str | None, art: str | None, ord2: str | None, this: bool) -> str | None:
    article = re.match(r"(Artikel \S+)", here)
    if art:
        return f"Artikel {art}" + (f" lid {ORDINALS[ord2.lower()]}" if ord2 else "")
    if ordinal and article:
        return f"{article.group(1)} lid {ORDINALS[ordinal.lower()]}"
    if this and article:
        return article.group(1)
    return None


# -- one channel -------------------------------------------------------------------------------------
VERB_END = (r"(?:is|zijn|wordt|worden|geldt|gelden|kan|kunnen|wijst|wijzen|stelt|stellen|mag|mogen|moet|moeten|"
            r"dient|dienen)\b(?!\s+(?:bedoeld|genoemd|vermeld)\b)")
LEAD_VOOR = re.compile(r"^\W*(?:\d{1,2}[.)]?\s+|[a-z][.)]\s+)?(?:in\s+afwijking\s+van\s+[^,]*,\s*)?(?:wordt\s+|worden\s+|is\s+)?"
                       r"voor\s+(?!zover\b|het\s+gebruik\b|de\s+toepassing\b)(?P<np>.+?)(?:,\s*|\s+)" + VERB_END, re.I)
ALS_KANAAL_VOOR = re.compile(r"\bals\s+kana(?:al|len)\s+voor\s+(?P<np>.+?)\s+" + VERB_END, re.I)
SUBJECT = re.compile(r"^(?P<np>.{3,400}?)\s*,?\s+(?:wordt|worden|kan|kunnen|mag|mogen|moet|moeten|dient|dienen|is|zijn|"
                     r"geldt|gelden|valt|vallen)\b", re.I)
FOR_AFTER = re.compile(r"\b(?:aangewezen|opengesteld|open\s+te\s+stellen|open|bestemd|aan)\s+voor\s+(?P<np>[^.;:]+?)"
                       r"(?:,\s*(?:mits|indien|als|wanneer|behalve|met\s+uitzondering)\b|[.;:]?\s*$)"
                       r"|\b(?:is|zijn|wordt|worden)\s+voor\s+(?P<np2>.+?)\s+(?:niet\s+|uitsluitend\s+|alleen\s+|ook\s+)?"
                       r"(?:aangewezen|opengesteld)\b", re.I)
# "Berichten die per e-mail worden verzonden, worden niet ...": the subject runs to the comma
SUBJECT_WITH_RELATIVE = re.compile(r"^(?P<np>.{3,400}?),\s+(?:wordt|worden|kan|kunnen|mag|mogen|moet|moeten|is|zijn|"
                                   r"geldt|gelden|valt|vallen)\b", re.I)
CLAUSAL = re.compile(r"\bte\s+\w+en\b|,\s*(?:voorzover|voor\s+zover|indien|mits|als|wanneer)\b", re.I)
# "Een dienstverrichter kan berichten in het kader van ... tevens zenden via ...": the object is the message
OBJECT_NP = re.compile(r"\b(?:kan|kunnen|mag|mogen)\s+(?P<np>[^,;]{3,200}?)\s+(?:(?:ook|tevens|eveneens|uitsluitend|alleen)\s+)?"
                       r"(?:(?:elektronisch|digitaal)\s+)?(?:indienen|zenden|verzenden|sturen|versturen|insturen|doen|"
                       r"aanvragen|toezenden)\b", re.I)
NOT_SUBJECTS = re.compile(r"^(?:het|de)\s+(?:college|burgemeester|bestuursorgaan|bestuur|dagelijks|gemeente|waterschap|provincie|"
                          r"elektronische\s+weg|verzender|indiener|aanvrager|gebruik)\b|^(?:dit|deze|hij|zij|het\s+eerste|er)\b|"
                          r"^(?:het\s+|de\s+|een\s+)?kanaal\b", re.I)


def _noun_phrase(body: str) -> str | None:
    """The messages the clause is about, by the frames decisions use (in this order): "Voor X, wordt/is
    ...", "Als kanaal voor X wijst ...", "X wordt/kan worden ingediend via ...", "... aangewezen voor X",
    "... is voor X (niet) aangewezen"."""
    m = LEAD_VOOR.match(body) or ALS_KANAAL_VOOR.search(body)
    if m:
        return m.group("np")
    stripped = MARKER_START.sub("", body)
    stripped = DEVIATION_START.sub("", stripped)
    m = SUBJECT_WITH_RELATIVE.match(stripped) if RELATIVE.search(stripped.split(",")[0]) else None
    m = m or SUBJECT.match(stripped)
    if m and not NOT_SUBJECTS.match(m.group("np")) and not CLAUSAL.search(m.group("np")):
        np = m.group("np")
        f = features(np)
        if (f.types - {"bericht"} and not f.implicit) or BERICHTEN.search(np):
            return np
    m = FOR_AFTER.search(body)
    if m:
        return m.group("np") or m.group("np2")
    m = OBJECT_NP.search(body)
    if m:
        np = m.group("np")
        f = features(np)
        if (f.types - {"bericht"} and not f.implicit) or BERICHTEN.search(np):
            return np
    return None


CHANNEL_WORD = re.compile(r"^(?:een\s+|het\s+|de\s+|dat\s+|die\s+)?(?:\w+\s+)?(?:kanaal|kanalen|e-?mail\w*|\w*formulier\w*|"
                          r"adres|adressen|\w*loket|portaal)\b", re.I)
TO_COUNCIL = re.compile(r"\b(?:weg|berichten|kanaal)\s+(?:naar|aan)\s+(?:de\s+)?(?:gemeente)?raad\b|\bvan\s+de\s+griffie\b", re.I)


def exception_spans(clause: str) -> list[tuple[int, int, int]]:
    """(marker start, text start, text end) of each exception ("met uitzondering van X", "behalve voor X")."""
    out = []
    for m in EXCEPT_SPAN.finditer(clause):
        end = EXCEPT_END.search(clause, m.end())
        out.append((m.start(), m.end(), end.start() if end else len(clause)))
    return out


def scope_of_clause(clause: str, mention: tuple[int, int], mentions: list[tuple[int, int]], kind: str) -> dict:
    """The scope fields of a channel mentioned at `mention` in an article clause (other channel mentions of
    the clause at `mentions`); the clause has its mentions masked as "kanaal"."""
    out = {"messages": [], "applies_to": "all", "except_messages": [], "except_refs": [], "additional": False}
    if kind == "as_invited":
        out["applies_to"] = "on_request"
        return out
    spans = exception_spans(clause) if ("uitzonder" in clause or "behalve" in clause or "niet voor" in clause) else []
    ms = mention[0]
    # a channel named inside a trailing exception is the exception's own: "..., met uitzondering van
    # zienswijzen op grond van de Omgevingswet, die uitsluitend via het e-formulier worden ingediend"
    for x0, x1, x2 in spans:
        if x0 >= 3 and x0 < ms and not any(x0 < a < ms for a, _ in mentions if (a, _) != mention):
            if not refs_in(clause[x1:x2]) and not REST.search(clause[x0:]):
                names = [n for n in split_messages(clause[x1:x2]) if not is_all(n)]
                if names:
                    out.update(applies_to="listed", messages=names)
                    return out
    body, exceptions = clause, []
    for x0, x1, x2 in reversed(spans):
        before = [e for a, e in mentions if e <= x0]
        nearest = max(before) if before else None
        own = x0 < 3 or nearest is None or not re.fullmatch(r"[\s,]*", clause[nearest:x0]) or \
            nearest == mention[1]
        if own:
            exceptions.append(clause[x1:x2])
        body = body[:x0] + body[x2:]
    low = clause.lower()
    np = _noun_phrase(CONCESSIVE.sub(", ", body) if "ook" in low else body)
    restrict = RESTRICTIVE.search(body) if ("alleen" in low or "uitsluitend" in low or "slechts" in low) else None
    if any(w in low for w in REST_WORDS) and REST.search(clause):
        out["applies_to"] = "rest"
        np = None
    if restrict:
        out["_restrict"] = restrict.group("np")
    if np:
        names = split_messages(np)
        if not all(is_all(n) for n in names):
            out["applies_to"] = "listed"
            out["messages"] = [n for n in names if not is_all(n)]
    if out["applies_to"] == "all" and ("raad" in low or "griffie" in low):
        to = TO_COUNCIL.search(body)
        if to:
            out.update(applies_to="listed", messages=["berichten aan de raad"])
    for ex in exceptions:
        if CHANNEL_WORD.match(ex.strip()):
            # "e-mail, behalve een e-mailadres dat in bijlage 1 bij een proces is vermeld": channels of this
            # kind that the decision designates there
            out.setdefault("_except_channels", []).extend(refs_in(ex) or ["*"])
            continue
        refs = refs_in(ex)
        if refs:
            out["except_refs"] += refs
        elif re.search(r"\bberichten\s+waarvoor\b|\bander(?:e)?\s+kana", ex, re.I):
            out["applies_to"] = "rest" if out["applies_to"] == "all" else out["applies_to"]
        else:
            out["except_messages"] += [n for n in split_messages(ex) if not is_all(n)]
    if ("naast" in low or "ook" in low or "tevens" in low or "eveneens" in low) and ADDITIONAL.search(clause):
        out["additional"] = True
    return out


def conditions_of(ch: dict, context: str) -> list[dict]:
    conds = []
    if ch["kind"] == "dienstenwet_loket" or any(DIENSTENWET.search(m) for m in ch.get("messages") or []):
        conds.append("dienstverrichter")
    joined = " ".join(ch.get("messages") or [])
    if "identif" in joined.lower() and IDENTIFICATION.search(joined):
        conds.append("identificatie")
    if ch.get("auth") and LOGIN.search(context) and not NO_LOGIN.search(context):
        conds.append("login")
    out = []
    for code in conds:
        label = CONDITION_LABELS[code]
        if code == "login":
            label = "alleen na inloggen met " + " of ".join(AUTH_NAMES.get(a, a) for a in ch["auth"])
        out.append({"code": code, "label": label})
    return out


def readable_scope(ch: dict) -> str | None:
    """The `scope` string: the message set in words (null = every message, no exceptions)."""
    messages, applies = ch["messages"], ch["applies_to"]
    if applies == "on_request":
        return "berichten op verzoek van het bestuursorgaan"
    if ch.get("_process"):
        return ch["_process"]
    if applies == "listed":
        text = _join(messages)
    elif applies == "rest":
        text = "alle overige berichten"
    else:
        text = "alle berichten" if ch["except_messages"] or ch["except_refs"] else None
    if text and ch["except_messages"]:
        text += " behalve " + _join(ch["except_messages"])
    return text


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1] if names else ""


# -- the document pass -------------------------------------------------------------------------------
LIST_MARKER = re.compile(r"^\W*(?:[a-z]|\d{1,2}|[ivx]{1,4})[.)]\s+|^[•·▪◦\-–*]\s+")
STAR_LEGEND = re.compile(r"\*[^\n]{0,60}\bdienstenwet\b|\bdienstenwet\b[^\n]{0,120}(?:met\s+een\s+)?(?:\*|sterretje)", re.I)


def _clauses(s: str) -> list[str]:
    return [c for c in re.split(r"(?<=[.;])\s+(?=[A-Z(])", s) if c.strip()]


def _at(channels: list[dict], target: str) -> list[dict]:
    return [c for c in channels if c["evidence"]["location"] == target
            or c["evidence"]["location"].startswith(target + " ")]


def _masked(text: str, ch: dict, channels: list[dict]):
    """The clause with every channel mention in it replaced by "kanaal" (so that "de Berichtenbox voor
    Bedrijven" is not read as "voor Bedrijven"), the position of this channel's mention in it and those
    of all mentions."""
    cs, ce = ch["_cs"], ch["_ce"]
    spans = sorted({(c["mention"]["start"], c["mention"]["end"]) for c in channels
                    if c.get("_cs") == cs and cs <= c["mention"]["start"] < ce})
    out, pos, length, positions, mine = [], cs, 0, [], (0, 0)
    for ms, me in spans:
        if ms >= pos:
            out.append(text[pos:ms])
            length += ms - pos
            positions.append((length, length + 6))
            if (ms, me) == (ch["mention"]["start"], ch["mention"]["end"]):
                mine = positions[-1]
            out.append("kanaal")
            length += 6
            pos = me
    out.append(text[pos:ce])
    return "".join(out), mine, positions


def scopes_exception_text(rest: str) -> str:
    """The messages of a "met uitzondering van X, die ..." exception: X."""
    end = EXCEPT_END.search(rest)
    return rest[:end.start()] if end else rest


def _lead_line(text: str, lines, index: int) -> str | None:
    """For a list item: the lead-in line above it (ending in a colon), within the same article."""
    line = lines[index]
    if line.kind == "lid" or not (line.kind == "list_item" or LIST_MARKER.match(text[line.start:line.end].strip())):
        return None
    for prev in reversed(lines[:index]):
        s = text[prev.start:prev.end].strip()
        if not s or re.fullmatch(r"-?\s*[a-z0-9]{1,3}[.)]?", s):
            continue
        if prev.article != line.article:
            return None
        if prev.kind == "list_item" or LIST_MARKER.match(s) and not s.endswith(":"):
            continue
        return s if s.endswith(":") else None
    return None


ITEM_FOR = re.compile(r"^\W*(?:[a-z0-9]{1,3}[.)]\s+)?voor\s+(?P<np>[^:]{3,200}):\s*$", re.I)


def _lead_items(text: str, lines, index: int) -> list[str]:
    """The list items under a lead-in line ("voor de volgende berichten ...:")."""
    items = []
    for line in lines[index + 1:]:
        s = text[line.start:line.end].strip()
        if not s:
            continue
        if line.kind == "lid" or line.article != lines[index].article:
            break
        if line.kind == "list_item" or LIST_MARKER.match(s) or re.match(r"^-\s*[a-z][.)]?$", s):
            body = LIST_MARKER.sub("", s)
            if re.fullmatch(r"-?\s*[a-z0-9]{1,3}[.)]?", s):  # CVDR: the marker on a line of its own
                continue
            items.append(body.strip(" ;,."))
            continue
        break
    return items


def attach(text: str, lines, channels: list[dict], operative: list[int], rows_without_channel: list[tuple]) -> list[dict]:
    """Fill the scope fields of every channel (in place) and return the document's `outside` list."""
    by_clause: dict[int, list[dict]] = {}
    for ch in channels:
        by_clause.setdefault(ch.get("_cs", -1), []).append(ch)
    for ch in channels:
        line = lines[ch["_line"]]
        if ch.get("_process") is not None:
            process = STAR_END.sub("", ch["_process"]).strip()
            ch["_process"] = process
            name = ROW_EXCEPTION.sub("", process)
            fields = {"messages": [name.strip()] if name.strip() else [], "applies_to": "listed" if name.strip() else "all",
                      "except_messages": [], "except_refs": [], "additional": False}
            if name.strip() and (REST.search(name) or is_all(name)):
                fields.update(messages=[], applies_to="rest")  # a row "Alle overige berichten"
            exc = ROW_EXCEPTION_TEXT.search(process)
            if exc:
                fields["except_refs"] = refs_in(exc.group(1), line.location)
        elif ch.get("_except_scope"):
            # the excepted copy of a designation: excluded for the messages the exception names
            names = [n for n in split_messages(scopes_exception_text(ch["_except_scope"])) if not is_all(n)]
            fields = {"messages": names, "applies_to": "listed" if names else "all", "except_messages": [],
                      "except_refs": [], "additional": False}
        else:
            clause, mention, mentions = _masked(text, ch, by_clause[ch["_cs"]])
            fields = scope_of_clause(clause, mention, mentions, ch["kind"])
            if fields["applies_to"] in ("all", "listed") and clause.rstrip().endswith(":") and LEAD_LIST.search(clause):
                items = _lead_items(text, lines, ch["_line"])
                names = [n for item in items for n in split_messages(item) if not is_all(n)]
                if names:
                    fields["applies_to"], fields["messages"] = "listed", names
            if fields["applies_to"] == "all" and not fields["except_messages"] and not fields["except_refs"]:
                item = ITEM_FOR.match(text[line.start:ch["_cs"]]) if ch["_cs"] > line.start else None
                if item:  # "• voor bezwaarschriften: het e-formulier Bezwaar"
                    np = item.group("np")
                    if REST.search(np):
                        fields["applies_to"] = "rest"
                    else:
                        names = [n for n in split_messages(np) if not is_all(n)]
                        if names:
                            fields.update(applies_to="listed", messages=names)
            if fields["applies_to"] == "all" and not fields["except_messages"] and not fields["except_refs"]:
                lead = _lead_line(text, lines, ch["_line"])
                if lead is not None:  # an item under "Een zienswijze ... kan worden verzonden:"
                    lead_fields = scope_of_clause(lead, (len(lead), len(lead)), [], ch["kind"])
                    if lead_fields["applies_to"] != "all":
                        fields.update({k: v for k, v in lead_fields.items() if k != "additional"})
        ch.update(fields)
        org = ORG_CHANNEL.search(text[ch["mention"]["start"]:ch["mention"]["end"]]) if ch["kind"] == "other" else None
        ch["organisation"] = (org.group("org") or org.group("org2")) if org else None
        ch["conditions"] = conditions_of(ch, text[line.start:line.end])
    _national_lokets(channels)
    _restrictions(channels)
    _channel_exceptions(channels)
    _apply_modifiers(text, lines, channels, operative)
    _mark_starred(text, channels)
    for ch in channels:
        ch["scope"] = readable_scope(ch)
    return _outside(text, lines, operative, rows_without_channel)


NATIONAL_SCOPE = {"omgevingsloket": "omgevingswet", "dienstenwet_loket": "dienstenwet"}


def _national_lokets(channels: list[dict]) -> None:
    """The Omgevingsloket carries only messages under the Omgevingswet and the Dienstenwet loket only those of
    service providers: a provision that names no messages for them designates them for those, never for all."""
    for ch in channels:
        domain = NATIONAL_SCOPE.get(ch["kind"])
        if domain and ch["status"] == "designated" and ch["applies_to"] in ("all", "rest"):
            ch.update(applies_to="listed", messages=[vocabulary().domain_label(domain)])
            if domain == "dienstenwet" and not any(c["code"] == "dienstverrichter" for c in ch.get("conditions", [])):
                ch.setdefault("conditions", []).insert(0, {"code": "dienstverrichter",
                                                           "label": CONDITION_LABELS["dienstverrichter"]})


def _channel_exceptions(channels: list[dict]) -> None:
    """An exclusion that spares channels of its kind designated elsewhere ("behalve een e-mailadres dat in
    bijlage 1 is vermeld"): the messages of those provisions are carved out of it."""
    for ch in channels:
        where = ch.pop("_except_channels", None)
        if not where:
            continue
        spared = [c for c in channels if c is not ch and c["kind"] == ch["kind"] and c["status"] == "designated"
                  and ("*" in where or any(c["evidence"]["location"] == w or c["evidence"]["location"].startswith(w + ",")
                                           or c["evidence"]["location"].startswith(w + " ") for w in where))]
        ch["except_refs"] = list(dict.fromkeys(ch["except_refs"] + [c["evidence"]["location"] for c in spared]))


def _restrictions(channels: list[dict]) -> None:
    """"E-mail is alleen aangewezen voor de verzoeken, bedoeld in artikel 5, derde lid": designated for
    those messages, excluded for all others."""
    for ch in list(channels):
        np = ch.pop("_restrict", None)
        if not np or ch["status"] != "designated":
            continue
        refs = refs_in(np, ch["evidence"]["location"])
        names = [n for n in split_messages(np) if not is_all(n)] if not refs else []
        if refs:
            names = [m for ref in refs for c in _at(channels, ref) if c is not ch for m in c.get("messages", [])]
        ch.update(applies_to="listed", messages=list(dict.fromkeys(names)) or ch["messages"])
        excluded = {k: v for k, v in ch.items()}
        excluded.update(status="excluded", applies_to="all", messages=[], except_messages=[] if refs else names,
                        except_refs=refs, additional=False, conditions=[])
        channels.append(excluded)


def _apply_modifiers(text: str, lines, channels: list[dict], operative: list[int]) -> None:
    """Provisions that change the scope of others: "Het eerste lid is niet van toepassing op ...",
    "... valt niet onder het eerste lid", "Dit artikel laat artikel 3 onverlet", "Dit artikel gaat voor op
    de artikelen 2 en 8", "In afwijking van artikel 2 ..."."""
    for i in operative:
        line = lines[i]
        here = line.location
        body = re.sub(r"^\W*(?:\d{1,2}[.)]?\s+|[a-z][.)]\s+)", "", text[line.start:line.end])
        low = body.lower()
        if not any(w in low for w in ("niet", "onverlet", "gaat voor", "afwijking")):
            continue
        for clause in _clauses(body):
            c = clause.strip()
            m = NOT_APPLICABLE.match(c)
            if m:
                target = _target(here, m.group("ord"), m.group("art"), m.group("ord2"), bool(m.group("this")))
                _except(channels, target, m.group("np"), here)
                continue
            m = NOT_UNDER.match(c)
            if m:
                target = _target(here, m.group("ord"), m.group("art"), m.group("ord2"), False)
                _except(channels, target, m.group("np"), here)
                continue
            m = LEAVES.match(c)
            if m:
                target = _target(here, m.group("ord"), m.group("art"), None, not (m.group("ord") or m.group("art")))
                for ch in _at(channels, target) if target else []:
                    ch["except_refs"] = list(dict.fromkeys(ch["except_refs"] + refs_in(m.group("refs"), here)))
                continue
            m = PRECEDES.match(c)
            if m:
                this = f"Artikel {m.group('art')}" if m.group("art") else _target(here, None, None, None, True)
                for ref in refs_in(m.group("refs"), here):
                    for ch in _at(channels, ref):
                        if this and this not in ch["except_refs"]:
                            ch["except_refs"].append(this)
                continue
            m = DEVIATES.search(c)
            if m and any(ch["evidence"]["location"] == here for ch in channels):
                for ref in refs_in(m.group("refs"), here):
                    for ch in _at(channels, ref):
                        if here not in ch["except_refs"] and not here.startswith(ref):
                            ch["except_refs"].append(here)


def _except(channels: list[dict], target: str | None, np: str, here: str) -> None:
    if not target:
        return
    refs = refs_in(np, here)
    names = [] if refs else [n for n in split_messages(re.split(r";", np)[0]) if not is_all(n)]
    for ch in _at(channels, target):
        if refs:
            ch["except_refs"] = list(dict.fromkeys(ch["except_refs"] + refs))
        ch["except_messages"] = list(dict.fromkeys(ch["except_messages"] + names))


def _mark_starred(text: str, channels: list[dict]) -> None:
    """Annex rows marked with a legend symbol that the decision ties to the Dienstenwet ("* = procedure
    onder de Dienstenwet"): the Dienstenwet channel is also designated for those processes."""
    if "*" not in text or not STAR_LEGEND.search(text):
        return
    starred = [c for c in channels if c.get("_process") is not None and c.get("_starred")]
    if not starred:
        return
    for ch in channels:
        if ch["kind"] == "dienstenwet_loket" and ch["status"] == "designated" and ch["applies_to"] == "listed":
            extra = [c["messages"][0] for c in starred if c["messages"]]
            ch["messages"] = list(dict.fromkeys(ch["messages"] + extra))


def _outside(text: str, lines, operative: list[int], rows_without_channel: list[tuple]) -> list[dict]:
    out = []
    for i in operative:
        line = lines[i]
        s = text[line.start:line.end]
        low = s.lower()
        if "besluit" not in low or ("niet" not in low and "buiten" not in low):
            continue
        m = OUTSIDE.search(s)
        if not m:
            continue
        np = (m.group("np") or m.group("np2")).strip()
        parts = [p.strip() for p in re.split(r"\s*,\s*|\s+(?:of|en)\s+(?=aan\b|de\b|het\b|berichten\b)", np) if p.strip()]
        names = []
        for p in parts:
            if re.match(r"^aan\b", p, re.I):
                p = "berichten " + p
            names.append(clean_name(p) if not re.match(r"^berichten\s+aan\b", p, re.I) else
                         re.sub(r"\s+", " ", LEGAL_TAIL.sub("", p)).strip(" .;,"))
        follow = s[m.end():].strip()
        label = next((c.strip(" .") for c in _clauses(follow) if re.match(r"^(?:voor\s+die|die|daarvoor)\b", c.strip(), re.I)),
                     "dit besluit wijst daarvoor niets aan en sluit ook niets uit")
        start = line.start + m.start()
        end = line.start + (m.end() if not follow else len(s.rstrip()))
        out.append({"messages": names, "reason": "scope", "label": label,
                    "evidence": {"start": start, "end": end, "text": text[start:end], "location": line.location}})
    for line, process, cell in rows_without_channel:
        name = re.sub(r"\s*\*+\s*$", "", process).strip()
        out.append({"messages": [name], "reason": "no_channel", "label": cell.strip(),
                    "evidence": {"start": line.block_start, "end": line.block_end,
                                 "text": text[line.block_start:line.block_end], "location": line.location}})
    return out
