"""Benchmark: ``tolk report`` on 200 articles, against a plain extract + build.

Run as ``python bench/bench_report.py [N]`` (default 200 articles; a minute or
two). It copies the bundled articles and their catalogs under new names
into a temporary project until there are N, runs ``tolk extract`` and
``tolk build`` (the peer: the work every report follows), then times the
report in its two parts:

* ``tolk report`` as staff run it: the checks (through the report's seam,
  the check runner) and the site;
* the checks alone, and ``tolk report --findings FILE``: reading the project,
  catalogs and built pages, placing the findings and writing the site.

It prints pages per second, the largest page (the issue's budget is 2 MB a
page) and the ratio of the report to extract + build.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline import cli, report
from pipeline.cli import report as report_verb
from pipeline.config import load_settings

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = 200


def make_project(folder: Path, count: int) -> Path:
    """A project of ``count`` articles: the bundled ones, copied under new names."""
    sources = sorted((ROOT / "source_articles").glob("*.html"))
    (folder / "source_articles").mkdir(parents=True)
    for i in range(count):
        src = sources[i % len(sources)]
        name = f"{src.stem}-{i:03d}"
        shutil.copyfile(src, folder / "source_articles" / f"{name}.html")
        for po in (ROOT / "locales").glob(f"*/LC_MESSAGES/{src.stem}.po"):
            dest = folder / "locales" / po.parent.relative_to(ROOT / "locales") / f"{name}.po"
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(po, dest)
    (folder / "tolk.toml").write_text('languages = ["fr", "nl", "en"]\n', encoding="utf-8")
    return folder


def tolk(project: Path, *argv: str) -> int:
    return cli.main(["--config", str(project / "tolk.toml"), "-q", *argv])


def timed(label: str, run: object) -> float:
    started = time.perf_counter()
    assert callable(run)
    run()
    took = time.perf_counter() - started
    print(f"{label:<34} {took:7.2f} s", flush=True)
    return took


def report_command(settings_path: Path, *argv: str) -> None:
    """``tolk report`` through the parser lines :func:`pipeline.cli.report.register` adds."""
    parser = argparse.ArgumentParser(prog="tolk")
    report_verb.register(parser.add_subparsers())
    ns = parser.parse_args(["report", *argv])
    ns.handler(ns, load_settings(settings_path))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", type=int, default=ARTICLES)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tolk-bench-report-") as tmp:
        project = make_project(Path(tmp) / "project", args.articles)
        config = project / "tolk.toml"
        settings = load_settings(config)
        print(f"{args.articles} articles in {project}")

        t_extract = timed("peer: tolk extract", lambda: tolk(project, "extract"))
        t_build = timed("peer: tolk build", lambda: tolk(project, "build"))
        t_whole = timed("tolk report (checks included)", lambda: report_command(config))

        found: list[report.Findings] = []
        t_checks = timed(
            "  of which the checks",
            lambda: found.append(report.collect_findings(settings, report.check_paths(settings))),
        )
        findings = found[0]
        saved = Path(tmp) / "findings.json"
        saved.write_text(json.dumps({"findings": list(findings.items)}), encoding="utf-8")
        t_report = timed(
            "tolk report --findings FILE", lambda: report_command(config, "--findings", str(saved))
        )

        out = settings.build / "report"
        pages = sorted(out.rglob("*.html"))
        largest = max(pages, key=lambda p: p.stat().st_size)
        total = sum(p.stat().st_size for p in pages)
        peer = t_extract + t_build
        print()
        print(f"findings:            {len(findings.items)} ({findings.origin})")
        print(f"pages:               {len(pages)} ({total / 1e6:.1f} MB in all)")
        print(f"report speed:        {len(pages) / t_report:.0f} pages/s without the checks")
        print(
            f"largest page:        {largest.stat().st_size / 1e3:.0f} kB ({largest.name}); "
            f"budget {report.MAX_PAGE_BYTES / 1e6:.0f} MB"
        )
        print(
            f"report / (extract + build): {t_report / peer:.2f}x without the checks, "
            f"{t_whole / peer:.2f}x with them (peer {peer:.2f} s; checks alone {t_checks:.2f} s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
