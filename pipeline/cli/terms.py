"""``tolk terms``: the names the leftover judge learns from the site's own pages."""

from __future__ import annotations

import argparse
import json
import sys

from pipeline.cli.common import EXIT_OK, Subparsers, add_command, default_paths, shown
from pipeline.config import Settings
from pipeline.errors import InputError


def run(args: argparse.Namespace, settings: Settings) -> int:
    """List the learned site terms, where they were seen, for a person to confirm or veto."""
    from pipeline.checks.inputs import find_inputs, load_file
    from pipeline.language_id.evidence import SiteEvidence
    from pipeline.project import fixed_dir, glossary_path, site_term_vetoes

    paths = args.path or default_paths(settings, settings.sources, settings.build)
    pages = [
        load_file(path, args.lang)
        for path in find_inputs(paths, exclude=[shown(fixed_dir(settings))])
        if path.suffix.lower() != ".po"
    ]
    if not pages:
        raise InputError(f"no HTML pages found in {', '.join(map(str, paths))}")
    items = [(item, page.path) for page in pages for item in page.items if item.foreign is None]
    site = SiteEvidence.learn(
        ((item.text, item.lang) for item, _ in items),
        files=(path for _, path in items),
        vetoed=site_term_vetoes(settings),
    )
    terms = site.terms()
    if args.format == "json":
        payload = [
            {"term": t.term, "langs": list(t.langs), "seen": t.seen, "files": list(t.files)}
            for t in terms
        ]
        json.dump({"terms": payload}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    if not terms:
        print("no site terms: no capitalised word is written inside sentences in two languages")
        return EXIT_OK
    width = max(len(t.term) for t in terms)
    for t in terms:
        where = ", ".join(t.files[:3]) + (f" (+{len(t.files) - 3})" if len(t.files) > 3 else "")
        print(f"{t.term:<{width}}  {'/'.join(t.langs):<8}  {t.seen:>4}x  {where}")
    print(
        f"{len(terms)} site terms, neutral when judging leftovers; "
        f"veto one with a '!term' line in {settings.relative(glossary_path(settings))}"
    )
    return EXIT_OK


def register(sub: Subparsers) -> None:
    """Add ``tolk terms`` to the parser."""
    p = add_command(
        sub,
        "terms",
        run,
        "List the site's own names (people, products, places) learned from its pages.",
        "tolk terms source_articles build\n  tolk terms --format json",
    )
    p.add_argument("path", nargs="*", help="pages or folders; default: sources and build")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--lang", help="page language when <html lang> is missing or wrong")
