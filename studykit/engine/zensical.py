"""Render a prepared config file with Zensical, in a child process, and turn what it prints into problem messages.

Why a child process (`python -m zensical build`) and not `zensical.build()` in this process:

- The build runs in Rust. A failure there is a `pyo3_runtime.PanicException`, which derives from BaseException,
  and a wrong `docs_dir` or a locked cache can trigger one.
- Zensical writes its report (ANSI-coloured even without a terminal, NO_COLOR is ignored) straight to file
  descriptor 2. `contextlib.redirect_stderr` cannot capture it, and there is no other report: `build()` returns
  None.
- It keeps process-wide state: a module-global config, an `!ENV` constructor added to `yaml.Loader`, and the
  Markdown extensions it imported, with their caches, in `sys.modules`. A second build in a long-running process,
  such as `serve`, could see the first build's data.
- A child can be given a timeout and stopped. A call into Rust cannot.
Starting the child costs about 0.2 s, which is small next to the build.

What the child is told, and why:

- `sys.executable -m zensical` uses the same interpreter and packages as studykit, so `studykit.*` Markdown
  extensions import there. `-m` also puts `cwd` first on sys.path.
- `--clean` empties the page cache before the build. Zensical keys that cache on each page's Markdown and on the
  config. Our extensions read data that is in neither (glossary and quiz YAML, the catalog snapshot), so without
  `--clean` an edited glossary term keeps its old tooltip.
- Zensical has no flags for docs_dir or site_dir. They come from the config file and must lie inside the folder
  that holds it (the "project root"). `site_dir` may be absolute. `docs_dir` must be relative: an absolute one
  makes Zensical panic (0.0.73). The cache always goes to `<config folder>/.cache`; it cannot be moved or turned
  off. The site_dir is emptied of stale files. Two builds must not share a config folder at the same time.
- Warnings come out as located blocks:
  `Warning: page does not exist` followed by `╭─[ index.md:6:85 ]`, where the path is relative to docs_dir and the
  line and column start at 1. These become `index.md:6:85: warning: page does not exist`. Configuration errors
  come as `Error: ...` with exit status 1. Failures during the build come as a Python traceback ending in
  `RuntimeError: ...`; when it reads `Python error: ...` (an extension raised), it is followed by the extension's
  traceback, and we add that traceback's innermost frame. The exit status decides success: 0 even with warnings,
  1 on errors, and also on warnings when the config says `strict: true`.
"""

from __future__ import annotations

import importlib.util
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

ZENSICAL_VERSION = "0.0.73"
"""The newest release this project's registry can install: 0.0.74 and later require `zensical-ui`, which it lacks."""

NOT_INSTALLED = f"Zensical is not installed: pip install zensical=={ZENSICAL_VERSION}"

_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
_HEADLINE = re.compile(r"^(Warning|Error|Advice): (.*)$")
_LOCATION = re.compile(r"^\s*╭─*\[ ?(.+?):(\d+):(\d+) ?\]")
_BOX = tuple("╭╮╯╰│─┬┴├┤┼")
_LEGACY = re.compile(r"^(WARNING|ERROR|INFO) +- +(.*)$")
_PY_WARNING = re.compile(r"^(.+?):(\d+): (\w*Warning): (.*)$")
_EXCEPTION = re.compile(r"^([A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Warning)): ?(.*)$")
_FRAME = re.compile(r'^\s+File "(.+?)", line (\d+), in (.+)$')
_TRACEBACK = "Traceback (most recent call last):"
_SEVERITY = {"Warning": "warning", "Error": "error", "Advice": "note"}
_HINTS = (
    ("Id(Format(Path(RootDir)))", "docs_dir must be a relative path inside the config file's folder"),
    ("template not found", "a page's front matter `template:` names a theme template, as in MkDocs"),
)


