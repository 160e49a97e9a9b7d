"""Plots for KPI reviews (matplotlib, optional extra ``socialtext[plot]``, imported here only).

Each function takes a DataFrame from ``analyze_frame`` (with a ``timestamp`` column
where time matters), draws on ``ax`` (a new figure when ``None``) and returns the Axes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from socialtext import kpi

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

_SENTIMENT_COLOURS = {"negative": "#c62828", "neutral": "#90a4ae", "positive": "#2e7d32"}


def _axes(ax: Axes | None, figsize: tuple[float, float] = (9, 4)) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, new = plt.subplots(figsize=figsize)
    return new


def sentiment_over_time(df: pd.DataFrame, freq: str = "D", *, alerts: Sequence[kpi.Alert] | None = None,
                        timestamp: str = "timestamp", ax: Axes | None = None) -> Axes:
    """Stacked message volumes by sentiment per period, the net sentiment on a second axis,
    and alerts shaded in red with their level."""
    ax = _axes(ax)
    table = kpi.volumes(df, freq, "sentiment", timestamp=timestamp)
    bottom = None
    width = _bar_width(table.index)
    for sentiment in ("negative", "neutral", "positive"):
        if sentiment not in table:
            continue
        ax.bar(table.index, table[sentiment], width=width, bottom=bottom, label=sentiment,
               color=_SENTIMENT_COLOURS[sentiment], align="edge")
        bottom = table[sentiment] if bottom is None else bottom + table[sentiment]
    ax.set_ylabel("messages")
    net = kpi.net_sentiment(df, freq, timestamp=timestamp)
    twin = ax.twinx()
    twin.plot(net.index + width / 2 if hasattr(width, "total_seconds") else net.index, net.values, color="black",
              linewidth=1.2, label="sentiment net")
    twin.set_ylim(-1, 1)
    twin.set_ylabel("sentiment net")
    from matplotlib.dates import date2num

    for alert in alerts or ():
        start, end = date2num(alert.start), date2num(alert.end)
        ax.axvspan(start, end, color="#ff1744", alpha=0.25)
        ax.annotate(alert.level, xy=(start, ax.get_ylim()[1] * 0.95), color="#b71c1c", fontsize=8)
    ax.set_title("Volume par sentiment et sentiment net")
    ax.legend(loc="upper left", fontsize=8)
    ax.figure.autofmt_xdate()
    return ax


def _bar_width(index: Any) -> Any:
    import pandas as pd

    if len(index) > 1:
        return (index[1] - index[0]) * 0.9
    return pd.Timedelta("1D") * 0.9


def department_distribution(df: pd.DataFrame, *, by_sentiment: bool = True, ax: Axes | None = None) -> Axes:
    """Messages per department, split by sentiment (horizontal stacked bars)."""
    import pandas as pd

    ax = _axes(ax, (7, 3.5))
    table = pd.crosstab(df["department"], df["sentiment"]) if by_sentiment else df["department"].value_counts()
    if by_sentiment:
        left = None
        for sentiment in ("negative", "neutral", "positive"):
            if sentiment in table:
                ax.barh(table.index, table[sentiment], left=left, color=_SENTIMENT_COLOURS[sentiment], label=sentiment)
                left = table[sentiment] if left is None else left + table[sentiment]
        ax.legend(fontsize=8)
    else:
        ax.barh(table.index, table.values, color="#1565c0")
    ax.set_xlabel("messages")
    ax.set_title("Répartition par département")
    return ax


def team_workload(df: pd.DataFrame, *, replied: str | None = None, timestamp: str = "timestamp",
                  ax: Axes | None = None) -> Axes:
    """Messages per team and priority; with reply times, the share answered within the SLA per team."""
    import pandas as pd

    ax = _axes(ax, (7, 3.5))
    table = pd.crosstab(df["team"], df["priority"]) if "priority" in df else df["team"].value_counts().to_frame()
    colours = {"P1": "#c62828", "P2": "#ef6c00", "P3": "#1565c0", "P4": "#90a4ae"}
    left = None
    for column in table.columns:
        ax.barh(table.index, table[column], left=left, color=colours.get(column, "#607d8b"), label=str(column))
        left = table[column] if left is None else left + table[column]
    ax.legend(title="priorité", fontsize=8)
    ax.set_xlabel("messages")
    if replied is not None:
        ax.set_xlim(0, float(table.sum(axis=1).max()) * 1.35)  # room for the SLA labels
        resp = kpi.responsiveness(df, replied=replied, timestamp=timestamp)
        for team_id, within in resp["within_sla"].items():
            if team_id in table.index:
                ax.annotate(f"{within:.0%} dans le SLA", xy=(table.loc[team_id].sum(), team_id), fontsize=8,
                            xytext=(4, 0), textcoords="offset points", va="center")
    ax.set_title("Charge par équipe")
    return ax
