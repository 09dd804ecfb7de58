"""The answer resolver (kanaalwijzer.answer): decisions built by hand, one rule of resolution per test.

Each test names the rule it checks; the decisions are our own, small, in the shapes real decisions take
(annex rows, articles per kind of message, a fallback, exclusions, an organisation's channel).
"""
from datetime import date

import pytest

from kanaalwijzer.answer import Decision, Outside, Rule, answer, features, match

ON = date(2026, 3, 1)


def rule(kind, *messages, status="designated", applies_to=None, location="Artikel 2", value="", **kw):
    return Rule(kind=kind, status=status, value=value or kind, messages=tuple(messages),
                applies_to=applies_to or ("listed" if messages else "all"), location=location, **kw)


def decision(*rules, outside=(), **kw):
    kw.setdefault("effective_date", date(2026, 1, 1))
    return Decision(classification="wmebv_designation", rules=tuple(rules), outside=tuple(outside), **kw)


def kinds(a):
    return sorted(c["kind"] for c in a.designated)


# -- matching a citizen's words ----------------------------------------------------------------------
@pytest.mark.parametrize("name, message", [
    ("bezwaarschrift", "bezwaar tegen de weigering van mijn kapvergunning"),
    ("Bezwaarschriften", "ik wil bezwaar maken"),
    ("Woo-verzoek", "verzoek om informatie op grond van de Wet open overheid"),
    ("verzoek om publieke informatie (Woo-verzoek)", "wob-verzoek"),
    ("Aangifte van geboorte", "geboorteaangifte"),
    ("Verhuizing doorgeven", "verhuismelding"),
    ("melding over de openbare ruimte", "melding van een losliggende stoeptegel"),
    ("Aanvraag parkeervergunning", "aanvraag bewonersparkeervergunning"),
    ("zienswijzen", "zienswijze op het ontwerpbestemmingsplan"),
])
def test_synonyms_stems_and_compounds_match(name, message):
    assert match(features(name), features(message)) is not None


@pytest.mark.parametrize("name, message", [
    # a bezwaarschrift against a permit is no application for that permit
    ("aanvraag om een parkeervergunning", "bezwaarschrift tegen de weigering van een parkeervergunning"),
    # an application names what it is for: another product is another message
    ("Gehandicaptenparkeerkaart aanvragen", "aanvraag parkeerontheffing voor een verhuiswagen"),
    ("verzoek om kwijtschelding", "verzoek om een gesprek met de burgemeester"),
    # a question about a tax assessment is no request for remission, though both are about taxes
    ("verzoek om kwijtschelding", "vraag over mijn aanslag rioolheffing"),
    # a provision for one kind of message covers only that kind
    ("klacht", "melding van wateroverlast"),
    # addressed to another organ
    ("berichten aan de raad", "bezwaarschrift tegen een besluit van het college"),
])
def test_different_messages_do_not_match(name, message):
    assert match(features(name), features(message)) is None


def test_the_most_specific_provision_decides():
    d = decision(rule("web_form", "Bezwaarschrift (behalve rij 7)", location="Bijlage 1, rij 31"),
                 rule("portal", "Bezwaar tegen WOZ-beschikking of aanslag gemeentelijke belastingen", location="Bijlage 1, rij 7"),
                 rule("contact_form", applies_to="rest", location="Artikel 3"))
    a = answer(d, "bezwaarschrift tegen mijn WOZ-beschikking", ON)
    assert (a.status, kinds(a), a.decided_by) == ("answered", ["portal"], "Bijlage 1, rij 7")
    a = answer(d, "bezwaar tegen de weigering van een evenementenvergunning", ON)
    assert (kinds(a), a.decided_by) == (["web_form"], "Bijlage 1, rij 31")


def test_a_message_the_decision_does_not_name_goes_to_the_fallback():
    d = decision(rule("web_form", "Evenementenvergunning aanvragen", location="Bijlage 1, rij 2"),
                 rule("contact_form", applies_to="rest", location="Artikel 8"))
    a = answer(d, "verzoek om een afspraak met de wethouder", ON)
    assert (a.status, kinds(a), a.decided_by, a.matched) == ("answered", ["contact_form"], "Artikel 8", None)


def test_no_match_and_no_fallback_is_unknown():
    d = decision(rule("web_form", "Evenementenvergunning aanvragen", location="Bijlage 1, rij 2"))
    a = answer(d, "klacht over de vuilnisophaal", ON)
    assert (a.status, a.designated) == ("unknown", [])


def test_own_exception_carves_messages_out():
    d = decision(rule("email", applies_to="all", location="Artikel 2", except_messages=("bezwaarschrift",)),
                 rule("web_form", "bezwaarschrift", location="Artikel 3"))
    assert kinds(answer(d, "bezwaarschrift", ON)) == ["web_form"]
    assert kinds(answer(d, "melding van zwerfafval", ON)) == ["email"]


