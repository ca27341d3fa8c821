"""`studykit new DIR --title "..."`: write a complete, working study site for any subject.

Why a scaffold: a new site needs about a dozen files that must agree with each other (the nav in mkdocs.yml, page
ids, the quiz a page names, the anchors quiz questions and glossary entries point to, the extensions and assets
studykit expects). Copying the shipped site and deleting its content is slow and leaves broken references, so the
scaffold writes the smallest site that uses every feature, passes `studykit check --strict` and builds at once;
its placeholder text tells the author what to replace.

The files live in `template/` (shipped as package data). A file ending in `.jinja` is rendered with Jinja and loses
that suffix; any other file is copied byte for byte (the GitHub workflow's `${{ }}` must stay as written). In a
path, `__slug__` becomes the topic's slug and a leading `dot-` becomes `.`, so no dotfile sits in the package
(wheel globs skip dotfiles, and a `.gitignore` inside studykit's own tree would apply to it). Every value from
the user is escaped where it lands: the `yaml` filter writes a YAML scalar with `yaml.safe_dump`, the `markdown`
filter escapes everything Markdown could read as syntax. Titles that no escaping makes safe (HTML, which MkDocs
puts into pages unescaped; `javascript:`, which `check` refuses in any text) are refused.
"""

from __future__ import annotations

import datetime as dt
import sys
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import jinja2
import yaml

from ..render.sanitize import theme_text_problem
from ..sources.models import slugify

TEMPLATE_PACKAGE = "studykit.scaffold"
TEMPLATE_DIR = "template"
JINJA_SUFFIX = ".jinja"
SLUG_PLACEHOLDER = "__slug__"
DOT_PREFIX = "dot-"
FALLBACK_SLUG = "introduction"
RESERVED_IDS = frozenset({"home", "glossary", "quizzes", "practice"})  # ids of the scaffold's other pages
MAX_SLUG = 60
# Python-Markdown's backslash escapes (CommonMark accepts them too); `&`, `<` and `~` become entities instead,
# because Python-Markdown has no backslash escape for them (GitHub reads `~` as strikethrough).
_MARKDOWN_BACKSLASH = frozenset("\\`*_{}[]()>#+-.!")
_MARKDOWN_ENTITIES = {"&": "&amp;", "<": "&lt;", "~": "&#126;"}


def yaml_scalar(value: str) -> str:
    """`value` as one YAML scalar, quoted when YAML would read it as something else (`No`, `2026`, `a: b`)."""
    text = yaml.safe_dump(value, allow_unicode=True, width=1_000_000, default_flow_style=True)
    return text.removesuffix("\n...\n").removesuffix("\n")  # a plain top-level scalar ends with a document marker


def markdown_text(value: str) -> str:
    """`value` as literal text in Markdown (Python-Markdown, which renders quiz titles, and GitHub's README view):
    every character either could read as syntax is escaped."""
    return "".join("\\" + char if char in _MARKDOWN_BACKSLASH else _MARKDOWN_ENTITIES.get(char, char) for char in value)


def topic_slug(title: str) -> str:
    """The topic page's slug (its id, file name and quiz id): the title's slug, shortened at a word boundary,
    never empty and never the id of another scaffold page."""
    slug = slugify(title)
    if len(slug) > MAX_SLUG:
        cut = slug[: MAX_SLUG + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else slug[:MAX_SLUG]
    slug = slug.strip("-") or FALLBACK_SLUG
    return f"{slug}-topic" if slug in RESERVED_IDS else slug


def _title_problem(title: str) -> str | None:
    if not title.strip():
        return 'the title is empty; pass one, e.g. --title "Renal physiology"'
    if any(ord(char) < 32 or ord(char) == 127 for char in title):
        return "the title must be one line of text, without control characters"
    if "<" in title or ">" in title:
        return "the title must not contain '<' or '>': MkDocs would put it into pages as HTML"
    offset = theme_text_problem(curly_quotes(title))
    if offset is not None:
        return (
            f"the title must not contain {curly_quotes(title)[offset : offset + 5]!r}...: page titles are plain text, "
            "without character references"
        )
    return None


def _directory_problem(directory: Path) -> str | None:
    if directory.exists() and not directory.is_dir():
        return f"{directory} exists and is not a directory"
    if directory.is_dir() and any(directory.iterdir()):
        return f"{directory} is not empty; choose a new or empty directory"
    return None


def _template_files(folder: Traversable, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Traversable]]:
    files: list[tuple[tuple[str, ...], Traversable]] = []
    for item in sorted(folder.iterdir(), key=lambda entry: entry.name):
        if item.name == "__pycache__":
            continue
        if item.is_dir():
            files += _template_files(item, prefix + (item.name,))
        else:
            files.append((prefix + (item.name,), item))
    return files


def _output_path(parts: tuple[str, ...], slug: str) -> str:
    names = ["." + part.removeprefix(DOT_PREFIX) if part.startswith(DOT_PREFIX) else part for part in parts]
    names = [name.replace(SLUG_PLACEHOLDER, slug) for name in names]
    names[-1] = names[-1].removesuffix(JINJA_SUFFIX)
    return "/".join(names)


def curly_quotes(text: str) -> str:
    """Straight double quotes as typographic ones: `check` refuses `"` in a page title (safety.front-matter),
    since the theme prints titles into HTML attributes unescaped."""
    parts = text.split('"')
    return "".join(part + ("“" if index % 2 == 0 else "”") for index, part in enumerate(parts[:-1])) + parts[-1]


def render_site(title: str, *, today: dt.date | None = None) -> dict[str, bytes]:
    """Every file of a new site titled `title`: path relative to the site -> content."""
    title = title.strip()
    slug = topic_slug(title)
    env = jinja2.Environment(
        autoescape=False,  # the output is YAML, Markdown and Make: values are escaped by the filters below
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["yaml"] = yaml_scalar
    env.filters["markdown"] = markdown_text
    values = {
        "title": title,
        "page_title": curly_quotes(title),
        "topic_title": f"{curly_quotes(title)}: an introduction",
        "slug": slug,
        "today": (today or dt.date.today()).isoformat(),
    }
    files: dict[str, bytes] = {}
    for parts, item in _template_files(resources.files(TEMPLATE_PACKAGE) / TEMPLATE_DIR):
        data = item.read_bytes()
        if parts[-1].endswith(JINJA_SUFFIX):
            data = env.from_string(data.decode("utf-8")).render(values).encode("utf-8")
        files[_output_path(parts, slug)] = data
    return files


def new_site(directory: Path, title: str, *, today: dt.date | None = None) -> int:
    """Write a new study site into `directory` (new or empty). Exit code: 0 done, 2 refused or failed."""
    problem = _title_problem(title) or _directory_problem(directory)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    try:
        files = render_site(title, today=today)
        for rel, data in files.items():
            target = directory / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    except OSError as exc:
        print(f"error: cannot write the new site: {exc.strerror or exc} ({exc.filename or directory})", file=sys.stderr)
        return 2
    print(f"created {directory} ({len(files)} files):")
    for rel in sorted(files):
        print(f"  {rel}")
    print(f"next: cd {directory} && make serve STUDYKIT=<studykit checkout or pip requirement>  (see README.md)")
    return 0
