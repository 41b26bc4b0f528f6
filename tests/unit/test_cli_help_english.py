"""Every subcommand's ``--help`` is English under ``--lang en`` (issue 18).

The commands register their help in Swedish; ``desktop.messages.help`` holds the English
of each. A help text added without its English fails here (the walk reads the real parser,
every subcommand and sub-subcommand); an English entry no command uses fails too.
"""

from __future__ import annotations

import argparse
import re

import pytest

from desktop.cli import build_parser, main
from desktop.messages.help import ENGLISH

SWEDISH = re.compile(r"[åäöÅÄÖ]")
#: Proper names may keep their letters in English.
NAMES = ("Malmö",)


def _texts(parser: argparse.ArgumentParser) -> list[str]:
    found = [t for t in (parser.description, parser.epilog) if t]
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS:
            found.append(action.help)
        if isinstance(action.metavar, str):
            found.append(action.metavar)
        if isinstance(action, argparse._SubParsersAction):
            found += [choice.help for choice in action._choices_actions if choice.help]
            for sub in set(action.choices.values()):
                found += _texts(sub)
    return found


def test_every_help_text_of_every_command_is_english_under_lang_en() -> None:
    english = _texts(build_parser("en"))
    left = [t for t in english if t in ENGLISH or SWEDISH.search(_unnamed(t))]
    assert left == [], left


def test_every_english_help_text_is_used() -> None:
    swedish = set(_texts(build_parser("sv")))
    assert sorted(set(ENGLISH) - swedish) == []


def _unnamed(text: str) -> str:
    for name in NAMES:
        text = text.replace(name, "")
    return text


@pytest.mark.parametrize("command", ["stats", "check", "users", "import"])
def test_a_subcommands_help_reads_english(command, capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "en", command, "--help"])
    shown = capsys.readouterr().out
    assert shown.startswith("usage: rondplan ") and "show this help and exit" in shown
    assert not SWEDISH.search(shown), shown
