"""Scoring the coder on gold event records, and the accuracy gate with floors that only rise."""

import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from communique.crosslingual import format_agreement, score_table
from communique.documents import Document
from communique.ingest.readers import InputError, parse_date
from communique.pipeline import code_document


@dataclass
class Tally:
    """True positives, false positives, false negatives and duplicates."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    dup: int = 0

    def add(self, other):
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.dup += other.dup

    @property
    def precision(self):
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self):
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self):
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


# country codes of the older KEDS/CAMEO dictionaries that some gold records still use, with the
# ISO 3166 code communique writes
LEGACY_COUNTRIES = {"ITL": "ITA", "JAP": "JPN", "VTN": "VNM"}


def gold_key(code):
    """The party of a gold actor code: its country or IGO/NGO prefix; None for null or agent-only."""
    if not code or code.startswith(("---", "~", '"')) or len(code) < 3:
        return None
    return LEGACY_COUNTRIES.get(code[:3], code[:3])


def our_key(actor):
    """The party of a coded actor, comparable with gold_key."""
    if not actor:
        return None
    if actor.get("country") and not actor.get("org"):
        return actor["country"]
    if actor.get("org"):
        prefix = (actor.get("code") or "")[:3]
        return prefix if prefix.isalpha() and prefix.isupper() else actor.get("country") or "IGO"
    return None


def gold_events(record):
    """(source, target, code) triples a record expects; [] for records that expect none."""
    if record.get("noevents") or record.get("error") or record.get("no_event_coding"):
        return []
    out = []
    for e in record.get("expected") or []:
        code = e.get("code") or (e.get("cameo_source") or {}).get("code")
        if code:
            out.append((gold_key(e.get("source")), gold_key(e.get("target")), str(code)))
    return out


def _fits(gold, pred, full):
    """Whether a coded event matches a gold event: parties (a null gold party matches any) and code."""
    (gs, gt, gc), (ps, pt, pc) = gold, pred
    if gs is not None and gs != ps:
        return False
    if gt is not None and gt != pt:
        return False
    return pc == gc if full else pc[:2] == gc[:2]


def match(golds, preds, full):
    """A Tally for one record: each gold event matched at most once; extra hits are duplicates."""
    tally, used = Tally(), [False] * len(golds)
    for pred in preds:
        hits = [i for i, g in enumerate(golds) if _fits(g, pred, full)]
        free = [i for i in hits if not used[i]]
        if free:
            used[free[0]] = True
            tally.tp += 1
        elif hits:
            tally.dup += 1
        else:
            tally.fp += 1
    tally.fn = used.count(False)
    return tally


def evaluable(record):
    """Whether a gold record is scored (as the original validators select them)."""
    return record.get("evaluate", True) is not False and record.get("in_include", True) is not False


@dataclass
class Report:
    """Scores of one gold file."""

    name: str
    records: int = 0
    root: Tally = field(default_factory=Tally)
    full: Tally = field(default_factory=Tally)
    per_root: dict = field(default_factory=lambda: defaultdict(Tally))
    by_lang: dict = field(default_factory=lambda: defaultdict(Tally))
    errors: list = field(default_factory=list)

    @property
    def macro_f1_root(self):
        """Macro-averaged F1 over the CAMEO roots the gold uses (the PLOVER-GSR measure)."""
        roots = [r for r, t in self.per_root.items() if t.tp + t.fn]
        return sum(self.per_root[r].f1 for r in roots) / len(roots) if roots else 0.0

    def scores(self):
        """The numbers the gate compares with floors."""
        return {"f1_root": round(self.root.f1, 4), "f1_code": round(self.full.f1, 4),
                "precision_root": round(self.root.precision, 4), "recall_root": round(self.root.recall, 4),
                "macro_f1_root": round(self.macro_f1_root, 4)}


def _types(golds, preds, report):
    """Per-root tallies for the macro-F1: roots present in gold and in the coder's output."""
    gold_roots = {g[2][:2] for g in golds}
    pred_roots = {p[2][:2] for p in preds}
    for root in gold_roots | pred_roots:
        tally = report.per_root[root]
        tally.tp += root in gold_roots and root in pred_roots
        tally.fn += root in gold_roots and root not in pred_roots
        tally.fp += root in pred_roots and root not in gold_roots


