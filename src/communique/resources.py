"""Reading the packaged data files."""

import json
from functools import lru_cache
from importlib import resources as _resources
from pathlib import Path

import yaml

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _Loader = yaml.SafeLoader

DATA = Path(str(_resources.files("communique") / "data"))


class DataError(ValueError):
    """A data file is missing or malformed; the message names the file."""


def data_path(*parts):
    """The path of a packaged data file."""
    return DATA.joinpath(*parts)


def load_yaml(*parts, default=None):
    """A packaged YAML file's content, or default when the file does not exist or is empty."""
    content = _load_yaml(parts)
    if content is None:
        if default is None:
            raise DataError(f"missing or empty data file {data_path(*parts)}")
        return default
    return content


@lru_cache(maxsize=None)
def _load_yaml(parts):
    """A packaged YAML file's content (None when missing), parsed once per process."""
    path = data_path(*parts)
    if not path.exists():
        return None
    try:
        with open(path, encoding="utf-8") as handle:
            content = yaml.load(handle, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: invalid YAML: {exc}") from exc
    return content


@lru_cache(maxsize=None)
def load_json(*parts):
    """A packaged JSON file's content."""
    with open(data_path(*parts), encoding="utf-8") as handle:
        return json.load(handle)


def languages():
    """ISO codes of the languages that have a data folder with event patterns."""
    return sorted(p.name for p in data_path("lang").iterdir() if (p / "events.yaml").exists())
