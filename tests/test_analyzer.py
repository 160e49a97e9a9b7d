"""socialtext.analyze / analyze_many / load with the shipped default model."""

from __future__ import annotations

import dataclasses
import json
import math

import pytest

import socialtext
from socialtext import Analyzer

DEPARTMENTS = {"after_sales", "marketing", "other", "sales"}

# Clear-cut messages a French care team sees every day (none of them is in the corpus).
CLEAR = [
    ("@MonOpé ma box marche plus depuis 3 jours 😡 #panne", "after_sales", "negative"),
    ("Colis jamais reçu, et le suivi dit livré. Je veux être remboursé.", "after_sales", "negative"),
    ("Bonjour, le modèle Z5 est-il disponible en magasin à Lyon ? Et à quel prix ?", "sales", "neutral"),
    ("Votre nouvelle pub est magnifique, bravo aux équipes 😍", "marketing", "positive"),
    ("Merci au technicien passé ce matin, réparation nickel et super sympa 🙏", "after_sales", "positive"),
    ("Vous recrutez des alternants en comptabilité pour septembre ?", "other", "neutral"),
]


@pytest.mark.parametrize(("text", "department", "sentiment"), CLEAR)
def test_clear_messages_get_the_expected_labels(analyzer: Analyzer, text: str, department: str,
                                                sentiment: str) -> None:
    result = analyzer.analyze(text)
    assert (result.department, result.sentiment) == (department, sentiment), result


def test_analyze_uses_the_default_model() -> None:
    result = socialtext.analyze("ma box marche plus depuis 3 jours 😡")
    assert result.department == "after_sales"
    assert result.sentiment == "negative"


def test_scores_are_probabilities_and_the_sentiment_score_is_their_difference(analyzer: Analyzer) -> None:
    result = analyzer.analyze("Bravo la SNCF, 3h de retard 👏")
    assert set(result.department_scores) == DEPARTMENTS
    assert math.isclose(sum(result.department_scores.values()), 1.0, abs_tol=1e-6)
    assert math.isclose(sum(result.sentiment_scores.values()), 1.0, abs_tol=1e-6)
    expected = result.sentiment_scores["positive"] - result.sentiment_scores["negative"]
    assert math.isclose(result.sentiment_score, expected, abs_tol=1e-9)
    assert -1.0 <= result.sentiment_score <= 1.0
    assert result.department == max(result.department_scores, key=result.department_scores.__getitem__)


def test_results_are_immutable(analyzer: Analyzer) -> None:
    result = analyzer.analyze("merci !")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.department = "sales"  # type: ignore[misc]
    with pytest.raises(TypeError):
        result.department_scores["sales"] = 1.0  # type: ignore[index]


def test_repr_is_short_and_names_the_decisions(analyzer: Analyzer) -> None:
    result = analyzer.analyze("Colis jamais reçu, et le suivi dit livré depuis une semaine, c'est quoi ce service ???")
    text = repr(result)
    assert len(text) < 140
    assert result.department in text and result.sentiment in text


def test_to_dict_is_json_ready(analyzer: Analyzer) -> None:
    data = analyzer.analyze("le forfait 5G est à combien ?").to_dict(tokens=True)
    again = json.loads(json.dumps(data, ensure_ascii=False))
    assert again["department"] == data["department"]
    assert again["tokens"][0]["text"] == "le"
    assert set(again) >= {"department_scores", "sentiment", "sentiment_score", "sentiment_scores", "flags"}


def test_explain_names_the_words_that_drove_each_decision(analyzer: Analyzer) -> None:
    explanation = analyzer.analyze("colis jamais reçu, remboursez-moi 😡").explain(k=5)
    assert set(explanation) == {"department", "sentiment"}
    assert 0 < len(explanation["department"]) <= 5
    assert all(weight > 0 for _, weight in explanation["sentiment"])
    named = " ".join(name for name, _ in explanation["department"] + explanation["sentiment"])
    assert any(word in named for word in ("colis", "recu", "rembours", "😡", "jamais"))


def test_analyze_many_and_pipe_keep_order_and_match_single_calls(analyzer: Analyzer) -> None:
    texts = [text for text, _, _ in CLEAR] * 3
    many = analyzer.analyze_many(texts, batch_size=4)
    streamed = list(analyzer.pipe(iter(texts), batch_size=5))
    singles = [analyzer.analyze(t) for t in texts]
    assert [r.text for r in many] == texts
    assert many == streamed == singles


def test_pipe_is_lazy(analyzer: Analyzer) -> None:
    def endless():
        while True:
            yield "toujours pas de réseau"

    stream = analyzer.pipe(endless(), batch_size=8)
    first = [next(stream) for _ in range(3)]
    assert all(r.department == "after_sales" for r in first)


def test_empty_text_is_other_neutral_and_flagged(analyzer: Analyzer) -> None:
    for text in ("", "   \n "):
        result = analyzer.analyze(text)
        assert (result.department, result.sentiment) == ("other", "neutral")
        assert "empty" in result.flags


def test_long_text_is_truncated_and_flagged() -> None:
    analyzer = socialtext.load(max_chars=50)
    result = analyzer.analyze("Colis jamais reçu. " * 20)
    assert "truncated" in result.flags
    assert result.text.startswith("Colis") and len(result.text) == 380


def test_low_confidence_is_flagged_at_a_configurable_threshold() -> None:
    strict = socialtext.load(min_confidence=0.99)
    result = strict.analyze("ok")
    assert "uncertain_department" in result.flags or "uncertain_sentiment" in result.flags
    lenient = socialtext.load(min_confidence=0.0)
    assert not {"uncertain_department", "uncertain_sentiment"} & set(lenient.analyze("ok").flags)


def test_bad_input_types_are_refused_with_their_type_and_index(analyzer: Analyzer) -> None:
    with pytest.raises(TypeError, match="NoneType"):
        analyzer.analyze(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"texts\[1\].*int"):
        analyzer.analyze_many(["ok", 3])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="single str"):
        analyzer.analyze_many("un texte")


def test_invalid_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="min_confidence"):
        socialtext.load(min_confidence=2)
    with pytest.raises(ValueError, match="batch_size"):
        list(socialtext.load().pipe(["x"], batch_size=0))
