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


def test_overview_of_the_sample_corpus_asks_a_bounded_number_of_questions(sample, monkeypatch):
    from tests.support.sql_statements import OVERVIEW_BOUND, statements_issued

    with statements_issued(monkeypatch) as issued:
        assert sample.get("/overzicht?format=json").status_code == 200
    assert len(issued) <= OVERVIEW_BOUND, issued
