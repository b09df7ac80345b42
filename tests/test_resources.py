"""The data cache: built once, rebuilt when its inputs change, old builds removed."""

from communique.resources import cached


def test_resources_cache_rebuilds_on_change_and_keeps_one_pickle(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_CACHE", str(tmp_path))
    module = tmp_path / "builder.py"
    module.write_text("v1", encoding="utf-8")
    calls = []

    def build():
        calls.append(1)
        return {"built": len(calls)}

    assert cached("thing", (), build, code=(module,)) == {"built": 1}
    assert cached("thing", (), build, code=(module,)) == {"built": 1}      # from the pickle
    module.write_text("version two", encoding="utf-8")
    assert cached("thing", (), build, code=(module,)) == {"built": 2}      # inputs changed
    assert len(list(tmp_path.glob("thing-*.pickle"))) == 1
