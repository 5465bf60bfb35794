"""Run every benchmark under bench/ in turn (``make bench``), then issue #16's goals.

Each benchmark measures Tolk against a peer in the same run and prints the
ratio; this script runs them one after another, reports failures, and ends
with one table: each goal of issue #16 next to what was measured, PASS or
MISS. Rows whose figures another benchmark does not give yet are printed as
open slots, never as a pass.

``--pages`` and ``--rounds`` go to ``bench_commands.py`` (small counts check
that the script works; the README's figures are from the defaults, 200 pages
and 3 rounds); ``--only NAME`` runs the benchmarks whose script name contains
NAME.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
BENCHES = [
    # issue #16's goals (speed vs the peer, reruns, start-up) come from this one
    ("tolk extract && tolk build vs html2po + po2html, reruns, start-up", ["bench_commands.py"]),
    ("extract + build in process (no catalog I/O)", ["bench_extract.py"]),
    ("translation memory lookups", ["bench_memory.py"]),
    ("machine translation engine", ["bench_engine.py"]),
    ("tolk check throughput", ["bench_check.py"]),
    ("language detection accuracy", ["eval_language.py"]),
    ("report build", ["bench_report.py"]),
]
# issue #16 point 5 and 7: peak RSS per stage against 150 MiB, check --jobs N vs 1
BENCHES.append(("peak RSS per stage, check --jobs", ["bench_rss.py", "--pages", "200", "2000"]))

SPEED_GOAL = 3.0  # peer time / Tolk time, CPU and wall
UNCHANGED_GOAL = 5.0  # % of the first run
ONE_PAGE_GOAL = 10.0  # % of the first run


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def goal_rows(figures: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(what, goal, measured, PASS/MISS/open) for every goal of issue #16."""
    rows: list[tuple[str, str, str, str]] = []
    pages = figures["pages"]
    for kind in ("cpu", "wall"):
        ratio = figures[f"speed_ratio_{kind}"]
        tolk = statistics.median(figures[f"tolk_{kind}"])
        peer = statistics.median(figures[f"peer_{kind}"])
        rows.append(
            (
                f"extract+build vs html2po+po2html, {pages} pages, {kind}",
                f">= {SPEED_GOAL:.0f}x",
                f"{ratio:.2f}x ({tolk:.2f} s vs peer {peer:.2f} s)",
                verdict(ratio >= SPEED_GOAL),
            )
        )
    for name, runs in figures["stages"].items():
        first = runs["first"]["cpu"]
        for when, goal in (("unchanged", UNCHANGED_GOAL), ("one page", ONE_PAGE_GOAL)):
            share = 100 * runs[when]["cpu"] / first
            rows.append(
                (
                    f"{name}, rerun {'unchanged' if when == 'unchanged' else 'one page changed'}",
                    f"< {goal:.0f}% of first",
                    f"{share:.1f}% ({runs[when]['cpu']:.2f} s of {first:.2f} s CPU)",
                    verdict(share < goal),
                )
            )
    bare = figures["start_up"]["python -c pass"]["cpu"]
    for name, run in figures["start_up"].items():
        if name.startswith("tolk"):
            rows.append(
                (
                    f"start-up: {name}",
                    "(no goal in #16)",
                    f"{run['cpu']:.2f} s CPU, {run['wall']:.2f} s wall (bare python {bare:.2f} s)",
                    "info",
                )
            )
    rows.extend(rss_rows(figures.get("rss")))
    rows.append(("tolk check cold vs naive lingua loop", ">= 1x", "see bench_check.py", "open"))
    return rows


def rss_rows(rss: dict[str, Any] | None) -> list[tuple[str, str, str, str]]:
    """Peak RSS per stage at the largest page count, and check --jobs N vs 1 (bench_rss.py)."""
    if not rss:
        return [("peak RSS per stage, check --jobs", "", "bench_rss.py did not run", "open")]
    rows = []
    sizes = sorted((k for k in rss if k.isdigit()), key=int)
    largest = sizes[-1]
    for stage, mib in rss[largest].items():
        rows.append(
            (
                f"peak RSS at {largest} pages, {stage}",
                "< 150 MiB",
                f"{mib:.0f} MiB (judge's floor {rss['floor_judge_mib']:.0f} MiB)",
                verdict(mib < 150),
            )
        )
    jobs = rss.get("check_jobs") or {}
    if len(jobs) == 2:
        one, many = (statistics.median(runs["wall"]) for runs in jobs.values())
        rows.append(
            (
                f"check --jobs {list(jobs)[-1]} vs --jobs 1, wall",
                "faster",
                f"{one / many:.2f}x ({many:.1f} s vs {one:.1f} s)",
                verdict(one > many),
            )
        )
    return rows


def print_goals(figures: dict[str, Any]) -> int:
    """The goals table; how many goals were missed."""
    rows = goal_rows(figures)
    width = max(len(r[0]) for r in rows)
    print(f"== issue #16 goals ({figures['pages']} pages, {figures['rounds']} rounds, median)")
    for what, goal, measured, mark in rows:
        print(f"  {mark:4}  {what:{width}}  {goal:18}  {measured}")
    return sum(1 for r in rows if r[3] == "MISS")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", help="run only the benchmarks whose script contains this")
    args = parser.parse_args()
    failed = []
    figures: dict[str, Any] | None = None
    with tempfile.TemporaryDirectory(prefix="tolk-bench-all-") as tmp:
        out = Path(tmp) / "commands.json"
        rss_out = Path(tmp) / "rss.json"
        for title, argv in BENCHES:
            if args.only and args.only not in argv[0]:
                continue
            script = HERE / argv[0]
            if not script.exists():
                print(f"== {title}: {argv[0]} not found, skipped", flush=True)
                continue
            extra = argv[1:]
            if argv[0] == "bench_commands.py":
                extra += ["--pages", str(args.pages), "--rounds", str(args.rounds)]
                extra += ["--json-out", str(out)]
            if argv[0] == "bench_rss.py":
                extra += ["--json-out", str(rss_out)]
            print(f"== {title} ({argv[0]})", flush=True)
            done = subprocess.run([sys.executable, str(script), *extra], cwd=HERE.parent)
            if done.returncode != 0:
                failed.append(argv[0])
        if out.exists():
            figures = json.loads(out.read_text(encoding="utf-8"))
            if rss_out.exists():
                figures["rss"] = json.loads(rss_out.read_text(encoding="utf-8"))
    if figures is not None:
        missed = print_goals(figures)
        print(f"  {missed} goals missed on this machine (see README, Speed)")
    if failed:
        print(f"failed: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
