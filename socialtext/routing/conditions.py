"""What a charter rule can test: a registry of conditions, one small function each.

Each condition has a name (the key in a rule's ``when`` table), a parser that checks
and normalises its value at load time (raising ``ValueError`` with what is allowed),
a test run on a :class:`Context`, and a French phrase used in route reasons.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from socialtext.features import deaccent

SENTIMENTS = ("negative", "neutral", "positive")
AUTHORS = ("brand", "customer", "other")


@dataclass
class Context:
    """Everything a rule may look at for one message (or one thread)."""

    department: str
    department_score: float
    sentiment: str
    sentiment_score: float
    flags: tuple[str, ...]
    keywords: frozenset[str]
    hashtags: frozenset[str]
    products: frozenset[str]
    meta: Mapping[str, Any]
    outside_hours: bool | None
    thread: Mapping[str, float] | None = None


@dataclass(frozen=True)
class Condition:
    parse: Callable[[Any], Any]
    test: Callable[[Context, Any], bool]
    describe: Callable[[Any], str]


def _strings(allowed: tuple[str, ...] | None = None) -> Callable[[Any], tuple[str, ...]]:
    def parse(value: Any) -> tuple[str, ...]:
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not values or not all(isinstance(v, str) and v for v in values):
            raise ValueError("expected a string or a non-empty list of strings")
        if allowed is not None:
            bad = [v for v in values if v not in allowed]
            if bad:
                raise ValueError(f"unknown value {bad[0]!r}; expected one of: {', '.join(allowed)}")
        return tuple(values)

    return parse


def _number(low: float | None = None, high: float | None = None) -> Callable[[Any], float]:
    def parse(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"expected a number, got {type(value).__name__}")
        if (low is not None and value < low) or (high is not None and value > high):
            raise ValueError(f"expected a number within [{low}, {high}], got {value}")
        return float(value)

    return parse


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {type(value).__name__}")
    return value


def _terms(value: Any) -> tuple[str, ...]:
    return tuple(" ".join(deaccent(v.lower()).split()) for v in _strings()(value))


def _hashtags(value: Any) -> tuple[str, ...]:
    return tuple(deaccent(v.lower()).lstrip("#") for v in _strings()(value))


def _meta_equals(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict) or not value:
        raise ValueError("expected a table of meta keys and the values they must equal")
    return dict(value)


def _meta_number(meta: Mapping[str, Any], key: str) -> float | None:
    value = meta.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _engagement(meta: Mapping[str, Any]) -> float:
    return (_meta_number(meta, "likes") or 0.0) + (_meta_number(meta, "shares") or 0.0)


def _fr_list(values: tuple[str, ...]) -> str:
    return " ou ".join(f"« {v} »" for v in values)


def _min_meta(key: str, label: str) -> Condition:
    return Condition(
        _number(0),
        lambda c, v: (_meta_number(c.meta, key) or 0.0) >= v,
        lambda v: f"{label} ≥ {v:,.0f}".replace(",", " "),
    )


def _max_meta(key: str, label: str) -> Condition:
    return Condition(
        _number(0),
        lambda c, v: (n := _meta_number(c.meta, key)) is not None and n <= v,
        lambda v: f"{label} ≤ {v:,.0f}".replace(",", " "),
    )


def _thread_min(key: str, label: str, low: float = 0, high: float | None = None) -> Condition:
    return Condition(
        _number(low, high),
        lambda c, v: c.thread is not None and c.thread.get(key, 0.0) >= v,
        lambda v: f"{label} ≥ {v:g}",
    )


CONDITIONS: dict[str, Condition] = {
    "department": Condition(_strings(), lambda c, v: c.department in v, lambda v: f"département {_fr_list(v)}"),
    "sentiment": Condition(_strings(SENTIMENTS), lambda c, v: c.sentiment in v, lambda v: f"sentiment {_fr_list(v)}"),
    "min_department_score": Condition(_number(0, 1), lambda c, v: c.department_score >= v,
                                      lambda v: f"confiance du département ≥ {v:g}"),
    "max_department_score": Condition(_number(0, 1), lambda c, v: c.department_score <= v,
                                      lambda v: f"confiance du département ≤ {v:g}"),
    "min_sentiment_score": Condition(_number(-1, 1), lambda c, v: c.sentiment_score >= v,
                                     lambda v: f"score de sentiment ≥ {v:g}"),
    "max_sentiment_score": Condition(_number(-1, 1), lambda c, v: c.sentiment_score <= v,
                                     lambda v: f"score de sentiment ≤ {v:g}"),
    "keywords": Condition(_terms, lambda c, v: any(k in c.keywords for k in v), lambda v: f"mots-clés {_fr_list(v)}"),
    "hashtags": Condition(_hashtags, lambda c, v: any(h in c.hashtags for h in v),
                          lambda v: "hashtag " + " ou ".join(f"#{h}" for h in v)),
    "products": Condition(
        lambda v: True if v is True else _strings()(v),
        lambda c, v: bool(c.products) if v is True else any(p in c.products for p in v),
        lambda v: "un produit du catalogue" if v is True else f"produit {_fr_list(v)}",
    ),
    "platform": Condition(_strings(), lambda c, v: c.meta.get("platform") in v, lambda v: f"plateforme {_fr_list(v)}"),
    "author": Condition(_strings(AUTHORS), lambda c, v: c.meta.get("author") in v, lambda v: f"auteur {_fr_list(v)}"),
    "flags": Condition(_strings(), lambda c, v: any(f in c.flags for f in v), lambda v: f"drapeau {_fr_list(v)}"),
    "min_author_followers": _min_meta("author_followers", "abonnés de l'auteur"),
    "max_author_followers": _max_meta("author_followers", "abonnés de l'auteur"),
    "min_likes": _min_meta("likes", "j'aime"),
    "min_shares": _min_meta("shares", "partages"),
    "min_engagement": Condition(_number(0), lambda c, v: _engagement(c.meta) >= v,
                                lambda v: f"engagement (j'aime + partages) ≥ {v:,.0f}".replace(",", " ")),
    "outside_working_hours": Condition(_boolean, lambda c, v: c.outside_hours is not None and c.outside_hours == v,
                                       lambda v: "hors des heures ouvrées" if v else "pendant les heures ouvrées"),
    "meta": Condition(_meta_equals, lambda c, v: all(c.meta.get(k) == x for k, x in v.items()),
                      lambda v: ", ".join(f"{k} = {x!r}" for k, x in v.items())),
    "min_thread_replies": _thread_min("replies", "réponses dans le fil"),
    "min_thread_negative_share": _thread_min("negative_share", "part négative des réponses récentes", 0, 1),
    "thread_turning_sour": Condition(_boolean, lambda c, v: c.thread is not None and bool(c.thread.get("sour")) == v,
                                     lambda v: "fil qui tourne au vinaigre" if v else "fil apaisé"),
    "thread_accelerating": Condition(_boolean,
                                     lambda c, v: c.thread is not None and bool(c.thread.get("accelerating")) == v,
                                     lambda v: "réponses qui s'accélèrent" if v else "rythme stable"),
}


def parse_timestamp(value: Any) -> datetime | None:
    """A ``datetime`` from a datetime or an ISO 8601 string; ``None`` when absent."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, str):
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    raise TypeError(f"meta['timestamp'] must be a datetime or an ISO 8601 string, got {type(value).__name__}")
