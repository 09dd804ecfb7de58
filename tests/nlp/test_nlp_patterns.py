"""The pattern files are checked against the domain vocabulary when they are loaded."""
from __future__ import annotations

import json
import shutil

import pytest
import spacy

import nlp.channels  # noqa: F401  (registers the kw_channels factory)
from kanaalwijzer import vocabulary as vocab
from nlp.patterns import PATTERNS_DIR, PatternError, channel_cues, channel_patterns


def test_the_shipped_patterns_give_only_kinds_of_the_vocabulary_and_every_kind_a_pattern():
    kinds = [p["kind"] for p in channel_patterns()]
    assert set(kinds) == set(vocab.CHANNEL_KINDS)
    assert set(channel_cues()["auth"]) == set(vocab.AUTH_METHODS)


@pytest.fixture
def patterns(tmp_path):
    for path in PATTERNS_DIR.iterdir():
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def channels_pipe(directory):
    return spacy.blank("nl").add_pipe("kw_channels", config={"patterns_dir": str(directory)})


def test_a_copy_of_the_patterns_loads(patterns):
    assert channels_pipe(patterns).group_kind


def test_an_unknown_channel_kind_is_an_error_at_load_time_naming_file_and_line(patterns):
    path = patterns / "channels.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(2, json.dumps({"kind": "fax", "pattern": r"\bfax\b"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(PatternError, match=r"channels\.jsonl, regel 3: onbekende kanaalsoort 'fax'; .*web_form"):
        channels_pipe(patterns)


def test_a_misspelt_kind_is_an_error_too(patterns):
    path = patterns / "channels.jsonl"
    path.write_text(path.read_text(encoding="utf-8").replace('"kind": "web_form"', '"kind": "webform"', 1),
                    encoding="utf-8")
    with pytest.raises(PatternError, match="onbekende kanaalsoort 'webform'"):
        channels_pipe(patterns)


def test_a_broken_pattern_line_is_an_error_naming_its_line(patterns):
    path = patterns / "channels.jsonl"
    path.write_text(path.read_text(encoding="utf-8") + '{"kind": "email", "pattern": "(unclosed"}\n', encoding="utf-8")
    with pytest.raises(PatternError, match="geen geldige reguliere expressie"):
        channels_pipe(patterns)
    path.write_text('{"kind": "email", "pattern": \n', encoding="utf-8")
    with pytest.raises(PatternError, match="regel 1: geen geldige JSON"):
        channels_pipe(patterns)


def test_an_unknown_login_method_in_the_cues_is_an_error(patterns):
    path = patterns / "cues.json"
    cues = json.loads(path.read_text(encoding="utf-8"))
    cues["auth"]["itsme"] = r"\bitsme\b"
    path.write_text(json.dumps(cues), encoding="utf-8")
    with pytest.raises(PatternError, match="onbekende inlogmethode 'itsme'"):
        channels_pipe(patterns)
