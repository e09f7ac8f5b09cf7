"""Knowledge: vendor figures and product limits, read from data files with the source of each figure.

The built-in catalogue lives in `vendors/*.yaml` beside this module. An integrator adds or corrects
figures for models we do not ship by dropping YAML files of the same shape into a `vendors/` folder of
the project (or any folder given to `load`): a product with a known id is merged figure by figure,
a new id adds a product.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import PbxdocError
from generator.words import noun

BUILTIN = Path(__file__).resolve().parent / "vendors"
PROJECT_FOLDER = "vendors"
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same result, faster
_PRODUCT_KEYS = {"kind", "vendor", "name", "match", "source", "figures", "features", "editions", "licensed_features"}


class KnowledgeError(PbxdocError):
    """A vendor catalogue file cannot be read; names the file and the problem."""


@dataclass(frozen=True)
class Figure:
    """One vendor figure with where it comes from; unconfirmed figures are estimates to replace."""

    value: Any
    source: str
    confirmed: bool = True
    file: str = ""


@dataclass(frozen=True)
class Product:
    id: str
    kind: str
    vendor: str
    name: str
    match: tuple[str, ...]
    source: str
    figures: dict[str, Figure] = field(default_factory=dict)  # flattened paths, e.g. "card_power_w.32FXS"
    features: dict[str, Figure] = field(default_factory=dict)
    editions: tuple[str, ...] = ()
    licensed_features: dict[str, str] = field(default_factory=dict)

    def figure(self, path: str) -> Figure | None:
        return self.figures.get(path)

    def value(self, path: str, default: Any = None) -> Any:
        figure = self.figures.get(path)
        return default if figure is None else figure.value

    def group(self, prefix: str) -> dict[str, Figure]:
        """The figures under a prefix, by their last key (e.g. group('card_power_w')['32FXS'])."""
        start = prefix + "."
        return {path[len(start):]: f for path, f in self.figures.items() if path.startswith(start) and "." not in path[len(start):]}


@dataclass(frozen=True)
class Knowledge:
    products: dict[str, Product]

    def product(self, product_id: str) -> Product | None:
        return self.products.get(product_id)

    def find(self, model: str | None, kind: str | None = None) -> Product | None:
        """The product whose longest match string occurs in the model name (case-insensitive)."""
        if not model:
            return None
        text = model.lower()
        best: tuple[int, str] | None = None
        for product in self.products.values():
            if kind and product.kind != kind:
                continue
            for needle in product.match:
                if needle.lower() in text and (best is None or len(needle) > best[0]):
                    best = (len(needle), product.id)
        return self.products[best[1]] if best else None


def _figures(tree: Any, source: str, confirmed: bool, file: str, prefix: str = "") -> dict[str, Figure]:
    """Flatten a figure tree: a dict with `value` is one figure; `source` and `unconfirmed` are inherited."""
    if isinstance(tree, dict) and "value" in tree:
        return {prefix: Figure(tree["value"], str(tree.get("source", source)), confirmed and not tree.get("unconfirmed", False), file)}
    if isinstance(tree, dict):
        source = str(tree.get("source", source))
        confirmed = confirmed and not tree.get("unconfirmed", False)
        flat: dict[str, Figure] = {}
        for key, value in tree.items():
            if key in ("source", "unconfirmed"):
                continue
            flat.update(_figures(value, source, confirmed, file, f"{prefix}.{key}" if prefix else str(key)))
        return flat
    return {prefix: Figure(tree, source, confirmed, file)}


def _merge(base: dict, extra: dict) -> dict:
    merged = dict(base)
    for key, value in extra.items():
        merged[key] = _merge(merged[key], value) if isinstance(value, dict) and isinstance(merged.get(key), dict) and "value" not in value else value
    return merged


def _read(path: Path) -> dict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}
    except (OSError, yaml.YAMLError) as e:
        raise KnowledgeError(f"{path.name}: cannot read vendor catalogue ({e})") from e
    products = data.get("products") if isinstance(data, dict) else None
    if not isinstance(products, dict):
        raise KnowledgeError(f"{path.name}: a vendor catalogue file holds `products:` mapping product ids to their figures")
    for pid, raw in products.items():
        unknown = set(raw or {}) - _PRODUCT_KEYS if isinstance(raw, dict) else {"(not a mapping)"}
        if unknown:
            raise KnowledgeError(f"{path.name}: product {pid}: unknown {noun(len(unknown), 'key')} {', '.join(sorted(unknown))}; known: {', '.join(sorted(_PRODUCT_KEYS))}")
    return products


def _product(pid: str, raw: dict, files: dict[str, str]) -> Product:
    source = str(raw.get("source", ""))
    file = files.get(pid, "")
    return Product(
        id=pid,
        kind=str(raw.get("kind", "")),
        vendor=str(raw.get("vendor", "")),
        name=str(raw.get("name", pid)),
        match=tuple(str(m) for m in raw.get("match", ())),
        source=source,
        figures=_figures(raw.get("figures", {}), source, True, file),
        features=_figures(raw.get("features", {}), source, True, file),
        editions=tuple(str(e) for e in raw.get("editions", ())),
        licensed_features={str(k): str(v) for k, v in (raw.get("licensed_features") or {}).items()},
    )


@lru_cache(maxsize=8)
def _load(paths: tuple[tuple[str, int], ...]) -> Knowledge:
    raw: dict[str, dict] = {}
    files: dict[str, str] = {}
    for name, _mtime in paths:
        path = Path(name)
        for pid, product in _read(path).items():
            raw[pid] = _merge(raw.get(pid, {}), product)
            files[pid] = path.name
    return Knowledge({pid: _product(pid, raw[pid], files) for pid in sorted(raw)})


def load(extra: tuple[Path, ...] = ()) -> Knowledge:
    """The built-in catalogue, extended (in order) by the YAML files of each extra folder."""
    folders = (BUILTIN, *(Path(p) for p in extra if Path(p).is_dir()))
    # Cached by file and modification time, so an edited vendors/ file is read again.
    paths = tuple((str(f), f.stat().st_mtime_ns) for folder in folders for f in sorted(folder.glob("*.y*ml")))
    return _load(paths)


def for_project(root: Path | None) -> Knowledge:
    """The catalogue a project is checked against: built-in figures plus the project's own `vendors/` folder."""
    return load((root / PROJECT_FOLDER,) if root is not None else ())
