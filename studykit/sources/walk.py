"""The project's source folders, surveyed without following any link out of the repository.

A symbolic link under content/ (or glossary/, quizzes/, courses/, references/, theme_overrides/) is read like the
file it points to: by the loader, by the generate step that copies assets into the staged tree, and by the engine
that reads the theme folder. A link to `/etc/passwd` or `~/.ssh/id_rsa` would publish that file, so every link is
resolved once here; links whose target is outside the repository, that loop or that point to nothing are refused
(the loader skips them, and each is reported at the link itself). Links that stay inside the repository are fine.

Hand-written over `os.walk`, which never follows a link into a folder (`followlinks=False`): no library does
"resolve, then test containment" any shorter.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..diagnostics import Code, Diagnostic, error

WATCHED = ("content", "glossary", "quizzes", "courses", "references", "theme_overrides")


@dataclass
class Survey:
    """The refused links of one project, with a diagnostic for each."""

    root: Path
    refused: set[Path] = field(default_factory=set)  # the links themselves, as root / ...
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def allows(self, path: Path) -> bool:
        """False for a refused link and for anything reached through one."""
        return not any(parent in self.refused for parent in (path, *path.parents))

    def filter(self, paths: Iterable[Path]) -> list[Path]:
        return [path for path in paths if self.allows(path)]


def theme_folder(config: Any) -> list[str]:
    """The theme's `custom_dir` from mkdocs.yml's data, when it names a folder inside the project."""
    theme = config.get("theme") if isinstance(config, dict) else None
    folder = theme.get("custom_dir") if isinstance(theme, dict) else None
    if isinstance(folder, str) and not Path(folder).is_absolute() and ".." not in Path(folder).parts:
        return [folder]
    return []


def _inside(target: Path, root: Path) -> bool:
    return target == root or root in target.parents


def _judge(link: Path, root: Path, survey: Survey) -> None:
    """Refuse `link` (a symbolic link) unless it resolves to an existing path inside `root`."""
    shown = link.relative_to(survey.root).as_posix()
    try:
        target = link.resolve(strict=True)
    except FileNotFoundError:
        code, message = Code.FILE_SYMLINK_LOOP, f"symbolic link to '{os.readlink(link)}', which does not exist"
    except (RuntimeError, OSError):  # RuntimeError: a loop (Python 3.11); OSError ELOOP on later versions
        code, message = Code.FILE_SYMLINK_LOOP, "symbolic link that loops back on itself"
    else:
        if _inside(target, root):
            return
        code = Code.FILE_SYMLINK_OUTSIDE
        message = f"symbolic link to '{os.readlink(link)}', outside the repository; copy the file in instead"
    survey.refused.add(link)
    survey.diagnostics.append(error(shown, 1, 1, code, message))


def survey_project(root: Path, also: Iterable[str] = ()) -> Survey:
    """Resolve every symbolic link under the watched folders of the project at `root` (and the folders in `also`,
    such as a theme `custom_dir` with another name), and under the folders that links inside the repository lead
    to (the engine follows those when it reads the theme folder)."""
    survey = Survey(root)
    real_root = root.resolve()
    pending = [root / name for name in dict.fromkeys((*WATCHED, *also))]
    seen: set[Path] = set()
    while pending:
        top = pending.pop()
        if top.is_symlink():
            _judge(top, real_root, survey)
            if top in survey.refused:
                continue
        if not top.is_dir() or top.resolve() in seen:
            continue
        seen.add(top.resolve())
        for dirpath, dirnames, filenames in os.walk(top):  # never descends through a link: see `pending`
            seen.add(Path(dirpath).resolve())
            for entry in sorted(dirnames + filenames):
                path = Path(dirpath) / entry
                if path.is_symlink():
                    _judge(path, real_root, survey)
                    if path not in survey.refused and path.is_dir():
                        pending.append(path)  # reported as reached: through the link
    survey.diagnostics.sort()
    return survey
