"""``tolk init``: a new project in one command.

Writes the settings (``tolk.toml``), the folders, an empty glossary and a
``ui.po`` per language seeded with common page furniture from
``pipeline/data/furniture.tsv`` (a data file that names its source), so the
first ``tolk fix`` can already repair "Written by" on a French page. It never
overwrites: a project that exists is someone's work.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.catalogs import po as catalog
from pipeline.errors import InputError
from pipeline.languages import LANGUAGES
from pipeline.project import GLOSSARY_FILE

FURNITURE = Path(__file__).resolve().parent.parent / "data" / "furniture.tsv"

SETTINGS_TEXT = f"""\
# Tolk settings: every key is optional; these are the defaults.
source_dir = "source_articles"
locales_dir = "locales"
build_dir = "build"
languages = [{", ".join(f'"{lang}"' for lang in LANGUAGES)}]
# May `tolk fix` paste machine output into pages unreviewed?
apply_machine_fixes = false
# Does `tolk build` publish fuzzy (unreviewed) translations, or the source text?
publish_fuzzy = true
"""

GLOSSARY_TEXT = "# Do-not-translate terms, one a line: brand, product and person names.\n"


def furniture_rows(path: Path = FURNITURE) -> list[dict[str, str]]:
    """The furniture table: one dict (language -> text) per row, comments skipped."""
    lines = [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]


def planned_files(root: Path) -> list[Path]:
    """Every file ``tolk init`` writes under ``root``."""
    locales = root / "locales"
    return [
        root / "tolk.toml",
        locales / GLOSSARY_FILE,
        *(catalog.ui_catalog_path(locales, lang) for lang in LANGUAGES),
    ]


def init_project(root: Path) -> list[Path]:
    """Create a project in ``root``; the files written.

    Raises :class:`InputError` naming the first file that exists, before
    anything is written.
    """
    for path in planned_files(root):
        if path.exists():
            raise InputError(
                "already exists: tolk init never overwrites",
                path=path,
                hint="run it in an empty folder, or remove the file",
            )
    for folder in ("source_articles", "build", "locales/templates"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "tolk.toml").write_text(SETTINGS_TEXT, encoding="utf-8")
    (root / "locales" / GLOSSARY_FILE).write_text(GLOSSARY_TEXT, encoding="utf-8")
    rows = furniture_rows()
    for lang in LANGUAGES:
        items = [
            (src, row[src], row[lang])
            for row in rows
            for src in LANGUAGES
            if src != lang and row.get(src) and row.get(lang)
        ]
        catalog.seed_furniture(catalog.ui_catalog_path(root / "locales", lang), lang, items)
    return planned_files(root)
