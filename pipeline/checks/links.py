"""Checks on what a page says about languages: its address, its versions, its links.

A translated page built from a source keeps whatever the build did not
rewrite: the source's canonical URL, its JSON-LD ``inLanguage``, cards linking
to ``/nl/...`` articles. Search engines then index the French page as the
Dutch one, and a French reader is sent to Dutch pages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePath
from typing import ClassVar
from urllib.parse import urlsplit

from pipeline.checks.base import Check, Item, Origin, Problem
from pipeline.languages import display_name, normalize

_HREFLANG_RE = re.compile(r"hreflang=([\w-]+)")


def url_language(href: str) -> str | None:
    """The language a URL's path names (``/nl/...``, ``../fr/x.html``), if any.

    >>> url_language("https://www.longevia.nl/nl/alfa.html"), url_language("../fr-be/a.html")
    ('nl', 'fr')
    >>> url_language("/collections/nmn"), url_language("https://curecurious.com/sleep/")
    (None, None)
    """
    for part in urlsplit(href).path.split("/")[:-1]:
        lang = normalize(part) if 2 <= len(part) <= 5 else None
        if lang:
            return lang
    return None


def _same_url(a: str, b: str) -> bool:
    """Two addresses of one page, up to a fragment, a query and a trailing slash."""

    def bare(url: str) -> str:
        return url.split("#", 1)[0].split("?", 1)[0].rstrip("/")

    return bare(a) == bare(b)


def _is_this_file(href: str, file: str) -> bool:
    """True when a relative ``href`` names the page's own file (``x.html`` in ``fr/x.html``).

    >>> _is_this_file("./x.html", "build/fr/x.html"), _is_this_file("../nl/x.html", "fr/x.html")
    (True, False)
    """
    bare = href.split("#", 1)[0].split("?", 1)[0].removeprefix("./")
    return bool(bare) and "/" not in bare and ":" not in bare and bare == PurePath(file).name


def _host(href: str) -> str:
    return urlsplit(href).netloc.lower()


class WrongLanguageLink(Check):
    """A page whose canonical, hreflang, ``inLanguage`` or links point at another language.

    A French page whose canonical is the Dutch URL, whose ``hreflang="nl"``
    names a French page (or the page itself), whose JSON-LD says
    ``"inLanguage": "nl"`` or whose cards link to ``/nl/...`` articles. A
    URL's language is the one the page's own hreflang links give it, else the
    language its path names (``/nl/``). Only links inside the site are judged
    (relative, or on the host of the page's own links); a link that says its
    language (``hreflang``, ``lang``: a language switcher) is meant to.
    """

    id = "wrong-language-link"
    name = "Link to another language"
    description = "Canonical, hreflang, inLanguage or internal links pointing at another language."
    family = "links"
    severity = "warning"
    origins: ClassVar[frozenset[Origin]] = frozenset({"page"})
    reads_links = True

    def check(self, item: Item) -> Problem | None:
        """Judge one link alone (without the page's own hreflang links)."""
        return self.check_page([item])[0]

    def check_page(self, items: Sequence[Item]) -> list[Problem | None]:
        """Judge each link with what the page's head says about its own addresses."""
        links = [item for item in items if self.applies(item)]
        versions: list[tuple[str, str]] = []
        for item in links:
            declared = _declared(item)
            if declared is not None and declared != "x-default":
                versions.append((item.text, declared))
        hosts = {_host(item.text) for item in links if item.context == "canonical"}
        hosts |= {_host(href) for href, _lang in versions}
        hosts.discard("")
        return [
            self._judge(item, versions, hosts) if self.applies(item) else None for item in items
        ]

    def _judge(
        self, item: Item, versions: list[tuple[str, str]], hosts: set[str]
    ) -> Problem | None:
        page = item.lang
        if item.context in ("in-language", "og-locale"):
            stated = normalize(item.text)
            if stated is None or stated == page:
                return None
            what = "JSON-LD inLanguage" if item.context == "in-language" else "og:locale"
            return Problem(f"{what} says {_name(stated)} on a {_name(page)} page")
        if item.context == "alternate":
            declared = _declared(item)
            if declared is None or declared == "x-default":
                return None
            named = url_language(item.text)
            if named is not None and named != declared:
                return Problem(
                    f"hreflang={declared} points at a {_name(named)} page",
                    found_lang=named,
                )
            if declared != page and _is_this_file(item.text, item.file):
                return Problem(
                    f"hreflang={declared} points at this page itself, which is {_name(page)}"
                )
            return None  # the same URL as the canonical: reported on the canonical
        found = _language_of(item.text, versions)
        if found is None or found == page:
            return None
        if item.context == "canonical":
            return Problem(
                f"canonical is the {_name(found)} page: "
                f"a {_name(page)} page's canonical is its own address",
                found_lang=found,
            )
        host = _host(item.text)
        if host and host not in hosts:
            return None  # another site: an English source cited on a French page is fine
        return Problem(
            f"links to a {_name(found)} page: "
            f"point it at the {_name(page)} version if there is one",
            found_lang=found,
        )


def _declared(item: Item) -> str | None:
    """The language an hreflang link declares, from its location (``link[hreflang=nl]``)."""
    if item.context != "alternate":
        return None
    match = _HREFLANG_RE.search(item.location)
    if match is None:
        return None
    value = match.group(1).lower()
    return value if value == "x-default" else normalize(value)


def _language_of(href: str, versions: list[tuple[str, str]]) -> str | None:
    """The language of the page ``href`` names: by the page's hreflang links, else its path."""
    for url, lang in versions:
        if _same_url(url, href):
            return lang
    return url_language(href)


def _name(lang: str) -> str:
    return display_name(lang)
