"""Every file under `downloads/`: which exist, their bytes and what each is for.

One function (`downloads`) decides the list; the generate step writes it (`download_files`), the provenance audit
accepts it, and the "For instructors" page lists it, so the three never disagree. Only a site that loads the
`studykit.courses` extension (which renders that page) gets downloads. Names are predictable: `quiz-bank.*`,
`chapter-<page id>.*`, `course-<course id>.*`, `flashcards.*`, `references.*`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..catalog import Catalog
from ..courses.plan import course_quizzes, deck_index
from ..flashcards.decks import Deck
from ..quiz.render import PageContext, index_rows
from ..study.chapters import chapters
from .anki import anki_package, quizlet_csv
from .bank import ExportQuiz, export_quizzes
from .bibliography import bibtex, ris
from .gift import gift_text
from .meta import export_meta
from .moodle import moodle_xml
from .qti import qti_package

EXTENSION_NAME = "studykit.courses"
DOWNLOAD_DIR = "downloads"
QUIZ_FORMATS = {  # suffix -> (format name, what it is for)
    "qti.zip": ("QTI 1.2", "Canvas, Blackboard, Brightspace"),
    "moodle.xml": ("Moodle XML", "Moodle"),
    "gift.txt": ("GIFT", "Moodle (plain text)"),
}


@dataclass(frozen=True)
class Download:
    path: str  # docs-relative: downloads/<name>
    group: str  # "bank", "chapter", "course", "flashcards" or "references"
    scope: str  # what it covers, e.g. "Whole bank", a chapter's or a course's title
    format: str  # "QTI 1.2", "Anki package", ...
    use: str  # what it is for
    data: bytes

    @property
    def name(self) -> str:
        return self.path.rpartition("/")[2]


def _quiz_downloads(catalog: Catalog, stem: str, group: str, scope: str, quizzes: list[ExportQuiz]) -> list[Download]:
    if not quizzes:
        return []
    meta = export_meta(catalog, f"questions ({scope})")
    site = catalog.project.config.site_name
    writers = {
        "qti.zip": lambda: qti_package(stem, quizzes, meta),
        "moodle.xml": lambda: moodle_xml(quizzes, meta, site),
        "gift.txt": lambda: gift_text(quizzes, meta, site),
    }
    return [
        Download(f"{DOWNLOAD_DIR}/{stem}.{suffix}", group, scope, name, use, writers[suffix]())
        for suffix, (name, use) in QUIZ_FORMATS.items()
    ]


def _deck_downloads(catalog: Catalog, stem: str, group: str, scope: str, decks: list[Deck]) -> list[Download]:
    if not decks:
        return []
    meta = export_meta(catalog, f"flashcards ({scope})")
    site = catalog.project.config.site_name or "Study guide"
    return [
        Download(f"{DOWNLOAD_DIR}/{stem}.apkg", group, scope, "Anki package", "Anki", anki_package(decks, meta, site)),
        Download(f"{DOWNLOAD_DIR}/{stem}.csv", group, scope, "CSV (term, definition)", "Quizlet", quizlet_csv(decks)),
    ]


_CACHE: dict[int, tuple[Catalog, list[Download]]] = {}


def downloads(catalog: Catalog) -> list[Download]:
    """Every download of the site, in the order the instructors page lists them (computed once per catalog)."""
    cached = _CACHE.get(id(catalog))
    if cached is not None and cached[0] is catalog:
        return cached[1]
    found = build_downloads(catalog) if EXTENSION_NAME in catalog.project.config.extensions else []
    _CACHE.clear()
    _CACHE[id(catalog)] = (catalog, found)
    return found


def build_downloads(catalog: Catalog) -> list[Download]:
    """Every download, computed afresh (`downloads` keeps the result per catalog)."""
    ctx = PageContext(catalog=catalog, page="index.md", directory_urls=catalog.project.config.use_directory_urls)
    bank = export_quizzes(catalog, [row.id for row in index_rows(ctx)])
    found = _quiz_downloads(catalog, "quiz-bank", "bank", "Whole bank", bank)
    decks = deck_index(catalog)
    found += _deck_downloads(
        catalog, "flashcards", "flashcards", "Glossary", [decks[i] for i in ("glossary", "abbreviations") if i in decks]
    )
    for chapter in chapters(catalog):
        stem = f"chapter-{chapter.id}"
        found += _quiz_downloads(catalog, stem, "chapter", chapter.title, export_quizzes(catalog, chapter.quizzes))
        deck = decks.get(f"chapter-{chapter.id}")
        found += _deck_downloads(catalog, stem, "chapter", chapter.title, [deck] if deck else [])
    for source in catalog.project.courses:
        course = source.course
        order, picked = course_quizzes(course)
        stem = f"course-{course.id}"
        found += _quiz_downloads(catalog, stem, "course", course.title, export_quizzes(catalog, order, picked))
        course_decks = [decks[item.deck] for item in course.items if item.deck and item.deck in decks]
        found += _deck_downloads(catalog, stem, "course", course.title, list(dict.fromkeys(course_decks)))
    if catalog.records:
        records = [catalog.records[ref_id] for ref_id in sorted(catalog.records)]
        meta = export_meta(catalog, "references")
        found += [
            Download(
                f"{DOWNLOAD_DIR}/references.bib",
                "references",
                "All references",
                "BibTeX",
                "LaTeX, Zotero, JabRef",
                bibtex(records, meta),
            ),
            Download(
                f"{DOWNLOAD_DIR}/references.ris",
                "references",
                "All references",
                "RIS",
                "Zotero, EndNote, Mendeley",
                ris(records, meta),
            ),
        ]
    return found


def download_files(catalog: Catalog) -> dict[str, bytes]:
    """docs-relative path -> bytes, for the generate step and the provenance audit."""
    return {download.path: download.data for download in downloads(catalog)}
