"""Fit the leftover judge's few parameters on the dev side of eval/leftovers (dev, dev-extra).

Usage::

    python bench/fit_judge.py            # coordinate search, prints the best Params
    python bench/fit_judge.py --rounds 3 --scorer ../shared/eval/score_leftovers.py

The pages are loaded once; each candidate runs the real mixed-language check
over them and is scored by the shared scorer (``../shared/eval``), so the
figure is the one ``tolk check`` gets. Only the dev split is read: the holdout
split is for reporting (``bench/eval_leftovers.py``), never for fitting.
The objective is F1 with a penalty per trap flagged, plus half the accuracy on
the ``tune`` split of the labelled strings in tests/data/language_cases (their
``holdout`` split is a test, never fitted on).
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
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.checks.base import CheckContext  # noqa: E402
from pipeline.checks.language import MixedLanguage  # noqa: E402
from pipeline.checks.output import to_json  # noqa: E402
from pipeline.checks.runner import check_files, find_inputs, load_file  # noqa: E402
from pipeline.language_id.evidence import EvidenceJudge, Params  # noqa: E402

DEVS = (ROOT / "eval" / "leftovers" / "dev", ROOT / "eval" / "leftovers" / "dev-extra")
"""The dev side: the corpus's dev split and the hand-written dev-extra pages."""
DEV_LABELS = Path(tempfile.gettempdir()) / "tolk-fit-judge-labels.json"
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
    "loan_zipf": [0.0, 1.0, 1.5, 2.0, 2.5, 99.0],
    "switch_cost": [0.5, 1.0, 1.5, 2.5, 4.0],
    "native_zipf": [3.0, 3.5, 4.0, 4.5, 5.0, 9.0],
}
SCORE = re.compile(r"precision ([\d.]+).*recall ([\d.]+).*traps flagged (\d+)")


CASES = ROOT / "tests" / "data" / "language_cases"


def tune_cases() -> dict[tuple[str, ...], list[dict[str, Any]]]:
    """The tune split of the labelled strings, grouped by glossary."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for path in sorted(CASES.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            if case["split"] == "tune":
                groups.setdefault(tuple(case.get("glossary", ())), []).append(case)
    return groups


def case_accuracy(params: Params, groups: dict[tuple[str, ...], list[dict[str, Any]]]) -> float:
    """Share of the tune strings judged as labelled."""
    right = total = 0
    for glossary, cases in groups.items():
        judge = EvidenceJudge(glossary=glossary, params=params)
        verdicts = judge.judge_many([(c["text"], c["page_lang"], c["context"]) for c in cases])
        for case, verdict in zip(cases, verdicts, strict=True):
            leftover = case["expected"] == "leftover"
            ok = verdict.foreign == leftover and (
                not leftover or verdict.found == case.get("found_lang", verdict.found)
            )
            right += ok
            total += 1
    return right / total if total else 0.0


def score(
    params: Params, files: list, scorer: Path, groups: dict[tuple[str, ...], list[dict[str, Any]]]
) -> tuple[float, float, float, int, float]:
    """(objective, precision, recall, traps, tune accuracy) of one parameter set."""
    check = MixedLanguage(CheckContext(judge=EvidenceJudge(params=params)))
    report = check_files(files, [check])
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as out:
        json.dump(to_json(report), out)
        out.flush()
        line = subprocess.run(
            [sys.executable, str(scorer), str(DEV_LABELS), out.name],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
    m = SCORE.search(line)
    if m is None:
        raise SystemExit(f"scorer said: {line}")
    p, r, traps = float(m.group(1)), float(m.group(2)), int(m.group(3))
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    accuracy = case_accuracy(params, groups)
    return f1 - 0.005 * traps + 0.5 * accuracy, p, r, traps, accuracy


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared/eval/score_leftovers.py")
    args = ap.parse_args(argv)
    files = [load_file(path) for path in find_inputs(list(DEVS))]
    pages: dict[str, Any] = {}
    for folder in DEVS:
        pages.update(json.loads((folder / "labels.json").read_text(encoding="utf-8"))["pages"])
    DEV_LABELS.write_text(json.dumps({"pages": pages}, ensure_ascii=False), encoding="utf-8")
    best = Params()
    groups = tune_cases()
    best_score = score(best, files, args.scorer, groups)
    print(f"start  {best_score}")
    for rnd in range(args.rounds):
        changed = False
        for name, values in GRID.items():
            for value in values:
                candidate = dataclasses.replace(best, **{name: value})
                result = score(candidate, files, args.scorer, groups)
                if result[0] > best_score[0] + 1e-9:
                    best, best_score, changed = candidate, result, True
                    print(f"round {rnd + 1} {name}={value}: {result}")
        if not changed:
            break
    print("best", best)
    print("objective, dev precision, dev recall, dev traps, tune accuracy:", best_score)
    return 0


if __name__ == "__main__":
    sys.exit(main())
