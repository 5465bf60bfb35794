"""The walk shared by extract and merge: which parts of a page are translatable.

The walker visits a parsed page in document order and yields *units*: runs of
inline content inside a block (a paragraph, a heading, the text of a div
before its first block child...), translatable attributes, and string fields
of JSON-LD blocks. Each unit holds live references to the nodes it came from,
so merge can rebuild exactly that run; extract only reads them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from pipeline.html.rules import NO_RULES, SiteRules
from pipeline.languages import normalize
from pipeline.segments import Context
from pipeline.text.codes import escape_text, strip_codes

# Phrasing content (HTML's "inline" elements, with the obsolete ones pages
# still use): a sentence runs through them, so they become codes inside it
# rather than cutting it in pieces.
INLINE_TAGS = frozenset([
    "a", "abbr", "acronym", "audio", "b", "bdi", "bdo", "big", "blink", "br", "button",
    "canvas", "cite", "code", "data", "del", "dfn", "em", "embed", "font", "i", "iframe",
    "img", "input", "ins", "kbd", "label", "map", "mark", "math", "meter", "nobr",
    "noscript", "object", "output", "picture", "progress", "q", "rp", "rt", "ruby", "s",
    "samp", "script", "select", "small", "span", "strike", "strong", "sub", "sup", "svg",
    "textarea", "time", "tt", "u", "var", "video", "wbr"
])  # fmt: skip
VOID_INLINE = frozenset({"br", "img", "wbr", "input", "embed"})
# Inline elements whose content is never translated as part of the sentence:
# kept whole as one <xN/> (a select's options are units of their own).
PROTECTED_INLINE = frozenset([
    "code", "kbd", "samp", "var", "svg", "math", "script", "select", "textarea", "picture",
    "iframe", "object", "audio", "video", "canvas", "map"
])  # fmt: skip
# Elements whose text is never extracted. The raw-text ones (iframe, xmp,
# noembed, noframes, plaintext) hold markup as text, not text for readers.
SKIPPED = frozenset([
    "script", "style", "code", "pre", "kbd", "samp", "svg", "math", "template", "iframe",
    "object", "embed", "textarea", "head", "xmp", "noembed", "noframes", "plaintext"
])  # fmt: skip
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
META_CONTENT = {
    ("name", "description"),
    ("property", "og:title"),
    ("property", "og:description"),
    ("property", "og:image:alt"),
    ("name", "twitter:title"),
    ("name", "twitter:description"),
    ("name", "twitter:image:alt"),
    ("property", "twitter:title"),
    ("property", "twitter:description"),
    ("name", "keywords"),
    ("property", "og:site_name"),
    ("name", "application-name"),
}
TRANSLATABLE_ATTRS = ("alt", "title", "placeholder", "aria-label")
# Attributes a reader sees on some elements only.
ELEMENT_ATTRS: dict[str, tuple[str, ...]] = {
    "option": ("label",),
    "optgroup": ("label",),
    "track": ("label",),
    "table": ("summary",),
    "th": ("abbr",),
}
BUTTON_INPUT_TYPES = frozenset({"submit", "button", "reset"})
JSONLD_FIELDS = frozenset({"headline", "alternativeHeadline", "description", "name"})
JSONLD_SKIP_TYPES = frozenset({"Person", "Organization", "Brand"})

# Elements that hold blocks rather than sentences.
_CONTAINERS = frozenset([
    "article", "aside", "body", "div", "fieldset", "footer", "form", "header", "html",
    "main", "nav", "section"
])  # fmt: skip
# Inline only inside text (a paragraph, a heading, a link...): directly in a
# container they are blocks of their own, as a form's button is.
_INLINE_IN_TEXT = frozenset([
    "button", "input", "label", "meter", "noscript", "output", "progress", "script",
    "select", "textarea"
])  # fmt: skip
_HTML_WS = re.compile(r"[ \t\n\r\f]+")
# A letter or digit: exactly the characters for which str.isalnum() is true.
_WORD_CHAR = re.compile(r"[^\W_]")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_NOT_WRAPPERS = frozenset({"", *VOID_INLINE, *PROTECTED_INLINE})
_REFERENCE_HINT = re.compile(r"referen|sources?\b|bibliogra|citation|bronnen|literatu", re.I)
_BYLINE_HINT = re.compile(r"byline|author|auteur|posted|published|post-meta|entry-meta", re.I)
_REFERENCE_HEADING = re.compile(
    r"^\s*(r[ée]f[ée]rences?|sources?|bronnen|literatuur|bibliograph\w*|"
    r"references?|scientific references|r[ée]f[ée]rences scientifiques)\b",
    re.I,
)


@dataclass(slots=True)
class TextUnit:
    """A run of inline content inside a block element."""

    element: etree._Element
    lead: etree._Element | None
    nodes: list[etree._Element]
    text: str
    codes: dict[int, etree._Element]
    location: str
    line: int
    context: Context
    note: str | None
    foreign: str | None
    newlines: list[tuple[int, int]] = field(default_factory=list)
    lead_ws: str = ""
    trail_ws: str = ""
    kind: str = "text"


@dataclass(slots=True)
class AttrUnit:
    """A translatable attribute value (alt, title, meta content, ...)."""

    element: etree._Element
    attr: str
    text: str
    location: str
    line: int
    context: Context
    note: str | None
    foreign: str | None
    kind: str = "attribute"


@dataclass(slots=True)
class JsonLdUnit:
    """A string field of a JSON-LD block (headline, description, name)."""

    element: etree._Element
    path: tuple[str | int, ...]
    text: str
    location: str
    line: int
    context: Context = "meta"
    note: str | None = None
    foreign: str | None = None
    kind: str = "jsonld"


Unit = TextUnit | AttrUnit | JsonLdUnit


def tag_of(node: Any) -> str:
    """Tag name (lxml's HTML parser lower-cases it), or '' for comments and PIs."""
    tag = node.tag
    return tag if tag.__class__ is str else ""


def collapse(text: str) -> str:
    """Collapse runs of HTML whitespace (not no-break spaces) to one space.

    >>> collapse("a \\n\\t b\\u00a0c")
    'a b\\xa0c'
    """
    # Most runs are one line with single spaces: a few substring scans (in C)
    # are cheaper than a regex substitution that would change nothing.
    if "  " in text or "\n" in text or "\t" in text or "\r" in text or "\f" in text:
        return _HTML_WS.sub(" ", text)
    return text


def is_skipped(el: etree._Element) -> bool:
    """True for elements whose content is never translated."""
    if tag_of(el) in SKIPPED:
        return True
    attrib = el.attrib
    # Most elements have no attributes to look at.
    return bool(attrib) and _skipped_by(attrib)


def _skipped_by(attrs: Mapping[str, str]) -> bool:
    """True when an element's attributes opt it out of translation.

    Takes the attributes, not the element, so the walker can read an
    element's attributes once (see :meth:`Walker._block`).
    """
    if (attrs.get("translate") or "").lower() == "no":
        return True
    if (attrs.get("data-translate") or "").lower() == "no":
        return True
    return "notranslate" in (attrs.get("class") or "").split()


def _step(el: etree._Element) -> str:
    return _step_of(tag_of(el), el.get("class", ""))


def _step_of(tag: str, classes: str) -> str:
    """One step of a location: the tag, and its first class if any."""
    first = classes.split(None, 1)
    return f"{tag}.{first[0]}" if first else tag


def location_of(el: etree._Element, depth: int = 3) -> str:
    """A readable path of the element: its last ``depth`` steps below body."""
    steps: list[str] = []
    node: etree._Element | None = el
    # Only the nearest ``depth`` steps are shown: no need to climb further.
    while node is not None and len(steps) < depth and tag_of(node) not in ("body", "html", ""):
        steps.append(_step(node))
        node = node.getparent()
    return " > ".join(reversed(steps[:depth])) or tag_of(el)


class Walker:
    """Collect the units of one parsed page, in document order.

    Each block element is read once: :meth:`_block` fetches its tag and its
    attributes (as a plain dict, since lxml answers every ``get`` with a
    search of the node's attribute list) and hands what the helpers need down,
    with the parent's scope and location steps, instead of each helper asking
    the element again.
    """

    def __init__(
        self,
        root: etree._Element,
        page_lang: str,
        *,
        light: bool = False,
        rules: SiteRules = NO_RULES,
    ) -> None:
        # light: only what merge needs (texts, locations, whether a unit is a
        # reference); no lines or contexts, which only extraction reports.
        self.light = light
        # rules: the site's own (settings); each is looked at only when set.
        self.rules = rules
        self.root = root
        self.page_lang = page_lang
        self.units: list[Unit] = []
        self._block_cache: dict[etree._Element, bool] = {}
        self._contexts: dict[etree._Element, Context] = {}
        # element -> (inside a references list, steps below a byline element)
        self._scopes: dict[etree._Element, tuple[bool, int]] = {}

    # -- classification ---------------------------------------------------
    def is_inline(self, node: etree._Element) -> bool:
        """Inline for our purpose: an inline tag with no block inside it."""
        tag = tag_of(node)
        if tag == "":
            return True  # comments and PIs ride along as codes
        if self.rules.inline:
            return self._inline_by_rule(node, tag)
        if tag not in INLINE_TAGS:
            return False
        if tag in _INLINE_IN_TEXT and tag_of(node.getparent()) in _CONTAINERS:
            return False  # between blocks, a form control or noscript stands alone
        if tag in VOID_INLINE or tag in PROTECTED_INLINE or len(node) == 0:
            return True
        cached = self._block_cache.get(node)
        if cached is None:
            cached = self._block_cache[node] = _inline_content(node)
        return cached

    def _inline_by_rule(self, node: etree._Element, tag: str) -> bool:
        """:meth:`is_inline` under ``inline_selectors``: an element they name, or
        an inline tag, is inline when everything inside it is."""
        if not self.rules.inline_rule(node):
            if tag not in INLINE_TAGS:
                return False
            if tag in _INLINE_IN_TEXT and tag_of(node.getparent()) in _CONTAINERS:
                return False
            if tag in VOID_INLINE or tag in PROTECTED_INLINE:
                return True
        cached = self._block_cache.get(node)
        if cached is None:
            cached = self._block_cache[node] = all(self.is_inline(c) for c in node)
        return cached

    def _skipped_by_rule(self, el: etree._Element) -> bool:
        """True when a ``skip_selectors`` rule names ``el``."""
        return bool(self.rules.skip) and self.rules.skipped(el)

    def foreign_lang(self, el: etree._Element, inherited: str | None) -> str | None:
        """The deliberately foreign language of an element, if any."""
        attrib = el.attrib
        return self._foreign_in(attrib, inherited) if attrib else inherited

    def _foreign_in(self, attrs: Mapping[str, str], inherited: str | None) -> str | None:
        """:meth:`foreign_lang` from an element's attributes."""
        raw = attrs.get("lang") or attrs.get(_XML_LANG)
        if raw is None:
            return inherited
        lang = normalize(raw)
        if lang == self.page_lang:
            return None
        return lang or raw.strip().lower() or inherited

    def _kept_whole(self, node: etree._Element, tag: str, foreign: str | None) -> bool:
        """True for an inline node shown as one ``<xN/>``: a comment, a void or
        protected element, or one that is skipped or in another language."""
        if tag in _NOT_WRAPPERS or tag in SKIPPED or self._skipped_by_rule(node):
            return True
        attrib = node.attrib
        if not attrib:
            return False  # most inline elements: nothing more to look at
        return _skipped_by(attrib) or self._foreign_in(attrib, foreign) not in (None, foreign)

    # -- walking ----------------------------------------------------------
    def run(self) -> list[Unit]:
        """Walk the page and return its units."""
        root_attrs = dict(self.root.items())
        if _skipped_by(root_attrs):
            return self.units  # translate="no" on <html>: the whole page
        head = self.root.find("head")
        if head is not None:
            self._head(head)
        for script in self.root.iter("script"):
            if script.get("type", "").lower() == "application/ld+json":
                self._jsonld(script)
        # <html title> is shown as a tooltip over the whole page.
        self._attributes(self.root, "html", {"title": root_attrs.get("title", "")}, None, None)
        body = self.root.find("body")
        self._block(body if body is not None else self.root, None, None, (False, 99), ())
        return self.units

    def _head(self, head: etree._Element) -> None:
        for el in head:
            tag = tag_of(el)
            if tag == "title" and el.text and collapse(el.text).strip(" \t\n\r\f"):
                text = collapse(el.text).strip(" \t\n\r\f")
                lead_ws = el.text[: len(el.text) - len(el.text.lstrip(" \t\n\r\f"))]
                trail_ws = el.text[len(el.text.rstrip(" \t\n\r\f")) :]
                unit = TextUnit(
                    el,
                    None,
                    [],
                    text,
                    {},
                    "title",
                    el.sourceline or 1,
                    "meta",
                    None,
                    None,
                    [],
                    lead_ws,
                    trail_ws,
                    "meta",
                )
                self.units.append(unit)
            elif tag == "meta":
                for attr in ("name", "property"):
                    if (attr, el.get(attr, "").lower()) in META_CONTENT:
                        value = el.get("content", "")
                        if _has_words(value):
                            where = f"meta[{attr}={el.get(attr)}]@content"
                            self.units.append(
                                AttrUnit(
                                    el,
                                    "content",
                                    collapse(value).strip(" \t\n\r\f"),
                                    where,
                                    el.sourceline or 1,
                                    "meta",
                                    None,
                                    None,
                                    "meta",
                                )
                            )
                        break

    def _jsonld(self, script: etree._Element) -> None:
        try:
            data = json.loads(script.text or "")
        except ValueError:
            return

        self._jsonld_visit(script, data, ())

    def _jsonld_visit(
        self, script: etree._Element, value: Any, path: tuple[str | int, ...]
    ) -> None:
        # A method, not a closure: a recursive closure is a reference cycle
        # that would keep the walker, and with it the page's tree, alive
        # until the cyclic garbage collector runs.
        if isinstance(value, dict):
            skip_name = value.get("@type") in JSONLD_SKIP_TYPES
            for key, item in value.items():
                if isinstance(item, str):
                    wanted = key in JSONLD_FIELDS and not (key == "name" and skip_name)
                    if wanted and _has_words(item):
                        dotted = ".".join(str(p) for p in (*path, key))
                        self.units.append(
                            JsonLdUnit(
                                script,
                                (*path, key),
                                item,
                                f"json-ld@{dotted}",
                                script.sourceline or 1,
                            )
                        )
                else:
                    self._jsonld_visit(script, item, (*path, key))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                self._jsonld_visit(script, item, (*path, i))

    def _attributes(
        self,
        el: etree._Element,
        tag: str,
        attrs: Mapping[str, str],
        foreign: str | None,
        note: str | None,
    ) -> None:
        """Units for the translatable attributes of ``el`` (``attrs``: its attributes)."""
        if not attrs:
            return
        for attr in (*TRANSLATABLE_ATTRS, *ELEMENT_ATTRS.get(tag, ())):
            value = attrs.get(attr)
            if value is not None and _has_words(value):
                self._attr_unit(el, attr, value, foreign, note)
        if tag == "input" and (attrs.get("type") or "").lower() in BUTTON_INPUT_TYPES:
            value = attrs.get("value")
            if value is not None and _has_words(value):
                self._attr_unit(el, "value", value, foreign, note)
        if self.rules.attributes:
            for attr in self.rules.extra_attributes(el, attrs):
                value = attrs[attr]
                known = attr in TRANSLATABLE_ATTRS or attr in ELEMENT_ATTRS.get(tag, ())
                if not known and _has_words(value):
                    self._attr_unit(el, attr, value, foreign, note)

    def _attr_unit(
        self, el: etree._Element, attr: str, value: str, foreign: str | None, note: str | None
    ) -> None:
        context: Context = "button" if attr == "value" else "attribute"
        self.units.append(
            AttrUnit(
                el,
                attr,
                collapse(value).strip(" \t\n\r\f"),
                f"{location_of(el, 2)}@{attr}",
                el.sourceline or 1,
                context,
                note,
                foreign,
            )
        )

    def _block(
        self,
        el: etree._Element,
        foreign: str | None,
        note: str | None,
        scope: tuple[bool, int],
        steps: tuple[str, ...],
    ) -> None:
        """Walk a block element. ``scope`` and ``steps`` are its parent's (see
        :meth:`_enter` and :func:`location_of`): handed down the walk rather
        than looked up again for every element."""
        tag = tag_of(el)
        # All attributes at once: one call, then dict lookups; for the many
        # elements without attributes, an empty list.
        attrs = dict(el.items())
        if tag in SKIPPED or (attrs and _skipped_by(attrs)) or self._skipped_by_rule(el):
            return
        scope = self._enter(el, tag, attrs, scope)
        if tag in ("body", "html", ""):
            steps = ()
        else:
            steps = (*steps[-2:], _step_of(tag, attrs.get("class", "")))
        if attrs:
            foreign = self._foreign_in(attrs, foreign)
            note = attrs.get("data-translate-comment") or note
            self._attributes(el, tag, attrs, foreign, note)
        run: list[etree._Element] = []
        lead: etree._Element | None = None
        for child in el:
            if self.is_inline(child):
                run.append(child)
                continue
            self._flush(el, lead, run, foreign, note, scope, steps)
            run = []  # a new list: the unit made from the old one keeps it
            self._block(child, foreign, note, scope, steps)
            lead = child
        self._flush(el, lead, run, foreign, note, scope, steps)

    def _flush(
        self,
        el: etree._Element,
        lead: etree._Element | None,
        nodes: list[etree._Element],
        foreign: str | None,
        note: str | None,
        scope: tuple[bool, int],
        steps: tuple[str, ...],
    ) -> None:
        """Make a unit of the run ``nodes`` of ``el`` after ``lead`` (after the
        start of ``el`` when None); ``scope`` and ``steps`` are ``el``'s."""
        lead_text = (el.text if lead is None else lead.tail) or ""
        codes: dict[int, etree._Element]
        if not nodes:
            if not lead_text or lead_text.isspace():
                return  # whitespace between blocks: the common case, kept cheap
            raw = _escape_code_like(lead_text)  # plain text: no encoder needed
            codes = {}
        else:
            if len(nodes) == 1 and self._sole_wrapper(lead_text, nodes[0], foreign):
                # "<li><a href>Boutique</a></li>": the unit is the link's content,
                # so translators see "Boutique", not "<g1>Boutique</g1>".
                self._block(nodes[0], foreign, note, scope, steps)
                return
            for node in nodes:
                if tag_of(node) != "select":
                    self._inline_attributes(node, foreign, note)
            encoder = _Encoder(self, foreign)
            encoder.text(lead_text)
            for node in nodes:
                encoder.node(node)
            raw = encoder.result()
            codes = encoder.codes
        stripped = raw.strip(" \t\n\r\f")
        if not _has_words(strip_codes(stripped) if codes else stripped):
            self._selects(nodes, foreign, note, scope, steps)
            return
        text = collapse(stripped)
        if self.light:
            line, newlines = 0, []
            context: Context = "reference" if scope[0] else "text"
        else:
            line = self._line_of(el, lead, nodes, lead_text)
            if "\n" in stripped:
                lead_ws = raw[: len(raw) - len(raw.lstrip(" \t\n\r\f"))]
                newlines = _newline_marks(stripped, lead_ws.count("\n"))
            else:
                newlines = []
            context = self.context_of(el)
        self.units.append(
            TextUnit(
                el,
                lead,
                nodes,
                text,
                codes,
                " > ".join(steps) or tag_of(el),
                line,
                context,
                note,
                foreign,
                newlines,
                _raw_ws(lead_text, leading=True),
                _raw_ws(_last_text(lead_text, nodes), False),
            )
        )
        self._selects(nodes, foreign, note, scope, steps)

    def _selects(
        self,
        nodes: list[etree._Element],
        foreign: str | None,
        note: str | None,
        scope: tuple[bool, int],
        steps: tuple[str, ...],
    ) -> None:
        """Walk the selects of a run: kept whole in the sentence, each of their
        options is a unit of its own, after the sentence."""
        for node in nodes:
            if node.tag == "select":
                self._block(node, foreign, note, scope, steps)

    def _sole_wrapper(self, lead_text: str, node: etree._Element, foreign: str | None) -> bool:
        """True when ``node``, alone in its run, wraps the whole text of it."""
        if lead_text.strip(" \t\n\r\f") or (node.tail or "").strip(" \t\n\r\f"):
            return False
        tag = tag_of(node)
        if tag in _NOT_WRAPPERS or tag in SKIPPED or self._skipped_by_rule(node):
            return False
        # A span in another language that is the whole paragraph is walked
        # as a block of that language (a unit marked foreign), not kept as a
        # code with no text around it, which would give no unit at all.
        return not (node.attrib and _skipped_by(node.attrib))

    def _inline_attributes(
        self, node: etree._Element, foreign: str | None, note: str | None
    ) -> None:
        """Attribute units of an inline node of a run and of its descendants.

        A skipped node has none; below it, a skipped element only loses its own.
        """
        tag = tag_of(node)
        if tag == "" or tag in SKIPPED or self._skipped_by_rule(node):
            return
        items = node.items()  # most inline elements have no attributes at all
        if items:
            attrs = dict(items)
            if _skipped_by(attrs):
                return
            self._attributes(node, tag, attrs, self._foreign_in(attrs, foreign), note)
        if len(node) == 0:
            return
        for el in node.iterdescendants():
            tag = el.tag
            if tag.__class__ is not str or tag in SKIPPED or self._skipped_by_rule(el):
                continue
            items = el.items()
            if items:
                attrs = dict(items)
                if not _skipped_by(attrs):
                    self._attributes(el, tag, attrs, self._foreign_in(attrs, foreign), note)

    def _line_of(
        self,
        el: etree._Element,
        lead: etree._Element | None,
        nodes: list[etree._Element],
        lead_text: str,
    ) -> int:
        if lead is None:
            return el.sourceline or 1
        for node in nodes:
            if node.sourceline:
                return max(1, node.sourceline - lead_text.count("\n"))
        return lead.sourceline or el.sourceline or 1

    def context_of(self, el: etree._Element) -> Context:
        """What kind of text a block holds, from its tag and its ancestors."""
        found = self._contexts.get(el)
        if found is None:
            found = self._contexts[el] = self._context_of(el)
        return found

    def _context_of(self, el: etree._Element) -> Context:
        while (
            tag_of(el) in INLINE_TAGS
            and tag_of(el) not in _INLINE_IN_TEXT
            and el.getparent() is not None
        ):
            el = el.getparent()  # a link or span holding a whole block's text
        tag = tag_of(el)
        if self._in_references(el):
            return "reference"
        if tag in HEADINGS:
            return "heading"
        if tag in ("button", "label", "option", "legend", "summary"):
            return "button"
        if tag in ("figcaption", "caption"):
            return "caption"
        if self._scopes.get(el, (False, 99))[1] < 4:
            return "byline"
        if tag in ("li", "dd", "dt"):
            return "list-item"
        if tag in ("p", "blockquote", "td", "th"):
            return "paragraph"
        return "text"

    def _enter(
        self,
        el: etree._Element,
        tag: str,
        attrs: Mapping[str, str],
        parent: tuple[bool, int],
    ) -> tuple[bool, int]:
        """The scope of ``el`` (whether it is in a references list, how far it
        is below a byline) from its parent's scope, its tag and attributes:
        computed once per element, top-down, and remembered for
        :meth:`context_of`."""
        refs, byline = parent
        if attrs:
            ident = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
            if not refs and ident.strip() and _REFERENCE_HINT.search(ident):
                refs = True
            if _BYLINE_HINT.search(f"{ident} {attrs.get('rel') or ''}"):
                byline = -1
        if not refs and tag in ("ol", "ul"):
            prev = el.getprevious()
            while prev is not None and tag_of(prev) == "":
                prev = prev.getprevious()
            if prev is not None and tag_of(prev) in HEADINGS:
                heading = collapse("".join(prev.itertext()))
                refs = bool(_REFERENCE_HEADING.search(heading))
        scope = self._scopes[el] = (refs, min(99, byline + 1))
        return scope

    def _in_references(self, el: etree._Element) -> bool:
        """Inside a references list: by class/id, or a list under a "Sources" heading."""
        return self._scopes.get(el, (False, 99))[0]


class _Encoder:
    """Turn a run of nodes into coded text, numbering codes from 1."""

    def __init__(self, walker: Walker, foreign: str | None) -> None:
        self.walker = walker
        self.foreign = foreign
        self.parts: list[str] = []
        self.codes: dict[int, etree._Element] = {}

    def text(self, value: str | None) -> None:
        if value:
            self.parts.append(_escape_code_like(value))

    def node(self, node: etree._Element) -> None:
        n = len(self.codes) + 1
        self.codes[n] = node
        if self.walker._kept_whole(node, tag_of(node), self.foreign):
            self.parts.append(f"<x{n}/>")
        else:
            self.parts.append(f"<g{n}>")
            self.text(node.text)
            for child in node:
                self.node(child)
            self.parts.append(f"</g{n}>")
        self.text(node.tail)

    def result(self) -> str:
        return "".join(self.parts)


def _escape_code_like(text: str) -> str:
    """Escape a literal ``<`` (see :func:`pipeline.text.codes.escape_text`)."""
    if "<" not in text and "&" not in text:
        return text
    return escape_text(text)


def _has_words(text: str) -> bool:
    """True when ``text`` holds a letter or digit (``str.isalnum``)."""
    return _WORD_CHAR.search(text) is not None


def _raw_ws(text: str, leading: bool) -> str:
    if leading:
        return text[: len(text) - len(text.lstrip(" \t\n\r\f"))]
    return text[len(text.rstrip(" \t\n\r\f")) :]


def _last_text(lead_text: str, nodes: list[etree._Element]) -> str:
    return (nodes[-1].tail or "") if nodes else lead_text


def _newline_marks(stripped: str, before: int) -> list[tuple[int, int]]:
    """(offset in collapsed text, newlines seen before it) at each newline run."""
    marks: list[tuple[int, int]] = []
    seen = before
    offset = 0
    for m in _HTML_WS.finditer(stripped):
        offset_in_collapsed = m.start() - (offset)
        seen += m.group(0).count("\n")
        marks.append((offset_in_collapsed + 1, seen))
        offset += len(m.group(0)) - 1
    return marks


def walk(
    root: etree._Element, page_lang: str, *, light: bool = False, rules: SiteRules = NO_RULES
) -> list[Unit]:
    """All translatable units of a parsed page, in document order; ``rules``
    are the site's (settings), the same for extraction and merge."""
    return Walker(root, page_lang, light=light, rules=rules).run()


def _inline_content(node: etree._Element) -> bool:
    """True when everything inside ``node`` is inline; what a protected
    element holds (an svg's paths, a select's options) does not count."""
    for child in node:
        tag = tag_of(child)
        if not tag or tag in PROTECTED_INLINE or tag in VOID_INLINE:
            if tag and tag not in INLINE_TAGS:
                return False
            continue
        if tag not in INLINE_TAGS or (len(child) and not _inline_content(child)):
            return False
    return True
