"""The domain vocabulary: every code the data uses with its one Dutch name, the gazettes and their
identifiers, and Dutch dates and ISO weeks. Pages, digests, feeds, mail, exports and the CLI take
their words from here and nowhere else (a test renders them all and compares).

    from kanaalwijzer import vocabulary as vocab
    vocab.channel_label("portal")          # 'persoonlijke internetomgeving'
    vocab.label(vocab.BODY_STATUSES, "in_force", capital=True)
    vocab.short_reference("gmb-2025-552188")  # 'Gmb. 2025, 552188'
    vocab.dutch_date("2026-01-01")         # '1 januari 2026'
"""
from __future__ import annotations

from .codes import (ALL_MESSAGES, ANSWER_STATUSES, AUTH_METHODS, BODY_STATUSES, BODY_TYPES, BODY_TYPES_PLURAL,
    CHANNEL_KINDS, CHANNEL_KIND_ALIASES, CHANNEL_STATUSES, CVDR, DESIGNATION_REGIMES, EVENT_KINDS, FACETS,
    GEMEENSCHAPPELIJKE_REGELING, GEMEENTE, HARVEST_STATUSES, INDEX_REGIME, INDEX_REGIMES, LEGAL_STATUSES,
    LEGAL_STATUSES_BY, OP, ORGANISATION_TYPES, PROVINCIE, REGIMES, REGIME_ALIASES, RIJK, SOURCES, SOURCE_ALIASES,
    WATERSCHAP, ZBO, capfirst, channel_label, channel_list, label, list_of, regime_label)
from .dates import (AMSTERDAM, MONTHS, MONTH_NUMBERS, dutch_date, dutch_datetime, iso_week, parse_week, shift_week,
    to_date, week_bounds)
from .publications import (CVDR_ID, DECENTRAL_GAZETTES, GAZETTES, GAZETTE_BY_NAME, GAZETTE_ID, GAZETTE_WORDS,
    Gazette, PUBLICATION_ID, gazette_of, harvest_key, harvest_label, short_reference, source_of)

__all__ = ["ALL_MESSAGES", "AMSTERDAM", "ANSWER_STATUSES", "AUTH_METHODS", "BODY_STATUSES", "BODY_TYPES",
    "BODY_TYPES_PLURAL", "CHANNEL_KINDS", "CHANNEL_KIND_ALIASES", "CHANNEL_STATUSES", "CVDR", "CVDR_ID",
    "DECENTRAL_GAZETTES", "DESIGNATION_REGIMES", "EVENT_KINDS", "FACETS", "GAZETTES", "GAZETTE_BY_NAME",
    "GAZETTE_ID", "GAZETTE_WORDS", "GEMEENSCHAPPELIJKE_REGELING", "GEMEENTE", "Gazette", "HARVEST_STATUSES",
    "INDEX_REGIME", "INDEX_REGIMES", "LEGAL_STATUSES", "LEGAL_STATUSES_BY", "MONTHS", "MONTH_NUMBERS", "OP",
    "ORGANISATION_TYPES", "PROVINCIE", "PUBLICATION_ID", "REGIMES", "REGIME_ALIASES", "RIJK", "SOURCES",
    "SOURCE_ALIASES", "WATERSCHAP", "ZBO", "capfirst", "channel_label", "channel_list", "dutch_date",
    "dutch_datetime", "gazette_of", "harvest_key", "harvest_label", "iso_week", "label", "list_of", "parse_week",
    "regime_label", "shift_week", "short_reference", "source_of", "to_date", "week_bounds"]
