"""The README against the real thing: its make targets are the Makefile's, its
``tolk`` commands and options are the CLI's, and every verb is documented
(as sqlite-utils' tests/test_docs.py does for its commands)."""

from __future__ import annotations

import argparse
import re

import pytest

from pipeline.cli import build_parser

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _options(parser: argparse.ArgumentParser) -> set[str]:
    """Every option string of a parser and of its own subcommands (tolk memory export)."""
    found = {s for a in parser._actions for s in a.option_strings}
    for child in _subparsers(parser).values():
        found |= _options(child)
    return found


VERBS = _subparsers(build_parser())
PHONY = set(re.search(r"^\.PHONY:(.*)$", MAKEFILE, re.M).group(1).split())  # type: ignore[union-attr]
TARGETS = {m for m in re.findall(r"^([a-z][\w-]*):", MAKEFILE, re.M)}
README_TARGETS = set(re.findall(r"\bmake ([a-z][\w-]*)", README))
# `tolk VERB ...` as written in code spans and blocks (also `.venv/bin/tolk VERB ...`).
README_COMMANDS = re.findall(r"(?:^|[`\s/])tolk ((?:[a-z][\w-]*)(?:[^`\n#|]*))", README, re.M)


def test_the_readme_names_only_real_make_targets() -> None:
    assert README_TARGETS, "the README lists no make targets"
    assert README_TARGETS <= TARGETS, README_TARGETS - TARGETS


def test_every_make_target_is_in_the_readme() -> None:
    assert TARGETS - {"help"} <= README_TARGETS, (TARGETS - {"help"}) - README_TARGETS


def test_make_help_lists_every_target() -> None:
    listed = set(re.findall(r'@echo "make ([a-z][\w-]*)', MAKEFILE))
    assert listed == TARGETS - {"help"}


@pytest.mark.xfail(strict=True, reason="Makefile .PHONY names 'memory', which has no rule")
def test_every_phony_name_has_a_rule() -> None:
    assert PHONY <= TARGETS, PHONY - TARGETS


def test_every_tolk_verb_is_documented() -> None:
    """A verb is documented as ``tolk VERB`` or through the make target that runs it."""
    named = {command.split()[0] for command in README_COMMANDS}
    assert set(VERBS) <= named | README_TARGETS, set(VERBS) - named - README_TARGETS


@pytest.mark.parametrize("command", sorted(set(README_COMMANDS)))
def test_readme_commands_use_real_verbs_and_options(command: str) -> None:
    words = command.split()
    verb = words[0]
    assert verb in VERBS, f"'tolk {verb}' is not a command"
    options = {w.split("=")[0] for w in words[1:] if w.startswith("-")}
    unknown = options - _options(VERBS[verb]) - {"-h", "--help"}
    assert not unknown, f"'tolk {command}': unknown options {unknown}"


def test_every_verb_has_help_and_an_example() -> None:
    for name, parser in VERBS.items():
        assert parser.description, name
        assert parser.epilog and "example:" in parser.epilog and f"tolk {name}" in parser.epilog


def test_the_readme_layout_names_every_package() -> None:
    packages = {p.name for p in (ROOT / "pipeline").iterdir() if (p / "__init__.py").exists()}
    layout = README.split("pipeline/\n", 1)[1].split("```", 1)[0]
    named = set(re.findall(r"^  ([a-z_]+)/", layout, re.M))
    assert packages == named, packages ^ named
