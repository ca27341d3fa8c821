"""Python-Markdown extension `studykit.figures`: what pymdownx.blocks.caption does not do for a figure.

An editor writes an image paragraph with a `fig-` id, then a caption block (CONTRIBUTING.md, Figures):

    ![Alt text.](../figures/epidural-routes.svg){#fig-epidural-routes}

    /// caption
    The three routes into the epidural space. [@ref-id]
    ///

pymdownx.blocks.caption wraps the paragraph and the caption in `<figure>`/`<figcaption>`. This treeprocessor then
(after attr_list, priority 8, has put the id on the `<img>`; before toc, 5):

- numbers the page's figures in order and writes "Figure N." at the start of each caption. studykit numbers, not
  caption's `auto` option, because caption counts every `/// caption` (a table's too) and the number must be the
  one `[Figure](#fig-x)` shows: one counter, here, for both; it is also the scanner's order (catalog), so a link
  from another page (`page.md#fig-x`) shows the same number;
- moves the id from the `<img>` to the `<figure>` (the anchor is the whole figure), and wraps a figure written
  without a caption, so every `fig-` image is a numbered figure;
- replaces the text of every link to a figure with "Figure N";
- adds a "Figures" section listing them (number, link, first sentence of the caption) before the quiz and the
  references; added before toc runs, its heading is in the page's table of contents;
- inlines an SVG figure (svg.py): the `<img>` becomes a placeholder, and a postprocessor that runs after the page's
  HTML cleaner (render/safehtml.py) puts the drawing there. The cleaner never allows SVG in content; the drawing is
  built by studykit from a file `check` read, so it passes beside the cleaner, not through a wider allowlist.
  Placeholders carry a random key made per process: text an editor writes cannot name one.

Config: `catalog` (set by studykit's build) or `project_dir` (direct use), and `page_path` (without the generate
step's marker). Without either, figures are numbered and linked but stay `<img>`.
"""

from __future__ import annotations

import posixpath
import secrets
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from ..catalog import Catalog
from ..generate.snapshot import catalog_for
from ..render.pagemarker import page_of
from ..render.pagemarker import register as register_page_marker
from ..render.safehtml import PRIORITY as CLEANER_PRIORITY
from ..render.safehtml import register as register_safe_html
from ..syntax import FIGURE_LINK_TEXT, QUIZ_SECTION_ANCHOR, REFERENCES_ANCHOR, is_figure_anchor
from .svg import add_root_attributes, inline_svg

EXTENSION_NAME = "studykit.figures"
TREE_PRIORITY = 6  # after attr_list (8), before toc (5)
KEY = secrets.token_hex(8)  # per process: the placeholders' secret

FIGURE_CLASS = "sk-figure"
MEDIA_CLASS = "sk-figure__media"
NUMBER_CLASS = "sk-figure__number"
SVG_CLASS = "sk-figure__svg"
REF_CLASS = "sk-figref"
LIST_CLASS = "sk-figure-list"
FIGURE_LIST_ANCHOR = "figures"
LIST_BEFORE = (QUIZ_SECTION_ANCHOR, REFERENCES_ANCHOR)  # the generated sections that close a page


def figure_label(number: int) -> str:
    return f"{FIGURE_LINK_TEXT} {number}"


@dataclass
class _State:
    """One page's inline drawings: placeholder -> markup (filled by the treeprocessor, for each page anew)."""

    drawings: dict[str, str] = field(default_factory=dict)


def _only_child(paragraph: etree.Element) -> etree.Element | None:
    """The paragraph's single element when the paragraph holds nothing else (an image paragraph)."""
    children = list(paragraph)
    if len(children) != 1 or (paragraph.text or "").strip() or (children[0].tail or "").strip():
        return None
    return children[0]


