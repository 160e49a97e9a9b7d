"""Conversations: per-message routes, owner team, topic shifts, sour trajectories."""

from __future__ import annotations

import pytest

from socialtext import Analyzer, Charter, Conversation

SHIFTING = [
    {"id": "p", "text": "🎉 Notre nouvelle campagne de Noël est en ligne ! Vous l'aimez ?", "author": "brand"},
    {"id": "a", "text": "Ma box est en panne depuis 5 jours, aucun technicien", "reply_to": "p"},
    {"id": "b", "text": "Colis jamais reçu et le suivi dit livré, remboursez-moi", "reply_to": "p"},
    {"id": "c", "text": "Facture doublée ce mois-ci, personne ne répond au téléphone", "reply_to": "p"},
    {"id": "d", "text": "Bonjour, pouvez-vous nous envoyer votre numéro client en MP ?", "reply_to": "a",
     "author": "brand"},
]


def test_each_message_gets_its_own_route_and_the_owner_follows_a_topic_shift(analyzer: Analyzer) -> None:
    result = Conversation(SHIFTING).route(Charter.default(), analyzer)
    assert len(result.messages) == 5
    assert result.messages[0].route.team == "marketing"
    assert all(m.route.team == "sav" for m in result.messages[1:4])
    assert result.topic_shift and result.root_department == "marketing"
    assert result.reply_department == "after_sales" and result.owner == "sav"
    assert any("dérivé" in r for r in result.reasons)
    assert [m.depth for m in result.messages] == [0, 1, 1, 1, 2]


def test_a_thread_that_stays_on_topic_keeps_the_root_team(analyzer: Analyzer) -> None:
    messages = [
        {"id": "1", "text": "Découvrez notre nouvelle pub avec Inès, tournée à Marseille ✨", "author": "brand"},
        {"id": "2", "text": "Superbe pub, bravo 😍", "reply_to": "1"},
        {"id": "3", "text": "Magnifique clip, la musique est top", "reply_to": "1"},
    ]
    result = Conversation(messages).route(Charter.default(), analyzer)
    assert not result.topic_shift and result.owner == "marketing" and not result.turning_sour


def test_a_thread_turning_sour_and_accelerating_escalates_to_the_crisis_cell(analyzer: Analyzer) -> None:
    texts = ["Super pub 😍", "J'adore la musique", "Bravo pour le clip",
             "Pub honteuse et sexiste, retirez-la 😡", "Inadmissible cette pub, boycott", "Honte à vous 🤬",
             "Pub scandaleuse, je suis choquée", "Lamentable, on boycotte"]
    stamps = ["10:00", "11:00", "12:00", "12:10", "12:12", "12:13", "12:14", "12:15"]
    messages = [{"id": "0", "text": "Notre nouvelle pub est sortie 🎬", "author": "brand",
                 "timestamp": "2026-11-28T09:00:00"}]
    messages += [{"id": str(i + 1), "text": t, "reply_to": "0", "timestamp": f"2026-11-28T{s}:00"}
                 for i, (t, s) in enumerate(zip(texts, stamps, strict=True))]
    result = Conversation(messages).route(Charter.default(), analyzer)
    assert result.turning_sour and result.accelerating
    assert result.owner == "crise" and result.priority == "P1"
    assert "fil qui s'envenime" in result.rules
    assert result.negative_share_recent > result.negative_share_before


def test_invalid_threads_are_refused() -> None:
    with pytest.raises(ValueError, match="reply_to 'zz' is not a message"):
        Conversation([{"id": "1", "text": "x"}, {"id": "2", "text": "y", "reply_to": "zz"}])
    with pytest.raises(ValueError, match="duplicate id '1'"):
        Conversation([{"id": "1", "text": "x"}, {"id": "1", "text": "y"}])
    with pytest.raises(TypeError, match=r"messages\[0\]\['text'\] must be str"):
        Conversation([{"id": "1", "text": 3}])
    with pytest.raises(ValueError, match="at least one message"):
        Conversation([])


def test_conversation_html_is_an_indented_tree(analyzer: Analyzer) -> None:
    html = Conversation(SHIFTING).route(Charter.default(), analyzer)._repr_html_()
    assert "margin-left:48px" in html and "Service client" in html
