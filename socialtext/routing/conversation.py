"""Conversations: a thread of messages analysed in one batch, routed message by message, with an owner.

The owner is the team of the root message, unless the replies shifted to another
department (a campaign post flooded with after-sales complaints): then the thread is
flagged ``topic_shift`` and the owner follows what the replies need. A thread whose
recent replies turn negative (``turning_sour``), especially when they accelerate,
gets a higher priority and can trigger the charter's thread rules (crisis cell).
"""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from socialtext.errors import type_error
from socialtext.routing.charter import DEPARTMENT_NAMES, PRIORITIES, Charter, Route
from socialtext.routing.conditions import parse_timestamp

if TYPE_CHECKING:
    from socialtext.analyzer import Analysis, Analyzer

_RESERVED = {"id", "text", "reply_to"}


@dataclass(frozen=True)
class ThreadMessage:
    """One message of a conversation, with its analysis, route and depth in the reply tree."""

    id: str
    text: str
    reply_to: str | None
    depth: int
    meta: Mapping[str, Any]
    analysis: Analysis
    route: Route


@dataclass(frozen=True)
class ConversationRoute:
    """The routed thread: each message's route, the owner team and the thread's trajectory."""

    messages: tuple[ThreadMessage, ...]
    owner: str
    owner_name: str
    priority: str
    topic_shift: bool
    root_department: str
    reply_department: str | None
    turning_sour: bool
    accelerating: bool
    negative_share_recent: float
    negative_share_before: float
    rules: tuple[str, ...]
    reasons: tuple[str, ...]
    notify: tuple[str, ...] = ()

    def __repr__(self) -> str:
        flags = [f for f, on in (("topic_shift", self.topic_shift), ("turning_sour", self.turning_sour)) if on]
        return (f"ConversationRoute(owner={self.owner} {self.priority}, {len(self.messages)} messages"
                f"{', ' + ', '.join(flags) if flags else ''})")

    def _repr_html_(self) -> str:
        from socialtext.display import conversation_html

        return conversation_html(self)


