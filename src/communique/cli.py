"""The communique command line: code articles into events, and score the coder on gold sets."""

import argparse
import sys
import time

from communique.documents import ReadError
from communique.ingest.readers import InputError, parse_date, read_inputs
from communique.output import formats
from communique.pipeline import code_document
from communique.store.query import TIMELINE_PAGE

DEFAULT_DB = "communique.db"


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
    if args.engine == "spark":
        return _code_on_spark(args)
    documents = _documents(args)
    if documents is None:
        return 2
    progress = Progress()
    rows, urls, failed = [], {}, 0
    for doc in documents:
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


def _code_on_spark(args):
    """Code the inputs on Spark into Parquet under --output; 1 when any document failed."""
    if not args.output or not args.inputs:
        print("communique: --engine spark needs INPUT paths and --output DIR", file=sys.stderr)
        return 2
    try:
        day = parse_date(args.date, "--date")
        from communique.engines.spark import code_on_spark
    except (InputError, ImportError) as exc:
        hint = " (pip install 'communique[spark]')" if isinstance(exc, ImportError) else ""
        print(f"communique: {exc}{hint}", file=sys.stderr)
        return 2
    counts = code_on_spark(args.inputs, args.output, master=args.master, date=day, lang=args.lang)
    print(f"communique: {counts['events']} events, {counts['mentions']} mentions and {counts['errors']} "
          f"documents that could not be coded, written to {args.output}/{{events,mentions,errors}}", file=sys.stderr)
    return 1 if counts["errors"] else 0


def _documents(args):
    """The documents of the inputs, with the --date and --lang defaults; None after a message
    when --date is malformed."""
    try:
        day = parse_date(args.date, "--date")
    except InputError as exc:
        print(f"communique: {exc}", file=sys.stderr)
        return None
    return read_inputs(args.inputs or ["-"], date=day, lang=args.lang)


def cmd_ingest(args):
    """Code documents into the store; 1 when any document failed."""
    from communique.store.ingest import ingest

    if args.workers is not None and args.workers < 1:
        print("communique: --workers must be at least 1", file=sys.stderr)
        return 2
    documents = _documents(args)
    if documents is None:
        return 2
    # a count first, for the time left: only on a terminal, and never of stdin, which reads once
    total = sum(1 for _ in _documents(args)) if sys.stderr.isatty() and "-" not in args.inputs else None
    tally = ingest(args.db, documents, workers=args.workers, total=total, log=sys.stderr)
    print(f"communique: {tally.stored} documents stored ({tally.replaced} new versions), {tally.unchanged} "
          f"already stored, {tally.duplicates} duplicates, {tally.failed} failed; {tally.events} events "
          f"into {args.db}", file=sys.stderr)
    return 1 if tally.failed else 0


def _existing(db):
    """The path of a store that must exist already (StoreError otherwise)."""
    from pathlib import Path

    from communique.store.schema import StoreError

    if not Path(db).is_file():
        raise StoreError(f"{db}: no such store (create it with: communique ingest INPUT --db {db})")
    return db


def _open(db):
    """A connection to the store at db, which must exist."""
    from communique.store.schema import connect

    return connect(_existing(db))


def _store_command(func):
    """Run a store command, turning a StoreError into a message and exit status 2."""
    from communique.store.schema import StoreError

    def run(args):
        try:
            return func(args)
        except StoreError as exc:
            print(f"communique: {exc}", file=sys.stderr)
            return 2
    return run


@_store_command
def cmd_events(args):
    """Print stored events matching filters."""
    from communique.output.stored import write_events
    from communique.store.query import events

    con = _open(args.db)
    dyad = args.dyad.split(",", 1) if args.dyad else None
    if dyad is not None and len(dyad) != 2:
        print("communique: --dyad takes two actors separated by a comma (e.g. RUS,USA)", file=sys.stderr)
        return 2
    rows = events(con, limit=args.limit, actor=args.actor, country=args.country, person=args.person, dyad=dyad,
                  code=args.code, root=args.root, plover=args.plover, since=args.since, until=args.until,
                  lang=args.lang, place=args.place, text=args.text)
    write_events(rows, sys.stdout, args.format)
    _note_limit(rows, args.limit)
    return 0


@_store_command
def cmd_timeline(args):
    """Print the contacts between two actors in date order."""
    from communique.output.stored import write_events
    from communique.store.query import timeline

    rows = timeline(_open(args.db), args.first, args.second, limit=args.limit, since=args.since, until=args.until)
    write_events(rows, sys.stdout, args.format)
    _note_limit(rows, args.limit)
    return 0


