"""Dask: extraction on a real LocalCluster of two worker processes equals the serial run.

The Extractor reaches the workers by pickling (by its configuration), inside the function that
dask ships to them; the articles come back pickled too. Skipped when dask.distributed is not
installed (the README's test command installs it with the `test` extra).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

import newsextract
from support import ARTICLES

distributed = pytest.importorskip("distributed")
dask_bag = pytest.importorskip("dask.bag")


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    # Ports 0 and no dashboard: the operating system picks free ports, so parallel runs and
    # other services on the machine cannot collide with the cluster.
    cluster = distributed.LocalCluster(
        n_workers=2,
        processes=True,
        threads_per_worker=1,
        host="127.0.0.1",
        scheduler_port=0,
        dashboard_address=None,
        silence_logs=True,
    )
    try:
        with distributed.Client(cluster) as client:
            yield client
    finally:
        cluster.close()


def golden_texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(ARTICLES.glob("*.txt"))]
    assert len(texts) >= 20, ARTICLES
    return texts


def test_bag_of_articles_on_two_worker_processes_equals_the_serial_run(client: Any) -> None:
    texts = golden_texts()
    extractor = newsextract.Extractor(date="2023-05-09", threads=1)
    serial = extractor.extract_batch(texts)

    # A closure: cloudpickle ships it by value with the extractor it captures, so each worker
    # unpickles an Extractor instead of importing this test module.
    def extract_in_worker(text: str) -> tuple[int, newsextract.Article]:
        return os.getpid(), extractor.extract(text)

    bag = dask_bag.from_sequence(texts, npartitions=4)
    results = bag.map(extract_in_worker).compute()

    # The work ran in the worker processes, not here. (Which worker took which partition is
    # the scheduler's choice, so the test does not ask for both.)
    pids = {pid for pid, _ in results}
    assert pids and os.getpid() not in pids, pids
    articles = [article for _, article in results]
    assert [a.to_json() for a in articles] == [a.to_json() for a in serial]
    assert articles == serial


def test_extract_batch_per_partition_equals_the_serial_run(client: Any) -> None:
    texts = golden_texts()
    extractor = newsextract.Extractor(date="2023-05-09", threads=1)
    serial = [article.to_json() for article in extractor.extract_batch(texts)]

    def extract_partition(partition: list[str]) -> list[str]:
        return [article.to_json() for article in extractor.extract_batch(partition)]

    bag = dask_bag.from_sequence(texts, npartitions=3)
    assert bag.map_partitions(extract_partition).compute() == serial


def test_user_gazetteer_travels_with_the_extractor(client: Any, tmp_path: Any) -> None:
    # The gazetteer's content is pickled, not its path: the file is gone before the workers
    # receive the extractor.
    path = tmp_path / "names.tsv"
    path.write_text(
        "Quillfeather Analytics\torganization\tQuillfeather Analytics Ltd.\tacronym=QFA\n",
        encoding="utf-8",
    )
    extractor = newsextract.Extractor(date="2023-05-09", threads=1, gazetteer=path)
    path.unlink()
    texts = [
        f"KARACHI: Quillfeather Analytics said on Monday that {i} surveys were done."
        for i in range(8)
    ]
    serial = [article.to_json() for article in extractor.extract_batch(texts)]
    assert "Quillfeather Analytics Ltd." in serial[0]

    def extract_partition(partition: list[str]) -> list[str]:
        return [article.to_json() for article in extractor.extract_batch(partition)]

    bag = dask_bag.from_sequence(texts, npartitions=2)
    assert bag.map_partitions(extract_partition).compute() == serial
