"""Dates and weeks as a Dutch reader writes them, from the CLDR data in babel (no month tables of
our own), and the ISO weeks the digests are cut in. Everything is in Amsterdam time.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime, get_month_names

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
LOCALE = "nl_NL"

MONTHS = tuple(get_month_names("wide", locale=LOCALE)[m] for m in range(1, 13))  # januari .. december
# Every way a Dutch text names a month, lower case, for parsers: 'januari', 'jan', 'mrt', 'sept'.
MONTH_NUMBERS = {
    **{name: number for number, name in get_month_names("abbreviated", locale=LOCALE).items()},
    "sept": 9,  # common in decisions, not in CLDR
    **{name: number for number, name in get_month_names("wide", locale=LOCALE).items()},
}


def to_date(value) -> date | None:
    """A date from a date, a datetime or an ISO string (a timestamp's date part); None otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _long(day: date) -> str:
    return format_date(day, "d MMMM y", locale=LOCALE)


def dutch_date(value, default: str | None = None) -> str | None:
    """'2026-01-01' -> '1 januari 2026'; `default` when there is no date."""
    day = to_date(value)
    return _long(day) if day else default


def dutch_datetime(value, default: str | None = None) -> str | None:
    """A timestamp in Amsterdam time: '29 november 2026, 22:10' (a naive one is taken as it is)."""
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value))
        except ValueError:
            return default
    if moment.tzinfo is not None:
        moment = moment.astimezone(AMSTERDAM)
    return format_datetime(moment, "d MMMM y, HH:mm", locale=LOCALE)


def today() -> date:
    return datetime.now(AMSTERDAM).date()


# -- ISO weeks ('2026-W10') --------------------------------------------------------------------------
_WEEK = re.compile(r"(\d{4})-?[Ww](\d{1,2})")


def iso_week(value=None) -> str:
    """The ISO week of a date, datetime or ISO timestamp (default: today in Amsterdam)."""
    day = to_date(value) if value is not None else today()
    if day is None:
        raise ValueError(f"'{value}' is geen datum")
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def parse_week(value: str) -> str:
    """'2026-W10' (also '2026-w10', '2026W10', '2026-W1') as '2026-W10'; a Dutch ValueError otherwise."""
    match = _WEEK.fullmatch(str(value or "").strip())
    if not match:
        raise ValueError(f"'{value}' is geen ISO-week; gebruik de vorm 2026-W10.")
    year, week = int(match[1]), int(match[2])
    if not 1 <= year <= 9998:
        raise ValueError(f"'{value}' is geen ISO-week; het jaar {year} kennen we niet.")
    weeks = date(year, 12, 28).isocalendar()[1]  # 28 December always lies in the year's last week
    if not 1 <= week <= weeks:
        raise ValueError(f"{year}-W{week:02d} is geen bestaande ISO-week: {year} heeft {weeks} weken.")
    return f"{year}-W{week:02d}"


def week_bounds(week: str) -> tuple[date, date]:
    """'2026-W10' -> (its Monday, its Sunday)."""
    year, number = (int(part) for part in parse_week(week).split("-W"))
    return date.fromisocalendar(year, number, 1), date.fromisocalendar(year, number, 7)


def shift_week(week: str, weeks: int) -> str:
    """The week `weeks` before (negative) or after this one."""
    return iso_week(week_bounds(week)[0] + timedelta(weeks=weeks))