class FigureTreeprocessor(Treeprocessor):  # type: ignore[misc]  # Markdown ships no type stubs
    def __init__(self, md: Markdown, extension: FiguresExtension, state: _State) -> None:
        super().__init__(md)
        self.extension = extension
        self.state = state

    def run(self, root: etree.Element) -> None:
        self.state.drawings.clear()
        catalog, page = self.extension.where(self.md)
        parents = {child: parent for parent in root.iter() for child in parent}
        numbers: dict[str, int] = {}
        for image in [el for el in root.iter("img") if is_figure_anchor(el.get("id", ""))]:
            paragraph = parents.get(image)
            if paragraph is None or paragraph.tag != "p" or _only_child(paragraph) is not image:
                continue  # an inline image with a fig- id: not a figure (check reports figure.id)
            anchor = image.attrib.pop("id")
            if anchor in numbers:
                continue  # a duplicate id: check reports it; the first keeps the anchor
            numbers[anchor] = len(numbers) + 1
            self._figure(parents, paragraph, image, anchor, numbers[anchor], catalog, page)
        for link in root.iter("a"):
            self._reference(link, numbers, catalog, page)
        if numbers:
            _add_figure_list(root, numbers, parents)

    def _figure(
        self,
        parents: dict[etree.Element, etree.Element],
        paragraph: etree.Element,
        image: etree.Element,
        anchor: str,
        number: int,
        catalog: Catalog | None,
        page: str,
    ) -> None:
        holder = parents[paragraph]
        if holder.tag == "figure" and holder.get("id") is None:
            figure = holder
        else:  # written without a caption: a figure all the same
            figure = etree.Element("figure")
            index = list(holder).index(paragraph)
            holder.remove(paragraph)
            holder.insert(index, figure)
            figure.text, figure.tail, paragraph.tail = "\n", paragraph.tail or "\n", "\n"
            figure.append(paragraph)
            parents[paragraph] = figure
        figure.set("id", anchor)
        figure.set("class", " ".join([*figure.get("class", "").split(), FIGURE_CLASS]))
        paragraph.tag = "div"
        paragraph.set("class", MEDIA_CLASS)
        caption = next((child for child in figure if child.tag == "figcaption"), None)
        if caption is None:
            caption = etree.SubElement(figure, "figcaption")
            caption.tail = "\n"
        target = caption
        first = next(iter(caption), None)
        if first is not None and first.tag == "p" and not (caption.text or "").strip():
            target = first
        prefix = etree.Element("span", {"class": NUMBER_CLASS})
        prefix.text = f"{figure_label(number)}."
        written = (target.text or "").lstrip()
        prefix.tail = " " + written if written else (" " if len(target) else None)
        target.text = None
        target.insert(0, prefix)
        drawing = self._drawing(image, anchor, catalog, page)
        if drawing is not None:
            placeholder = f"\x02studykit-figure:{KEY}:{number}\x03"
            self.state.drawings[placeholder] = drawing
            paragraph.remove(image)
            paragraph.text = placeholder

    def _drawing(self, image: etree.Element, anchor: str, catalog: Catalog | None, page: str) -> str | None:
        """Inline markup for an SVG figure, or None (a raster figure, or no catalog to read the file from)."""
        src = urlsplit(image.get("src", ""))
        if catalog is None or src.scheme or src.netloc or not src.path.lower().endswith(".svg"):
            return None
        rel = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(src.path)))
        data = catalog.project.svgs.get(rel)
        if data is None:
            return None
        drawing = inline_svg(data, anchor)
        if not drawing.markup:
            return None
        attributes = [("class", SVG_CLASS), ("role", "img"), ("aria-label", image.get("alt", ""))]
        if drawing.description_id:
            attributes.append(("aria-describedby", drawing.description_id))
        return add_root_attributes(drawing.markup, attributes)

    def _reference(self, link: etree.Element, numbers: dict[str, int], catalog: Catalog | None, page: str) -> None:
        href = urlsplit(link.get("href", ""))
        anchor = unquote(href.fragment)
        if not is_figure_anchor(anchor) or href.scheme or href.netloc:
            return
        if not href.path:
            number = numbers.get(anchor)
        elif catalog is not None:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(href.path)))
            number = self.extension.number_on(catalog, target, anchor)
        else:
            number = None
        if number is None:
            return  # check reports figure.unknown; the link keeps its text
        for child in list(link):
            link.remove(child)
        link.text = figure_label(number)
        link.set("class", " ".join([*link.get("class", "").split(), REF_CLASS]))


