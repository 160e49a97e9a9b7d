"""The not_french flag: other languages flagged, French (even short or full of anglicisms) never."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import socialtext
from socialtext.lang.detect import is_clearly_not_french

DATA = Path(__file__).resolve().parent / "data" / "languages.jsonl"


def test_other_languages_are_flagged_and_french_is_not() -> None:
    rows = [json.loads(line) for line in DATA.open(encoding="utf-8")]
    flagged, totals = Counter(), Counter()
    for row in rows:
        totals[row["lang"]] += 1
        flagged[row["lang"]] += is_clearly_not_french(row["text"])
    assert flagged["en"] / totals["en"] >= 0.85
    assert flagged["es"] / totals["es"] >= 0.6
    assert flagged["ar"] / totals["ar"] >= 0.75
    assert flagged["fr"] / totals["fr"] <= 0.02


def test_the_analysis_carries_the_flag() -> None:
    assert "not_french" in socialtext.analyze("where is my order?? still waiting after two weeks").flags
    assert "not_french" not in socialtext.analyze("le call de ce matin était top, merci").flags
    assert "not_french" not in socialtext.load(detect_language=False).analyze("where is my order?? still").flags
