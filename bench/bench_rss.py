"""Peak memory per stage, at two project sizes: does any stage grow with pages?

Each stage runs as a user runs it (``python -m pipeline ...`` in a generated
project, the pages of :func:`bench.bench_extract.iter_pages`), with ``--jobs 1``
where the stage has it so the figure is one process's; its peak RSS is the
child's ``ru_maxrss`` from ``os.wait4``. The goal (issue #16) is every stage
under 150 MiB at 2,000 pages, models aside: the floor line shows what
Python, Tolk's imports and the models take before any page (Lingua's
high-accuracy fr/nl/en models, about 120 MiB; wordfreq's lists, about 80 MiB).
PASS/MISS compares with 150 MiB as it stands; a stage over its floor by the
same amount at both sizes is flat.

``check --jobs N`` against ``--jobs 1`` is timed in the same run (wall and CPU
seconds, pool workers included), on the same built project.

Run: ``python bench/bench_rss.py [--pages 200 2000] [--jobs-pages 100] [--rounds 3]``
(about 25 minutes on 2 shared cores; ``--pages 200 --rounds 1`` for a quick look).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.bench_commands import TOLK, Run, make_project, run  # noqa: E402

GOAL_MIB = 150.0

STAGES: dict[str, list[str]] = {
    "extract": ["extract", "--jobs", "1"],
    "translate (memory only)": ["translate", "--memory-only"],
    "translate (pseudo)": ["translate", "--pseudo", "--lang", "en"],
    "build": ["build", "--jobs", "1"],
    "check": ["check", "build", "--summary", "--jobs", "1"],
    "fix": ["fix", "build/en", "--out", "fixed"],
    "report": ["report"],
}

FLOORS = {
    # what translate loads before any page: it asks Lingua a segment's language
    "lingua": "from pipeline.language_id.lingua import detect_language as d; d(TEXT)",
    # what check, fix and report load: the judge, Lingua and wordfreq's fr/nl/en lists
    "judge": "from pipeline.language_id.evidence import EvidenceJudge as J; J().judge(TEXT, 'fr')",
}
FLOOR = (
    "import resource, pipeline.cli\n"
    "TEXT = 'Le magnésium améliore la qualité du sommeil chez les adultes.'\n"
    "{load}\n"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
)


def floor_mib(load: str) -> float:
    """Peak RSS of Python + Tolk's CLI imports + what ``load`` loads (models, word lists)."""
    import subprocess

    env = {**os.environ, "PYTHONPATH": str(HERE.parent)}
    out = subprocess.run(
        [sys.executable, "-c", FLOOR.format(load=load)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return int(out.stdout.split()[-1]) / 1024


def stage_rss(pages: int) -> dict[str, float]:
    """Peak RSS (MiB) of each stage on a fresh project of ``pages`` pages."""
    with tempfile.TemporaryDirectory(prefix="tolk-rss-") as tmp:
        folder = Path(tmp)
        make_project(folder, pages)
        os.environ["TOLK_CACHE_DIR"] = str(folder / "cache")  # cold: no verdict cached
        return {name: run([*TOLK, *argv], folder).rss_kib / 1024 for name, argv in STAGES.items()}


def check_jobs(pages: int, rounds: int) -> dict[str, list[Run]]:
    """``tolk check`` with ``--jobs 1`` and the default (the cores), alternating."""
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="tolk-jobs-") as tmp:
        folder = Path(tmp)
        make_project(folder, pages)
        for argv in (STAGES["extract"], ["translate", "--pseudo"], STAGES["build"]):
            run([*TOLK, *argv], folder)
        out: dict[str, list[Run]] = {"1": [], str(max(2, cores)): []}
        for n in range(rounds):
            for jobs in out:
                # a fresh verdict cache each time: a warm one would serve every verdict;
                # --all: judge every page, not the stored findings of the last run
                os.environ["TOLK_CACHE_DIR"] = str(folder / f"cache-{jobs}-{n}")
                argv = ["check", "build", "--summary", "--all", "--jobs", jobs]
                out[jobs].append(run([*TOLK, *argv], folder))
        return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, nargs="+", default=[200, 2000])
    parser.add_argument("--jobs-pages", type=int, default=100, help="pages for check --jobs")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of check --jobs N vs 1")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--json-out", type=Path, help="also write the figures here (make bench)")
    args = parser.parse_args()
    figures: dict[str, object] = {f"floor_{k}_mib": floor_mib(v) for k, v in FLOORS.items()}
    for pages in args.pages:
        figures[str(pages)] = stage_rss(pages)
    jobs = check_jobs(args.jobs_pages, args.rounds) if args.rounds else {}
    figures["check_jobs"] = {
        n: {"cpu": [r.cpu for r in runs], "wall": [r.wall for r in runs]}
        for n, runs in jobs.items()
    }
    if args.json_out:
        args.json_out.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(
        "floor, before any page (python + tolk's imports + models): "
        f"Lingua fr/nl/en (translate) {figures['floor_lingua_mib']:.1f} MiB, "
        f"the judge: Lingua + wordfreq (check, fix, report) {figures['floor_judge_mib']:.1f} MiB"
    )
    sizes = [str(p) for p in args.pages]
    print(f"  {'stage':26}" + "".join(f"{p + ' pages':>14}" for p in sizes) + "   goal < 150 MiB")
    for name in STAGES:
        values = [figures[p][name] for p in sizes]  # type: ignore[index]
        verdict = "PASS" if all(v < GOAL_MIB for v in values) else "MISS"
        print(f"  {name:26}" + "".join(f"{v:11.1f} MiB" for v in values) + f"   {verdict}")
    if jobs:
        print(
            f"check --jobs N against --jobs 1, {args.jobs_pages} pages built in 3 languages,"
            f" {args.rounds} rounds, cold verdict cache (seconds: min / median / max)"
        )
        for n, runs in jobs.items():
            wall = sorted(r.wall for r in runs)
            cpu = sorted(r.cpu for r in runs)
            print(
                f"  --jobs {n:3}  wall {wall[0]:6.2f} / {statistics.median(wall):6.2f} /"
                f" {wall[-1]:6.2f}   CPU {cpu[0]:6.2f} / {statistics.median(cpu):6.2f} /"
                f" {cpu[-1]:6.2f}"
            )
        one, many = (statistics.median(r.wall for r in runs) for runs in jobs.values())
        print(f"  --jobs {list(jobs)[-1]} is {one / many:.2f}x the speed of --jobs 1 (wall)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
