"""The communique command line: code articles into events, and score the coder on gold sets."""

import argparse
import sys
import time

from communique.documents import ReadError
from communique.ingest.readers import InputError, parse_date, read_inputs
from communique.output import formats
from communique.pipeline import code_document


class Progress:
    """Documents and events counted on stderr, only when stderr is a terminal."""

    def __init__(self, stream=sys.stderr):
        self.stream = stream
        self.live = stream.isatty()
        self.start = time.monotonic()
        self.docs = self.events = self.failed = 0

    def update(self, events, failed):
        self.docs += 1
        self.events += events
        self.failed += failed
        if self.live and (self.docs % 10 == 0 or self.docs == 1):
            rate = self.docs / max(time.monotonic() - self.start, 1e-6)
            self.stream.write(f"\r{self.docs} documents, {self.events} events, {self.failed} failed, "
                              f"{rate:.1f} docs/s")
            self.stream.flush()

    def close(self):
        if self.live:
            self.stream.write("\n")


def cmd_code(args):
    """Code documents and write their events to stdout; 1 when any document failed."""
    try:
        day = parse_date(args.date, "--date")
    except InputError as exc:
        print(f"communique: {exc}", file=sys.stderr)
        return 2
    progress = Progress()
    rows, urls, failed = [], {}, 0
    for doc in read_inputs(args.inputs or ["-"], date=day, lang=args.lang):
        if isinstance(doc, ReadError):
            print(f"communique: {doc}", file=sys.stderr)
            failed += 1
            progress.update(0, 1)
            continue
        events, error = code_document(doc, args.lang)
        if error:
            print(f"communique: {error}", file=sys.stderr)
            failed += 1
        urls[doc.id] = doc.url or ""
        new = [e.to_json() for e in events]
        progress.update(len(new), bool(error))
        if args.format == "jsonl":
            formats.write_jsonl(new, sys.stdout)
        else:
            rows.extend(new)
    progress.close()
    if args.format == "table":
        formats.write_table(rows, sys.stdout)
    elif args.format == "gdelt":
        formats.write_gdelt(rows, sys.stdout, urls)
    return 1 if failed else 0


def cmd_eval(args):
    """Score the coder on gold files; 1 when a score is under its floor."""
    from communique.evaluate import run_eval

    return run_eval(args.gold, floors_path=args.floors, lang=args.lang, show_errors=args.errors,
                    by_root=args.by_root)


def build_parser():
    """The argument parser of the communique command."""
    parser = argparse.ArgumentParser(prog="communique", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    code = sub.add_parser("code", help="code articles into events (stdout)")
    code.add_argument("inputs", nargs="*", help="files or folders (.txt .html .jsonl .csv); '-' or none: stdin")
    code.add_argument("--date", help="publication date YYYY-MM-DD for inputs that do not give one")
    code.add_argument("--lang", help="language ISO code, instead of identifying it")
    code.add_argument("--format", choices=["jsonl", "table", "gdelt"], default="jsonl")
    code.set_defaults(func=cmd_code)
    ev = sub.add_parser("eval", help="score the coder on gold files")
    ev.add_argument("gold", nargs="+", help="gold JSON Lines files (formats of shared/corpora)")
    ev.add_argument("--floors", help="JSON file of score floors; exit 1 when a score is below its floor")
    ev.add_argument("--lang", help="language of records that do not say (default: en)")
    ev.add_argument("--errors", action="store_true", help="print the records the coder gets wrong")
    ev.add_argument("--by-root", action="store_true", help="print precision, recall and F1 per CAMEO root")
    ev.set_defaults(func=cmd_eval)
    return parser


def main(argv=None):
    """Entry point of the communique command."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("communique: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
