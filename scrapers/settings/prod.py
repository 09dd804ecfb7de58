"""Production (`kanaalwijzer harvest --settings prod`): the base settings with larger SRU pages,
so a full harvest asks KOOP fewer times, and quieter logs (only what differs).

Through `kanaalwijzer`, the verbosity flag (-v) decides the log level; LOG_LEVEL here applies to
`scrapy` commands run by hand with SCRAPY_SETTINGS_MODULE=scrapers.settings.prod.
"""
from . import base, uppercase

globals().update(uppercase(base))

HARVEST_PAGE_SIZE = 500
LOG_LEVEL = "WARNING"
