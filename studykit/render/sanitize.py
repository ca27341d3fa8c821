"""The HTML allowlist, defined once, and the nh3 (Ammonia) cleaners built from it.

Everything content puts into a page goes through one of these cleaners at render time: page bodies (after
Python-Markdown restores raw HTML, see `render/safehtml.py`), glossary definitions (they are part of the glossary
page's body), quiz text (`render/inline.py`) and the quiz widget around it (stashed into the body). `check` runs
the same cleaner over each raw HTML tag an editor wrote (`removals`) so it can say, with a line and column, what the
build would remove. An allowlist fails closed: an element, attribute or URL scheme nobody thought of is removed,
where the old blocklist let it through.

Never allowed, whatever the context: <base>, <meta>, <link>, <style>, <form>, <object>, <embed>, <iframe>,
<area>, <script>, SVG and MathML (and so their animation elements: <set>, <animate>...), any on* attribute,
`style` except `text-align` on table cells (so never `url(...)`), ids that would shadow the theme's own
(`__config`...), and images from another origin (a page must not make a student's browser call a third party).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3

from ..syntax import EXTERNAL_SCHEMES

# ---------------------------------------------------------------- the allowlist

TEXT_TAGS = frozenset(
    "p br hr h1 h2 h3 h4 h5 h6 blockquote pre code kbd samp var em strong b i u s del ins mark small sub sup abbr dfn "
    "cite q span div a img figure figcaption ul ol li dl dt dd time wbr ruby rt rp bdi bdo".split()
)
TABLE_TAGS = frozenset("table thead tbody tfoot tr th td caption colgroup col".split())
SECTION_TAGS = frozenset("details summary section header footer nav article aside".split())  # admonitions, quizzes
WIDGET_TAGS = frozenset("fieldset legend label input button".split())  # the quiz widget (quiz/templates)
PAGE_TAGS = TEXT_TAGS | TABLE_TAGS | SECTION_TAGS | WIDGET_TAGS

# data-* attributes studykit's own markup and scripts use (quiz/templates, glossary links, the search exclusion
# of the glossary listing, line numbers of highlighted code). Named one by one: a theme reads data-md-* attributes.
STUDYKIT_DATA = frozenset(
    {
        "data-term",
        "data-short",
        "data-quiz",
        "data-question",
        "data-type",
        "data-hash",
        "data-answer",
        "data-shuffle",
        "data-choice",
        "data-label-for",
        "data-feedback-for",
        "data-quiz-row",
        "data-quiz-best",
        "data-total",
        "data-quiz-missing",
        "data-level",
        "data-keys",
        "data-quiz-total",
        "data-practice",
        "data-group",
        "data-search-exclude",
        "data-linenos",
        "data-study",  # study bar, home and progress (study/templates): the page id of a chapter
        "data-quizzes",
        "data-site",
        "data-course",  # course pages (courses/templates): the course, each step's kind and target
        "data-kind",
        "data-course-quiz",
        "data-questions",
        "data-deck",
        "data-cards",
    }
)
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "hidden", "role"}) | STUDYKIT_DATA
GENERIC_PREFIXES = frozenset({"aria-"})
CELL_ATTRIBUTES = frozenset({"colspan", "rowspan", "headers", "align", "style"})
PAGE_ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": GLOBAL_ATTRIBUTES,
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "alt", "title", "width", "height", "loading"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "td": CELL_ATTRIBUTES,
    "th": CELL_ATTRIBUTES | {"scope"},
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "details": frozenset({"open"}),
    "time": frozenset({"datetime"}),
    "del": frozenset({"datetime"}),
    "ins": frozenset({"datetime"}),
    "label": frozenset({"for"}),
    "input": frozenset({"name", "value", "checked", "disabled"}),
    "button": frozenset({"disabled"}),
}
# Attributes allowed only with these values (never also listed above: nh3 refuses the combination).
PAGE_ATTRIBUTE_VALUES: dict[str, dict[str, frozenset[str]]] = {
    "input": {"type": frozenset({"radio", "checkbox"})},  # never type=image (a src) or submit
    "button": {"type": frozenset({"button"})},  # never a submit button
}
STYLE_PROPERTIES = frozenset({"text-align"})  # what the tables extension writes on cells
URL_SCHEMES = EXTERNAL_SCHEMES  # plus relative URLs (nh3 passes those through)
# Removed together with everything inside them (other disallowed elements keep their text).
CLEAN_CONTENT_TAGS = frozenset(
    "script style template iframe object embed noscript noembed noframes xmp title textarea".split()
)
# Ids the theme gives its own elements; content with the same id would shadow them (`document.querySelector`
# finds the first). Ids extensions generate for code blocks and tabs start with "__" too and stay allowed.
RESERVED_ID = re.compile(r"^__(?!codelineno-|span-|tabbed_|code_)")

# Quiz text (prompts, choices, feedback, explanations, quiz titles): inline Markdown only.
INLINE_TAGS = frozenset({"p", "em", "strong", "code", "br", "a"})
INLINE_ATTRIBUTES: dict[str, frozenset[str]] = {"a": frozenset({"href", "class", "data-term", "data-short"})}

# attr_list (`{ ... }`) may never set these, on any element: check rejects them with their line.
ATTR_LIST_FORBIDDEN = frozenset({"style", "autofocus", "href", "src"})
ATTR_LIST_CONSUMED = frozenset({"data-toc-label"})  # read and removed by the toc extension before output
RAW_HTML_CONSUMED = frozenset({"markdown"})  # md_in_html's switch, removed before output


def is_handler(name: str) -> bool:
    return name.lower().startswith("on")


def allowed_somewhere(name: str) -> bool:
    """Whether the allowlist keeps attribute `name` on at least one element."""
    name = name.lower()
    if name.startswith(tuple(GENERIC_PREFIXES)):
        return True
    return any(name in names for names in PAGE_ATTRIBUTES.values()) or any(
        name in values for values in PAGE_ATTRIBUTE_VALUES.values()
    )


_C0_AND_SPACE = "".join(map(chr, range(0x21)))


def is_local_url(url: str) -> bool:
    """A URL that stays on this site: no scheme and no host (`//host`, `\\\\host` count as hosts)."""
    cleaned = re.sub(r"[\t\n\r]", "", url).strip(_C0_AND_SPACE).replace("\\", "/")  # as the URL parser reads it
    if cleaned.startswith("//"):
        return False
    parts = urlsplit(cleaned)
    return not parts.scheme and not parts.netloc


def _filter(tag: str, attribute: str, value: str) -> str | None:
    """Rules an allowlist of names cannot say: theme ids, and images only from this site."""
    if attribute == "id" and RESERVED_ID.match(value):
        return None
    if tag == "img" and attribute == "src" and not is_local_url(value):
        return None
    return value


def _sets(table: dict[str, frozenset[str]]) -> dict[str, set[str]]:
    return {tag: set(names) for tag, names in table.items()}


@lru_cache(maxsize=1)
def page_cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(PAGE_TAGS),
        clean_content_tags=set(CLEAN_CONTENT_TAGS),
        attributes=_sets(PAGE_ATTRIBUTES),
        attribute_filter=_filter,
        strip_comments=True,
        link_rel=None,  # links keep exactly the attributes they were written with
        generic_attribute_prefixes=set(GENERIC_PREFIXES),
        tag_attribute_values={tag: _sets(values) for tag, values in PAGE_ATTRIBUTE_VALUES.items()},
        url_schemes=set(URL_SCHEMES),
        filter_style_properties=set(STYLE_PROPERTIES),
    )


@lru_cache(maxsize=1)
def inline_cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(INLINE_TAGS),
        clean_content_tags=set(CLEAN_CONTENT_TAGS),
        attributes=_sets(INLINE_ATTRIBUTES),
        strip_comments=True,
        link_rel=None,
        url_schemes=set(URL_SCHEMES),
    )


def clean_page_html(html: str) -> str:
    """A page body (or any fragment of one) with everything outside the allowlist removed."""
    return str(page_cleaner().clean(html))


def clean_inline_html(html: str) -> str:
    """Quiz text: inline elements and links only."""
    return str(inline_cleaner().clean(html))


# ---------------------------------------------------------------- text the theme prints without escaping

_THEME_UNSAFE = re.compile(r'[<>"]|&(?=#|[A-Za-z][A-Za-z0-9]*;)')
_THEME_ESCAPES = {"<": "&lt;", ">": "&gt;", '"': "&quot;", "&": "&amp;"}


def theme_text(text: str) -> str:
    """Front matter text (title, description) made safe for a theme that prints it unescaped.

    MkDocs' Jinja has no autoescape and Zensical's templates print the same way: `{{ page.meta.title }}` goes
    into <title>, the h1, the nav and the search index as HTML, and the description into `content="..."`. So
    `<`, `>` and `"` become character references, and so does `&` where it would start one (`&lt;` stays text).
    A lone `&` ("Risks & complications") is left alone: HTML reads it as itself, and templates that do escape
    (`| e`) would otherwise show "&amp;".
    """
    return _THEME_UNSAFE.sub(lambda m: _THEME_ESCAPES[m.group(0)[0]], text)


def theme_text_problem(text: str) -> int | None:
    """Offset of the first character `theme_text` would have to escape, or None: check rejects those."""
    match = _THEME_UNSAFE.search(text)
    return match.start() if match else None


# ---------------------------------------------------------------- what the page cleaner would remove

# Table parts are dropped by an HTML parser outside a table: judge them where they belong.
_CONTEXT = {
    "td": "<table><tbody><tr>{}</tr></tbody></table>",
    "th": "<table><tbody><tr>{}</tr></tbody></table>",
    "tr": "<table><tbody>{}</tbody></table>",
    "tbody": "<table>{}</table>",
    "thead": "<table>{}</table>",
    "tfoot": "<table>{}</table>",
    "caption": "<table>{}</table>",
    "colgroup": "<table>{}</table>",
    "col": "<table><colgroup>{}</colgroup></table>",
}
_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
_ATTRIBUTE_NAME = re.compile(r"^[a-z_:][a-z0-9_:.-]*$")


@dataclass(frozen=True)
class Removal:
    """One thing the cleaner removes from a tag: the element itself (attribute None) or one attribute."""

    tag: str
    attribute: str | None
    value: str | None
    kept: str | None = None  # what is left of a `style` value

    def message(self) -> str:
        tag, name, value = self.tag, self.attribute, self.value
        if name is None:
            return f"<{tag}> is not allowed in content: the HTML allowlist removes it"
        if is_handler(name):
            return f"event handler '{name}' on <{tag}> is removed: content cannot run script"
        if name == "style":
            kept = f" (only '{self.kept}' is kept)" if self.kept else ""
            return f"style on <{tag}> is removed{kept}: only text-align on table cells is allowed"
        if name == "id" and value is not None and RESERVED_ID.match(value):
            return f"id '{value}' on <{tag}> is removed: ids starting with '__' belong to the theme"
        if tag == "img" and name == "src" and value is not None:
            return f"image source '{_short(value)}' is removed: images must be files of this site"
        if name in {"href", "src"} and value is not None:
            schemes = ", ".join(sorted(URL_SCHEMES))
            return f"{name} '{_short(value)}' on <{tag}> is removed: links may use {schemes} or a relative path"
        return f"attribute '{name}' on <{tag}> is not allowed: the HTML allowlist removes it"


def _short(value: str, limit: int = 60) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


class _FirstTag(HTMLParser):
    """The attributes of the first start tag named `name` in some HTML."""

    def __init__(self, name: str) -> None:
        super().__init__(convert_charrefs=True)
        self.name = name
        self.attrs: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.attrs is None and tag == self.name:
            self.attrs = dict(attrs)


def _first_tag(html: str, name: str) -> dict[str, str | None] | None:
    parser = _FirstTag(name)
    parser.feed(html)
    parser.close()
    return parser.attrs


def removals(tag: str, attrs: list[tuple[str, str | None]]) -> list[Removal]:
    """What the page cleaner removes from the start tag `<tag attrs...>` (as an HTML parser read it)."""
    tag = tag.lower()
    if not _NAME.match(tag):
        return [Removal(tag, None, None)]
    seen: dict[str, str | None] = {}
    for name, value in attrs:
        seen.setdefault(name.lower(), value)  # a repeated attribute: HTML keeps the first
    odd = [Removal(tag, name, value) for name, value in seen.items() if not _ATTRIBUTE_NAME.match(name)]
    written = {name: value for name, value in seen.items() if _ATTRIBUTE_NAME.match(name)}
    fragment = "<{}{}>".format(tag, "".join(f' {name}="{escape(value or "")}"' for name, value in written.items()))
    kept = _first_tag(clean_page_html(_CONTEXT.get(tag, "{}").format(fragment)), tag)
    if kept is None:
        return [Removal(tag, None, None)]
    found = list(odd)
    for name, value in written.items():
        if name not in kept:
            found.append(Removal(tag, name, value))
        elif name == "style" and _style(kept[name]) != _style(value):
            found.append(Removal(tag, name, value, kept[name] or None))
    return found


def _style(value: str | None) -> str:
    return re.sub(r"\s+", "", value or "").rstrip(";").lower()


def url_removed(tag: str, attribute: str, url: str) -> Removal | None:
    """The removal of a Markdown link's (`a href`) or image's (`img src`) target, or None when it is kept."""
    return next((r for r in removals(tag, [(attribute, url)]) if r.attribute == attribute), None)
