"""Demo-only: the mail the app sent, as the demo's local mail catcher caught it (/demo/post).

Mounted only when the app runs in the demo (`kanaalwijzer demo` sets KANAALWIJZER_DEMO_MAILBOX to
its catcher's Maildir; `serve --production` refuses to start with it). It lets a newcomer try the
double opt-in end to end: subscribe, read the confirmation mail here, follow its link. The folder
is read with the standard library; messages are shown as plain text, escaped, with their web
links made clickable.
"""
from __future__ import annotations

import mailbox
import re
from email import policy
from email.parser import BytesParser
from email.utils import parsedate_to_datetime

from flask import Blueprint
from markupsafe import Markup, escape

from ..render import respond
from ..resources import config

bp = Blueprint("demo", __name__, url_prefix="/demo")

SHOWN = 50  # newest messages on the page
_URL = re.compile(r"https?://[^\s<>\"']+")


def linkify(text: str) -> Markup:
    """Plain text, escaped, with every http(s) URL as a link (a trailing full stop is no part of it)."""
    out, last = [], 0
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(".,;:)")
        out += [escape(text[last:match.start()]), Markup('<a href="{0}">{0}</a>').format(url)]
        last = match.start() + len(url)
    out.append(escape(text[last:]))
    return Markup("").join(out)


def _read(key: str, message) -> dict:
    parsed = BytesParser(policy=policy.default).parsebytes(message.as_bytes())
    body = parsed.get_body(preferencelist=("plain",))
    try:
        sent = parsedate_to_datetime(parsed["Date"]).isoformat() if parsed["Date"] else None
    except (TypeError, ValueError):
        sent = None
    return {"id": key, "from": str(parsed["From"] or ""), "to": str(parsed["To"] or ""),
            "subject": str(parsed["Subject"] or "(geen onderwerp)"), "date": sent,
            "text": body.get_content() if body is not None else "(geen tekstversie)"}


def caught() -> list[dict]:
    folder = config().demo_mailbox
    if folder is None or not (folder / "cur").is_dir():
        return []
    box = mailbox.Maildir(folder, create=False)
    messages = [_read(key, message) for key, message in box.iteritems()]
    messages.sort(key=lambda m: (m["date"] or "", m["id"]), reverse=True)
    return messages[:SHOWN]


@bp.get("/post")
def post():
    messages = caught()
    return respond("demo/post.html", {"messages": messages}, title="Demo-postbus", messages=messages,
                   linkify=linkify)
