"""Scrapy settings as a package: `base` holds the polite defaults, `prod` only what differs.

scrapy.cfg points here (base). Production: SCRAPY_SETTINGS_MODULE=scrapers.settings.prod.
Settings are copied by name (Scrapy reads the module's upper-case attributes), not star-imported.
"""
from . import base


def uppercase(module) -> dict:
    return {name: getattr(module, name) for name in dir(module) if name.isupper()}


globals().update(uppercase(base))
