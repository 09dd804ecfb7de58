"""Kanaalwijzer extraction: spaCy components (registered factories) on a blank Dutch pipeline.

Public entry: `nlp.extract(data, name)` -> the JSON contract of `kanaalwijzer extract`.
"""
from .pipeline import extract, extract_document, get_nlp, load, pipeline_version, run  # noqa: F401
