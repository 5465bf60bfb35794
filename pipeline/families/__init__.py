"""Article families: pages that are one article in several languages.

A real site arrives with articles already translated by people. Such a page is
not a source to translate again: it is the published translation of another
page, its *original*. A family is found from the pages' own
``<link rel="alternate" hreflang>`` links (an absolute URL such as
``https://www.longevia.nl/fr/magnesium-l-threonate.html`` names the bundled
page by its last path segment, ``magnesium-l-threonate``) and from the
``families`` setting, for sites without such links.

Which member is the original, first rule that decides:

1. ``declared``: the first name of a ``families`` entry in ``[tool.tolk]``;
2. ``x-default``: the member a member's ``hreflang="x-default"`` link names;
3. ``referenced``: the only member that others link to and that links to none;
4. ``leftovers``: the member whose language the others still show: a published
   translation keeps untranslated sentences of its original ("Published on" on
   a French page from English), never the reverse;
5. ``first by name``, when nothing decides (declare it then).

This module only decides; :mod:`pipeline.families.align` pairs the sentences.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from pipeline.html.links import PageLinks

__all__ = [
    "Family",
    "Member",
    "PageFacts",
    "find_families",
    "leftover_evidence",
    "slug_of",
]


@dataclass(frozen=True)
class Member:
    """One page of a family: its article name, language, path and public URL (if known)."""

    name: str
    lang: str
    path: str
    url: str | None = None


@dataclass(frozen=True)
class PageFacts:
    """What family discovery needs from a page: name, language, path and head links."""

    name: str
    lang: str
    path: str
    links: PageLinks


@dataclass(frozen=True)
class Family:
    """One article in several languages; ``members[0]`` is the original."""

    members: tuple[Member, ...]
    reason: str

    @property
    def original(self) -> Member:
        """The page the others were translated from."""
        return self.members[0]

    @property
    def translations(self) -> tuple[Member, ...]:
        """The published translations of the original."""
        return self.members[1:]

    @property
    def langs(self) -> tuple[str, ...]:
        """Languages in which the article is published."""
        return tuple(m.lang for m in self.members)

    def member(self, lang: str) -> Member | None:
        """The member published in ``lang``, if any."""
        return next((m for m in self.members if m.lang == lang), None)

    def names(self) -> tuple[str, ...]:
        """Article names of the members, original first."""
        return tuple(m.name for m in self.members)


def slug_of(href: str) -> str:
    """The last path segment of a URL, without ``.html``: how a link names a page.

    >>> slug_of("https://www.longevia.nl/fr/magnesium-l-threonate.html?x=1#top")
    'magnesium-l-threonate'
    >>> slug_of("https://curecurious.com/magnesium-nightmares/"), slug_of("../en/a.htm")
    ('magnesium-nightmares', 'a')
    """
    path = href.split("#", 1)[0].split("?", 1)[0].rstrip("/")
    last = path.rsplit("/", 1)[-1]
    for suffix in (".html", ".htm"):
        last = last.removesuffix(suffix)
    return last


Evidence = Callable[[PageFacts, str], int]
"""How many segments of a page are still in a given language (rule 4)."""

# Rule 4 counts a segment only when detection is this sure and the text this
# long: short labels and names fool any detector.
EVIDENCE_CONFIDENCE = 0.9
EVIDENCE_MIN_LETTERS = 20


def leftover_evidence(page: PageFacts, lang: str) -> int:
    """How many of a page's segments the language detector places in ``lang``.

    Imported lazily: Lingua loads only when rules 1 to 3 leave a family undecided.
    """
    from pipeline.html.extract import extract_file
    from pipeline.language_id.lingua import detect_language

    count = 0
    for segment in extract_file(page.path).translatable:
        plain = segment.plain
        if sum(ch.isalpha() for ch in plain) < EVIDENCE_MIN_LETTERS:
            continue
        found, confidence = detect_language(plain)
        if found == lang and confidence >= EVIDENCE_CONFIDENCE:
            count += 1
    return count


def find_families(
    pages: Sequence[PageFacts],
    declared: Iterable[Sequence[str]] = (),
    evidence: Evidence | None = None,
) -> list[Family]:
    """The families among ``pages``, sorted by their original's name.

    Members are joined by hreflang links that resolve to a page (by slug) and by
    ``declared`` name lists; a family holds one page per language (a second
    page in a language already present stays out, as links cannot say which
    is the translation). ``evidence`` backs rule 4; without it rule 4 is skipped.
    """
    by_name = {p.name: p for p in pages}
    links: dict[str, set[str]] = {p.name: set() for p in pages}
    x_default: dict[str, str] = {}
    for page in pages:
        for hreflang, href in page.links.alternates:
            target = slug_of(href)
            if target not in by_name or target == page.name:
                continue
            if hreflang == "x-default":
                x_default[page.name] = target
            else:
                links[page.name].add(target)
    declared_lists = [[n for n in names if n in by_name] for names in declared]
    parent = {name: name for name in by_name}

    def root(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    def join(a: str, b: str) -> None:
        parent[root(a)] = root(b)

    for name, targets in links.items():
        for target in targets:
            join(name, target)
    for name, target in x_default.items():
        join(name, target)
    for names in declared_lists:
        for other in names[1:]:
            join(names[0], other)
    groups: dict[str, list[str]] = {}
    for name in sorted(by_name):
        groups.setdefault(root(name), []).append(name)
    families = []
    for names in groups.values():
        if len(names) < 2:
            continue
        original, reason = _original(names, by_name, links, x_default, declared_lists, evidence)
        families.append(_family(original, reason, names, by_name))
    return sorted(families, key=lambda f: f.original.name)


def _original(
    names: list[str],
    pages: Mapping[str, PageFacts],
    links: Mapping[str, set[str]],
    x_default: Mapping[str, str],
    declared: list[list[str]],
    evidence: Evidence | None,
) -> tuple[str, str]:
    """The original of a group of names, and the rule that chose it."""
    for listed in declared:
        if listed and listed[0] in names:
            return listed[0], "declared"
    defaults = sorted({x_default[n] for n in names if n in x_default})
    if len(defaults) == 1:
        return defaults[0], "x-default"
    linked_to = {t for n in names for t in links[n]}
    quiet = [n for n in names if n in linked_to and not links[n] & set(names)]
    if len(quiet) == 1:
        return quiet[0], "referenced"
    if evidence is not None:
        scores = {n: sum(evidence(pages[o], pages[n].lang) for o in names if o != n) for n in names}
        best = max(scores.values())
        winners = [n for n in names if scores[n] == best]
        if best > 0 and len(winners) == 1:
            return winners[0], "leftovers"
    return names[0], "first by name"


def _family(
    original: str,
    reason: str,
    names: list[str],
    pages: Mapping[str, PageFacts],
) -> Family:
    """The family with the original first, one member per language, URLs resolved."""
    urls: dict[str, str] = {}
    for name in names:
        page = pages[name]
        if page.links.canonical:
            urls.setdefault(name, page.links.canonical)
    for name in names:
        for hreflang, href in pages[name].links.alternates:
            target = slug_of(href)
            if target in names and hreflang != "x-default":
                urls.setdefault(target, href)
    members: list[Member] = []
    seen: set[str] = set()
    for name in [original, *(n for n in names if n != original)]:
        page = pages[name]
        if page.lang in seen:
            continue
        seen.add(page.lang)
        members.append(Member(name, page.lang, page.path, urls.get(name)))
    return Family(tuple(members), reason)
