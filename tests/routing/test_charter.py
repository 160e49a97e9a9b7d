"""The intervention charter: loading, every condition and action, rule order, the default charter."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

import socialtext
from socialtext import Analyzer, Charter
from socialtext.errors import CharterError

BASE: dict[str, Any] = {
    "charter": {"name": "Test"},
    "teams": {
        "sav": {"name": "Service client", "departments": ["after_sales"], "sla_minutes": 30, "priority": "P2"},
        "ventes": {"name": "Ventes", "departments": ["sales"], "sla_minutes": 60},
        "marketing": {"name": "Marketing", "departments": ["marketing"], "sla_minutes": 240},
        "veille": {"name": "Veille", "departments": ["other"], "sla_minutes": 1440, "priority": "P4"},
        "crise": {"name": "Cellule de crise", "departments": [], "sla_minutes": 15, "priority": "P1"},
        "pm": {"name": "Chef de produit box", "departments": [], "sla_minutes": 120},
    },
    "products": [{"name": "Box Fibre Max", "aliases": ["box max"], "team": "pm"}],
}
COMPLAINT = "ma box marche plus depuis 3 jours 😡 #panne"
QUESTION = "Bonjour, le modèle Z5 est-il disponible en magasin à Lyon ?"


def charter(*rules: dict[str, Any], **extra: Any) -> Charter:
    return Charter.from_dict({**BASE, **extra, "rules": list(rules)})


def test_department_mapping_is_the_fallback(analyzer: Analyzer) -> None:
    route = charter().route(analyzer.analyze(COMPLAINT))
    assert (route.team, route.priority, route.sla_minutes, route.rules) == ("sav", "P2", 30, ())
    assert "Service client" in route.reasons[0]


def test_due_is_timestamp_plus_sla(analyzer: Analyzer) -> None:
    route = charter().route(analyzer.analyze(COMPLAINT), {"timestamp": "2026-11-28T10:00:00"})
    assert route.due == datetime(2026, 11, 28, 10, 30)


CONDITION_CASES = [
    ({"department": "after_sales"}, COMPLAINT, {}, True),
    ({"department": ["sales", "marketing"]}, COMPLAINT, {}, False),
    ({"sentiment": "negative"}, COMPLAINT, {}, True),
    ({"sentiment": "positive"}, COMPLAINT, {}, False),
    ({"min_department_score": 0.5}, COMPLAINT, {}, True),
    ({"max_department_score": 0.01}, COMPLAINT, {}, False),
    ({"max_sentiment_score": -0.2}, COMPLAINT, {}, True),
    ({"min_sentiment_score": 0.5}, COMPLAINT, {}, False),
    ({"keywords": ["ne marche plus", "marche plus"]}, COMPLAINT, {}, True),
    ({"keywords": ["Marché"]}, "le marche du samedi est super", {}, True),
    ({"keywords": ["facture"]}, COMPLAINT, {}, False),
    ({"hashtags": ["#PANNE"]}, COMPLAINT, {}, True),
    ({"hashtags": ["greve"]}, COMPLAINT, {}, False),
    ({"products": True}, "la BOX MAX est top", {}, True),
    ({"products": ["Box Fibre Max"]}, "ma box fibre max plante", {}, True),
    ({"products": True}, COMPLAINT, {}, False),
    ({"platform": "tweet"}, COMPLAINT, {"platform": "tweet"}, True),
    ({"platform": ["facebook"]}, COMPLAINT, {"platform": "tweet"}, False),
    ({"author": "customer"}, COMPLAINT, {"author": "customer"}, True),
    ({"author": "brand"}, COMPLAINT, {}, False),
    ({"min_author_followers": 10000}, COMPLAINT, {"author_followers": 25000}, True),
    ({"min_author_followers": 10000}, COMPLAINT, {"author_followers": 120}, False),
    ({"max_author_followers": 500}, COMPLAINT, {"author_followers": 120}, True),
    ({"min_likes": 100}, COMPLAINT, {"likes": 150}, True),
    ({"min_shares": 100}, COMPLAINT, {"shares": 3}, False),
    ({"min_engagement": 500}, COMPLAINT, {"likes": 300, "shares": 250}, True),
    ({"outside_working_hours": True}, COMPLAINT, {"timestamp": "2026-11-29T23:00:00"}, True),
    ({"outside_working_hours": True}, COMPLAINT, {"timestamp": "2026-11-27T10:00:00"}, False),
    ({"flags": ["uncertain_department"]}, COMPLAINT, {}, False),
    ({"meta": {"country": "BE"}}, COMPLAINT, {"country": "BE"}, True),
    ({"meta": {"country": "BE"}}, COMPLAINT, {"country": "FR"}, False),
]


@pytest.mark.parametrize(("when", "text", "meta", "matches"), CONDITION_CASES,
                         ids=[f"{next(iter(c[0]))}-{c[3]}" for c in CONDITION_CASES])
def test_each_condition(analyzer: Analyzer, when: dict[str, Any], text: str, meta: dict[str, Any],
                        matches: bool) -> None:
    hours = {"working_hours": {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "09:00", "end": "18:00"}}
    c = charter({"name": "r", "when": when, "then": {"team": "crise"}}, charter={"name": "T", **hours})
    route = c.route(analyzer.analyze(text), meta)
    assert (route.team == "crise") is matches, route.reasons


def test_conditions_combine_with_and(analyzer: Analyzer) -> None:
    rule = {"name": "bad buzz", "when": {"sentiment": "negative", "min_author_followers": 10000},
            "then": {"team": "crise", "priority": "P1", "notify": ["marketing"]}}
    c = charter(rule)
    assert c.route(analyzer.analyze(COMPLAINT), {"author_followers": 50}).team == "sav"
    assert c.route(analyzer.analyze("Merci pour tout 😍"), {"author_followers": 50000}).team != "crise"
    route = c.route(analyzer.analyze(COMPLAINT), {"author_followers": 50000})
    assert (route.team, route.priority, route.notify, route.rules) == ("crise", "P1", ("marketing",), ("bad buzz",))
    assert any("bad buzz" in r and "10 000" in r for r in route.reasons), route.reasons


def test_actions_priority_sla_tags_notify(analyzer: Analyzer) -> None:
    c = charter({"name": "vip", "when": {"department": "after_sales"},
                 "then": {"priority": "P1", "sla_minutes": 10, "tags": ["vip", "box"], "notify": ["marketing"]}})
    route = c.route(analyzer.analyze(COMPLAINT), {"timestamp": "2026-11-28T10:00:00"})
    assert (route.team, route.priority, route.sla_minutes) == ("sav", "P1", 10)
    assert route.tags == ("vip", "box") and route.notify == ("marketing",)
    assert route.due == datetime(2026, 11, 28, 10, 10)


def test_first_matching_rule_wins(analyzer: Analyzer) -> None:
    c = charter({"name": "one", "when": {"sentiment": "negative"}, "then": {"team": "crise"}},
                {"name": "two", "when": {"department": "after_sales"}, "then": {"team": "marketing"}})
    route = c.route(analyzer.analyze(COMPLAINT))
    assert route.team == "crise" and route.rules == ("one",)


def test_continue_lets_later_rules_apply_and_the_most_urgent_priority_wins(analyzer: Analyzer) -> None:
    c = charter({"name": "tag", "when": {"sentiment": "negative"}, "then": {"priority": "P1", "tags": ["colère"]},
                 "continue": True},
                {"name": "team", "when": {"department": "after_sales"}, "then": {"team": "marketing",
                                                                                 "priority": "P3"}})
    route = c.route(analyzer.analyze(COMPLAINT))
    assert route.rules == ("tag", "team")
    assert (route.team, route.priority, route.tags) == ("marketing", "P1", ("colère",))


def test_product_team_action_routes_to_the_product_manager(analyzer: Analyzer) -> None:
    c = charter({"name": "produit", "when": {"products": True}, "then": {"team": "@product"}})
    route = c.route(analyzer.analyze("La Box Max est dispo en magasin ?"))
    assert route.team == "pm" and route.products == ("Box Fibre Max",)
    assert c.route(analyzer.analyze(QUESTION)).team == "ventes"


def test_unknown_meta_keys_are_kept_and_usable(analyzer: Analyzer) -> None:
    c = charter({"name": "belgique", "when": {"meta": {"country": "BE", "vip": True}}, "then": {"team": "crise"}})
    assert c.route(analyzer.analyze(QUESTION), {"country": "BE", "vip": True}).team == "crise"


def test_timezone_aware_timestamps_use_the_charter_time_zone(analyzer: Analyzer) -> None:
    hours = {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "09:00", "end": "18:00"}
    c = charter({"name": "nuit", "when": {"outside_working_hours": True}, "then": {"tags": ["nuit"]}},
                charter={"name": "T", "timezone": "Europe/Paris", "working_hours": hours})
    # 07:30 UTC on a Friday is 08:30 in Paris: still outside 09:00-18:00.
    assert c.route(analyzer.analyze(COMPLAINT), {"timestamp": "2026-11-27T07:30:00+00:00"}).tags == ("nuit",)
    assert c.route(analyzer.analyze(COMPLAINT), {"timestamp": "2026-11-27T09:30:00+00:00"}).tags == ()


REALISTIC = [
    ("@MonOpé ma box marche plus depuis 3 jours 😡 #panne", {}, "sav"),
    ("Le forfait Liberté 5G est dispo pour les moins de 26 ans ?", {}, "produits"),
    ("Bonjour, quel est le prix de l'abonnement fibre à Lille ?", {}, "ventes"),
    ("Votre nouvelle pub est magnifique, bravo 😍", {}, "marketing"),
    ("Vous recrutez des alternants en comptabilité ?", {}, "veille"),
    ("Honteux, 3 semaines sans internet et personne ne répond 🤬", {"author_followers": 48000}, "crise"),
    ("Colis jamais livré, remboursez-moi", {"likes": 900, "shares": 300}, "crise"),
]


@pytest.mark.parametrize(("text", "meta", "team"), REALISTIC)
def test_default_charter_on_realistic_messages(analyzer: Analyzer, text: str, meta: dict[str, Any],
                                               team: str) -> None:
    route = Charter.default().route(analyzer.analyze(text), meta)
    assert route.team == team, route.reasons
    assert route.reasons


def test_default_charter_escalates_legal_threats(analyzer: Analyzer) -> None:
    route = Charter.default().route(analyzer.analyze("3e coupure ce mois-ci, mon avocat va vous contacter"))
    assert route.priority == "P1" and "juridique" in route.tags and "crise" in route.notify


def test_the_shipped_example_file_loads_from_toml(tmp_path: Path) -> None:
    from importlib import resources

    text = resources.files("socialtext.routing").joinpath("charte_exemple.toml").read_text(encoding="utf-8")
    path = tmp_path / "charte.toml"
    path.write_text(text, encoding="utf-8")
    c = Charter.from_toml(path)
    assert {"sav", "ventes", "marketing", "veille", "crise"} <= set(c.teams)
    assert c.rules[4].name == "bad buzz"


def _bad(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {**BASE, "rules": [{"name": "r", "when": {"sentiment": "negative"},
                                               "then": {"team": "crise"}}]}
    for key, value in changes.items():
        data[key] = value
    return data


def _rule(**fields: Any) -> dict[str, Any]:
    return _bad(rules=[{"name": "bad buzz", "when": {"sentiment": "negative"}, "then": {"team": "crise"}, **fields}])


INVALID = [
    (_rule(when={"department": "aftersales"}), "rule 'bad buzz': unknown department 'aftersales' in "
                                               "'when.department'; expected one of: after_sales"),
    (_rule(when={"sentiment": "angry"}), "unknown value 'angry'; expected one of: negative, neutral, positive"),
    (_rule(then={"team": "crisis"}), "unknown team 'crisis' in 'then.team'"),
    (_rule(then={"team": "crise", "priority": "P0"}), "bad priority 'P0' in 'then.priority'; expected one of: P1"),
    (_rule(then={"team": "crise", "sla_minutes": "15"}), "'then.sla_minutes' must be a positive integer"),
    (_rule(then={"team": "crise", "notify": ["comm"]}), "unknown team 'comm' in 'then.notify'"),
    (_rule(then={"team": "crise", "tags": "urgent"}), "'then.tags' must be a list of strings"),
    (_rule(then={"escalate": True}), "unknown action 'then.escalate'"),
    (_rule(when={"followers": 10}), "unknown condition 'when.followers'; expected one of:"),
    (_rule(when={"min_author_followers": "10k"}), "'when.min_author_followers': expected a number, got str"),
    (_rule(when={"min_department_score": 1.5}), "expected a number within [0, 1], got 1.5"),
    (_rule(when={"products": ["Box Ultra"]}), "unknown product 'Box Ultra' in 'when.products'"),
    (_rule(when={"outside_working_hours": "yes"}), "expected true or false, got str"),
    (_rule(**{"continue": "yes"}), "'continue' must be true or false"),
    (_rule(then={}), "rule 'bad buzz' then: missing or empty"),
    (_rule(priority="P1"), "rule 'bad buzz': unknown key 'priority'"),
    (_bad(rules=[{"when": {}, "then": {"team": "crise"}}]), "rule #1: missing 'name'"),
    (_bad(rules=[{"name": "a", "then": {"team": "crise"}}, {"name": "a", "then": {"team": "sav"}}]),
     "rule 'a': duplicate rule name"),
    (_bad(teams={**BASE["teams"], "x": {"name": "X", "sla_minutes": -5}}), "team 'x' sla_minutes: expected a "
                                                                            "positive integer"),
    (_bad(teams={**BASE["teams"], "x": {"sla_minutes": 5}}), "team 'x' name: missing or not a string"),
    (_bad(teams={**BASE["teams"], "x": {"name": "X", "sla_minutes": 5, "priority": "urgent"}}),
     "team 'x' priority: unknown priority 'urgent'"),
    (_bad(teams={**BASE["teams"], "x": {"name": "X", "sla_minutes": 5, "working_hours": {"start": "18:00",
                                                                                        "end": "09:00"}}}),
     "end (09:00:00) must be after start (18:00:00)"),
    (_bad(teams={"sav": BASE["teams"]["sav"], "crise": BASE["teams"]["crise"]}, products=[]),
     "no team handles department(s) marketing, other, sales"),
    (_bad(products=[{"aliases": ["x"]}]), "product #1: each [[products]] entry needs a 'name'"),
    (_bad(products=[{"name": "P", "team": "nobody"}]), "product 'P' team: unknown team 'nobody'"),
    (_bad(escalation={}), "unknown section 'escalation'"),
    (_bad(charter={"name": "T", "timezone": "Mars/Olympus"}), "unknown time zone 'Mars/Olympus'"),
]


@pytest.mark.parametrize(("data", "message"), INVALID, ids=[m[:40] for _, m in INVALID])
def test_invalid_charters_are_refused_with_a_precise_message(data: dict[str, Any], message: str) -> None:
    with pytest.raises(CharterError) as info:
        Charter.from_dict(data, source="charte.toml")
    assert message in str(info.value)
    assert str(info.value).startswith("charte.toml: ")


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "charte.toml"
    path.write_text("[charter\nname = 'x'", encoding="utf-8")
    with pytest.raises(CharterError, match=r"charte\.toml: invalid TOML"):
        Charter.from_toml(path)


def test_route_html_escapes_and_shows_priority(analyzer: Analyzer) -> None:
    route = Charter.default().route(analyzer.analyze("<b>panne</b> depuis 3 jours 😡"))
    html = route._repr_html_()
    assert route.priority in html and "<b>panne" not in html


def test_public_api_exposes_charter_and_conversation() -> None:
    assert socialtext.Charter is Charter
    assert socialtext.Conversation.__name__ == "Conversation"
