"""Hostile input: each bad file gives one clear message and the good documents are still coded."""

import json

from communique.cli import main

GOOD_EN = "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Friday."


def test_hostile_batch_reports_each_bad_file_and_codes_the_rest(tmp_path, capsys):
    (tmp_path / "binary.bin").write_bytes(bytes(range(256)) * 64)
    (tmp_path / "latin1.txt").write_bytes("Le président a rencontré".encode("latin-1"))
    (tmp_path / "huge.txt").write_bytes(b"a" * (50 * 1024 * 1024))
    (tmp_path / "empty.txt").write_bytes(b"")
    lines = [json.dumps({"id": "good-1", "text": GOOD_EN, "date": "2023-03-24", "lang": "en"}),
             '{"id": "broken", "text": "unterminated',
             json.dumps({"id": "good-2", "text": GOOD_EN, "date": "2023-03-24", "lang": "en"})]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    status = main(["code", str(tmp_path), "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert status == 1
    assert "binary.bin: binary file" in err
    assert "latin1.txt: invalid UTF-8" in err
    assert "huge.txt: document too large (50 MB" in err
    assert "empty.txt: empty document" in err
    assert "batch.jsonl:2: broken JSON" in err
    coded = {json.loads(line)["doc_id"] for line in out.splitlines()}
    assert coded == {"good-1", "good-2"}


def test_hostile_unsupported_language_is_reported_not_miscoded(tmp_path, capsys):
    path = tmp_path / "pt.jsonl"
    path.write_text(json.dumps({"id": "pt", "text": "O presidente do Brasil encontrou-se com o primeiro-ministro.",
                                "lang": "pt"}) + "\n", encoding="utf-8")
    status = main(["code", str(path)])
    out, err = capsys.readouterr()
    assert status == 1 and out == "" and "language 'pt' cannot be coded yet" in err


def test_hostile_bad_date_flag_is_a_clear_error(capsys):
    assert main(["code", "--date", "16/12/2021", "x.txt"]) == 2
    assert "bad date" in capsys.readouterr().err
