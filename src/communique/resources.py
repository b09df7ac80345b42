"""Reading the packaged data files."""

import hashlib
import json
import os
import pickle
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


# define what every pickle holds: the phrase index and the token forms its keys are made of
STRUCTURES = (Path(__file__).parent / "nlp" / "phrases.py", Path(__file__).parent / "nlp" / "tokens.py")


def _fingerprint(parts, code=()):
    """A short hash of the size and modification time of the data files under some folders
    and of the modules that build from them."""
    digest = hashlib.sha1(__package__.encode())
    files = [Path(c) for c in code] + list(STRUCTURES)
    for folder in parts:
        files += sorted(data_path(folder).rglob("*"))
    for path in (p for p in files if p.is_file()):
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def cached(name, folders, build, code=()):
    """build(), kept as a pickle in the user's cache folder until a data file under folders (or a
    module file in code) changes, when the new build replaces the old pickle. COMMUNIQUE_CACHE sets
    the folder; an unwritable folder only means building every time."""
    root = Path(os.environ.get("COMMUNIQUE_CACHE") or Path.home() / ".cache" / "communique")
    path = root / f"{name}-{_fingerprint(folders, code)}.pickle"
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    value = build()
    try:
        root.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for stale in root.glob(f"{name}-*.pickle"):     # earlier builds of the same data
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        pass
    return value
