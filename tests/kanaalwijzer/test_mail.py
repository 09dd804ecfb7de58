"""Subscriptions and digest mail against a real SMTP server (aiosmtpd) started by the tests."""
from __future__ import annotations

import os
import signal
import smtplib
import socket
import subprocess
import sys
from collections import Counter
from datetime import datetime
from email import message_from_bytes, policy
from urllib.parse import urlsplit

import pytest
import time_machine
from aiosmtpd.controller import Controller

from kanaalwijzer import mailer, registry_update
from kanaalwijzer.config import Config
from kanaalwijzer.store import AMSTERDAM, Store
from tests.support.registry_rows import AMERSFOORT, NEW, OLD, PIPELINE, channel, extraction, publish

BASE = "https://kanaalwijzer.test"


class Inbox:
    """An aiosmtpd handler that keeps every message; it can SIGKILL a client at its Nth MAIL FROM."""

    def __init__(self):
        self.messages = []
        self.mail_commands = 0
        self.kill_pid: int | None = None
        self.kill_at_mail: int | None = None

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        self.mail_commands += 1
        if self.kill_pid and self.mail_commands == self.kill_at_mail:
            os.kill(self.kill_pid, signal.SIGKILL)
            return "421 closing"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list:
        return [m for m in self.messages if m["To"] == address]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    inbox.settings = mailer.SmtpSettings(host="127.0.0.1", port=controller.port, security="none",
                                         sender="wijzigingen@kanaalwijzer.test")
    inbox.port = controller.port
    yield inbox
    controller.stop()


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "store.db"
    with Store(path) as store:
        store.path = path
        yield store


@pytest.fixture
def app(db):
    from search_app import create_app
    return create_app({"TESTING": True, "KANAALWIJZER": Config(home=db.path.parent, db_path=db.path)})


def at(day: str):
    return time_machine.travel(datetime.fromisoformat(day + "T09:00").replace(tzinfo=AMSTERDAM), tick=False)


def subscribe_confirmed(db, smtp, email, filters=None) -> dict:
    sub = mailer.subscribe(db, email, filters, settings=smtp.settings)
    assert mailer.confirm(db, sub["confirm_token"])
    return sub


def test_double_opt_in_by_mail_and_web_link(db, smtp, app):
    with at("2026-03-02"):
        sub = mailer.subscribe(db, "alice@example.org", {"bodies": ["GM0344"], "channel_kinds": ["email"]},
                               settings=smtp.settings)
    (mail,) = smtp.to("alice@example.org")
    assert mail["Subject"] == "Bevestig uw abonnement op Kanaalwijzer"
    body = mail.get_content()
    assert "Gemeente Utrecht" in body and "kanaal e-mail" in body
    link = next(line for line in body.splitlines() if "/abonneren/bevestigen/" in line)
    assert db.subscription(sub["id"]).confirmed_at is None
    response = app.test_client().get(urlsplit(link).path)
    assert response.status_code == 200
    assert db.subscription(sub["id"]).confirmed_at is not None
    assert app.test_client().get("/abonneren/bevestigen/verzonnen-token").status_code == 404


@pytest.mark.parametrize("bad", ["", "geen-adres", "a@b", "a b@example.org", "x" * 250 + "@example.org"])
def test_invalid_addresses_are_refused(db, bad):
    with pytest.raises(ValueError):
        mailer.subscribe(db, bad, {})
    assert db.subscriptions() == []


