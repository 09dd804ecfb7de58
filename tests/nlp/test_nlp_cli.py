"""`kanaalwijzer extract` prints the public JSON contract, also for unreadable files."""
import json

from click.testing import CliRunner

from kanaalwijzer.cli import main
from nlp.pipeline import CHANNEL_KEYS, CONTRACT_KEYS
from tests.support import FILES as ALL_FILES

FILES = ALL_FILES / "nlp"


def test_extract_json_contract_for_one_file():
    result = CliRunner().invoke(main, ["extract", str(FILES / "gmb_zaltbommel_aanwijzing.xml")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert tuple(data) == CONTRACT_KEYS
    assert data["classification"] == "wmebv_designation"
    assert set(data["authority"]) == {"name", "type", "code"}
    assert data["channels"]
    for ch in data["channels"]:
        # the original keys first, then the scope fields (a compatible extension)
        assert tuple(ch) == CHANNEL_KEYS
        assert CHANNEL_KEYS[:6] == ("kind", "status", "value", "scope", "auth", "evidence")
        assert set(ch["evidence"]) == {"start", "end", "text", "location"}
        assert ch["applies_to"] in ("all", "rest", "listed", "on_request")
        assert isinstance(ch["messages"], list) and isinstance(ch["except_messages"], list)
        assert all(set(c) == {"code", "label"} for c in ch["conditions"])
        assert isinstance(ch["additional"], bool)
        assert (ch["applies_to"] == "listed") == bool(ch["messages"])
    assert isinstance(data["outside"], list)


def test_extract_jsonl_with_unreadable_and_broken_files(tmp_path):
    broken = tmp_path / "kapot.xml"
    broken.write_bytes(b"<?xml version='1.0'?><officiele-publicatie><al>Besluit elektronische")
    empty = tmp_path / "leeg.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "bestaat-niet.txt"
    result = CliRunner().invoke(main, ["extract", "--format", "jsonl", str(broken), str(empty), str(missing),
                                       str(FILES / "neg_heffingsambtenaar.txt")])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert len(lines) == 4
    assert "XML" in lines[0]["error"]
    assert lines[1]["error"] and lines[1]["classification"] == "not_designation"
    assert "niet leesbaar" in lines[2]["error"]
    assert "error" not in lines[3]
    for line in lines:
        assert set(CONTRACT_KEYS) <= set(line)


def test_extract_a_folder_gives_a_list():
    result = CliRunner().invoke(main, ["extract", str(FILES)])
    assert result.exit_code == 0
    data = json.loads(result.output)
    # one result per file, subfolders included (the folder holds the generalisation set)
    assert isinstance(data, list) and len(data) == len([p for p in FILES.rglob("*") if p.is_file()])
