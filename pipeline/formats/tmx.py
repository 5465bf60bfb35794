"""TMX 1.4b in and out, the exchange format with other translation tools.

TMX mapping
    Tolk ``<g1>x</g1>`` is written ``<bpt i="1">&lt;g1&gt;</bpt>x<ept
    i="1">&lt;/g1&gt;</ept>`` and ``<x2/>`` is ``<ph x="2">&lt;x2/&gt;</ph>``,
    so a tool that reads only the text of a segment (Translate Toolkit) sees
    Tolk's codes unchanged. On import, ``bpt``/``ept`` pairs (matched by ``i``)
    and ``hi`` become paired codes, ``ph``, ``it`` and ``ut`` standalone ones;
    codes are numbered by order of opening in the source segment and matched
    in the target by ``x``, then by their content (OmegaT's ``&lt;f0&gt;``,
    Trados' ``{1}``), then by ``i``, then by order. A file Tolk wrote keeps its
    numbers as they are, which makes export then import give the same memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from lxml import etree

from pipeline import __version__
from pipeline.errors import InputError
from pipeline.languages import LANGUAGES
from pipeline.memory.units import TMUnit
from pipeline.storage import write_atomic
from pipeline.text.codes import tokenize

ORIGIN_PROP = "x-tolk-origin"
FUZZY_PROP = "x-tolk-fuzzy"
UNREVIEWED_NOTE = "unreviewed: fuzzy machine or memory output, not approved by a translator"
"""The ``<note>`` of a fuzzy unit. ``x-`` properties are private by definition
(TMX 1.4b: user-defined, tools ignore them); ``<note>`` is core TMX, which TM
editors show beside the unit and converters keep, so a person in another tool
sees the unit is a draft. Its leading word ``unreviewed`` is what import reads."""
_ISO_639_2 = {"fra": "fr", "fre": "fr", "nld": "nl", "dut": "nl", "eng": "en"}
_XML_INVALID_RE = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_OPEN_RE = re.compile(r"<g(\d+)>")
_CLOSE_RE = re.compile(r"</g(\d+)>")
_EMPTY_RE = re.compile(r"<x(\d+)/>")


def normalize_lang(tag: str) -> str:
    """The primary language of a TMX language tag, lower case.

    >>> [normalize_lang(t) for t in ("fr-FR", "EN-US", "nl_BE", "nl", "fra", "de-DE")]
    ['fr', 'en', 'nl', 'nl', 'fr', 'de']
    """
    primary = tag.strip().replace("_", "-").split("-", 1)[0].lower()
    return _ISO_639_2.get(primary, primary)


def write_tmx(path: Path, units: Sequence[TMUnit], *, srclang: str = "*all*") -> int:
    """Write ``units`` as TMX 1.4b; return how many were written.

    Each unit is a ``<tu>`` of two ``<tuv>``; its origin and fuzzy flag go in
    ``x-tolk-*`` properties so that importing the file gives the same memory,
    and a fuzzy unit also carries the standard ``<note>`` ``UNREVIEWED_NOTE``,
    the marker other tools show.
    """
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
        '<tmx version="1.4">',
        f'  <header creationtool="Tolk" creationtoolversion="{__version__}"'
        f' datatype="html" segtype="sentence" adminlang="en"'
        f' srclang="{_xml_attr(srclang)}" o-tmf="Tolk"/>',
        "  <body>",
    ]
    for unit in units:
        out.append(f'    <tu srclang="{_xml_attr(unit.src_lang)}">')
        out.append(f'      <prop type="{ORIGIN_PROP}">{_xml_text(unit.origin)}</prop>')
        if unit.fuzzy:
            out.append(f"      <note>{UNREVIEWED_NOTE}</note>")
            out.append(f'      <prop type="{FUZZY_PROP}">true</prop>')
        for lang, text in ((unit.src_lang, unit.source), (unit.tgt_lang, unit.target)):
            out.append(
                f'      <tuv xml:lang="{_xml_attr(lang)}"><seg>{codes_to_tmx(text)}</seg></tuv>'
            )
        out.append("    </tu>")
    out += ["  </body>", "</tmx>", ""]
    write_atomic(path, "\n".join(out))
    return len(units)


def _xml_text(text: str) -> str:
    """Text escaped for XML content; a carriage return survives as ``&#13;``.

    Characters XML 1.0 cannot carry at all (most C0 controls) are dropped.

    >>> _xml_text("a < b & c\\r")
    'a &lt; b &amp; c&#13;'
    """
    text = _XML_INVALID_RE.sub("", text)
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _xml_attr(text: str) -> str:
    """Text escaped for a double-quoted XML attribute."""
    return _xml_text(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


def codes_to_tmx(text: str) -> str:
    """The XML content of a TMX ``<seg>`` for a coded sentence.

    Paired codes become ``bpt``/``ept``, standalone ones ``ph``, and a paired
    code whose other half is not in the sentence an isolated ``it``. Each
    element holds the Tolk code itself, so a tool that reads the plain text of
    the segment gets the Tolk sentence back.

    >>> codes_to_tmx("<g1>Mg</g1> &<x2/>")
    '<bpt i="1">&lt;g1&gt;</bpt>Mg<ept i="1">&lt;/g1&gt;</ept> &amp;<ph x="2">&lt;x2/&gt;</ph>'
    >>> codes_to_tmx("a</g1>")
    'a<it pos="end" x="1">&lt;/g1&gt;</it>'
    """
    tokens = tokenize(text)
    # Pair each close with the latest unclosed open of the same number.
    partner: dict[int, int] = {}
    open_at: dict[int, list[int]] = {}
    for pos, tok in enumerate(tokens):
        if tok.kind == "open":
            open_at.setdefault(tok.id, []).append(pos)
        elif tok.kind == "close" and open_at.get(tok.id):
            start = open_at[tok.id].pop()
            partner[start] = pos
            partner[pos] = start
    # TMX wants ``i`` unique within a segment: reuse the code number when free.
    used: set[int] = set()
    pair_i: dict[int, int] = {}
    for pos, tok in enumerate(tokens):
        if tok.kind == "open" and pos in partner:
            i = tok.id if tok.id not in used else max(used | {tok.id}) + 1
            used.add(i)
            pair_i[pos] = pair_i[partner[pos]] = i
    out: list[str] = []
    for pos, tok in enumerate(tokens):
        code = _xml_text(tok.value)
        if tok.kind == "text":
            out.append(code)
        elif tok.kind == "empty":
            out.append(f'<ph x="{tok.id}">{code}</ph>')
        elif pos not in partner:
            where = "begin" if tok.kind == "open" else "end"
            out.append(f'<it pos="{where}" x="{tok.id}">{code}</it>')
        elif tok.kind == "open":
            out.append(f'<bpt i="{pair_i[pos]}">{code}</bpt>')
        else:
            out.append(f'<ept i="{pair_i[pos]}">{code}</ept>')
    return "".join(out)


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass
class _Code:
    """One inline code of a segment being read: a pair of markers or a standalone one."""

    kind: Literal["g", "x"]
    literal: int | None
    hints: dict[str, str]
    closed: bool = False
    number: int = 0


@dataclass(frozen=True)
class _Mark:
    """Where a code sits in the segment's text."""

    code: _Code
    role: Literal["open", "close", "empty"]


