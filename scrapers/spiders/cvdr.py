"""The CVDR (consolidated local regulations) from zoekservice.overheid.nl SRU, x-connection=cvdr.

Windows select on dcterms.modified; each record is one version (expression) of a work, and
when a later version turns up whose earlier ones we lack, every version of the work is asked for.

    scrapy crawl cvdr -a since=2025-01-01 -a mode=targeted
"""
from __future__ import annotations

from .. import sru
from .base import SruHarvestSpider


class CvdrSpider(SruHarvestSpider):
    name = "cvdr"
    source = sru.CVDR
    sru_url_setting = "KANAALWIJZER_CVDR_SRU_URL"
