"""Dask: analyse a ``dask.dataframe`` column or a ``dask.bag`` of texts, partition by partition.

Install with ``pip install "socialtext[dask]"``. Each worker process loads the model once
(tasks carry only the model's path) and runs :func:`socialtext.analyze_frame` on its
partitions, so results are identical to the single-process path.

On a real cluster, connect a client first and call the same functions::

    from dask.distributed import Client
    client = Client("tcp://scheduler:8786")          # socialtext installed on every worker
    out = socialtext.integrations.dask.analyze_dataframe(ddf, text="message", charter=charter)
    out.to_parquet("s3://bucket/analysed/")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from socialtext.routing.charter import Charter

if TYPE_CHECKING:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd


def _partition(pdf: pd.DataFrame, text: str, charter: Charter | None, model: str | None) -> pd.DataFrame:
    from socialtext.analyzer import worker_analyzer
    from socialtext.integrations.pandas import analyze_frame

    return analyze_frame(pdf, text, charter, analyzer=worker_analyzer(model))


def analyze_dataframe(ddf: dd.DataFrame, text: str = "message", charter: Charter | None = None, *,
                      model: str | None = None) -> dd.DataFrame:
    """Lazily add analysis (and route) columns to a Dask DataFrame, like :func:`socialtext.analyze_frame`."""
    import dask.dataframe as dd

    if not isinstance(ddf, dd.DataFrame):
        raise TypeError(f"ddf must be a dask.dataframe.DataFrame, got {type(ddf).__name__}")
    meta = _partition(ddf._meta, text, charter, model)
    return ddf.map_partitions(_partition, text, charter, model, meta=meta)


def _bag_partition(texts: Any, model: str | None) -> list[dict[str, Any]]:
    from socialtext.analyzer import worker_analyzer

    return [a.to_dict() for a in worker_analyzer(model).analyze_many(list(texts))]


def analyze_bag(bag: db.Bag, *, model: str | None = None) -> db.Bag:
    """A bag of texts → a bag of analysis dicts (``Analysis.to_dict()``), in the same order."""
    return bag.map_partitions(_bag_partition, model)
