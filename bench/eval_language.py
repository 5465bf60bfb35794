"""Precision and recall of leftover detection on the labelled language cases.

Usage::

    python bench/eval_language.py                 # tune and holdout, separately
    python bench/eval_language.py --split tune    # what you look at while tuning
    python bench/eval_language.py --set threshold=3.0 --split tune

A case is a true positive when it is labelled "leftover" and the judge flags it;
precision and recall are about that flag. A flagged leftover whose language is
wrong ("nl" found for an English string) still counts as detected, but is listed
with the misclassified cases, since the tests require the language too.
Always exits 0: this is a report, the tests are the gate.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import dataclasses  # noqa: E402

from pipeline.language_id.evidence import EvidenceJudge, Params  # noqa: E402
from pipeline.language_id.verdicts import Verdict  # noqa: E402

CASES_DIR = ROOT / "tests" / "data" / "language_cases"


@dataclass(frozen=True)
class Case:
    """One labelled case, as read from a JSON file."""

    id: str
    text: str
    page_lang: str
    context: str
    leftover: bool
    found_lang: str | None
    split: str
    glossary: tuple[str, ...]
    xfail: bool


def load_cases(directory: Path = CASES_DIR) -> list[Case]:
    """Every case of every JSON file, with ids ``file:label``."""
    cases: list[Case] = []
    for path in sorted(directory.glob("*.json")):
        raw: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
        for item in raw:
            cases.append(
                Case(
                    id=f"{path.stem}:{item['label']}",
                    text=item["text"],
                    page_lang=item["page_lang"],
                    context=item["context"],
                    leftover=item["expected"] == "leftover",
                    found_lang=item.get("found_lang"),
                    split=item["split"],
                    glossary=tuple(item.get("glossary", ())),
                    xfail=bool(item.get("xfail", False)),
                )
            )
    return cases


def judge_cases(cases: Sequence[Case], **params: Any) -> list[Verdict]:
    """Verdicts for ``cases`` in order, one batched call per glossary."""
    verdicts: dict[str, Verdict] = {}
    by_glossary: dict[tuple[str, ...], list[Case]] = {}
    for case in cases:
        by_glossary.setdefault(case.glossary, []).append(case)
    for glossary, group in by_glossary.items():
        judge = EvidenceJudge(glossary=glossary, params=dataclasses.replace(Params(), **params))
        results = judge.judge_many([(c.text, c.page_lang, c.context) for c in group])
        verdicts.update({c.id: v for c, v in zip(group, results, strict=True)})
    return [verdicts[c.id] for c in cases]


def report(name: str, cases: Sequence[Case], verdicts: Sequence[Verdict]) -> None:
    """Print the scores and the misclassified cases of one split."""
    tp = sum(c.leftover and v.foreign for c, v in zip(cases, verdicts, strict=True))
    fp = sum(not c.leftover and v.foreign for c, v in zip(cases, verdicts, strict=True))
    fn = sum(c.leftover and not v.foreign for c, v in zip(cases, verdicts, strict=True))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    wrong_lang = [
        (c, v)
        for c, v in zip(cases, verdicts, strict=True)
        if c.leftover and v.foreign and v.found != c.found_lang
    ]
    leftovers = sum(c.leftover for c in cases)
    print(f"== {name}: {len(cases)} cases, {leftovers} leftovers, {len(cases) - leftovers} ok")
    print(f"   precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    print(f"   tp {tp}  fp {fp}  fn {fn}  flagged with the wrong language {len(wrong_lang)}")
    wrong = [
        (c, v)
        for c, v in zip(cases, verdicts, strict=True)
        if c.leftover != v.foreign or (c.leftover and v.found != c.found_lang)
    ]
    for c, v in wrong:
        want = f"leftover/{c.found_lang}" if c.leftover else "ok"
        got = f"{'leftover' if v.foreign else 'ok'}/{v.found} {v.reason}"
        conf = f" {v.confidence:.2f}" if v.confidence is not None else ""
        mark = " [xfail]" if c.xfail else ""
        print(f"   - {c.id}{mark}: want {want}, got {got}{conf} | {c.text[:80]!r}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation; see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tune", "holdout", "all"), default="all")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a judge parameter (language_id.evidence.Params), e.g. threshold=3.0",
    )
    args = parser.parse_args(argv)
    params: dict[str, Any] = {}
    for item in args.set:
        name, _, value = item.partition("=")
        params[name] = float(value) if "." in value else int(value)
    cases = load_cases()
    splits = ("tune", "holdout") if args.split == "all" else (args.split,)
    started = time.perf_counter()
    for split in splits:
        chosen = [c for c in cases if c.split == split]
        report(split, chosen, judge_cases(chosen, **params))
    print(f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
