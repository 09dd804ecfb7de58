"""E-mail subscriptions and digest delivery over SMTP, with a ledger so nothing is sent twice.

Subscriptions: `subscribe` stores the address and its filters and mails a confirmation link
(double opt-in); `confirm` activates it and sets its starting point, so the first digest holds
only events recorded after confirmation; `unsubscribe` is the one-click target of the
List-Unsubscribe header (RFC 8058: List-Unsubscribe-Post).

Delivery (`send_digests`), exactly once per message:
1. Claim: a `deliveries` row with status 'sending', the event ids it covers and a fixed
   Message-ID is committed *before* talking to SMTP.
2. Send over SMTP; 3. mark the row 'sent' and commit, one message at a time.
A run killed between messages loses nothing and repeats nothing: sent rows are done, the
claimed-but-unsent row is sent by the next run with the same content and the same Message-ID.
The one window left is a kill after the server accepted the message (250 after DATA) but before
step 3 commits (microseconds). The rerun then delivers it again *with the same Message-ID*, which
mail systems and clients use to drop duplicates. We choose that over the alternative (marking
sent before SMTP) because that one can lose an alert silently.
"""
from __future__ import annotations

import logging
import os
import re
import smtplib
import ssl
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid

from . import digest as digests
from . import events as ev
from . import vocabulary as vocab
from .config import load_config
from .store import AMSTERDAM, Delivery, Store, Subscription

log = logging.getLogger(__name__)


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value else default

_EMAIL = re.compile(r"^[^@\s<>()\[\],;:\"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+$")
SECURITY = ("none", "starttls", "tls")


