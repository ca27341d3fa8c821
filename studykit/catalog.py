"""The site graph: pages with the anchors they will really have, glossary terms and their surface forms,
quizzes and questions. Built once from a loaded Project; checks and renderers read it, never the files."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .generate.furniture import cited_ids, generated_anchors
from .glossary.index import letter_anchors, mentioned_terms
from .glossary.termmatch import TermMatcher
from .sources.loading import PageSource, Project, QuizSource, ReferenceSource, TermSource
from .sources.models import GlossaryTerm, Reference
from .syntax import term_anchor, term_id_of

GLOSSARY_BLOCK = "/// glossary"


def term_forms(term: GlossaryTerm) -> tuple[list[str], list[str]]:
    """(case-insensitive forms, case-sensitive forms) a term is recognised by in text."""
    insensitive = [term.term, *term.aliases]
    sensitive = [term.abbr] if term.abbr else []
    return insensitive, sensitive


def build_matcher(terms: list[GlossaryTerm]) -> TermMatcher:
    insensitive: dict[str, str] = {}
    sensitive: dict[str, str] = {}
    for term in terms:
        ci, cs = term_forms(term)
        for form in ci:
            insensitive.setdefault(form.lower(), term.key)
        for form in cs:
            sensitive.setdefault(form, term.key)
    return TermMatcher(insensitive, sensitive)


@dataclass
class Catalog:
    project: Project
    pages: dict[str, PageSource] = field(default_factory=dict)  # content-relative path -> page
    anchors: dict[str, set[str]] = field(default_factory=dict)  # content-relative path -> element ids
    terms: dict[str, TermSource] = field(default_factory=dict)  # term id -> first definition
    quizzes: dict[str, QuizSource] = field(default_factory=dict)  # quiz id -> first definition
    references: dict[str, ReferenceSource] = field(default_factory=dict)  # reference id -> first record
    glossary_page: str | None = None

    @cached_property
    def records(self) -> dict[str, Reference]:
        """reference id -> record: the bibliography pages cite from."""
        return {ref_id: source.record for ref_id, source in self.references.items()}

    def cited(self, page: PageSource) -> list[str]:
        """Ids of the records `page` cites, in order of first citation (its reference numbers)."""
        return cited_ids(page.scanned.citation_spans, self.references)

    @cached_property
    def matcher(self) -> TermMatcher:
        return build_matcher([source.term for source in self.terms.values()])

    @cached_property
    def term_pages(self) -> dict[str, list[str]]:
        """term id -> content-relative paths of the pages that mention it (never the glossary page)."""
        pages: dict[str, list[str]] = {}
        for page in self.project.pages:
            if page.rel == self.glossary_page:
                continue
            links = page.scanned.links
            forced = [term for link in links if (term := term_id_of(link.target)) is not None]
            for term_id in sorted(mentioned_terms(page.scanned.prose, forced, self.matcher)):
                pages.setdefault(term_id, []).append(page.rel)
        return pages


def is_glossary_page(page: PageSource) -> bool:
    return any(line.strip().startswith(GLOSSARY_BLOCK) for line in page.body.split("\n"))


def build_catalog(project: Project) -> Catalog:
    catalog = Catalog(project)
    for source in project.terms:
        catalog.terms.setdefault(source.term.key, source)
    for quiz in project.quizzes:
        catalog.quizzes.setdefault(quiz.quiz.id, quiz)
    for record in project.references:
        catalog.references.setdefault(record.record.id, record)
    for page in project.pages:
        catalog.pages[page.rel] = page
        anchors = set(page.scanned.anchors)
        if page.meta is not None:
            anchors |= generated_anchors(page.meta, catalog.cited(page))
        if is_glossary_page(page):
            catalog.glossary_page = page.rel
            anchors |= {term_anchor(term_id) for term_id in catalog.terms}
            anchors |= letter_anchors(source.term for source in catalog.terms.values())
        catalog.anchors[page.rel] = anchors
    return catalog
