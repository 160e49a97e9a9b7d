"""Tokens → feature vectors: hashed word and character n-grams, lexicon and style cues.

Everything here runs on numpy and the standard library only, so that inference
never imports scikit-learn. A feature is a string ("w:panne", "c:ann", "n:content")
hashed with CRC-32 into ``2**n_bits`` columns; a few dense cues (lexicon sums,
punctuation, caps) take the last ``len(DENSE_FEATURES)`` columns.

Design choices that carry beyond the corpus:
- units are accent-free norms, with SMS slang replaced by its meaning and hashtags
  split into words, so "pk", "pourquoi" and "#Pourquoi" meet;
- words in the scope of a negator ("pas", "jamais", "plus") also yield a ``n:`` feature;
- the team's lexicon gives valences that work on words the corpus never saw.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from socialtext.lang.fr import lexicon
from socialtext.tokenizer import Token

DENSE_FEATURES = (
    "lex_pos", "lex_neg", "lex_net", "lex_max_pos", "lex_max_neg", "lex_negated",
    "emoji_pos", "emoji_neg", "exclamations", "questions", "caps", "elongation",
    "has_url", "has_mention", "length",
)

_CAMEL = re.compile(r"[A-ZÀ-Ý]?[a-zà-ÿ]+|[A-ZÀ-Ý]+(?![a-zà-ÿ])|\d+")
_ELONGATED = re.compile(r"([^\W\d_])\1{2,}")


@lru_cache(maxsize=100_000)
def deaccent(text: str) -> str:
    """Drop accents: "énervé" -> "enerve" (customers often write without them)."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _build_valences() -> dict[str, float]:
    table: dict[str, float] = {}
    for word, value in lexicon.VALENCES.items():
        key = deaccent(word.lower().replace(" ", "_"))
        table[key] = value
    return table


_VALENCES = _build_valences()
_EMOJI_VALENCES = dict(lexicon.EMOJI_VALENCES)
_NEGATORS = frozenset(deaccent(w) for w in lexicon.NEGATORS)
_INTENSIFIERS = {deaccent(w): v for w, v in lexicon.INTENSIFIERS.items()}
_DIMINISHERS = {deaccent(w): v for w, v in lexicon.DIMINISHERS.items()}
_CONTRASTS = frozenset(deaccent(w) for w in lexicon.CONTRASTS)
_SCOPE_BREAKERS = frozenset(".,;:!?()[]«»\"") | _CONTRASTS
_NEGATION_SCOPE = 3


def _valence(names: list[str], i: int) -> tuple[float | None, int]:
    """Valence of the unit at ``i`` (a two-word entry first), and how many units it spans."""
    if i + 1 < len(names):
        pair = _VALENCES.get(names[i] + "_" + names[i + 1])
        if pair is not None:
            return pair, 2
    name = names[i]
    value = _VALENCES.get(name)
    if value is None:
        value = _EMOJI_VALENCES.get(name)
    return value, 1


def lexicon_score(names: list[str], negated: list[bool]) -> tuple[float, float, float, float, int]:
    """Positive and negative mass of a message from the team lexicon.

    Returns ``(positive, negative, max_positive, max_negative, n_negated)``. Rules:
    two-word entries win over single words ("pas_terrible", "recommande_pas") and are
    never flipped again; a word in a negator's scope is flipped and halved ("pas
    content"); an intensifier boosts the next opinion ("trop bien") or counts its own
    valence when none follows ("c'est super"); "peu" negates ("peu fiable") unless it
    follows "un" ("un peu cher"); opinions after a contrast word ("mais") weigh 1.5x,
    those before it half.
    """
    pos = neg = max_pos = max_neg = 0.0
    n_negated = 0
    boost = 1.0
    after_contrast = False
    i = 0
    while i < len(names):
        name = names[i]
        if name in _CONTRASTS:
            after_contrast = True
            pos *= 0.5
            neg *= 0.5
            i += 1
            continue
        value, span = _valence(names, i)
        if span == 1 and name in _INTENSIFIERS:
            following, _ = _valence(names, i + 1) if i + 1 < len(names) else (None, 1)
            if following:
                boost = _INTENSIFIERS[name]
                i += 1
                continue
        if span == 1 and name == "peu":
            boost = 0.5 if i > 0 and names[i - 1] == "un" else -0.5
            i += 1
            continue
        if span == 1 and name in _DIMINISHERS:
            boost = _DIMINISHERS[name]
            i += 1
            continue
        i += span
        if not value:
            continue
        value *= boost
        boost = 1.0
        if span == 1 and negated[i - 1] and name[0].isalnum():
            value = -0.5 * value
            n_negated += 1
        if after_contrast:
            value *= 1.5
        if value > 0:
            pos += value
            max_pos = max(max_pos, value)
        else:
            neg -= value
            max_neg = max(max_neg, -value)
    return pos, neg, max_pos, max_neg, n_negated


