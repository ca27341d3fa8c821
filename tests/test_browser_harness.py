"""Tests that need a browser, make, renameat2 or an engine may skip on a developer's machine, never in CI."""

from __future__ import annotations

import pytest

from .helpers import unavailable


def test_missing_browser_fails_the_run_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="cannot run in CI: no chromium"):
        unavailable("no chromium")


def test_missing_browser_skips_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no chromium"):
        unavailable("no chromium")
