"""Feature extraction: the fast text path equals the token path; negation and lexicon behave."""

from __future__ import annotations

import numpy as np
import pytest

import socialtext
from socialtext import corpus
from socialtext.features import FeatureConfig, FeatureExtractor, _units, lexicon_score
from socialtext.tokenizer import Tokenizer


def _rows(arrays: tuple[np.ndarray, np.ndarray, np.ndarray]) -> list[dict[int, float]]:
    data, indices, indptr = arrays
    out = []
    for r in range(len(indptr) - 1):
        row: dict[int, float] = {}
        for i in range(indptr[r], indptr[r + 1]):
            row[int(indices[i])] = row.get(int(indices[i]), 0.0) + float(data[i])
        out.append(row)
    return out


def test_fast_text_path_gives_the_same_features_as_tokens() -> None:
    texts = [*[m.text for m in corpus.read("corpora")][::40], "", "  ", "a😡b   c", "pas content du tout!!!"]
    tokenizer = Tokenizer()
    fx = FeatureExtractor(FeatureConfig(n_bits=18))
    fast = _rows(fx.transform_texts(texts, tokenizer))
    slow = _rows(FeatureExtractor(FeatureConfig(n_bits=18)).transform(tokenizer.pipe(texts)))
    assert len(fast) == len(slow) == len(texts)
    for a, b in zip(fast, slow, strict=True):
        assert a.keys() == b.keys()
        for k in a:
            assert a[k] == pytest.approx(b[k], rel=1e-5)


def _score(text: str) -> tuple[float, float]:
    names = [u for u, _ in _units(socialtext.tokenize(text))]
    pos, neg, *_ = lexicon_score(names, FeatureExtractor._negation_flags(names))
    return pos, neg


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("super service, merci !", 1), ("c'est nul", -1), ("pas content du tout", -1), ("pas mal du tout", 1),
        ("je recommande pas", -1), ("peu fiable", -1), ("jamais déçu", 1), ("TROOOP BIEEEN", 1),
        ("bon produit mais livraison catastrophique", -1), ("arnaque 🤬", -1), ("😍😍", 1), ("tres decu", -1),
    ],
)
def test_lexicon_reads_negation_intensity_contrast_and_missing_accents(text: str, sign: int) -> None:
    pos, neg = _score(text)
    assert (pos - neg) * sign > 0, (text, pos, neg)


def test_negation_scope_marks_the_next_words_until_punctuation() -> None:
    names = ["pas", "du", "tout", "content", ",", "merci"]
    assert FeatureExtractor._negation_flags(names) == [False, True, True, True, False, False]


def test_rows_are_l2_normalised_on_the_hashed_part() -> None:
    fx = FeatureExtractor(FeatureConfig(n_bits=16))
    data, indices, _ = fx.transform_texts(["colis jamais reçu, remboursez moi"], Tokenizer())
    hashed = indices < fx.n_hashed
    assert np.sum(data[hashed] ** 2) == pytest.approx(1.0, rel=1e-4)
