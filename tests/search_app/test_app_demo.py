"""The demo-only mailbox page: mounted only in demo mode (KANAALWIJZER_DEMO_MAILBOX, set by
`kanaalwijzer demo`), never otherwise and never under `serve --production`; it shows the caught
mail escaped, with working links."""
from __future__ import annotations

import mailbox
import os
import subprocess
import sys
from email.message import EmailMessage

import pytest

from kanaalwijzer.config import load_config
from search_app import create_app


def _mail(subject: str, text: str, to: str = "lezer@example.org") -> bytes:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "Kanaalwijzer <kanaalwijzer@localhost>", to, subject
    message["Date"] = "Tue, 01 Dec 2026 10:00:00 +0100"
    message.set_content(text)
    return message.as_bytes()


@pytest.fixture
def post(tmp_path):
    folder = tmp_path / "post"
    mailbox.Maildir(folder, create=True).add(_mail(
        "Bevestig uw abonnement op Kanaalwijzer",
        "Bevestig met deze link:\nhttp://127.0.0.1:5000/abonneren/bevestigen/abc_123.\n"
        "<script>alert(1)</script> javascript:alert(2)\n"))
    return folder


def _client(tmp_path, mailbox_folder=None):
    config = load_config(home=tmp_path, demo_mailbox=mailbox_folder)
    return create_app({"TESTING": True, "KANAALWIJZER": config}).test_client()


def test_the_demo_mailbox_shows_caught_mail_with_working_links_and_escaped_text(tmp_path, post):
    client = _client(tmp_path, post)
    page = client.get("/demo/post").get_data(as_text=True)
    assert "<h2 id=\"bericht-1\">Bevestig uw abonnement op Kanaalwijzer</h2>" in page
    link = "http://127.0.0.1:5000/abonneren/bevestigen/abc_123"
    assert f'<a href="{link}">{link}</a>.' in page, "the link works; the full stop after it is no part of it"
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="javascript' not in page
    assert "1 december 2026, 10:00" in page
    data = client.get("/demo/post?format=json").get_json()
    assert [m["subject"] for m in data["messages"]] == ["Bevestig uw abonnement op Kanaalwijzer"]
    home = client.get("/").get_data(as_text=True)
    assert 'href="/demo/post">demo-postbus</a>' in home, "every demo page says where the mail goes"


def test_newest_mail_first_and_an_empty_mailbox_says_what_to_do(tmp_path, post):
    mailbox.Maildir(post).add(_mail("Later bericht", "tweede").replace(b"10:00:00", b"11:00:00"))
    page = _client(tmp_path, post).get("/demo/post").get_data(as_text=True)
    assert page.index("Later bericht") < page.index("Bevestig uw abonnement")
    empty = _client(tmp_path, tmp_path / "nog-leeg").get("/demo/post").get_data(as_text=True)
    assert "Nog geen berichten" in empty


def test_without_demo_mode_there_is_no_demo_mailbox(tmp_path, post):
    client = _client(tmp_path)
    assert client.get("/demo/post").status_code == 404
    assert "demo-postbus" not in client.get("/").get_data(as_text=True)
    assert "demo-postbus" not in client.get("/abonneren").get_data(as_text=True)


def test_serve_production_refuses_the_demo_mailbox(tmp_path, post):
    env = {**os.environ, "KANAALWIJZER_HOME": str(tmp_path), "KANAALWIJZER_DEMO_MAILBOX": str(post)}
    done = subprocess.run([sys.executable, "-m", "kanaalwijzer.cli", "serve", "--production", "--port", "0"],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "KANAALWIJZER_DEMO_MAILBOX is gezet" in done.stderr and "gunicorn" not in done.stderr.lower()
