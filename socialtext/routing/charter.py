"""The intervention charter (charte d'intervention): who answers what, how fast, when to escalate.

A charter declares teams (departments handled, SLA, working hours), a product
catalogue and an ordered list of rules. :meth:`Charter.route` turns an
:class:`~socialtext.Analysis` plus message metadata into a :class:`Route`.

Rule semantics (documented in the README):
- rules are tried in order; a matching rule applies its actions and stops the
  search, unless it says ``continue = true``;
- across the matched rules, a later rule's ``team`` and ``sla_minutes`` override an
  earlier one's, the most urgent ``priority`` wins, ``tags`` and ``notify`` add up;
- when no matched rule names a team, the department mapping decides (the first team
  whose ``departments`` list the message's department, else ``default_team``).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from socialtext.errors import CharterError
from socialtext.features import deaccent
from socialtext.routing.conditions import CONDITIONS, Context, parse_timestamp

if TYPE_CHECKING:
    from socialtext.analyzer import Analysis
    from socialtext.tokenizer import Token

PRIORITIES = ("P1", "P2", "P3", "P4")
# In a rule's ``then.team``: the team of the catalogue product the message mentions.
PRODUCT_TEAM = "@product"
STANDARD_DEPARTMENTS = ("after_sales", "marketing", "other", "sales")
DEPARTMENT_NAMES = {
    "after_sales": "Service après-vente",
    "marketing": "Marketing",
    "sales": "Ventes",
    "other": "Autre",
}
_DAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
         "lun": 0, "mar": 1, "mer": 2, "jeu": 3, "ven": 4, "sam": 5, "dim": 6}
_TEAM_KEYS = {"name", "departments", "sla_minutes", "priority", "working_hours"}
_RULE_KEYS = {"name", "when", "then", "continue", "description"}
_ACTION_KEYS = {"team", "priority", "sla_minutes", "tags", "notify"}
_TOP_KEYS = {"charter", "teams", "rules", "products"}


@dataclass(frozen=True)
class WorkingHours:
    """Days (0 = Monday) and a daily opening window, in the charter's time zone."""

    days: frozenset[int]
    start: time
    end: time

    def contains(self, moment: datetime) -> bool:
        return moment.weekday() in self.days and self.start <= moment.time() < self.end


@dataclass(frozen=True)
class Team:
    id: str
    name: str
    departments: tuple[str, ...]
    sla_minutes: int
    priority: str = "P3"
    working_hours: WorkingHours | None = None


@dataclass(frozen=True)
class Rule:
    name: str
    when: Mapping[str, Any]
    then: Mapping[str, Any]
    continue_: bool = False
    description: str = ""


@dataclass(frozen=True)
class Product:
    name: str
    aliases: tuple[str, ...] = ()
    team: str | None = None


@dataclass(frozen=True)
class Route:
    """Where a message goes: team, priority, deadline, and why (in French, for the care team)."""

    team: str
    team_name: str
    priority: str
    sla_minutes: int
    due: datetime | None
    rules: tuple[str, ...]
    reasons: tuple[str, ...]
    tags: tuple[str, ...] = ()
    notify: tuple[str, ...] = ()
    department: str = ""
    sentiment: str = ""
    products: tuple[str, ...] = ()

    def __repr__(self) -> str:
        rules = f", rules={list(self.rules)}" if self.rules else ""
        return f"Route({self.team} {self.priority}, sla={self.sla_minutes} min{rules})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "team": self.team, "team_name": self.team_name, "priority": self.priority,
            "sla_minutes": self.sla_minutes, "due": self.due.isoformat() if self.due else None,
            "rules": list(self.rules), "reasons": list(self.reasons), "tags": list(self.tags),
            "notify": list(self.notify), "products": list(self.products),
        }

    def _repr_html_(self) -> str:
        from socialtext.display import route_html

        return route_html(self)


