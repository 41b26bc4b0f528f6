"""Lost updates on the shared server, checked in the stored data (issue 19).

Runs only when a server is given (``python -m benchmarks --server URL``), as
``bench_server``. Twenty clients, each its own process and database role, add unique
tokens to the aliases of a few shared persons: read the profile, append the token, save
with the version read, and on a conflict read again and retry. Afterwards every token a
save acknowledged must be in the stored aliases, and no token whose save was refused.
A version counter cannot show this (every UPDATE raises it, overwritten or not); the
stored tokens can.

The negative control runs the same clients without the version check (each save passes
the version current at the moment of saving, with the aliases read before: last writer
wins). There the checker must find lost tokens; if it found none, it would prove nothing.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import random
import time
from collections import defaultdict

from benchmarks.bench_server import CLIENTS, ENV, PASSWORD, _allowed, _drop, _prepare
from benchmarks.core import Figure, percentile

# Persons whose aliases all clients write: few, so that saves really collide.
TARGETS = 4
# Between reading a profile and saving it, as a user typing (widens the race).
EDIT_S = (0.01, 0.05)
MAX_TRIES = 50


def _client(args: tuple[str, str, list[int], float, int, bool, object]) -> dict[str, object]:
    try:
        return _run_client(*args)
    except BaseException as exc:
        with contextlib.suppress(Exception):
            args[6].abort()  # type: ignore[attr-defined]
        raise RuntimeError(f"client {args[1]}: {type(exc).__name__}: {exc}") from None


def _run_client(
    url: str,
    username: str,
    targets: list[int],
    seconds: float,
    seed: int,
    versioned: bool,
    barrier: object,
) -> dict[str, object]:
    from desktop.services.bundle import build_services
    from desktop.services.errors import ConflictError
    from desktop.services.mapping.rows import PersonInput
    from desktop.store.server.store import LockedServer

    rng = random.Random(seed)
    store = LockedServer(url).unlock(username, PASSWORD)
    persons = build_services(store).mapping.persons
    acknowledged: list[tuple[int, str]] = []
    refused: list[tuple[int, str]] = []
    latencies: list[float] = []
    conflicts = 0
    barrier.wait()  # type: ignore[attr-defined]
    deadline = time.monotonic() + seconds
    load_at_start = os.getloadavg()[0]
    made = 0
    while time.monotonic() < deadline:
        person_id = rng.choice(targets)
        made += 1
        token = f"{username}-{made}"
        started = time.perf_counter()
        for _ in range(MAX_TRIES):
            profile = persons.profile(person_id)
            time.sleep(rng.uniform(*EDIT_S))
            version = profile.version
            if not versioned:  # the negative control: whatever is stored now is overwritten
                version = persons.profile(person_id).version
            aliases = "; ".join((*profile.aliases, token))
            edit = PersonInput(profile.first_name, profile.last_name, aliases=aliases)
            try:
                persons.update(person_id, version, edit, keep_identity=True)
            except ConflictError:
                conflicts += 1
                continue
            acknowledged.append((person_id, token))
            latencies.append((time.perf_counter() - started) * 1000)
            break
        else:
            refused.append((person_id, token))
    store.lock()
    return {
        "acknowledged": acknowledged,
        "refused": refused,
        "conflicts": conflicts,
        "latencies": latencies,
        "load": (load_at_start, os.getloadavg()[0]),
    }


def _stored(url: str, targets: list[int]) -> dict[int, set[str]]:
    import psycopg

    from desktop.store.server.connect import ServerAddress

    with psycopg.connect(ServerAddress.parse(url).conninfo()) as conn:
        rows = conn.execute("SELECT id, aliases FROM person WHERE id = ANY(%s)", (targets,))
        return {pid: {a for a in (text or "").split("; ") if a} for pid, text in rows}


def run_tokens(base: str, seconds: float, versioned: bool = True) -> dict[str, object]:
    """Prepare a database, run the clients, compare acknowledged tokens with the rows."""
    if not _allowed(base):
        raise ValueError("The load test only runs against 127.0.0.1.")
    os.environ.setdefault("RONDPLAN_TEST_KDF", "1")
    url, names, _ = _prepare(base, 200, 0)
    try:
        targets = _first_persons(url)
        context = multiprocessing.get_context("spawn")
        with context.Manager() as manager, context.Pool(CLIENTS) as pool:
            barrier = manager.Barrier(CLIENTS)
            jobs = [
                (url, name, targets, seconds, i, versioned, barrier) for i, name in enumerate(names)
            ]
            results = pool.map(_client, jobs)
        stored = _stored(url, targets)
    finally:
        _drop(base, url)
    acknowledged: dict[int, set[str]] = defaultdict(set)
    refused: dict[int, set[str]] = defaultdict(set)
    latencies: list[float] = []
    conflicts = 0
    for result in results:
        for pid, token in result["acknowledged"]:  # type: ignore[union-attr]
            acknowledged[pid].add(token)
        for pid, token in result["refused"]:  # type: ignore[union-attr]
            refused[pid].add(token)
        latencies += result["latencies"]  # type: ignore[operator]
        conflicts += int(result["conflicts"])  # type: ignore[call-overload]
    lost = sum(len(acknowledged[p] - stored.get(p, set())) for p in targets)
    phantom = sum(len(refused[p] & stored.get(p, set())) for p in targets)
    return {
        "acknowledged": sum(len(v) for v in acknowledged.values()),
        "lost": lost,
        "phantom": phantom,
        "conflicts": conflicts,
        "latencies": latencies,
        "load": (
            max(float(r["load"][0]) for r in results),  # type: ignore[index]
            max(float(r["load"][1]) for r in results),  # type: ignore[index]
        ),
    }


def _first_persons(url: str) -> list[int]:
    import psycopg

    from desktop.store.server.connect import ServerAddress

    with psycopg.connect(ServerAddress.parse(url).conninfo()) as conn:
        rows = conn.execute("SELECT id FROM person ORDER BY id LIMIT %s", (TARGETS,))
        return [row[0] for row in rows]


def figures(quick: bool) -> list[Figure]:
    base = os.environ.get(ENV)
    if not base:
        return []
    seconds = 10.0 if quick else 30.0
    checked = run_tokens(base, seconds, versioned=True)
    control = run_tokens(base, seconds, versioned=False)
    values = checked["latencies"] or [float("nan")]  # type: ignore[truthy-bool]
    start, end = checked["load"]  # type: ignore[misc]
    return [
        Figure(
            f"lost-update check: tokens acknowledged ({CLIENTS} clients, {TARGETS} persons)",
            float(checked["acknowledged"]),  # type: ignore[arg-type]
            "",
            "reported",
            True,
        ),
        Figure(
            "lost-update check: acknowledged tokens missing",
            float(checked["lost"]),  # type: ignore[arg-type]
            "",
            "0",
            checked["lost"] == 0,
        ),
        Figure(
            "lost-update check: refused tokens stored",
            float(checked["phantom"]),  # type: ignore[arg-type]
            "",
            "0",
            checked["phantom"] == 0,
        ),
        Figure(
            "lost-update check: conflicts retried",
            float(checked["conflicts"]),  # type: ignore[arg-type]
            "",
            "reported",
            True,
        ),
        Figure(
            "lost-update check: token save p50 (with retries)",
            percentile(values, 50),  # type: ignore[arg-type]
            "ms",
            "reported",
            True,
        ),
        Figure(
            "lost-update check: token save p95 (with retries)",
            percentile(values, 95),  # type: ignore[arg-type]
            "ms",
            "reported",
            True,
        ),
        Figure(
            f"lost-update check: load average at start ({os.cpu_count()} cores)",
            start,
            "",
            "reported",
            True,
        ),
        Figure("lost-update check: load average at end", end, "", "reported", True),
        Figure(
            "negative control (no version check): acknowledged tokens missing",
            float(control["lost"]),  # type: ignore[arg-type]
            "",
            "> 0: the checker sees lost updates",
            int(control["lost"]) > 0,  # type: ignore[call-overload]
        ),
    ]
