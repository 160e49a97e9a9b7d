"""The Dask integration on a real in-process LocalCluster with 2 worker processes."""

from __future__ import annotations

import pandas as pd
import pytest

import socialtext
from socialtext import Charter

dd = pytest.importorskip("dask.dataframe")
db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from socialtext.integrations.dask import analyze_bag, analyze_dataframe  # noqa: E402

TEXTS = ["colis jamais reçu 😡", "super pub 😍", "le forfait 5G est à combien ?", None,
         "Honteux, 3 semaines sans internet", "Vous recrutez ?"] * 5


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as c:
        yield c


def test_dataframe_results_match_the_single_process_path(client) -> None:
    df = pd.DataFrame({"message": TEXTS, "author_followers": [20000, 3, 1, 0, 50000, 2] * 5})
    expected = socialtext.analyze_frame(df, charter=Charter.default())
    ddf = dd.from_pandas(df, npartitions=4)
    result = analyze_dataframe(ddf, charter=Charter.default()).compute()
    assert len({w for w in client.scheduler_info()["workers"]}) == 2
    pd.testing.assert_frame_equal(result.sort_index(), expected, check_dtype=False)


def test_bag_of_texts(client) -> None:
    texts = [t for t in TEXTS if t]
    bag = db.from_sequence(texts, npartitions=3)
    result = analyze_bag(bag).compute()
    assert [r["department"] for r in result] == [a.department for a in socialtext.analyze_many(texts)]
