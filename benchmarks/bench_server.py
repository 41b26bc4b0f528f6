"""Load test of the shared server: 20 clients, each its own process, role and connection.

Runs only when a server is given (``python -m benchmarks --server URL`` or the
environment variable RONDPLAN_BENCH_SERVER, the owner's or maintenance URL on
127.0.0.1); otherwise it reports nothing. A fresh database ``rondplan_bench_<random>``
is made and dropped. Each client logs in as its own user (own database role) and runs
a realistic mix for a bounded time: search as you type, open a profile, move a visit,
record a visit's outcome. Each client does each operation once after login, before the
clock starts, as a user's session has by then (the first call of each imports and
compiles its code; twenty processes doing that at once on two cores measured seconds).
Reported: p50/p95 latency per operation, errors (anything but an expected
optimistic-locking conflict), lost updates (a visit whose version did not advance once
per acknowledged save), and where the time goes: each operation's statements and
client CPU, the wait for the audit chain's lock, and the machine's load average during
the run (the machine is shared: read the latencies next to it).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import multiprocessing
import os
import random
import secrets
import time
from collections import Counter, defaultdict
from urllib.parse import urlsplit

from benchmarks.core import Figure, percentile

ENV = "RONDPLAN_BENCH_SERVER"
CLIENTS = 20
PASSWORD = "last-test-lösenord-123"
BUDGET_MS = 100.0
# Seconds between one client's actions (a coordinator reads the screen before clicking).
THINK_S = (0.2, 1.0)
MIX = (("search", 40), ("profile", 30), ("move", 15), ("outcome", 15))
FRAGMENTS = ("Ber", "Joh", "Ali", "Sve", "Han", "Kar", "Lin", "Nil", "Mar", "Erik", "son")
LAST = ("Berg", "Johansson", "Ali", "Svensson", "Hansson", "Karlsson", "Lind", "Nilsson")
FIRST = ("Adam", "Erik", "Mohammed", "Hassan", "Oskar", "Liam", "Noah", "Ahmed", "Marcus")


def _allowed(url: str) -> bool:
    return (urlsplit(url).hostname or "") in {"127.0.0.1", "localhost", "::1"}


def _database_url(base: str, name: str) -> str:
    return base.rsplit("/", 1)[0] + "/" + name


def _prepare(base: str, persons: int, visits: int) -> tuple[str, list[str], list[int]]:
    import psycopg
    from psycopg import sql

    from desktop.models import Operation, Person, Role, Team, Visit, VisitStatus
    from desktop.services.server_policy import server_policy
    from desktop.services.uow import UnitOfWork
    from desktop.store.server.connect import ServerAddress
    from desktop.store.server.provision import init_server

    name = f"rondplan_bench_{secrets.token_hex(4)}"
    with psycopg.connect(ServerAddress.parse(base).conninfo(), autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = _database_url(base, name)
    made = init_server(url, "admin", "Admin", PASSWORD, policy=server_policy())
    admin = made.store
    from desktop.models import Agency, User
    from desktop.store import crypto
    from desktop.store.keyslots import RECOVERY, UnlockedKeys

    everything = admin.keyslots.unlock(RECOVERY, crypto.normalise_recovery_code(made.recovery_code))
    names = []
    rng = random.Random(7)
    with UnitOfWork(admin, "Lasttest") as uow:
        agencies = {a.code: a.id for a in uow.session.query(Agency)}
        for n in range(CLIENTS):
            code = ("police", "social", "probation")[n % 3]
            username = f"last{n:02d}"
            uow.session.add(
                User(
                    username=username,
                    display_name=username,
                    role=Role.COORDINATOR,
                    agency_id=agencies[code],
                )
            )
            names.append((username, code))
        uow.audit("bench.users", None, ())
    # The case data is written by the owner: on a server an administrator writes none
    # (issue 16, desktop/services/server_rights.py).
    from sqlalchemy.orm import Session

    from desktop.store.server.provision import owner_engine

    engine = owner_engine(ServerAddress.parse(url))
    with Session(engine) as session, session.begin():
        people = [
            Person(first_name=rng.choice(FIRST), last_name=rng.choice(LAST) + str(i % 97))
            for i in range(persons)
        ]
        session.add_all(people)
        operation = Operation(
            name="Last", start_date=dt.date(2026, 6, 1), end_date=dt.date(2026, 6, 30)
        )
        session.add(operation)
        session.flush()
        team = Team(operation_id=operation.id, name="Team 1")
        session.add(team)
        session.flush()
        start = dt.datetime(2026, 6, 15, 10)
        planned = [
            Visit(
                operation_id=operation.id,
                person_id=people[i].id,
                team_id=team.id,
                starts_at=start + dt.timedelta(minutes=30 * (i % 16)),
                ends_at=start + dt.timedelta(minutes=30 * (i % 16) + 30),
                status=VisitStatus.PLANNED,
            )
            for i in range(visits)
        ]
        session.add_all(planned)
        session.flush()
        visit_ids = [v.id for v in planned]
    engine.dispose()
    for username, code in names:
        keys = UnlockedKeys(everything.data_key, {code: everything.compartments[code]})
        admin.keyslots.put(username, PASSWORD, keys)
    admin.keyslots.save()
    admin.lock()
    # Planner statistics, as autovacuum would have gathered on a server in use.
    with psycopg.connect(ServerAddress.parse(url).conninfo(), autocommit=True) as conn:
        conn.execute("ANALYZE")
    return url, [n for n, _ in names], visit_ids


def _client(args: tuple[str, str, list[int], float, int, object]) -> dict[str, object]:
    try:
        return _run_client(*args)
    except BaseException as exc:
        # A client that cannot log in must not leave the others waiting at the barrier.
        with contextlib.suppress(Exception):
            args[5].abort()  # type: ignore[attr-defined]
        # Named in a plain RuntimeError: the application's own exceptions do not all
        # survive the trip back to the parent process (their constructors take no text).
        raise RuntimeError(f"client {args[1]}: {type(exc).__name__}: {exc}") from None


def _run_client(
    url: str, username: str, visit_ids: list[int], seconds: float, seed: int, barrier: object
) -> dict[str, object]:
    from desktop.models import VisitStatus
    from desktop.services.bundle import build_services
    from desktop.services.errors import ConflictError
    from desktop.services.mapping.rows import PersonFilter
    from desktop.services.operations.rows import OutcomeInput
    from desktop.store.server.store import LockedServer

    rng = random.Random(seed)
    store = LockedServer(url).unlock(username, PASSWORD)
    services = build_services(store)
    spent = _Spent(store.engine)
    persons, visits, outcomes = (
        services.mapping.persons,
        services.operations.visits,
        services.operations.outcomes,
    )
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: Counter[str] = Counter()
    conflicts = 0
    writes: Counter[int] = Counter()
    ops = [name for name, weight in MIX for _ in range(weight)]
    person_ids = [r.id for r in persons.page(PersonFilter(), limit=200)]
    # Half the visits are moved (still planned), the other half get outcomes.
    movable, visited = visit_ids[::2], visit_ids[1::2]
    moves = 0

    def act(op: str) -> None:
        nonlocal moves
        if op == "search":
            persons.page(PersonFilter(text=rng.choice(FRAGMENTS)), limit=50)
        elif op == "profile":
            persons.profile(rng.choice(person_ids))
        elif op == "move":
            vid = rng.choice(movable)
            # A time no other move uses, so every acknowledged move changes the row.
            moves += 1
            start = dt.datetime(2026, 6, 15, 9) + dt.timedelta(seconds=seed * 10_000 + moves)
            visits.move_visit(vid, start, None)
            writes[vid] += 1
        else:
            vid = rng.choice(visited)
            seen = outcomes.detail(vid)
            status = rng.choice((VisitStatus.MET, VisitStatus.NOT_HOME))
            outcomes.record(vid, seen.version, OutcomeInput(status))
            writes[vid] += 1

    for op, _ in MIX:  # warm: each operation once, before the clock starts
        try:
            act(op)
        except ConflictError:
            conflicts += 1
        except Exception as exc:  # counted as the measured ones are
            errors[type(exc).__name__] += 1
    barrier.wait()  # type: ignore[attr-defined]  # every client logged in: start together
    deadline = time.monotonic() + seconds
    load_at_start = os.getloadavg()[0]
    spent.lock_waits.clear()  # the warm-up's waits are not measured
    cpu: dict[str, list[float]] = defaultdict(list)
    statements: dict[str, list[int]] = defaultdict(list)
    while time.monotonic() < deadline:
        # A person at a keyboard: a short pause between actions.
        time.sleep(rng.uniform(*THINK_S))
        op = rng.choice(ops)
        spent.reset()
        started, cpu_started = time.perf_counter(), time.process_time()
        try:
            act(op)
        except ConflictError:
            conflicts += 1  # the optimistic lock did its job; the user would see the dialog
            continue
        except Exception as exc:  # every other failure is a counted error
            errors[type(exc).__name__] += 1
            continue
        latencies[op].append((time.perf_counter() - started) * 1000)
        cpu[op].append((time.process_time() - cpu_started) * 1000)
        statements[op].append(spent.statements)
    store.lock()
    return {
        "latencies": dict(latencies),
        "errors": dict(errors),
        "conflicts": conflicts,
        "writes": dict(writes),
        "cpu": dict(cpu),
        "statements": dict(statements),
        "lock_waits": spent.lock_waits,
        "load": (load_at_start, os.getloadavg()[0]),
    }


class _Spent:
    """Counts one client's statements and times its waits for the audit chain's lock."""

    def __init__(self, engine: object) -> None:
        from sqlalchemy import event

        self.statements = 0
        self.lock_waits: list[float] = []
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)

    def reset(self) -> None:
        self.statements = 0

    def _before(self, conn, cursor, statement, parameters, context, many) -> None:  # type: ignore[no-untyped-def]
        self.statements += 1
        conn.info["bench_started"] = time.perf_counter()

    def _after(self, conn, cursor, statement, parameters, context, many) -> None:  # type: ignore[no-untyped-def]
        if "pg_advisory_xact_lock" in statement:
            self.lock_waits.append((time.perf_counter() - conn.info["bench_started"]) * 1000)


def _versions(url: str, visit_ids: list[int]) -> dict[int, int]:
    import psycopg

    from desktop.store.server.connect import ServerAddress

    with psycopg.connect(ServerAddress.parse(url).conninfo()) as conn:
        rows = conn.execute("SELECT id, version FROM visit WHERE id = ANY(%s)", (visit_ids,))
        return dict(rows.fetchall())


def run_load(base: str, seconds: float, persons: int = 2000, visits: int = 60) -> dict:
    """Prepare, run CLIENTS processes for ``seconds``, check versions, drop the database."""
    if not _allowed(base):
        raise ValueError("The load test only runs against 127.0.0.1.")
    os.environ.setdefault("RONDPLAN_TEST_KDF", "1")  # logins are not what is measured
    url, names, visit_ids = _prepare(base, persons, visits)
    try:
        before = _versions(url, visit_ids)
        context = multiprocessing.get_context("spawn")
        with context.Manager() as manager, context.Pool(CLIENTS) as pool:
            barrier = manager.Barrier(CLIENTS)
            jobs = [(url, n, visit_ids, seconds, i, barrier) for i, n in enumerate(names)]
            results = pool.map(_client, jobs)
        after = _versions(url, visit_ids)
    finally:
        _drop(base, url)
    latencies: dict[str, list[float]] = defaultdict(list)
    cpu: dict[str, list[float]] = defaultdict(list)
    statements: dict[str, list[int]] = defaultdict(list)
    lock_waits: list[float] = []
    errors: Counter[str] = Counter()
    writes: Counter[int] = Counter()
    conflicts = 0
    for result in results:
        for op, values in result["latencies"].items():  # type: ignore[union-attr]
            latencies[op] += values
        for op, values in result["cpu"].items():  # type: ignore[union-attr]
            cpu[op] += values
        for op, counts in result["statements"].items():  # type: ignore[union-attr]
            statements[op] += counts
        lock_waits += result["lock_waits"]  # type: ignore[operator]
        errors.update(result["errors"])  # type: ignore[arg-type]
        writes.update({int(k): v for k, v in result["writes"].items()})  # type: ignore[union-attr]
        conflicts += int(result["conflicts"])  # type: ignore[call-overload]
    lost = sum(1 for vid in visit_ids if after[vid] - before[vid] != writes.get(vid, 0))
    return {
        "latencies": latencies,
        "errors": errors,
        "lost": lost,
        "conflicts": conflicts,
        "seconds": seconds,
        "writes": sum(writes.values()),
        "cpu": cpu,
        "statements": statements,
        "lock_waits": lock_waits,
        # The 1-minute load average as the clock started and as it stopped.
        "load": (
            max(float(r["load"][0]) for r in results),  # type: ignore[index]
            max(float(r["load"][1]) for r in results),  # type: ignore[index]
        ),
    }


def _drop(base: str, url: str) -> None:
    import psycopg
    from psycopg import sql

    from desktop.store.server.connect import ServerAddress

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(ServerAddress.parse(base).conninfo(), autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        for (role,) in conn.execute(
            "SELECT rolname FROM pg_roles WHERE rolname LIKE %s OR rolname LIKE %s "
            "ORDER BY rolname LIKE '%%:%%'",
            (name + ".%", name + ":%"),
        ).fetchall():
            conn.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))


def figures(quick: bool) -> list[Figure]:
    base = os.environ.get(ENV)
    if not base:
        return []
    result = run_load(base, 10.0 if quick else 30.0)
    out = []
    for op, _ in MIX:
        values = result["latencies"].get(op) or [float("nan")]
        p50, p95 = percentile(values, 50), percentile(values, 95)
        out.append(
            Figure(
                f"server {op} p50 ({CLIENTS} clients)",
                p50,
                "ms",
                f"p95 ≤ {BUDGET_MS:.0f} ms",
                p95 <= BUDGET_MS,
            )
        )
        out.append(
            Figure(
                f"server {op} p95 ({CLIENTS} clients)",
                p95,
                "ms",
                f"≤ {BUDGET_MS:.0f} ms",
                p95 <= BUDGET_MS,
            )
        )
    for op, _ in MIX:
        spent = result["cpu"].get(op) or [float("nan")]
        counts = result["statements"].get(op) or [0]
        out.append(
            Figure(
                f"server {op} client CPU, mean",
                sum(spent) / len(spent),
                "ms",
                f"reported ({sum(counts) / len(counts):.1f} statements)",
                True,
            )
        )
    waits = result["lock_waits"] or [float("nan")]
    out.append(Figure("server audit lock wait p95", percentile(waits, 95), "ms", "reported", True))
    start, end = result["load"]
    out.append(
        Figure(
            f"server load average at start ({os.cpu_count()} cores)",
            start,
            "",
            "reported: other work inflates latency",
            True,
        )
    )
    out.append(Figure("server load average at end", end, "", "reported", True))
    total = sum(len(v) for v in result["latencies"].values())
    out.append(
        Figure("server operations per second", total / result["seconds"], "op/s", "reported", True)
    )
    errors = sum(result["errors"].values())
    out.append(Figure("server errors", float(errors), "", "0", errors == 0))
    out.append(Figure("server lost updates", float(result["lost"]), "", "0", result["lost"] == 0))
    out.append(
        Figure("server save conflicts (expected)", float(result["conflicts"]), "", "reported", True)
    )
    return out
