"""Score ``tolk check`` on the labelled leftover corpus (eval/leftovers), split by split.

Usage::

    python bench/eval_leftovers.py                  # dev and holdout
    python bench/eval_leftovers.py --split dev      # what you look at while tuning
    python bench/eval_leftovers.py --scorer PATH -v

Runs ``python -m pipeline check SPLIT --format json`` for each split, then the
shared scorer on its labels.json, and prints precision, recall and traps
flagged. The holdout split is for reporting only, never for tuning.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "eval" / "leftovers"
SPLITS = ("dev", "holdout")


def score_split(split: str, scorer: Path, verbose: bool) -> str:
    """The scorer's summary line for one split (its -v listing too, if asked)."""
    pages = CORPUS / split
    check = subprocess.run(
        [sys.executable, "-m", "pipeline", "check", str(pages), "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    # Exit status 1 means findings, which is expected; no JSON means it failed.
    if check.returncode not in (0, 1) or not check.stdout.lstrip().startswith("{"):
        raise SystemExit(f"tolk check failed on {split}:\n{check.stderr}")
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as out:
        out.write(check.stdout)
        out.flush()
        args = [sys.executable, str(scorer), str(pages / "labels.json"), out.name]
        scored = subprocess.run(
            [*args, "-v"] if verbose else args,
            capture_output=True,
            text=True,
            check=False,
        )
    if verbose:
        return scored.stdout.rstrip()
    return scored.stdout.strip().splitlines()[-1] if scored.stdout.strip() else scored.stderr


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=SPLITS, action="append", help="default: both")
    ap.add_argument(
        "--scorer",
        type=Path,
        default=Path("../shared/eval/score_leftovers.py"),
        help="path of score_leftovers.py, relative to the repository root if not absolute",
    )
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses, FPs and traps")
    args = ap.parse_args(argv)
    scorer = args.scorer if args.scorer.is_absolute() else (ROOT / args.scorer).resolve()
    if not scorer.is_file():
        print(f"scorer not found: {scorer}", file=sys.stderr)
        return 2
    for split in args.split or SPLITS:
        print(f"{split:8} {score_split(split, scorer, args.verbose)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
