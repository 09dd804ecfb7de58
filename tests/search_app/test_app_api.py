"""The JSON API: every documented path answers as described; the OpenAPI document is served."""
from __future__ import annotations

import re

import pytest

from search_app.openapi import spec

SAMPLES = {"key": "den-bosch", "id": "gmb-2025-552188", "week": "2026-W25"}


def test_openapi_document_describes_the_api(client):
    spec = client.get("/api/openapi.json").get_json()
    assert spec["openapi"].startswith("3.1") and spec["info"]["title"]
    assert {"/api/zoeken", "/api/gemeenten/{key}", "/api/besluiten/{id}", "/api/overzicht",
            "/api/digest/{week}"} <= set(spec["paths"])
    refs = re.findall(r'"\$ref": "#/components/schemas/(\w+)"', str(spec).replace("'", '"'))
    assert refs and set(refs) <= set(spec["components"]["schemas"])


DOCUMENTED = [(path, item["get"]) for path, item in spec("http://localhost")["paths"].items()]


@pytest.mark.parametrize("path, operation", DOCUMENTED, ids=[p for p, _ in DOCUMENTED])
def test_every_documented_path_answers_json(client, path, operation):
    url = re.sub(r"\{(\w+)\}", lambda m: SAMPLES[m.group(1)], path)
    query = {p["name"]: "den bosch" for p in operation.get("parameters", []) if p["in"] == "query" and p["required"]}
    response = client.get(url, query_string=query)
    assert response.status_code == 200, (url, response.data[:300])
    assert response.mimetype == "application/json"
    assert "200" in operation["responses"]


def test_api_errors_are_json_with_status(client):
    response = client.get("/api/besluiten/bestaat-niet")
    assert response.status_code == 404 and response.get_json() == {"error": "Deze pagina bestaat niet (meer).",
                                                                  "status": 404}
    assert client.get("/api/zoeken?q=%22open").get_json()["status"] == 400


def test_api_search_shape_matches_the_schema(client):
    data = client.get("/api/zoeken?q=webformulier").get_json()
    assert set(data) == {"query", "total", "page", "per_page", "took_ms", "hits", "facets"}
    hit = data["hits"][0]
    assert {"id", "title", "snippets", "channel_kinds", "score", "url_official"} <= set(hit)
    assert all(set(v) == {"value", "label", "count", "selected"} for vs in data["facets"].values() for v in vs)
