"""E-mail subscriptions and the send ledger.

A subscription is confirmed once (double opt-in) and from then on counts the events after
`start_event_id`. The ledger (`deliveries`) has one row per message, claimed ('sending') and
committed before SMTP, marked 'sent' after (kanaalwijzer.mailer tells why).
Tables: subscriptions_0002.sql.
"""
from __future__ import annotations

import json
import secrets
from dataclasses import dataclass

from ._db import Tables, decoded, now


@dataclass(frozen=True)
class Subscription:
    id: int
    email: str
    filters: dict  # bodies, provinces, channel_kinds, query
    confirm_token: str
    unsubscribe_token: str
    created_at: str
    confirmed_at: str | None
    start_event_id: int | None  # events with a higher id are news for this subscriber
    unsubscribed_at: str | None

    @classmethod
    def _of(cls, row) -> "Subscription":
        return cls(**decoded(row, filters={}))


@dataclass(frozen=True)
class Delivery:
    id: int
    subscription_id: int
    period: str  # ISO week the digest was sent for
    upto_event_id: int  # highest event id this message covers
    message_id: str
    event_ids: list[int]
    status: str  # sending | sent
    attempts: int
    created_at: str
    sent_at: str | None

    @classmethod
    def _of(cls, row) -> "Delivery":
        return cls(**decoded(row, event_ids=[]))


def _filters_json(filters: dict) -> str:
    return json.dumps(filters, ensure_ascii=False, sort_keys=True)


class SubscriptionTables(Tables):
    # -- subscriptions ----------------------------------------------------------------------
    def add_subscription(self, email: str, filters: dict) -> Subscription:
        """A new, unconfirmed subscription with fresh tokens."""
        cur = self._db.execute(
            "INSERT INTO subscriptions (email, filters_json, confirm_token, unsubscribe_token, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (email, _filters_json(filters), secrets.token_urlsafe(24), secrets.token_urlsafe(24), now()))
        return self.subscription(cur.lastrowid)

    def remove_subscription(self, subscription_id: int) -> None:
        """Forget a subscription that never got its confirmation mail (it has no deliveries)."""
        self._db.execute("DELETE FROM subscriptions WHERE id = ?", (subscription_id,))

    def subscription(self, subscription_id: int) -> Subscription | None:
        row = self._row("SELECT * FROM subscriptions WHERE id = ?", (subscription_id,))
        return Subscription._of(row) if row else None

    def open_subscription(self, email: str, filters: dict) -> Subscription | None:
        """The newest subscription of this address (any case) with these filters, not unsubscribed."""
        row = self._row(
            "SELECT * FROM subscriptions WHERE email = ? COLLATE NOCASE AND filters_json = ? AND unsubscribed_at IS NULL"
            " ORDER BY id DESC LIMIT 1", (email, _filters_json(filters)))
        return Subscription._of(row) if row else None

    def subscriptions(self) -> list[Subscription]:
        return [Subscription._of(r) for r in self._rows("SELECT * FROM subscriptions ORDER BY id")]

    def active_subscriptions(self) -> list[Subscription]:
        """Confirmed and not unsubscribed."""
        return [Subscription._of(r) for r in self._rows(
            "SELECT * FROM subscriptions WHERE confirmed_at IS NOT NULL AND unsubscribed_at IS NULL ORDER BY id")]

    def confirm_subscription(self, confirm_token: str) -> bool:
        """Activate it from the newest event on; repeating is harmless. False: unknown or unsubscribed."""
        with self.transaction():
            row = self._row("SELECT id, confirmed_at, unsubscribed_at FROM subscriptions WHERE confirm_token = ?",
                            (confirm_token,))
            if not row or row["unsubscribed_at"]:
                return False
            if not row["confirmed_at"]:
                self._db.execute(
                    "UPDATE subscriptions SET confirmed_at = ?, start_event_id = (SELECT COALESCE(MAX(id), 0) FROM events)"
                    " WHERE id = ?", (now(), row["id"]))
            return True

    def unsubscribe(self, unsubscribe_token: str) -> bool:
        """False when the token is unknown; unsubscribing twice is harmless."""
        row = self._row("SELECT id, unsubscribed_at FROM subscriptions WHERE unsubscribe_token = ?",
                        (unsubscribe_token,))
        if not row:
            return False
        if not row["unsubscribed_at"]:
            self._db.execute("UPDATE subscriptions SET unsubscribed_at = ? WHERE id = ?", (now(), row["id"]))
        return True

    # -- deliveries -------------------------------------------------------------------------
    def unsent_delivery(self, subscription_id: int) -> Delivery | None:
        """A message claimed but not yet sent (a run stopped between claim and send)."""
        row = self._row("SELECT * FROM deliveries WHERE subscription_id = ? AND status = 'sending'"
                        " ORDER BY id LIMIT 1", (subscription_id,))
        return Delivery._of(row) if row else None

    def last_delivered_event(self, subscription_id: int) -> int:
        """The highest event id any message to this subscriber covered (0: none yet)."""
        return self._value("SELECT COALESCE(MAX(upto_event_id), 0) FROM deliveries WHERE subscription_id = ?",
                           (subscription_id,))

    def claim_delivery(self, subscription_id: int, period: str, message_id: str, event_ids: list[int]) -> Delivery:
        cur = self._db.execute(
            "INSERT INTO deliveries (subscription_id, period, upto_event_id, message_id, event_ids_json, status,"
            " created_at) VALUES (?, ?, ?, ?, ?, 'sending', ?)",
            (subscription_id, period, max(event_ids), message_id, json.dumps(event_ids), now()))
        return self.delivery(cur.lastrowid)

    def count_attempt(self, delivery_id: int) -> Delivery:
        self._db.execute("UPDATE deliveries SET attempts = attempts + 1 WHERE id = ?", (delivery_id,))
        return self.delivery(delivery_id)

    def mark_sent(self, delivery_id: int) -> None:
        self._db.execute("UPDATE deliveries SET status = 'sent', sent_at = ? WHERE id = ?", (now(), delivery_id))

    def delivery(self, delivery_id: int) -> Delivery | None:
        row = self._row("SELECT * FROM deliveries WHERE id = ?", (delivery_id,))
        return Delivery._of(row) if row else None

    def deliveries(self, subscription_id: int | None = None) -> list[Delivery]:
        return [Delivery._of(r) for r in self._rows(
            "SELECT * FROM deliveries WHERE ? IS NULL OR subscription_id = ? ORDER BY id",
            (subscription_id, subscription_id))]
