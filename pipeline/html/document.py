"""Reading, parsing and writing HTML documents: the one door to the parser.

lxml parses (libxml2 is fast, recovers from broken markup and records each
element's source line); BeautifulSoup's ``UnicodeDammit`` decodes the bytes,
because real pages arrive with a BOM, in cp1252, or with a ``<meta charset>``
that disagrees with the HTTP world they came from.
"""

from __future__ import annotations

import errno
import html
import os
import re
import stat
import uuid
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bs4.dammit import UnicodeDammit
from lxml import etree

from pipeline.errors import InputError

#: The largest page Tolk reads: far above any article, low enough that every
#: command stays within seconds and memory stays small.
MAX_PAGE_BYTES = 50_000_000
#: The deepest element nesting Tolk walks (libxml2's own default limit): the walk
#: recurses per level, and no real article comes near it.
MAX_NESTING = 256


@dataclass
class Document:
    """A parsed page: the lxml root and what serialisation needs to rebuild it."""

    root: etree._Element
    doctype: str  # as the source wrote it; "" when it had none
    path: str
    fragment: bool = False  # no <html>/<head>/<body> in the source: write none back
    declaration: str = ""  # an XHTML page's <?xml ...?>, written back first


# What XML (and so lxml) refuses in text: C0 controls but tab, newline and
# carriage return; lone surrogates; U+FFFE and U+FFFF. Form feed and vertical
# tab separate words, so they become spaces; the rest goes.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_AS_SPACE = str.maketrans({"\x0b": " ", "\x0c": " "})


def xml_safe(text: str) -> str:
    r"""``text`` without the characters lxml refuses (a page or a translation may hold them).

    >>> xml_safe("a\x0bb\x1b[0m\x00c\ufffe")
    'a b[0mc'
    """
    if not _NOT_XML.search(text):
        return text
    return _NOT_XML.sub("", text.translate(_AS_SPACE))


def decode_html(data: bytes, path: str | Path) -> tuple[str, str]:
    """Decode page bytes to text; return ``(text, encoding)``.

    Raises :class:`InputError` for empty or binary files, naming the file.
    """
    if not data.strip():
        raise InputError("empty file, nothing to do", path=path, hint="remove it or add content")
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(
            "binary file, not an HTML page", path=path, hint="only .html files belong here"
        )
    # BOM, then the page's own declaration, then UTF-8, then the web's
    # default windows-1252, before any statistical guess (which mistakes short
    # French cp1252 text for cp1250).
    dammit = UnicodeDammit(data, user_encodings=["utf-8", "windows-1252"], is_html=True)
    text = dammit.unicode_markup
    if text is None:
        raise InputError("cannot decode the page", path=path, hint="save it as UTF-8")
    # Control characters would stop lxml (and every command after it) at the
    # first text it writes back; they carry no meaning a reader sees.
    return xml_safe(text.lstrip("\ufeff")), dammit.original_encoding or "utf-8"


def read_document(path: str | Path) -> Document:
    """Read and parse an HTML file; every failure is an :class:`InputError`.

    Only a regular file is opened: reading a FIFO named ``*.html`` would wait
    forever for a writer, and a device would never end.
    """
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
            raise InputError(
                "not a regular file (a FIFO, socket or device), skipped",
                path=path,
                hint="only .html files belong here",
            )
        if os.stat(path).st_size > MAX_PAGE_BYTES:
            raise InputError(
                f"page larger than {MAX_PAGE_BYTES // 1_000_000} MB, skipped",
                path=path,
                hint="split the page; Tolk reads pages up to that size",
            )
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("file not found", path=path, hint="check the path") from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file", path=path) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError("symlink loop, skipped", path=path, hint="fix the link") from None
        raise InputError(f"cannot read: {exc.strerror}", path=path) from None
    text, _encoding = decode_html(data, path)
    return parse_document(text, path)


_DOCTYPE = re.compile(r"\s*(?:<!--.*?-->\s*)*<!doctype", re.I | re.S)
_DOCUMENT_TAG = re.compile(r"<(?:html|head|body)[\s>/]", re.I)
_CHARSET_IN_CONTENT = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_UTF8 = frozenset({"utf-8", "utf8"})


