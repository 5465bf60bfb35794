"""Fit the leftover judge's few parameters on the dev split of eval/leftovers.

Usage::

    python bench/fit_judge.py            # coordinate search, prints the best Params
    python bench/fit_judge.py --rounds 3 --scorer ../shared/eval/score_leftovers.py

The pages are loaded once; each candidate runs the real mixed-language check
over them and is scored by the shared scorer (``../shared/eval``), so the
figure is the one ``tolk check`` gets. Only the dev split is read: the holdout
split is for reporting (``bench/eval_leftovers.py``), never for fitting.
The objective is F1 with a penalty per trap flagged.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.checks.language import MixedLanguage  # noqa: E402
from pipeline.checks.output import to_json  # noqa: E402
from pipeline.checks.runner import check_files, find_inputs, load_file  # noqa: E402
from pipeline.language_id.evidence import EvidenceJudge, Params  # noqa: E402

DEV = ROOT / "eval" / "leftovers" / "dev"
GRID: dict[str, list[float]] = {
    "floor": [1.0, 1.5, 2.0, 2.5],
    "clip": [2.0, 2.5, 3.0, 4.0],
    "name_weight": [0.0, 0.15, 0.3, 0.5],
    "rare_zipf": [2.0, 2.5, 3.0],
    "rare_weight": [0.2, 0.3, 0.5, 1.0],
    "lingua_weight": [0.0, 1.5, 3.0, 5.0],
    "lingua_min_words": [1, 2, 3],
    "threshold": [1.5, 2.0, 2.25, 2.5, 3.0, 3.5],
    "span_threshold": [3.0, 4.0, 5.0, 6.0],
    "switch_cost": [0.5, 1.0, 1.5, 2.5, 4.0],
    "native_zipf": [3.0, 3.5, 4.0, 4.5, 5.0, 9.0],
}
SCORE = re.compile(r"precision ([\d.]+).*recall ([\d.]+).*traps flagged (\d+)")


def score(params: Params, files: list, scorer: Path) -> tuple[float, float, float, int]:
    """(objective, precision, recall, traps) of one parameter set on the dev pages."""
    check = MixedLanguage(judge=EvidenceJudge(params=params))
    report = check_files(files, [check])
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as out:
        json.dump(to_json(report), out)
        out.flush()
        line = subprocess.run(
            [sys.executable, str(scorer), str(DEV / "labels.json"), out.name],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
    m = SCORE.search(line)
    if m is None:
        raise SystemExit(f"scorer said: {line}")
    p, r, traps = float(m.group(1)), float(m.group(2)), int(m.group(3))
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f1 - 0.005 * traps, p, r, traps


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared/eval/score_leftovers.py")
    args = ap.parse_args(argv)
    files = [load_file(path) for path in find_inputs([DEV])]
    best = Params()
    best_score = score(best, files, args.scorer)
    print(f"start  {best_score}")
    for rnd in range(args.rounds):
        changed = False
        for name, values in GRID.items():
            for value in values:
                candidate = dataclasses.replace(best, **{name: value})
                result = score(candidate, files, args.scorer)
                if result[0] > best_score[0] + 1e-9:
                    best, best_score, changed = candidate, result, True
                    print(f"round {rnd + 1} {name}={value}: {result}")
        if not changed:
            break
    print("best", best)
    print("dev objective, precision, recall, traps:", best_score)
    return 0


if __name__ == "__main__":
    sys.exit(main())
