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
from socialtext.tokenizer import Token, Tokenizer

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


_PAIR_FIRSTS = frozenset(key.split("_", 1)[0] for key in _VALENCES if "_" in key)
# Units the lexicon scorer must look at; every other unit is skipped in one set lookup.
_RELEVANT = (
    frozenset(_VALENCES) | frozenset(_EMOJI_VALENCES) | _PAIR_FIRSTS | frozenset(_INTENSIFIERS)
    | frozenset(_DIMINISHERS) | _CONTRASTS | {"peu"}
)


def _valence(names: list[str], i: int) -> tuple[float | None, int]:
    """Valence of the unit at ``i`` (a two-word entry first), and how many units it spans."""
    name = names[i]
    if name in _PAIR_FIRSTS and i + 1 < len(names):
        pair = _VALENCES.get(name + "_" + names[i + 1])
        if pair is not None:
            return pair, 2
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
    skip_until = -1
    for i in [k for k, name in enumerate(names) if name in _RELEVANT]:
        if i < skip_until:
            continue
        name = names[i]
        if name in _CONTRASTS:
            after_contrast = True
            pos *= 0.5
            neg *= 0.5
            continue
        value, span = _valence(names, i)
        if span == 1:
            if name in _INTENSIFIERS and i + 1 < len(names) and _valence(names, i + 1)[0]:
                boost = _INTENSIFIERS[name]
                continue
            if name == "peu":
                boost = 0.5 if i > 0 and names[i - 1] == "un" else -0.5
                continue
            if name in _DIMINISHERS:
                boost = _DIMINISHERS[name]
                continue
        skip_until = i + span
        if not value:
            continue
        value *= boost
        boost = 1.0
        if span == 1 and negated[i] and name[0].isalnum():
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
    # surrogatepass: a lone surrogate (broken emoji from a bad export) must not crash a batch.
    return zlib.crc32(feature.encode("utf-8", "surrogatepass")) & mask


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

    n_bits: int = 19
    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] = (3, 4)
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


# A run of tokens, featurised: unit names, unigram columns, character columns,
# summed style cues and the number of tokens.
_Entry = tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...], tuple[float, ...], int]

_BIGRAM_MUL = 0x9E3779B1
_BIGRAM_ADD = 0x7F4A7C15
_NEGATED_MUL = 0x85EBCA6B
_NEGATED_XOR = 0xC2B2AE35
_BREAK_UNITS = _SCOPE_BREAKERS | {"!", "?", "!?", "!+", "?+", "!?+"}