def _load_toml(text: str, source: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CharterError(f"{source}: invalid TOML ({exc})") from None


@dataclass(eq=False)
class Charter:
    """Teams, products and ordered rules; build it with :meth:`from_toml`, :meth:`from_dict` or :meth:`default`."""

    name: str
    teams: dict[str, Team]
    rules: list[Rule]
    products: list[Product] = field(default_factory=list)
    default_team: str | None = None
    working_hours: WorkingHours | None = None
    timezone: str | None = None
    source: str = "<dict>"

    def __post_init__(self) -> None:
        self._matcher: Any = None
        self._routed = 0

    def __getstate__(self) -> dict[str, Any]:
        # The spaCy matcher is rebuilt on first use in another process (Dask, joblib).
        state = dict(self.__dict__)
        state["_matcher"] = None
        return state

    # -- loading -------------------------------------------------------------------
    @classmethod
    def from_toml(cls, path: str | Path) -> Charter:
        """Read a charter file (TOML); any mistake raises CharterError naming the file, rule and field."""
        file = Path(path)
        try:
            text = file.read_text(encoding="utf-8")
        except OSError as exc:
            raise CharterError(f"{file}: cannot read the charter ({exc.strerror})") from None
        return cls.from_dict(_load_toml(text, str(file)), source=str(file))

    @classmethod
    def default(cls) -> Charter:
        """A sensible French organisation (the commented example shipped in the package)."""
        text = resources.files("socialtext.routing").joinpath("charte_exemple.toml").read_text(encoding="utf-8")
        return cls.from_dict(_load_toml(text, "charte_exemple.toml"), source="Charter.default()")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, source: str = "<dict>") -> Charter:
        """Build and validate a charter from plain data (the TOML file's shape)."""
        return _Parser(source).charter(data)

    # -- routing -------------------------------------------------------------------
    def route(self, analysis: Analysis, meta: Mapping[str, Any] | None = None,
              thread: Mapping[str, float] | None = None) -> Route:
        """Route one analysed message. ``meta`` keys: timestamp, platform, author,
        author_followers, likes, shares, thread, reply_to, and any of your own."""
        meta = dict(meta or {})
        timestamp = parse_timestamp(meta.get("timestamp"))
        ctx = self._context(analysis, meta, timestamp, thread)
        matched: list[Rule] = []
        for rule in self.rules:
            if all(CONDITIONS[key].test(ctx, value) for key, value in rule.when.items()):
                matched.append(rule)
                if not rule.continue_:
                    break
        return self._build_route(analysis, ctx, matched, timestamp)

    def team_for(self, department: str) -> Team:
        """The team handling a department (the department mapping, then ``default_team``)."""
        for team in self.teams.values():
            if department in team.departments:
                return team
        if self.default_team is not None:
            return self.teams[self.default_team]
        raise CharterError(
            f"{self.source}: no team handles department {department!r} and no 'default_team' is set; "
            f"add it to a team's 'departments' or set [charter] default_team"
        )

    def _context(self, analysis: Analysis, meta: Mapping[str, Any], timestamp: datetime | None,
                 thread: Mapping[str, float] | None) -> Context:
        tokens = analysis.tokens
        keywords, products = self._match_terms(tokens)
        hashtags = frozenset(deaccent(t.norm[1:]) for t in tokens if t.kind == "hashtag")
        team = self.team_for(analysis.department) if self._maps(analysis.department) else None
        hours = (team.working_hours if team and team.working_hours else None) or self.working_hours
        outside = None
        if hours is not None and timestamp is not None:
            outside = not hours.contains(self._local(timestamp))
        return Context(
            department=analysis.department,
            department_score=float(analysis.department_scores.get(analysis.department, 0.0)),
            sentiment=analysis.sentiment,
            sentiment_score=analysis.sentiment_score,
            flags=analysis.flags,
            keywords=keywords,
            hashtags=hashtags,
            products=products,
            meta=meta,
            outside_hours=outside,
            thread=thread,
        )

    def _maps(self, department: str) -> bool:
        return self.default_team is not None or any(department in t.departments for t in self.teams.values())

    def _local(self, moment: datetime) -> datetime:
        if self.timezone and moment.tzinfo is not None:
            from zoneinfo import ZoneInfo

            return moment.astimezone(ZoneInfo(self.timezone))
        return moment

    def _match_terms(self, tokens: Iterable[Token]) -> tuple[frozenset[str], frozenset[str]]:
        """Keywords of any rule and catalogue products found in the message (PhraseMatcher on norms)."""
        matcher, vocab = self._phrase_matcher()
        if matcher is None:
            return frozenset(), frozenset()
        from spacy.tokens import Doc

        words = [_term_norm(t) for t in tokens]
        if not words:
            return frozenset(), frozenset()
        self._routed += 1
        if self._routed >= 50_000:
            # Each Doc adds its words to the matcher's Vocab: rebuild both now and then so
            # that routing millions of messages keeps memory flat.
            self._matcher, self._routed = None, 0
        doc = Doc(vocab, words=words)
        keywords: set[str] = set()
        products: set[str] = set()
        for match_id, _, _ in matcher(doc):
            label = vocab.strings[match_id]
            kind, _, value = label.partition(":")
            (keywords if kind == "kw" else products).add(value)
        return frozenset(keywords), frozenset(products)

    def _phrase_matcher(self) -> tuple[Any, Any]:
        if self._matcher is None:
            from spacy.matcher import PhraseMatcher
            from spacy.tokens import Doc
            from spacy.vocab import Vocab

            from socialtext.tokenizer import default_tokenizer

            tokenizer = default_tokenizer()
            vocab = Vocab()

            def pattern(term: str) -> Doc:
                return Doc(vocab, words=[_term_norm(t) for t in tokenizer(term)] or [term])

            terms: dict[str, set[str]] = {}
            for rule in self.rules:
                for keyword in rule.when.get("keywords", ()):
                    terms.setdefault(f"kw:{keyword}", set()).add(keyword)
            for product in self.products:
                terms.setdefault(f"product:{product.name}", set()).update((product.name, *product.aliases))
            if not terms:
                self._matcher = (None, None)
                return self._matcher
            matcher = PhraseMatcher(vocab, attr="ORTH")
            for label, phrases in terms.items():
                matcher.add(label, [pattern(p) for p in sorted(phrases)])
            self._matcher = (matcher, vocab)
        return self._matcher

    def _product_team(self, ctx: Context) -> Team | None:
        for product in self.products:
            if product.name in ctx.products and product.team:
                return self.teams[product.team]
        return None

    def _build_route(self, analysis: Analysis, ctx: Context, matched: list[Rule], timestamp: datetime | None) -> Route:
        reasons: list[str] = []
        team: Team | None = None
        sla: int | None = None
        priorities: list[str] = []
        tags: list[str] = []
        notify: list[str] = []
        for rule in matched:
            then = rule.then
            why = " et ".join(_describe(k, v, ctx) for k, v in rule.when.items()) or "toujours"
            effects = []
            if "team" in then:
                chosen = self._product_team(ctx) if then["team"] == PRODUCT_TEAM else self.teams[then["team"]]
                if chosen is not None:
                    team = chosen
                    sla = None
                    effects.append(f"équipe « {team.name} »")
            if "priority" in then:
                priorities.append(then["priority"])
                effects.append(f"priorité {then['priority']}")
            if "sla_minutes" in then:
                sla = int(then["sla_minutes"])
                effects.append(f"délai {sla} min")
            for tag in then.get("tags", ()):
                if tag not in tags:
                    tags.append(tag)
            for other in then.get("notify", ()):
                if other not in notify:
                    notify.append(other)
            if then.get("notify"):
                effects.append("prévenir " + ", ".join(self.teams[t].name for t in then["notify"]))
            reasons.append(f"Règle « {rule.name} » ({why}) : {', '.join(effects) or 'étiquettes ajoutées'}.")
        department_name = DEPARTMENT_NAMES.get(ctx.department, ctx.department)
        if team is None:
            team = self.team_for(ctx.department)
            reasons.insert(0, f"Message de type « {department_name} » (confiance {ctx.department_score:.2f}) : "
                              f"équipe « {team.name} ».")
        if ctx.outside_hours:
            reasons.append("Reçu hors des heures ouvrées de l'équipe.")
        priority = min([team.priority, *priorities], key=PRIORITIES.index)
        if priorities and priority != team.priority:
            reasons.append(f"Priorité {priority} (au lieu de {team.priority}, la priorité par défaut de l'équipe).")
        minutes = sla if sla is not None else team.sla_minutes
        due = timestamp + timedelta(minutes=minutes) if timestamp is not None else None
        return Route(
            team=team.id, team_name=team.name, priority=priority, sla_minutes=minutes, due=due,
            rules=tuple(r.name for r in matched), reasons=tuple(reasons), tags=tuple(tags),
            notify=tuple(t for t in notify if t != team.id), department=ctx.department,
            sentiment=ctx.sentiment, products=tuple(sorted(ctx.products)),
        )


