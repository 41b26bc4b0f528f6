"""Audited throughput with a synchronous standby 10 ms away (issue 19).

Runs only with ``--server URL`` given (the figures are about the server; the URL itself
is not used: the benchmark starts its own clusters). A primary (port 55470) and a hot
standby (55471) are made with tests/integration/replication.py; the standby streams
through benchmarks/delay_proxy.py on 55472, which delays every chunk 10 ms each way,
and the primary waits for it at every commit (synchronous_commit = on,
synchronous_standby_names = '*'). Both clusters run with fsync off (the test
clusters' setting): the wait measured is the link's, as with a standby in another city.

8 writers, each its own process, role and connection, for a fixed time each phase:
- raw: ``UPDATE visit … ; COMMIT`` as the owner (no audit), the floor;
- saves: ``VisitService.move_visit`` as a coordinator (the audited save);
- profile opens: ``PersonService.profile`` (an audited read: one audit entry each).
The same three phases then run with the standby made asynchronous
(synchronous_standby_names = ''), in the same run. Reported per phase: operations per
second and p50, and the audited rates as a share of the raw rate (target ≥ 60 %).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import multiprocessing
import os
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.core import Figure, percentile

ENV = "RONDPLAN_BENCH_SERVER"
WRITERS = 8
PORTS = (55470, 55471, 55472)  # primary, standby, the delay proxy in front of the primary
DELAY_S = 0.010
PERSONS, VISITS = 2_000, 800


@contextlib.contextmanager
def _clusters() -> Iterator[object]:
    """The primary (yielded), its standby streaming through the delay proxy."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from benchmarks.delay_proxy import DelayProxy
    from tests.integration import replication

    problem = replication.problem()
    if problem is not None:
        raise RuntimeError(problem)
    primary = replication.start_primary(PORTS[0])
    standby = None
    try:
        with DelayProxy(PORTS[2], PORTS[0], DELAY_S):
            # The standby sees the primary at the proxy's port: its base backup and its
            # streaming both cross the delayed link.
            far = replication.Node(primary.folder, PORTS[2])
            standby = replication.start_replica(far, PORTS[1])
            replication.make_synchronous(primary)
            yield primary
    finally:
        if standby is not None:
            standby.remove()
        primary.remove()


def _asynchronous(primary: object) -> None:
    with primary.superuser() as conn:  # type: ignore[attr-defined]
        conn.execute("ALTER SYSTEM SET synchronous_standby_names = ''")
        conn.execute("SELECT pg_reload_conf()")
        time.sleep(0.5)
        row = conn.execute("SELECT sync_state FROM pg_stat_replication").fetchone()
        assert row is not None and row[0] == "async", row


def _writer(args: tuple[str, str, str, list[int], float, object]) -> list[float]:
    phase, url, username, ids, seconds, barrier = args
    try:
        return _write(phase, url, username, ids, seconds, barrier)
    except BaseException as exc:
        with contextlib.suppress(Exception):
            barrier.abort()  # type: ignore[attr-defined]
        raise RuntimeError(f"{phase} {username}: {type(exc).__name__}: {exc}") from None


def _write(
    phase: str, url: str, username: str, ids: list[int], seconds: float, barrier: object
) -> list[float]:
    n = 0
    if phase == "raw":
        import psycopg

        from desktop.store.server.connect import ServerAddress

        conn = psycopg.connect(ServerAddress.parse(url).conninfo(), autocommit=False)

        def act() -> None:
            conn.execute(
                "UPDATE visit SET starts_at = starts_at + interval '1 second', "
                "version = version + 1 WHERE id = %s",
                (ids[n % len(ids)],),
            )
            conn.commit()

        close = conn.close
    else:
        from benchmarks.bench_server import PASSWORD
        from desktop.services.bundle import build_services
        from desktop.store.server.store import LockedServer

        store = LockedServer(url).unlock(username, PASSWORD)
        services = build_services(store)
        visits, persons = services.operations.visits, services.mapping.persons
        start = dt.datetime(2026, 6, 15, 9)

        def act() -> None:
            if phase == "saves":
                moved = start + dt.timedelta(seconds=n + 1)
                visits.move_visit(ids[n % len(ids)], moved, None)
            else:
                persons.profile(ids[n % len(ids)])

        close = store.lock
    act()  # warm: imports, compiles, the first round trips
    n += 1
    barrier.wait()  # type: ignore[attr-defined]
    latencies = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        began = time.perf_counter()
        act()
        latencies.append((time.perf_counter() - began) * 1000)
        n += 1
    close()
    return latencies


def _phase(phase: str, url: str, names: list[str], ids: list[int], seconds: float) -> list[float]:
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager, context.Pool(WRITERS) as pool:
        barrier = manager.Barrier(WRITERS)
        jobs = [(phase, url, names[i], ids[i::WRITERS], seconds, barrier) for i in range(WRITERS)]
        return [value for latencies in pool.map(_writer, jobs) for value in latencies]


def run(seconds: float) -> dict[str, dict[str, list[float]]]:
    import psycopg

    from benchmarks.bench_server import _prepare
    from desktop.store.server.connect import ServerAddress
    from tests.integration.cluster import SUPERUSER

    os.environ.setdefault("RONDPLAN_TEST_KDF", "1")
    results: dict[str, dict[str, list[float]]] = {}
    with _clusters() as primary:
        base = f"postgresql://{SUPERUSER}@127.0.0.1:{PORTS[0]}/postgres?gssencmode=disable"
        url, names, visit_ids = _prepare(base, PERSONS, VISITS)
        with psycopg.connect(ServerAddress.parse(url).conninfo()) as conn:
            person_ids = [r[0] for r in conn.execute("SELECT id FROM person ORDER BY id")]
        for mode in ("synchronous", "asynchronous"):
            if mode == "asynchronous":
                _asynchronous(primary)
            results[mode] = {
                "raw": _phase("raw", url, names, visit_ids, seconds),
                "saves": _phase("saves", url, names, visit_ids, seconds),
                "profile opens": _phase("opens", url, names, person_ids, seconds),
            }
    return results


def figures(quick: bool) -> list[Figure]:
    if not os.environ.get(ENV):
        return []
    seconds = 8.0 if quick else 20.0
    load_at_start = os.getloadavg()[0]
    results = run(seconds)
    out = []
    for mode, phases in results.items():
        raw_rate = len(phases["raw"]) / seconds
        for phase, latencies in phases.items():
            rate = len(latencies) / seconds
            p50 = percentile(latencies, 50) if latencies else float("nan")
            name = f"server {mode} standby: {phase}, {WRITERS} writers"
            out.append(Figure(f"{name} (p50 {p50:.0f} ms)", rate, "op/s", "reported", True))
            if phase != "raw":
                share = rate / raw_rate if raw_rate else float("nan")
                # The target (DESIGN.md, issue 19) is set for the synchronous standby,
                # where the link's wait is what a global lock used to multiply. Without
                # it the raw rate is bare UPDATEs on a local disk (thousands a second)
                # and the share measures the client's own work: reported, not judged.
                judged = mode == "synchronous"
                out.append(
                    Figure(
                        f"server {mode} standby: {phase} / raw UPDATE+COMMIT",
                        share * 100,
                        "%",
                        "≥ 60 %"
                        if judged
                        else "reported (the target is for a synchronous standby)",
                        share >= 0.6 or not judged,
                    )
                )
    out.append(
        Figure(
            f"server sync: load average at start, end ({os.cpu_count()} cores)",
            load_at_start,
            "",
            f"reported; at end {os.getloadavg()[0]:.1f}",
            True,
        )
    )
    return out
