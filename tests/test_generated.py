"""Generated data files equal a fresh regeneration from their sources."""

import importlib.util

from tests.conftest import ROOT


def _tool(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_ontology_matches_its_sources(shared):
    tool = _tool("build_ontology")
    assert tool.OUT.read_text(encoding="utf-8") == tool.render(shared / "corpora")


def test_generated_world_files_match_their_sources():
    tool = _tool("build_world")
    for name, text in tool.render().items():
        assert (tool.WORLD / name).read_text(encoding="utf-8") == text, name
