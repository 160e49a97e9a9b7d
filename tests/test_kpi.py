"""KPIs and bad-buzz detection on synthetic streams (seasonality, noise, injected spikes)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from socialtext import kpi

NEG_TEXTS = ["plus de réseau #panne", "encore une coupure 😡", "inadmissible #panne", "box HS depuis ce matin"]
OTHER = [("merci pour l'aide", "positive"), ("le forfait est à combien ?", "neutral")]


def stream(seed: int, days: int = 30, spike_at: str | None = None, spike: int = 0, hours: int = 2) -> pd.DataFrame:
    """Hourly messages with a daily cycle (quiet nights, busy evenings) and Poisson noise."""
    rng = np.random.default_rng(seed)
    rows = []
    start = pd.Timestamp("2026-10-01")
    for h in range(days * 24):
        t = start + pd.Timedelta(hours=h)
        rate = 6 + 5 * np.sin((t.hour - 9) / 24 * 2 * np.pi)
        for _ in range(rng.poisson(max(rate, 0.5))):
            stamp = t + pd.Timedelta(minutes=int(rng.integers(0, 60)))
            if rng.random() < 0.3:
                rows.append((stamp, NEG_TEXTS[rng.integers(len(NEG_TEXTS))], "negative", "after_sales"))
            else:
                text, sentiment = OTHER[rng.integers(len(OTHER))]
                rows.append((stamp, text, sentiment, "sales"))
    if spike_at is not None:
        t0 = pd.Timestamp(spike_at)
        for _ in range(spike):
            stamp = t0 + pd.Timedelta(minutes=int(rng.integers(0, 60 * hours)))
            rows.append((stamp, "#boycott pub scandaleuse, honte à vous", "negative", "marketing"))
    return pd.DataFrame(rows, columns=["timestamp", "message", "sentiment", "department"])


def test_an_injected_spike_is_detected_with_its_drivers() -> None:
    df = stream(1, spike_at="2026-10-21 14:00", spike=45)
    alerts = kpi.detect_bursts(df)
    assert len(alerts) == 1
    alert = alerts[0]
    assert pd.Timestamp("2026-10-21 14:00") <= pd.Timestamp(alert.start) <= pd.Timestamp("2026-10-21 15:00")
    assert alert.observed > 3 * alert.expected
    assert "#boycott" in alert.hashtags and "scandaleuse" in alert.terms
    assert alert.examples and "pic de messages négatifs" in alert.summary and alert.level in ("alerte", "crise")


def test_seasonality_and_noise_alone_raise_no_alert() -> None:
    alerts = sum(len(kpi.detect_bursts(stream(seed))) for seed in range(20))
    # 20 streams x 720 hours: the false-alarm rate is reported in the closing note.
    assert alerts <= 1


def test_detection_per_group_names_the_group() -> None:
    df = stream(2, spike_at="2026-10-25 10:00", spike=40)
    alerts = kpi.detect_bursts(df, by="department")
    assert [a.group for a in alerts] == ["marketing"]


def test_weighting_by_reach_finds_a_small_spike_from_big_accounts() -> None:
    df = stream(3)
    df["author_followers"] = 50
    big = pd.DataFrame({"timestamp": pd.date_range("2026-10-22 09:00", periods=8, freq="5min"),
                        "message": ["vous êtes des escrocs #arnaque"] * 8, "sentiment": "negative",
                        "department": "marketing", "author_followers": 2_000_000, "likes": 5000})
    df = pd.concat([df, big], ignore_index=True)
    assert not kpi.detect_bursts(df)
    assert kpi.detect_bursts(df, weighted=True)


def test_volumes_shares_and_net_sentiment() -> None:
    df = stream(4, days=3)
    v = kpi.volumes(df, "D", "sentiment")
    assert v.to_numpy().sum() == len(df) and list(v.columns) == ["negative", "neutral", "positive"]
    assert kpi.shares(df, "department").sum() == pytest.approx(1.0)
    net = kpi.net_sentiment(df, "D")
    assert ((net >= -1) & (net <= 1)).all()
    per_dep = kpi.net_sentiment(df, "D", by="department")
    assert (per_dep["after_sales"] == -1).all()


def test_top_hashtags_per_period() -> None:
    tags = kpi.top_tags(stream(5, days=2), "D", n=2)
    assert set(tags.columns) == {"period", "hashtag", "count"} and tags.iloc[0]["hashtag"] == "#panne"


def test_responsiveness_and_summary() -> None:
    df = pd.DataFrame({
        "timestamp": pd.to_datetime(["2026-11-28 10:00", "2026-11-28 11:00", "2026-11-28 12:00"]),
        "replied_at": pd.to_datetime(["2026-11-28 10:20", "2026-11-28 12:30", None]),
        "team": ["sav", "sav", "ventes"], "sla_minutes": [30, 30, 60],
        "sentiment": ["negative", "neutral", "positive"], "department": ["after_sales", "after_sales", "sales"],
    })
    r = kpi.responsiveness(df)
    assert r.loc["sav", "within_sla"] == 0.5 and r.loc["sav", "median_minutes"] == 55
    assert r.loc["ventes", "answered"] == 0
    s = kpi.summary(df, replied="replied_at")
    assert list(s.columns) == ["metric", "scope", "value"]
    assert s.loc[(s.metric == "net_sentiment") & (s.scope == "total"), "value"].item() == pytest.approx(0.0)
    assert "<table" in s._repr_html_()


def test_missing_columns_are_named() -> None:
    with pytest.raises(KeyError, match="'sentiment'"):
        kpi.detect_bursts(pd.DataFrame({"timestamp": []}))