def _describe(key: str, value: Any, ctx: Context) -> str:
    """A condition in French; for term lists, only the terms actually found in the message."""
    found = {"keywords": ctx.keywords, "hashtags": ctx.hashtags, "products": ctx.products}.get(key)
    if found is not None and value is not True:
        value = tuple(v for v in value if v in found) or value
    if key == "products" and value is True:
        value = tuple(sorted(ctx.products))
    return CONDITIONS[key].describe(value)


def _term_norm(token: Token) -> str:
    return deaccent(token.norm.lstrip("#"))


class _Parser:
    """Validate charter data; every error names the source, the place and what is allowed."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, message: str) -> CharterError:
        return CharterError(f"{self.source}: {where}: {message}")

    def charter(self, data: Mapping[str, Any]) -> Charter:
        if not isinstance(data, Mapping):
            raise CharterError(f"{self.source}: expected a table at the top level, got {type(data).__name__}")
        unknown = set(data) - _TOP_KEYS
        if unknown:
            raise CharterError(f"{self.source}: unknown section {sorted(unknown)[0]!r}; "
                               f"expected: {', '.join(sorted(_TOP_KEYS))}")
        head = data.get("charter", {})
        if not isinstance(head, Mapping):
            raise self.fail("[charter]", "expected a table")
        bad_head = set(head) - {"name", "default_team", "working_hours", "timezone"}
        if bad_head:
            raise self.fail("[charter]", f"unknown key {sorted(bad_head)[0]!r}; expected: default_team, name, "
                                         "timezone, working_hours")
        name = head.get("name", "Charte d'intervention")
        if not isinstance(name, str):
            raise self.fail("[charter] name", f"expected a string, got {type(name).__name__}")
        teams_data = data.get("teams")
        if not isinstance(teams_data, Mapping) or not teams_data:
            raise CharterError(f"{self.source}: no team declared; add at least one [teams.<id>] table")
        teams = {tid: self.team(tid, t) for tid, t in teams_data.items()}
        known_departments = set(STANDARD_DEPARTMENTS) | {d for t in teams.values() for d in t.departments}
        default_team = head.get("default_team")
        if default_team is not None and default_team not in teams:
            raise self.fail("[charter] default_team", f"unknown team {default_team!r}; expected one of: "
                                                      f"{', '.join(sorted(teams))}")
        timezone = head.get("timezone")
        if timezone is not None:
            try:
                from zoneinfo import ZoneInfo

                ZoneInfo(str(timezone))
            except Exception:
                raise self.fail("[charter] timezone", f"unknown time zone {timezone!r} (e.g. 'Europe/Paris')") from None
        products = [self.product(i, p, teams) for i, p in enumerate(data.get("products", []) or [])]
        rules_data = data.get("rules", [])
        if not isinstance(rules_data, list):
            raise CharterError(f"{self.source}: 'rules' must be an array of tables ([[rules]])")
        rules: list[Rule] = []
        for i, raw in enumerate(rules_data):
            rule = self.rule(i, raw, teams, known_departments, {p.name for p in products})
            if any(r.name == rule.name for r in rules):
                raise self.fail(f"rule {rule.name!r}", "duplicate rule name; each rule needs its own name")
            rules.append(rule)
        charter = Charter(name=name, teams=teams, rules=rules, products=products, default_team=default_team,
                          working_hours=self.hours("[charter] working_hours", head.get("working_hours")),
                          timezone=timezone, source=self.source)
        unmapped = [d for d in STANDARD_DEPARTMENTS if not any(d in t.departments for t in teams.values())]
        if unmapped and default_team is None:
            raise CharterError(
                f"{self.source}: no team handles department(s) {', '.join(unmapped)}; list them in a team's "
                "'departments' or set [charter] default_team"
            )
        return charter

    def team(self, tid: str, t: Any) -> Team:
        where = f"team {tid!r}"
        if not isinstance(t, Mapping):
            raise self.fail(where, f"expected a table, got {type(t).__name__}")
        unknown = set(t) - _TEAM_KEYS
        if unknown:
            raise self.fail(where, f"unknown key {sorted(unknown)[0]!r}; expected: {', '.join(sorted(_TEAM_KEYS))}")
        name = t.get("name")
        if not isinstance(name, str) or not name:
            raise self.fail(f"{where} name", "missing or not a string; give the team a display name")
        departments = t.get("departments", [])
        if not isinstance(departments, list) or not all(isinstance(d, str) for d in departments):
            raise self.fail(f"{where} departments", "expected a list of department names")
        sla = t.get("sla_minutes")
        if isinstance(sla, bool) or not isinstance(sla, int) or sla <= 0:
            raise self.fail(f"{where} sla_minutes", f"expected a positive integer (minutes), got {sla!r}")
        priority = t.get("priority", "P3")
        if priority not in PRIORITIES:
            raise self.fail(f"{where} priority", f"unknown priority {priority!r}; expected one of: "
                                                 f"{', '.join(PRIORITIES)}")
        return Team(tid, name, tuple(departments), sla, priority, self.hours(f"{where} working_hours",
                                                                             t.get("working_hours")))

    def hours(self, where: str, value: Any) -> WorkingHours | None:
        if value is None:
            return None
        if not isinstance(value, Mapping):
            raise self.fail(where, 'expected a table like { days = ["mon", ...], start = "09:00", end = "18:00" }')
        days = value.get("days", ["mon", "tue", "wed", "thu", "fri"])
        if not isinstance(days, list) or not all(isinstance(d, str) and d.lower()[:3] in _DAYS for d in days):
            raise self.fail(f"{where} days", f"expected day names among: {', '.join(list(_DAYS)[:7])} "
                                             "(or lun, mar, mer, jeu, ven, sam, dim)")
        try:
            start = time.fromisoformat(str(value.get("start", "09:00")))
            end = time.fromisoformat(str(value.get("end", "18:00")))
        except ValueError:
            raise self.fail(where, "start and end must be times like \"09:00\"") from None
        if end <= start:
            raise self.fail(where, f"end ({end}) must be after start ({start})")
        return WorkingHours(frozenset(_DAYS[d.lower()[:3]] for d in days), start, end)

    def product(self, i: int, p: Any, teams: Mapping[str, Team]) -> Product:
        where = f"product #{i + 1}"
        if not isinstance(p, Mapping) or not isinstance(p.get("name"), str) or not p["name"]:
            raise self.fail(where, "each [[products]] entry needs a 'name' (string)")
        aliases = p.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
            raise self.fail(f"product {p['name']!r} aliases", "expected a list of strings")
        team = p.get("team")
        if team is not None and team not in teams:
            raise self.fail(f"product {p['name']!r} team", f"unknown team {team!r}; expected one of: "
                                                           f"{', '.join(sorted(teams))}")
        return Product(p["name"], tuple(aliases), team)

    def rule(self, i: int, raw: Any, teams: Mapping[str, Team], departments: set[str],
             products: set[str]) -> Rule:
        if not isinstance(raw, Mapping):
            raise self.fail(f"rule #{i + 1}", f"expected a table, got {type(raw).__name__}")
        name = raw.get("name")
        if not isinstance(name, str) or not name:
            raise self.fail(f"rule #{i + 1}", "missing 'name'; every rule needs a name used in route reasons")
        where = f"rule {name!r}"
        unknown = set(raw) - _RULE_KEYS
        if unknown:
            raise self.fail(where, f"unknown key {sorted(unknown)[0]!r}; expected: {', '.join(sorted(_RULE_KEYS))}")
        when, then = raw.get("when", {}), raw.get("then")
        if not isinstance(when, Mapping):
            raise self.fail(f"{where} when", "expected a table of conditions")
        if not isinstance(then, Mapping) or not then:
            raise self.fail(f"{where} then", "missing or empty; a rule needs at least one action "
                                             f"({', '.join(sorted(_ACTION_KEYS))})")
        conditions: dict[str, Any] = {}
        for key, value in when.items():
            condition = CONDITIONS.get(key)
            if condition is None:
                raise self.fail(where, f"unknown condition 'when.{key}'; expected one of: "
                                       f"{', '.join(sorted(CONDITIONS))}")
            try:
                parsed = condition.parse(value)
            except ValueError as exc:
                raise self.fail(where, f"'when.{key}': {exc}") from None
            if key == "department":
                bad = [d for d in parsed if d not in departments]
                if bad:
                    raise self.fail(where, f"unknown department {bad[0]!r} in 'when.department'; expected one of: "
                                           f"{', '.join(sorted(departments))}")
            if key == "products" and parsed is not True:
                bad = [p for p in parsed if p not in products]
                if bad:
                    raise self.fail(where, f"unknown product {bad[0]!r} in 'when.products'; declare it in "
                                           "[[products]] first")
            conditions[key] = parsed
        actions: dict[str, Any] = {}
        for key, value in then.items():
            if key not in _ACTION_KEYS:
                raise self.fail(where, f"unknown action 'then.{key}'; expected one of: "
                                       f"{', '.join(sorted(_ACTION_KEYS))}")
            if key == "team" and value not in teams and value != PRODUCT_TEAM:
                raise self.fail(where, f"unknown team {value!r} in 'then.team'; expected one of: "
                                       f"{', '.join(sorted(teams))} (or {PRODUCT_TEAM!r})")
            if key == "priority" and value not in PRIORITIES:
                raise self.fail(where, f"bad priority {value!r} in 'then.priority'; expected one of: "
                                       f"{', '.join(PRIORITIES)}")
            if key == "sla_minutes" and (isinstance(value, bool) or not isinstance(value, int) or value <= 0):
                raise self.fail(where, f"'then.sla_minutes' must be a positive integer (minutes), got {value!r}")
            if key in ("tags", "notify"):
                if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                    raise self.fail(where, f"'then.{key}' must be a list of strings, got {value!r}")
                if key == "notify":
                    bad = [t for t in value if t not in teams]
                    if bad:
                        raise self.fail(where, f"unknown team {bad[0]!r} in 'then.notify'; expected one of: "
                                               f"{', '.join(sorted(teams))}")
                value = tuple(value)
            actions[key] = value
        cont = raw.get("continue", False)
        if not isinstance(cont, bool):
            raise self.fail(where, f"'continue' must be true or false, got {cont!r}")
        description = raw.get("description", "")
        return Rule(name, conditions, actions, cont, str(description))
