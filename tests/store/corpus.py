"""Documents for store tests: articles shuffled together from the project's own table sentences."""

import json
import random
from datetime import date, timedelta

import yaml

from tests.conftest import ROOT


def articles(count, seed=11):
    """count (id, lang, date, text) articles of 4-9 table sentences each, the same for a seed."""
    rng = random.Random(seed)
    pools = {lang: [r["text"] for r in yaml.safe_load((ROOT / "tests" / "lang" / lang / "sentences.yaml")
                                                     .read_text(encoding="utf-8"))] for lang in ("en", "id")}
    out = []
    for k in range(count):
        lang = rng.choice(["en", "id"])
        text = "\n\n".join(rng.choice(pools[lang]) for _ in range(rng.randint(4, 9)))
        out.append((f"doc-{k:05d}", lang, date(2024, 1, 1) + timedelta(days=rng.randint(0, 60)), text))
    return out


def write_jsonl(path, count, seed=11):
    """Write count articles as JSON Lines documents; returns the path."""
    with open(path, "w", encoding="utf-8") as out:
        for doc_id, lang, day, text in articles(count, seed):
            out.write(json.dumps({"id": doc_id, "lang": lang, "date": day.isoformat(), "text": text,
                                  "source": f"outlet{int(doc_id[-2:]) % 7}"}, ensure_ascii=False) + "\n")
    return path
