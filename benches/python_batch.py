#!/usr/bin/env python3
"""How Python's Extractor.extract_batch scales from one thread to more.

A benchmark script, not a test: it prints throughput for each thread count and the ratio to one
thread. The target (issue 6) is at least 1.8x on 2 threads for a batch of 10,000 articles.

Input: the BBC News corpus of ../shared/data/bbc (2,225 articles, about 5 MB; "evaluate and
benchmark only", read at run time, never copied) when present, otherwise the golden articles in
tests/articles/*.txt; repeated until there are --count articles.

Run (with newsextract installed in the current Python, e.g. `pip install ./python`):

    python benches/python_batch.py                    # 10,000 articles, threads 1 and 2
    python benches/python_batch.py --threads 1 2 4 --rounds 5

Each configuration runs --rounds times after a warm-up and the best round counts: the machine's
other load only ever slows a round down. The load average is printed before and after, and so
is the process's CPU time per round: CPU time / (wall time x threads) near 100% means the
threads were busy all along, so a ratio below the thread count then comes from the machine
(other load, shared caches, memory bandwidth), not from threads waiting. On a machine shared
with other work the wall-clock ratio says little (the scheduler gives the process its share of
the CPUs whatever its thread count): read it only when both load averages are well under the
number of CPUs. Freeing the articles is shown apart, in CPU time: Python does it on one thread
with the GIL held, between batches.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BBC = REPO.parent / "shared" / "data" / "bbc"
FIXTURES = REPO / "tests" / "articles"


def corpus(bbc: Path) -> tuple[str, list[str]]:
    """The name of the corpus and its texts (invalid UTF-8 replaced, as one byte in the BBC
    corpus is Latin-1)."""
    for name, root in [("bbc", bbc), ("fixtures", FIXTURES)]:
        paths = sorted(p for p in root.rglob("*.txt") if p.name != "README.TXT")
        if paths:
            texts = [p.read_bytes().decode("utf-8", errors="replace") for p in paths]
            return name, texts
    sys.exit(f"no articles found in {bbc} or {FIXTURES}")


def cpu_seconds() -> float:
    """User plus system CPU time of this process, all threads."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="articles per batch")
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds; the best counts")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=BBC,
        help="directory of BBC .txt articles (default ../shared/data/bbc beside the repository;"
        " from a git worktree elsewhere, give it)",
    )
    args = parser.parse_args()

    try:
        import newsextract
    except ImportError:
        sys.exit("newsextract is not installed: pip install ./python (from the repository)")

    name, base = corpus(args.corpus)
    texts = [base[i % len(base)] for i in range(args.count)]
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(
        f"corpus: {name}, {len(base)} distinct articles repeated to {len(texts)},"
        f" {size / 1e6:.1f} MB"
    )
    print(f"cpus: {os.cpu_count()}, load average before: {os.getloadavg()[0]:.2f}")

    best: dict[int, float] = {}
    for threads in args.threads:
        extractor = newsextract.Extractor(threads=threads)
        extractor.extract_batch(texts[:200])  # warm-up: builds the built-in data
        rounds = []
        for _ in range(args.rounds):
            cpu_started = cpu_seconds()
            started = time.perf_counter()
            articles = extractor.extract_batch(texts)
            wall = time.perf_counter() - started
            cpu = cpu_seconds() - cpu_started
            assert len(articles) == len(texts)
            # Freeing the articles runs on this thread with the GIL held: a pipeline pays it
            # once per batch, so it is shown apart (it is not in the batch's time).
            started = time.process_time()
            del articles
            freed = time.process_time() - started
            rounds.append((wall, cpu, freed))
        wall, cpu, freed = min(rounds)
        best[threads] = wall
        print(
            f"threads={threads}: best {wall:.3f} s of {args.rounds}"
            f" ({', '.join(f'{r[0]:.3f}' for r in rounds)}),"
            f" {len(texts) / wall:,.0f} articles/s, {size / wall / 1e6:.2f} MB/s;"
            f" CPU {cpu:.3f} s = {cpu / (wall * threads):.0%} of {threads} thread(s) busy;"
            f" freeing the articles {freed * 1e3:.0f} ms of CPU (GIL held)"
        )
    base_threads = args.threads[0]
    for threads in args.threads[1:]:
        ratio = best[base_threads] / best[threads]
        print(f"ratio threads={threads} / threads={base_threads}: {ratio:.2f}x")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
