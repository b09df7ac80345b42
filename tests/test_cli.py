"""The command line: progress only on a terminal, tables and exit statuses."""

import io

from communique.cli import Progress, main
from tests.conftest import ROOT


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_cli_progress_is_written_only_to_a_terminal():
    terminal, pipe = _Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        progress = Progress(stream)
        for _ in range(12):
            progress.update(2, False)
        progress.close()
    assert "10 documents, 20 events, 0 failed" in terminal.getvalue()
    assert pipe.getvalue() == ""


def test_cli_table_of_the_examples(capsys):
    assert main(["code", str(ROOT / "examples"), "--date", "2025-03-12", "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "Sugiono (IDN) <-> Takeshi Iwaya (JPN)  @ Tokyo" in out   # "kedua menteri": both sides
    assert "2025-03-13 (relative: Keesokan harinya)  042 Make a visit" in out
    assert "iklan" not in out and "Advertisement" not in out
