"""The per-document lists agree with what spaCy's own accessors give."""

from __future__ import annotations

from spacy.language import Language

from newsclaims.extract.doc_index import doc_index
from newsclaims.extract.speakers import Lines

TEXT = (
    "Israeli Defence Minister Yoav Gallant, who visited the base, said on Monday that "
    "troops would stay.\n\nAt least 1,400  people were killed, according to officials."
)


def test_index_matches_spacy(nlp: Language) -> None:
    doc = nlp(TEXT)
    index = doc_index(doc)
    assert doc_index(doc) is index
    assert index.text == doc.text
    lines = Lines(doc.text)
    for token in doc:
        assert index.subtree(token.i) == {t.i for t in token.subtree}
        assert index.children[token.i] == [t.i for t in token.children]
        for other in (0, len(doc) - 1, max(0, token.i - 1)):
            assert index.breaks(token.i, other) == lines.breaks(token, doc[other])
    for start in range(len(doc)):
        for end in range(start, min(len(doc), start + 6) + 1):
            assert index.span_text(start, end) == doc[start:end].text


def test_new_document_gets_new_index(nlp: Language) -> None:
    first, second = nlp("One text."), nlp("Another text here.")
    assert doc_index(first).doc is first
    assert doc_index(second).words == ["Another", "text", "here", "."]
