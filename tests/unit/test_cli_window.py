"""A command line that only opens the window is parsed without the commands' parsers
(every command module imported cost a fifth of the time to the login window), and
reads exactly as the full parser reads it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from desktop.cli import build_parser, opens_the_window

WINDOW = (
    [],
    ["--demo"],
    ["--db", "kontor.db"],
    ["--db=kontor.db", "--lang", "en"],
    ["--lang=en", "--server", "postgresql://h:5441,h:5442/rondplan"],
    ["--self-test"],
    ["--startup-probe", "--lang", "sv"],
)
NOT_WINDOW = (
    ["check"],
    ["--db", "kontor.db", "stats"],
    ["--help"],
    ["-h"],
    ["--demo", "--verbose"],
    ["--db"],  # no value: the full parser says so
    ["--lang"],
    ["users", "list"],
)


@pytest.mark.parametrize("argv", WINDOW)
def test_the_window_s_options_alone_read_as_the_full_parser_reads_them(argv):
    assert opens_the_window(argv)
    for lang in ("sv", "en"):
        full = vars(build_parser(lang).parse_args(argv))
        alone = vars(build_parser(lang, commands=False).parse_args(argv))
        assert alone == full


@pytest.mark.parametrize("argv", NOT_WINDOW)
def test_a_command_help_or_anything_else_goes_to_the_full_parser(argv):
    assert not opens_the_window(argv)


def test_opening_the_window_imports_no_command():
    probe = (
        "import sys; from desktop.cli import build_parser, opens_the_window; "
        "argv = ['--demo', '--lang', 'en']; "
        "build_parser('en', commands=not opens_the_window(argv)).parse_args(argv); "
        "print(sorted(m for m in sys.modules if m.startswith('desktop.commands.')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "['desktop.commands.common']"
