"""The socialtext spaCy component in real spaCy pipelines."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

import socialtext


def test_add_pipe_sets_cats_and_extensions() -> None:
    nlp = socialtext.nlp()
    nlp.add_pipe("socialtext")
    doc = nlp("ma box marche plus depuis 3 jours 😡")
    assert doc._.department == "after_sales" and doc._.sentiment == "negative"
    assert abs(sum(doc.cats.values()) - 1) < 1e-6 and doc._.sentiment_score < 0


def test_works_with_n_process_2() -> None:
    nlp = socialtext.nlp()
    nlp.add_pipe("socialtext")
    texts = ["colis jamais reçu 😡", "super pub 😍", "le forfait 5G est à combien ?"] * 4
    docs = list(nlp.pipe(texts, n_process=2, batch_size=3))
    single = [socialtext.analyze(t) for t in texts]
    assert [d._.department for d in docs] == [r.department for r in single]


def test_to_disk_and_spacy_load_round_trip(tmp_path: Path) -> None:
    nlp = socialtext.nlp()
    nlp.add_pipe("socialtext")
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    doc = loaded("colis jamais reçu!!! l'appli")
    assert [t.text for t in doc][-3:] == ["!!!", "l'", "appli"]
    assert doc._.department == "after_sales"


def test_extension_names_are_configurable_and_never_overwritten_silently() -> None:
    from spacy.tokens import Doc

    Doc.set_extension("mood", default="?", force=True)
    nlp = spacy.blank("xx")
    with pytest.raises(socialtext.errors.SocialTextError, match="already exists"):
        nlp.add_pipe("socialtext", config={"attrs": {"sentiment": "mood"}})
    nlp.add_pipe("socialtext", name="st", config={"attrs": {"sentiment": "st_mood"}})
    assert nlp("super pub 😍")._.st_mood == "positive"
