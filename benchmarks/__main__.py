"""``python -m benchmarks [--quick] [--json] [--only NAME]``: the performance suite."""

from __future__ import annotations

import argparse
import sys

from benchmarks.runner import main


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measure Rondplan against the performance budget in DESIGN.md.",
    )
    parser.add_argument("--quick", action="store_true", help="a subset in under 5 minutes")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--only", metavar="NAME", help="one module, e.g. store or bench_store")
    parser.add_argument(
        "--server", metavar="URL", help="PostgreSQL on 127.0.0.1 for the server load test"
    )
    return parser.parse_args(argv)


if __name__ == "__main__":
    args = parse(sys.argv[1:])
    if args.server:
        import os

        os.environ["RONDPLAN_BENCH_SERVER"] = args.server  # read by bench_server
    sys.exit(main(args.quick, args.json, args.only))