class Conversation:
    """A thread built from messages with ``id``, ``text`` and ``reply_to`` (plus author, timestamp, …).

    Examples
    --------
    >>> conv = socialtext.Conversation([
    ...     {"id": "1", "text": "🎉 Nouvelle pub ! Vous en pensez quoi ?", "author": "brand"},
    ...     {"id": "2", "text": "Ma box est en panne depuis 5 jours", "reply_to": "1"},
    ... ])
    >>> conv.route(socialtext.Charter.default()).owner
    'sav'
    """

    def __init__(self, messages: Iterable[Mapping[str, Any]], *, recent: int = 5) -> None:
        if recent < 2:
            raise ValueError(f"recent must be at least 2 replies, got {recent!r}")
        self.recent = recent
        self._messages: list[dict[str, Any]] = []
        ids: set[str] = set()
        for index, raw in enumerate(messages):
            if not isinstance(raw, Mapping):
                raise type_error("messages", raw, "a mapping with 'id' and 'text'", index)
            if "id" not in raw or "text" not in raw:
                raise ValueError(f"messages[{index}] needs an 'id' and a 'text'")
            if not isinstance(raw["text"], str):
                raise type_error(f"messages[{index}]['text']", raw["text"])
            mid = str(raw["id"])
            if mid in ids:
                raise ValueError(f"messages[{index}]: duplicate id {mid!r}")
            ids.add(mid)
            self._messages.append({**raw, "id": mid})
        if not self._messages:
            raise ValueError("a conversation needs at least one message")
        for index, m in enumerate(self._messages):
            parent = m.get("reply_to")
            if parent is not None and str(parent) not in ids:
                raise ValueError(f"messages[{index}] (id {m['id']!r}): reply_to {parent!r} is not a message "
                                 "of this conversation")
        self._depth = self._depths()

    def __len__(self) -> int:
        return len(self._messages)

    def __repr__(self) -> str:
        return f"Conversation({len(self)} messages)"

    def _depths(self) -> dict[str, int]:
        parents = {m["id"]: (str(m["reply_to"]) if m.get("reply_to") is not None else None) for m in self._messages}
        depths: dict[str, int] = {}
        for mid in parents:
            depth, seen, node = 0, {mid}, parents[mid]
            while node is not None:
                if node in seen:
                    raise ValueError(f"reply_to forms a cycle through message {node!r}")
                seen.add(node)
                depth += 1
                node = parents[node]
            depths[mid] = depth
        return depths

    def analyze(self, analyzer: Analyzer | None = None) -> list[Analysis]:
        """Analyse every message in one batch (the default model unless ``analyzer`` is given)."""
        from socialtext.analyzer import default_analyzer

        return (analyzer or default_analyzer()).analyze_many([m["text"] for m in self._messages])

    def route(self, charter: Charter | None = None, analyzer: Analyzer | None = None) -> ConversationRoute:
        """Route every message and the thread as a whole."""
        charter = charter or Charter.default()
        analyses = self.analyze(analyzer)
        items = []
        for m, analysis in zip(self._messages, analyses, strict=True):
            meta = {k: v for k, v in m.items() if k not in _RESERVED}
            meta.setdefault("thread", None)
            reply_to = str(m["reply_to"]) if m.get("reply_to") is not None else None
            items.append(ThreadMessage(m["id"], m["text"], reply_to, self._depth[m["id"]], meta, analysis,
                                       charter.route(analysis, meta)))
        return self._thread_route(charter, items)

    def _thread_route(self, charter: Charter, items: list[ThreadMessage]) -> ConversationRoute:
        root = next(i for i in items if i.reply_to is None)
        replies = [i for i in items if i is not root and i.meta.get("author") != "brand"]
        replies.sort(key=lambda i: (parse_timestamp(i.meta.get("timestamp")) or datetime.min).timestamp()
                     if i.meta.get("timestamp") else 0.0)
        reasons: list[str] = []
        root_dep = root.analysis.department
        reply_dep: str | None = None
        shift = False
        if replies:
            counts = Counter(i.analysis.department for i in replies)
            reply_dep, top = counts.most_common(1)[0]
            if reply_dep != root_dep and top >= 2 and top / len(replies) >= 0.5:
                shift = True
                reasons.append(
                    f"Le fil a dérivé : {top} réponse(s) sur {len(replies)} relèvent de "
                    f"« {DEPARTMENT_NAMES.get(reply_dep, reply_dep)} » alors que le message initial relève de "
                    f"« {DEPARTMENT_NAMES.get(root_dep, root_dep)} »."
                )
        owner_dep = reply_dep if shift and reply_dep else root_dep

        recent = replies[-self.recent:]
        before = replies[: -self.recent] if len(replies) > self.recent else []
        share_recent = _negative_share(recent)
        share_before = _negative_share(before) if before else 0.0
        sour = len(recent) >= 3 and share_recent >= 0.6 and share_recent - share_before >= 0.2
        accelerating = _accelerating(replies, self.recent)
        if sour:
            reasons.append(f"Le fil tourne au négatif : {share_recent:.0%} de réponses négatives parmi les "
                           f"{len(recent)} plus récentes (contre {share_before:.0%} avant).")
        if accelerating:
            reasons.append("Les réponses s'accélèrent.")

        thread_sentiment = "negative" if sour else Counter(i.analysis.sentiment for i in items).most_common(1)[0][0]
        synthetic = dataclasses.replace(root.analysis, department=owner_dep, sentiment=thread_sentiment)
        meta = dict(root.meta)
        meta["author_followers"] = max((_num(i.meta.get("author_followers")) for i in items), default=0.0)
        meta["likes"] = sum(_num(i.meta.get("likes")) for i in items)
        meta["shares"] = sum(_num(i.meta.get("shares")) for i in items)
        stamps = [i.meta["timestamp"] for i in items if i.meta.get("timestamp") is not None]
        if stamps:
            meta["timestamp"] = max(stamps, key=lambda s: parse_timestamp(s))  # type: ignore[arg-type,return-value]
        stats = {"replies": float(len(replies)), "negative_share": share_recent, "sour": float(sour),
                 "accelerating": float(accelerating)}
        thread_route = charter.route(synthetic, meta, thread=stats)
        reasons.extend(thread_route.reasons)
        priority = min([thread_route.priority, *(i.route.priority for i in items if i.analysis.department
                                                 == owner_dep)], key=PRIORITIES.index)
        if sour and priority != "P1":
            raised = PRIORITIES[PRIORITIES.index(priority) - 1]
            reasons.append(f"Priorité relevée de {priority} à {raised} car le fil tourne au négatif.")
            priority = raised
        reasons.append(f"Fil confié à « {thread_route.team_name} ».")
        return ConversationRoute(
            messages=tuple(items), owner=thread_route.team, owner_name=thread_route.team_name, priority=priority,
            topic_shift=shift, root_department=root_dep, reply_department=reply_dep, turning_sour=sour,
            accelerating=accelerating, negative_share_recent=share_recent, negative_share_before=share_before,
            rules=thread_route.rules, reasons=tuple(reasons), notify=thread_route.notify,
        )


def _num(value: Any) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def _negative_share(items: list[ThreadMessage]) -> float:
    return sum(i.analysis.sentiment == "negative" for i in items) / len(items) if items else 0.0


def _accelerating(replies: list[ThreadMessage], recent: int) -> bool:
    """Recent replies come at least twice as fast as earlier ones (needs timestamps)."""
    stamps = [parse_timestamp(i.meta.get("timestamp")) for i in replies]
    if len(stamps) < 4 or any(s is None for s in stamps):
        return False
    seconds = [s.timestamp() for s in stamps if s is not None]
    gaps = [b - a for a, b in itertools.pairwise(seconds)]
    cut = max(1, len(gaps) - (recent - 1))
    early, late = gaps[:cut], gaps[cut:]
    if not early or not late:
        return False
    mean_early = sum(early) / len(early)
    mean_late = sum(late) / len(late)
    return mean_early > 0 and mean_late <= 0.5 * mean_early
