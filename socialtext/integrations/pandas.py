"""``analyze_frame``: add analysis (and route) columns to a pandas DataFrame.

pandas is an optional extra (``pip install socialtext[pandas]``), imported here only.

Missing values: a missing text (``None``, ``NaN``, ``pd.NA``) is analysed as an empty
message — department ``other``, sentiment ``neutral`` — and its ``flags`` contain
``missing_text``; no row is dropped. A value that is neither text nor missing raises a
``TypeError`` naming the row's index label.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from socialtext.routing.charter import Charter

if TYPE_CHECKING:
    import pandas as pd

    from socialtext.analyzer import Analyzer

META_COLUMNS = ("timestamp", "platform", "author", "author_followers", "likes", "shares", "thread", "reply_to")
ANALYSIS_COLUMNS = ("department", "department_score", "sentiment", "sentiment_score", "flags")
ROUTE_COLUMNS = ("team", "priority", "due", "sla_minutes", "rules", "tags", "notify")


def analyze_frame(
    df: pd.DataFrame,
    text: str = "message",
    charter: Charter | None = None,
    *,
    analyzer: Analyzer | None = None,
    batch_size: int = 256,
    n_jobs: int = 1,
    progress: bool = False,
    meta: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Return a copy of ``df`` with analysis columns (and route columns with a charter).

    Columns added: ``department``, ``department_score``, ``sentiment``,
    ``sentiment_score``, ``flags``; with a charter also ``team``, ``priority``, ``due``,
    ``sla_minutes``, ``rules``, ``tags``, ``notify``. Route metadata is read from the
    columns named like the standard meta keys (``timestamp``, ``platform``, ``author``,
    ``author_followers``, ``likes``, ``shares``…); ``meta`` maps other column names
    onto meta keys (``{"followers": "author_followers"}``). The input is not modified
    and its index is preserved.

    Examples
    --------
    >>> out = socialtext.analyze_frame(pd.DataFrame({"message": ["colis jamais reçu 😡"]}))
    >>> out.loc[0, "department"]
    'after_sales'
    """
    import pandas as pd

    from socialtext.analyzer import default_analyzer

    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"df must be a pandas DataFrame, got {type(df).__name__}")
    if text not in df.columns:
        raise KeyError(f"no column {text!r} in the DataFrame; columns are: {', '.join(map(str, df.columns))}")
    analyzer = analyzer or default_analyzer()
    values = df[text].tolist()
    missing = [v is None or (isinstance(v, float) and v != v) or v is pd.NA for v in values]
    texts: list[str] = []
    for label, value, is_missing in zip(df.index, values, missing, strict=True):
        if is_missing:
            texts.append("")
        elif isinstance(value, str):
            texts.append(value)
        else:
            raise TypeError(f"column {text!r}, row {label!r}: expected text, got {type(value).__name__}: {value!r:.40}")
    results = analyzer.analyze_many(texts, batch_size=batch_size, n_jobs=n_jobs, progress=progress)
    out = df.copy()
    out["department"] = [r.department for r in results]
    out["department_score"] = [r.department_scores[r.department] for r in results]
    out["sentiment"] = [r.sentiment for r in results]
    out["sentiment_score"] = [r.sentiment_score for r in results]
    out["flags"] = [
        ("missing_text", *(f for f in r.flags if f != "empty")) if m else r.flags
        for r, m in zip(results, missing, strict=True)
    ]
    if charter is not None:
        columns = {c: c for c in META_COLUMNS if c in df.columns}
        columns.update({col: key for col, key in (meta or {}).items() if col in df.columns})
        records: list[dict[str, Any]] = df[list(columns)].to_dict("records") if columns else [{}] * len(df)
        routes = []
        for result, record in zip(results, records, strict=True):
            row_meta = {columns[c]: v for c, v in record.items() if not _is_missing(v)}
            if "timestamp" in row_meta and hasattr(row_meta["timestamp"], "to_pydatetime"):
                row_meta["timestamp"] = row_meta["timestamp"].to_pydatetime()
            routes.append(charter.route(result, row_meta))
        out["team"] = [r.team for r in routes]
        out["priority"] = [r.priority for r in routes]
        out["due"] = pd.to_datetime([r.due for r in routes])
        out["sla_minutes"] = [r.sla_minutes for r in routes]
        out["rules"] = [r.rules for r in routes]
        out["tags"] = [r.tags for r in routes]
        out["notify"] = [r.notify for r in routes]
    return out


def _is_missing(value: Any) -> bool:
    try:
        import pandas as pd

        return bool(pd.isna(value)) if not isinstance(value, list | tuple | dict) else False
    except (TypeError, ValueError):
        return False
