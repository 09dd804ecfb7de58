"""Scrapy settings as a package: `base` holds the polite defaults, `prod` only what differs.

`kanaalwijzer harvest --settings base|prod` (or KANAALWIJZER_SCRAPY_SETTINGS) chooses the module;
scrapy.cfg points here (base), for `scrapy` commands run by hand.
Settings are copied by name (Scrapy reads the module's upper-case attributes), not star-imported.
"""
from . import base


def uppercase(module) -> dict:
    return {name: getattr(module, name) for name in dir(module) if name.isupper()}


globals().update(uppercase(base))
