"""A documented generator of timestamped messages for the notebooks, built on the team's corpus.

``month_of_messages`` spreads corpus messages over ``days`` days with a daily rhythm
(quiet nights, busy evenings, calmer weekends) and Poisson noise, and can inject a
bad-buzz spike: extra negative marketing messages around one campaign hashtag during a
few hours. Texts come from ``corpora/`` (written by the socialtext team); timestamps,
reach and engagement are generated, so nothing here pretends to be real traffic.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from socialtext import corpus

ROOT = Path(__file__).resolve().parent.parent


def corpus_frame(sectors: tuple[str, ...] | None = None) -> pd.DataFrame:
    """The corpus as a DataFrame (``message`` column plus labels and fields)."""
    rows = [{"message": m.text, **{k: v for k, v in m.fields.items() if k != "text"}, "split": m.split}
            for m in corpus.read(ROOT / "corpora")]
    df = pd.DataFrame(rows)
    return df if sectors is None else df[df["sector"].isin(sectors)].reset_index(drop=True)


def month_of_messages(days: int = 30, per_day: int = 120, seed: int = 7, spike_day: int | None = 21,
                      spike_size: int = 60, spike_hours: int = 3, sectors: tuple[str, ...] = ("telecom",),
                      start: str = "2026-10-01") -> pd.DataFrame:
    """Timestamped messages (``timestamp``, ``message``, ``platform``, ``author``, ``author_followers``,
    ``likes``, ``shares``) with an optional spike of negative messages on ``spike_day`` at 18:00."""
    rng = np.random.default_rng(seed)
    pool = corpus_frame(sectors)
    pool = pool[pool["author"] != "brand"].reset_index(drop=True)
    hours = np.arange(24)
    rhythm = 0.2 + np.exp(-((hours - 19) ** 2) / 18) + 0.6 * np.exp(-((hours - 12) ** 2) / 8)
    rhythm /= rhythm.sum()
    rows = []
    for day in range(days):
        date = pd.Timestamp(start) + pd.Timedelta(days=day)
        n = rng.poisson(per_day * (0.7 if date.dayofweek >= 5 else 1.0))
        for hour in rng.choice(24, size=n, p=rhythm):
            rows.append(_row(pool.iloc[rng.integers(len(pool))], date + pd.Timedelta(hours=int(hour),
                             minutes=int(rng.integers(60))), rng))
    if spike_day is not None:
        angry = pool[(pool["sentiment"] == "negative") & (pool["department"] == "marketing")]
        t0 = pd.Timestamp(start) + pd.Timedelta(days=spike_day, hours=18)
        for _ in range(spike_size):
            when = t0 + pd.Timedelta(minutes=int(rng.integers(60 * spike_hours)))
            row = _row(angry.iloc[rng.integers(len(angry))], when, rng)
            row["message"] = f"{row['message']} #PubGate"
            rows.append(row)
    return pd.DataFrame(rows).sort_values("timestamp").reset_index(drop=True)


def _row(message: pd.Series, when: pd.Timestamp, rng: np.random.Generator) -> dict[str, object]:
    followers = int(rng.lognormal(5, 1.8))
    return {"timestamp": when, "message": message["message"], "platform": message["platform"],
            "author": message["author"], "author_followers": followers,
            "likes": int(rng.poisson(2 + followers / 2000)), "shares": int(rng.poisson(0.5 + followers / 8000))}