def _note_limit(rows, limit):
    """Say on stderr when a query stopped at its limit."""
    if len(rows) == limit:
        print(f"communique: the first {limit} events; --since, --until or --limit show others", file=sys.stderr)


@_store_command
def cmd_errors(args):
    """Print the documents the store could not take."""
    from communique.store.query import errors

    for row in errors(_open(args.db)):
        print(f"{row['at']}  {row['origin']}: {row['message']}")
    return 0


@_store_command
def cmd_actors(args):
    """List the people of a store (discovered ones marked for review); confirm, rename or merge them."""
    from communique.store import actors
    from communique.store.store import Store

    store = Store(_existing(args.db))
    try:
        if args.confirm:
            actors.confirm(store, args.confirm)
            print(f"communique: confirmed {args.confirm}", file=sys.stderr)
        elif args.rename or args.merge:
            old, new = args.rename or args.merge
            changed = actors.rename(store, old, new)
            print(f"communique: {old} is now {new} ({changed} events changed)", file=sys.stderr)
        else:
            for person in actors.people(store.con, review_only=args.review):
                mark = "  <- review" if person["status"] == "discovered" else ""
                role = (person["role"] or "").replace("_", " ")
                print(f"{person['events']:>6}  {person['name']:<32} {person['party'] or '-':<6} "
                      f"{person['sector'] or '-':<4} {role:<24} {person['status']}{mark}")
    finally:
        store.close()
    return 0


EXPORTS = {"gdelt": ("gdelt.export.tsv", "gdelt.mentions.tsv"), "plover": ("plover.jsonl",),
           "parquet": ("events.parquet", "mentions.parquet"), "csv": ("events.csv", "mentions.csv")}


@_store_command
def cmd_export(args):
    """Write the stored events (optionally filtered) as GDELT tables, PLOVER JSON, Parquet or CSV."""
    from pathlib import Path

    from communique.export import gdelt, plover, tables

    con = _open(args.db)
    kinds = [k.strip() for k in args.formats.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in EXPORTS]
    if unknown or not kinds:
        print(f"communique: --formats takes {', '.join(EXPORTS)} (got {args.formats!r})", file=sys.stderr)
        return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    filters = {"since": args.since, "until": args.until}
    for kind in kinds:
        paths = [out / name for name in EXPORTS[kind]]
        if kind == "gdelt":
            with open(paths[0], "w", encoding="utf-8") as f:
                gdelt.write_events(con, f, **filters)
            with open(paths[1], "w", encoding="utf-8") as f:
                gdelt.write_mentions(con, f, **filters)
        elif kind == "plover":
            with open(paths[0], "w", encoding="utf-8") as f:
                plover.write_plover(con, f, **filters)
        else:
            tables.write(tables.events_table(con, **filters), paths[0])
            tables.write(tables.mentions_table(con, **filters), paths[1])
        print(f"communique: wrote {', '.join(str(p) for p in paths)}", file=sys.stderr)
    return 0


def cmd_eval(args):
    """Score the coder on gold files; 1 when a score is under its floor."""
    from communique.evaluate import run_eval

    return run_eval(args.gold, floors_path=args.floors, lang=args.lang, show_errors=args.errors,
                    by_root=args.by_root)


@_store_command
def cmd_serve(args):
    """Serve the page and the JSON API over a store until interrupted."""
    import os

    import uvicorn

    from communique.web.app import create_app

    token = args.token or os.environ.get("COMMUNIQUE_TOKEN") or None
    app = create_app(_existing(args.db), token=token)
    where = f"http://{args.host}:{args.port}/"
    posting = "on (token required)" if token else "off (give --token to allow it)"
    print(f"communique: serving {args.db} at {where} (OpenAPI schema: {where}api/openapi.json; "
          f"POST /api/documents {posting})", file=sys.stderr)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"communique: listening on {args.host}: reachable from other machines", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
    return 0


def _store_arg(parser):
    """The --db option."""
    parser.add_argument("--db", default=DEFAULT_DB, help=f"store file (default: {DEFAULT_DB})")


def _query_args(parser, limit=1000):
    """The options every store query takes: the store, a date range, a limit and a format."""
    _store_arg(parser)
    parser.add_argument("--since", help="first day YYYY-MM-DD")
    parser.add_argument("--until", help="last day YYYY-MM-DD")
    parser.add_argument("--limit", type=int, default=limit, help=f"most events to print (default {limit})")
    parser.add_argument("--format", choices=["table", "csv", "jsonl"], default="table")


