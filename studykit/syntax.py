"""The syntax editors write and the anchors the site promises, each defined once.

Checks, the scanner, the generate step, the Markdown extensions and the audit all import these names instead of
spelling a scheme, a regex or an anchor form themselves: when two places disagreed (`"term"` here, `"term:"`
there), `check` and the renderer could read the same text differently.
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------- glossary links

TERM_SCHEME = "term"  # `[text](term:<id>)` forces a link to a glossary entry
TERM_PREFIX = f"{TERM_SCHEME}:"
NO_TERM_CLASS = "no-term"  # `[text]{.no-term}` keeps text from being auto-linked


def term_anchor(term_id: str) -> str:
    """Element id of a term's entry on the glossary page (a published contract: `#term-<id>`)."""
    return f"term-{term_id}"


def term_id_of(target: str) -> str | None:
    """The term id of a `term:<id>` link target, or None for any other target."""
    return target[len(TERM_PREFIX) :] if target.startswith(TERM_PREFIX) else None


# ---------------------------------------------------------------- citations

# `[@id]`, `[@a; @b]` or `[@a, @b]`: ids are anything but whitespace, `;`, `,` and `]`. The bracket text holds
# no `[` either, so a search gives up at the next one: a line of `[@[@[@...` is scanned in linear time.
CITATION = re.compile(r"\[@(?P<ids>[^\[\]\n]{1,500})\]")
CITE_ID = re.compile(r"@?([^\s;,\]]+)")
REFERENCES_ANCHOR = "references"


def citation_ids(inner: str) -> list[tuple[str, int]]:
    """(reference id, offset within `inner`) for each id of one citation's bracket text."""
    return [(match.group(1), match.start(1)) for match in CITE_ID.finditer(inner)]


def reference_anchor(ref_id: str) -> str:
    return f"ref-{ref_id}"


# ---------------------------------------------------------------- quizzes

QUIZ_SECTION_ANCHOR = "check-your-understanding"  # the H2 the generate step adds above a page's quiz
QUIZ_ANCHOR_PREFIX = "quiz-"  # each embedded quiz root: id="quiz-<quiz id>"


def quiz_anchor(quiz_id: str) -> str:
    return f"{QUIZ_ANCHOR_PREFIX}{quiz_id}"


# ---------------------------------------------------------------- figures

FIGURE_ANCHOR_PREFIX = "fig-"  # `![alt](../figures/x.svg){#fig-x}`: the id of a figure, and its anchor
FIGURE_FOLDER = "figures"  # content/figures/: where figure files live
FIGURE_LINK_TEXT = "Figure"  # `[Figure](#fig-x)` renders "Figure 2": the number of the figure on its page


def is_figure_anchor(anchor: str) -> bool:
    return anchor.startswith(FIGURE_ANCHOR_PREFIX)


# ---------------------------------------------------------------- URLs

# Schemes a link written in content may use to leave the site. Everything else is a page path or is refused.
EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto"})
# Schemes the post-build audit does not follow (they are not files of the site).
NON_FILE_SCHEMES = EXTERNAL_SCHEMES | {"data"}


# ---------------------------------------------------------------- the page marker

# The generate step writes this comment as the first Markdown line of every staged page, so the extensions know
# which page they render under any engine (MkDocs, Zensical) without engine-specific glue.
PAGE_MARKER = re.compile(r"^<!-- studykit-page: (?P<rel>[^\n]+?) -->\n?")


def page_marker(rel: str) -> str:
    return f"<!-- studykit-page: {rel} -->\n"
