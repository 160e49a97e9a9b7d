"""The exceptions socialtext raises. Every message names what was wrong and what is allowed."""

from __future__ import annotations


class SocialTextError(Exception):
    """Base class of every error raised on purpose by socialtext."""


class ModelError(SocialTextError):
    """A model directory is missing, incomplete, tampered with or incompatible."""


class CorpusError(SocialTextError, ValueError):
    """A corpus file has an invalid line (bad JSON, missing field, unknown label)."""


def type_error(name: str, value: object, expected: str = "str", index: int | None = None) -> TypeError:
    """Build the TypeError raised when a public function receives the wrong type."""
    where = f"{name}[{index}]" if index is not None else name
    return TypeError(f"{where} must be {expected}, got {type(value).__name__}: {value!r:.60}")


class CharterError(SocialTextError, ValueError):
    """An intervention charter (TOML or dict) has a mistake; the message names file, rule and field."""
