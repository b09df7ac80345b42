"""Coding speed and peak memory on one core, over at least 5 MB of mixed Indonesian and English news.

The text is built from the project's own sentences (tests/lang/*/sentences.yaml and examples/),
shuffled into articles of 8-20 sentences with varied publication dates. Prints sentences per second,
documents per second, MB per second, peak memory, and the wall time of one article from the command
line including start-up. Run: python benchmarks/bench_coding.py [--mb 5]
"""

import argparse
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def sentences(lang):
    """The project's own sentences of one language."""
    table = ROOT / "tests" / "lang" / lang / "sentences.yaml"
    rows = yaml.safe_load(table.read_text(encoding="utf-8")) if table.exists() else []
    out = [r["text"] for r in rows or []]
    for example in (ROOT / "examples").glob(f"{lang}_*.txt"):
        out += [line for line in example.read_text(encoding="utf-8").splitlines() if len(line) > 60]
    return out


def corpus(megabytes, seed=7):
    """(lang, text, date) documents adding up to the given size."""
    rng = random.Random(seed)
    pools = {lang: sentences(lang) for lang in ("id", "en")}
    docs, size = [], 0
    while size < megabytes * 1_000_000:
        lang = rng.choice(["id", "en"])
        text = "\n\n".join(rng.choice(pools[lang]) for _ in range(rng.randint(8, 20)))
        docs.append((lang, text, date(2021, 1, 1) + timedelta(days=rng.randint(0, 1500))))
        size += len(text.encode("utf-8"))
    return docs, size


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=5.0)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from communique.documents import Document
    from communique.pipeline import code_document, coder_for

    docs, size = corpus(args.mb)
    started = time.perf_counter()
    for lang in ("id", "en"):
        coder_for(lang)
    load = time.perf_counter() - started
    n_sent = sum(sum(1 for _ in coder_for(lang).sentences(text)) for lang, text, _ in docs)
    n_events = 0
    started = time.perf_counter()
    for i, (lang, text, day) in enumerate(docs):
        events, _ = code_document(Document(id=str(i), text=text, date=day, lang=lang), lang)
        n_events += len(events)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {size / 1e6:.2f} MB, {len(docs)} documents, {n_sent} sentences (id+en)")
    print(f"load: {load:.2f} s for both languages")
    print(f"coding: {elapsed:.2f} s, {n_sent / elapsed:,.0f} sentences/s, {len(docs) / elapsed:,.1f} docs/s, "
          f"{size / 1e6 / elapsed:.2f} MB/s, {n_events} events")
    print(f"peak memory: {peak:.0f} MB")
    example = ROOT / "examples" / "id_kunjungan_menlu.txt"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "communique.cli", "code", str(example), "--date", "2025-03-12"],
                   check=True, capture_output=True)
    print(f"one article from the command line (with start-up): {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
