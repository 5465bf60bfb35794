"""Huge inputs through every command: the times stay linear, or a limit says why.

Issue 18, defect 5. Each input goes in a scratch project beside one bundled
article, then every command runs in-process (``pipeline.cli.main``, so start-up
does not blur the figure): extract, translate --pseudo, build, check, fix,
stats, report. Each input is timed at half and at full size; a ratio near 2
is linear, near 4 quadratic. A command over ``--limit`` seconds is stopped and
shown as such.

Run: ``python bench/bench_slow_inputs.py [--only NAME] [--scale 1.0] [--limit 120]``
(a few minutes at full scale).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from io import StringIO
from pathlib import Path

from pipeline.cli import main as tolk

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "source_articles" / "betaine-lichaamsvet.html"
SAMPLE_PO = ROOT / "locales" / "fr" / "LC_MESSAGES" / "betaine-lichaamsvet.po"
COMMANDS = (
    ["extract"],
    ["translate", "--pseudo"],
    ["build"],
    ["check", "source_articles", "locales"],
    ["fix", "source_articles"],
    ["stats"],
    ["report"],
)
WORDS = "Een lange zin over slaap en magnesium zonder einde "


def _page(body: str, head: str = "") -> str:
    return (
        f'<!doctype html><html lang="nl"><head><title>Groot</title>{head}</head>'
        f"<body>{body}</body></html>"
    )


def _words(size: int) -> str:
    return (WORDS * (size // len(WORDS) + 1))[:size].strip()


def _big_msgstr(size: int, every: bool) -> bytes:
    """The sample catalog with one (or every) translated msgstr ``size`` characters long."""
    text = SAMPLE_PO.read_text(encoding="utf-8")
    filler = _words(size).replace("Een", "Une")
    out, done = [], False
    for block in text.split("\n\n"):
        if (every or not done) and block.startswith("#") and "\nmsgctxt" in block:
            head = block[: block.index("msgstr")]
            block = f'{head}msgstr "{filler}"'
            done = True
        out.append(block)
    return "\n\n".join(out).encode("utf-8")


# name -> (what it is, builder of (page html, fr catalog bytes or None) at scale s)
INPUTS: dict[str, tuple[str, Callable[[float], tuple[str, bytes | None]]]] = {
    "title-100k": (
        "a 100 KB title attribute",
        lambda s: (_page(f'<p title="{_words(int(100_000 * s))}">Zin.</p>'), None),
    ),
    "paragraphs-20k": (
        "20,000 paragraphs",
        lambda s: (
            _page("".join(f"<p>Zin {i} over slaap.</p>\n" for i in range(int(20_000 * s)))),
            None,
        ),
    ),
    "paragraph-1m": (
        "a 1 MB paragraph",
        lambda s: (_page(f"<p>{_words(int(1_000_000 * s))}</p>"), None),
    ),
    "alt-5m": (
        "a 5 MB alt",
        lambda s: (_page(f'<img alt="{_words(int(5_000_000 * s))}"><p>Zin.</p>'), None),
    ),
    "catalog-50k": (
        "a catalog of 50,000 entries",
        lambda s: (
            _page("".join(f"<p>Zin nummer {i} over slaap.</p>\n" for i in range(int(50_000 * s)))),
            None,
        ),
    ),
    "msgstr-10m": (
        "a 10 MB msgstr",
        lambda s: (SAMPLE.read_text(encoding="utf-8"), _big_msgstr(int(10_000_000 * s), False)),
    ),
    "msgstrs-200k": (
        "every msgstr 200,000 characters",
        lambda s: (SAMPLE.read_text(encoding="utf-8"), _big_msgstr(int(200_000 * s), True)),
    ),
}


class _Late(BaseException):
    pass


@contextmanager
def _limit(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise _Late

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_input(
    name: str, scale: float, limit: float, said: list[str]
) -> dict[str, tuple[float, int | str]]:
    """Seconds and exit code per command for one input at ``scale``; error lines to ``said``."""
    _, build = INPUTS[name]
    html, po = build(scale)
    times: dict[str, tuple[float, int | str]] = {}
    with tempfile.TemporaryDirectory(prefix="tolk-slow-") as tmp:
        project = Path(tmp)
        (project / "source_articles").mkdir()
        shutil.copy(SAMPLE, project / "source_articles")
        (project / "tolk.toml").write_text('languages = ["nl", "fr"]\n', encoding="utf-8")
        if po is None:
            (project / "source_articles" / "groot.html").write_text(html, encoding="utf-8")
        else:
            target = project / "locales" / "fr" / "LC_MESSAGES" / SAMPLE_PO.name
            target.parent.mkdir(parents=True)
            target.write_bytes(po)
        # a cold verdict cache for every input, as a first run sees it
        os.environ["TOLK_CACHE_DIR"] = str(project / "cache")
        here = os.getcwd()
        os.chdir(project)
        try:
            for command in COMMANDS:
                started = time.perf_counter()
                code: int | str
                err = StringIO()
                try:
                    with _limit(limit), redirect_stdout(StringIO()), redirect_stderr(err):
                        code = tolk(["-q", *command])
                except _Late:
                    code = "stopped"
                said.extend(
                    f"  {command[0]}: {line[:200]}"
                    for line in err.getvalue().splitlines()
                    if line.startswith(("error:", "warning: a ", "crash"))
                )
                times[command[0]] = (time.perf_counter() - started, code)
        finally:
            os.chdir(here)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=sorted(INPUTS))
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--limit", type=float, default=120.0)
    args = parser.parse_args()
    names = [c[0] for c in COMMANDS]
    print(f"{'input':<16} {'size':>5} " + " ".join(f"{n:>9}" for n in names), flush=True)
    for name in args.only or INPUTS:
        rows = []
        for scale in (args.scale / 2, args.scale):
            said: list[str] = []
            times = run_input(name, scale, args.limit, said)
            rows.append(times)
            cells = " ".join(
                f"{t:8.1f}{'' if code in (0, 1) else '!'}" for t, code in times.values()
            )
            print(f"{name:<16} {scale:5.2f} {cells}", flush=True)
            for line in dict.fromkeys(said):
                print(line, flush=True)
        ratio = " ".join(f"{rows[1][n][0] / max(rows[0][n][0], 0.05):9.1f}" for n in names)
        print(f"{'  ratio':<16} {'':>5} {ratio}", flush=True)
    print("(seconds; ! = exit code other than 0/1 (2: input refused with a message); "
          "ratio full/half: 2 is linear, 4 quadratic)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
