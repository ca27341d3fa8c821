"""Files stay what they claim: symbolic links never lead out of the repository, and what is refused is never read,
copied or published. Links are made here at run time (tests/bad_inputs/ cases are copied, which follows links)."""

from __future__ import annotations

import os
from pathlib import Path

from studykit.pipeline import build_project, check_project, render_unchecked
from studykit.sources.loading import load_project

from .helpers import copy_site

SECRET = "TOP-SECRET-0451"


def _outside(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(f"{SECRET}\n", encoding="utf-8")
    return secret


def _texts(result: list[str]) -> list[str]:
    return [line.split(": error: ")[0] + " " + line.rsplit(" ", 1)[-1] for line in result]


def test_a_link_out_of_the_repository_is_never_published(tmp_path: Path) -> None:
    project = copy_site("minimal", tmp_path)
    secret = _outside(tmp_path)
    (project / "content" / "assets").mkdir()
    (project / "content" / "assets" / "passwd.txt").symlink_to(secret)
    (project / "content" / "topics" / "leak.md").symlink_to(secret)
    diagnostics = [d.text() for d in check_project(project).diagnostics]
    assert _texts(diagnostics) == [
        "content/assets/passwd.txt:1:1 [file.symlink-outside]",
        "content/topics/leak.md:1:1 [file.symlink-outside]",
    ]
    loaded, _ = load_project(project)
    assert loaded.assets == set()
    assert [page.rel for page in loaded.pages] == ["index.md", "topics/alpha.md"]
    # `serve` renders despite errors: the staged copy and the output still hold nothing from outside
    out = tmp_path / "out"
    render_unchecked(project, out)
    assert all(SECRET not in file.read_text(errors="replace") for file in out.rglob("*") if file.is_file())
    result = build_project(project, tmp_path / "site")
    assert not result.built and not (tmp_path / "site").exists()


def test_a_yaml_folder_or_theme_folder_linked_out_is_refused_whole(tmp_path: Path) -> None:
    project = copy_site("minimal", tmp_path)
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "courses").mkdir(parents=True)
    (elsewhere / "courses" / "stolen.yml").write_text("id: stolen\n", encoding="utf-8")
    (project / "courses").symlink_to(elsewhere / "courses", target_is_directory=True)
    (project / "theme_overrides").symlink_to(elsewhere, target_is_directory=True)
    diagnostics = [d.text() for d in check_project(project).diagnostics]
    assert _texts(diagnostics) == ["courses:1:1 [file.symlink-outside]", "theme_overrides:1:1 [file.symlink-outside]"]
    loaded, _ = load_project(project)
    assert loaded.courses == [] and not any("stolen" in doc.path for doc in loaded.yaml_docs)


def test_loops_and_dangling_links_are_located_at_the_link(tmp_path: Path) -> None:
    project = copy_site("minimal", tmp_path)
    topics = project / "content" / "topics"
    (topics / "a.md").symlink_to("b.md")
    (topics / "b.md").symlink_to("a.md")
    (project / "glossary" / "gone.yml").symlink_to("nowhere.yml")
    diagnostics = [d.text() for d in check_project(project).diagnostics]
    assert diagnostics == [
        "content/topics/a.md:1:1: error: symbolic link that loops back on itself [file.symlink-loop]",
        "content/topics/b.md:1:1: error: symbolic link that loops back on itself [file.symlink-loop]",
        "glossary/gone.yml:1:1: error: symbolic link to 'nowhere.yml', which does not exist [file.symlink-loop]",
    ]


def test_links_inside_the_repository_are_read_where_they_point(tmp_path: Path) -> None:
    project = copy_site("minimal", tmp_path)
    shared = project / "shared"
    shared.mkdir()
    (shared / "notes.txt").write_text("shared notes\n", encoding="utf-8")
    (project / "content" / "notes.txt").symlink_to(os.path.relpath(shared / "notes.txt", project / "content"))
    assert check_project(project).diagnostics == []
    out = tmp_path / "site"
    assert build_project(project, out).built
    assert (out / "notes.txt").read_text(encoding="utf-8") == "shared notes\n"


def test_a_folder_linked_inside_the_repository_is_surveyed_too(tmp_path: Path) -> None:
    """theme_overrides/ -> a folder in the repository that holds a link out: MkDocs would follow both."""
    project = copy_site("minimal", tmp_path)
    secret = _outside(tmp_path)
    real = project / "theme-source"
    real.mkdir()
    (real / "secret.txt").symlink_to(secret)
    (project / "theme_overrides").symlink_to("theme-source", target_is_directory=True)
    diagnostics = [d.text() for d in check_project(project).diagnostics]
    assert _texts(diagnostics) == ["theme_overrides/secret.txt:1:1 [file.symlink-outside]"]


def test_a_theme_folder_of_another_name_is_surveyed_too(tmp_path: Path) -> None:
    project = copy_site("minimal", tmp_path)
    secret = _outside(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"),
        encoding="utf-8",
    )
    (project / "overrides").mkdir()
    (project / "overrides" / "main.html").symlink_to(secret)
    diagnostics = [d.text() for d in check_project(project).diagnostics]
    assert _texts(diagnostics) == ["overrides/main.html:1:1 [file.symlink-outside]"]
