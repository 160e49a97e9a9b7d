"""Plots return matplotlib Axes, accept ax=, and draw what they claim."""

from __future__ import annotations

import matplotlib
import pandas as pd

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from test_kpi import stream

from socialtext import kpi, plot


def test_sentiment_over_time_marks_alerts_on_the_given_axes() -> None:
    df = stream(1, days=10, spike_at="2026-10-08 14:00", spike=60)
    alerts = kpi.detect_bursts(df)
    fig, ax = plt.subplots()
    out = plot.sentiment_over_time(df, "6h", alerts=alerts, ax=ax)
    assert out is ax
    assert len(ax.patches) > 3 * 40  # stacked bars for 40 periods, plus the alert span
    assert any(t.get_text() == "alerte" or t.get_text() == "crise" for t in ax.texts)
    plt.close(fig)


def test_department_distribution_and_team_workload() -> None:
    df = stream(2, days=2)
    df["team"] = df["department"].map({"after_sales": "sav", "sales": "ventes", "marketing": "marketing"})
    df["priority"] = ["P2" if d == "after_sales" else "P3" for d in df["department"]]
    df["sla_minutes"] = 30
    df["replied_at"] = df["timestamp"] + pd.Timedelta(minutes=20)
    ax = plot.department_distribution(df)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["after_sales", "sales"]
    ax2 = plot.team_workload(df, replied="replied_at")
    assert any("dans le SLA" in t.get_text() for t in ax2.texts)
    plt.close("all")
