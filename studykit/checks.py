"""Cross-file rules over the catalog. Pure functions: catalog in, diagnostics out."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from .catalog import Catalog
from .diagnostics import Code, Diagnostic, did_you_mean, error, warning
from .loading import PageSource, QuizSource, TermSource
from .mdscan import INLINE_LINK, UNSAFE, scan
from .models import MultipleChoice, SingleChoice, TrueFalse, choice_text
from .yamlsource import Path as YPath
from .yamlsource import YamlDocument

PROCEDURE_SECTIONS = (
    "Overview",
    "Indications",
    "Contraindications",
    "Technique",
    "Risks and complications",
    "Evidence",
    "Key takeaways",
)
DESCRIPTION_LIMIT = 160
EXTERNAL_SCHEMES = {"http", "https", "mailto", "tel", "ftp"}
TERM_SCHEME = "term"


# ---------------------------------------------------------------- link resolution


def _resolve_page_path(catalog: Catalog, rel_path: str) -> str | None:
    """Content-relative page or asset path a link means, if it exists."""
    if rel_path in catalog.pages or rel_path in catalog.project.assets:
        return rel_path
    return None


def check_target(catalog: Catalog, from_rel: str, target: str, *, yaml_field: bool = False) -> tuple[Code, str] | None:
    """None when `target` (as written in `from_rel`, or content-relative for YAML fields) resolves."""
    target = target.strip()
    if not target:
        return Code.LINK_MISSING_PAGE, "empty link target"
    parts = urlsplit(target)
    if parts.scheme.lower() in EXTERNAL_SCHEMES:
        return None
    if parts.scheme == TERM_SCHEME:
        term_id = parts.path
        if term_id not in catalog.terms:
            return (
                Code.GLOSSARY_UNKNOWN_TERM,
                f"unknown glossary term '{term_id}'{did_you_mean(term_id, catalog.terms)}",
            )
        return None
    if parts.scheme.lower() == "javascript":
        return None  # check_safety reports it
    if parts.scheme:
        return Code.LINK_MISSING_PAGE, f"unsupported link scheme '{parts.scheme}:'"
    path, anchor = unquote(parts.path), unquote(parts.fragment)
    if path.startswith("/"):
        return (
            Code.LINK_ABSOLUTE,
            f"absolute link '{target}' breaks when the site is not served from the root; use a relative path",
        )
    if not path:
        dest = from_rel
    else:
        base = "" if yaml_field else posixpath.dirname(from_rel)
        dest = posixpath.normpath(posixpath.join(base, path))
        if dest.startswith("../") or dest == "..":
            return Code.LINK_MISSING_PAGE, f"link target '{path}' is outside content/"
        if _resolve_page_path(catalog, dest) is None:
            candidates = [
                posixpath.relpath(p, base or ".") if not yaml_field else p
                for p in [*catalog.pages, *catalog.project.assets]
            ]
            return Code.LINK_MISSING_PAGE, f"link target '{path}' does not exist{did_you_mean(path, candidates)}"
    if anchor and dest in catalog.pages:
        anchors = catalog.anchors.get(dest, set())
        if anchor not in anchors:
            shown = f"{path}#{anchor}" if path else f"#{anchor}"
            return (
                Code.LINK_MISSING_ANCHOR,
                f"anchor '#{anchor}' does not exist in '{dest}' ({shown}){did_you_mean(anchor, anchors)}",
            )
    return None


# ---------------------------------------------------------------- pages


def check_pages(catalog: Catalog) -> Iterator[Diagnostic]:
    first_with_id: dict[str, PageSource] = {}
    for page in catalog.project.pages:
        meta, doc = page.meta, page.doc
        if meta is None or doc is None:
            continue
        if meta.id in first_with_id:
            loc = doc.loc(("id",))
            other = first_with_id[meta.id]
            other_loc = other.doc.loc(("id",)) if other.doc else None
            yield error(
                page.path,
                loc.line,
                loc.column,
                Code.PAGE_DUPLICATE_ID,
                f"duplicate page id '{meta.id}', first defined at {other.path}:{other_loc.line if other_loc else 1}",
            )
        else:
            first_with_id[meta.id] = page
        description = meta.description.strip()
        if not description or len(description) > DESCRIPTION_LIMIT:
            yield doc.error(
                ("description",),
                Code.PAGE_DESCRIPTION,
                f"description must be 1-{DESCRIPTION_LIMIT} characters (it has {len(description)})",
            )
        if meta.review is not None:
            loc = doc.loc(("review",))
            if meta.review.status == "reviewed" and (not meta.review.reviewer or meta.review.date is None):
                yield error(
                    page.path,
                    loc.line,
                    loc.column,
                    Code.PAGE_REVIEW,
                    "a reviewed page must name its reviewer and review date",
                )
            if meta.review.status == "unreviewed" and meta.review.reviewer:
                yield doc.error(
                    ("review", "reviewer"),
                    Code.PAGE_REVIEW,
                    "an unreviewed page must not name a reviewer (reviewer: null)",
                )
        if meta.template == "procedure":
            yield from _check_procedure(page)


def _check_procedure(page: PageSource) -> Iterator[Diagnostic]:
    assert page.meta is not None and page.doc is not None
    if len(page.meta.objectives) < 2:
        loc = page.doc.loc(("objectives",), key=True)
        yield error(
            page.path, loc.line, loc.column, Code.SCHEMA_INVALID, "a procedure page needs 2-6 learning objectives"
        )
    h2 = [h for h in page.scanned.headings if h.level == 2]
    titles = [h.text.strip().lower() for h in h2]
    position = 0  # index into h2 after the last required section found
    for required in PROCEDURE_SECTIONS:
        wanted = required.lower()
        if wanted in titles[position:]:
            position = titles.index(wanted, position) + 1
            continue
        if wanted in titles:
            heading = h2[titles.index(wanted)]
            yield error(
                page.path,
                heading.line,
                1,
                Code.PAGE_SECTION_ORDER,
                f"section '{required}' is out of order; procedure pages need: {', '.join(PROCEDURE_SECTIONS)}",
            )
        else:
            line = h2[position].line if position < len(h2) else page.body_line
            yield error(
                page.path,
                line,
                1,
                Code.PAGE_SECTION_ORDER,
                f"missing H2 section '{required}'; procedure pages need: {', '.join(PROCEDURE_SECTIONS)}",
            )


def check_links(catalog: Catalog) -> Iterator[Diagnostic]:
    for page in catalog.project.pages:
        scanned = page.scanned
        for link in [*scanned.links, *scanned.ref_defs.values()]:
            problem = check_target(catalog, page.rel, link.target)
            if problem:
                yield error(page.path, link.line, link.column, problem[0], problem[1])
        for use in scanned.ref_uses:
            if use.label not in scanned.ref_defs:
                yield error(
                    page.path,
                    use.line,
                    use.column,
                    Code.LINK_UNDEFINED_REF,
                    f"reference link label '{use.label}' is not defined{did_you_mean(use.label, scanned.ref_defs)}",
                )
        for quiz_id, line, column in scanned.quiz_blocks:
            if quiz_id not in catalog.quizzes and quiz_id not in catalog.project.broken_quizzes:
                yield error(
                    page.path,
                    line,
                    column,
                    Code.QUIZ_UNKNOWN,
                    f"unknown quiz '{quiz_id}'{did_you_mean(quiz_id, catalog.quizzes)}",
                )


def _yaml_link(catalog: Catalog, doc: YamlDocument, path: YPath, target: str) -> Iterator[Diagnostic]:
    problem = check_target(catalog, "", target, yaml_field=True)
    if problem:
        loc = doc.loc(path)
        yield error(doc.path, loc.line, loc.column, problem[0], problem[1])


# ---------------------------------------------------------------- citations


def check_citations(catalog: Catalog) -> Iterator[Diagnostic]:
    for page in catalog.project.pages:
        if page.meta is None or page.doc is None:
            continue
        ids: dict[str, int] = {}
        for index, ref in enumerate(page.meta.references):
            if ref.id in ids:
                loc = page.doc.loc(("references", index, "id"))
                yield error(page.path, loc.line, loc.column, Code.CITE_DUPLICATE, f"duplicate reference id '{ref.id}'")
            ids.setdefault(ref.id, index)
        cited = set()
        for citation in page.scanned.citations:
            cited.add(citation.ref_id)
            if citation.ref_id not in ids:
                yield error(
                    page.path,
                    citation.line,
                    citation.column,
                    Code.CITE_UNKNOWN,
                    f"citation '@{citation.ref_id}' names no reference of this page"
                    + did_you_mean(citation.ref_id, ids),
                )
        for ref_id, index in ids.items():
            if ref_id not in cited:
                yield page.doc.warning(
                    ("references", index, "id"),
                    Code.CITE_UNUSED,
                    f"reference '{ref_id}' is never cited on this page",
                )


# ---------------------------------------------------------------- glossary


def check_glossary(catalog: Catalog) -> Iterator[Diagnostic]:
    seen_ci: dict[str, tuple[str, str, int]] = {}  # lowercased form -> (term id, path, line)
    seen_cs: dict[str, tuple[str, str, int]] = {}
    seen_ids: dict[str, tuple[str, int]] = {}
    for source in catalog.project.terms:
        term, doc, index = source.term, source.doc, source.index
        key = term.key
        id_loc = doc.loc((index, "id") if term.id else (index, "term"))
        if key in seen_ids:
            first_path, first_line = seen_ids[key]
            yield error(
                source.path,
                id_loc.line,
                id_loc.column,
                Code.GLOSSARY_DUPLICATE,
                f"duplicate term id '{key}', first defined at {first_path}:{first_line}",
            )
            continue
        seen_ids[key] = (source.path, id_loc.line)
        forms: list[tuple[str, bool, YPath]] = [(term.term, False, (index, "term"))]
        forms += [(alias, False, (index, "aliases", i)) for i, alias in enumerate(term.aliases)]
        if term.abbr:
            forms.append((term.abbr, True, (index, "abbr")))
        own: set[str] = set()
        for form, sensitive, ypath in forms:
            folded = form.lower()
            loc = doc.loc(ypath)
            clashes = [seen_ci.get(folded)]
            clashes.append(seen_cs.get(form) if sensitive else None)
            if not sensitive:
                clashes += [v for k, v in seen_cs.items() if k.lower() == folded]
            else:
                clashes.append(seen_ci.get(folded))
            clash = next((c for c in clashes if c is not None and c[0] != key), None)
            if clash:
                yield error(
                    source.path,
                    loc.line,
                    loc.column,
                    Code.GLOSSARY_DUPLICATE,
                    f"'{form}' already names term '{clash[0]}' at {clash[1]}:{clash[2]}",
                )
            own.add(folded)
        for form, sensitive, ypath in forms:
            target = seen_cs if sensitive else seen_ci
            target.setdefault(form if sensitive else form.lower(), (key, source.path, doc.loc(ypath).line))
        for i, other in enumerate(term.see_also):
            if other not in catalog.terms or other == key:
                loc = doc.loc((index, "see_also", i))
                reason = "is the term itself" if other == key else "is not a glossary term"
                yield error(
                    source.path,
                    loc.line,
                    loc.column,
                    Code.GLOSSARY_SEE_ALSO,
                    f"see_also '{other}' {reason}{did_you_mean(other, catalog.terms) if other != key else ''}",
                )
        if term.learn_more:
            yield from _yaml_link(catalog, doc, (index, "learn_more"), term.learn_more)
        yield from _definition_links(catalog, source)
    yield from _check_term_usage(catalog)


def _definition_links(catalog: Catalog, source: TermSource) -> Iterator[Diagnostic]:
    """Links in a definition are written from content/ (like learn_more); the glossary page rebases them."""
    path = (source.index, "definition")
    value, key = source.doc.loc(path), source.doc.loc(path, key=True)
    block = "\n" in source.term.definition.rstrip("\n") or source.term.definition.endswith("\n")
    for link in scan(source.term.definition).links:
        problem = check_target(catalog, "", link.target, yaml_field=True)
        if problem:
            if block:  # `definition: |` - text starts on the next line, indented past the key (usually by 2)
                line, column = value.line + link.line, key.column + 1 + link.column
            else:
                line, column = value.line, value.column + link.column - 1
            yield error(source.path, line, column, problem[0], problem[1])


def _check_term_usage(catalog: Catalog) -> Iterator[Diagnostic]:
    if not catalog.terms:
        return
    used = set(catalog.term_pages)  # the same mentions the glossary lists under "Used in"
    for term_id, source in catalog.terms.items():
        if term_id not in used:
            yield source.doc.warning(
                (source.index, "term"),
                Code.GLOSSARY_UNUSED,
                f"term '{source.term.term}' is not mentioned on any page",
            )


# ---------------------------------------------------------------- quizzes


def check_quizzes(catalog: Catalog) -> Iterator[Diagnostic]:
    first: dict[str, QuizSource] = {}
    for source in catalog.project.quizzes:
        quiz, doc = source.quiz, source.doc
        id_loc = doc.loc(("id",))
        if quiz.id in first:
            yield error(
                source.path,
                id_loc.line,
                id_loc.column,
                Code.QUIZ_DUPLICATE_ID,
                f"duplicate quiz id '{quiz.id}', first defined at "
                f"{first[quiz.id].path}:{first[quiz.id].doc.loc(('id',)).line}",
            )
        first.setdefault(quiz.id, source)
        stem = posixpath.splitext(posixpath.basename(source.path))[0]
        if stem != quiz.id:
            yield warning(
                source.path,
                id_loc.line,
                id_loc.column,
                Code.QUIZ_FILE_NAME,
                f"quiz id '{quiz.id}' differs from its file name '{stem}'",
            )
        if quiz.page:
            yield from _yaml_link(catalog, doc, ("page",), quiz.page)
        seen_questions: dict[str, int] = {}
        for index, question in enumerate(quiz.questions):
            base: YPath = ("questions", index)
            if question.id in seen_questions:
                yield doc.error(
                    base + ("id",),
                    Code.QUIZ_DUPLICATE_QUESTION,
                    f"duplicate question id '{question.id}', first defined at line {seen_questions[question.id]}",
                )
            else:
                seen_questions[question.id] = doc.loc(base + ("id",)).line
            if "#" not in question.source:
                yield doc.error(
                    base + ("source",),
                    Code.LINK_MISSING_ANCHOR,
                    f"source '{question.source}' must name the section that teaches the answer (page.md#anchor)",
                )
            yield from _yaml_link(catalog, doc, base + ("source",), question.source)
            yield from _check_answer_key(source, index, question)
        yield from _quiz_text_links(catalog, doc)
    for page in catalog.project.pages:
        known = catalog.quizzes.keys() | catalog.project.broken_quizzes
        if page.meta and page.meta.quiz and page.meta.quiz not in known and page.doc:
            yield page.doc.error(
                ("quiz",),
                Code.QUIZ_UNKNOWN,
                f"unknown quiz '{page.meta.quiz}'{did_you_mean(page.meta.quiz, catalog.quizzes)}",
            )


QUIZ_TEXT_FIELDS = {"title", "prompt", "text", "feedback", "explanation"}


def _quiz_text_links(catalog: Catalog, doc: YamlDocument) -> Iterator[Diagnostic]:
    """Links written in quiz text (content-relative, like `source`): the renderer drops any it cannot resolve."""
    for path, raw in doc.raw.items():
        in_choices = len(path) >= 2 and path[-2] == "choices"
        if not path or not (path[-1] in QUIZ_TEXT_FIELDS or in_choices) or "](" not in raw:
            continue
        for link in INLINE_LINK.finditer(raw):
            yield from _yaml_link(catalog, doc, path, link.group("target").strip("<>"))


def _check_answer_key(
    source: QuizSource, index: int, question: SingleChoice | MultipleChoice | TrueFalse
) -> Iterator[Diagnostic]:
    doc = source.doc
    base: YPath = ("questions", index)
    if isinstance(question, TrueFalse):
        return
    keys = list(question.choices)
    shown = ", ".join(keys)
    texts: dict[str, str] = {}
    for key, value in question.choices.items():
        folded = " ".join(choice_text(value).split()).lower()
        if folded in texts:
            yield doc.error(
                base + ("choices", key),
                Code.QUIZ_CHOICES,
                f"choice '{key}' repeats the text of choice '{texts[folded]}'",
            )
        texts.setdefault(folded, key)
    if isinstance(question, SingleChoice):
        if question.answer not in question.choices:
            yield doc.error(
                base + ("answer",),
                Code.QUIZ_ANSWER_KEY,
                f"answer '{question.answer}' is not one of the choices ({shown})",
            )
        return
    answers = question.answer
    for i, key in enumerate(answers):
        loc = doc.loc(base + ("answer", i))
        if key not in question.choices:
            yield error(
                source.path,
                loc.line,
                loc.column,
                Code.QUIZ_ANSWER_KEY,
                f"answer '{key}' is not one of the choices ({shown})",
            )
        elif key in answers[:i]:
            yield error(source.path, loc.line, loc.column, Code.QUIZ_ANSWER_KEY, f"answer '{key}' is listed twice")
    if len(set(answers)) >= len(keys):
        yield doc.error(
            base + ("answer",),
            Code.QUIZ_ANSWER_KEY,
            "a multiple-choice question must leave at least one choice wrong; use fewer answers or add a choice",
        )


# ---------------------------------------------------------------- courses


def check_courses(catalog: Catalog) -> Iterator[Diagnostic]:
    for source in catalog.project.courses:
        for index, item in enumerate(source.course.items):
            yield from _yaml_link(catalog, source.doc, ("items", index, "page"), item.page)


# ---------------------------------------------------------------- safety


def check_safety(catalog: Catalog) -> Iterator[Diagnostic]:
    for page in catalog.project.pages:
        for unsafe in page.scanned.unsafe:
            yield error(
                page.path,
                unsafe.line,
                unsafe.column,
                Code.SAFETY_HTML,
                f"'{unsafe.what}' is not allowed in content: no scripts, frames, event handlers or javascript: URLs",
            )
    for doc in catalog.project.yaml_docs:
        for path, raw in doc.raw.items():
            match = UNSAFE.search(raw)
            if match:
                loc = doc.loc(path)
                what = match.group(0).strip()
                yield error(
                    doc.path,
                    loc.line,
                    loc.column,
                    Code.SAFETY_HTML,
                    f"'{what}' is not allowed in text: no scripts, frames, event handlers or javascript: URLs",
                )


ALL_CHECKS = (check_pages, check_links, check_citations, check_glossary, check_quizzes, check_courses, check_safety)


def run_checks(catalog: Catalog) -> list[Diagnostic]:
    diagnostics: list[Diagnostic] = []
    for check in ALL_CHECKS:
        diagnostics.extend(check(catalog))
    return diagnostics