_Piece = str | _Mark


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _hints(element: etree._Element, content: str) -> dict[str, str]:
    hints = {"content": content} if content else {}
    for name in ("x", "i"):
        value = element.get(name)
        if value is not None:
            hints[name] = value
    return hints


class _SegReader:
    """Turns one TMX ``<seg>`` into text and codes, keeping codes in order of opening."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.pieces: list[_Piece] = []
        self.codes: list[_Code] = []
        self._pending: dict[tuple[str, str], _Code] = {}

    def read(self, seg: etree._Element) -> None:
        self._mixed(seg)
        for code in self.codes:
            if code.kind == "g" and not code.closed and code.literal is None:
                code.kind = "x"  # a bpt without its ept stands alone

    def _new(self, kind: Literal["g", "x"], literal: int | None, hints: dict[str, str]) -> _Code:
        code = _Code(kind, literal, hints)
        self.codes.append(code)
        return code

    def _text(self, text: str | None) -> None:
        if not text:
            return
        for tok in tokenize(text):
            if tok.kind == "text":
                self.pieces.append(tok.value)
            else:
                self._literal(tok.kind, tok.id)

    def _literal(self, role: str, number: int) -> None:
        """A Tolk code written as such (Tolk's own TMX, or po2tmx of Tolk catalogs)."""
        key = ("literal", str(number))
        if role == "empty":
            self.pieces.append(_Mark(self._new("x", number, {}), "empty"))
        elif role == "open":
            code = self._new("g", number, {})
            self._pending[key] = code
            self.pieces.append(_Mark(code, "open"))
        else:
            found = self._pending.pop(key, None)
            if found is None:
                found = self._new("g", number, {})
            found.closed = True
            self.pieces.append(_Mark(found, "close"))

    def _mixed(self, parent: etree._Element) -> None:
        self._text(parent.text)
        for child in parent:
            if isinstance(child, etree._Entity):
                raise InputError(
                    f"entity reference &{child.name}; is not allowed",
                    path=self.path,
                    line=child.sourceline,
                )
            if not isinstance(child.tag, str):  # comments and processing instructions
                self._text(child.tail)
                continue
            self._element(child)
            self._text(child.tail)

    def _element(self, child: etree._Element) -> None:
        name = _local(child.tag)
        content = "".join(child.itertext())
        if name == "hi":
            code = self._new("g", None, _hints(child, ""))
            code.closed = True
            self.pieces.append(_Mark(code, "open"))
            self._mixed(child)
            self.pieces.append(_Mark(code, "close"))
            return
        if name in ("bpt", "ept", "ph", "it", "ut"):
            literal = _literal_code(content)
            if literal is not None:
                self._literal(*literal)
            elif name == "bpt":
                code = self._new("g", None, _hints(child, content))
                self._pending[("i", child.get("i", ""))] = code
                self.pieces.append(_Mark(code, "open"))
            elif name == "ept":
                found = self._pending.pop(("i", child.get("i", "")), None)
                if found is None:  # an ept without its bpt stands alone
                    self.pieces.append(_Mark(self._new("x", None, _hints(child, content)), "empty"))
                else:
                    found.closed = True
                    self.pieces.append(_Mark(found, "close"))
            else:
                self.pieces.append(_Mark(self._new("x", None, _hints(child, content)), "empty"))
            return
        # Not TMX inline markup: keep its text, as a reader would see it.
        self._mixed(child)

    def render(self) -> str:
        out: list[str] = []
        for piece in self.pieces:
            if isinstance(piece, str):
                out.append(piece)
            elif piece.code.kind == "x":
                out.append(f"<x{piece.code.number}/>")
            elif piece.role == "close":
                out.append(f"</g{piece.code.number}>")
            else:
                out.append(f"<g{piece.code.number}>")
        return "".join(out)


def _literal_code(content: str) -> tuple[str, int] | None:
    """The Tolk code an inline element holds, if its content is exactly one.

    >>> _literal_code("<g3>"), _literal_code("</g3>"), _literal_code("<x1/>"), _literal_code("{1}")
    (('open', 3), ('close', 3), ('empty', 1), None)
    """
    for role, pattern in (("open", _OPEN_RE), ("close", _CLOSE_RE), ("empty", _EMPTY_RE)):
        m = pattern.fullmatch(content)
        if m:
            return role, int(m.group(1))
    return None


def _number_codes(source: _SegReader, target: _SegReader) -> None:
    """Give both segments' codes Tolk numbers, matching the target's to the source's.

    Codes that all hold Tolk codes keep their numbers (a file Tolk wrote reads
    back unchanged). Otherwise the source's are numbered by order of opening and
    each target code takes the number of the source code of the same kind that
    it matches by ``x``, by content, by ``i``, or else by order; a target code
    with no counterpart gets a new number.
    """
    codes = source.codes + target.codes
    if all(c.literal is not None for c in codes):
        for c in codes:
            assert c.literal is not None
            c.number = c.literal
        return
    for n, code in enumerate(source.codes, start=1):
        code.number = n
    free = list(source.codes)
    pending = list(target.codes)
    for hint in ("literal", "x", "content", "i", "order"):
        for code in list(pending):
            for other in free:
                if other.kind != code.kind:
                    continue
                if hint == "literal":
                    same = code.literal is not None and code.literal == other.literal
                elif hint == "order":
                    same = True
                else:
                    same = hint in code.hints and code.hints[hint] == other.hints.get(hint)
                if same:
                    code.number = other.number
                    free.remove(other)
                    pending.remove(code)
                    break
    for n, code in enumerate(pending, start=len(source.codes) + 1):
        code.number = n


def _parse_tmx(path: Path) -> etree._ElementTree:
    """Parse a TMX file without loading DTDs, reaching the network or expanding entities."""
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("file not found", path=path, hint="check the path") from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path=path) from None
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise InputError(
            f"not well-formed XML: {error.msg}",
            path=path,
            line=error.lineno or None,
            hint="TMX must be well-formed XML; check the file in an XML editor",
        ) from None
    tree = root.getroottree()
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise InputError(
            "entity declarations are refused in TMX (they can expand without limit)",
            path=path,
            line=1,
            hint="remove the <!ENTITY ...> declarations from the DOCTYPE",
        )
    return tree