@cache
def _parser() -> etree.HTMLParser:
    """One parser for the process: building one per page costs time, and each
    holds reference cycles that only the cyclic garbage collector frees."""
    return etree.HTMLParser(huge_tree=True, remove_comments=False, remove_pis=False)


# An XML declaration: lxml refuses a str that carries one (its encoding
# would contradict the already decoded text), and XHTML pages start with it.
_XML_DECLARATION = re.compile(r"\A\s*<\?xml\s[^>]*\?>", re.I)
# Its encoding: the page is written in UTF-8, so the declaration says so.
_ENCODING_DECL = re.compile(r"""(encoding\s*=\s*["'])[^"']*(["'])""")
# Void elements that libxml2's HTML 4 parser does not know as void: it nests
# what follows inside them ("<embed> movie</embed>"), so the text after them
# is lost to extraction. They are emptied after parsing.
_LATE_VOID = ("embed", "source", "track", "wbr", "keygen")
# Elements whose content libxml2 parses as raw text but serialises escaped
# ("<p>" -> "&lt;p&gt;"), so each build would escape it once more.
RAW_TEXT = frozenset({"iframe", "noembed", "noframes", "xmp", "plaintext"})
# Attributes libxml2's HTML serializer URI-escapes and left-strips.
_URI_ATTRS = ("href", "src", "action", "name")


