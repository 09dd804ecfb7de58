"""What the spiders hand to the pipeline: a publication's metadata, and one fetched file."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PublicationItem:
    """The metadata of one publication as its SRU record gives it (upserted by id)."""
    id: str
    fields: dict                       # columns of `publications` (see kanaalwijzer.store.PUBLICATION_FIELDS)
    record: bytes = b""                # the record's gzd XML, kept raw
    url: str | None = None             # the SRU page it came from


@dataclass
class FileItem:
    """One fetched manifestation of a publication: 'xml' (the text) or 'metadata' (OP metadata.xml)."""
    publication_id: str
    kind: str
    url: str
    body: bytes
    http_status: int | None = None
    content_type: str | None = None
    source_modified: str | None = None
    window_id: int | None = None       # the harvest window waiting for it
    error: str | None = field(default=None)   # set by the pipeline when the file could not be used
    version: int | None = None         # set by the pipeline: the version this text is stored as
    new_version: bool = False
