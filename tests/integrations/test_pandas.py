"""analyze_frame on a real pandas DataFrame."""

from __future__ import annotations

import pandas as pd
import pytest

import socialtext
from socialtext import Analyzer, Charter


def test_adds_columns_keeps_the_index_and_leaves_the_input_untouched(analyzer: Analyzer) -> None:
    df = pd.DataFrame({"message": ["colis jamais reçu 😡", "super pub 😍", None], "x": [1, 2, 3]},
                      index=["a", "b", "c"])
    before = df.copy()
    out = socialtext.analyze_frame(df, analyzer=analyzer)
    pd.testing.assert_frame_equal(df, before)
    assert list(out.index) == ["a", "b", "c"]
    assert list(out["department"]) == ["after_sales", "marketing", "other"]
    assert out.loc["c", "flags"] == ("missing_text",) and out.loc["c", "sentiment"] == "neutral"
    assert out["sentiment_score"].between(-1, 1).all()


def test_with_a_charter_adds_routes_from_meta_columns(analyzer: Analyzer) -> None:
    df = pd.DataFrame({
        "message": ["Honteux, 3 semaines sans internet 🤬", "Le forfait 5G est à combien ?"],
        "author_followers": [52000, 12],
        "timestamp": pd.to_datetime(["2026-11-28 10:00", "2026-11-28 11:00"]),
    })
    out = socialtext.analyze_frame(df, charter=Charter.default(), analyzer=analyzer)
    assert list(out["team"]) == ["crise", "ventes"]
    assert out.loc[0, "priority"] == "P1"
    assert out.loc[0, "due"] == pd.Timestamp("2026-11-28 10:15")


def test_bad_values_name_the_row() -> None:
    with pytest.raises(TypeError, match="row 'b'"):
        socialtext.analyze_frame(pd.DataFrame({"message": ["ok", 3]}, index=["a", "b"]))
    with pytest.raises(KeyError, match="no column 'text'"):
        socialtext.analyze_frame(pd.DataFrame({"message": ["ok"]}), text="text")
