"""Reading, parsing and writing HTML documents: the one door to the parser.

lxml parses (libxml2 is fast, recovers from broken markup and records each
element's source line); BeautifulSoup's ``UnicodeDammit`` decodes the bytes,
because real pages arrive with a BOM, in cp1252, or with a ``<meta charset>``
that disagrees with the HTTP world they came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bs4.dammit import UnicodeDammit
from lxml import etree

from pipeline.errors import InputError


@dataclass
class Document:
    """A parsed page: the lxml root and what serialisation needs to rebuild it."""

    root: etree._Element
    doctype: str  # as the source wrote it; "" when it had none
    path: str
    fragment: bool = False  # no <html>/<head>/<body> in the source: write none back


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
    return text.lstrip("\ufeff"), dammit.original_encoding or "utf-8"


def read_document(path: str | Path) -> Document:
    """Read and parse an HTML file; every failure is an :class:`InputError`."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("file not found", path=path, hint="check the path") from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file", path=path) from None
    except OSError as exc:
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


def parse_document(text: str, path: str | Path = "<string>") -> Document:
    """Parse page text into a :class:`Document`."""
    parser = _parser()
    try:
        root = etree.fromstring(text, parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot parse HTML: {exc}", path=path) from None
    if root is None:
        raise InputError("no HTML content found", path=path, hint="is this an HTML page?")
    # libxml2 invents an HTML 4 doctype and <html><body> wrappers for pages
    # that have none; remember what the source really had.
    head = text[:4096]
    doctype = root.getroottree().docinfo.doctype or "" if _DOCTYPE.match(head) else ""
    fragment = not _DOCUMENT_TAG.search(text)
    return Document(root, doctype, str(path), fragment)


def serialize(doc: Document) -> str:
    """Write the document back as HTML text, in UTF-8.

    A page that declared another charset has its declaration changed to
    UTF-8, since that is what is written. A fragment comes back as a
    fragment, and a page without a doctype gets none.
    """
    _declare_utf8(doc.root)
    if doc.fragment:
        body = doc.root.find("body")
        holder = body if body is not None else doc.root
        parts = [holder.text or ""]
        parts += [etree.tostring(c, method="html", encoding="unicode") for c in holder]
        out = "".join(parts)
    else:
        before = [
            etree.tostring(n, method="html", encoding="unicode", with_tail=False)
            for n in reversed(list(doc.root.itersiblings(preceding=True)))
        ]
        after = [
            etree.tostring(n, method="html", encoding="unicode", with_tail=False)
            for n in doc.root.itersiblings()
        ]
        main = etree.tostring(doc.root, method="html", encoding="unicode", with_tail=False)
        lines = ([doc.doctype] if doc.doctype else []) + before + [main] + after
        out = "\n".join(lines)
    if not out.endswith("\n"):
        out += "\n"
    return out


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
