"""The app over the sample corpus as harvested, extracted and indexed for real (no hand-made rows)."""
from __future__ import annotations

import json

import lxml.html
import pytest

from tests.support import ROOT
from tests.support.web_store import FROZEN

pytestmark = pytest.mark.e2e  # the sample corpus harvested, extracted and indexed for real (sample_home)


@pytest.fixture
def sample(sample_app):
    import time_machine
    with time_machine.travel(FROZEN, tick=True):
        yield sample_app.test_client()


def test_search_filter_open_decision_and_see_evidence(sample):
    data = sample.get("/zoeken?q=elektronische+kanalen&format=json").get_json()
    assert data["total"] > 5
    utrecht = next(v for v in data["facets"]["gemeente"] if v["label"] == "Utrecht")
    filtered = sample.get(f"/zoeken?q=elektronische+kanalen&gemeente={utrecht['value']}&format=json").get_json()
    assert filtered["total"] == utrecht["count"] and {h["body_code"] for h in filtered["hits"]} == {"GM0344"}
    decision = sample.get(f"/besluit/{filtered['hits'][0]['id']}")
    tree = lxml.html.fromstring(decision.data)
    marks = tree.xpath("//div[@class='doctext']/mark")
    assert marks
    channels = sample.get(f"/api/besluiten/{filtered['hits'][0]['id']}").get_json()["extraction"]["channels"]
    marked = {m.get("id"): m.text_content() for m in marks}
    for channel in channels:
        if channel["evidence_located"]:  # each located quote lies inside the mark its row links to
            assert channel["evidence"]["text"] in marked[channel["anchor"]]
    assert tree.xpath("//table[@class='channels']//td[5]/a/@href")


def _gold() -> dict[str, list[dict]]:
    """The channels the sample's documents designate or exclude, as written down with the corpus
    (devtools/sample/*/*.expected.json), independent of the extractor and the registry."""
    return {path.name.removesuffix(".expected.json"): json.loads(path.read_text(encoding="utf-8")).get("channels", [])
            for path in (ROOT / "devtools" / "sample").glob("*/*.expected.json")}


def test_every_municipality_with_a_decision_answers_without_showing_excluded_channels_as_designated(sample):
    gold = _gold()
    overview = sample.get("/overzicht?format=json").get_json()
    with_decision = [m for m in overview["municipalities"] if m["status"] in ("in_force", "future")]
    assert len(with_decision) >= 5
    shown = {"designated": 0, "excluded": 0}
    for municipality in with_decision:
        answer = sample.get(f"/gemeente/{municipality['code']}?format=json").get_json()
        for section in [answer["in_force"], *answer["upcoming"]]:
            for process in section["processes"]:
                for status in ("designated", "excluded"):
                    for item in process[status]:
                        assert item["status"] == status
                        # the words it cites have this status in the source, as the corpus's gold says
                        said = {c["status"] for c in gold[item["publication_id"]]
                                if c["kind"] == item["kind"] and c.get("quote") and c["quote"] in item["evidence"]["text"]}
                        assert said, (municipality["code"], item)
                        assert status in said, (municipality["code"], status, item["evidence"]["text"])
                        shown[status] += 1
        page = lxml.html.fromstring(sample.get(f"/gemeente/{municipality['code']}").data)
        assert page.xpath("//ul[@class='designated']/li")
    assert shown["designated"] >= 20 and shown["excluded"] >= 10, shown  # 50 and 29 today


def test_decision_pages_of_the_sample_render_with_citation(sample):
    ids = [h["id"] for h in sample.get("/zoeken?q=&per_page=100&format=json").get_json()["hits"]]
    assert len(ids) >= 30
    for pub_id in ids:
        response = sample.get(f"/besluit/{pub_id}")
        assert response.status_code == 200, pub_id
        tree = lxml.html.fromstring(response.data)
        assert tree.xpath("//textarea[@id='citaat']")[0].text_content().strip()


def test_cvdr_versions_are_numbered_linked_dated_and_compared(sample):
    second = lxml.html.fromstring(sample.get("/besluit/CVDR762001_2").data)
    assert " ".join(second.xpath("//h2[@id='tekst']")[0].text_content().split()) == "Tekst (versie 2)"
    steps = [" ".join(li.text_content().split()) for li in second.xpath("//ol[@class='timeline']/li")]
    assert steps[0].startswith("Versie 1 geldend van 1 januari 2026 tot en met 31 maart 2026")
    assert steps[1].startswith("Versie 2 (deze pagina) geldend van 1 april 2026 tot heden")
    assert second.xpath("//a[@rel='prev']/@href") == ["/besluit/CVDR762001_1"] and not second.xpath("//a[@rel='next']")
    first = lxml.html.fromstring(sample.get("/besluit/CVDR762001_1").data)
    assert first.xpath("//a[@rel='next']/@href") == ["/besluit/CVDR762001_2"]
    assert first.xpath("//ol[@class='timeline']/li[@aria-current]/strong")[0].text == "Versie 1"
    link = second.xpath("//a[@class='diff-link']/@href")[0]
    assert link == "/besluit/verschil?van=CVDR762001_1&naar=CVDR762001_2"
    diff = lxml.html.fromstring(sample.get(link).data)
    assert diff.xpath("//h1")[0].text_content() == "Wijzigingen van versie 1 naar versie 2"
    assert diff.xpath("//div[@class='diff']//ins") and diff.xpath("//div[contains(@class, 'diff')]//del")
    data = sample.get(link + "&format=json").get_json()
    assert data["van"]["label"] == "versie 1" and sum(data["counts"].values()) > 0


def test_overview_of_the_sample_corpus_asks_a_bounded_number_of_questions(sample, monkeypatch):
    from tests.support.sql_statements import OVERVIEW_BOUND, statements_issued

    with statements_issued(monkeypatch) as issued:
        assert sample.get("/overzicht?format=json").status_code == 200
    assert len(issued) <= OVERVIEW_BOUND, issued
