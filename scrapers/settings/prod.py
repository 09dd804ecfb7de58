"""Production: the base settings with a larger SRU page and quieter logs (only what differs)."""
from . import base
from . import uppercase

globals().update(uppercase(base))

HARVEST_PAGE_SIZE = 500
LOG_LEVEL = "WARNING"
