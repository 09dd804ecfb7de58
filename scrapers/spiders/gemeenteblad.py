"""The Gemeenteblad (and the other decentral gazettes) from repository.overheid.nl SRU 2.0.

    scrapy crawl officielepublicaties -a since=2025-01-01 -a until=2025-01-31 -a mode=sweep
    scrapy crawl officielepublicaties -a publication="Provinciaal blad,Waterschapsblad"
"""
from __future__ import annotations

from datetime import date

from kanaalwijzer.vocabulary import DECENTRAL_GAZETTES, OP, harvest_key

from .. import sru
from .base import SruHarvestSpider

GAZETTES = {g.name: g for g in DECENTRAL_GAZETTES}  # publicatienaam -> gazette, in the usual order


class GemeentebladSpider(SruHarvestSpider):
    name = OP  # Gemeenteblad unless `publication` names other gazettes
    source = sru.OP
    sru_url_setting = "KANAALWIJZER_OP_SRU_URL"

    def __init__(self, publication: str | list | tuple | None = None, **kwargs):
        names = publication.split(",") if isinstance(publication, str) else (publication or ["Gemeenteblad"])
        names = [n.strip() for n in names if n.strip()]
        unknown = [n for n in names if n not in GAZETTES]
        if unknown:
            raise ValueError(f"onbekende publicatienaam {unknown}; kies uit {', '.join(GAZETTES)}")
        self.publication_names = tuple(sorted(set(names), key=list(GAZETTES).index))
        # Runs and windows are kept per selection, so a Provinciaal blad run never marks
        # Gemeenteblad windows done.
        kwargs.setdefault("run_label", harvest_key(tuple(GAZETTES[n] for n in self.publication_names)))
        super().__init__(**kwargs)

    def query(self, start: date, end: date) -> str:
        return sru.build_query(self.source, start, end, mode=self.mode,
                               publication_names=self.publication_names, bodies=self.body_names())

    def files_to_fetch(self, fields: dict) -> list[tuple[str, str]]:
        return [(kind, fields[key]) for kind, key in (("xml", "url_xml"), ("metadata", "url_metadata"))
                if fields.get(key)]
