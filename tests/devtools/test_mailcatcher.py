"""The demo's mail catcher: a real SMTP server on the loopback that keeps what it receives in a
Maildir; the app's own mail code (mailer.subscribe over smtplib) delivers to it."""
from __future__ import annotations

import smtplib
from email.message import EmailMessage

from devtools.mailcatcher import MailCatcher
from kanaalwijzer import mailer


def test_a_subscription_mail_sent_by_the_app_lands_in_the_catchers_maildir(tmp_path, store, monkeypatch):
    with MailCatcher(tmp_path / "demo" / "post") as catcher:
        assert catcher.host == "127.0.0.1" and catcher.port
        for name, value in catcher.smtp_env().items():
            monkeypatch.setenv(name, value)
        result = mailer.subscribe(store, "lezer@example.org", {"bodies": ["GM0344"]},
                                  confirm_url="http://127.0.0.1:5000/abonneren/bevestigen/TOKEN")
        [message] = catcher.messages()
    assert message["To"] == "lezer@example.org"
    assert message["Subject"] == "Bevestig uw abonnement op Kanaalwijzer"
    assert f"http://127.0.0.1:5000/abonneren/bevestigen/{result['confirm_token']}" in message.get_payload(decode=True)\
        .decode()
    assert (tmp_path / "demo" / "post" / "new").is_dir(), "a Maildir, readable with the standard library"


def test_every_message_is_kept_whoever_it_is_for(tmp_path):
    with MailCatcher(tmp_path / "post") as catcher:
        with smtplib.SMTP(catcher.host, catcher.port, timeout=10) as client:
            for n in range(3):
                message = EmailMessage()
                message["From"], message["To"], message["Subject"] = "a@example.org", f"b{n}@example.net", f"nr {n}"
                message.set_content("hallo")
                client.send_message(message)
        assert sorted(m["Subject"] for m in catcher.messages()) == ["nr 0", "nr 1", "nr 2"]