def _caption_summary(figure: etree.Element) -> str:
    """The caption's first sentence, without the "Figure N." the treeprocessor wrote."""
    caption = next((child for child in figure if child.tag == "figcaption"), None)
    if caption is None:
        return ""
    text = " ".join("".join(caption.itertext()).split())
    text = text.split(".", 1)[1].strip() if text.startswith(FIGURE_LINK_TEXT) and "." in text else text
    sentence = text.split(". ", 1)[0].rstrip(".")
    return sentence if len(sentence) <= 120 else sentence[:117].rstrip() + "..."


def _add_figure_list(root: etree.Element, numbers: dict[str, int], parents: dict[etree.Element, etree.Element]) -> None:
    """A "Figures" section listing the page's figures, before the quiz and references (and, being an H2 added
    before toc runs, in the page's table of contents too): the figure list the issue asks for."""
    figures = {el.get("id"): el for el in root.iter("figure") if el.get("id") in numbers}
    heading = etree.Element("h2", {"id": FIGURE_LIST_ANCHOR})
    heading.text = "Figures"
    heading.tail = "\n"
    listing = etree.Element("ol", {"class": LIST_CLASS})
    listing.text = "\n"
    listing.tail = "\n"
    for anchor, number in sorted(numbers.items(), key=lambda item: item[1]):
        item = etree.SubElement(listing, "li")
        link = etree.SubElement(item, "a", {"href": f"#{anchor}", "class": REF_CLASS})
        link.text = figure_label(number)
        summary = _caption_summary(figures[anchor]) if anchor in figures else ""
        link.tail = f": {summary}" if summary else None
        item.tail = "\n"
    children = list(root)
    before = next(
        (index for index, child in enumerate(children) if child.tag == "h2" and child.get("id") in LIST_BEFORE),
        len(children),
    )
    root.insert(before, listing)
    root.insert(before, heading)


class DrawingPostprocessor(Postprocessor):  # type: ignore[misc]
    """Puts each inline drawing in its placeholder, after the page's HTML cleaner has run."""

    def __init__(self, md: Markdown, state: _State) -> None:
        super().__init__(md)
        self.state = state

    def run(self, text: str) -> str:
        # Not emptied here: toc runs the postprocessors over each heading too, before the page's own turn.
        for placeholder, drawing in self.state.drawings.items():
            if placeholder in text:
                text = text.replace(placeholder, drawing, 1)
        return text


class FiguresExtension(Extension):  # type: ignore[misc]
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "catalog": ["", "path of the catalog snapshot the build wrote (set by studykit's build)"],
            "project_dir": ["", "project root (the folder with mkdocs.yml), for direct use"],
            "page_path": ["", "content-relative path of the page being rendered, e.g. procedures/rfa.md"],
        }
        super().__init__(**kwargs)

    def where(self, md: Markdown) -> tuple[Catalog | None, str]:
        """(the catalog, if configured, and the content-relative page being rendered)."""
        options = self.getConfigs()
        catalog = catalog_for(options) if options.get("catalog") or options.get("project_dir") else None
        return catalog, page_of(md, options) or ""

    @staticmethod
    def number_on(catalog: Catalog, page: str, anchor: str) -> int | None:
        """The number of figure `anchor` on `page` (its place among the page's figures), from the catalog."""
        source = catalog.pages.get(page)
        if source is None:
            return None
        anchors = list(dict.fromkeys(figure.anchor for figure in source.scanned.figures))
        return anchors.index(anchor) + 1 if anchor in anchors else None

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API name
        md.registerExtension(self)
        register_page_marker(md)
        register_safe_html(md)
        state = _State()
        md.treeprocessors.register(FigureTreeprocessor(md, self, state), "studykit_figures", TREE_PRIORITY)
        md.postprocessors.register(DrawingPostprocessor(md, state), "studykit_figure_drawings", CLEANER_PRIORITY - 10)


def makeExtension(**kwargs: Any) -> FiguresExtension:  # noqa: N802 - the name Python-Markdown looks for
    return FiguresExtension(**kwargs)
