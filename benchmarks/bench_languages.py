"""Coding speed per language, and peak memory with every language's coder loaded.

Each language's text is built from the project's own sentences (tests/lang/<iso>/sentences.yaml and
the versions of tests/crosslingual/events.yaml), shuffled into articles of 8-20 sentences. Prints
sentences per second per language and its ratio to English, then (in a fresh process) the load time
and peak resident memory of all coders together.
Run: python benchmarks/bench_languages.py [--sentences 3000]
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
    cross = ROOT / "tests" / "crosslingual" / "events.yaml"
    if cross.exists():
        out += [item["versions"][lang] for item in yaml.safe_load(cross.read_text(encoding="utf-8")) or []
                if lang in item.get("versions", {})]
    return out


def articles(lang, count, seed=7):
    """(text, date) articles holding about count sentences of one language."""
    rng, pool, docs, total = random.Random(seed), sentences(lang), [], 0
    while total < count:
        n = rng.randint(8, 20)
        docs.append(("\n\n".join(rng.choice(pool) for _ in range(n)),
                     date(2021, 1, 1) + timedelta(days=rng.randint(0, 1500))))
        total += n
    return docs


def speed(lang, count):
    """(sentences, seconds, events) coding about count sentences of one language, the coder loaded."""
    from communique.documents import Document
    from communique.pipeline import code_document, coder_for

    coder = coder_for(lang)
    docs = articles(lang, count)
    n_sent = sum(sum(1 for _ in coder.sentences(text)) for text, _ in docs)
    started, events = time.perf_counter(), 0
    for i, (text, day) in enumerate(docs):
        found, _ = code_document(Document(id=str(i), text=text, date=day, lang=lang), lang)
        events += len(found)
    return n_sent, time.perf_counter() - started, events


def memory(langs):
    """Load every coder in this process; print the load time and peak memory."""
    from communique.pipeline import coder_for

    started = time.perf_counter()
    for lang in langs:
        coder_for(lang)
        coder_for(lang).segmenter.tokenize("warm up")
    print(f"all {len(langs)} coders loaded in {time.perf_counter() - started:.2f} s, "
          f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sentences", type=int, default=3000, help="sentences coded per language")
    parser.add_argument("--memory-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from communique.resources import languages

    langs = languages()
    if args.memory_only:
        memory(langs)
        return
    rates = {}
    for lang in langs:
        n_sent, seconds, events = speed(lang, args.sentences)
        rates[lang] = n_sent / seconds
        print(f"{lang}: {n_sent} sentences in {seconds:.2f} s = {rates[lang]:,.0f} sentences/s "
              f"({events} events)", flush=True)
    base = rates.get("en")
    if base:
        print("ratio to English: " + ", ".join(f"{lang} {rate / base:.2f}" for lang, rate in rates.items()))
    subprocess.run([sys.executable, __file__, "--memory-only"], check=True)


if __name__ == "__main__":
    main()
