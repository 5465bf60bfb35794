"""Segments <-> gettext catalogs: templates, msgmerge-style updates, statistics.

polib is used only here. Catalogs follow gettext's conventions so Poedit,
Lokalize and Weblate show them as their users expect: ``msgctxt`` holds the
segment's stable key, ``#:`` the source line, ``#.`` the location and any
note for translators, and flags say what a machine did. Updates follow
msgmerge: unchanged text keeps its translation, changed text keeps the old
one as fuzzy with ``#| msgid``, vanished entries become obsolete, and a
translator's reviewed (non-fuzzy) translation is never replaced without force.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import TypeAlias

import polib
from rapidfuzz import fuzz

from pipeline import __version__
from pipeline.errors import CatalogError
from pipeline.languages import display_name, plural_forms
from pipeline.segments import Page
from pipeline.storage import write_atomic
from pipeline.text.codes import CODE_RE, describe_codes

Catalog: TypeAlias = polib.POFile
"""A loaded .po or .pot file; code outside ``catalogs/`` names it by this alias
and never imports polib."""
Entry: TypeAlias = polib.POEntry
"""One entry of a :data:`Catalog`."""

WRAP_WIDTH = 79  # what msgmerge and xgettext use, so diffs match gettext tools
GENERATOR = f"Tolk {__version__}"
FUZZY_MATCH_THRESHOLD = 70.0  # similarity (0-100) for msgmerge-style fuzzy carry-over
MACHINE_PREFIX = "machine: "
MEMORY_PREFIX = "memory: "
KEPT_PREFIX = "kept: "
# Extracted-comment lines that say where a translation came from; an update
# carries them over with the translation.
ORIGIN_PREFIXES = (MACHINE_PREFIX, MEMORY_PREFIX, KEPT_PREFIX)


# A wrapped line may end after a run of spaces (as msgcat breaks), and, as
# gettext's Unicode line breaking does, after a hyphen between letters or after
# a slash before a letter ("gov/" "compound"), or at the end of the text.
_BREAK = r"(?:(?<= )(?! )|(?<=[^\W\d_]-)(?=[^\W\d_])|(?<=/)(?=[^\W\d_])|\Z)"


@lru_cache(maxsize=8)
def _line_pattern(width: int) -> re.Pattern[str]:
    # The longest run of at most ``width`` characters that ends at a break,
    # else (one unbreakable piece longer than the width) up to the next break.
    return re.compile(rf".{{1,{width}}}{_BREAK}|.+?{_BREAK}", re.S)


def _wrap_like_gettext(escaped: str, width: int) -> list[str]:
    """Greedy wrap of an escaped string, breaking after spaces as msgcat does.

    One regular expression does the greedy fill, so a 10 MB msgstr wraps in
    linear time inside the regex engine rather than a Python loop per word.

    >>> _wrap_like_gettext("een twee drie", 9)
    ['een twee ', 'drie']
    >>> _wrap_like_gettext("aaaaaaaaaaaa b", 4)
    ['aaaaaaaaaaaa ', 'b']
    >>> _wrap_like_gettext("zelf-test gov/nl", 6)
    ['zelf-', 'test ', 'gov/nl']
    """
    return _line_pattern(width).findall(escaped)


def _str_field(
    self: polib._BaseEntry,
    fieldname: str,
    delflag: str,
    plural_index: str,
    field: str,
    wrapwidth: int = WRAP_WIDTH,
) -> list[str]:
    """polib's field writer, wrapping the way GNU gettext does.

    polib's textwrap puts the space that overflows a line at the start of
    the next; msgcat keeps it at the end. Writing like gettext means a
    translator's tool that rewraps (Poedit, msgmerge) changes nothing.
    """
    return list(_field_lines(fieldname, delflag, plural_index, field, wrapwidth))


@lru_cache(maxsize=8192)
def _field_lines(
    fieldname: str, delflag: str, plural_index: str, field: str, wrapwidth: int
) -> tuple[str, ...]:
    """:func:`_str_field`'s lines, remembered: extract writes each msgid and
    msgctxt three times (the template and a catalog per target language)."""
    name = fieldname[9:] if fieldname.startswith("previous_") else fieldname
    head = f"{delflag}{name}{plural_index} "
    pieces = field.splitlines(True) or [""]
    escaped_pieces = [polib.escape(piece) for piece in pieces]
    single = escaped_pieces[0] if len(pieces) == 1 else None
    if single is not None and len(head) + len(single) + 2 <= wrapwidth:
        return (f'{head}"{single}"',)
    lines = [f'{head}""']
    for piece in escaped_pieces:
        for line in _wrap_like_gettext(piece, wrapwidth - 2):
            lines.append(f'{delflag}"{line}"')
    return tuple(lines)


@contextmanager
def _gettext_wrapping() -> Iterator[None]:
    """Let polib write fields with :func:`_str_field` while the block runs.

    Only Tolk's own rendering needs gettext's wrapping, so polib is patched
    for the length of a render and restored after, never for the whole
    process on import (other users of polib in the same process keep theirs).
    """
    original = polib._BaseEntry._str_field
    polib._BaseEntry._str_field = _str_field
    try:
        yield
    finally:
        polib._BaseEntry._str_field = original


@dataclass(frozen=True)
class Suggestion:
    """A translation offered for a new entry (by the translation memory)."""

    text: str
    fuzzy: bool
    origin: str
    score: float = 100.0


Suggest = Callable[[str], Suggestion | None]


@dataclass(frozen=True)
class UpdateStats:
    """What an update did to one catalog."""

    kept: int = 0  # translated entries kept as they were
    fuzzied: int = 0
    from_memory: int = 0
    new: int = 0  # new source text nothing could fill
    obsoleted: int = 0
    empty: int = 0  # unchanged entries still without a translation


@dataclass(frozen=True)
class CatalogStats:
    """Completeness of one catalog, in entries and in source words."""

    path: str
    article: str
    lang: str
    translated: int
    fuzzy: int
    untranslated: int
    translated_words: int
    fuzzy_words: int
    untranslated_words: int

    @property
    def total(self) -> int:
        """Number of entries."""
        return self.translated + self.fuzzy + self.untranslated

    @property
    def total_words(self) -> int:
        """Number of source words."""
        return self.translated_words + self.fuzzy_words + self.untranslated_words

    @property
    def percent(self) -> float:
        """Share of source words translated and reviewed, 0-100."""
        return 100.0 if not self.total_words else 100.0 * self.translated_words / self.total_words


def template_path(locales: Path, article: str) -> Path:
    """``locales/templates/<article>.pot``."""
    return locales / "templates" / f"{article}.pot"


def catalog_path(locales: Path, lang: str, article: str) -> Path:
    """``locales/<lang>/LC_MESSAGES/<article>.po``."""
    return locales / lang / "LC_MESSAGES" / f"{article}.po"


def _header(article: str, lang: str | None, source_lang: str) -> dict[str, str]:
    meta = {
        "Project-Id-Version": f"{article}",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": "",
        "PO-Revision-Date": "",
        "Last-Translator": "",
        "Language-Team": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": GENERATOR,
        "X-Source-Language": source_lang,
    }
    if lang:
        meta["Language"] = lang
        meta["Language-Team"] = f"{display_name(lang)} <{lang}@li.org>"
        meta["Plural-Forms"] = plural_forms(lang)
    return meta


def new_catalog(article: str, lang: str | None, source_lang: str) -> polib.POFile:
    """An empty catalog (``lang=None``: a template) with Babel-derived headers."""
    po = polib.POFile(wrapwidth=WRAP_WIDTH)
    po.metadata = _header(article, lang, source_lang)
    po.header = f"Tolk catalog for {article}." if lang else f"Tolk template for {article}."
    return po


def build_template(page: Page, article: str, source_ref: str) -> polib.POFile:
    """The .pot of a page: one entry per translatable segment, in page order."""
    pot = new_catalog(article, None, page.lang)
    for seg in page.translatable:
        comments = [seg.location]
        if seg.code_tags:
            comments.append(describe_codes(seg.text, seg.code_tags))
        if seg.note:
            comments.append(f"Note: {seg.note}")
        pot.append(
            polib.POEntry(
                msgctxt=seg.key,
                msgid=seg.text,
                msgstr="",
                occurrences=[(source_ref, str(seg.line))],
                comment="\n".join(comments),
                flags=[f"tolk-{seg.context}"] if seg.context != "text" else [],
            )
        )
    return pot


_PO_LINE = re.compile(
    # the string body "unrolled" (runs of plain characters between escapes), not
    # one alternation per character: a 10 MB msgstr is checked in a blink
    r'^(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"[^"\\]*(?:\\.[^"\\]*)*"$'
)


def check_syntax(text: str, path: Path) -> None:
    r"""Reject what msgfmt rejects and polib lets through (an unterminated string).

    >>> check_syntax('msgid "a"\nmsgstr "b"\n', Path("x.po"))
    >>> check_syntax('msgid "a"\nmsgstr "b\n', Path("x.po"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    pipeline.errors.CatalogError: x.po:2: invalid catalog: unterminated or malformed string ...
    """
    # Lines end at \n only, as for msgfmt and polib's file reader: U+2028, U+2029,
    # \v or \f inside a string are text, not line breaks.
    for number, raw in enumerate(text.replace("\r\n", "\n").split("\n"), 1):
        line = raw.strip()
        if line.startswith(("#~", "#|")):
            line = line[2:].strip()
            if line.startswith("|"):
                line = line[1:].strip()
        elif line.startswith("#") or not line:
            continue
        if not _PO_LINE.match(line):
            raise CatalogError(
                "invalid catalog: unterminated or malformed string",
                path=path,
                line=number,
                hint="fix the entry (msgfmt --check shows details); nothing was written",
            )


def _read_regular(path: Path) -> bytes:
    """The file's bytes; a FIFO or device is refused, not opened for reading (it
    would wait forever for a writer)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise CatalogError(
                "not a regular file",
                path=path,
                hint="a catalog is a .po text file; remove or replace this one",
            )
        with open(fd, "rb", closefd=False) as handle:
            return handle.read()
    finally:
        os.close(fd)


def load_catalog(path: Path) -> polib.POFile:
    """Parse a .po/.pot file; a syntax error becomes one line naming file and line.

    The catalog remembers the bytes it was parsed from (see :func:`save_catalog`),
    so a save can tell whether someone changed the file in the meantime.
    """
    path = Path(path)
    for _attempt in range(5):
        try:
            data = _read_regular(path)
            check_syntax(data.decode("utf-8-sig"), path)
            # polib's own check_for_duplicates compares each new entry with every
            # earlier one by rendering both: quadratic, minutes for 20,000 entries.
            po = _parse(data.decode("utf-8-sig"), path)
            if _read_regular(path) != data:
                continue  # saved while polib read it: read the new version
            _refuse_duplicates(po, path)
        except (OSError, ValueError) as exc:
            text = str(exc)
            m = re.search(r"line (\d+)", text)
            line = int(m.group(1)) if m else None
            message = re.sub(r"\s*\(line \d+\)", "", text).strip() or "cannot parse"
            if isinstance(exc, FileNotFoundError):
                raise CatalogError("catalog not found", path=path) from None
            if isinstance(exc, UnicodeDecodeError):
                message, line = f"not UTF-8 text (byte {exc.start})", None
            raise CatalogError(
                f"invalid catalog: {message}",
                path=path,
                line=line,
                hint="fix the entry (msgfmt --check shows details); nothing was written",
            ) from None
        _remember_base(po, path, data)
        return po
    raise CatalogError(
        "the catalog keeps changing while Tolk reads it", path=path, hint="try again"
    )


_LONG_RUN = 64
"""Continuation lines of one string past which :func:`_parse` joins them first."""


def _parse(text: str, path: Path | None = None) -> polib.POFile:
    """polib's parse of ``text``, in linear time however long a string is.

    polib adds each continuation line to its field with ``+=`` on an attribute,
    which copies the field every time: a 10 MB msgstr (130,000 lines) took
    minutes. A string of more than :data:`_LONG_RUN` lines is joined into one
    line before polib reads it (each line is a whole escaped string, so the
    joined one means the same), and line numbers are mapped back. Ordinary
    catalogs are read from ``path`` as they are.
    """
    lines = text.split("\n")
    runs, run = 0, 0
    for line in lines:
        run = run + 1 if line.startswith('"') else 0
        runs = max(runs, run)
    if runs <= _LONG_RUN:
        return polib.pofile(str(path) if path is not None else text, wrapwidth=WRAP_WIDTH)
    joined: list[list[str]] = []  # each joined line as its pieces, put together once
    origin: list[int] = []  # the original line number of each joined line
    for number, line in enumerate(lines, 1):
        if line.startswith('"') and joined:
            last = joined[-1]
            if last[-1].rstrip().endswith('"') and last[0].startswith(('"', "msg")):
                last[-1] = last[-1].rstrip()[:-1]
                last.append(line.rstrip()[1:])
                continue
        joined.append([line])
        origin.append(number)
    try:
        po = polib.pofile("\n".join("".join(pieces) for pieces in joined), wrapwidth=WRAP_WIDTH)
    except (OSError, ValueError) as exc:
        m = re.search(r"line (\d+)", str(exc))
        if m and int(m.group(1)) <= len(origin):
            where = f"line {origin[int(m.group(1)) - 1]}"
            raise ValueError(str(exc).replace(m.group(0), where)) from None
        raise
    for entry in po:
        if entry.linenum and entry.linenum <= len(origin):
            entry.linenum = origin[entry.linenum - 1]
    return po


def _refuse_duplicates(po: polib.POFile, path: Path) -> None:
    """Refuse two live entries with one msgctxt and msgid, as msgfmt does (in one pass)."""
    seen: set[tuple[str | None, str]] = set()
    for entry in po:
        if entry.obsolete or not (entry.msgid or entry.msgctxt):
            continue
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            raise CatalogError(
                f"invalid catalog: duplicate entry {_short_msgid(entry.msgid)}",
                path=path,
                line=entry.linenum,
                hint="remove one of the two entries (msgfmt --check shows details); "
                "nothing was written",
            )
        seen.add(key)


def _short_msgid(msgid: str) -> str:
    text = " ".join(msgid.split())
    return f'"{text[:60]}…"' if len(text) > 60 else f'"{text}"'


# -- never overwrite what someone saved after Tolk read it ---------------------
_BASE = "_tolk_base"


@dataclass(frozen=True)
class _Base:
    """What a catalog was when Tolk read it: the file's bytes and each entry's state."""

    path: Path
    digest: str
    states: dict[tuple[str | None, str], tuple[object, ...]]
    metadata: dict[str, str]


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _key(entry: polib.POEntry) -> tuple[str | None, str]:
    return (entry.msgctxt, entry.msgid)


def _state(entry: polib.POEntry) -> tuple[object, ...]:
    """Everything a person or Tolk may change in an entry."""
    return (
        entry.msgstr,
        tuple(sorted(entry.msgstr_plural.items())) if entry.msgstr_plural else (),
        tuple(entry.flags),
        bool(entry.obsolete),
        entry.tcomment or "",
        entry.comment or "",
        entry.previous_msgid,
        entry.previous_msgctxt,
        tuple(tuple(o) for o in entry.occurrences),
    )


def _remember_base(po: polib.POFile, path: Path, data: bytes) -> None:
    states = {_key(e): _state(e) for e in po}
    setattr(po, _BASE, _Base(path.resolve(), _digest(data), states, dict(po.metadata)))


def carry_base(new: polib.POFile, old: polib.POFile | None) -> None:
    """Let ``new`` (made from ``old``) be saved with ``old``'s change guard."""
    base = getattr(old, _BASE, None) if old is not None else None
    if base is not None:
        setattr(new, _BASE, base)


def _disk_digest(path: Path) -> str | None:
    try:
        return _digest(path.read_bytes())
    except FileNotFoundError:
        return None


def _merge_with_disk(
    ours: polib.POFile, base: _Base, theirs: polib.POFile
) -> tuple[polib.POFile, int]:
    """A three-way merge by entry: Tolk's changes where the file kept the base's entry.

    An entry the other writer (a translator's editor, another run) changed since
    Tolk read the file is kept as they saved it, whatever Tolk did to it; the
    count of those is returned so the caller can say so. The result follows
    ``ours``'s order, then the entries only ``theirs`` has.
    """
    theirs_by_key = {_key(e): e for e in theirs}
    merged = new_catalog("", None, "")
    merged.header = theirs.header or ours.header
    merged.metadata = dict(ours.metadata)
    for key, value in theirs.metadata.items():
        if key not in OWNED_HEADERS and value != base.metadata.get(key):
            merged.metadata[key] = value
    kept_theirs = 0
    placed: set[tuple[str | None, str]] = set()
    for entry in ours:
        key = _key(entry)
        placed.add(key)
        theirs_entry = theirs_by_key.get(key)
        before = base.states.get(key)
        if theirs_entry is None:
            if before is None:
                merged.append(entry)  # new in this run
            elif _state(entry) != before:
                kept_theirs += 1  # they removed an entry this run changed: theirs wins
            continue
        if before is not None and _state(theirs_entry) != before:
            merged.append(theirs_entry)  # they edited it: their edit stands
            if _state(entry) != before and _state(entry) != _state(theirs_entry):
                kept_theirs += 1
        else:
            merged.append(entry)
    for key, theirs_entry in theirs_by_key.items():
        if key in placed:
            continue
        before = base.states.get(key)
        if before is None or _state(theirs_entry) != before:
            merged.append(theirs_entry)  # they added it, or changed what this run dropped
    return merged, kept_theirs


def _is_machine(entry: polib.POEntry) -> bool:
    return any(c.startswith(MACHINE_PREFIX) for c in (entry.comment or "").splitlines())


def _with_origin(comment: str, origin: str | None) -> str:
    lines = [c for c in comment.splitlines() if not c.startswith(ORIGIN_PREFIXES)]
    if origin:
        lines.append(origin)
    return "\n".join(lines)


def _origin_comment(entry: polib.POEntry) -> str | None:
    for c in (entry.comment or "").splitlines():
        if c.startswith(ORIGIN_PREFIXES):
            return c
    return None


def origin_of(entry: polib.POEntry) -> str:
    """Where an entry's translation came from (``machine: ...``, ``memory: ...``), or ``""``.

    ``translate --dry-run`` shows it beside each change, so a person sees what
    would replace what.
    """
    return _origin_comment(entry) or ""


# Headers Tolk derives itself; every other header an editor set (X-Generator,
# X-Poedit-*, Last-Translator, Plural-Forms, ...) is kept as it was, so saving in Poedit and
# running extract do not take turns rewriting the header.
OWNED_HEADERS = frozenset(
    {
        "Project-Id-Version",
        "Language",
        "MIME-Version",
        "Content-Type",
        "Content-Transfer-Encoding",
        "X-Source-Language",
    }
)


def _keep_old_headers(po: polib.POFile, old: polib.POFile) -> None:
    for key, value in old.metadata.items():
        if key not in OWNED_HEADERS and value:
            po.metadata[key] = value
    po.header = old.header or po.header


def update_catalog(
    old: polib.POFile | None,
    template: polib.POFile,
    article: str,
    lang: str,
    source_lang: str,
    suggest: Suggest | None = None,
) -> tuple[polib.POFile, UpdateStats]:
    """Bring a catalog in line with a new template, the way msgmerge does.

    Matching goes from strongest to weakest so no entry takes another's
    translation: the same key and text first, then the same text elsewhere in
    the page (moved), then an obsolete entry with the same text (the sentence
    came back), then the most similar vanished entry (changed: fuzzy, with the
    previous msgid), and last the translation memory.
    """
    po = new_catalog(article, lang, source_lang)
    carry_base(po, old)
    if old is not None:
        _keep_old_headers(po, old)
    old_live = [e for e in old if not e.obsolete] if old is not None else []
    old_obsolete = [e for e in old if e.obsolete] if old is not None else []
    entries: list[tuple[polib.POEntry, polib.POEntry]] = []
    for tentry in template:
        entry = polib.POEntry(
            msgctxt=tentry.msgctxt,
            msgid=tentry.msgid,
            msgstr="",
            occurrences=list(tentry.occurrences),
            comment=tentry.comment,
            flags=list(tentry.flags),
        )
        entries.append((tentry, entry))
        po.append(entry)
    used: set[int] = set()
    matched: dict[int, polib.POEntry] = {}  # id(new entry) -> old entry

    def claim(
        candidates: dict[object, list[polib.POEntry]], key_of: Callable[[polib.POEntry], object]
    ) -> None:
        for tentry, entry in entries:
            if id(entry) in matched:
                continue
            for cand in candidates.get(key_of(tentry), []):
                if id(cand) not in used:
                    used.add(id(cand))
                    matched[id(entry)] = cand
                    break

    claim(_index(old_live, lambda e: (e.msgctxt, e.msgid)), lambda e: (e.msgctxt, e.msgid))
    claim(_index(old_live, lambda e: e.msgid), lambda e: e.msgid)
    claim(_index([e for e in old_obsolete if e.msgstr], lambda e: e.msgid), lambda e: e.msgid)
    kept = empty = fuzzied = from_memory = new = 0
    leftovers = [e for e in old_live if id(e) not in used and e.msgstr]
    for tentry, entry in entries:
        match = matched.get(id(entry))
        if match is not None:
            entry.msgstr = match.msgstr
            entry.tcomment = match.tcomment
            entry.flags = _merge_flags(tentry.flags, match.flags)
            entry.previous_msgid = match.previous_msgid if match.fuzzy else None
            entry.comment = _with_origin(tentry.comment, _origin_comment(match))
            if match.msgstr:
                kept += 1
            else:
                empty += 1
            continue
        # Changed text: carry the most similar vanished translation over as fuzzy.
        best = _closest(tentry, leftovers)
        if best is not None:
            leftovers.remove(best)
            used.add(id(best))
            entry.msgstr = best.msgstr
            entry.flags = _merge_flags(tentry.flags, [*best.flags, "fuzzy"])
            entry.previous_msgid = best.msgid
            entry.previous_msgctxt = best.msgctxt if best.msgctxt != entry.msgctxt else None
            entry.tcomment = best.tcomment
            fuzzied += 1
            continue
        hit = suggest(tentry.msgid) if suggest else None
        if hit is not None:
            entry.msgstr = hit.text
            if hit.fuzzy:
                entry.flags = _merge_flags(tentry.flags, ["fuzzy"])
            entry.comment = _with_origin(tentry.comment, f"{MEMORY_PREFIX}{hit.origin}")
            from_memory += 1
        else:
            new += 1
    obsoleted = 0
    for e in old_live:
        if id(e) not in used and e.msgstr:
            e.obsolete = True
            e.occurrences = []
            po.append(e)
            obsoleted += 1
    live_ids = {(e.msgctxt, e.msgid) for e in po if not e.obsolete}
    seen = {(e.msgctxt, e.msgid) for e in po if e.obsolete}
    for e in old_obsolete:
        if id(e) not in used and (e.msgctxt, e.msgid) not in live_ids | seen:
            po.append(e)
            seen.add((e.msgctxt, e.msgid))
    return po, UpdateStats(kept, fuzzied, from_memory, new, obsoleted, empty)


def _index(
    entries: list[polib.POEntry], key_of: Callable[[polib.POEntry], object]
) -> dict[object, list[polib.POEntry]]:
    index: dict[object, list[polib.POEntry]] = {}
    for e in entries:
        index.setdefault(key_of(e), []).append(e)
    return index


def _merge_flags(template_flags: Iterable[str], old_flags: Iterable[str]) -> list[str]:
    """Template flags (context) plus the old entry's own (fuzzy, ignore-*, ...)."""
    flags = [f for f in template_flags]
    for flag in old_flags:
        if not flag.startswith("tolk-") and flag not in flags:
            flags.append(flag)
    return flags


def _closest(tentry: polib.POEntry, candidates: list[polib.POEntry]) -> polib.POEntry | None:
    best: polib.POEntry | None = None
    best_score = FUZZY_MATCH_THRESHOLD
    where = tentry.comment.splitlines()[0] if tentry.comment else ""
    for cand in candidates:
        score = fuzz.ratio(tentry.msgid, cand.msgid, score_cutoff=best_score)
        if cand.comment and cand.comment.splitlines()[0] == where:
            score += 5 if score else 0
        if score > best_score:
            best, best_score = cand, score
    return best


def render(po: polib.POFile) -> str:
    """The catalog as text, exactly as it will be written."""
    with _gettext_wrapping():
        return str(po)


def _entries_text(po: polib.POFile) -> list[str]:
    with _gettext_wrapping():
        return [str(e) for e in po]


_DATE_LINE = re.compile(r'^"(POT-Creation-Date|PO-Revision-Date): ?(.*?)\\n"$', re.MULTILINE)
_DATE_KEYS = ("POT-Creation-Date", "PO-Revision-Date")


def _split_header(text: str) -> tuple[str, str]:
    """(header, entries): the header entry ends at the first blank line."""
    head, _, body = text.partition("\n\n")
    return head, body


def _disk_dates(text: str) -> dict[str, str] | None:
    """The two date headers as written in a file Tolk rendered, or None when
    they are not there one per line (another tool wrote the header)."""
    found = {m.group(1): m.group(2) for m in _DATE_LINE.finditer(_split_header(text)[0])}
    return found if set(found) == set(_DATE_KEYS) else None


def _render_if_same_entries(po: polib.POFile, on_disk: str) -> str | None:
    """``po`` rendered with the file's dates when the file's text has exactly
    its entries, decided from the bytes alone. None means "parse to be sure"
    (an entry changed, or another tool wrapped the file)."""
    dates = _disk_dates(on_disk)
    if dates is None:
        return None
    po.metadata.update(dates)
    text = render(po)
    return text if _split_header(text)[1] == _split_header(on_disk)[1] else None


def save_catalog(
    po: polib.POFile,
    path: Path,
    *,
    template: bool = False,
    on_merge: Callable[[str], None] | None = None,
) -> bool:
    """Write a catalog atomically, touching dates only when an entry changed.

    Returns True when the file changed. Comparing without the date headers
    first means a rerun with nothing new leaves the file, and git, untouched;
    a header-only change (a new X-Generator, say) is written with the old dates,
    since no translation in the catalog was revised.

    A catalog read with :func:`load_catalog` is never written over a file that
    changed after it was read (a translator saved it in Poedit meanwhile): the
    new file is read and only this run's changes to entries nobody else touched
    are applied to it; ``on_merge`` hears one line saying so.
    """
    path = Path(path)
    base: _Base | None = getattr(po, _BASE, None)
    if base is not None and base.path != path.resolve():
        base = None
    for _attempt in range(5):
        expected = base.digest if base is not None else None
        if base is not None and _disk_digest(path) != expected:
            theirs = load_catalog(path)
            po, kept = _merge_with_disk(po, base, theirs)
            base = getattr(theirs, _BASE)
            expected = base.digest
            if on_merge is not None:
                also = f"; {kept} entries kept as saved there" if kept else ""
                on_merge(f"{path}: changed on disk during this run, merged{also}")
        text = _render_for_save(po, path, template)
        if text is None:
            return False
        if expected is not None and _disk_digest(path) != expected:
            continue  # saved again while this run rendered: merge once more
        changed = write_atomic(path, text)
        setattr(
            po,
            _BASE,
            _Base(
                path.resolve(),
                _digest(text.encode("utf-8")),
                {_key(e): _state(e) for e in po},
                dict(po.metadata),
            ),
        )
        return changed
    raise CatalogError(
        "the catalog keeps changing while Tolk writes it; nothing was written",
        path=path,
        hint="close the editor or wait for the other run, then try again",
    )


def _render_for_save(po: polib.POFile, path: Path, template: bool) -> str | None:
    """The text to write, with dates set; None when the file needs no write.

    The usual rerun is decided from the bytes on disk: the new catalog is
    rendered with the file's dates and compared with the file's text, with no
    second parse. Only a file whose entries differ in their text (changed, or
    wrapped by another tool) is parsed, to tell a real change from a rewrap.
    """
    date_key = "POT-Creation-Date" if template else "PO-Revision-Date"
    try:
        on_disk: str | None = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        on_disk = None
    text = _render_if_same_entries(po, on_disk) if on_disk is not None else None
    if text is not None:
        return None if text == on_disk else text
    current: polib.POFile | None = None
    if path.exists():
        try:
            current = _parse(on_disk) if on_disk else polib.pofile(str(path))
        except (OSError, ValueError):
            current = None
    if current is not None:
        for key in _DATE_KEYS:
            po.metadata[key] = current.metadata.get(key, "")
        if render(po) == render(current):
            return None
        if _entries_text(po) == _entries_text(current):
            return render(po)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M+0000")
    po.metadata[date_key] = stamp
    if template:
        po.metadata["PO-Revision-Date"] = "YEAR-MO-DA HO:MI+ZONE"
    elif not po.metadata.get("POT-Creation-Date"):
        po.metadata["POT-Creation-Date"] = stamp
    return render(po)


def catalog_stats(po: polib.POFile, path: str, article: str, lang: str) -> CatalogStats:
    """Count translated / fuzzy / untranslated entries and words."""
    counts = {"t": 0, "f": 0, "u": 0}
    words = {"t": 0, "f": 0, "u": 0}
    for e in po:
        if e.obsolete:
            continue
        state = "f" if e.fuzzy and e.msgstr else ("t" if e.msgstr else "u")
        counts[state] += 1
        words[state] += len(CODE_RE.sub(" ", e.msgid).split())
    return CatalogStats(
        path,
        article,
        lang,
        counts["t"],
        counts["f"],
        counts["u"],
        words["t"],
        words["f"],
        words["u"],
    )


def translations(po: polib.POFile, *, include_fuzzy: bool = True) -> dict[str, str]:
    """Key -> translation for merge: reviewed ones, and fuzzy ones when asked."""
    result: dict[str, str] = {}
    for e in po:
        if e.obsolete or not e.msgstr or not e.msgctxt:
            continue
        if e.fuzzy and not include_fuzzy:
            continue
        result[e.msgctxt] = e.msgstr
    return result


_STRING_LINE = re.compile(r'^(msgctxt|msgid|msgstr)?\s*"((?:[^"\\]|\\.)*)"$')
_ESCAPED = re.compile(r'\\(\\|n|t|r|v|b|f|")')
_UNESCAPED = {"n": "\n", "t": "\t", "r": "\r", "v": "\v", "b": "\b", "f": "\f"}
_CHARSET = re.compile(r"charset=([\w-]+)", re.IGNORECASE)


def _unescape(text: str) -> str:
    """polib's ``unescape``."""
    if "\\" not in text:
        return text
    return _ESCAPED.sub(lambda m: _UNESCAPED.get(m.group(1), m.group(1)), text)


def read_live(path: Path) -> list[tuple[str | None, str, str, bool]]:
    """(msgctxt, msgid, msgstr, fuzzy) of every live entry, in file order (as polib, no header).

    What build and the memory need from a catalog, read without polib, whose
    parser is most of reading: a single pass over the lines of a catalog as
    Tolk, msgmerge or Poedit write it. Anything else (plural forms, another
    charset, an odd line, a duplicate, a syntax error) is read by
    :func:`load_catalog` instead, so errors and edge cases are polib's; a test
    compares the two on every catalog of the tests.
    """
    path = Path(path)
    try:
        text = _read_regular(path).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        text = ""
    found = _read_live(text) if text else None
    if found is None:
        po = load_catalog(path)
        return [(e.msgctxt, e.msgid, e.msgstr, bool(e.fuzzy)) for e in po if not e.obsolete]
    return found


def _read_live(text: str) -> list[tuple[str | None, str, str, bool]] | None:
    """The fast path of :func:`read_live`; None when the text needs polib."""
    charset = _CHARSET.search(text[:4096])
    if charset is not None and charset.group(1).lower().replace("_", "-") not in ("utf-8", "utf8"):
        return None
    found: list[tuple[str | None, str, str, bool]] = []
    seen: set[tuple[str | None, str]] = set()
    ctxt: str | None = None
    msgid: str | None = None
    msgstr: str | None = None
    fuzzy = obsolete = False
    field = ""

    def finish() -> bool:
        if obsolete:
            return True
        if msgid is None or msgstr is None:
            return msgid is None and msgstr is None and ctxt is None  # comments only
        if (ctxt, msgid) in seen:
            return False  # a duplicate: polib says so
        seen.add((ctxt, msgid))
        found.append((ctxt, msgid, msgstr, fuzzy))
        return True

    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if line[0] == "#":
            if msgstr is not None or (obsolete and not line.startswith("#~")):
                if not finish():
                    return None
                ctxt = msgid = msgstr = None
                fuzzy = obsolete = False
                field = ""
            if line.startswith("#~"):
                obsolete = True
            elif line.startswith("#,"):
                fuzzy = fuzzy or "fuzzy" in (f.strip() for f in line[2:].split(","))
            continue
        if obsolete:
            return None  # a live line inside an obsolete entry: let polib decide
        m = _STRING_LINE.match(line)
        if m is None:
            return None
        keyword, body = m.group(1), _unescape(m.group(2))
        if keyword in ("msgctxt", "msgid") and msgstr is not None:
            if not finish():
                return None
            ctxt = msgid = msgstr = None
            fuzzy = False
        if keyword == "msgctxt":
            if ctxt is not None or msgid is not None:
                return None
            ctxt, field = body, "ctxt"
        elif keyword == "msgid":
            if msgid is not None:
                return None
            msgid, field = body, "id"
        elif keyword == "msgstr":
            if msgid is None or msgstr is not None:
                return None
            msgstr, field = body, "str"
        elif field == "ctxt" and ctxt is not None:
            ctxt += body
        elif field == "id" and msgid is not None:
            msgid += body
        elif field == "str" and msgstr is not None:
            msgstr += body
        else:
            return None
    if not finish():
        return None
    headers = [e for e in found if e[1] == ""]
    if len(headers) > 1 or (headers and headers[0][0] is not None):
        return None  # polib's choice of header: let it make it
    return [e for e in found if e[1] != ""]


def read_translations(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """:func:`translations` of a catalog file, with and without fuzzy entries."""
    every: dict[str, str] = {}
    reviewed: dict[str, str] = {}
    for ctxt, _msgid, msgstr, fuzzy in read_live(path):
        if not msgstr or not ctxt:
            continue
        every[ctxt] = msgstr
        if not fuzzy:
            reviewed[ctxt] = msgstr
    return every, reviewed


def read_memory_units(path: Path) -> list[tuple[str, str, bool]]:
    """:func:`memory_units` of a catalog file, read by :func:`read_live`."""
    return [(msgid, msgstr, fuzzy) for _c, msgid, msgstr, fuzzy in read_live(path) if msgstr]


def memory_units(po: polib.POFile) -> Iterable[tuple[str, str, bool]]:
    """(source, target, fuzzy) for every translated live entry: the memory's food."""
    for e in po:
        if not e.obsolete and e.msgstr:
            yield e.msgid, e.msgstr, bool(e.fuzzy)


def set_translation(entry: polib.POEntry, text: str, *, fuzzy: bool, origin: str | None) -> None:
    """Fill an entry, marking machine or memory work so a person reviews it."""
    entry.msgstr = text
    if fuzzy and "fuzzy" not in entry.flags:
        entry.flags.append("fuzzy")
    if not fuzzy and "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
    entry.previous_msgid = None
    entry.comment = _with_origin(entry.comment or "", origin)


def needs_translation(entry: polib.POEntry, *, force: bool) -> bool:
    """True when a machine may fill the entry.

    Only empty entries by default: a reviewed translation, and a fuzzy one a
    translator is about to review, are left alone unless ``force`` is given.
    """
    if entry.obsolete:
        return False
    return force or not entry.msgstr


REPLACED_HEAD = "replaced by translate --force (tolk translate --restore puts it back):"
"""Translator comment over a reviewed translation ``--force`` replaced."""
_REPLACED_PIECE = 60  # characters per comment line: polib rewraps lines over 78


def keep_replaced(entry: polib.POEntry, before: str, before_fuzzy: bool) -> bool:
    r"""Keep a reviewed translation the entry no longer holds, as a translator comment.

    ``translate --force`` may replace what a translator approved; the old text
    stays with its entry (Poedit shows translator comments and catalog updates
    carry them) until ``translate --restore`` puts it back. It is written
    escaped, in short ``|...|`` pieces, so no rewrapping or stripping of
    comment lines can change it. A fuzzy or empty ``before`` was nobody's
    approved work and is not kept.

    >>> e = polib.POEntry(msgid="Hallo", msgstr="Salut (machine)")
    >>> keep_replaced(e, "Bonjour\nà tous ", False), e.tcomment.splitlines()[2]
    (True, '|Bonjour\\nà tous |')
    """
    if before_fuzzy or not before or entry.msgstr == before:
        return False
    escaped = polib.escape(before)
    pieces = [escaped[i : i + _REPLACED_PIECE] for i in range(0, len(escaped), _REPLACED_PIECE)]
    # The head names what replaced it: a restore leaves alone an entry a
    # translator has changed since (their later review stands).
    named = f"[{_short_digest(entry.msgstr)}]"  # own line: polib rewraps past 78 characters
    entry.tcomment = "\n".join(
        [*_without_replaced(entry.tcomment or ""), REPLACED_HEAD, named]
        + [f"|{p}|" for p in pieces]
    )
    return True


_NAMED_RE = re.compile(r"\[[0-9a-f]{8}\]")
"""The line under :data:`REPLACED_HEAD` naming (by digest) the text that replaced it."""


def _short_digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()


def restore_replaced(entry: polib.POEntry) -> bool:
    """Put back, as reviewed, the translation :func:`keep_replaced` kept; True if it did.

    >>> e = polib.POEntry(msgid="Hallo", msgstr="Salut", flags=["fuzzy"], tcomment="Mine")
    >>> keep_replaced(e, "Bonjour " * 20, False) and restore_replaced(e)
    True
    >>> e.msgstr == "Bonjour " * 20, e.fuzzy, e.tcomment
    (True, False, 'Mine')
    """
    lines = (entry.tcomment or "").splitlines()
    if REPLACED_HEAD not in lines:
        return False
    at = len(lines) - 1 - lines[::-1].index(REPLACED_HEAD)
    after = lines[at + 1 :]
    if after and _NAMED_RE.fullmatch(after[0]):
        named, after = after[0][1:-1], after[1:]
        if entry.msgstr and _short_digest(entry.msgstr) != named:
            return False  # changed since --force replaced it: a translator's later work stands
    pieces = []
    for line in after:
        if not (len(line) >= 2 and line[0] == line[-1] == "|"):
            break
        pieces.append(line[1:-1])
    if not pieces:
        return False  # the kept text was deleted: nothing to put back
    set_translation(
        entry,
        polib.unescape("".join(pieces)),
        fuzzy=False,
        origin=f"{KEPT_PREFIX}restored after --force",
    )
    entry.tcomment = "\n".join(_without_replaced(entry.tcomment or ""))
    return True


def _without_replaced(tcomment: str) -> list[str]:
    """The translator comment's lines, less any kept replaced translation."""
    kept: list[str] = []
    inside = False
    for line in tcomment.splitlines():
        if line == REPLACED_HEAD:
            inside = True
        elif inside and _NAMED_RE.fullmatch(line):
            continue
        elif not (inside and len(line) >= 2 and line[0] == line[-1] == "|"):
            inside = False
            kept.append(line)
    return kept


# -- page furniture (ui.po) --------------------------------------------------
UI_CATALOG = "ui"


def ui_catalog_path(locales: Path, lang: str) -> Path:
    """``locales/<lang>/LC_MESSAGES/ui.po``: bylines, labels, buttons in ``lang``."""
    return catalog_path(locales, lang, UI_CATALOG)


def load_furniture(locales: Path, lang: str) -> dict[tuple[str, str], tuple[str, bool]]:
    """Page furniture translated into ``lang``: (source language, text) -> (translation, fuzzy).

    ``msgctxt`` holds the language the furniture string is written in, so
    "Published on" (en) and "Gepubliceerd op" (nl) can both lead to "Publié le".
    """
    path = ui_catalog_path(locales, lang)
    if not path.exists():
        return {}
    result: dict[tuple[str, str], tuple[str, bool]] = {}
    for entry in load_catalog(path):
        if not entry.obsolete and entry.msgstr and entry.msgctxt:
            result[(entry.msgctxt, entry.msgid)] = (entry.msgstr, bool(entry.fuzzy))
    return result


def add_for_review(path: Path, lang: str, items: Iterable[tuple[str, str, str, str]]) -> int:
    """Add machine-made replacements as fuzzy entries so a translator reviews them.

    ``items`` are (source language, source text, replacement, origin comment);
    an entry that already exists is left alone. Returns the number added.
    """
    po = load_catalog(path) if path.exists() else new_catalog(UI_CATALOG, lang, "mul")
    existing = {(e.msgctxt, e.msgid) for e in po}
    added = 0
    for src_lang, text, replacement, origin in items:
        if (src_lang, text) in existing:
            continue
        entry = polib.POEntry(msgctxt=src_lang, msgid=text, msgstr=replacement)
        set_translation(entry, replacement, fuzzy=True, origin=origin)
        po.append(entry)
        existing.add((src_lang, text))
        added += 1
    if added:
        save_catalog(po, path)
    return added


def seed_furniture(path: Path, lang: str, items: Iterable[tuple[str, str, str]]) -> int:
    """A new ``ui.po`` holding ``items`` (source language, text, translation) as reviewed.

    Used by ``tolk init``: the furniture file names its source, and only
    reviewed entries repair pages, so seeded wording works from the first run.
    """
    po = new_catalog(UI_CATALOG, lang, "mul")
    po.header = (
        "Page furniture: bylines, labels and buttons, by the language they are "
        "written in (msgctxt)."
    )
    for src_lang, text, translation in items:
        entry = polib.POEntry(msgctxt=src_lang, msgid=text, msgstr=translation)
        entry.comment = "page furniture (seeded by tolk init)"
        po.append(entry)
    save_catalog(po, path)
    return len(po)


@dataclass(frozen=True)
class EntryView:
    """A live catalog entry as plain data, for code that must not touch polib."""

    key: str
    source: str
    target: str
    flags: tuple[str, ...]
    line: int
    location: str
    fuzzy: bool


def read_entries(path: Path) -> tuple[dict[str, str], list[EntryView]]:
    """The header fields and the live entries of a .po/.pot file, in file order.

    Raises :class:`CatalogError` naming the file (and line) when it does not parse.
    """
    po = load_catalog(path)
    entries: list[EntryView] = []
    for e in po:
        if e.obsolete:
            continue
        target = e.msgstr or (e.msgstr_plural.get(0, "") if e.msgstr_plural else "")
        comment = (e.comment or "").splitlines()
        entries.append(
            EntryView(
                key=e.msgctxt or "",
                source=e.msgid,
                target=target,
                flags=tuple(e.flags),
                line=int(e.linenum or 0),
                location=comment[0] if comment else (e.msgctxt or ""),
                fuzzy=bool(e.fuzzy),
            )
        )
    return dict(po.metadata), entries
