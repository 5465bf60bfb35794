"""The real commands, as a user runs them: Tolk against Translate Toolkit, same run.

Each figure is the same work end to end, through subprocesses started in a
temporary project, so start-up, catalog writing and catalog reading count on
both sides:

* Tolk: ``tolk extract && tolk build`` (templates, one catalog per target
  language, then every page built from its catalogs);
* the peer: ``html2po`` then ``po2html`` once per target language (it writes
  its catalogs, then reads them to build the pages);
* Tolk again with ``--jobs 1`` (no process pool), against its default of one
  job per core, so the pool's gain is measured in the same run.

Timed as CPU seconds of the children (``wait4``, user + system, a pool's reaped
workers included, so other
work on a 2-core machine disturbs the figure less) and as wall seconds;
min/median/max of ``--rounds`` runs, peer and Tolk alternating.

Then the reruns a user makes every day, on a project that went through extract,
translate (memory only, no models), build and check: each stage again with
nothing changed, and again after one page changed, as a share of its first
run. Peak RSS per stage is the child's own ``ru_maxrss`` (``os.wait4``).

Start-up: each verb's ``--help`` (the parser and what the verb imports before
it runs), best of 5, against a bare ``python -c pass``.

The children run as an installed Tolk runs: with its bytecode compiled (into a
temporary ``PYTHONPYCACHEPREFIX``, compiled before timing, and without
``PYTHONDONTWRITEBYTECODE``), as the peer's installed package has.

Run: ``python bench/bench_commands.py [--pages 200] [--rounds 3] [--json]
[--json-out FILE]``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.bench_extract import iter_pages  # noqa: E402

TOLK = [sys.executable, "-m", "pipeline", "--quiet"]
HTML2PO = str(Path(sys.executable).with_name("html2po"))
PO2HTML = str(Path(sys.executable).with_name("po2html"))
TARGETS = 2  # every article goes into the two other languages of fr/nl/en


@dataclass(frozen=True)
class Run:
    """One child process: CPU seconds (user + system), wall seconds, peak RSS (KiB)."""

    cpu: float
    wall: float
    rss_kib: int

    def __add__(self, other: Run) -> Run:
        return Run(self.cpu + other.cpu, self.wall + other.wall, max(self.rss_kib, other.rss_kib))


_ENV: dict[str, str] = {}


def child_env(cache: Path) -> None:
    """The children's environment: Tolk importable, bytecode compiled into ``cache``."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=str(HERE.parent), PYTHONPYCACHEPREFIX=str(cache))
    _ENV.clear()
    _ENV.update(env)
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(HERE.parent / "pipeline")],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def run(argv: list[str], cwd: Path) -> Run:
    """Run one command to the end; its own rusage comes from ``wait4``, so the
    figures are the child's and not the sum of every child so far."""
    env = _ENV or {**os.environ, "PYTHONPATH": str(HERE.parent)}
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):  # 1: findings (check), not a failure
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}):\n{err.decode()[-2000:]}")
    return Run(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss)


def make_project(folder: Path, count: int) -> None:
    """``count`` distinct pages in ``folder/source_articles`` and nothing else."""
    src = folder / "source_articles"
    src.mkdir(parents=True)
    for i, page in enumerate(iter_pages(count)):
        (src / f"page-{i:05d}.html").write_bytes(page)


def tolk_first(folder: Path, jobs: int | None = None) -> Run:
    """``tolk extract && tolk build`` on a project without catalogs or pages
    (``jobs``: the ``--jobs`` given; None: Tolk's default, the cores)."""
    shutil.rmtree(folder / "locales", ignore_errors=True)
    shutil.rmtree(folder / "build", ignore_errors=True)
    extra = ["--jobs", str(jobs)] if jobs is not None else []
    return run([*TOLK, "extract", *extra], folder) + run([*TOLK, "build", *extra], folder)


def peer_first(folder: Path) -> Run:
    """``html2po`` + ``po2html`` per target language, from nothing."""
    shutil.rmtree(folder / "peer", ignore_errors=True)
    (folder / "peer").mkdir()
    total = Run(0.0, 0.0, 0)
    for n in range(TARGETS):
        po, out = folder / "peer" / f"po{n}", folder / "peer" / f"build{n}"
        total += run([HTML2PO, "--progress=none", "-i", "source_articles", "-o", str(po)], folder)
        total += run(
            [PO2HTML, "--progress=none", "-i", str(po), "-t", "source_articles", "-o", str(out)],
            folder,
        )
    return total


def spread(values: list[float]) -> tuple[float, float, float]:
    """min, median, max."""
    return min(values), statistics.median(values), max(values)


STAGES: dict[str, list[str]] = {
    "extract": ["extract"],
    "translate": ["translate", "--memory-only"],
    "build": ["build"],
    "check": ["check", "build", "--summary"],
    "report": ["report"],
}

VERBS = ("extract", "translate", "build", "check", "report", "stats")