def parse_document(text: str, path: str | Path = "<string>") -> Document:
    """Parse page text into a :class:`Document`."""
    parser = _parser()
    found = _XML_DECLARATION.match(text)
    declaration = ""
    if found:
        declaration = _ENCODING_DECL.sub(r"\1utf-8\2", found.group(0).strip())
        # Keep the line count, so source lines still match the file.
        text = "\n" * found.group(0).count("\n") + text[found.end() :]
    try:
        root = etree.fromstring(text, parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot parse HTML: {exc}", path=path) from None
    if root is None:
        raise InputError("no HTML content found", path=path, hint="is this an HTML page?")
    _check_nesting(root, path)
    # libxml2 invents an HTML 4 doctype and <html><body> wrappers for pages
    # that have none; remember what the source really had.
    head = text[:4096]
    doctype = root.getroottree().docinfo.doctype or "" if _DOCTYPE.match(head) else ""
    fragment = not _DOCUMENT_TAG.search(text)
    _empty_late_voids(root)
    return Document(root, doctype, str(path), fragment, declaration)


def _check_nesting(root: etree._Element, path: str | Path) -> None:
    """Refuse a page nested deeper than :data:`MAX_NESTING`, naming the line.

    Counted without recursion, so the count itself cannot overflow the stack
    that a walk of such a page would.
    """
    depth = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if event == "end":
            depth -= 1
            continue
        depth += 1
        if depth > MAX_NESTING:
            raise InputError(
                f"elements nested more than {MAX_NESTING} deep, skipped",
                path=path,
                line=el.sourceline,
                hint="close the open elements; a real article nests far less",
            )


def _empty_late_voids(root: etree._Element) -> None:
    """Move what the parser nested inside a void element to after it."""
    for el in list(root.iter(*_LATE_VOID)):
        if not len(el) and not el.text:
            continue
        anchor = el
        tail = (el.text or "") + (el.tail or "")
        el.text = None
        el.tail = None
        for child in list(el):
            anchor.addnext(child)  # addnext moves the child with its tail
            anchor = child
        # addnext keeps the tail with the moved node; the void's own text
        # and its former tail follow it, before the first moved child.
        if tail:
            el.tail = tail


def serialize(doc: Document) -> str:
    """Write the document back as HTML text, in UTF-8.

    A page that declared another charset has its declaration changed to
    UTF-8, since that is what is written. A fragment comes back as a
    fragment (with what libxml2 moved into an invented ``<head>``), and a
    page without a doctype gets none. Attribute values and raw text come back
    exactly as parsed (see :class:`_Verbatim`).
    """
    _declare_utf8(doc.root)
    with _Verbatim(doc.root) as verbatim:
        out = verbatim.restore(_serialize(doc))
    if not out.endswith("\n"):
        out += "\n"
    return out


def _dump(node: etree._Element, with_tail: bool = True) -> str:
    return etree.tostring(node, method="html", encoding="unicode", with_tail=with_tail)


def _serialize(doc: Document) -> str:
    before = [_dump(n, False) for n in reversed(list(doc.root.itersiblings(preceding=True)))]
    after = [_dump(n, False) for n in doc.root.itersiblings()]
    if doc.fragment:
        parts = [doc.root.text or ""]
        for child in doc.root:
            if tag_name(child) in ("head", "body"):
                parts.append(child.text or "")
                parts += [_dump(c) for c in child]
                parts.append(child.tail or "")
            else:
                parts.append(_dump(child))
        main = "".join(parts)
    else:
        main = _dump(doc.root, False)
    head = [line for line in (doc.declaration, doc.doctype) if line]
    return "\n".join(head + before + [main] + after)


def tag_name(node: etree._Element) -> str:
    """Tag name, or '' for comments and processing instructions."""
    tag = node.tag
    return tag if isinstance(tag, str) else ""


class _Verbatim:
    """Stand-ins that keep values away from libxml2's HTML serializer.

    The serializer URI-escapes ``href``/``src``/``action``/``name`` and
    drops their leading spaces (``{{ url }}`` -> ``{{%20url%20}}``, which
    breaks template placeholders), escapes the raw text of ``iframe``,
    ``xmp``, ``noembed`` and ``noframes`` again on every build, and closes
    HTML5 void elements it does not know (``</embed>``). Before writing, such
    values become unique tokens that it leaves alone; after, each token is
    replaced by the original value, escaped as HTML needs and no more; on
    exit the tree gets its own values back.
    """

    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self.nonce = f"tolk{uuid.uuid4().hex[:12]}"
        self.values: dict[str, str] = {}
        self.attrs: list[tuple[etree._Element, str, str]] = []
        self.texts: list[tuple[etree._Element, str]] = []
        self.voids: list[etree._Element] = []

    def _token(self, replacement: str) -> str:
        token = f"{self.nonce}x{len(self.values)}z"
        self.values[token] = replacement
        return token

    def __enter__(self) -> _Verbatim:
        for el in self.root.iter(etree.Element):
            tag = el.tag
            for attr in _URI_ATTRS:
                value = el.get(attr)
                if value is not None and value:
                    self.attrs.append((el, attr, value))
                    el.set(attr, self._token(html.escape(value)))
            if tag in RAW_TEXT and el.text:
                self.texts.append((el, el.text))
                el.text = self._token(el.text)
            elif tag in _LATE_VOID and not len(el) and not el.text:
                self.voids.append(el)
                el.set(self.nonce, "v")
        return self

    def restore(self, out: str) -> str:
        """The serialised text with every token replaced by its value."""
        if self.voids:
            out = re.sub(rf' {self.nonce}="v"></(?:{"|".join(_LATE_VOID)})>', ">", out)
        if self.values:
            out = re.sub(rf"{self.nonce}x\d+z", lambda m: self.values[m.group(0)], out)
        return out

    def __exit__(self, *exc: object) -> None:
        for el, attr, value in self.attrs:
            el.set(attr, value)
        for el, text in self.texts:
            el.text = text
        for el in self.voids:
            del el.attrib[self.nonce]


def _declare_utf8(root: etree._Element) -> None:
    for meta in root.iter("meta"):
        charset = meta.get("charset")
        if charset is not None and charset.strip().lower() not in _UTF8:
            meta.set("charset", "utf-8")
        if (meta.get("http-equiv") or "").lower() == "content-type":
            content = meta.get("content") or ""
            m = _CHARSET_IN_CONTENT.search(content)
            if m and m.group(1).lower() not in _UTF8:
                meta.set("content", content[: m.start(1)] + "utf-8" + content[m.end(1) :])