def _lang_of(tuv: etree._Element) -> str:
    """The language of a ``<tuv>``: ``xml:lang``, or TMX 1.1's ``lang``."""
    return str(tuv.get(_XML_LANG) or tuv.get("lang") or "")


def read_tmx(path: Path, *, origin: str, languages: Iterable[str] = LANGUAGES) -> Iterator[TMUnit]:
    """The translation units of a TMX file, one per source and target language.

    The source language of a ``<tu>`` is its ``srclang``, else the header's;
    when that is ``*all*`` or absent from the ``<tu>``, the first ``<tuv>`` is the
    source. A ``<tu>`` with more languages gives one unit per target language.
    """
    wanted = set(languages)
    root = _parse_tmx(path).getroot()
    if _local(root.tag) != "tmx":
        raise InputError(
            f"the root element is <{_local(root.tag)}>, not <tmx>",
            path=path,
            line=root.sourceline,
            hint="is this a TMX file?",
        )
    header = next((c for c in root if _local(c.tag) == "header"), None)
    body = next((c for c in root if _local(c.tag) == "body"), None)
    if body is None:
        raise InputError(
            "no <body> in this TMX file", path=path, line=root.sourceline, hint="is it complete?"
        )
    default_src = header.get("srclang", "*all*") if header is not None else "*all*"
    for tu in body:
        if _local(tu.tag) != "tu":
            continue
        yield from _units_of(tu, path, default_src, origin, wanted)


