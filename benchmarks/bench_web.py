"""The web API, measured over HTTP: `communique serve` on a store of 1,000,000 synthetic events, and the
latency of its answers (p50, p95, max) for timelines, filtered event pages, the network and the actor
list. Prints numbers; asserts nothing about time.

Run: python benchmarks/bench_web.py [--events 1000000] [--runs 200] [--passes 2] [--db PATH (reuse a built store)]
"""

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))


def start_server(db):
    """A `communique serve` process on a free port, and its base URL, once it answers."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-c", "from communique.cli import main; raise SystemExit(main())",
                             "serve", "--db", str(db), "--port", str(port)], stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(base + "/api/about", timeout=5).read()
            return proc, base
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


def timed(base, path, params):
    """(seconds, answer) of one GET."""
    url = f"{base}{path}?{urllib.parse.urlencode(params)}"
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:
        body = json.loads(response.read())
    return time.perf_counter() - started, body


def report(name, times, note=""):
    ms = sorted(t * 1000 for t in times)
    p95 = ms[max(int(len(ms) * 0.95) - 1, 0)]
    print(f"{name:<58} p50 {statistics.median(ms):7.1f} ms  p95 {p95:7.1f} ms  max {ms[-1]:7.1f} ms"
          f"  ({len(ms)} requests{note})")


def window(rng, days):
    since = date(2015, 1, 1) + timedelta(days=rng.randint(0, 3650 - days))
    return since.isoformat(), (since + timedelta(days=days)).isoformat()


def requests(rng, countries, runs):
    """name -> list of (path, params) to time."""
    from bench_store import CODES

    roots = sorted({c[:2] for c in CODES})
    out = {"/api/timeline a b (up to 500 events)": [], "/api/events actor + root + 90 days (50 rows)": [],
           "/api/events root + 1 year, newest first (50 rows)": [], "/api/events dyad + since (50 rows)": [],
           "/api/events no filter, newest first (50 rows)": [], "/api/events root, sorted by sources (50 rows)": []}
    for _ in range(runs):
        a, b = rng.sample(countries, 2)
        out["/api/timeline a b (up to 500 events)"].append(("/api/timeline", {"a": a, "b": b}))
        since, until = window(rng, 90)
        out["/api/events actor + root + 90 days (50 rows)"].append(
            ("/api/events", {"actor": a, "root": rng.choice(roots), "since": since, "until": until}))
        since, until = window(rng, 365)
        out["/api/events root + 1 year, newest first (50 rows)"].append(
            ("/api/events", {"root": rng.choice(roots), "since": since, "until": until, "sort": "-date"}))
        out["/api/events dyad + since (50 rows)"].append(("/api/events", {"a": a, "b": b, "since": since}))
        out["/api/events no filter, newest first (50 rows)"].append(("/api/events", {"offset": rng.randrange(0, 500)}))
        out["/api/events root, sorted by sources (50 rows)"].append(
            ("/api/events", {"root": rng.choice(roots), "sort": "-sources"}))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--passes", type=int, default=2, help="times the same requests are sent")
    parser.add_argument("--db", help="a store built by an earlier run (kept); default: a temporary one")
    args = parser.parse_args()
    from bench_store import COUNTRIES, build_large_store

    with tempfile.TemporaryDirectory() as work:
        db = Path(args.db or Path(work) / "web.db")
        if not db.exists():
            started = time.perf_counter()
            build_large_store(db, args.events).close()
            print(f"store: {args.events:,} events built in {time.perf_counter() - started:.0f} s, "
                  f"{os.path.getsize(db) / 1e6:.0f} MB")
        proc, base = start_server(db)
        try:
            _, about = timed(base, "/api/about", {})
            print(f"serving {about['events']:,} events of {about['documents']:,} documents")
            asked = requests(random.Random(11), COUNTRIES, args.runs)
            for run in range(1, args.passes + 1):     # the first pass reads the store from disk
                print(f"pass {run} of {args.passes}" + (" (pages not yet in the OS cache)" if run == 1 else ""))
                for name, calls in asked.items():
                    times, sizes = [], []
                    for path, params in calls:
                        seconds, body = timed(base, path, params)
                        times.append(seconds)
                        sizes.append(len(body["events"]))
                    report(name, times, f", median {statistics.median(sizes):.0f} events returned")
            for name, path, params in (("/api/network, no filter (latest 20,000 events)", "/api/network", {}),
                                       ("/api/network, one year", "/api/network", {"since": "2020-01-01",
                                                                                    "until": "2020-12-31"}),
                                       ("/api/actors", "/api/actors", {})):
                report(name, [timed(base, path, params)[0] for _ in range(20)])
        finally:
            proc.terminate()
            proc.wait(10)


if __name__ == "__main__":
    main()
