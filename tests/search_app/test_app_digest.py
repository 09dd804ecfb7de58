"""Issue 5 in the app: digest page per ISO week, Atom feeds, subscribe / confirm / unsubscribe."""
from __future__ import annotations

import feedparser
import lxml.html
import pytest

WEEK = "2026-W25"  # the frozen test date, 15 June 2026, when the fixture's events were seen


def test_digest_page_lists_the_weeks_events_per_body(client):
    tree = lxml.html.fromstring(client.get(f"/digest/{WEEK}").data)
    headings = [" ".join(h.text_content().split()) for h in tree.xpath("//main//section/h2")]
    assert headings == ["Gemeente 's-Hertogenbosch (Noord-Brabant)", "Gemeente Utrecht (Utrecht)"]
    events = [" ".join(e.text_content().split()) for e in tree.xpath("//li[@class='event']/strong")]
    assert any("webformulier aangewezen voor alle berichten per 1 januari 2026" in e for e in events)
    assert not any("e-mail aangewezen" in e.casefold() for e in events)  # excluded stays excluded
    empty = lxml.html.fromstring(client.get("/digest/2026-W10").data)
    assert "Geen wijzigingen in deze week" in empty.text_content()


def test_current_week_redirects_and_filters_apply(client):
    response = client.get("/digest?gemeente=GM0344")
    assert response.status_code == 302 and response.headers["Location"] == f"/digest/{WEEK}?gemeente=GM0344"
    data = client.get(f"/digest/{WEEK}?gemeente=GM0344&format=json").get_json()
    assert data["count"] > 0 and {e["body_code"] for e in data["events"]} == {"GM0344"}
    by_province = client.get(f"/api/digest/{WEEK}?provincie=Noord-Brabant").get_json()
    assert {e["body_code"] for e in by_province["events"]} == {"GM0796"}
    by_kind = client.get(f"/digest/{WEEK}?kanaal=contact_form&format=json").get_json()
    assert {e["body_code"] for e in by_kind["events"]} == {"GM0344"}


@pytest.mark.parametrize("week", ["2026-W54", "week10", "2026-13", "<script>"])
def test_bad_week_is_a_400_with_a_message(client, week):
    response = client.get(f"/digest/{week}?format=json")
    assert response.status_code == 400 and "week" in response.get_json()["error"].casefold()


@pytest.mark.parametrize("url, bodies", [
    ("/feeds/alles.atom", {"GM0796", "GM0344"}),
    ("/feeds/gemeente/GM0796.atom", {"GM0796"}),
    ("/feeds/provincie/utrecht.atom", {"GM0344"}),
    ("/feeds/zoeken.atom?q=omgevingsloket", {"GM0796"}),
    (f"/digest/{WEEK}?format=atom&gemeente=GM0344", {"GM0344"}),
])
def test_atom_feeds_parse_and_hold_the_right_events(client, url, bodies):
    response = client.get(url)
    assert response.status_code == 200 and response.mimetype == "application/atom+xml"
    feed = feedparser.parse(response.data)
    assert not feed.bozo, feed.bozo_exception
    assert feed.entries
    found = {t.term for e in feed.entries for t in e.tags if t.scheme == "bestuursorgaan"}
    assert found == bodies


def test_feed_errors(client):
    assert client.get("/feeds/gemeente/GM9999.atom").status_code == 404
    assert client.get("/feeds/provincie/atlantis.atom").status_code == 404
    assert client.get("/feeds/zoeken.atom").status_code == 400
    assert client.get("/feeds/zoeken.atom?q=%22open").status_code == 400


def test_subscribe_confirm_and_one_click_unsubscribe(client, web_store):
    form = lxml.html.fromstring(client.get("/abonneren?gemeente=GM0796").data)
    assert form.xpath("//select[@id='gemeente']/option[@selected]/@value") == ["GM0796"]
    response = client.post("/abonneren", data={"email": "burger@example.org", "gemeente": ["GM0796"],
                                               "kanaal": ["email", "web_form"]})
    assert response.status_code == 200 and "bevestigingslink" in response.get_data(as_text=True)
    (sub,) = web_store.subscriptions()
    assert sub.email == "burger@example.org" and sub.confirmed_at is None
    assert sub.filters["bodies"] == ["GM0796"] and "web_form" in sub.filters["channel_kinds"]

    assert client.get(f"/abonneren/bevestigen/{sub.confirm_token}").status_code == 200
    assert web_store.subscription(sub.id).confirmed_at is not None
    assert client.get("/abonneren/bevestigen/verzonnen").status_code == 404

    # GET (a mail scanner following the link) changes nothing; POST (one click) unsubscribes
    page = client.get(f"/abonneren/opzeggen/{sub.unsubscribe_token}")
    assert page.status_code == 200 and web_store.subscription(sub.id).unsubscribed_at is None
    done = client.post(f"/abonneren/opzeggen/{sub.unsubscribe_token}", data={"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200 and web_store.subscription(sub.id).unsubscribed_at is not None
    assert client.post("/abonneren/opzeggen/verzonnen").status_code == 404


def test_subscribe_with_a_bad_address_explains(client, web_store):
    response = client.post("/abonneren", data={"email": "geen-adres"})
    assert response.status_code == 400
    assert "geen geldig e-mailadres" in response.get_data(as_text=True)
    assert web_store.subscriptions() == []


def test_search_and_municipality_pages_as_atom_lead_to_their_feeds(client):
    assert client.get("/zoeken?q=omgevingsloket&format=atom").headers["Location"] == "/feeds/zoeken.atom?q=omgevingsloket"
    assert client.get("/zoeken?format=atom").headers["Location"] == "/feeds/alles.atom"
    assert client.get("/gemeente/den-bosch?format=atom").headers["Location"] == "/feeds/gemeente/GM0796.atom"
    feed = feedparser.parse(client.get("/zoeken?q=omgevingsloket&format=atom", follow_redirects=True).data)
    assert not feed.bozo and feed.entries
