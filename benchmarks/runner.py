"""Run the benchmark modules and report one line (or JSON object) per figure.

A module that fails to import, or raises while measuring, becomes a failed figure
line instead of stopping the suite: the other figures are still worth having.
"""

from __future__ import annotations

import importlib
import json
import math
import time
import traceback
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.core import Figure

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Result:
    module: str
    figure: Figure
    error: str | None = None

    def as_dict(self) -> dict[str, object]:
        data = self.figure.as_dict()
        if isinstance(data["value"], float) and math.isnan(data["value"]):
            data["value"] = None
        data["module"] = self.module
        data["error"] = self.error
        return data


def module_names(only: str | None = None) -> list[str]:
    """``bench_*`` module names, or the one that ``only`` names (with or without prefix)."""
    names = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if only is None:
        return names
    wanted = only if only.startswith("bench_") else f"bench_{only}"
    return [n for n in names if n == wanted]


def _failed(module: str, stage: str, exc: BaseException) -> Result:
    message = f"{stage}: {type(exc).__name__}: {exc}".replace("\n", " ")[:300]
    figure = Figure(f"{module}", math.nan, "", "no error", False)
    return Result(module, figure, message + "\n" + traceback.format_exc(limit=6))


def run_module(name: str, quick: bool) -> list[Result]:
    try:
        module = importlib.import_module(f"benchmarks.{name}")
    except Exception as exc:
        return [_failed(name, "import failed", exc)]
    try:
        figures = list(module.figures(quick))
    except Exception as exc:
        return [_failed(name, "measuring failed", exc)]
    return [Result(name, figure) for figure in figures]


def run(names: Iterable[str], quick: bool) -> list[Result]:
    results: list[Result] = []
    for name in names:
        results += run_module(name, quick)
    return results


def line(result: Result) -> str:
    f = result.figure
    verdict = "ok" if f.ok else "NOT OK"
    if result.error is not None:
        first = result.error.splitlines()[0]
        return f"{f.name:34} {'-':>10}        {first}  {verdict}"
    value = f"{f.value:10.3f} {f.unit:5}"
    if f.floor is not None:
        ratio = f.ratio
        floor = f"floor {f.floor:.3f} {f.unit} ({f.floor_name or '-'})"
        floor += f", ratio {ratio:.2f}" if ratio is not None else ""
    else:
        floor = ""
    return f"{f.name:34} {value} {floor:52} budget {f.budget:16} {verdict}"


def report(results: list[Result], as_json: bool, elapsed: float) -> str:
    if as_json:
        return json.dumps(
            {"elapsed_s": round(elapsed, 1), "figures": [r.as_dict() for r in results]},
            ensure_ascii=False,
            indent=1,
        )
    lines = [line(r) for r in results]
    bad = sum(1 for r in results if not r.figure.ok)
    lines.append(f"{len(results)} figures, {bad} NOT OK, {elapsed:.0f} s")
    return "\n".join(lines)


def main(quick: bool, as_json: bool, only: str | None) -> int:
    started = time.perf_counter()
    names = module_names(only)
    if only is not None and not names:
        print(f"no benchmark module named {only!r}; have: {', '.join(module_names())}")
        return 2
    results = run(names, quick)
    print(report(results, as_json, time.perf_counter() - started))
    return 0 if all(r.figure.ok for r in results) else 1