def test_digest_mail_headers_events_unsubscribe_and_no_second_send(db, smtp, app):
    with at("2026-02-24"):  # week 9: known before anyone subscribed
        publish(db, "gmb-2025-100", OLD)
        registry_update.update(db, PIPELINE)
        alice = subscribe_confirmed(db, smtp, "alice@example.org")
        subscribe_confirmed(db, smtp, "carol@example.org", {"channel_kinds": ["portal"]})
        subscribe_confirmed(db, smtp, "bob@example.org", {"bodies": [AMERSFOORT]})
        mailer.subscribe(db, "dave@example.org", {}, settings=smtp.settings)  # never confirmed
    before_subscribing = {e.id for e in db.events()}
    with at("2026-03-03"):  # week 10
        publish(db, "gmb-2026-200", NEW, published="2026-02-10")
        publish(db, "gmb-2026-9", extraction("Aanwijzingsbesluit Amersfoort", [channel("portal", auth=["digid"])],
                                            effective_date="2026-04-01", code=AMERSFOORT), body=AMERSFOORT)
        registry_update.update(db, PIPELINE)
        smtp.messages.clear()
        report = mailer.send_digests(db, smtp.settings, base_url=BASE)
    assert (report.sent, report.failed, report.skipped) == (3, 0, 0)
    assert smtp.to("dave@example.org") == []

    (mail,) = smtp.to("alice@example.org")
    ledger = db.deliveries(alice["id"])
    assert [d.status for d in ledger] == ["sent"]
    assert mail["Message-ID"].strip() == ledger[0].message_id
    assert mail["List-Unsubscribe"] == f"<{BASE}/abonneren/opzeggen/{alice['unsubscribe_token']}>"
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert mail["From"] == "Kanaalwijzer <wijzigingen@kanaalwijzer.test>"
    assert mail["Subject"].startswith("Kanaalwijzer: ") and "(week 2026-W10)" in mail["Subject"]
    sent_ids = {int(i) for i in mail["X-Kanaalwijzer-Events"].split(",")}
    assert sent_ids and not sent_ids & before_subscribing
    assert sent_ids == {e.id for e in db.events()} - before_subscribing
    text = mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    assert "Gemeente Utrecht: e-mail niet langer aangewezen voor bezwaarschriften per 1 maart 2026" in text
    assert "Gemeente Amersfoort" in text and "Gemeente Amersfoort" in html
    assert f"{BASE}/abonneren/opzeggen/{alice['unsubscribe_token']}" in html

    bob_text = smtp.to("bob@example.org")[0].get_body(("plain",)).get_content()
    assert "Gemeente Amersfoort" in bob_text and "Gemeente Utrecht" not in bob_text
    carol_text = smtp.to("carol@example.org")[0].get_body(("plain",)).get_content()
    assert "persoonlijke internetomgeving aangewezen" in carol_text and "e-mail niet langer" not in carol_text

    # a second send delivers nothing
    with at("2026-03-04"):
        again = mailer.send_digests(db, smtp.settings, base_url=BASE)
    assert (again.sent, again.skipped) == (0, 3) and len(smtp.messages) == 3

    # the one-click unsubscribe link works (RFC 8058 POST), and alice gets nothing more
    response = app.test_client().post(urlsplit(mail["List-Unsubscribe"].strip("<>")).path,
                                      data={"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    with at("2026-03-10"):
        withdrawal = extraction("Intrekking", [], classification="not_designation",
                                effective_date="2026-04-01", withdraws=["gmb-2026-200"])
        publish(db, "gmb-2026-300", withdrawal, published="2026-03-09")
        assert registry_update.update(db, PIPELINE)
        smtp.messages.clear()
        third = mailer.send_digests(db, smtp.settings, base_url=BASE)
    assert smtp.to("alice@example.org") == []
    assert third.sent == 0  # bob (Amersfoort) and carol (portal) have nothing new either


def _cli(db, smtp, *args) -> subprocess.Popen:
    env = dict(os.environ, KANAALWIJZER_DB=str(db.path), KANAALWIJZER_SMTP_HOST="127.0.0.1",
               KANAALWIJZER_SMTP_PORT=str(smtp.port), KANAALWIJZER_SMTP_SECURITY="none",
               KANAALWIJZER_BASE_URL=BASE)
    return subprocess.Popen([sys.executable, "-m", "kanaalwijzer.cli", "digest", "--send", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _three_subscribers_with_news(db, smtp) -> list[str]:
    emails = ["a@example.org", "b@example.org", "c@example.org"]
    with at("2026-02-24"):
        for email in emails:
            subscribe_confirmed(db, smtp, email)
    with at("2026-03-03"):
        publish(db, "gmb-2025-100", OLD)
        registry_update.update(db, PIPELINE)
    smtp.messages.clear()
    smtp.mail_commands = 0
    return emails


def test_send_killed_half_way_and_rerun_delivers_each_message_exactly_once(db, smtp):
    emails = _three_subscribers_with_news(db, smtp)
    smtp.kill_at_mail = 2  # the second message: after the first is accepted and recorded
    first = _cli(db, smtp, "--week", "2026-W10")
    smtp.kill_pid = first.pid
    first.wait(timeout=60)
    assert first.returncode == -signal.SIGKILL
    assert len(smtp.messages) == 1
    assert Counter(d.status for d in db.deliveries()) == {"sent": 1, "sending": 1}

    smtp.kill_pid = None
    second = _cli(db, smtp, "--week", "2026-W10")
    out, err = second.communicate(timeout=60)
    assert second.returncode == 0, err
    assert "2 verstuurd (1 na onderbreking)" in out
    assert Counter(m["To"] for m in smtp.messages) == Counter(emails)
    claimed = {d.message_id for d in db.deliveries()}
    assert {m["Message-ID"].strip() for m in smtp.messages} == claimed

    third = _cli(db, smtp, "--week", "2026-W10")
    out, _ = third.communicate(timeout=60)
    assert out.startswith("0 verstuurd") and len(smtp.messages) == 3


def test_exception_between_messages_then_rerun_sends_the_rest_once(db, smtp):
    emails = _three_subscribers_with_news(db, smtp)

    def crash(sent):
        raise KeyboardInterrupt("operator pressed ctrl-c")

    with pytest.raises(KeyboardInterrupt):
        mailer.send_digests(db, smtp.settings, week="2026-W10", base_url=BASE, progress=crash)
    assert len(smtp.messages) == 1
    report = mailer.send_digests(db, smtp.settings, week="2026-W10", base_url=BASE)
    assert report.sent == 2
    assert Counter(m["To"] for m in smtp.messages) == Counter(emails)


def test_events_after_the_digest_week_wait_for_the_next_one(db, smtp):
    with at("2026-03-02"):
        subscribe_confirmed(db, smtp, "a@example.org")
    with at("2026-03-10"):  # week 11
        publish(db, "gmb-2025-100", OLD)
        registry_update.update(db, PIPELINE)
    smtp.messages.clear()
    assert mailer.send_digests(db, smtp.settings, week="2026-W10", base_url=BASE).sent == 0
    assert mailer.send_digests(db, smtp.settings, week="2026-W11", base_url=BASE).sent == 1


# -- TLS and credentials, from the same settings the environment gives ------------------------------
def _self_signed(tmp_path):
    """A certificate for 127.0.0.1, made here; the client trusts exactly this one."""
    import datetime as dt
    import ipaddress
    import ssl

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server.load_cert_chain(cert_file, key_file)
    client = ssl.create_default_context(cafile=str(cert_file))
    return server, client


class _Credentials:
    def __init__(self):
        self.logins = []

    def __call__(self, server, session, envelope, mechanism, auth_data):
        from aiosmtpd.smtp import AuthResult
        self.logins.append((mechanism, auth_data.login, session.ssl is not None))
        return AuthResult(success=auth_data.login == b"kw" and auth_data.password == b"geheim")


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_tls_and_login_from_environment_settings(db, tmp_path, monkeypatch, security):
    server_context, client_context = _self_signed(tmp_path)
    inbox, credentials, port = Inbox(), _Credentials(), free_port()
    if security == "starttls":
        controller = Controller(inbox, hostname="127.0.0.1", port=port, tls_context=server_context,
                                require_starttls=True, authenticator=credentials, auth_require_tls=True)
    else:
        controller = Controller(inbox, hostname="127.0.0.1", port=port, ssl_context=server_context,
                                authenticator=credentials, auth_require_tls=False)
    controller.start()
    try:
        for name, value in {"HOST": "127.0.0.1", "PORT": str(port), "SECURITY": security, "USER": "kw",
                            "PASSWORD": "geheim", "FROM": "wijzigingen@kanaalwijzer.test"}.items():
            monkeypatch.setenv(f"KANAALWIJZER_SMTP_{name}", value)
        settings = mailer.SmtpSettings(ssl_context=client_context, timeout=5)
        assert (settings.port, settings.security, settings.user) == (port, security, "kw")
        mailer.subscribe(db, "alice@example.org", {}, settings=settings)
        assert len(inbox.messages) == 1 and credentials.logins[0][1] == b"kw"
        if security == "starttls":  # the login happened inside the upgraded connection
            assert credentials.logins[0][2]

        monkeypatch.setenv("KANAALWIJZER_SMTP_PASSWORD", "fout")
        with pytest.raises(mailer.MailError) as refused:
            mailer.subscribe(db, "bob@example.org", {}, settings=mailer.SmtpSettings(ssl_context=client_context,
                                                                                      timeout=5))
        assert isinstance(refused.value.__cause__, smtplib.SMTPException)
        assert len(inbox.messages) == 1
        assert [s.email for s in db.subscriptions()] == ["alice@example.org"]
    finally:
        controller.stop()


def test_bad_security_setting_is_refused(monkeypatch):
    monkeypatch.setenv("KANAALWIJZER_SMTP_SECURITY", "ssl3")
    with pytest.raises(ValueError, match="KANAALWIJZER_SMTP_SECURITY"):
        mailer.SmtpSettings()


def test_subscribing_twice_is_one_subscription(db, smtp):
    first = mailer.subscribe(db, "alice@example.org", {"bodies": ["GM0344"]}, settings=smtp.settings)
    second = mailer.subscribe(db, "Alice@example.org", {"bodies": ["gm0344"]}, settings=smtp.settings)
    assert second["id"] == first["id"] and second["confirm_token"] == first["confirm_token"]
    assert len(smtp.messages) == 2  # the link is sent again
    assert mailer.confirm(db, first["confirm_token"])
    third = mailer.subscribe(db, "alice@example.org", {"bodies": ["GM0344"]}, settings=smtp.settings)
    assert third == {"id": first["id"], "email": "alice@example.org", "filters": {"bodies": ["GM0344"]},
                     "confirmed": True}
    assert len(smtp.messages) == 2
    other = mailer.subscribe(db, "alice@example.org", {"bodies": ["GM0307"]}, settings=smtp.settings)
    assert other["id"] != first["id"]


def test_smtp_server_down_fails_the_run_and_the_next_run_delivers(db, smtp, tmp_path):
    emails = _three_subscribers_with_news(db, smtp)
    down = mailer.SmtpSettings(host="127.0.0.1", port=free_port(), security="none", timeout=5)
    report = mailer.send_digests(db, down, week="2026-W10", base_url=BASE)
    assert (report.sent, report.failed) == (0, 1)
    assert smtp.messages == []
    assert mailer.send_digests(db, smtp.settings, week="2026-W10", base_url=BASE).sent == 3
    assert Counter(m["To"] for m in smtp.messages) == Counter(emails)
    # the message claimed during the failed run keeps its Message-ID when it is finally sent
    assert {m["Message-ID"].strip() for m in smtp.messages} == {d.message_id for d in db.deliveries()}
    assert sorted(m["Message-ID"].strip().rsplit("@", 1)[1] for m in smtp.messages) == \
        ["kanaalwijzer.test>", "kanaalwijzer.test>", "localhost>"]


def test_saved_search_subscription_is_validated_and_a_failing_search_spares_the_others(db, smtp):
    with pytest.raises(ValueError):
        mailer.subscribe(db, "q@example.org", {"query": '"open phrase'}, settings=smtp.settings)
    emails = _three_subscribers_with_news(db, smtp)
    with at("2026-03-03"):
        subscribe_confirmed(db, smtp, "zoeker@example.org", {"query": "webformulier"})
        publish(db, "gmb-2026-200", NEW, published="2026-02-10")
        registry_update.update(db, PIPELINE)
    smtp.messages.clear()

    def broken_search(query):
        raise ConnectionError("zoekindex onbereikbaar")

    report = mailer.send_digests(db, smtp.settings, week="2026-W10", base_url=BASE, search=broken_search)
    assert (report.sent, report.failed) == (3, 1)
    assert Counter(m["To"] for m in smtp.messages) == Counter(emails)
    report = mailer.send_digests(db, smtp.settings, week="2026-W10", base_url=BASE,
                                 search=lambda query: {"gmb-2026-200"})
    assert report.sent == 1 and smtp.messages[-1]["To"] == "zoeker@example.org"
