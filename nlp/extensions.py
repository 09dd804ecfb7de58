"""The doc._ attributes the Kanaalwijzer components fill in (registered once, idempotently)."""
from spacy.tokens import Doc

DOC_EXTENSIONS = {
    "kw_document": None,       # kanaalwijzer.documents.Document the text came from
    "kw_text": None,           # doc.text, cached: spaCy rebuilds doc.text from tokens on each access
    "kw_relevant": None,       # prefilter verdict (None = not asked yet)
    "kw_blocks": None,         # list[Block] aligned to doc.text
    "kw_title": None,
    "kw_classification": "not_designation",
    "kw_confidence": 0.0,
    "kw_reasons": None,        # list[str], Dutch
    "kw_channels": None,       # list[dict]
    "kw_outside": None,        # list[dict]: messages the decision says it does not decide (scope contract)
    "kw_authority": None,      # dict(name, type, code) or None
    "kw_issuer": None,         # kanaalwijzer.bodies.Body that issued the text (kw_authority is its JSON)
    "kw_organs": None,         # list[str]
    "kw_decision_date": None,  # ISO string
    "kw_effective_date": None,
    "kw_effective_rule": None,
    "kw_legal_basis": None,    # list[str]
    "kw_withdraws": None,      # list[str]
    "kw_openings": None,       # list[nlp.opening.Opening]: provisions opening the electronic route
}


def register() -> None:
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def text(doc: Doc) -> str:
    """doc.text, computed once per Doc (it is rebuilt from the tokens on every access)."""
    cached = doc._.kw_text
    if cached is None:
        cached = doc.text
        doc._.kw_text = cached
    return cached
