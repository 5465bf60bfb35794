"""Score ``tolk check`` on the labelled leftover corpus (eval/leftovers), split by split,
next to a naive baseline in the same run.

Usage::

    python bench/eval_leftovers.py                  # dev, dev-extra and holdout
    python bench/eval_leftovers.py --split dev      # what you look at while tuning
    python bench/eval_leftovers.py --split unseen   # a third source, for reports only
    python bench/eval_leftovers.py --scorer PATH -v

Tolk is run as a user runs it: ``python -m pipeline check SPLIT --format json``.
The baseline is Lingua alone on every text the check judges, with one
confidence threshold (fitted on the dev split like Tolk's parameters) and no
rules. Both are scored by the shared scorer (``../shared/eval``) and the line
gives precision, recall and traps flagged. The holdout split is for reporting
only, never for tuning. The ``unseen`` split (a third source, see
eval/leftovers/README.md) is not run unless asked for, and is never looked at
while tuning: it estimates how the detector does on text nobody tuned it for.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.checks.base import CheckContext  # noqa: E402
from pipeline.checks.language import MixedLanguage  # noqa: E402
from pipeline.checks.output import to_json  # noqa: E402
from pipeline.checks.runner import check_files, find_inputs, load_file  # noqa: E402
from pipeline.language_id.lingua import LANGS, as_dict, detector  # noqa: E402
from pipeline.language_id.verdicts import Verdict  # noqa: E402
from pipeline.text.codes import strip_codes  # noqa: E402

CORPUS = ROOT / "eval" / "leftovers"
SPLITS = ("dev", "dev-extra", "holdout")
REPORT_ONLY = ("unseen",)  # never in the default run, never for tuning
BASELINE_THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
LINE = re.compile(r"precision ([\d.]+).*recall ([\d.]+)")


class NaiveJudge:
    """Lingua on the whole text, one threshold: the baseline any team writes first."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold

    def judge_many(self, items: Sequence[tuple[str, str, str]]) -> list[Verdict]:
        texts = [strip_codes(text) for text, _, _ in items]
        batch = detector().compute_language_confidence_values_in_parallel(texts)
        verdicts = []
        for (text, expected, _), values in zip(items, batch, strict=True):
            conf = as_dict(values)
            found = max(LANGS, key=lambda lang: conf.get(lang, 0.0))
            foreign = found != expected and conf.get(found, 0.0) >= self.threshold
            verdicts.append(Verdict(text, expected, found, conf.get(found), foreign, "baseline"))
        return verdicts


def scored(labels: Path, findings_json: str, scorer: Path, verbose: bool) -> str:
    """The scorer's summary line (its -v listing too, if asked)."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as out:
        out.write(findings_json)
        out.flush()
        args = [sys.executable, str(scorer), str(labels), out.name]
        done = subprocess.run(
            [*args, "-v"] if verbose else args, capture_output=True, text=True, check=False
        )
    if verbose:
        return done.stdout.rstrip()
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr


def tolk_findings(split: str) -> str:
    """``tolk check`` on a split, through the command line."""
    # --all: judge afresh, never a stored result of the last run
    argv = ["check", str(CORPUS / split), "--all", "--format", "json"]
    check = subprocess.run(
        [sys.executable, "-m", "pipeline", *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if check.returncode not in (0, 1):  # 1 means findings, which is expected
        raise SystemExit(f"tolk check failed on {split}:\n{check.stderr}")
    return check.stdout


def baseline_findings(split: str, threshold: float) -> str:
    """The naive judge's findings on a split, through the same check and report."""
    files = [load_file(path) for path in find_inputs([CORPUS / split])]
    report = check_files(files, [MixedLanguage(CheckContext(judge=NaiveJudge(threshold)))])
    return json.dumps(to_json(report))


def fit_baseline(scorer: Path) -> float:
    """The baseline's threshold with the best F1 on the dev split."""
    best, best_f1 = BASELINE_THRESHOLDS[0], -1.0
    for threshold in BASELINE_THRESHOLDS:
        line = scored(
            CORPUS / "dev" / "labels.json", baseline_findings("dev", threshold), scorer, False
        )
        m = LINE.search(line)
        if m is None:
            continue
        p, r = float(m.group(1)), float(m.group(2))
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        if f1 > best_f1:
            best, best_f1 = threshold, f1
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--split",
        choices=SPLITS + REPORT_ONLY,
        action="append",
        help="default: dev, dev-extra and holdout; unseen only when named",
    )
    ap.add_argument(
        "--scorer",
        type=Path,
        default=Path("../shared/eval/score_leftovers.py"),
        help="path of score_leftovers.py, relative to the repository root if not absolute",
    )
    ap.add_argument("--no-baseline", action="store_true", help="score Tolk only")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses, FPs and traps")
    args = ap.parse_args(argv)
    scorer = args.scorer if args.scorer.is_absolute() else (ROOT / args.scorer).resolve()
    if not scorer.is_file():
        print(f"scorer not found: {scorer}", file=sys.stderr)
        return 2
    threshold = None if args.no_baseline else fit_baseline(scorer)
    for split in args.split or SPLITS:
        labels = CORPUS / split / "labels.json"
        print(f"{split:8} tolk      {scored(labels, tolk_findings(split), scorer, args.verbose)}")
        if threshold is not None:
            line = scored(labels, baseline_findings(split, threshold), scorer, args.verbose)
            print(f"{split:8} baseline  {line}  (Lingua alone, threshold {threshold})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