def start_up(folder: Path, tries: int = 5) -> dict[str, Run]:
    """Best of ``tries`` for ``python -c pass``, ``tolk --help`` and each verb's ``--help``."""
    argvs = {"python -c pass": [sys.executable, "-c", "pass"], "tolk --help": [*TOLK, "--help"]}
    argvs.update({f"tolk {v} --help": [*TOLK, v, "--help"] for v in VERBS})
    best: dict[str, Run] = {}
    for name, argv in argvs.items():
        runs = [run(argv, folder) for _ in range(tries)]
        best[name] = min(runs, key=lambda r: r.cpu)
    return best


def stage_runs(folder: Path) -> dict[str, dict[str, Run]]:
    """Each stage first, again unchanged, and again after one page changed."""
    shutil.rmtree(folder / "locales", ignore_errors=True)
    shutil.rmtree(folder / "build", ignore_errors=True)
    result: dict[str, dict[str, Run]] = {name: {} for name in STAGES}
    for name, argv in STAGES.items():
        result[name]["first"] = run([*TOLK, *argv], folder)
    for name, argv in STAGES.items():
        result[name]["unchanged"] = run([*TOLK, *argv], folder)
    page = sorted((folder / "source_articles").glob("*.html"))[0]
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("<p>", "<p>Changed. ", 1), encoding="utf-8")
    for name, argv in STAGES.items():
        result[name]["one page"] = run([*TOLK, *argv], folder)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--json-out", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tolk-bench-") as tmp:
        folder = Path(tmp) / "project"
        child_env(Path(tmp) / "pycache")
        make_project(folder, args.pages)
        started = start_up(folder)
        tolk: list[Run] = []
        peer: list[Run] = []
        serial: list[Run] = []
        for _ in range(args.rounds):
            peer.append(peer_first(folder))
            tolk.append(tolk_first(folder))
            serial.append(tolk_first(folder, jobs=1))
        stages = stage_runs(folder)
    figures: dict[str, object] = {
        "pages": args.pages,
        "rounds": args.rounds,
        "tolk_cpu": spread([r.cpu for r in tolk]),
        "tolk_wall": spread([r.wall for r in tolk]),
        "peer_cpu": spread([r.cpu for r in peer]),
        "peer_wall": spread([r.wall for r in peer]),
        "jobs": os.cpu_count() or 1,
        "tolk_jobs1_cpu": spread([r.cpu for r in serial]),
        "tolk_jobs1_wall": spread([r.wall for r in serial]),
        "start_up": {name: {"cpu": r.cpu, "wall": r.wall} for name, r in started.items()},
        "stages": {
            name: {
                when: {"cpu": r.cpu, "wall": r.wall, "rss_mib": r.rss_kib / 1024}
                for when, r in runs.items()
            }
            for name, runs in stages.items()
        },
    }
    t_cpu, p_cpu = statistics.median(r.cpu for r in tolk), statistics.median(r.cpu for r in peer)
    t_wall, p_wall = (
        statistics.median(r.wall for r in tolk),
        statistics.median(r.wall for r in peer),
    )
    figures["speed_ratio_cpu"] = p_cpu / t_cpu
    figures["speed_ratio_wall"] = p_wall / t_wall
    if args.json_out:
        args.json_out.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(
        f"{args.pages} pages, {TARGETS} target languages, {args.rounds} rounds "
        "(seconds: min / median / max)"
    )
    cores = os.cpu_count() or 1
    for who, runs in (
        (f"tolk extract && tolk build (--jobs {cores}, the default)", tolk),
        ("the same with --jobs 1", serial),
        ("html2po + po2html", peer),
    ):
        cpu, wall = spread([r.cpu for r in runs]), spread([r.wall for r in runs])
        print(
            f"  {who:50} CPU {cpu[0]:6.2f} / {cpu[1]:6.2f} / {cpu[2]:6.2f}"
            f"   wall {wall[0]:6.2f} / {wall[1]:6.2f} / {wall[2]:6.2f}"
        )
    print(
        f"  speed ratio (peer / Tolk)    CPU {p_cpu / t_cpu:5.2f}x   wall {p_wall / t_wall:5.2f}x"
        "   (goal: >= 3x both)"
    )
    s_wall = statistics.median(r.wall for r in serial)
    print(
        f"  --jobs {cores} against --jobs 1: wall {s_wall / t_wall:5.2f}x faster, CPU "
        f"{t_cpu / statistics.median(r.cpu for r in serial):5.2f}x as much (the pool's cost)"
    )
    print("  start-up, best of 5 (CPU / wall seconds)")
    for name, r in started.items():
        print(f"    {name:28} {r.cpu:5.2f} / {r.wall:5.2f}")
    print("  reruns, CPU as a share of the first run (goal: unchanged < 5%, one page < 10%)")
    for name, runs in stages.items():
        first = runs["first"]
        print(
            f"    {name:10} first {first.cpu:6.2f} s   unchanged "
            f"{100 * runs['unchanged'].cpu / first.cpu:5.1f}%   one page changed "
            f"{100 * runs['one page'].cpu / first.cpu:5.1f}%   peak RSS "
            f"{max(r.rss_kib for r in runs.values()) / 1024:6.1f} MiB (goal < 150)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
