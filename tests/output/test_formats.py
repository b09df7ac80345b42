"""Output formats: the JSON contract, the readable timeline and GDELT 2.0 Events rows."""

import io
import json

from communique.cli import main
from communique.output.formats import GDELT_COLUMNS, gdelt_row, table_lines, write_gdelt

TEXT = ("Russian President Vladimir Putin and Chinese President Xi Jinping held talks in Beijing on "
        "Friday. The next day, Putin visited Shanghai.")
CONTRACT = {"event_id", "doc_id", "code", "root", "name", "quad_class", "goldstein", "plover", "source",
            "target", "date", "date_precision", "date_range", "date_text", "date_basis", "location",
            "modality", "lang", "confidence", "mentions"}


def test_formats_jsonl_rows_follow_the_contract(code):
    rows = code(TEXT, "en", "2023-03-25")
    assert rows, "expected events"
    for row in rows:
        assert CONTRACT <= set(row)
        assert row["source"]["country"] and row["mentions"][0]["rule"].startswith("en.")
        assert row["date_basis"] in ("explicit", "relative", "publication")
        json.dumps(row)


def test_formats_talks_are_dated_and_placed(code):
    rows = [r for r in code(TEXT, "en", "2023-03-25") if r["root"] == "04" and r["code"] != "042"]
    assert {(r["source"]["country"], r["target"]["country"]) for r in rows} == {("RUS", "CHN"), ("CHN", "RUS")}
    assert {r["date"] for r in rows} == {"2023-03-24"}
    assert {r["location"]["name"] for r in rows} == {"Beijing"}


def test_formats_gdelt_rows_have_61_columns_and_valid_values(code):
    rows = code(TEXT, "en", "2023-03-25")
    out = io.StringIO()
    write_gdelt(rows, out)
    lines = out.getvalue().splitlines()
    assert lines[0].split("\t") == GDELT_COLUMNS and len(GDELT_COLUMNS) == 61
    for line in lines[1:]:
        cols = dict(zip(GDELT_COLUMNS, line.split("\t")))
        assert len(line.split("\t")) == 61
        assert cols["EventRootCode"] == cols["EventCode"][:2] and cols["QuadClass"] in "1234"
        assert -10 <= float(cols["GoldsteinScale"]) <= 10 and len(cols["SQLDATE"]) == 8
        assert cols["GLOBALEVENTID"].isdigit()


def test_formats_table_shows_reciprocal_talks_once(code):
    rows = code(TEXT, "en", "2023-03-25")
    lines = table_lines(rows)
    assert sum("<->" in line for line in lines) == 1
    assert any(line.startswith("2023-03-24") for line in lines)
    assert any("Vladimir Putin (RUS) <-> Xi Jinping (CHN)" in line or "Xi Jinping (CHN) <-> Vladimir Putin (RUS)" in line
               for line in lines)


def test_formats_gdelt_row_without_location_keeps_columns():
    row = {"event_id": "00000000000000ab", "date": "2021-12-07", "code": "041", "root": "04", "quad_class": 1,
           "goldstein": 1.0, "mentions": [{}], "location": None, "doc_id": "d",
           "source": {"code": "RUSGOV", "name": "Vladimir Putin", "country": "RUS", "org": None, "sector": "GOV"},
           "target": None}
    assert len(gdelt_row(row)) == 61


def test_formats_cli_writes_only_events_to_stdout(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Share this article:\n\n" + TEXT + "\n\nAdvertisement\n", encoding="utf-8")
    assert main(["code", str(path), "--date", "2023-03-25", "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out and all(json.loads(line)["doc_id"] == "a" for line in out)
