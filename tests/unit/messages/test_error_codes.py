"""No core module words an error (issue 18): every raise of a domain or storage error
passes a code from the one catalogue, ``desktop.messages``, with the parameters its words
use, and the catalogue words every code in Swedish and English.

The walk reads the source (``ast``), so a sentence added anywhere in ``models/``,
``store/``, ``services/`` or ``reports/`` fails here before a user reads it.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

from desktop.messages import CATALOGUE

ROOT = Path(__file__).resolve().parents[3] / "desktop"
CORE = ("models", "store", "services", "reports")
BASES = {"DomainError", "StoreError", "CodedError"}
CODE = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+")


def _core_files() -> list[Path]:
    return sorted(p for layer in CORE for p in (ROOT / layer).rglob("*.py"))


def _trees() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in _core_files()}


TREES = _trees()


def _coded_classes() -> set[str]:
    """The names of every class in the core that is a domain or storage error."""
    names = set(BASES)
    changed = True
    while changed:
        changed = False
        for tree in TREES.values():
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names:
                    bases = {getattr(b, "id", getattr(b, "attr", "")) for b in node.bases}
                    if bases & names:
                        names.add(node.name)
                        changed = True
    return names


CODED = _coded_classes()


def _constants(tree: ast.Module) -> dict[str, ast.expr]:
    """Module-level ``NAME = value`` assignments."""
    found: dict[str, ast.expr] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                found[target.id] = node.value
    return found


def _raises() -> list[tuple[str, ast.Call, dict[str, ast.expr]]]:
    """Every ``raise X(...)`` (or ``return X(...)``) of a coded error in the core."""
    sites = []
    for path, tree in TREES.items():
        where = f"{path.relative_to(ROOT.parent)}"
        constants = _constants(tree)
        for node in ast.walk(tree):
            call = None
            if isinstance(node, ast.Raise | ast.Return) and isinstance(
                getattr(node, "exc", None) or getattr(node, "value", None), ast.Call
            ):
                call = getattr(node, "exc", None) or node.value  # type: ignore[attr-defined]
            if call is None:
                continue
            name = getattr(call.func, "id", getattr(call.func, "attr", ""))
            if name in CODED:
                sites.append((f"{where}:{node.lineno}", call, constants))
    return sites


SITES = _raises()


def _codes_of(expr: ast.expr, constants: dict[str, ast.expr]) -> list[str] | None:
    """The codes an argument can hold, None if it is built at run time (not allowed)."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return [expr.value]
    if isinstance(expr, ast.Name):
        if expr.id in constants:
            return _codes_of(constants[expr.id], constants)
        return []  # a parameter holding a code (check_name's ``missing``): seen at its callers
    if isinstance(expr, ast.IfExp):
        body, orelse = _codes_of(expr.body, constants), _codes_of(expr.orelse, constants)
        return None if body is None or orelse is None else body + orelse
    return None


def _placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def test_the_core_has_coded_errors_to_check() -> None:
    assert {"ValidationError", "NotFound", "WrongPassword", "ImportFileError"} <= CODED
    assert len(SITES) > 200


def test_every_core_error_is_a_code_from_the_catalogue_never_a_sentence() -> None:
    problems = []
    for where, call, constants in SITES:
        if not call.args:
            continue  # the class's own code
        codes = _codes_of(call.args[0], constants)
        if codes is None:
            problems.append(f"{where}: the code is built at run time")
            continue
        for code in codes:
            if not CODE.fullmatch(code):
                problems.append(f"{where}: a sentence, not a code: {code[:50]!r}")
            elif code not in CATALOGUE:
                problems.append(f"{where}: {code} has no words in desktop.messages")
        for extra in call.args[1:]:
            if isinstance(extra, ast.Constant | ast.JoinedStr) and " " in str(
                getattr(extra, "value", " ")
            ):
                problems.append(f"{where}: a sentence beside the code")
    assert problems == []


def test_each_raise_passes_exactly_the_parameters_its_words_use() -> None:
    problems = []
    for where, call, constants in SITES:
        if not call.args:
            continue
        given = {k.arg for k in call.keywords if k.arg not in (None, "field")}
        for code in _codes_of(call.args[0], constants) or []:
            if code not in CATALOGUE:
                continue
            used = _placeholders(CATALOGUE[code][0]) | _placeholders(CATALOGUE[code][1])
            if given != used:
                problems.append(f"{where}: {code} gets {sorted(given)}, words use {sorted(used)}")
    assert problems == []


def test_error_classes_hold_no_sentence() -> None:
    """A class's default words (``message: str = "…"``, ``super().__init__("…")``) are
    sentences too: a coded error class names its code and nothing else."""
    problems = []
    for path, tree in TREES.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name in CODED:
                docstrings = {
                    id(inner.body[0].value)
                    for inner in ast.walk(node)
                    if isinstance(inner, ast.FunctionDef | ast.ClassDef)
                    and inner.body
                    and isinstance(inner.body[0], ast.Expr)
                }
                problems.extend(
                    f"{path.name}: {node.name}: {inner.value[:50]!r}"
                    for inner in ast.walk(node)
                    if isinstance(inner, ast.Constant)
                    and isinstance(inner.value, str)
                    and " " in inner.value
                    and id(inner) not in docstrings
                )
    assert problems == []


def test_error_classes_name_codes_from_the_catalogue() -> None:
    problems = []
    for path, tree in TREES.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name in CODED:
                for item in node.body:
                    if (
                        isinstance(item, ast.Assign)
                        and [getattr(t, "id", "") for t in item.targets] == ["code"]
                        and isinstance(item.value, ast.Constant)
                        and item.value.value not in CATALOGUE
                    ):
                        problems.append(f"{path.name}: {node.name}.code {item.value.value}")
    assert problems == []


def test_the_catalogue_words_each_code_in_swedish_and_english() -> None:
    problems = []
    for code, (swedish, english) in sorted(CATALOGUE.items()):
        if not CODE.fullmatch(code):
            problems.append(f"{code}: not a code")
        if not (swedish.strip() and english.strip()):
            problems.append(f"{code}: words missing")
        if _placeholders(swedish) != _placeholders(english):
            problems.append(f"{code}: Swedish and English use different parameters")
        # The English is English, not the Swedish left as it is.
        if swedish == english or re.search(r"[åäöÅÄÖ]", english):
            problems.append(f"{code}: the English reads {english!r}")
    assert problems == []
