"""The server's budgets at national scale with 20 concurrent clients (issue 19).

Runs only with a server (``python -m benchmarks --server URL``, 127.0.0.1). A fresh
database gets 100,000 persons and 500,000 visits over ten years
(benchmarks/scale_data.py, written in SQL, then VACUUM ANALYZE; ``--quick``: 100,000
visits), and 20 coordinators, each its own process, role and connection, use the
pages at once for a bounded time with a pause between actions: a keystroke of the
person search (three letters, one page of the list's size, unaudited, as the list
sends it), the settled search (the audited page, its count and whether it was
capped), a month of the calendar as the month view reads it (whole weeks, each day's
first visits and every day's count), a profile, and the dashboard's figures for a
year. Reported: p50/p95 per page against DESIGN.md's budgets (keystroke p95 ≤ 30 ms;
count and calendar ≤ 100 ms to data; dashboard ≤ 1 s) and the machine's load average
at start and end of the run: the machine is shared, read the latencies next to it.

``RONDPLAN_BENCH_CACHE=FOLDER`` keeps the built database between runs (its name in
``FOLDER/server-scale-<visits>.json``; building takes minutes): reused while it exists
at the code's migration head, built again otherwise, never dropped by the run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import multiprocessing
import os
import random
import time
from collections import defaultdict
from pathlib import Path

from benchmarks.core import Figure, percentile

ENV = "RONDPLAN_BENCH_SERVER"
# 20 as issue 19 asks; RONDPLAN_BENCH_CLIENTS=1 gives the same pages without contention.
CLIENTS = int(os.environ.get("RONDPLAN_BENCH_CLIENTS", "20"))
PERSONS = 100_000
# Seconds between one client's actions.
THINK_S = (0.2, 1.0)
MIX = (("keystroke", 45), ("settled", 20), ("calendar", 15), ("profile", 15), ("dashboard", 5))
BUDGETS_MS = {
    "keystroke": 30.0,
    "settled": 100.0,
    "calendar": 100.0,
    "profile": 100.0,
    "dashboard": 1000.0,
}
FRAGMENTS = ("ber", "joh", "ali", "sve", "han", "kar", "lin", "nil", "mar", "eri", "son", "ahm")
TODAY = dt.date(2026, 11, 20)


def _prepare(base: str, visits: int) -> tuple[str, list[str]]:
    from benchmarks.bench_server import _prepare as prepare_users
    from benchmarks.scale_data import fill
    from desktop.store.server.connect import ServerAddress

    url, names, _ = prepare_users(base, 0, 0)
    fill(ServerAddress.parse(url).conninfo(), PERSONS, visits)
    return url, names


def _cache_file(visits: int) -> Path | None:
    folder = os.environ.get("RONDPLAN_BENCH_CACHE")
    return Path(folder) / f"server-scale-{visits}.json" if folder else None


def _cached(cache: Path) -> tuple[str, list[str]] | None:
    """The kept database if it is still there at the code's migration head."""
    import psycopg

    from desktop.store.migrate import head_revision
    from desktop.store.server.connect import ServerAddress

    try:
        kept = json.loads(cache.read_text())
        with psycopg.connect(ServerAddress.parse(kept["url"]).conninfo()) as conn:
            (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except (OSError, ValueError, KeyError, TypeError, psycopg.Error):
        return None
    return (kept["url"], kept["names"]) if revision == head_revision() else None


def _client(args: tuple[str, str, float, int, object]) -> dict[str, object]:
    try:
        return _run_client(*args)
    except BaseException as exc:
        with contextlib.suppress(Exception):
            args[4].abort()  # type: ignore[attr-defined]
        raise RuntimeError(f"client {args[1]}: {type(exc).__name__}: {exc}") from None


def _run_client(
    url: str, username: str, seconds: float, seed: int, barrier: object
) -> dict[str, object]:
    from sqlalchemy.orm import configure_mappers

    from benchmarks.bench_server import PASSWORD
    from desktop.heap import settle
    from desktop.services.bundle import build_services
    from desktop.services.mapping.rows import PersonFilter
    from desktop.services.planning.calendar_sv import week_start
    from desktop.services.planning.rows import MONTH_CELL_VISITS
    from desktop.services.statistics import Period
    from desktop.store.server.store import LockedServer

    # As the application does once its heavy modules are loaded (desktop.app).
    configure_mappers()
    settle()
    rng = random.Random(seed)
    store = LockedServer(url).unlock(username, PASSWORD)
    services = build_services(store)
    persons, visits, stats = (
        services.mapping.persons,
        services.operations.visits,
        services.statistics,
    )
    person_ids = [r.id for r in persons.page(PersonFilter(text="berg"), limit=200, audit=False)]

    def act(op: str) -> None:
        if op == "keystroke":
            persons.page(PersonFilter(text=rng.choice(FRAGMENTS)), audit=False)
        elif op == "settled":
            flt = PersonFilter(text=rng.choice(FRAGMENTS) + rng.choice("gaeiol"))
            persons.page(flt)
            persons.count(flt)
            persons.search_capped(flt)
        elif op == "calendar":
            # As the month view reads (views/calendar/page.py): whole weeks, five or six,
            # each day's first visits and every day's count.
            month = dt.date(2026, rng.randrange(1, 12), 1)
            last = (month + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
            visits.calendar_month(
                week_start(month), week_start(last) + dt.timedelta(days=6), MONTH_CELL_VISITS
            )
        elif op == "profile":
            persons.profile(rng.choice(person_ids))
        else:
            stats.figures(Period.year_to(TODAY))

    for op, _ in MIX:  # each page once before the clock starts, as a session has
        act(op)
    ops = [name for name, weight in MIX for _ in range(weight)]
    barrier.wait()  # type: ignore[attr-defined]
    load_at_start = os.getloadavg()[0]
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(rng.uniform(*THINK_S))
        op = rng.choice(ops)
        started = time.perf_counter()
        try:
            act(op)
        except Exception as exc:
            errors[type(exc).__name__] += 1
            continue
        latencies[op].append((time.perf_counter() - started) * 1000)
    store.lock()
    return {
        "latencies": dict(latencies),
        "errors": dict(errors),
        "load": (load_at_start, os.getloadavg()[0]),
    }


def run(base: str, seconds: float, visits: int) -> dict[str, object]:
    from benchmarks.bench_server import _allowed, _drop

    if not _allowed(base):
        raise ValueError("The load test only runs against 127.0.0.1.")
    os.environ.setdefault("RONDPLAN_TEST_KDF", "1")  # logins are not what is measured
    started = time.perf_counter()
    cache = _cache_file(visits)
    kept = _cached(cache) if cache is not None else None
    if kept is None:
        if cache is not None and cache.exists():  # an older schema's copy: dropped
            with contextlib.suppress(Exception):
                _drop(base, json.loads(cache.read_text())["url"])
        url, names = _prepare(base, visits)
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            cache.write_text(json.dumps({"url": url, "names": names}))
    else:
        url, names = kept
    built = time.perf_counter() - started
    try:
        context = multiprocessing.get_context("spawn")
        with context.Manager() as manager, context.Pool(CLIENTS) as pool:
            barrier = manager.Barrier(CLIENTS)
            jobs = [(url, n, seconds, i, barrier) for i, n in enumerate(names[:CLIENTS])]
            results = pool.map(_client, jobs)
    finally:
        if cache is None:
            _drop(base, url)
    latencies: dict[str, list[float]] = defaultdict(list)
    errors = 0
    for result in results:
        for op, values in result["latencies"].items():  # type: ignore[union-attr]
            latencies[op] += values
        errors += sum(result["errors"].values())  # type: ignore[union-attr]
    return {
        "latencies": latencies,
        "errors": errors,
        "built": built,
        "load": (
            max(float(r["load"][0]) for r in results),  # type: ignore[index]
            max(float(r["load"][1]) for r in results),  # type: ignore[index]
        ),
    }


def figures(quick: bool) -> list[Figure]:
    base = os.environ.get(ENV)
    if not base:
        return []
    visits = 100_000 if quick else 500_000
    result = run(base, 15.0 if quick else 40.0, visits)
    scale = f"{PERSONS // 1000}k persons, {visits // 1000}k visits, {CLIENTS} clients"
    out = []
    for op, _ in MIX:
        values = result["latencies"].get(op) or []  # type: ignore[attr-defined]
        budget = BUDGETS_MS[op]
        label = f"server {op} ({scale}, n={len(values)})"
        if not values:  # a short run with few clients may draw no dashboard at all
            out.append(Figure(f"{label}", float("nan"), "ms", "none drawn in this run", True))
            continue
        p50, p95 = percentile(values, 50), percentile(values, 95)
        out.append(Figure(f"{label} p50", p50, "ms", "reported", True))
        out.append(Figure(f"{label} p95", p95, "ms", f"≤ {budget:.0f} ms", p95 <= budget))
    start, end = result["load"]  # type: ignore[misc]
    out.append(
        Figure(
            f"server scale: load average at start ({os.cpu_count()} cores)",
            start,
            "",
            "reported: other work inflates latency",
            True,
        )
    )
    out.append(Figure("server scale: load average at end", end, "", "reported", True))
    out.append(Figure("server scale: database built in", result["built"], "s", "reported", True))  # type: ignore[arg-type]
    errors = float(result["errors"])  # type: ignore[arg-type]
    out.append(Figure("server scale: errors", errors, "", "0", errors == 0))
    return out
