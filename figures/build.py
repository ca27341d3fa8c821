"""Write every figure: `python -m figures.build [name ...]` runs each `figures/<name>.py` `draw()` into
content/figures/<name>.svg (all of them when no name is given). Helper modules without `draw()` are skipped."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "content" / "figures"
PACKAGE = Path(__file__).resolve().parent


def module_name(figure: str) -> str:
    """figures/epidural_routes.py draws epidural-routes.svg: file names are kebab-case, modules snake_case."""
    return figure.replace("-", "_")


def figure_names() -> list[str]:
    """Every figure: each module of this package that defines `draw()`, as a kebab-case name, sorted."""
    names = []
    for info in pkgutil.iter_modules([str(PACKAGE)]):
        if info.name in {"build", "preview"}:
            continue
        module = importlib.import_module(f"figures.{info.name}")
        if callable(getattr(module, "draw", None)):
            names.append(info.name.replace("_", "-"))
    return sorted(names)


def render(figure: str) -> str:
    """The SVG text of one figure, exactly as it is written to disk."""
    module = importlib.import_module(f"figures.{module_name(figure)}")
    draw: Callable[[], Any] = module.draw
    drawing = draw()
    text: str = drawing.svg()
    return text


def build(names: list[str]) -> Iterator[Path]:
    """Write the named figures (or all) and yield each written path."""
    OUT.mkdir(parents=True, exist_ok=True)
    for figure in names or figure_names():
        target = OUT / f"{figure}.svg"
        target.write_text(render(figure), encoding="utf-8", newline="\n")
        yield target


def main(argv: list[str]) -> int:
    for written in build(argv):
        print(written.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
