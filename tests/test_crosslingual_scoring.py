"""The cross-lingual scorer: each version against the English one and against the expected events."""

from communique.crosslingual import score_table
from communique.evaluate import check_floors

TABLE = """
- id: call
  date: 2024-03-09
  events:
    - {source: RUS, target: TUR, code: "04", date: 2024-03-08}
  versions:
    en: "Vladimir Putin spoke by phone with Recep Tayyip Erdogan on Friday."
    de: "Wladimir Putin telefonierte am Freitag mit Recep Tayyip Erdogan."
    es: "El presidente turco Recep Tayyip Erdogan recibió a un grupo de estudiantes."
"""


def test_agreement_per_language(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text(TABLE, encoding="utf-8")
    report = score_table(path, "crosslingual/events.yaml")
    assert report.items == 1
    assert report.with_base["de"].ratio == 1.0
    assert report.with_expected["en"].ratio == 1.0
    assert report.with_base["es"].shared == 0 and report.with_base["es"].either >= 1
    assert [d[1] for d in report.differences] == ["es"]
    assert report.scores() == {"agree_de": 1.0, "agree_es": 0.0}
    failures = check_floors([report], {"crosslingual/events.yaml": {"agree_de": 0.9, "agree_es": 0.9}})
    assert len(failures) == 1 and "agree_es" in failures[0]
