"""The ``rondplan`` command. The GUI is the default; subcommands script the services.

Exit status: 0 on success, 1 on a user error with one clear line on stderr (no
traceback), 2 on wrong usage (argparse's own).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from desktop.commands import COMMAND_MODULES
from desktop.commands.common import add_database_option

_ARGPARSE_WORDS = (
    ("the following arguments are required", "följande argument krävs"),
    ("unrecognized arguments", "okända argument"),
    ("invalid choice", "ogiltigt val"),
    ("choose from", "välj bland"),
    ("expected one argument", "ett värde saknas"),
    ("invalid int value", "inte ett heltal"),
    ("not allowed with argument", "går inte ihop med"),
)


class SwedishHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        # argparse passes "" when it builds a subcommand's prog; keep that as it is.
        return super().add_usage(
            usage, actions, groups, "användning: " if prefix is None else prefix
        )


class SwedishParser(argparse.ArgumentParser):
    """argparse with its own words in Swedish (usage, section titles, -h, errors)."""

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", SwedishHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "kommandon"
        self._optionals.title = "flaggor"
        self.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")

    def error(self, message: str) -> NoReturn:
        for english, swedish in _ARGPARSE_WORDS:
            message = message.replace(english, swedish)
        # One line, as every other error (issue 15); the usage is one --help away.
        message = " ".join(message.split())
        self.exit(2, f"{self.prog}: fel: {message} (se {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = SwedishParser(
        prog="rondplan",
        description="Rondplan – planering, genomgång och uppföljning av hembesök (GVI).",
    )
    add_database_option(parser, server=False)  # its own --server below (the app)
    parser.add_argument("--demo", action="store_true", help="öppna appen på en ny demodatabas")
    parser.add_argument("--lang", choices=("sv", "en"), default=None, help="språk (sv eller en)")
    parser.add_argument(
        "--server", metavar="URL", help="delad PostgreSQL-server i stället för lokal fil"
    )
    parser.add_argument(
        "--self-test", action="store_true", help="kontrollera installationen och avsluta"
    )
    # For benchmarks: show the login window, print when it has painted, quit.
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO", parser_class=SwedishParser)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"desktop.commands.{name}")
        except ModuleNotFoundError as exc:
            # A command still being written must not break the others;
            # tests/unit/test_cli.py fails while any listed command is missing.
            if exc.name != f"desktop.commands.{name}":
                raise
            continue
        module.register(sub)
    _check_paths(parser)
    return parser


def cli_path(text: str) -> Path:
    """An argparse type for a file or folder name: never empty, never holding NUL."""
    if not text.strip() or "\0" in text:
        raise argparse.ArgumentTypeError("ange en sökväg")
    return Path(text)


def _check_paths(parser: argparse.ArgumentParser) -> None:
    """Every ``type=Path`` argument of every subcommand becomes :func:`cli_path`
    (an empty name would otherwise reach the commands as ``.``)."""
    for action in parser._actions:
        if action.type is Path:
            action.type = cli_path
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                _check_paths(sub)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None and args.self_test:
        from desktop.selftest import run_self_test

        return run_self_test()
    if handler is None and args.startup_probe:
        from desktop.app import run_startup_probe

        return run_startup_probe()
    if handler is None:
        from desktop.system_check import gui_problem

        # Before Qt loads: a missing system library would otherwise abort the process.
        problem = gui_problem(args.lang)
        if problem is not None:
            print(f"rondplan: {problem}", file=sys.stderr)
            return 1
        from desktop.app import run_gui

        handler = run_gui
    # Known errors become one Swedish line; anything else is a bug and keeps its traceback.
    from desktop.commands.common import UserError, known_error_message

    try:
        return int(handler(args) or 0)
    except UserError as exc:
        print(f"rondplan: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("rondplan: avbrutet.", file=sys.stderr)
        return 130
    except Exception as exc:
        message = known_error_message(exc)
        if message is None:
            raise
        print(f"rondplan: {message}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
