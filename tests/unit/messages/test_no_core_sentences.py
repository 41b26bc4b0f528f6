"""No core module words what the user reads (issue 18), outside exceptions too.

``test_error_codes.py`` checks every raise. This walk checks every other string the core
(``models/``, ``store/``, ``services/``, ``reports/``) writes: a literal with a Swedish
letter (å, ä, ö) is words, and words belong in the one catalogue (``desktop/messages``),
or in the vocabulary the views translate (``services/vocabulary.py``). A sentence added
to the core fails here before a user reads it in the wrong language.

Strict but not absurd. Not counted, because they are not the interface's words:
- docstrings, and strings passed to the technical log (``_log.info(...)``, ``logging``);
- the first argument of ``UnitOfWork(store, "Flytta besök")``: an internal label of the
  unit of work (``Changes.description``), which no view shows;
- ``DATA``: files whose Swedish is data, not interface (below, each with its reason).
``NOT_YET`` lists what is still Swedish in the core, file by file with how many literals
and why: a ratchet. A file may only go down (then lower its number here: the test says
so), never up, and a file not listed may hold none.

The command line (``desktop/commands``, ``desktop/cli.py``) is held the same way, and
more strictly: what a command prints, writes or asks (``print``, ``.write``,
``getpass``) holds no words at all, Swedish or English, only codes worded in the
language of ``--lang``. Its help texts are not counted: registered in Swedish, they are
put into English by ``desktop/messages/help.py`` (``test_cli_help_english.py``).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CORE = ("models", "store", "services", "reports")
SWEDISH = re.compile(r"[åäöÅÄÖ]")

#: Files whose Swedish literals are data, not the interface's words.
DATA: dict[str, str] = {
    "desktop/services/vocabulary.py": "the one vocabulary (issue 17), marked for Qt "
    "Linguist and translated by the views",
    "desktop/services/demo/": "fictitious demo data: names, places, notes as a Swedish "
    "user would type them",
    "desktop/store/collation.py": "the Swedish alphabet's letters, for sorting names",
    "desktop/store/creation.py": "the agencies' names as stored rows (data the user edits)",
    "desktop/services/security/passwords.py": "words a password must not be built on",
    "desktop/services/incidents/importer.py": "the police list's Swedish column names and "
    "values as they are in the file read",
    "desktop/store/database.py": "a file name suffix (.före-återställning-)",
    "desktop/services/security/backups.py": "a file name suffix (.återställs)",
    "desktop/services/security/__init__.py": "a folder name (säkerhetskopior)",
}

_DOC = (
    "a printed or written Swedish document (PDF, workbook, template): its words are not "
    "yet bilingual"
)

#: Still Swedish in the core (issue 18 left): file → (literals, why). Only ever lowered.
NOT_YET: dict[str, tuple[int, str]] = {
    "desktop/reports/sheets.py": (24, _DOC),
    "desktop/services/briefing/documents.py": (10, _DOC),
    "desktop/services/briefing/printing.py": (
        2,
        "the print record's title (audit), printed on the document",
    ),
    "desktop/services/changes.py": (
        1,
        "the notice of another workstation's change: to become a code",
    ),
    "desktop/services/engagement/attendance.py": (
        3,
        "default titles written into rows (tasks, visits): data once stored",
    ),
    "desktop/services/engagement/callins.py": (
        3,
        "the call-in checklist's default items, written into rows",
    ),
    "desktop/services/engagement/referrals.py": (3, "default task titles written into rows"),
    "desktop/services/importing/template.py": (20, _DOC),
    "desktop/services/incidents/response.py": (
        1,
        "a response operation's default name, written into its row",
    ),
    "desktop/services/operations/queries.py": (
        1,
        "'Okänt område' as a group key in lists: to become a code",
    ),
    "desktop/services/planning/icalendar.py": (
        1,
        "the exported calendar event's title (a written file)",
    ),
    "desktop/services/transfer/export_service.py": (13, _DOC),
    "desktop/services/transfer/import_service.py": (
        1,
        "a file name placeholder in the import log: to become a code",
    ),
    "desktop/services/transfer/saving.py": (1, "a suggested file name"),
}


#: Swedish on purpose in the command line: file → (literals, why). Only ever lowered.
COMMAND_LINE_WORDS: dict[str, tuple[int, str]] = {
    "desktop/cli.py": (7, "argparse's own words: the Swedish side of tables keyed by --lang"),
    "desktop/commands/users.py": (
        3,
        "Swedish words a CSV of accounts may hold (header, roles), read besides the English",
    ),
}
#: Keywords whose words are help texts (translated by ``desktop/messages/help.py``).
_HELP_KEYWORDS = {"help", "metavar", "description", "epilog"}
#: Words a printed line may hold in both languages: the program's name, a verdict.
_SAME_IN_BOTH = re.compile(r"\b(rondplan|OK)\b")
_CODE = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+")
_WORD = re.compile(r"[A-Za-zåäöÅÄÖ]{2,}")
_SAYS = {"print", "write", "getpass", "input"}


def _files() -> list[Path]:
    return sorted(p for layer in CORE for p in (ROOT / "desktop" / layer).rglob("*.py"))


def _command_line_files() -> list[Path]:
    return [*sorted((ROOT / "desktop" / "commands").glob("*.py")), ROOT / "desktop" / "cli.py"]


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _is_data(name: str) -> bool:
    return any(name == d or (d.endswith("/") and name.startswith(d)) for d in DATA)


def _exempt(tree: ast.Module) -> set[int]:
    """ids of the string nodes that are not words for the user."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skip.add(id(first.value))
        if isinstance(node, ast.Call):
            func = node.func
            called = getattr(func, "attr", getattr(func, "id", ""))
            owner = getattr(getattr(func, "value", None), "id", "")
            if called == "UnitOfWork" and len(node.args) >= 2:
                skip.update(id(n) for n in ast.walk(node.args[1]))
            if owner in ("_log", "log", "logger", "logging", "_logger"):
                skip.update(id(n) for arg in node.args for n in ast.walk(arg))
    return skip


