"""A local mail catcher for the offline demo: a real SMTP server (aiosmtpd) on the loopback that
keeps every message it receives in a Maildir instead of delivering it.

`kanaalwijzer demo` starts one, points the app's SMTP settings at it and tells the app where the
Maildir is (KANAALWIJZER_DEMO_MAILBOX); the app's demo-only page /demo/post reads that folder with
the standard library, so the app never imports this module. Nothing leaves the machine: the server
listens on 127.0.0.1 only and accepts any recipient.
"""
from __future__ import annotations

import logging
import mailbox
import socket
from pathlib import Path

from aiosmtpd.controller import Controller

log = logging.getLogger(__name__)


class _KeepInMaildir:
    def __init__(self, folder: Path):
        folder.parent.mkdir(parents=True, exist_ok=True)
        self.maildir = mailbox.Maildir(folder, create=True)

    async def handle_DATA(self, server, session, envelope):
        # Maildir.add writes to tmp/ and renames into new/: a reader never sees half a message.
        self.maildir.add(envelope.original_content or envelope.content)
        log.info("demo-post: bericht aan %s bewaard", ", ".join(envelope.rcpt_tos))
        return "250 Bewaard in de demo-postbus"


class MailCatcher:
    """`with MailCatcher(folder) as catcher:` an SMTP server on catcher.host:catcher.port."""

    def __init__(self, folder: Path, host: str = "127.0.0.1", port: int = 0):
        self.folder = Path(folder)
        self.host = host
        self.port = port or _free_port(host)
        self._controller = Controller(_KeepInMaildir(self.folder), hostname=host, port=self.port,
                                      server_hostname="kanaalwijzer-demo", ready_timeout=10)

    def smtp_env(self) -> dict[str, str]:
        """The app's mail settings (kanaalwijzer.mailer.SmtpSettings) for this catcher."""
        return {"KANAALWIJZER_SMTP_HOST": self.host, "KANAALWIJZER_SMTP_PORT": str(self.port),
                "KANAALWIJZER_SMTP_SECURITY": "none", "KANAALWIJZER_SMTP_USER": "", "KANAALWIJZER_SMTP_PASSWORD": "",
                "KANAALWIJZER_DEMO_MAILBOX": str(self.folder)}

    def messages(self) -> list:
        return list(mailbox.Maildir(self.folder, create=False))

    def __enter__(self) -> MailCatcher:
        self._controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self._controller.stop()


def _free_port(host: str) -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]