def test_exception_by_reference_follows_the_referenced_provision():
    """'Het eerste lid is niet van toepassing op berichten als bedoeld in artikel 4' excepts only what
    artikel 4 really covers (artikel 4's own exception included)."""
    d = decision(rule("contact_form", applies_to="all", location="Artikel 3 lid 1", except_refs=("Artikel 4",)),
                 rule("omgevingsloket", "berichten op grond van de Omgevingswet", location="Artikel 4 lid 1",
                      except_messages=("zienswijze",)))
    assert kinds(answer(d, "aanvraag omgevingsvergunning voor een dakkapel", ON)) == ["omgevingsloket"]
    assert kinds(answer(d, "zienswijze op het ontwerp-omgevingsplan", ON)) == ["contact_form"]


def test_a_channel_in_addition_is_added_to_what_applies():
    d = decision(rule("contact_form", applies_to="all", location="Artikel 3"),
                 rule("dienstenwet_loket", "berichten in procedures onder de Dienstenwet", location="Artikel 5",
                      additional=True))
    assert kinds(answer(d, "aanvraag standplaatsvergunning (procedure onder de Dienstenwet)", ON)) == [
        "contact_form", "dienstenwet_loket"]
    assert kinds(answer(d, "aanvraag standplaatsvergunning", ON)) == ["contact_form"]


def test_before_entry_into_force_and_after_the_end_nothing_is_in_force():
    d = decision(rule("contact_form", applies_to="all"), effective_date=date(2026, 1, 23),
                 valid_until=date(2026, 12, 31))
    assert answer(d, "klacht", date(2026, 1, 22)).status == "no_designation_in_force"
    assert answer(d, "klacht", date(2026, 1, 23)).status == "answered"
    late = answer(d, "klacht", date(2027, 1, 1))
    assert late.status == "no_designation_in_force" and late.designated == []


def test_messages_outside_the_decision_get_no_channel_and_no_exclusion():
    d = decision(rule("contact_form", applies_to="all"), rule("email", status="excluded", applies_to="all"),
                 outside=[Outside(messages=("berichten aan de ambtenaar van de burgerlijke stand",), reason="scope",
                                  location="Artikel 2 lid 2")])
    a = answer(d, "geboorteaangifte", ON)
    assert (a.status, a.designated, a.excluded, a.decided_by) == ("no_designation_in_force", [], [], "Artikel 2 lid 2")
    assert kinds(answer(d, "klacht", ON)) == ["contact_form"]


def test_a_row_without_electronic_channel_answers_with_none():
    d = decision(rule("contact_form", applies_to="rest"), rule("email", status="excluded", applies_to="all"),
                 outside=[Outside(messages=("Aanvraag paspoort of identiteitskaart",), reason="no_channel",
                                  location="Bijlage 1, rij 3", label="niet digitaal aangewezen")])
    a = answer(d, "aanvraag paspoort", ON)
    assert (a.status, a.designated, a.decided_by) == ("answered", [], "Bijlage 1, rij 3")
    assert [c["kind"] for c in a.excluded] == ["email"]


def test_a_message_sent_at_the_bodys_request_goes_by_the_route_in_the_request():
    d = decision(rule("portal", "Bijzondere bijstand aanvragen", location="Bijlage 1, rij 7"),
                 rule("as_invited", applies_to="on_request", location="Artikel 3"),
                 rule("email", status="excluded", applies_to="all", location="Artikel 9", except_refs=("Artikel 3",)))
    a = answer(d, "aanvullende stukken die de gemeente heeft opgevraagd bij mijn aanvraag bijzondere bijstand", ON)
    assert (kinds(a), a.decided_by, a.excluded) == (["as_invited"], "Artikel 3", [])
    assert kinds(answer(d, "aanvraag bijzondere bijstand", ON)) == ["portal"]


def test_a_specific_designation_beats_a_general_exclusion():
    d = decision(rule("email", "zienswijze", value="zienswijzen@epe.nl", location="Artikel 7"),
                 rule("email", status="excluded", applies_to="all", location="Artikel 9"),
                 rule("contact_form", applies_to="rest", location="Artikel 8"))
    a = answer(d, "zienswijze op een ontwerpbesluit", ON)
    assert kinds(a) == ["email"] and a.designated[0]["value"] == "zienswijzen@epe.nl"
    assert "email" not in [c["kind"] for c in a.excluded]
    other = answer(d, "Woo-verzoek", ON)
    assert kinds(other) == ["contact_form"] and [c["kind"] for c in other.excluded] == ["email"]


