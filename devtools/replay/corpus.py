"""The sample corpus on disk: `<source>/<id>.json` (metadata) + `<id>.xml` (+ optional `<id>.expected.json`).

`load_corpus(path)` reads it into CorpusItem objects; the replay server serves them and the
tests check the corpus invariants with them. A malformed XML file is kept (served as is, so a
spider meets a broken document) and logged; a missing or unreadable metadata file is an error.
"""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

from lxml import etree

from kanaalwijzer.vocabulary import CVDR, OP

from .cql import norm

log = logging.getLogger(__name__)

SOURCES = (OP, CVDR)

SAMPLE_CORPUS = Path(__file__).resolve().parent.parent / "sample"


@dataclass
class CorpusItem:
    source: str                 # officielepublicaties | cvdr
    id: str                     # gmb-2025-552188 | CVDR754606_1
    meta: dict
    xml: bytes
    expected: dict | None = None
    path: Path | None = None    # the .xml file
    text: str = ""              # plain text of the XML (all text nodes, whitespace collapsed)
    well_formed: bool = True
    synthetic_of: str | None = None
    _fields: dict = field(default=None, repr=False)

    @property
    def title(self) -> str:
        return self.meta["title"]

    @property
    def prefix(self) -> str:    # gmb | prb | wsb | bgr | cvdr
        return "cvdr" if self.source == CVDR else self.id.split("-")[0]

    @property
    def year(self) -> str:
        return self.id.split("-")[1] if self.source == OP else self.meta.get("issued", "")[:4]

    @property
    def work_id(self) -> str:
        return self.meta.get("work_id") or self.id.rsplit("_", 1)[0]

    @property
    def version(self) -> str:
        return str(self.meta.get("version") or self.id.rsplit("_", 1)[1])

    def fields(self) -> dict[str, list[str]]:
        """Values per CQL index (lower-case index names), normalised for matching; cached."""
        if self._fields is None:
            m = self.meta
            full = norm(" ".join(filter(None, [self.id, m.get("title"), m.get("creator"), m.get("rubriek"),
                                               m.get("subject"), self.text])))
            if self.source == OP:
                f = {
                    "c.product-area": [OP], "c.content-area": [f"{OP}/{self.prefix}/{self.year}"],
                    "w.publicatienaam": [m["publicatienaam"]], "w.organisatietype": [m["organisatietype"]],
                    "w.jaargang": [self.year], "w.publicatienummer": [self.id.split("-")[-1]],
                    "w.betreftregeling": [m.get("betreft_regeling")],
                    "dt.identifier": [self.id], "dt.title": [m["title"]], "dt.type": [m["rubriek"]],
                    "dt.creator": [m["creator"]], "dt.subject": [m.get("subject")],
                    "dt.modified": [m["modified"]], "dt.available": [m["available"]],
                    "dt.issued": [m.get("issued")], "dt.date": [m.get("issued") or m["available"]],
                }
            else:
                f = {
                    "dcterms.identifier": [self.id], "dcterms.title": [m["title"]],
                    "dcterms.creator": [m["creator"]], "dcterms.modified": [m["modified"]],
                    "dcterms.issued": [m.get("issued")], "dcterms.isformatof": [m.get("is_format_of")],
                    "dcterms.subject": [m.get("subject")], "workid": [self.work_id],
                    "organisatietype": [m["organisatietype"]], "overheidrg.betreft": [m.get("betreft")],
                    "overheidrg.inwerkingtredingdatum": [m.get("in_force_from")],
                    "overheidrg.uitwerkingtredingdatum": [m.get("in_force_to")],
                    "keyword": [full], "overheidrg.keyword": [full],
                }
            f = {k: [norm(v) for v in vals if v] for k, vals in f.items()}
            for name in ("cql.textandindexes", "cql.serverchoice", "cql.allindexes"):
                f[name] = [full]
            self._fields = f
        return self._fields


def _xml_text(data: bytes) -> tuple[str, bool]:
    try:
        root = etree.fromstring(data)
    except etree.XMLSyntaxError:
        # keep what a reader could still see, so full-text search works on a broken file too
        return " ".join(re.sub(rb"<[^>]*>", b" ", data).decode("utf-8", "replace").split()), False
    return " ".join(" ".join(root.itertext()).split()), True


def load_item(json_path: Path) -> CorpusItem:
    source = json_path.parent.name
    meta = json.loads(json_path.read_text(encoding="utf-8"))
    ident = json_path.name[: -len(".json")]
    if meta.get("id") != ident:
        raise ValueError(f"{json_path}: metadata id {meta.get('id')!r} does not match the file name")
    xml_path = json_path.with_name(f"{ident}.xml")
    data = xml_path.read_bytes()
    text, ok = _xml_text(data)
    if not ok:
        log.warning("corpus item %s: XML is not well-formed; served as is", ident)
    expected_path = json_path.with_name(f"{ident}.expected.json")
    expected = json.loads(expected_path.read_text(encoding="utf-8")) if expected_path.exists() else None
    return CorpusItem(source=source, id=ident, meta=meta, xml=data, expected=expected, path=xml_path,
                      text=text, well_formed=ok)


def load_corpus(path: str | Path = SAMPLE_CORPUS) -> list[CorpusItem]:
    """All items under `path/<source>/`, in a stable order (source, id)."""
    root = Path(path)
    items = []
    for source in SOURCES:
        folder = root / source
        if not folder.is_dir():
            continue
        for json_path in sorted(folder.glob("*.json")):
            if not json_path.name.endswith(".expected.json"):
                items.append(load_item(json_path))
    if not items:
        raise ValueError(f"no corpus items under {root} (expected {root}/{OP}/*.json or {root}/{CVDR}/*.json)")
    return items


def synthesize(items: list[CorpusItem], count: int, start: date, end: date) -> list[CorpusItem]:
    """`count` clones of the corpus items with new ids and dates spread evenly over [start, end].

    OP clones are `<prefix>-2030-<n>`, CVDR clones `CVDR9<nnnnnn>_1`; the document bytes are the
    original's with the identifier replaced. Clones share the original's text (no copies kept).
    """
    if count <= 0 or not items:
        return []
    span = max((end - start).days, 0)
    clones = []
    for n in range(count):
        original = items[n % len(items)]
        day = (start + timedelta(days=span * n // max(count - 1, 1))).isoformat()
        meta = dict(original.meta, modified=day)
        if original.source == OP:
            new_id = f"{original.prefix}-2030-{n + 1}"
            meta.update(id=new_id, available=day, betreft_regeling=None)
            if meta.get("issued"):
                meta["issued"] = day
        else:
            work = f"CVDR9{n + 1:06d}"
            new_id = f"{work}_1"
            meta.update(id=new_id, work_id=work, version=1, issued=day, in_force_from=day, in_force_to=None,
                        is_format_of=None)
        clones.append(replace(original, id=new_id, meta=meta, expected=None, path=None,
                              xml=original.xml.replace(original.id.encode(), new_id.encode()),
                              synthetic_of=original.id, _fields=None))
    return clones
