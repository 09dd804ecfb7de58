"""CSV exports: the columns people read hold the Dutch names of the one vocabulary, and each has
its code beside it (…code / …codes) for the scripts that read the file."""
from __future__ import annotations

import csv
import io

from kanaalwijzer import vocabulary as vocab


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


def test_the_search_csv_names_source_regime_and_channels_with_their_codes_beside_them(client):
    rows = _rows(client, "/zoeken?q=&format=csv")
    assert rows
    for row in rows:
        assert row["bron"] == vocab.SOURCES[row["broncode"]] != row["broncode"]
        assert row["regime"] == (vocab.regime_label(row["regimecode"]) if row["regimecode"] else "")
        assert row["kanalen"] == _names(row["kanaalcodes"])
    kinds = {code for row in rows for code in row["kanaalcodes"].split("; ") if code}
    assert kinds and not kinds & {name for row in rows for name in row["kanalen"].split("; ")}, "names, not codes"
    assert any(row["regimecode"] == "wmebv" and row["regime"] != "wmebv" for row in rows)
