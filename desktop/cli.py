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
from typing import Any, NoReturn

from desktop.commands import COMMAND_MODULES
from desktop.commands.common import ArgumentWordsError, add_database_option
from desktop.messages import Language, language, words
from desktop.messages.help import ENGLISH as HELP_ENGLISH

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


#: argparse's own words (titles, -h, the error line) in each language; English is
#: argparse's own, so only Swedish translates its messages (``_ARGPARSE_WORDS``).
_PARSER_WORDS: dict[Language, dict[str, str]] = {
    "sv": {
        "commands": "kommandon",
        "options": "flaggor",
        "help": "visa den här hjälpen och avsluta",
        "error": "fel",
        "see": "se",
    },
    "en": {
        "commands": "commands",
        "options": "options",
        "help": "show this help and exit",
        "error": "error",
        "see": "see",
    },
}


class SwedishParser(argparse.ArgumentParser):
    """argparse with its own words in the interface language (usage, section titles,
    -h, errors): Swedish by default, English under ``--lang en`` (issue 18)."""

    lang: Language = "sv"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if self.lang == "sv":
            kwargs.setdefault("formatter_class", SwedishHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        own = _PARSER_WORDS[self.lang]
        self._positionals.title = own["commands"]
        self._optionals.title = own["options"]
        self.add_argument("-h", "--help", action="help", help=own["help"])

    def _get_value(self, action, arg_string):  # type: ignore[no-untyped-def]
        # A type's refusal as a code (``ArgumentWordsError``) is worded in this language.
        try:
            return super()._get_value(action, arg_string)
        except argparse.ArgumentError as exc:
            cause = exc.__context__
            if isinstance(cause, ArgumentWordsError):
                worded = words(cause.code, cause.params, self.lang)
                raise argparse.ArgumentError(action, worded) from None
            raise

    def error(self, message: str) -> NoReturn:
        if self.lang == "sv":
            for english, swedish in _ARGPARSE_WORDS:
                message = message.replace(english, swedish)
        words = _PARSER_WORDS[self.lang]
        # One line, as every other error (issue 15); the usage is one --help away.
        message = " ".join(message.split())
        self.exit(
            2, f"{self.prog}: {words['error']}: {message} ({words['see']} {self.prog} --help)\n"
        )


class EnglishParser(SwedishParser):
    """The same parser with argparse's words in English (``rondplan --lang en``)."""

    lang: Language = "en"


def command_language(argv: Sequence[str]) -> Language:
    """The language ``--lang`` asks for anywhere on the command line; Swedish by default.

    Read before the parser is built, so argparse's own messages follow it too.
    """
    for index, word in enumerate(argv):
        if word == "--":
            break
        if word == "--lang" and index + 1 < len(argv):
            return language(argv[index + 1])
        if word.startswith("--lang="):
            return language(word.split("=", 1)[1])
    return "sv"


# The window's own options: a command line of these alone opens the app (``--demo``,
# ``--db PATH``, ...), and building every command's parser for it imported every
# command module, a fifth of the time to the login window (bench_startup).
_WINDOW_FLAGS = frozenset({"--demo", "--self-test", "--startup-probe"})
_WINDOW_VALUES = frozenset({"--db", "--lang", "--server"})


def opens_the_window(argv: Sequence[str]) -> bool:
    """Whether ``argv`` holds nothing but the window's own options, each value given.

    Anything else (a command, ``--help``, an unknown or incomplete option) goes to the
    full parser, which knows every command and says what is wrong.
    """
    words = iter(argv)
    for word in words:
        if word.split("=", 1)[0] in _WINDOW_VALUES:
            if "=" not in word and next(words, None) is None:
                return False
        elif word not in _WINDOW_FLAGS:
            return False
    return True


def build_parser(lang: Language = "sv", commands: bool = True) -> argparse.ArgumentParser:
    """The command line's parser; ``commands=False``: the window's options alone
    (for a command line :func:`opens_the_window` accepts)."""
    parser_class = EnglishParser if lang == "en" else SwedishParser
    parser = parser_class(
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
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO", parser_class=parser_class)
    for name in COMMAND_MODULES if commands else ():
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
    if lang == "en":
        _in_english(parser)
    return parser


def _english(text: str | None) -> str | None:
    return HELP_ENGLISH.get(text, text) if text is not None else None


def _in_english(parser: argparse.ArgumentParser) -> None:
    """Every help text, description and argument name of every (sub)command in English
    (``desktop.messages.help``): the commands register them in Swedish."""
    parser.description = _english(parser.description)
    parser.epilog = _english(parser.epilog)
    for action in parser._actions:
        if action.help is not argparse.SUPPRESS:
            action.help = _english(action.help)
        if isinstance(action.metavar, str):
            action.metavar = _english(action.metavar)
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                choice.help = _english(choice.help)
            for sub in set(action.choices.values()):
                _in_english(sub)


def cli_path(text: str) -> Path:
    """An argparse type for a file or folder name: never empty, never holding NUL."""
    if not text.strip() or "\0" in text:
        raise ArgumentWordsError("cli.path_missing")
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
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = command_language(argv)
    parser = build_parser(lang, commands=not opens_the_window(argv))
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
    # Known errors become one line in the language asked for; anything else is a bug and
    # keeps its traceback.
    from desktop.commands.common import UserError, known_error_message

    try:
        return int(handler(args) or 0)
    except UserError as exc:
        print(f"rondplan: {words(exc.code, exc.params, lang)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"rondplan: {words('cli.interrupted', {}, lang)}", file=sys.stderr)
        return 130
    except Exception as exc:
        message = known_error_message(exc, lang)
        if message is None:
            raise
        print(f"rondplan: {message}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
