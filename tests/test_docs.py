"""The README and docs/ stand on their own and speak Dutch: every link points inside the repository
(nothing in a shared folder of the developers' machine), and the prose is not English."""
from __future__ import annotations

import re

import pytest

from tests.support import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)#\s]+)(#[^)]*)?\)")
# Words that occur in English prose and never in Dutch prose.
ENGLISH = re.compile(r"\b(the|and|with|which|when|from|this|that|runs|every|should|would|because|"
                     r"without|through)\b", re.I)


def _prose(text: str) -> str:
    """The text without code blocks, inline code and link targets: identifiers stay English."""
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    text = re.sub(r"`[^`]*`", "", text)
    return re.sub(r"\]\([^)]*\)|https?://\S+", "]", text)


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_links_stay_inside_the_repository(doc):
    text = doc.read_text(encoding="utf-8")
    assert not re.search(r"/work/|\.\./shared|shared folder|gedeelde map", text), "points outside the repository"
    for target, _ in LINK.findall(text):
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        assert (doc.parent / target).exists(), f"{doc.name}: {target} does not exist"


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_the_prose_is_dutch(doc):
    found = ENGLISH.findall(_prose(doc.read_text(encoding="utf-8")))
    assert found == [], f"{doc.name}: English words in the prose: {sorted(set(found))}"


def test_the_readme_points_at_each_document_in_docs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for doc in DOCS[1:]:
        assert f"](docs/{doc.name})" in readme, doc.name
