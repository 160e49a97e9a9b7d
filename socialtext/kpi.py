"""KPIs and bad-buzz detection over analysed messages (a DataFrame from ``analyze_frame``).

pandas is needed (``pip install "socialtext[pandas]"``); it is imported here only.

Bad-buzz detection (:func:`detect_bursts`), the method: count negative messages per
period (optionally weighted by reach and engagement, ``1 + log10(1 + followers) +
log10(1 + likes + shares)`` per message), and compare each period with its own
baseline — the same period of the day over the previous ``season`` days when enough
history exists (so the evening peak is not a buzz), else the previous ``window``
periods; the expected volume is the larger of their median and mean (robust to past
spikes, yet not zero on quiet nights with a few messages). The test is a Poisson
tail test on a variance-stabilised scale: ``z = 2 (sqrt(observed + 3/8) - sqrt(expected + 3/8))``
(Anscombe). A period is abnormal when ``z >= threshold`` (4.5 by default), at least
``min_count`` negative messages were seen and the volume is at least ``min_ratio`` times
the baseline; no alert is raised before ``window`` periods of history exist
(burn-in). Consecutive abnormal periods form one
:class:`Alert`. Level ``alerte`` from ``threshold``, ``crise`` from twice that.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

_STOPWORDS = frozenset(
    "le la les l' un une des de du d' et ou à a au aux en dans par pour sur avec sans ce cet cette ces "
    "je j' tu il elle on nous vous ils elles me m' te t' se s' mon ma mes ton ta tes son sa ses notre nos "
    "votre vos leur leurs qui que qu' quoi est sont ai as ont été être avoir fait pas ne n' plus c' ça ca "
    "y ya mais donc car si tout tous très trop bien encore même aussi depuis alors comme".split()
)


def _require(df: pd.DataFrame, *columns: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise KeyError(f"column(s) {', '.join(map(repr, missing))} missing; columns are: "
                       f"{', '.join(map(str, df.columns))} (analyse the frame with socialtext.analyze_frame first)")


def _times(df: pd.DataFrame, timestamp: str) -> pd.Series:
    import pandas as pd

    _require(df, timestamp)
    return pd.to_datetime(df[timestamp])


def bucket(times: pd.Series, freq: str) -> pd.Series:
    """The start of each timestamp's period: ``floor`` for fixed frequencies (``"1h"``, ``"6h"``,
    ``"D"``), calendar periods otherwise (``"W"``, ``"M"``)."""
    try:
        return times.dt.floor(freq)
    except ValueError:
        return times.dt.to_period(freq).dt.start_time


def volumes(df: pd.DataFrame, freq: str = "D", by: str = "department", *, timestamp: str = "timestamp"
            ) -> pd.DataFrame:
    """Message counts per period (rows) and value of ``by`` (columns: department, sentiment, team, platform…)."""
    import pandas as pd

    _require(df, by)
    times = _times(df, timestamp)
    table = pd.crosstab(bucket(times, freq), df[by])
    table.index.name = "period"
    return table


def shares(df: pd.DataFrame, by: str = "department") -> pd.Series:
    """Share of each value of ``by`` over the whole frame (sums to 1)."""
    _require(df, by)
    return df[by].value_counts(normalize=True).sort_index()


def net_sentiment(df: pd.DataFrame, freq: str = "D", by: str | None = None, *, timestamp: str = "timestamp"
                  ) -> pd.DataFrame | pd.Series:
    """Net sentiment score ``(positive - negative) / total`` per period (and per ``by`` value)."""
    _require(df, "sentiment")
    times = _times(df, timestamp)
    frame = df.assign(_period=bucket(times, freq),
                      _net=df["sentiment"].map({"positive": 1, "negative": -1}).fillna(0))
    keys = ["_period"] if by is None else ["_period", by]
    result = frame.groupby(keys)["_net"].mean()
    if by is not None:
        result = result.unstack(by)
    result.index.name = "period"
    return result


def top_tags(df: pd.DataFrame, freq: str = "D", *, kind: str = "hashtag", n: int = 5, text: str = "message",
             timestamp: str = "timestamp") -> pd.DataFrame:
    """The ``n`` most frequent hashtags (``kind="hashtag"``) or mentions (``"mention"``) per period."""
    import pandas as pd

    from socialtext.tokenizer import default_tokenizer

    if kind not in ("hashtag", "mention"):
        raise ValueError(f"kind must be 'hashtag' or 'mention', got {kind!r}")
    _require(df, text)
    times = bucket(_times(df, timestamp), freq)
    tokenizer = default_tokenizer()
    rows: list[dict[str, Any]] = []
    for period, texts in df[text].groupby(times):
        counts = Counter(t.norm for value in texts if isinstance(value, str) for t in tokenizer(value)
                         if t.kind == kind)
        rows.extend({"period": period, kind: tag, "count": c} for tag, c in counts.most_common(n))
    return pd.DataFrame(rows, columns=["period", kind, "count"])


def responsiveness(df: pd.DataFrame, *, replied: str = "replied_at", timestamp: str = "timestamp",
                   team: str = "team", sla: str = "sla_minutes") -> pd.DataFrame:
    """First-response time per team (median and mean, minutes) and share answered within the SLA.

    Needs the reply timestamps (``replied``: time of the team's first answer, missing when
    unanswered) and the routes (``team``, ``sla_minutes``) that ``analyze_frame`` adds with a charter.
    """
    import pandas as pd

    _require(df, replied, team, sla)
    delay = (pd.to_datetime(df[replied]) - _times(df, timestamp)).dt.total_seconds() / 60
    frame = pd.DataFrame({"team": df[team], "delay": delay, "within": delay <= df[sla], "answered": delay.notna()})
    out = frame.groupby("team").agg(
        messages=("delay", "size"), answered=("answered", "mean"), median_minutes=("delay", "median"),
        mean_minutes=("delay", "mean"), within_sla=("within", "mean"),
    )
    return out


def summary(df: pd.DataFrame, freq: str = "D", *, timestamp: str = "timestamp", replied: str | None = None
            ) -> pd.DataFrame:
    """A tidy table of the headline KPIs: ``metric``, ``scope``, ``value``.

    Volumes, department and sentiment shares, net sentiment overall and per department,
    alerts count, and responsiveness per team when ``replied`` names a reply-time column.
    Renders as an HTML table in Jupyter (it is a DataFrame).
    """
    import pandas as pd

    rows: list[dict[str, Any]] = [{"metric": "messages", "scope": "total", "value": float(len(df))}]
    for dep, share in shares(df, "department").items():
        rows.append({"metric": "share", "scope": f"department={dep}", "value": float(share)})
    for sent, share in shares(df, "sentiment").items():
        rows.append({"metric": "share", "scope": f"sentiment={sent}", "value": float(share)})
    net = df["sentiment"].map({"positive": 1, "negative": -1}).fillna(0)
    rows.append({"metric": "net_sentiment", "scope": "total", "value": float(net.mean()) if len(df) else 0.0})
    for dep, value in net.groupby(df["department"]).mean().items():
        rows.append({"metric": "net_sentiment", "scope": f"department={dep}", "value": float(value)})
    if timestamp in df.columns and len(df):
        per_period = volumes(df, freq, "sentiment", timestamp=timestamp).sum(axis=1)
        rows.append({"metric": f"messages_per_{freq}", "scope": "mean", "value": float(per_period.mean())})
        rows.append({"metric": "alerts", "scope": "negative bursts (1h)",
                     "value": float(len(detect_bursts(df, timestamp=timestamp)))})
    if replied is not None and "team" in df.columns:
        for team_id, row in responsiveness(df, replied=replied, timestamp=timestamp).iterrows():
            rows.append({"metric": "first_response_median_min", "scope": f"team={team_id}",
                         "value": float(row["median_minutes"])})
            rows.append({"metric": "within_sla", "scope": f"team={team_id}", "value": float(row["within_sla"])})
    return pd.DataFrame(rows, columns=["metric", "scope", "value"])


@dataclass(frozen=True)
class Alert:
    """A period where negative messages rose abnormally above their own baseline."""

    start: datetime
    end: datetime
    level: str
    observed: float
    expected: float
    score: float
    group: str | None = None
    hashtags: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    summary: str = ""
    periods: int = 1
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def __repr__(self) -> str:
        return f"Alert({self.level} {self.start:%d/%m %H:%M}, {self.observed:.0f} vs {self.expected:.1f} attendus)"


def _weights(df: pd.DataFrame, weighted: bool) -> pd.Series:
    import numpy as np
    import pandas as pd

    if not weighted:
        return pd.Series(1.0, index=df.index)
    def column(name: str) -> pd.Series:
        if name not in df.columns:
            return pd.Series(0.0, index=df.index)
        return pd.to_numeric(df[name], errors="coerce").fillna(0).clip(lower=0)

    followers = column("author_followers")
    engagement = column("likes") + column("shares")
    return 1 + np.log10(1 + followers) + np.log10(1 + engagement)


def detect_bursts(df: pd.DataFrame, freq: str = "1h", *, by: str | None = None, weighted: bool = False,
                  window: int = 24, season: int = 7, threshold: float = 4.5, min_count: int = 5,
                  min_ratio: float = 2.0,
                  timestamp: str = "timestamp", text: str = "message") -> list[Alert]:
    """Bad-buzz alerts: periods whose negative volume jumps above its own recent baseline.

    ``by`` splits the detection per value of a column (``"department"``, ``"brand"``,
    ``"team"``…); ``weighted`` counts reach and engagement (see the module docstring for
    the method). Returns alerts sorted by start time.
    """
    import numpy as np
    import pandas as pd

    _require(df, "sentiment")
    times = _times(df, timestamp)
    negative = df["sentiment"] == "negative"
    weights = _weights(df, weighted)
    groups = [(None, np.ones(len(df), dtype=bool))] if by is None else [
        (str(v), (df[by] == v).to_numpy()) for v in df[by].dropna().unique()]
    if len(df) == 0:
        return []
    index = pd.date_range(times.min().floor(freq), times.max().floor(freq), freq=freq)
    alerts: list[Alert] = []
    for group, mask in groups:
        select = negative.to_numpy() & mask
        series = weights[select].groupby(times[select].dt.floor(freq)).sum().reindex(index, fill_value=0.0)
        counts = pd.Series(1.0, index=df.index)[select].groupby(times[select].dt.floor(freq)).sum().reindex(
            index, fill_value=0.0)
        values = series.to_numpy(dtype=float)
        per_day = max(1, round(pd.Timedelta("1D") / pd.Timedelta(freq))) if _sub_daily(freq) else 0
        flagged: list[tuple[int, float, float]] = []
        for i in range(len(values)):
            if i < window:
                continue  # burn-in: no alert before a full window of history
            history = _history(values, i, window, season, per_day)
            if len(history) < 3:
                continue
            baseline = max(float(np.median(history)), float(np.mean(history)))
            score = _poisson_z(values[i], baseline)
            if score >= threshold and counts.iloc[i] >= min_count and values[i] >= min_ratio * max(baseline, 1.0):
                flagged.append((i, baseline, score))
        for run in _runs(flagged):
            first, last = run[0][0], run[-1][0]
            start, end = index[first], index[last] + pd.Timedelta(freq)
            observed = float(values[first:last + 1].sum())
            expected = float(sum(b for _, b, _ in run))
            score = max(s for _, _, s in run)
            in_window = select & (times >= start).to_numpy() & (times < end).to_numpy()
            alerts.append(_describe(df, in_window, start.to_pydatetime(), end.to_pydatetime(), observed, expected,
                                    score, threshold, group, text, len(run)))
    return sorted(alerts, key=lambda a: (a.start, a.group or ""))


def _poisson_z(observed: float, expected: float) -> float:
    """How far a count is above a Poisson mean, on a variance-stabilised scale (Anscombe)."""
    return 2.0 * (math.sqrt(observed + 0.375) - math.sqrt(expected + 0.375))


def _sub_daily(freq: str) -> bool:
    import pandas as pd

    return pd.Timedelta(freq) < pd.Timedelta("1D")


def _history(values: Any, i: int, window: int, season: int, per_day: int) -> Any:
    import numpy as np

    if per_day and per_day > 1:
        same_slot = [values[i - k * per_day] for k in range(1, season + 1) if i - k * per_day >= 0]
        if len(same_slot) >= 3:
            return np.asarray(same_slot, dtype=float)
    return np.asarray(values[max(0, i - window):i], dtype=float)


def _runs(flagged: list[tuple[int, float, float]]) -> list[list[tuple[int, float, float]]]:
    runs: list[list[tuple[int, float, float]]] = []
    for item in flagged:
        if runs and item[0] == runs[-1][-1][0] + 1:
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def _describe(df: pd.DataFrame, rows: Any, start: datetime, end: datetime, observed: float, expected: float,
              score: float, threshold: float, group: str | None, text: str, periods: int) -> Alert:
    from socialtext.features import deaccent
    from socialtext.tokenizer import default_tokenizer

    texts = [t for t in (df[text][rows].tolist() if text in df.columns else []) if isinstance(t, str)]
    tokenizer = default_tokenizer()
    tags: Counter[str] = Counter()
    terms: Counter[str] = Counter()
    for value in texts:
        seen: set[str] = set()
        for t in tokenizer(value):
            if t.kind == "hashtag":
                tags[t.norm] += 1
            elif t.kind == "word" and len(t.norm) > 3 and t.norm not in _STOPWORDS:
                key = deaccent(t.expansion or t.norm)
                if key not in seen:
                    terms[key] += 1
                    seen.add(key)
    level = "crise" if score >= 2 * threshold else "alerte"
    hashtags = tuple(h for h, _ in tags.most_common(3))
    top_terms = tuple(w for w, _ in terms.most_common(5))
    ratio = observed / expected if expected > 0 else float("inf")
    around = ", ".join([*hashtags, *(f"« {w} »" for w in top_terms[:3])])
    scope = f" ({group})" if group else ""
    summary = (
        f"{level.capitalize()}{scope} : pic de messages négatifs le {start:%d/%m} de {start:%Hh%M} à {end:%Hh%M}, "
        f"{observed:.0f} contre {expected:.1f} attendus"
        + (f" (×{ratio:.1f})" if math.isfinite(ratio) else "")
        + (f", autour de {around}" if around else "") + "."
    )
    return Alert(start=start, end=end, level=level, observed=observed, expected=expected, score=float(score),
                 group=group, hashtags=hashtags, terms=top_terms, examples=tuple(texts[:3]), summary=summary,
                 periods=periods)