class FeatureExtractor:
    """Turn token lists into sparse rows (CSR arrays) of hashed features plus dense cues.

    Per message: unigrams of units (hashed strings), bigrams and negated unigrams
    (derived from unigram columns by integer mixing, vectorised over the batch),
    character n-grams of each unit, and the dense cues. Everything that depends on
    one token only is computed once per distinct token text and cached.
    """

    def __init__(self, config: FeatureConfig | None = None) -> None:
        self.config = config or FeatureConfig()
        self.n_hashed = 1 << self.config.n_bits
        self.n_features = self.n_hashed + len(DENSE_FEATURES)
        self._mask = self.n_hashed - 1
        self._token_cache: dict[str, tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...], tuple[float, ...]]] = {}
        self._chunk_cache: dict[str, _Entry] = {}

    # -- cached per-token work --------------------------------------------------
    def _token_entry(self, token: Token) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...], tuple[float, ...]]:
        """Units of a token, their unigram and character n-gram columns, and its style cues."""
        entry = self._token_cache.get(token.text)
        if entry is None:
            names = tuple(u for u, _ in _units([token]))
            unigrams = tuple(_hash("w:" + n, self._mask) for n in names)
            chars: tuple[int, ...] = ()
            if self.config.char_weight > 0:
                chars = tuple(i for n in names if len(n) > 1 and n[0].isalnum() for i in self._chars(n))
            entry = (names, unigrams, chars, _token_cues(token))
            if len(self._token_cache) > 100_000:
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

    def bigram_column(self, first: int, second: int) -> int:
        """Column of the bigram of two unigram columns (the same integer mixing as the batch path)."""
        return ((first * _BIGRAM_MUL) ^ (second + _BIGRAM_ADD)) & self._mask

    def negated_column(self, unigram: int) -> int:
        """Column of a unigram seen in a negator's scope."""
        return ((unigram * _NEGATED_MUL) ^ _NEGATED_XOR) & self._mask

    @staticmethod
    def _negation_flags(names: Sequence[str]) -> list[bool]:
        flags = [False] * len(names)
        if _NEGATORS.isdisjoint(names):
            return flags
        remaining = 0
        for i, name in enumerate(names):
            if name in _BREAK_UNITS:
                remaining = 0
                continue
            if remaining > 0:
                flags[i] = True
                remaining -= 1
            if name in _NEGATORS:
                remaining = _NEGATION_SCOPE
        return flags

    def _entries(self, tokens: Iterable[Token]) -> _Entry:
        """The token entries of a run of tokens, concatenated (names, columns, summed cues, count)."""
        names: list[str] = []
        unigrams: list[int] = []
        chars: list[int] = []
        cues: list[tuple[float, ...]] = []
        n = 0
        for t in tokens:
            e_names, e_uni, e_chars, e_cues = self._token_entry(t)
            names.extend(e_names)
            unigrams.extend(e_uni)
            chars.extend(e_chars)
            if e_cues:
                cues.append(e_cues)
            n += 1
        summed = tuple(map(sum, zip(*cues, strict=True))) if cues else ()
        return tuple(names), tuple(unigrams), tuple(chars), summed, n

    def _chunk_entry(self, chunk: str, tokenizer: Tokenizer) -> _Entry:
        entry = self._chunk_cache.get(chunk)
        if entry is None:
            entry = self._entries(tokenizer.chunk_tokens(chunk))
            if len(self._chunk_cache) > 50_000:
                self._chunk_cache.clear()
            self._chunk_cache[chunk] = entry
        return entry

    def _message(self, entries: Iterable[_Entry]) -> tuple[list[str], list[int], list[int], list[bool], list[float]]:
        """Names, unigram columns, character columns, negation flags and dense cues of one message."""
        names: list[str] = []
        unigrams: list[int] = []
        chars: list[int] = []
        cues: list[tuple[float, ...]] = []
        n_tokens = 0
        for e_names, e_uni, e_chars, e_cues, e_n in entries:
            names.extend(e_names)
            unigrams.extend(e_uni)
            chars.extend(e_chars)
            if e_cues:
                cues.append(e_cues)
            n_tokens += e_n
        summed = [float(v) for v in map(sum, zip(*cues, strict=True))] if cues else [0.0] * 9
        negated = self._negation_flags(names) if self.config.negation else [False] * len(names)
        return names, unigrams, chars, negated, self._dense(summed, n_tokens, names, negated)

    def _dense(self, cues: list[float], n_tokens: int, names: list[str], negated: list[bool]) -> list[float]:
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
            out[6] = math.log1p(cues[7])
            out[7] = math.log1p(cues[8])
        if cfg.cues:
            excl, quest, letters, upper, elongated, url, mention = cues[:7]
            out[8] = math.log1p(excl)
            out[9] = math.log1p(quest)
            out[10] = upper / letters if letters else 0.0
            out[11] = float(elongated > 0)
            out[12] = float(url > 0)
            out[13] = float(mention > 0)
            out[14] = math.log1p(n_tokens) / 5
        return out

    # -- batches ---------------------------------------------------------------
    def transform(self, token_lists: Iterable[Sequence[Token]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """CSR arrays ``(data, indices, indptr)`` for a batch of token lists.

        Word features (unigrams, negated unigrams, bigrams) weigh 1 and character
        n-grams ``char_weight``; the hashed part of each row is scaled to unit L2 norm
        (a repeated column counts as repeated occurrences), dense cues are appended as
        they are. Columns may repeat within a row; consumers sum them.
        """
        return self._batch(self._message([self._entries(tokens)]) for tokens in token_lists)

    def transform_texts(self, texts: Iterable[str], tokenizer: Tokenizer) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Like :meth:`transform` on ``tokenizer``'s tokens, without building Token lists.

        The fast path for inference and training: each whitespace-separated chunk is
        tokenized and featurised once, then reused (same output as :meth:`transform`).
        """
        split = str.split
        return self._batch(
            self._message([self._chunk_entry(chunk, tokenizer) for chunk in split(text)]) for text in texts
        )

    def _batch(self, messages: Iterable[tuple[list[str], list[int], list[int], list[bool], list[float]]]
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        uni: list[int] = []
        uni_rows: list[int] = []
        neg_flags: list[bool] = []
        chars: list[int] = []
        char_rows: list[int] = []
        dense: list[float] = []
        n_rows = 0
        for row, (_, unigrams, char_cols, negated, cues) in enumerate(messages):
            uni.extend(unigrams)
            uni_rows.extend([row] * len(unigrams))
            neg_flags.extend(negated)
            chars.extend(char_cols)
            char_rows.extend([row] * len(char_cols))
            dense.extend(cues)
            n_rows = row + 1
        return self._assemble(n_rows, uni, uni_rows, neg_flags, chars, char_rows, dense)

    def _assemble(self, n_rows: int, uni: list[int], uni_rows: list[int], neg_flags: list[bool], chars: list[int],
                  char_rows: list[int], dense: list[float]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        cfg = self.config
        mask = np.uint64(self._mask)
        u = np.asarray(uni, dtype=np.uint64)
        ur = np.asarray(uni_rows, dtype=np.int64)
        word_cols = [u if cfg.word_ngrams[0] <= 1 else u[:0]]
        word_rows = [ur if cfg.word_ngrams[0] <= 1 else ur[:0]]
        if cfg.negation and len(u):
            flags = np.asarray(neg_flags, dtype=bool)
            word_cols.append(((u[flags] * np.uint64(_NEGATED_MUL)) ^ np.uint64(_NEGATED_XOR)) & mask)
            word_rows.append(ur[flags])
        if cfg.word_ngrams[1] >= 2 and len(u) > 1:
            same = ur[:-1] == ur[1:]
            word_cols.append(((u[:-1][same] * np.uint64(_BIGRAM_MUL)) ^ (u[1:][same] + np.uint64(_BIGRAM_ADD))) & mask)
            word_rows.append(ur[:-1][same])
        wc = np.concatenate(word_cols).astype(np.int64)
        wr = np.concatenate(word_rows)
        cc = np.asarray(chars, dtype=np.int64)
        cr = np.asarray(char_rows, dtype=np.int64)
        n_dense = len(DENSE_FEATURES)
        dc = np.tile(np.arange(self.n_hashed, self.n_features, dtype=np.int64), n_rows)
        dr = np.repeat(np.arange(n_rows, dtype=np.int64), n_dense)

        w = float(cfg.char_weight)
        n_words = np.bincount(wr, minlength=n_rows)
        n_chars = np.bincount(cr, minlength=n_rows)
        norm = np.sqrt(n_words + (w * w) * n_chars)
        norm[norm == 0] = 1.0
        rows = np.concatenate([wr, cr, dr])
        cols = np.concatenate([wc, cc, dc])
        vals = np.concatenate([1.0 / norm[wr], w / norm[cr], np.asarray(dense, dtype=np.float64)])
        order = np.argsort(rows, kind="stable")
        indptr = np.zeros(n_rows + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=n_rows), out=indptr[1:])
        return vals[order].astype(np.float32), cols[order], indptr

    def explain(self, tokens: Sequence[Token]) -> list[tuple[str, int, float, int | None]]:
        """Every feature of a message as ``(name, column, value, token index or None)``.

        The slow path behind explanations: it rebuilds the names that hashing drops.
        """
        data, indices, _ = self.transform([tokens])
        units = _units(tokens)
        names = [u for u, _ in units]
        unigram = [_hash("w:" + n, self._mask) for n in names]
        negated = self._negation_flags(names) if self.config.negation else [False] * len(names)
        seen: dict[int, tuple[str, int | None]] = {}
        for i, (name, tok) in enumerate(units):
            seen.setdefault(unigram[i], (name, tok))
            if negated[i]:
                seen.setdefault(self.negated_column(unigram[i]), ("pas " + name, tok))
            if i + 1 < len(units):
                seen.setdefault(self.bigram_column(unigram[i], unigram[i + 1]), (name + " " + names[i + 1], tok))
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


def _token_cues(token: Token) -> tuple[float, ...]:
    """Style and emoji cues of one token: ``(!, ?, letters, upper letters, elongated, url,
    mention, positive emoji, negative emoji)``; empty when the token has none."""
    kind, text = token.kind, token.text
    if kind == "punct":
        if "!" in text or "?" in text:
            return (text.count("!"), text.count("?"), 0, 0, 0, 0, 0, 0, 0)
        return ()
    if kind == "word":
        letters = len(text) if len(text) > 1 else 0
        upper = letters if letters and text.isupper() else 0
        elongated = 1 if _ELONGATED.search(text) else 0
        return (0, 0, letters, upper, elongated, 0, 0, 0, 0) if letters or elongated else ()
    if kind == "url":
        return (0, 0, 0, 0, 0, 1, 0, 0, 0)
    if kind == "mention":
        return (0, 0, 0, 0, 0, 0, 1, 0, 0)
    if kind in ("emoji", "emoticon"):
        v = _EMOJI_VALENCES.get(token.norm, 0)
        return (0, 0, 0, 0, 0, 0, 0, 1 if v > 0 else 0, 1 if v < 0 else 0) if v else ()
    return ()
