"""Tokenizer and Token: French social-media text split the way people write it.

Built on spaCy's ``Tokenizer`` machinery (whitespace split, then prefixes, suffixes,
infixes and whole-token matches) with socialtext's own rules from
:mod:`socialtext.lang.fr`. Each token then gets a ``kind`` and a ``norm`` (the form
the models read); both are computed once per distinct string and cached.

Performance note: ``spacy.blank("fr")`` is not used on the default path. Its
tokenizer exceptions compile a regex of about 1.45 million characters (≈2.5 s at
every process start); socialtext needs a few hundred rules only.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from socialtext.errors import type_error
from socialtext.lang.fr import emoji, emoticons, punctuation, slang, words

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer as SpacyTokenizer

__all__ = ["KINDS", "Token", "Tokenizer", "tokenize"]

KINDS = ("word", "number", "punct", "symbol", "hashtag", "mention", "url", "email", "emoji", "emoticon")


class Token(NamedTuple):
    """One token: its exact text, its offsets in the message, what it is and its norm.

    ``text == message[start:end]`` always holds. ``norm`` is lower case, with
    elongations squeezed ("TROOOOP" -> "trop") and apostrophes unified; ``expansion``
    is the meaning of SMS/web slang ("pk" -> "pourquoi"), or ``None``.

    Examples
    --------
    >>> socialtext.tokenize("l'appli")[0]
    Token(text="l'", norm="l'", kind='word', start=0, end=2, expansion=None)
    """

    text: str
    norm: str
    kind: str
    start: int
    end: int
    expansion: str | None = None


def _compile(pieces: Iterable[str], template: str) -> re.Pattern[str]:
    return re.compile("|".join(template.format(p) for p in pieces))


_ELISION_SPECIALS = [
    form
    for elided in punctuation.ELISIONS
    for apostrophe in punctuation.APOSTROPHES
    for form in {elided + apostrophe, elided.capitalize() + apostrophe, elided.upper() + apostrophe}
]

_URL = re.compile(punctuation.URL)
_EMAIL = re.compile(punctuation.EMAIL)
_HASHTAG = re.compile(punctuation.HASHTAG)
_MENTION = re.compile(punctuation.MENTION)
_NUMBER = re.compile(punctuation.NUMBER)
_EMOJI = re.compile(emoji.EMOJI)
_EMOJI_STRIP = re.compile(emoji.NORM_STRIP)
_INVISIBLE = re.compile(f"[{punctuation.INVISIBLE}]+")
_CHUNK = re.compile(r"\S+")
_SURROGATE = re.compile("[\ud800-\udfff]")
_RUN = re.compile(r"([^\W\d_])\1{2,}")
_APOSTROPHE_TABLE = str.maketrans({"’": "'", "ʼ": "'"})
_MAX_RUNS = 4  # beyond this, combinations explode: squeeze every run to one letter


def _squeeze(lower: str) -> str:
    """Undo elongations: each run of 3+ letters becomes one letter, or two if that spells a word."""
    runs = list(_RUN.finditer(lower))
    if not runs:
        return lower
    parts: list[str] = []
    last = 0
    for m in runs:
        parts.append(lower[last : m.start()])
        last = m.end()
    tail = lower[last:]
    letters = [m.group(1) for m in runs]
    if len(runs) <= _MAX_RUNS:
        for counts in itertools.product((1, 2), repeat=len(runs)):
            if 2 not in counts:
                continue
            candidate = "".join(p + c * n for p, c, n in zip(parts, letters, counts, strict=False)) + tail
            if candidate in words.DOUBLE_LETTER_WORDS:
                return candidate
    return "".join(p + c for p, c in zip(parts, letters, strict=False)) + tail


def _is_punct(text: str) -> bool:
    return all(unicodedata.category(ch).startswith("P") for ch in text)


@lru_cache(maxsize=200_000)
def classify(text: str) -> tuple[str, str, str | None]:
    """Return ``(kind, norm, expansion)`` of a token text (pure and cached)."""
    if _URL.fullmatch(text):
        return "url", text.lower(), None
    if _EMAIL.fullmatch(text):
        return "email", text.lower(), None
    if _HASHTAG.fullmatch(text):
        return "hashtag", _squeeze(text.lower()), None
    if _MENTION.fullmatch(text):
        return "mention", text.lower(), None
    canonical = emoticons.EMOTICONS.get(text)
    if canonical is not None:
        return "emoticon", canonical, None
    if _EMOJI.fullmatch(text):
        return "emoji", _EMOJI_STRIP.sub("", text) or text, None
    if _NUMBER.fullmatch(text):
        return "number", text, None
    if any(ch.isalpha() for ch in text):
        norm = _squeeze(text.lower().translate(_APOSTROPHE_TABLE))
        return "word", norm, slang.SLANG.get(norm)
    if text not in punctuation.SYMBOLS and _is_punct(text):
        return "punct", text.translate(_APOSTROPHE_TABLE).replace("…", "..."), None
    return "symbol", text, None


def _build_spacy_tokenizer(vocab: object | None = None) -> SpacyTokenizer:
    """Build spaCy's ``Tokenizer`` with socialtext's French social-media rules."""
    from spacy.tokenizer import Tokenizer as SpacyTokenizer
    from spacy.vocab import Vocab

    rules = {form: [{"ORTH": form}] for form in (*punctuation.SPECIAL_CASES, *_ELISION_SPECIALS)}
    return SpacyTokenizer(
        vocab if vocab is not None else Vocab(),
        rules=rules,
        prefix_search=_compile(punctuation.PREFIXES, "^(?:{})").search,
        suffix_search=_compile(punctuation.SUFFIXES, "(?:{})$").search,
        infix_finditer=_compile(punctuation.INFIXES, "(?:{})").finditer,
        token_match=_compile(punctuation.TOKEN_PATTERNS, "^(?:{})$").match,
    )


class Tokenizer:
    """A reusable French social-media tokenizer; build it once, call it on many texts.

    Examples
    --------
    >>> tok = socialtext.Tokenizer()
    >>> [t.text for t in tok("Trop bien l'appli !!! 😍😍 #top")]
    ['Trop', 'bien', "l'", 'appli', '!!!', '😍', '😍', '#top']
    """

    # Whitespace-separated chunks repeat a lot ("merci", "!!!", "#panne"): each
    # distinct chunk goes through spaCy's rules once and its tokens are memoised,
    # which is what spaCy's own cache does, minus the Doc built for every message.
    # Bounded, so that a stream of millions of messages does not grow it forever; when
    # it is full, it is emptied and spaCy's tokenizer is rebuilt with a fresh Vocab (a
    # spaCy Vocab keeps every string it has seen, which would grow without end).
    _CACHE_LIMIT = 100_000

    def __init__(self) -> None:
        self._spacy = _build_spacy_tokenizer()
        self._chunks: dict[str, tuple[Token, ...]] = {}

    @property
    def spacy_tokenizer(self) -> SpacyTokenizer:
        """The underlying ``spacy.tokenizer.Tokenizer`` (advanced use)."""
        return self._spacy

    def __call__(self, text: str) -> list[Token]:
        if not isinstance(text, str):
            raise type_error("text", text)
        return self._tokens(text)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[list[Token]]:
        """Tokenize a stream of texts lazily, yielding one token list per text.

        ``batch_size`` is accepted for symmetry with spaCy; tokenization is per text.
        """
        for index, text in enumerate(texts):
            if not isinstance(text, str):
                raise type_error("texts", text, index=index)
            yield self._tokens(text)

    def chunk_tokens(self, chunk: str) -> tuple[Token, ...]:
        """Tokens of one whitespace-free chunk, offsets relative to it (memoised; advanced use)."""
        pieces = self._chunks.get(chunk)
        if pieces is None:
            if len(self._chunks) > self._CACHE_LIMIT:
                self._chunks.clear()
                self._spacy = _build_spacy_tokenizer()
            found = []
            # spaCy cannot hash lone surrogates (a broken emoji from a bad export): it sees
            # U+FFFD in their place, one character for one, so offsets are unchanged, and
            # the tokens keep the original characters.
            safe = _SURROGATE.sub("\ufffd", chunk) if _SURROGATE.search(chunk) else chunk
            for t in self._spacy(safe):
                string = chunk[t.idx : t.idx + len(t.text)]
                if string.isspace() or _INVISIBLE.fullmatch(string):
                    continue
                kind, norm, expansion = classify(string)
                found.append(Token(string, norm, kind, t.idx, t.idx + len(string), expansion))
            pieces = self._chunks[chunk] = tuple(found)
        return pieces

    def _tokens(self, text: str) -> list[Token]:
        out: list[Token] = []
        chunk_tokens = self.chunk_tokens
        for m in _CHUNK.finditer(text):
            base = m.start()
            for t in chunk_tokens(m.group()):
                out.append(Token(t.text, t.norm, t.kind, base + t.start, base + t.end, t.expansion))
        return out


@lru_cache(maxsize=1)
def default_tokenizer() -> Tokenizer:
    """The process-wide tokenizer used by :func:`tokenize` (built on first use)."""
    return Tokenizer()


def tokenize(text: str) -> list[Token]:
    """Split a French social-media message into tokens.

    Examples
    --------
    >>> [(t.text, t.kind) for t in socialtext.tokenize("@SNCF_Direct encore 3h de retard 😡")]
    [('@SNCF_Direct', 'mention'), ('encore', 'word'), ('3', 'number'), ('h', 'word'),
     ('de', 'word'), ('retard', 'word'), ('😡', 'emoji')]
    """
    return default_tokenizer()(text)


def create_spacy_tokenizer() -> Callable[[Language], SpacyTokenizer]:
    """spaCy registry function ``socialtext.Tokenizer.v1``: socialtext's rules for any pipeline.

    Registered through the ``spacy_tokenizers`` entry point, so a pipeline saved with
    :func:`nlp` loads back with ``spacy.load`` wherever socialtext is installed.
    """

    def make(language: Language) -> SpacyTokenizer:
        return _build_spacy_tokenizer(language.vocab)

    return make


def nlp() -> Language:
    """A spaCy ``Language`` (lang ``fr``) whose tokenizer is socialtext's.

    For users who want spaCy ``Doc`` objects and pipelines (``nlp.add_pipe("socialtext")``).
    spaCy's own French exceptions are not loaded, so this stays cheap; the pipeline
    saves with ``nlp.to_disk`` and loads back with ``spacy.load``.
    """
    from spacy.language import Language
    from spacy.util import registry

    if "socialtext.Tokenizer.v1" not in registry.tokenizers:
        registry.tokenizers.register("socialtext.Tokenizer.v1", func=create_spacy_tokenizer)

    class SocialFrench(Language):
        lang = "fr"

    return SocialFrench.from_config({"nlp": {"lang": "fr", "tokenizer": {"@tokenizers": "socialtext.Tokenizer.v1"}}})