def render_with_zensical(config_file: Path, *, cwd: Path, timeout: float = 600) -> tuple[bool, list[str]]:
    """Build the site described by `config_file` (MkDocs YAML or zensical.toml) with Zensical, from `cwd`.

    A relative `config_file` is taken relative to `cwd`. `cwd` is the child's working directory, so it is on its
    sys.path and is the default folder for extensions that read the project. Returns (success, problems).
    Success means Zensical exited with status 0. Problems are one-line messages: Zensical's warnings and errors,
    as `path:line:col: severity: message` when located (path relative to docs_dir), else `severity: message`.
    There may be problems even when the build succeeds. Never raises for a failed build, a missing Zensical or a
    timeout.
    """
    if importlib.util.find_spec("zensical") is None:
        return False, [NOT_INSTALLED]
    config = config_file if config_file.is_absolute() else cwd / config_file
    if not cwd.is_dir():
        return False, [f"error: working directory {cwd} does not exist"]
    if not config.is_file():
        return False, [f"error: configuration file {config} does not exist"]
    command = [sys.executable, "-m", "zensical", "build", "--clean", "--config-file", str(config.resolve())]
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    env.pop("PYTHONSAFEPATH", None)  # would keep `-m` from putting cwd on sys.path
    try:
        returncode, stdout, stderr = _run(command, cwd, env, timeout)
    except subprocess.TimeoutExpired:
        return False, [f"error: the Zensical build did not finish within {timeout:g} s and was stopped"]
    except OSError as exc:
        return False, [f"error: could not start Zensical: {exc}"]
    if returncode != 0 and "No module named zensical" in stderr:
        return False, [NOT_INSTALLED]
    problems = _unique(parse_output(stdout) + parse_output(stderr))
    if returncode < 0:
        problems.append(f"error: Zensical was stopped by signal {-returncode}")
    elif returncode != 0 and not any(": error: " in p or p.startswith("error: ") for p in problems):
        tail = " | ".join(line for line in _clean(stderr or stdout)[-5:] if line.strip())
        problems.append(f"error: Zensical exited with status {returncode}" + (f": {tail}" if tail else ""))
    return returncode == 0, problems


def _run(command: list[str], cwd: Path, env: dict[str, str], timeout: float) -> tuple[int, str, str]:
    """Run in a session of its own, so that a timeout or Ctrl-C can stop everything it started."""
    posix = os.name == "posix"
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=posix,
    )
    try:
        out, err = process.communicate(timeout=timeout)
    except BaseException:  # TimeoutExpired, KeyboardInterrupt: the child is in its own session and must be stopped
        if posix:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        else:
            process.kill()
        process.communicate()
        raise
    return process.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


def _clean(text: str) -> list[str]:
    return [_ANSI.sub("", line).rstrip() for line in text.splitlines()]


def _unique(messages: list[str]) -> list[str]:
    return list(dict.fromkeys(messages))


def _with_hint(message: str) -> str:
    for needle, hint in _HINTS:
        if needle in message:
            return f"{message} (hint: {hint})"
    return message


def parse_output(text: str) -> list[str]:
    """Zensical's warnings, errors and tracebacks in `text` as one-line problem messages (see the module doc)."""
    lines = _clean(text)
    problems: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if headline := _HEADLINE.match(line):
            severity, message = _SEVERITY[headline.group(1)], headline.group(2).strip()
            located = next((m for m in map(_LOCATION.match, lines[i : i + 3]) if m), None)
            if located:
                path, row, col = located.groups()
                problems.append(f"{path}:{row}:{col}: {severity}: {message}")
                continue
            extra: list[str] = []  # e.g. a YAML error spread over several lines
            while i < len(lines) and lines[i].strip() and len(extra) < 6:
                following = lines[i]
                if _HEADLINE.match(following) or following == _TRACEBACK or following.lstrip().startswith(_BOX):
                    break
                extra.append(following.strip())
                i += 1
            problems.append(_with_hint(f"{severity}: " + " ".join([message, *extra])))
        elif line == _TRACEBACK:
            while i < len(lines) and (not lines[i] or lines[i][0].isspace()):
                i += 1  # frames and source lines
            if i < len(lines) and (exception := _EXCEPTION.match(lines[i])):
                i += 1
                kind, message = exception.groups()
                where = ""
                if message.startswith("Python error:") and i < len(lines) and lines[i] == _TRACEBACK:
                    i += 1
                    while i < len(lines) and (not lines[i] or lines[i][0].isspace()):
                        if (frame := _FRAME.match(lines[i])) and not frame.group(1).startswith("<frozen"):
                            where = f" (at {frame.group(1)}:{frame.group(2)}, in {frame.group(3)})"
                        i += 1
                if kind == "RuntimeError":
                    summary = message
                elif kind.endswith("PanicException"):
                    summary = f"Zensical crashed: {message}"
                else:
                    summary = f"{kind}: {message}"
                problems.append(_with_hint(f"error: {summary}{where}"))
        elif legacy := _LEGACY.match(line):
            if legacy.group(1) != "INFO":
                problems.append(f"{legacy.group(1).lower()}: {legacy.group(2).strip()}")
        elif warning := _PY_WARNING.match(line):
            path, row, category, message = warning.groups()
            problems.append(f"{path}:{row}: warning: {category}: {message}")
    return problems