class MailError(ValueError):
    """Mail could not be sent (a ValueError, so a form can show the message)."""


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to send: KANAALWIJZER_SMTP_HOST, _PORT, _SECURITY (none|starttls|tls), _USER,
    _PASSWORD, _FROM. No host means mail is not configured."""
    host: str | None = field(default_factory=lambda: _env("KANAALWIJZER_SMTP_HOST"))
    port: int = field(default_factory=lambda: int(_env("KANAALWIJZER_SMTP_PORT", "0")))
    security: str = field(default_factory=lambda: _env("KANAALWIJZER_SMTP_SECURITY", "starttls"))
    user: str | None = field(default_factory=lambda: _env("KANAALWIJZER_SMTP_USER"))
    password: str | None = field(default_factory=lambda: _env("KANAALWIJZER_SMTP_PASSWORD"))
    sender: str = field(default_factory=lambda: _env("KANAALWIJZER_SMTP_FROM", "kanaalwijzer@localhost"))
    timeout: float = 30.0
    ssl_context: ssl.SSLContext | None = field(default=None, compare=False)

    def __post_init__(self):
        if self.security not in SECURITY:
            raise ValueError(f"KANAALWIJZER_SMTP_SECURITY moet een van {', '.join(SECURITY)} zijn")
        if not self.port:
            object.__setattr__(self, "port", {"none": 25, "starttls": 587, "tls": 465}[self.security])

    def connect(self) -> smtplib.SMTP:
        if not self.host:
            raise RuntimeError("Geen SMTP-server ingesteld (KANAALWIJZER_SMTP_HOST)")
        context = self.ssl_context or ssl.create_default_context()
        if self.security == "tls":
            client = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
        else:
            client = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
            if self.security == "starttls":
                client.starttls(context=context)
        if self.user:
            client.login(self.user, self.password or "")
        return client


# -- subscriptions -----------------------------------------------------------------------------------
def _clean_filters(filters: dict | None) -> dict:
    clean = digests.Filters.of(filters).as_dict()
    unknown = set(clean.get("channel_kinds", [])) - set(vocab.CHANNEL_KINDS)
    if unknown:
        raise ValueError(f"Onbekend kanaal: {', '.join(sorted(unknown))}")
    if clean.get("query"):
        from .search import parse_query
        parse_query(clean["query"])  # a QueryError (a ValueError) says in Dutch what to change
    return clean


def subscribe(store: Store, email: str, filters: dict | None = None, *, confirm_url: str | None = None,
              settings: SmtpSettings | None = None) -> dict:
    """Store a subscription (unconfirmed) and mail its confirmation link.

    `confirm_url` may hold the placeholder TOKEN (the web app passes its own route); by default
    the link is KANAALWIJZER_BASE_URL/abonneren/bevestigen/<token>. Without an SMTP server the
    link is logged instead, so a development setup still works.
    """
    email = (email or "").strip()
    if len(email) > 254 or not _EMAIL.match(email):
        raise ValueError("Dit is geen geldig e-mailadres.")
    clean = _clean_filters(filters)
    # The same address with the same filters is one subscription: asking again re-sends the link.
    existing = store.open_subscription(email, clean)
    if existing and existing.confirmed_at:
        return {"id": existing.id, "email": existing.email, "filters": clean, "confirmed": True}
    subscription = existing or store.add_subscription(email, clean)
    link = (confirm_url or f"{load_config().base_url}/abonneren/bevestigen/TOKEN").replace(
        "TOKEN", subscription.confirm_token)
    settings = settings or SmtpSettings()
    message = EmailMessage()
    message["Subject"] = "Bevestig uw abonnement op Kanaalwijzer"
    message["From"] = formataddr(("Kanaalwijzer", settings.sender))
    message["To"] = email
    message["Message-ID"] = make_msgid("bevestigen", _domain(settings.sender))
    message["Date"] = format_datetime(datetime.now(AMSTERDAM))
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(
        "U (of iemand anders) vroeg wekelijkse berichten aan over wijzigingen in aanwijzingsbesluiten"
        f" elektronische kanalen{_describe(clean)}.\n\nBevestig met deze link:\n{link}\n\n"
        "Deed u dit niet, dan hoeft u niets te doen: zonder bevestiging sturen we niets.\n")
    if settings.host:
        try:
            with settings.connect() as client:
                client.send_message(message)
        except (smtplib.SMTPException, OSError) as exc:
            if not existing:  # no confirmation mail, no subscription: the visitor can simply try again
                store.remove_subscription(subscription.id)
            log.error("bevestigingsmail aan %s niet verstuurd: %s", email, exc)
            raise MailError("De bevestigingsmail kon niet worden verstuurd; probeer het later opnieuw.") from exc
    else:
        log.warning("geen SMTP-server ingesteld; bevestigingslink voor %s: %s", email, link)
    return {"id": subscription.id, "email": email, "filters": clean, "confirmed": False,
            "confirm_token": subscription.confirm_token, "unsubscribe_token": subscription.unsubscribe_token,
            "confirm_url": link}


def confirm(store: Store, token: str) -> bool:
    """Activate a subscription; from now on its events count. Repeating the click is harmless."""
    return store.confirm_subscription(token)


def unsubscribe(store: Store, token: str) -> bool:
    return store.unsubscribe(token)


def _describe(filters: dict) -> str:
    parts = []
    if filters.get("bodies"):
        parts.append(", ".join(ev.body_label(b) for b in filters["bodies"]))
    if filters.get("provinces"):
        parts.append("provincie " + ", ".join(filters["provinces"]))
    if filters.get("channel_kinds"):
        parts.append("kanaal " + vocab.channel_list(filters["channel_kinds"]))
    if filters.get("query"):
        parts.append(f"zoekvraag ‘{filters['query']}’")
    return f" ({'; '.join(parts)})" if parts else ""


def _domain(address: str) -> str:
    return address.rsplit("@", 1)[-1] if "@" in address else "localhost"


# -- sending ---------------------------------------------------------------------------------------
@dataclass
class SendReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    skipped: int = 0  # active subscriptions with nothing new


def send_digests(store: Store, settings: SmtpSettings | None = None, *, week: str | None = None,
                 base_url: str | None = None, search: Callable[[str], Iterable[str]] | None = None,
                 progress: Callable[[dict], None] | None = None) -> SendReport:
    """Send every confirmed subscriber one message with their events not yet sent (see module doc).

    `week` (ISO) labels the digest and bounds it: events seen after that week wait for the next.
    """
    settings = settings or SmtpSettings()
    base = (base_url or load_config().base_url).rstrip("/")
    week = week or vocab.iso_week()
    report = SendReport()
    client: smtplib.SMTP | None = None
    try:
        for sub in store.active_subscriptions():
            try:
                delivery = _claim(store, sub, week, search, _domain(settings.sender))
            except Exception as exc:  # noqa: BLE001 - e.g. the search backend behind a saved search
                log.error("digest voor abonnement %s niet samengesteld: %s", sub.id, exc)
                report.failed += 1
                continue
            if delivery is None:
                report.skipped += 1
                continue
            message = _message(store, sub, delivery, settings, base)
            if client is None:
                try:
                    client = settings.connect()
                except (smtplib.SMTPException, OSError) as exc:
                    log.error("geen verbinding met de SMTP-server %s:%s: %s", settings.host, settings.port, exc)
                    report.failed += 1
                    break
            try:
                client.send_message(message)
            except smtplib.SMTPRecipientsRefused as exc:
                log.error("%s geweigerd door de SMTP-server: %s; volgende run opnieuw", sub.email, exc)
                report.failed += 1
                continue
            except (smtplib.SMTPException, OSError) as exc:
                # the connection is unusable; the claimed message is retried by the next run
                log.error("versturen aan %s mislukt, run gestopt: %s", sub.email, exc)
                report.failed += 1
                break
            store.mark_sent(delivery.id)
            report.sent += 1
            report.retried += delivery.attempts > 1
            if progress:
                progress({"email": sub.email, "message_id": delivery.message_id, "events": delivery.event_ids})
    finally:
        if client is not None:
            try:
                client.quit()
            except smtplib.SMTPException:
                pass
    return report


def _claim(store: Store, sub: Subscription, week: str, search, domain: str) -> Delivery | None:
    """The delivery to send now: an unfinished one (retry, same content), else a new one, committed."""
    with store.transaction():
        delivery = store.unsent_delivery(sub.id)
        if delivery is None:
            start = max(store.last_delivered_event(sub.id), sub.start_event_id or 0)
            found = digests.select(store, store.events_after(start, seen_until_week=week), sub.filters,
                                   search=search)
            if not found:
                return None
            delivery = store.claim_delivery(sub.id, week, make_msgid(f"digest.{sub.id}.{week}", domain),
                                            [e.id for e in found])
        return store.count_attempt(delivery.id)


def _message(store: Store, sub: Subscription, delivery: Delivery, settings: SmtpSettings, base: str) -> EmailMessage:
    ids = delivery.event_ids
    found = store.events_by_id(ids)
    start, end = vocab.week_bounds(delivery.period)
    digest = digests.Digest(delivery.period, start, end, sub.filters, found)
    unsubscribe_url = f"{base}/abonneren/opzeggen/{sub.unsubscribe_token}"
    heading = f"Kanaalwijzer: {len(found)} wijziging{'en' if len(found) != 1 else ''} (week {delivery.period})"
    message = EmailMessage()
    message["Subject"] = heading
    message["From"] = formataddr(("Kanaalwijzer", settings.sender))
    message["To"] = sub.email
    message["Message-ID"] = delivery.message_id
    message["Date"] = format_datetime(datetime.now(AMSTERDAM))
    message["List-Id"] = f"Kanaalwijzer wijzigingen <wijzigingen.{_domain(settings.sender)}>"
    message["List-Unsubscribe"] = f"<{unsubscribe_url}>"
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message["Auto-Submitted"] = "auto-generated"
    message["X-Kanaalwijzer-Events"] = ",".join(str(i) for i in ids)
    message.set_content(digests.render(digest, "txt", base_url=base, unsubscribe_url=unsubscribe_url, heading=heading))
    message.add_alternative(digests.render(digest, "html", base_url=base, unsubscribe_url=unsubscribe_url,
                                           heading=heading), subtype="html")
    return message