def test_an_exclusion_as_specific_as_the_designation_wins():
    """'Berichten kunnen per e-mail ...; bezwaarschriften niet per e-mail': e-mail is never shown as
    designated for a bezwaarschrift."""
    d = decision(rule("email", applies_to="all", location="Artikel 2"),
                 rule("email", "bezwaarschrift", status="excluded", location="Artikel 3"))
    a = answer(d, "bezwaarschrift", ON)
    assert a.designated == [] and [c["kind"] for c in a.excluded] == ["email"]
    assert kinds(answer(d, "vraag over de afvalkalender", ON)) == ["email"]


def test_an_organisations_own_channel_for_its_task():
    d = decision(rule("web_form", "bezwaarschrift", location="Artikel 4", except_refs=("Artikel 6",)),
                 rule("other", "berichten over gemeentelijke belastingen en de WOZ (waaronder bezwaarschriften)",
                      location="Artikel 6", organisation="SVHW", value="het kanaal dat het SVHW heeft aangewezen"))
    a = answer(d, "bezwaarschrift tegen mijn WOZ-beschikking", ON)
    assert kinds(a) == ["other"] and a.designated[0]["organisation"] == "SVHW"
    assert kinds(answer(d, "bezwaarschrift tegen de weigering van een parkeervergunning", ON)) == ["web_form"]


def test_not_a_designation_and_the_old_regime():
    assert answer(Decision(classification="not_designation"), "klacht", ON).status == "not_a_designation"
    old = Decision(classification="pre_wmebv_designation", rules=(rule("email", applies_to="all"),),
                   effective_date=date(2012, 7, 1))
    assert kinds(answer(old, "klacht", date(2015, 1, 1))) == ["email"]
    assert answer(old, "klacht", date(2026, 2, 1)).status == "unknown"  # the tracker does not say if it still binds


def test_from_extract_reads_the_contract_and_older_extracts():
    new = {"classification": "wmebv_designation", "effective_date": "2026-01-01", "file": "x.txt",
           "channels": [{"kind": "web_form", "status": "designated", "value": "e-formulier", "scope": "bezwaarschrift",
                         "auth": ["digid"], "evidence": {"text": "...", "location": "Artikel 4"},
                         "messages": ["bezwaarschrift"], "applies_to": "listed", "except_messages": [],
                         "except_refs": [], "conditions": [{"code": "login", "label": "alleen na inloggen met DigiD"}],
                         "organisation": None, "additional": False}],
           "outside": []}
    d = Decision.from_extract(new)
    assert d.rules[0].messages == ("bezwaarschrift",) and d.rules[0].conditions == ("alleen na inloggen met DigiD",)
    old = {"classification": "wmebv_designation", "effective_date": "2026-01-01",
           "channels": [{"kind": "contact_form", "status": "designated", "value": "c", "scope": None, "auth": [],
                         "evidence": {"text": "...", "location": "Artikel 2"}},
                        {"kind": "web_form", "status": "designated", "value": "w", "scope": "Aanvraag kapvergunning",
                         "auth": [], "evidence": {"text": "...", "location": "Bijlage 1, rij 1"}}]}
    d = Decision.from_extract(old)
    assert [(r.applies_to, r.messages) for r in d.rules] == [("all", ()), ("listed", ("Aanvraag kapvergunning",))]
    assert kinds(answer(d, "aanvraag kapvergunning", ON)) == ["web_form"]


def test_answer_json_shape():
    d = decision(rule("web_form", "klacht", location="Artikel 4", auth=("digid",)))
    out = answer(d, "klacht over een medewerker", ON).as_dict()
    assert list(out)[:4] == ["status", "designated", "excluded", "decided_by"]
    assert out["date"] == "2026-03-01" and out["status"] == "answered"
    assert set(out["designated"][0]) >= {"kind", "value", "evidence", "location", "auth", "conditions"}


def test_equal_specificity_the_exclusion_wins():
    """Two provisions that contradict each other at the same level ('Berichten kunnen per e-mail' and
    'E-mail is geen kanaal'; the same for bezwaarschriften): never report the excluded channel."""
    both_general = decision(rule("email", applies_to="all", location="Artikel 2"),
                            rule("email", status="excluded", applies_to="all", location="Artikel 5"))
    assert answer(both_general, "melding", ON).designated == []
    both_named = decision(rule("email", "bezwaarschrift", location="Artikel 2"),
                          rule("email", "bezwaarschrift", status="excluded", location="Artikel 5"),
                          rule("contact_form", applies_to="rest", location="Artikel 3"))
    assert answer(both_named, "bezwaarschrift", ON).designated == []


def test_the_best_of_a_provisions_names_counts():
    """A provision naming several messages is as specific as its best-matching name."""
    d = decision(rule("portal", "bezwaarschrift", "bezwaarschrift tegen een WOZ-beschikking", location="Artikel 4"),
                 rule("web_form", "bezwaarschrift over belastingen", location="Artikel 5"))
    assert answer(d, "bezwaarschrift tegen mijn WOZ-beschikking", ON).decided_by == "Artikel 4"