def _hash(feature: str, mask: int) -> int:
    return zlib.crc32(feature.encode("utf-8")) & mask


def _units(tokens: Sequence[Token]) -> list[tuple[str, int]]:
    """Model units of a message, each with the index of the token it comes from."""
    units: list[tuple[str, int]] = []
    for i, t in enumerate(tokens):
        kind = t.kind
        if kind == "word":
            source = t.expansion or t.norm
            for part in deaccent(source).replace("'", "' ").split():
                units.append((part, i))
        elif kind == "hashtag":
            units.append((deaccent(t.norm), i))
            for part in _CAMEL.findall(t.text[1:].replace("_", " ")):
                units.append((deaccent(part.lower()), i))
        elif kind == "mention":
            units.append(("<@>", i))
        elif kind == "url" or kind == "email":
            units.append((f"<{kind}>", i))
        elif kind == "number":
            units.append(("<num>", i))
        elif kind == "punct":
            norm = t.norm
            if "!" in norm or "?" in norm:
                norm = ("!" if "!" in norm else "") + ("?" if "?" in norm else "")
                if len(t.text) > 1:
                    norm += "+"
            units.append((norm, i))
        else:  # emoji, emoticon, symbol
            units.append((t.norm, i))
    return units


@dataclass(frozen=True)
class FeatureConfig:
    """How texts become vectors; stored in each model's manifest so inference matches training."""

    n_bits: int = 20
    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] = (3, 5)
    char_weight: float = 0.3
    negation: bool = True
    lexicon: bool = True
    cues: bool = True

    def __post_init__(self) -> None:
        if not 10 <= self.n_bits <= 24:
            raise ValueError(f"n_bits must be within [10, 24], got {self.n_bits!r}")
        if tuple(self.word_ngrams) not in ((1, 1), (1, 2), (2, 2)):
            raise ValueError(f"word_ngrams must be (1, 1), (1, 2) or (2, 2), got {self.word_ngrams!r}")
        lo, hi = self.char_ngrams
        if not 1 <= lo <= hi <= 8:
            raise ValueError(f"char_ngrams must satisfy 1 <= min <= max <= 8, got {self.char_ngrams!r}")
        if self.char_weight < 0:
            raise ValueError(f"char_weight must be >= 0, got {self.char_weight!r}")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FeatureConfig:
        fields = dict(data)
        for key in ("word_ngrams", "char_ngrams"):
            if key in fields:
                fields[key] = tuple(fields[key])
        return cls(**fields)


