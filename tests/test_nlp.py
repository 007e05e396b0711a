from hypothesis import given
from hypothesis import strategies as st

from newsclaims.nlp import (
    MIRROR_MODEL,
    OFFICIAL_MODEL,
    default_model_name,
    load_pipeline,
    parse,
    split_text,
)


def test_default_model_is_official_or_mirror(monkeypatch):
    monkeypatch.delenv("NEWSCLAIMS_MODEL", raising=False)
    assert default_model_name() in {OFFICIAL_MODEL, MIRROR_MODEL}


def test_pipeline_loads_with_every_component_we_use():
    nlp = load_pipeline()
    assert {"tagger", "parser", "ner", "lemmatizer"} <= set(nlp.pipe_names)
    doc = nlp("Antony Blinken said Friday that Washington was working intensively.")
    assert any(ent.label_ == "PERSON" for ent in doc.ents)


def test_configured_model_name_wins(monkeypatch):
    monkeypatch.setenv("NEWSCLAIMS_MODEL", "some_other_model")
    assert default_model_name() == "some_other_model"


def test_a_line_break_starts_a_sentence():
    doc = load_pipeline()("Iraq says it repels attack\n\nBaghdad said its troops held the line.")
    starts = [sentence.text.split()[0] for sentence in doc.sents]
    assert starts[:2] == ["Iraq", "Baghdad"]


def test_an_opening_abbreviation_does_not_end_the_sentence():
    doc = load_pipeline()(
        "VIENNA\n\nU.S. Secretary of State Antony Blinken said talks go on. He left."
    )
    assert [sentence.text.strip() for sentence in doc.sents][1:] == [
        "U.S. Secretary of State Antony Blinken said talks go on.",
        "He left.",
    ]


@given(
    text=st.text(st.sampled_from("ab{ \n"), max_size=400),
    limit=st.integers(1, 60),
    run_limit=st.integers(1, 30),
)
def test_split_text_joins_back_with_pieces_and_runs_bounded(text, limit, run_limit):
    pieces = split_text(text, limit=limit, run_limit=run_limit)
    assert "".join(pieces) == text
    assert all(len(piece) <= limit for piece in pieces)
    assert all(len(run) <= run_limit for piece in pieces for run in piece.split())


def test_a_text_in_pieces_is_one_doc_with_the_exact_text(nlp):
    text = "Talks resumed.\n\n" + "{" * 2_500 + " the minister said.\n" + "x" * 1_200
    doc = parse(text)
    assert doc.text == text
    assert all(token.idx + len(token.text) <= len(text) for token in doc)
