"""Batches: the same articles as one by one, in input order, with the GIL released."""

from __future__ import annotations

import datetime
import threading
import time

import newsextract
from support import SAMPLES

TEXTS = list(SAMPLES.values())


def varied_texts(count: int) -> list[str]:
    """`count` different texts of different lengths, so a mix-up of order shows."""
    base = list(SAMPLES.values())
    return [f"Story {i} “{i}” é\n\n" + base[i % len(base)] * (1 + i % 4) for i in range(count)]


def test_batch_equals_one_by_one() -> None:
    extractor = newsextract.Extractor()
    assert extractor.extract_batch(TEXTS) == [extractor.extract(text) for text in TEXTS]
    assert extractor.extract_batch(TEXTS) == [newsextract.extract(text) for text in TEXTS]


def test_batch_with_dates_equals_one_by_one() -> None:
    extractor = newsextract.Extractor(date="2020-01-01")
    dates: list[str | datetime.date | None] = [
        "2023-05-09",
        None,
        datetime.date(1987, 2, 26),
    ] * len(TEXTS)
    dates = dates[: len(TEXTS)]
    batch = extractor.extract_batch(TEXTS, dates)
    one_by_one = [extractor.extract(text, date=date) for text, date in zip(TEXTS, dates)]
    assert batch == one_by_one


def test_batch_keeps_input_order_on_many_threads() -> None:
    texts = varied_texts(300)
    serial = newsextract.Extractor(threads=1).extract_batch(texts)
    parallel = newsextract.Extractor(threads=4).extract_batch(texts)
    assert parallel == serial
    assert [a.to_json() for a in parallel] == [newsextract.extract(t).to_json() for t in texts]


def test_batch_takes_any_iterable() -> None:
    extractor = newsextract.Extractor()
    from_generator = extractor.extract_batch(text for text in TEXTS)
    from_tuple = extractor.extract_batch(tuple(TEXTS), iter([None] * len(TEXTS)))
    assert from_generator == from_tuple == extractor.extract_batch(TEXTS)
    assert extractor.extract_batch([]) == []


def test_batch_releases_the_gil() -> None:
    # While a long batch runs on another thread, this thread must keep running Python. If the
    # batch held the GIL, this thread would stall for the batch's whole length.
    extractor = newsextract.Extractor(threads=1)
    texts = varied_texts(40)
    started = time.perf_counter()
    extractor.extract_batch(texts)
    one_round = max(time.perf_counter() - started, 1e-4)
    # Enough work for about half a second, whatever the machine and build.
    texts = texts * max(1, min(2000, int(0.5 / one_round)))

    window: dict[str, float] = {}

    def run_batch() -> None:
        window["start"] = time.perf_counter()
        extractor.extract_batch(texts)
        window["end"] = time.perf_counter()

    worker = threading.Thread(target=run_batch)
    ticks: list[float] = []
    worker.start()
    while worker.is_alive():
        ticks.append(time.perf_counter())
        time.sleep(0.001)
    worker.join()
    start, end = window["start"], window["end"]
    inside = [tick for tick in ticks if start <= tick <= end]
    assert len(inside) >= 2, (len(ticks), end - start)
    longest_stall = max(later - earlier for earlier, later in zip(inside, inside[1:]))
    assert longest_stall < 0.5 * (end - start), (longest_stall, end - start)
