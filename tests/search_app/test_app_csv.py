"""CSV exports: the columns people read hold the Dutch names of the one vocabulary, and each has
its code beside it (…code / …codes) for the scripts that read the file."""
from __future__ import annotations

import csv
import io

from kanaalwijzer import vocabulary as vocab
from kanaalwijzer.search.vocab import facet_label
from search_app.export import status_label


def _rows(client, url) -> list[dict]:
    return list(csv.DictReader(io.StringIO(client.get(url).get_data(as_text=True))))


def _names(codes: str) -> str:
    return "; ".join(vocab.channel_label(code) for code in codes.split("; ") if code)


def test_the_overview_csv_names_statuses_and_channels_with_their_codes_beside_them(client):
    rows = {row["code"]: row for row in _rows(client, "/overzicht?format=csv")}
    bosch = rows["GM0796"]
    assert bosch["statuscode"] == "in_force" and bosch["status"] == vocab.BODY_STATUSES["in_force"]
    assert bosch["kanaalcodes"] == "omgevingsloket; portal; web_form"
    assert bosch["kanalen"] == _names(bosch["kanaalcodes"]) and "web_form" not in bosch["kanalen"]
    for row in rows.values():
        assert row["status"] == vocab.BODY_STATUSES[row["statuscode"]]
        assert row["kanalen"] == _names(row["kanaalcodes"])


def test_the_search_export_names_kind_status_and_channels_with_their_codes_beside_them(client):
    rows = _rows(client, "/zoeken?q=&format=csv")
    assert rows
    for row in rows:
        assert row["soort"] == (facet_label("regime", row["soortcode"]) if row["soortcode"] else "")
        assert row["status"] == status_label(row["statuscode"]) != row["statuscode"]
        codes = [code for code in row["kanaalcodes"].split(", ") if code]
        assert row["kanalen"] == ", ".join(facet_label("kanaal", code) for code in codes)
    assert {"in_force", "not_yet_in_force", "not_designation"} <= {row["statuscode"] for row in rows}
    bosch = next(row for row in rows if row["id"] == "gmb-2025-552188")
    assert "web_form" in bosch["kanaalcodes"] and "web_form" not in bosch["kanalen"]
    assert bosch["soortcode"] == "wmebv" and bosch["soort"] != "wmebv"