def _units_of(
    tu: etree._Element, path: Path, default_src: str, origin: str, wanted: set[str]
) -> list[TMUnit]:
    """The units of one ``<tu>``: its source ``<tuv>`` paired with each other language."""
    props = {p.get("type"): "".join(p.itertext()) for p in tu if _local(p.tag) == "prop"}
    notes = ("".join(n.itertext()).strip() for n in tu if _local(n.tag) == "note")
    fuzzy = props.get(FUZZY_PROP, "").strip().lower() in ("true", "1", "yes") or any(
        n.startswith("unreviewed") for n in notes
    )
    unit_origin = props.get(ORIGIN_PROP, origin)
    tuvs: list[tuple[str, etree._Element]] = []
    for tuv in tu:
        if _local(tuv.tag) != "tuv":
            continue
        lang = _lang_of(tuv)
        if not lang:
            raise InputError(
                "<tuv> without xml:lang",
                path=path,
                line=tuv.sourceline,
                hint="every <tuv> needs a language",
            )
        seg = next((c for c in tuv if _local(c.tag) == "seg"), None)
        if seg is None:
            raise InputError(
                "<tuv> without <seg>",
                path=path,
                line=tuv.sourceline,
                hint="every <tuv> holds one <seg>",
            )
        tuvs.append((lang, seg))
    if len(tuvs) < 2:
        return []
    srclang = tu.get("srclang", default_src)
    source_at = 0
    if srclang != "*all*":
        wanted_src = normalize_lang(srclang)
        source_at = next(
            (k for k, (lang, _) in enumerate(tuvs) if normalize_lang(lang) == wanted_src), 0
        )
    src_lang, src_seg = tuvs[source_at]
    src = normalize_lang(src_lang)
    if src not in wanted:
        return []
    units: list[TMUnit] = []
    for k, (lang, seg) in enumerate(tuvs):
        tgt = normalize_lang(lang)
        if k == source_at or tgt == src or tgt not in wanted:
            continue
        source_reader, target_reader = _SegReader(path), _SegReader(path)
        source_reader.read(src_seg)
        target_reader.read(seg)
        _number_codes(source_reader, target_reader)
        source, target = source_reader.render(), target_reader.render()
        if source and target:
            units.append(TMUnit(src, tgt, source, target, fuzzy, unit_origin))
    return units
