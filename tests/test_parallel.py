"""Batches across processes give exactly the single-process results, in order."""

from __future__ import annotations

from socialtext import Analyzer


def test_n_jobs_2_matches_single_process_in_order(analyzer: Analyzer) -> None:
    texts = [f"colis {i} jamais reçu" if i % 3 else f"super pub numéro {i} 😍" for i in range(300)]
    assert analyzer.analyze_many(texts, n_jobs=2, batch_size=32) == analyzer.analyze_many(texts)


def test_pipe_with_workers_streams_a_generator(analyzer: Analyzer) -> None:
    stream = analyzer.pipe((f"message {i}" for i in range(100)), n_jobs=2, batch_size=10)
    assert [r.text for r in stream] == [f"message {i}" for i in range(100)]
