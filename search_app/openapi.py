"""The OpenAPI 3.1 description of the JSON API (kept beside the views it describes)."""
from __future__ import annotations

from kanaalwijzer.vocabulary import FACETS


def _param(name, description, *, where="query", required=False, schema=None, explode=None):
    param = {"name": name, "in": where, "required": required, "description": description,
             "schema": schema or {"type": "string"}}
    if explode is not None:
        param["explode"] = explode
    return param


def _json(description, schema_ref):
    return {"description": description, "content": {"application/json": {"schema": {"$ref": schema_ref}}}}


ERROR = {"description": "Ongeldige invoer (bijv. een zoekvraag die niet te lezen is)",
         "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
NOT_FOUND = {"description": "Niet gevonden", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
FORMAT = _param("format", "Uitvoerformaat", schema={"type": "string", "enum": ["json", "csv"]})


def spec(server: str) -> dict:
    search_params = [
        _param("q", 'Zoekvraag: woorden, "zinnen", OR, -uitsluiten, voorvoegsel*, veld:waarde'),
        *[_param(name, f"Filter op {label} (herhaalbaar)", schema={"type": "array", "items": {"type": "string"}},
                 explode=True) for name, label in FACETS.items()],
        _param("van", "Gepubliceerd vanaf (JJJJ-MM-DD)", schema={"type": "string", "format": "date"}),
        _param("tot", "Gepubliceerd tot en met (JJJJ-MM-DD)", schema={"type": "string", "format": "date"}),
        _param("sort", "Sortering", schema={"type": "string", "enum": ["relevance", "date"]}),
        _param("page", "Pagina (vanaf 1)", schema={"type": "integer", "minimum": 1}),
        _param("per_page", "Resultaten per pagina", schema={"type": "integer", "minimum": 1, "maximum": 100}),
        FORMAT,
    ]
    return {
        "openapi": "3.1.0",
        "info": {"title": "Kanaalwijzer API", "version": "1",
                 "description": "Aanwijzingsbesluiten elektronische kanalen (Awb 2:13 lid 2): zoeken, "
                                "per gemeente, per besluit, landelijk overzicht en wekelijkse wijzigingen."},
        "servers": [{"url": server}],
        "paths": {
            "/api/zoeken": {"get": {"summary": "Zoeken in publicaties, met facetten en fragmenten",
                                    "parameters": search_params,
                                    "responses": {"200": _json("Zoekresultaat", "#/components/schemas/SearchResult"),
                                                  "400": ERROR}}},
            "/api/gemeenten": {"get": {"summary": "Gemeenten zoeken op (deel van de) naam of variant",
                                       "parameters": [_param("naam", "Naam of deel ervan", required=True)],
                                       "responses": {"200": {"description": "Gevonden gemeenten"}}}},
            "/api/gemeenten/{key}": {"get": {
                "summary": "Welke kanalen een gemeente nu en straks aanwijst, met vindplaats",
                "parameters": [_param("key", "CBS-code (GM0796) of naam (den-bosch)", where="path", required=True)],
                "responses": {"200": _json("Antwoord per gemeente", "#/components/schemas/Municipality"),
                              "404": NOT_FOUND}}},
            "/api/besluiten/{id}": {"get": {
                "summary": "Eén publicatie: gegevens, tekst, kanalen met bewijs, versies, bronnen, citaat",
                "parameters": [_param("id", "Publicatie-id (gmb-2025-552188, CVDR754606_1)", where="path",
                                      required=True),
                               _param("versie", "Versienummer", schema={"type": "integer", "minimum": 1})],
                "responses": {"200": {"description": "Besluit"}, "404": NOT_FOUND}}},
            "/api/overzicht": {"get": {"summary": "Status van alle 342 gemeenten, per provincie, actualiteit",
                                       "parameters": [FORMAT],
                                       "responses": {"200": {"description": "Overzicht"}}}},
            "/api/digest/{week}": {"get": {
                "summary": "Wijzigingen in één ISO-week",
                "parameters": [_param("week", "ISO-week, bijv. 2026-W10", where="path", required=True),
                               _param("gemeente", "Filter op gemeente (CBS-code)"),
                               _param("provincie", "Filter op provincie"),
                               _param("kanaal", "Filter op kanaalsoort")],
                "responses": {"200": {"description": "Wijzigingen"}, "400": ERROR}}},
            "/api/openapi.json": {"get": {"summary": "Deze beschrijving",
                                          "responses": {"200": {"description": "OpenAPI-document"}}}},
        },
        "components": {"schemas": {
            "Error": {"type": "object", "required": ["error"],
                      "properties": {"error": {"type": "string"}, "status": {"type": "integer"}}},
            "Hit": {"type": "object", "properties": {
                key: {"type": ["string", "null"]} for key in
                ("id", "title", "source", "publication_name", "body_name", "body_label", "body_code", "body_type", "province",
                 "published", "regime", "url_official")} | {
                "channel_kinds": {"type": "array", "items": {"type": "string"}},
                "snippets": {"type": "array", "items": {"type": "string"},
                             "description": "HTML: alleen <mark> is opmaak, de rest is ge-escapet"},
                "score": {"type": "number"}}},
            "SearchResult": {"type": "object", "properties": {
                "total": {"type": "integer"}, "page": {"type": "integer"}, "per_page": {"type": "integer"},
                "took_ms": {"type": "number"}, "query": {"type": "object"},
                "hits": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
                "facets": {"type": "object", "additionalProperties": {"type": "array", "items": {
                    "type": "object", "properties": {"value": {"type": "string"}, "label": {"type": "string"},
                                                     "count": {"type": "integer"},
                                                     "selected": {"type": "boolean"}}}}}}},
            "Municipality": {"type": "object", "properties": {
                "body": {"type": "object"}, "date": {"type": "string", "format": "date"},
                "status": {"type": "string", "enum": ["in_force", "future", "none", "not_harvested"]},
                "in_force": {"type": "object"}, "upcoming": {"type": "array"}, "decisions": {"type": "object"},
                "last_looked": {"type": ["string", "null"]}}},
        }},
    }
