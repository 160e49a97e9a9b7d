"""socialtext: read what French-speaking customers write to brands on social media.

The public API, re-exported here and loaded lazily so that ``import socialtext``
stays cheap (spaCy, numpy and the models load on first use).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Analyzer",
    "Charter",
    "Conversation",
    "Route",
    "Token",
    "Tokenizer",
    "__version__",
    "analyze",
    "analyze_frame",
    "analyze_many",
    "load",
    "nlp",
    "redact",
    "tokenize",
    "train",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())

_LAZY = {
    "Token": "socialtext.tokenizer",
    "Tokenizer": "socialtext.tokenizer",
    "tokenize": "socialtext.tokenizer",
    "nlp": "socialtext.tokenizer",
    "Analysis": "socialtext.analyzer",
    "Analyzer": "socialtext.analyzer",
    "analyze": "socialtext.analyzer",
    "analyze_many": "socialtext.analyzer",
    "load": "socialtext.analyzer",
    "train": "socialtext.training",
    "analyze_frame": "socialtext.integrations.pandas",
    "redact": "socialtext.privacy",
    "Charter": "socialtext.routing",
    "Conversation": "socialtext.routing",
    "Route": "socialtext.routing",
}

if TYPE_CHECKING:
    from socialtext.analyzer import Analysis, Analyzer, analyze, analyze_many, load
    from socialtext.integrations.pandas import analyze_frame
    from socialtext.privacy import redact
    from socialtext.routing import Charter, Conversation, Route
    from socialtext.tokenizer import Token, Tokenizer, nlp, tokenize
    from socialtext.training import train


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'socialtext' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
