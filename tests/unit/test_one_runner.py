"""One way in the views to run a change (issue 18, STYLE §5, §9, §19).

Read from the source (no Qt): the old copies (``attempt``, ``run_sensitive``) are gone,
no view catches a domain or storage error itself (the runner maps them to words in one
place), no view catches every exception except where a line below says why, and the
hub is published to only by the runner (``run_change``, and ``publish_done`` for a
background job) and the hub's own relay of other workstations' changes; no page relays
``changes_made`` or hands ``hub.publish`` on (each takes the hub; the lists of those left
were emptied in issue 18 and stay empty). The runner takes a hub, never a function (mypy
on the views holds every caller to that).
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

from desktop.services import errors as domain_errors
from desktop.store import errors as store_errors

ROOT = Path(__file__).resolve().parents[2]
VIEWS = ROOT / "desktop" / "views"
RUNNER = VIEWS / "runner.py"

#: Where catching every exception is the right thing, and why.
BROAD_CATCH_ALLOWED = {
    "worker.py": "the worker hands any exception to the GUI thread, which decides",
    "lock/controller.py": "the windows stay covered whatever failed while locking",
    "shell/probe.py": "a test hook must never take the application down",
    "statistics/statistics_page.py": "a job run in place fails the way a background job does",
}

#: ``except ConflictError`` where the view resolves the conflict instead of reporting it.
CONFLICT_RETRY_ALLOWED = {"server/conflict_dialog.py"}

#: Who may touch ``hub.publish`` besides the runner (which publishes a change once, and a
#: background job's result once through ``publish_done``): not changes the user ran, but
#: news.
PUBLISH_ALLOWED = {
    "changes_hub.py": "the hub itself",
    "server/relay.py": "changes other workstations made, relayed from the server",
}

#: Still handing ``hub.publish`` on as a callback or a relay's end (issue 18): none left,
#: every page takes the hub (PageContext) and hands it to its widgets and dialogs.
PUBLISH_RELAYS_LEFT: dict[str, str] = {}

#: Pages that still relay ``changes_made`` up to the hub (STYLE §5: none should): none
#: left (issue 18). Only ever empty from here on.
CHANGES_MADE_LEFT: dict[str, str] = {}


def _known_error_names() -> set[str]:
    names: set[str] = set()
    for module, base in (
        (domain_errors, domain_errors.DomainError),
        (store_errors, store_errors.StoreError),
    ):
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, base):
                names.add(value.__name__)
    return names | {"CodedError"}


@cache
def _views() -> list[tuple[str, ast.Module]]:
    """Every view module but the runner, parsed once for all the tests here."""
    found = []
    for path in sorted(VIEWS.rglob("*.py")):
        if path == RUNNER:
            continue
        found.append((path.relative_to(VIEWS).as_posix(), ast.parse(path.read_text("utf-8"))))
    return found


def _caught(handler: ast.ExceptHandler) -> list[str]:
    if handler.type is None:
        return ["BaseException"]
    nodes = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return [n.id if isinstance(n, ast.Name) else ast.unparse(n).split(".")[-1] for n in nodes]


def test_the_copies_are_gone() -> None:
    defined = [
        f"{name}: {node.name}"
        for name, tree in _views()
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.name in {"attempt", "run_sensitive"}
    ]
    assert defined == []
    assert not (VIEWS / "operations" / "errors.py").exists()
    assert not (VIEWS / "callins" / "errors.py").exists()


def test_no_view_catches_a_domain_or_storage_error_itself() -> None:
    known = _known_error_names()
    assert {"DomainError", "StoreError", "ValidationError", "WrongPassword"} <= known
    caught = []
    for name, tree in _views():
        for node in ast.walk(tree):
            if not isinstance(node, ast.ExceptHandler):
                continue
            for error in _caught(node):
                if error == "ConflictError" and name in CONFLICT_RETRY_ALLOWED:
                    continue
                if error in known:
                    caught.append(f"{name}:{node.lineno} except {error}")
    assert caught == [], "use desktop.views.runner (run_change, run_query, report_failure)"


def test_broad_catches_only_where_a_reason_is_given() -> None:
    broad = [
        f"{name}:{node.lineno}"
        for name, tree in _views()
        for node in ast.walk(tree)
        if isinstance(node, ast.ExceptHandler)
        and {"Exception", "BaseException"} & set(_caught(node))
        and name not in BROAD_CATCH_ALLOWED
    ]
    assert broad == []


def _naming(attribute: str) -> set[str]:
    """The view modules that use ``.attribute`` (a call, a callback handed on, a connect)."""
    return {
        name
        for name, tree in _views()
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr == attribute
    }


def test_only_the_runner_and_the_hub_publish() -> None:
    publishing = _naming("publish")
    assert publishing <= set(PUBLISH_ALLOWED) | set(PUBLISH_RELAYS_LEFT), sorted(publishing)
    stale = set(PUBLISH_RELAYS_LEFT) - publishing
    assert stale == set(), f"no longer relays, take it off PUBLISH_RELAYS_LEFT: {stale}"


def test_background_jobs_publish_through_the_runner() -> None:
    """Printing, the planner and the import publish with ``publish_done``, once."""
    for job in (
        "printing/briefing_dialog.py",
        "operations/plan_tab.py",
        "importing/wizard.py",
        "callins/printing.py",
        "statistics/exports.py",
        "statistics/statistics_page.py",
    ):
        source = (VIEWS / job).read_text("utf-8")
        assert "publish_done(" in source, job
        assert ".publish(" not in source, job


def test_no_new_changes_made_relays() -> None:
    relaying = _naming("changes_made")
    assert relaying <= set(CHANGES_MADE_LEFT), sorted(relaying - set(CHANGES_MADE_LEFT))
    stale = set(CHANGES_MADE_LEFT) - relaying
    assert stale == set(), f"no longer relays, take it off CHANGES_MADE_LEFT: {stale}"
    # Converted: these take the hub and hand it to their dialogs.
    converted = {
        "persons/list_page.py",
        "persons/review_page.py",
        "groups/list_page.py",
        "support/support_page.py",
        "support/dialogs.py",
        "callins/callins_page.py",
        "callins/detail.py",
        "persons/profile_page.py",
        "persons/profile_notes.py",
        "persons/relatives.py",
        "persons/workspace.py",
        "persons/page.py",
        "groups/profile_page.py",
        "groups/workspace.py",
        "groups/page.py",
        "sanctions/widget.py",
        "admin/page.py",
        "statistics/page.py",
        "statistics/statistics_page.py",
        "statistics/exports.py",
    }
    assert converted.isdisjoint(relaying)


def test_the_runner_is_the_one_place_that_maps_errors() -> None:
    tree = ast.parse(RUNNER.read_text("utf-8"))
    handlers = [n for n in ast.walk(tree) if isinstance(n, ast.ExceptHandler)]
    # run_change and run_query each catch once; ReauthenticationRequired once.
    assert sorted(e for h in handlers for e in _caught(h)) == [
        "Exception",
        "Exception",
        "ReauthenticationRequired",
    ]