def score_record(record, report, lang=None):
    """Code one gold record and add its tallies to a report."""
    try:
        day = parse_date(record.get("date"), record.get("id"))
    except InputError:
        day = parse_date(_compact_date(record.get("date")), record.get("id"))
    iso = record.get("lang") or lang or "en"
    doc = Document(id=str(record.get("id")), text=record.get("text") or "", date=day, lang=iso)
    events, _ = code_document(doc, iso)
    preds = [(our_key(e.source.to_json() if e.source else None), our_key(e.target.to_json() if e.target else None),
              e.code)
             for e in events]
    golds = gold_events(record)
    root, full = match(golds, preds, False), match(golds, preds, True)
    report.records += 1
    report.root.add(root)
    report.full.add(full)
    report.by_lang[iso].add(root)
    _types(golds, preds, report)
    if root.fp or root.fn:
        report.errors.append((record.get("id"), record.get("text"), golds, preds))


def _compact_date(value):
    """YYYYMMDD as YYYY-MM-DD."""
    text = str(value or "")
    return f"{text[:4]}-{text[4:6]}-{text[6:8]}" if len(text) == 8 and text.isdigit() else None


def evaluate_file(path, lang=None):
    """A Report for one gold JSON Lines file."""
    report = Report(gold_name(path))
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                if evaluable(record):
                    score_record(record, report, lang)
    return report


def gold_name(path):
    """A gold file's name in the floors file: its last two path parts."""
    parts = Path(path).resolve().parts
    return "/".join(parts[-2:])


def format_report(report):
    """Lines of text describing a report."""
    r, f = report.root, report.full
    lines = [f"{report.name}: {report.records} records",
             f"  country+root  P {r.precision:.3f}  R {r.recall:.3f}  F1 {r.f1:.3f}  "
             f"(tp {r.tp}, fp {r.fp}, fn {r.fn}, duplicates {r.dup})",
             f"  full code     P {f.precision:.3f}  R {f.recall:.3f}  F1 {f.f1:.3f}",
             f"  root macro-F1 {report.macro_f1_root:.3f}"]
    for iso, tally in sorted(report.by_lang.items()):
        lines.append(f"  [{iso}] country+root F1 {tally.f1:.3f} (P {tally.precision:.3f} R {tally.recall:.3f})")
    return lines


def check_floors(reports, floors):
    """Messages for every score below its floor."""
    failures = []
    for report in reports:
        scores = report.scores()
        for metric, floor in (floors.get(report.name) or {}).items():
            if scores.get(metric, 0.0) + 1e-9 < floor:
                failures.append(f"{report.name}: {metric} {scores.get(metric, 0.0):.4f} is below its floor {floor}")
    return failures


def format_roots(report):
    """Lines of per-root precision, recall and F1 (the parts of the macro-F1), by CAMEO root."""
    lines = ["  root  P      R      F1     (tp fp fn)"]
    for root, t in sorted(report.per_root.items()):
        lines.append(f"  {root:4}  {t.precision:.3f}  {t.recall:.3f}  {t.f1:.3f}  ({t.tp} {t.fp} {t.fn})")
    return lines


def run_eval(paths, floors_path=None, lang=None, show_errors=False, out=sys.stdout, by_root=False):
    """Score gold files (JSON Lines) and cross-lingual tables (YAML), print the reports, and return 1
    when a floor is not met."""
    reports = []
    for path in paths:
        if str(path).endswith((".yaml", ".yml")):
            report = score_table(path, gold_name(path))
            lines = format_agreement(report)
            errors = [f"  ! {item} [{lang}] missing {missing} extra {extra}"
                      for item, lang, missing, extra in report.differences]
        else:
            report = evaluate_file(path, lang)
            lines = format_report(report) + (format_roots(report) if by_root else [])
            errors = [f"  ! {rid}: {text}\n      gold {golds}\n      ours {preds}"
                      for rid, text, golds, preds in report.errors]
        reports.append(report)
        for line in lines + (errors if show_errors else []):
            print(line, file=out)
    if not floors_path:
        return 0
    floors = json.loads(Path(floors_path).read_text(encoding="utf-8"))
    failures = check_floors(reports, floors)
    for failure in failures:
        print(f"FLOOR: {failure}", file=out)
    print("gate: " + ("FAILED" if failures else "passed"), file=out)
    return 1 if failures else 0
