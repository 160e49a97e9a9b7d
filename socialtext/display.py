"""Rich notebook display: HTML for analyses, routes and conversations (``_repr_html_``).

Small, dependency-free HTML; every piece of message text is escaped.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from socialtext.analyzer import Analysis
    from socialtext.routing.charter import Route
    from socialtext.routing.conversation import ConversationRoute

_PRIORITY_COLOURS = {"P1": "#c62828", "P2": "#ef6c00", "P3": "#1565c0", "P4": "#607d8b"}
_SENTIMENT_COLOURS = {"negative": "#c62828", "neutral": "#607d8b", "positive": "#2e7d32"}


def _bars(scores: dict[str, float], colours: dict[str, str] | None = None) -> str:
    rows = []
    for label, p in sorted(scores.items(), key=lambda kv: -kv[1]):
        colour = (colours or {}).get(label, "#1565c0")
        rows.append(
            f"<div style='display:flex;align-items:center;gap:6px;font-size:12px'>"
            f"<span style='width:90px'>{escape(label)}</span>"
            f"<span style='display:inline-block;height:8px;width:{max(1, round(p * 120))}px;"
            f"background:{colour}'></span>"
            f"<span>{p:.2f}</span></div>"
        )
    return "".join(rows)


def analysis_html(a: Analysis, k: int = 5) -> str:
    """The message with the tokens that drove each decision highlighted, and the scores as bars."""
    drivers: dict[str, str] = {}
    try:
        explanation = a.explain(k=k)
    except ValueError:
        explanation = {"department": [], "sentiment": []}
    for name, _ in explanation.get("department", []):
        drivers.setdefault(name, "#bbdefb")
    colour = {"negative": "#ffcdd2", "positive": "#c8e6c9"}.get(a.sentiment, "#eeeeee")
    for name, _ in explanation.get("sentiment", []):
        drivers[name] = colour
    from socialtext.features import deaccent

    pieces, last = [], 0
    for t in a.tokens:
        pieces.append(escape(a.text[last:t.start]))
        key = deaccent(t.expansion or t.norm)
        style = drivers.get(key) or drivers.get(t.norm)
        text = escape(t.text)
        pieces.append(f"<mark style='background:{style}'>{text}</mark>" if style else text)
        last = t.end
    pieces.append(escape(a.text[last:]))
    flags = f"<div style='font-size:12px;color:#ef6c00'>⚑ {escape(', '.join(a.flags))}</div>" if a.flags else ""
    return (
        "<div style='font-family:sans-serif;border:1px solid #ddd;padding:8px;border-radius:6px;max-width:640px'>"
        f"<div style='margin-bottom:6px'>{''.join(pieces)}</div>"
        f"<div style='display:flex;gap:24px'><div><b>{escape(a.department)}</b>{_bars(dict(a.department_scores))}</div>"
        f"<div><b style='color:{_SENTIMENT_COLOURS.get(a.sentiment, '#000')}'>{escape(a.sentiment)} "
        f"({a.sentiment_score:+.2f})</b>{_bars(dict(a.sentiment_scores), _SENTIMENT_COLOURS)}</div></div>"
        f"{flags}</div>"
    )


def _priority(p: str) -> str:
    return (f"<span style='background:{_PRIORITY_COLOURS.get(p, '#000')};color:white;padding:0 6px;"
            f"border-radius:4px;font-size:12px'>{escape(p)}</span>")


def route_html(r: Route) -> str:
    due = f" · échéance {escape(r.due.isoformat(timespec='minutes'))}" if r.due else ""
    tags = "".join(f" <code>{escape(t)}</code>" for t in r.tags)
    reasons = "".join(f"<li>{escape(x)}</li>" for x in r.reasons)
    return (
        "<div style='font-family:sans-serif;font-size:13px'>"
        f"{_priority(r.priority)} <b>{escape(r.team_name)}</b> · {r.sla_minutes} min{due}{tags}"
        f"<ul style='margin:4px 0'>{reasons}</ul></div>"
    )


def conversation_html(c: ConversationRoute) -> str:
    rows = []
    for m in c.messages:
        a = m.analysis
        rows.append(
            f"<div style='margin-left:{m.depth * 24}px;border-left:3px solid "
            f"{_SENTIMENT_COLOURS.get(a.sentiment, '#999')};padding:2px 8px;margin-bottom:4px'>"
            f"<div>{escape(m.text)}</div><div style='font-size:11px;color:#555'>{escape(a.department)} · "
            f"{escape(a.sentiment)} → {_priority(m.route.priority)} {escape(m.route.team_name)}</div></div>"
        )
    badges = "".join(f" <code>{b}</code>" for b, on in (("topic_shift", c.topic_shift),
                                                         ("turning_sour", c.turning_sour)) if on)
    reasons = "".join(f"<li>{escape(x)}</li>" for x in c.reasons)
    return (
        "<div style='font-family:sans-serif;font-size:13px;max-width:720px'>"
        f"<div>Fil confié à <b>{escape(c.owner_name)}</b> {_priority(c.priority)}{badges}</div>"
        f"<ul style='margin:4px 0'>{reasons}</ul>{''.join(rows)}</div>"
    )