class FeatureExtractor:
    """Turn token lists into sparse rows (CSR arrays) of hashed features plus dense cues."""

    def __init__(self, config: FeatureConfig | None = None) -> None:
        self.config = config or FeatureConfig()
        self.n_hashed = 1 << self.config.n_bits
        self.n_features = self.n_hashed + len(DENSE_FEATURES)
        self._mask = self.n_hashed - 1
        self._token_cache: dict[str, tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]]] = {}
        self._word_cache: dict[str, int] = {}

    # -- per-message features -------------------------------------------------
    def _token_entry(self, token: Token) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]]:
        """Units of a token with their unigram and character n-gram columns (cached by text)."""
        entry = self._token_cache.get(token.text)
        if entry is None:
            names = tuple(u for u, _ in _units([token]))
            unigrams = tuple(self._word("w:" + n) for n in names)
            chars: tuple[int, ...] = ()
            if self.config.char_weight > 0:
                chars = tuple(i for n in names if len(n) > 1 and n[0].isalnum() for i in self._chars(n))
            entry = (names, unigrams, chars)
            if len(self._token_cache) > 300_000:
                self._token_cache.clear()
            self._token_cache[token.text] = entry
        return entry

    def _chars(self, unit: str) -> tuple[int, ...]:
        lo, hi = self.config.char_ngrams
        padded = f" {unit} "
        mask = self._mask
        return tuple(
            _hash("c:" + padded[i : i + n], mask) for n in range(lo, hi + 1) for i in range(len(padded) - n + 1)
        )

    def _word(self, feature: str) -> int:
        index = self._word_cache.get(feature)
        if index is None:
            index = _hash(feature, self._mask)
            if len(self._word_cache) > 500_000:
                self._word_cache.clear()
            self._word_cache[feature] = index
        return index

    def features(self, tokens: Sequence[Token]) -> tuple[list[int], list[int], list[float], list[str]]:
        """Word-level columns, character n-gram columns, dense cues and unit names of one message.

        Columns may repeat (a word seen twice); consumers sum them.
        """
        cfg = self.config
        names: list[str] = []
        words: list[int] = []
        chars: list[int] = []
        use_unigrams = cfg.word_ngrams[0] <= 1
        for t in tokens:
            n, u, c = self._token_entry(t)
            names.extend(n)
            if use_unigrams:
                words.extend(u)
            chars.extend(c)
        negated = self._negation_flags(names) if cfg.negation else [False] * len(names)
        if cfg.negation:
            words.extend(self._word("n:" + name) for name, neg in zip(names, negated, strict=True) if neg)
        if cfg.word_ngrams[1] >= 2:
            words.extend(self._word("b:" + a + "|" + b) for a, b in itertools.pairwise(names))
        return words, chars, self._dense(tokens, names, negated), names

    @staticmethod
    def _negation_flags(names: list[str]) -> list[bool]:
        flags = [False] * len(names)
        remaining = 0
        for i, name in enumerate(names):
            if name in _SCOPE_BREAKERS or name in ("!", "?", "!?", "!+", "?+", "!?+"):
                remaining = 0
                continue
            if remaining > 0:
                flags[i] = True
                remaining -= 1
            if name in _NEGATORS:
                remaining = _NEGATION_SCOPE
        return flags

    def _dense(self, tokens: Sequence[Token], names: list[str], negated: list[bool]) -> list[float]:
        cfg = self.config
        out = [0.0] * len(DENSE_FEATURES)
        if cfg.lexicon:
            pos, neg, max_pos, max_neg, n_negated = lexicon_score(names, negated)
            out[0] = math.log1p(pos)
            out[1] = math.log1p(neg)
            out[2] = math.tanh((pos - neg) / 3)
            out[3] = max_pos / 3
            out[4] = max_neg / 3
            out[5] = min(n_negated, 3) / 3
            e_pos = sum(_EMOJI_VALENCES.get(t.norm, 0) > 0 for t in tokens if t.kind in ("emoji", "emoticon"))
            e_neg = sum(_EMOJI_VALENCES.get(t.norm, 0) < 0 for t in tokens if t.kind in ("emoji", "emoticon"))
            out[6] = math.log1p(e_pos)
            out[7] = math.log1p(e_neg)
        if cfg.cues:
            letters = upper = 0
            elongated = False
            for t in tokens:
                if t.kind == "punct":
                    out[8] += t.text.count("!")
                    out[9] += t.text.count("?")
                elif t.kind == "word":
                    if len(t.text) > 1:
                        letters += len(t.text)
                        if t.text.isupper():
                            upper += len(t.text)
                    if not elongated and _ELONGATED.search(t.text):
                        elongated = True
                elif t.kind == "url":
                    out[12] = 1.0
                elif t.kind == "mention":
                    out[13] = 1.0
            out[8] = math.log1p(out[8])
            out[9] = math.log1p(out[9])
            out[10] = upper / letters if letters else 0.0
            out[11] = float(elongated)
            out[14] = math.log1p(len(tokens)) / 5
        return out

    # -- batches ---------------------------------------------------------------
    def transform(self, token_lists: Iterable[Sequence[Token]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """CSR arrays ``(data, indices, indptr)`` for a batch of token lists.

        Word features weigh 1, character n-grams ``char_weight``; the hashed part of
        each row is scaled to unit L2 norm (counting repeated columns as repeated
        occurrences), the dense cues are appended as they are.
        """
        indices: list[int] = []
        lengths: list[int] = []
        dense_values: list[float] = []
        dense_cols = list(range(self.n_hashed, self.n_features))
        for tokens in token_lists:
            words, chars, dense, _ = self.features(tokens)
            indices.extend(words)
            indices.extend(chars)
            indices.extend(dense_cols)
            dense_values.extend(dense)
            lengths.append(len(words))
            lengths.append(len(chars))
        return self._assemble(indices, lengths, dense_values)

    def _assemble(
        self, indices: list[int], lengths: list[int], dense_values: list[float]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        n_dense = len(DENSE_FEATURES)
        seg = np.asarray(lengths, dtype=np.int64).reshape(-1, 2)
        n_rows = seg.shape[0]
        w = float(self.config.char_weight)
        norm = np.sqrt(seg[:, 0] + (w * w) * seg[:, 1])
        norm[norm == 0] = 1.0
        base = np.stack([1.0 / norm, w / norm, np.zeros(n_rows)], axis=1).ravel()
        counts = np.concatenate([seg, np.full((n_rows, 1), n_dense)], axis=1).ravel()
        data = np.repeat(base, counts).astype(np.float32)
        is_dense = np.repeat(np.tile([False, False, True], n_rows), counts)
        data[is_dense] = np.asarray(dense_values, dtype=np.float32)
        indptr = np.zeros(n_rows + 1, dtype=np.int64)
        np.cumsum(seg.sum(axis=1) + n_dense, out=indptr[1:])
        return data, np.asarray(indices, dtype=np.int64), indptr

    def explain(self, tokens: Sequence[Token]) -> list[tuple[str, int, float, int | None]]:
        """Every feature of a message as ``(name, column, value, token index or None)``.

        The slow path behind explanations: it rebuilds the names that hashing drops.
        """
        data, indices, _ = self.transform([tokens])
        units = _units(tokens)
        names = [u for u, _ in units]
        negated = self._negation_flags(names) if self.config.negation else [False] * len(names)
        seen: dict[int, tuple[str, int | None]] = {}
        for i, (name, tok) in enumerate(units):
            seen.setdefault(self._word("w:" + name), (name, tok))
            if negated[i]:
                seen.setdefault(self._word("n:" + name), ("pas " + name, tok))
            if i + 1 < len(units):
                seen.setdefault(self._word("b:" + name + "|" + names[i + 1]), (name + " " + names[i + 1], tok))
            if len(name) > 1 and name[0].isalnum():
                for idx in self._chars(name):
                    seen.setdefault(idx, (name, tok))
        for j, name in enumerate(DENSE_FEATURES):
            seen[self.n_hashed + j] = (f"[{name}]", None)
        out: dict[int, list[Any]] = {}
        for idx, value in zip(indices.tolist(), data.tolist(), strict=True):
            if value == 0:
                continue
            if idx in out:
                out[idx][2] += value
            else:
                label, source = seen.get(idx, ("?", None))
                out[idx] = [label, idx, value, source]
        return [(v[0], v[1], v[2], v[3]) for v in out.values()]