def _help_texts(tree: ast.Module) -> set[int]:
    """ids of the string nodes given as a help text, an argument's name or a description."""
    return {
        id(n)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        for keyword in node.keywords
        if keyword.arg in _HELP_KEYWORDS
        for n in ast.walk(keyword.value)
    }


def _swedish_literals(files: list[Path] | None = None) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in _files() if files is None else files:
        name = _name(path)
        if _is_data(name):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _exempt(tree) | (_help_texts(tree) if files is not None else set())
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in skip
                and SWEDISH.search(node.value)
            ):
                found.setdefault(name, []).append(f"line {node.lineno}: {node.value[:70]!r}")
    return found


FOUND = _swedish_literals()


def test_no_new_swedish_words_in_the_core() -> None:
    grown = {
        name: literals
        for name, literals in FOUND.items()
        if len(literals) > NOT_YET.get(name, (0, ""))[0]
    }
    assert grown == {}, (
        "Words for the user belong in desktop/messages (a code the views and the command "
        f"line word in their language), not in the core: {grown}"
    )


def test_the_ratchet_is_tight() -> None:
    """A file that now holds fewer Swedish literals lowers its number in NOT_YET."""
    loose = {
        name: (count, len(FOUND.get(name, [])))
        for name, (count, _why) in NOT_YET.items()
        if len(FOUND.get(name, [])) < count
    }
    assert loose == {}, f"lower NOT_YET to what is left: {loose}"


def test_the_allowances_name_real_files() -> None:
    missing = [d for d in DATA if not (ROOT / d).exists()]
    missing += [name for name in NOT_YET if not (ROOT / name).exists()]
    assert missing == []


COMMAND_LINE = _swedish_literals(_command_line_files())


def test_the_command_line_has_no_new_swedish_words() -> None:
    grown = {
        name: literals
        for name, literals in COMMAND_LINE.items()
        if len(literals) > COMMAND_LINE_WORDS.get(name, (0, ""))[0]
    }
    assert grown == {}, (
        "What a command prints belongs in desktop/messages (cli_report.py), worded in the "
        f"language of --lang: {grown}"
    )
    loose = {
        name: (count, len(COMMAND_LINE.get(name, [])))
        for name, (count, _why) in COMMAND_LINE_WORDS.items()
        if len(COMMAND_LINE.get(name, [])) < count
    }
    assert loose == {}, f"lower COMMAND_LINE_WORDS to what is left: {loose}"


def _said_words(path: Path) -> list[str]:
    """Words in a literal that a command prints, writes or asks, codes aside."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        called = getattr(node.func, "attr", getattr(node.func, "id", ""))
        if called not in _SAYS:
            continue
        for n in (n for argument in node.args for n in _text_of(argument)):
            if _CODE.fullmatch(n.value) or not _WORD.search(_SAME_IN_BOTH.sub("", n.value)):
                continue
            found.append(f"{_name(path)} line {n.lineno}: {n.value[:60]!r}")
    return found


def _text_of(node: ast.expr) -> list[ast.Constant]:
    """The literals that become the printed text itself: a string, the fixed parts of an
    f-string, either side of ``+`` or of ``… if … else …`` (not a call's own arguments,
    such as the code and parameters given to ``words``)."""
    if isinstance(node, ast.Constant):
        return [node] if isinstance(node.value, str) else []
    if isinstance(node, ast.JoinedStr):
        return [n for n in node.values if isinstance(n, ast.Constant)]
    if isinstance(node, ast.BinOp):
        return _text_of(node.left) + _text_of(node.right)
    if isinstance(node, ast.IfExp):
        return _text_of(node.body) + _text_of(node.orelse)
    return []


def test_what_a_command_prints_is_worded_in_the_language_asked_for() -> None:
    """Issue 18: ``rondplan --lang en import …`` reports in English; a sentence written
    into a ``print`` would be one language for every reader."""
    said = [line for path in _command_line_files() for line in _said_words(path)]
    assert said == []
