"""Classification metrics with numpy only: per-class precision/recall/F1, macro-F1, accuracy, confusion."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np


def classification_report(y_true: Sequence[str], y_pred: Sequence[str],
                          labels: Sequence[str] | None = None) -> dict[str, Any]:
    """Metrics as plain data (JSON-ready).

    Returns ``{"n", "accuracy", "macro_f1", "labels", "per_class": {label: {precision,
    recall, f1, support}}, "confusion": [[...]]}`` where ``confusion[i][j]`` counts
    true ``labels[i]`` predicted as ``labels[j]``.
    """
    if len(y_true) != len(y_pred):
        raise ValueError(f"y_true has {len(y_true)} labels but y_pred has {len(y_pred)}")
    names = list(labels) if labels is not None else sorted(set(y_true) | set(y_pred))
    index = {name: i for i, name in enumerate(names)}
    confusion = np.zeros((len(names), len(names)), dtype=np.int64)
    for t, p in zip(y_true, y_pred, strict=True):
        if t in index and p in index:
            confusion[index[t], index[p]] += 1
    tp = np.diag(confusion).astype(float)
    predicted = confusion.sum(axis=0).astype(float)
    support = confusion.sum(axis=1).astype(float)
    precision = np.divide(tp, predicted, out=np.zeros_like(tp), where=predicted > 0)
    recall = np.divide(tp, support, out=np.zeros_like(tp), where=support > 0)
    denom = precision + recall
    f1 = np.divide(2 * precision * recall, denom, out=np.zeros_like(tp), where=denom > 0)
    present = support > 0
    n = int(confusion.sum())
    return {
        "n": n,
        "accuracy": float(tp.sum() / n) if n else 0.0,
        "macro_f1": float(f1[present].mean()) if present.any() else 0.0,
        "labels": names,
        "per_class": {
            name: {"precision": float(precision[i]), "recall": float(recall[i]), "f1": float(f1[i]),
                   "support": int(support[i])}
            for i, name in enumerate(names)
        },
        "confusion": confusion.tolist(),
    }


def format_report(title: str, report: dict[str, Any]) -> str:
    """A fixed-width text rendering of :func:`classification_report` for the terminal."""
    lines = [f"{title}  (n={report['n']}, accuracy={report['accuracy']:.3f}, macro-F1={report['macro_f1']:.3f})"]
    lines.append(f"  {'label':<14}{'precision':>10}{'recall':>8}{'f1':>8}{'support':>9}")
    for name, m in report["per_class"].items():
        lines.append(f"  {name:<14}{m['precision']:>10.3f}{m['recall']:>8.3f}{m['f1']:>8.3f}{m['support']:>9}")
    labels = report["labels"]
    lines.append("  confusion (rows: true, columns: predicted)")
    lines.append("  " + " " * 14 + "".join(f"{name[:10]:>11}" for name in labels))
    for name, row in zip(labels, report["confusion"], strict=True):
        lines.append(f"  {name:<14}" + "".join(f"{v:>11}" for v in row))
    return "\n".join(lines)