def build_parser():
    """The argument parser of the communique command."""
    parser = argparse.ArgumentParser(prog="communique", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    code = sub.add_parser("code", help="code articles into events (stdout)")
    code.add_argument("inputs", nargs="*", help="files or folders (.txt .html .jsonl .csv); '-' or none: stdin")
    code.add_argument("--date", help="publication date YYYY-MM-DD for inputs that do not give one")
    code.add_argument("--lang", help="language ISO code, instead of identifying it")
    code.add_argument("--format", choices=["jsonl", "table", "gdelt"], default="jsonl")
    code.add_argument("--engine", choices=["local", "spark"], default="local",
                      help="spark: code on Apache Spark and write Parquet to --output")
    code.add_argument("--output", help="with --engine spark: the folder (any Spark path) for the Parquet tables")
    code.add_argument("--master", help="with --engine spark: the Spark master URL (default local[*])")
    code.set_defaults(func=cmd_code)
    ing = sub.add_parser("ingest", help="code articles into a store (SQLite)")
    ing.add_argument("inputs", nargs="+", help="files or folders (.txt .html .jsonl .csv); '-': stdin")
    _store_arg(ing)
    ing.add_argument("--workers", type=int, help="coding processes (default: all cores)")
    ing.add_argument("--date", help="publication date YYYY-MM-DD for inputs that do not give one")
    ing.add_argument("--lang", help="language ISO code, instead of identifying it")
    ing.set_defaults(func=cmd_ingest)
    evs = sub.add_parser("events", help="stored events, filtered")
    evs.add_argument("--actor", help="a country, organisation or person on either side (RUS, Russia, NATO, Ryabkov)")
    evs.add_argument("--country", help="a country or organisation on either side")
    evs.add_argument("--person", help="part of a person's name on either side")
    evs.add_argument("--dyad", help="two actors, either direction: RUS,USA")
    evs.add_argument("--code", help="CAMEO code or its prefix (04, 042)")
    evs.add_argument("--root", help="CAMEO root (two digits)")
    evs.add_argument("--plover", help="PLOVER event type (CONSULT, ACCUSE, ...)")
    evs.add_argument("--lang", help="reported in this language")
    evs.add_argument("--place", help="place name or country code")
    evs.add_argument("--text", help="words in the evidence")
    _query_args(evs)
    evs.set_defaults(func=cmd_events)
    tl = sub.add_parser("timeline", help="contacts between two actors, in date order")
    tl.add_argument("first", help="a country, organisation or person (RUS, Russia, Putin)")
    tl.add_argument("second", help="the other actor")
    _query_args(tl, limit=TIMELINE_PAGE)
    tl.set_defaults(func=cmd_timeline)
    ex = sub.add_parser("export", help="stored events as GDELT tables, PLOVER JSON, Parquet or CSV")
    ex.add_argument("--out", required=True, help="folder to write the files into")
    ex.add_argument("--formats", default="gdelt,plover,parquet,csv", help="any of gdelt,plover,parquet,csv")
    ex.add_argument("--since", help="first day YYYY-MM-DD")
    ex.add_argument("--until", help="last day YYYY-MM-DD")
    _store_arg(ex)
    ex.set_defaults(func=cmd_export)
    ac = sub.add_parser("actors", help="people in the store; confirm, rename or merge discovered ones")
    _store_arg(ac)
    act = ac.add_mutually_exclusive_group()
    act.add_argument("--review", action="store_true", help="only people discovered from the text, not yet confirmed")
    act.add_argument("--confirm", metavar="NAME", help="mark a discovered person as reviewed")
    act.add_argument("--rename", nargs=2, metavar=("OLD", "NEW"), help="rename a person in every event")
    act.add_argument("--merge", nargs=2, metavar=("NAME", "INTO"), help="merge a person into another")
    ac.set_defaults(func=cmd_actors)
    er = sub.add_parser("errors", help="documents the store could not take, with why")
    _store_arg(er)
    er.set_defaults(func=cmd_errors)
    sv = sub.add_parser("serve", help="a web page and a JSON API to explore a store")
    _store_arg(sv)
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    sv.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    sv.add_argument("--token", help="allow POST /api/documents with this bearer token (or set COMMUNIQUE_TOKEN)")
    sv.add_argument("--log-level", default="warning", choices=["critical", "error", "warning", "info", "debug"])
    sv.set_defaults(func=cmd_serve)
    ev = sub.add_parser("eval", help="score the coder on gold files")
    ev.add_argument("gold", nargs="+", help="gold JSON Lines files (formats of shared/corpora) "
                    "or cross-lingual tables (.yaml: one item in many languages)")
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
