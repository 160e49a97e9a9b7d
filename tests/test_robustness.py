"""Whatever the internet sends: no exception, valid outputs, same answer whatever the batch."""

from __future__ import annotations

import math
import random
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import socialtext
from socialtext import Analyzer, corpus

ROOT = Path(__file__).resolve().parent.parent
ANY_CHAR = st.characters(codec=None, categories=None)  # every code point, lone surrogates included
SAMPLE = [m.text for m in corpus.read(ROOT / "corpora")][::97]


def check(result: socialtext.Analysis, text: str) -> None:
    assert math.isclose(sum(result.department_scores.values()), 1.0, abs_tol=1e-6)
    assert math.isclose(sum(result.sentiment_scores.values()), 1.0, abs_tol=1e-6)
    assert -1.0 <= result.sentiment_score <= 1.0
    assert all(0.0 <= p <= 1.0 for p in result.department_scores.values())
    assert result.department in result.department_scores and result.sentiment in result.sentiment_scores
    for t in result.tokens:
        assert text[t.start : t.end] == t.text


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(ANY_CHAR, max_size=300))
def test_arbitrary_unicode_never_raises_and_gives_valid_outputs(analyzer: Analyzer, text: str) -> None:
    check(analyzer.analyze(text), text)


MUTATIONS = [
    lambda t, r: t.upper(),
    lambda t, r: t.replace("e", "é").replace("a", "à"),
    lambda t, r: "".join(c * (3 if r.random() < 0.1 else 1) for c in t),
    lambda t, r: t.replace(" ", "\u200b "),
    lambda t, r: t + " \ud83d",
    lambda t, r: "&amp; <br>" + t + "</b>",
    lambda t, r: t[::-1],
    lambda t, r: "\u202e" + t + "\u0000",
    lambda t, r: t + " مرحبا " + "привет",
    lambda t, r: t * 400,
]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(SAMPLE), st.lists(st.integers(0, len(MUTATIONS) - 1), max_size=3), st.integers(0, 10**6))
def test_mutated_corpus_messages_give_valid_outputs(analyzer: Analyzer, text: str, ops: list[int], seed: int) -> None:
    rng = random.Random(seed)
    for op in ops:
        text = MUTATIONS[op](text, rng)
    check(analyzer.analyze(text), text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(ANY_CHAR, max_size=80), min_size=1, max_size=12), st.integers(1, 5))
def test_same_text_same_result_whatever_the_batch(analyzer: Analyzer, texts: list[str], batch_size: int) -> None:
    batched = analyzer.analyze_many(texts, batch_size=batch_size)
    assert batched == [analyzer.analyze(t) for t in texts]


@pytest.mark.parametrize("text", ["\u0000\u0001\u0002", "\u200b\u200d\ufeff", "\u202e\u2066", "  \n\t  "])
def test_invisible_or_control_only_text_is_flagged_empty(analyzer: Analyzer, text: str) -> None:
    result = analyzer.analyze(text)
    assert "empty" in result.flags
    assert (result.department, result.sentiment) == ("other", "neutral")


def test_a_lone_surrogate_is_analysed_and_kept_in_its_token(analyzer: Analyzer) -> None:
    text = "colis \ud83d jamais reçu"
    result = analyzer.analyze(text)
    check(result, text)
    assert "\ud83d" in [t.text for t in result.tokens] and result.department == "after_sales"


def test_blank_text_is_empty() -> None:
    for text in ("", "   ", "\u200b\u200b", "\n\u00a0"):
        assert "empty" in socialtext.analyze(text).flags


def test_html_and_rtl_keep_offsets(analyzer: Analyzer) -> None:
    text = "&amp;Merci <br>pour l'aide مرحبا 😡"
    result = analyzer.analyze(text)
    check(result, text)
    assert any(t.text == "😡" for t in result.tokens)


def test_batch_error_policies(analyzer: Analyzer) -> None:
    items = ["ok merci", None, 3.5, "colis jamais reçu"]
    with pytest.raises(TypeError, match=r"texts\[1\] must be str, got NoneType"):
        analyzer.analyze_many(items)
    assert [r.text for r in analyzer.analyze_many(items, errors="skip")] == ["ok merci", "colis jamais reçu"]
    flagged = analyzer.analyze_many(items, errors="flag")
    assert len(flagged) == 4 and flagged[1].flags == ("invalid_input",) and flagged[2].department == "other"
    with pytest.raises(ValueError, match="errors must be"):
        analyzer.analyze_many(items, errors="ignore")


def test_one_analyzer_shared_by_threads_matches_sequential_use(analyzer: Analyzer) -> None:
    texts = SAMPLE * 3
    sequential = [analyzer.analyze(t) for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(analyzer.analyze, texts))
    assert threaded == sequential


def test_redaction_masks_before_analysis() -> None:
    result = socialtext.analyze("rappelez-moi au 06 12 34 56 78, colis jamais reçu", redact=True)
    assert "06 12" not in result.text and "<TEL>" in result.text
    assert result.department == "after_sales"
