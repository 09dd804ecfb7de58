"""The designation registry: which channel a body designated, for what, from when to when.

Work in progress (being written now): extract_pending(store, pipeline_version, extract_fn),
rebuild(store), designations_on(store, body_code, date), body_status(store, body_code, today).
"""
from __future__ import annotations
