"""The annotated corpus in corpora/: valid, labelled by the guide's labels, broad, and not repetitive."""

from __future__ import annotations

import json
import zlib
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from socialtext import corpus
from socialtext.errors import CorpusError

ROOT = Path(__file__).resolve().parent.parent / "corpora"
MIN_MESSAGES = 6000
MIN_CELL = 250
MIN_SECTOR = 300
MIN_SECTORS = 14
MIN_THREADS = 200


@pytest.fixture(scope="module")
def messages() -> list[corpus.Message]:
    return list(corpus.read(ROOT))


def test_every_line_is_valid_json_with_known_labels(messages: list[corpus.Message]) -> None:
    # corpus.read raises CorpusError on invalid JSON, missing fields or unknown labels.
    assert len(messages) >= MIN_MESSAGES
    for m in messages:
        assert m.text.strip(), f"{m.path}:{m.line}: empty text"
        assert m.fields["platform"] and m.fields["sector"]


def test_ids_are_unique(messages: list[corpus.Message]) -> None:
    duplicates = [i for i, n in Counter(m.id for m in messages).items() if n > 1]
    assert not duplicates, f"duplicate ids: {duplicates[:10]}"


def test_no_exact_duplicate_texts(messages: list[corpus.Message]) -> None:
    duplicates = [t for t, n in Counter(m.text.strip() for m in messages).items() if n > 1]
    assert not duplicates, f"duplicate texts: {duplicates[:10]}"


def test_every_department_sentiment_cell_is_filled(messages: list[corpus.Message]) -> None:
    cells = Counter((m.labels["department"], m.labels["sentiment"]) for m in messages)
    small = {
        f"{d}/{s}": cells[(d, s)]
        for d in corpus.DEPARTMENTS
        for s in corpus.SENTIMENTS
        if cells[(d, s)] < MIN_CELL
    }
    assert not small, f"cells under {MIN_CELL}: {small}"


def test_sectors_are_broad_and_each_well_covered(messages: list[corpus.Message]) -> None:
    sectors = Counter(m.fields["sector"] for m in messages)
    assert len(sectors) >= MIN_SECTORS, sorted(sectors)
    small = {s: n for s, n in sectors.items() if n < MIN_SECTOR}
    assert not small, f"sectors under {MIN_SECTOR}: {small}"


def test_threads_are_many_and_their_references_resolve(messages: list[corpus.Message]) -> None:
    by_id = {m.id: m for m in messages}
    threads: dict[str, list[corpus.Message]] = {}
    for m in messages:
        if m.thread:
            threads.setdefault(m.thread, []).append(m)
        reply_to = m.fields.get("reply_to")
        if reply_to is not None:
            assert m.thread, f"{m.id}: reply_to without thread"
            assert reply_to in by_id, f"{m.id}: reply_to {reply_to!r} points nowhere"
            assert by_id[reply_to].thread == m.thread, f"{m.id}: reply_to {reply_to!r} is in another thread"
    sized = [t for t, ms in threads.items() if 2 <= len(ms) - 1 <= 15]
    assert len(sized) >= MIN_THREADS, f"only {len(sized)} threads with 2-15 replies"
    for thread, ms in threads.items():
        roots = [m for m in ms if m.fields.get("reply_to") is None]
        assert len(roots) == 1, f"thread {thread} has {len(roots)} roots"


def test_threads_stay_whole_inside_one_split(messages: list[corpus.Message]) -> None:
    splits: dict[str, set[str]] = {}
    for m in messages:
        if m.thread:
            splits.setdefault(m.thread, set()).add(m.split)
    assert all(len(s) == 1 for s in splits.values())
    shares = Counter(m.split for m in messages)
    total = sum(shares.values())
    assert 0.74 < shares["train"] / total < 0.86
    assert 0.06 < shares["test"] / total < 0.14


def _shingles(text: str) -> set[int]:
    t = " ".join(text.lower().split())
    return {zlib.crc32(t[i : i + 5].encode()) for i in range(max(1, len(t) - 4))}


def near_duplicate_pairs(texts: list[str], threshold: float = 0.8) -> list[tuple[int, int, float]]:
    """Pairs with character 5-gram Jaccard >= threshold (MinHash candidates, exact check)."""
    rng = np.random.default_rng(0)
    n_hashes, band = 64, 4
    a = rng.integers(1, 2**31 - 1, n_hashes, dtype=np.int64)
    b = rng.integers(0, 2**31 - 1, n_hashes, dtype=np.int64)
    prime = np.int64(2**31 - 1)
    shingles = [_shingles(t) for t in texts]
    signatures = np.empty((len(texts), n_hashes), dtype=np.int64)
    for i, s in enumerate(shingles):
        h = np.fromiter(s, dtype=np.int64) % prime
        signatures[i] = ((np.outer(h, a) + b) % prime).min(axis=0)
    candidates: set[tuple[int, int]] = set()
    for start in range(0, n_hashes, band):
        buckets: dict[bytes, list[int]] = {}
        for i, row in enumerate(signatures[:, start : start + band]):
            buckets.setdefault(row.tobytes(), []).append(i)
        for members in buckets.values():
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    candidates.add((members[x], members[y]))
    out = []
    for i, j in candidates:
        jaccard = len(shingles[i] & shingles[j]) / len(shingles[i] | shingles[j])
        if jaccard >= threshold:
            out.append((i, j, jaccard))
    return out


def test_near_duplicate_detector_finds_a_one_word_edit() -> None:
    base = "Bonjour, mon colis n'est toujours pas arrivé après trois semaines d'attente, c'est normal ?"
    pairs = near_duplicate_pairs([base, base.replace("trois", "quatre"), "Tout autre chose, rien à voir ici."])
    assert [(i, j) for i, j, _ in pairs] == [(0, 1)]


def test_near_duplicates_stay_under_one_percent(messages: list[corpus.Message]) -> None:
    texts = [m.text for m in messages]
    pairs = near_duplicate_pairs(texts)
    involved = {i for i, j, _ in pairs} | {j for i, j, _ in pairs}
    assert len(involved) / len(texts) <= 0.01, [(texts[i], texts[j]) for i, j, _ in pairs[:5]]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "invalid JSON"),
        (json.dumps({"id": "x", "text": "t"}), "missing field"),
        (json.dumps({"id": "x", "text": "t", "department": "aftersales", "sentiment": "neutral", "sector": "s",
                     "platform": "tweet", "author": "customer"}), "unknown department 'aftersales'"),
        (json.dumps({"id": "x", "text": 3, "department": "sales", "sentiment": "neutral", "sector": "s",
                     "platform": "tweet", "author": "customer"}), "must be a string"),
    ],
)
def test_invalid_lines_are_refused_with_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=message) as info:
        list(corpus.read(path))
    assert "bad.jsonl:1" in str(info.value)


def test_datasheet_tables_match_the_data() -> None:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, str(ROOT / "datasheet.py"), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
