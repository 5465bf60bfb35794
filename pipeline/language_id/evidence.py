"""The leftover judge: is a text in its page's language? Evidence, not word lists.

A translated page goes wrong in small places: a Dutch title above the French
one, "Written by" in a French byline, an alt text or a card teaser never
translated, one English sentence inside a French paragraph. The judge decides,
text by text, whether a text (or a run of words inside it) is such a leftover.

It weighs three kinds of evidence that hold on pages nobody tuned it for:

1. **Word statistics** (wordfreq). Each word's frequency in French, Dutch and
   English is a likelihood: "Geschreven" and "door" are common Dutch and rare
   French, so they say "Dutch" loudly; "Blog", "Privacy" or "Routes" are common
   in two of the languages and say almost nothing. Capitalised words inside a
   sentence and words rare in all three languages are mostly names (people,
   places, dishes, products) and count for little. This replaces the hand-made
   lists of UI phrases, cognates, loanwords, ingredients and brands that did not
   generalise.
2. **Running text** (Lingua) for texts of several words, whose confidences are
   added to the word evidence.
3. **The site itself** (:class:`SiteEvidence`). A capitalised word that the
   site writes inside sentences on pages of two or more languages (its company,
   its products, its people, its places) is neutral on every page.

Structure that is never language is blanked first, keeping offsets: inline
codes, URLs and e-mail addresses, numbers and units, dates (month names come
from Babel; a date's own language is the dates check's business), acronyms,
glossary terms, and citations in a references list.

A verdict says which words are foreign, as character offsets: a byline "Written
by Inès Vermeulen · Gepubliceerd op 3 maart 2024" on an English page flags
"Gepubliceerd op", not the byline. The few parameters of :class:`Params` are
fitted on a development set of real pages (``bench/fit_judge.py``), never on a
single string.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from itertools import islice

from pipeline.language_id.cache import VerdictCache, decode, encode
from pipeline.language_id.lingua import LANGS, as_dict, detector
from pipeline.language_id.verdicts import CONTEXTS, Span, Verdict, trim
from pipeline.languages import month_names
from pipeline.manifest import code_version
from pipeline.text.codes import CODE_RE
from pipeline.text.shapes import (
    LETTER_RE,
    NUMBER_RE,
    URL_RE,
    YEAR_RE,
    is_acronym,
    is_citation,
)

JUDGE_VERSION = "5"
"""Part of every cached verdict's key: raise it whenever the judge's rules change
in a way :class:`Params` does not show, so old verdicts are not served."""

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_ESCAPE_RE = re.compile(r"&(?:lt|amp);")
_TOKEN_RE = re.compile(r"[^\W_][\w'’+&/.-]*[\w+]|[^\W_]")
_QUOTE_RE = re.compile(r"«[^»]{3,}»|“[^”]{3,}”|„[^“”]{3,}[“”]|\"[^\"]{3,}\"")
_SENTENCE_BREAK = '.!?:;·|•–—([«"“„/\n'


LOAN_MAX_WORDS = 4
"""Longer foreign runs inside a sentence are never taken for loan phrases."""
FUZZY_MIN_WORDS = 3
"""Words a text needs before a fuzzy match with the memory is evidence."""
NAME_ZIPF = 3.0
"""A capitalised word standing alone on pages of two languages is the site's
name when it is rarer than this in French, Dutch and English (wordfreq)."""
EDGE_EVIDENCE = 0.5
"""Evidence (Zipf units) the first and last word of a foreign run must carry."""


@dataclass(frozen=True)
class Params:
    """The judge's few parameters (fitted by ``bench/fit_judge.py`` on the dev set).

    Word evidence is in Zipf units (log10 of a word's frequency per billion words).
    """

    floor: float = 1.5
    """Zipf given to a word a language's list lacks (or holds below this): a word
    unknown to a language is rare there, not impossible."""
    clip: float = 3.0
    """The most one word can say for one language over another."""
    name_weight: float = 0.15
    """Weight of a capitalised word inside a sentence: mostly a name."""
    rare_zipf: float = 2.5
    """A word rarer than this in all three languages is a name or a term..."""
    rare_weight: float = 0.3
    """...and counts this much."""
    lingua_weight: float = 3.0
    """Weight of Lingua's confidence margin (foreign minus page language, -1..1)."""
    lingua_min_words: int = 1
    """Texts with fewer words are judged by word evidence alone (the fit found
    Lingua's margin useful even on one word: "Subscribe", "Published on")."""
    threshold: float = 2.5
    """Evidence a whole text needs to be called foreign."""
    native_zipf: float = 4.5
    """A one-word text that is at least this frequent in the page's language is
    the page's word ("Privé" is Dutch as well as French), whatever else it is."""
    span_threshold: float = 4.0
    """Evidence a run of words inside a text needs to be called foreign."""
    loan_zipf: float = 0.0
    """A short foreign run inside a sentence whose words all have at least this
    Zipf frequency in the page's language is a loan phrase, not a leftover. The
    fit (dev + dev-extra, 2026-11) chose 0: any run of at most four words set
    inside a sentence, not after a break, is a loan, a name or a title ("the
    Markt in Middelburg", "a café au lait"); leftovers come as whole texts,
    sentences and byline halves."""
    switch_cost: float = 1.5
    """Evidence a change of language between two words must overcome."""
    span_min_words: int = 2
    """Words a foreign run must have (one word inside a sentence is a loanword)."""


@lru_cache(maxsize=1 << 17)
def word_zipf(word: str) -> tuple[float, float, float]:
    """The word's Zipf frequency in French, Dutch and English (wordfreq, ``best`` lists).

    >>> fr, nl, en = word_zipf("door")
    >>> nl > en > fr
    True
    >>> word_zipf("l’école") == word_zipf("l'école")
    True
    """
    from wordfreq import zipf_frequency

    # wordfreq knows "l'école" and "s'abonner" only with a straight apostrophe.
    word = word.replace("’", "'")
    return tuple(zipf_frequency(word, lang) for lang in LANGS)  # type: ignore[return-value]


_LANG_INDEX = {lang: i for i, lang in enumerate(LANGS)}


@dataclass
class Word:
    """A word of a text: where it is, how much it counts, and what it says."""

    start: int
    end: int
    weight: float
    zipf: tuple[float, float, float]

    def says(self, foreign: str, expected: str, params: Params) -> float:
        """Evidence (Zipf units) that this word is ``foreign`` rather than ``expected``."""
        f = max(self.zipf[_LANG_INDEX[foreign]], params.floor)
        e = max(self.zipf[_LANG_INDEX[expected]], params.floor)
        return self.weight * max(-params.clip, min(params.clip, f - e))


@lru_cache(maxsize=1)
def _month_re() -> re.Pattern[str]:
    names = sorted({n for lang in LANGS for n in month_names(lang)}, key=len, reverse=True)
    m = "(?:" + "|".join(re.escape(n) for n in names) + r")\.?"
    day = r"\d{1,2}(?:er|e|st|nd|rd|th)?\.?"
    # A month name only with a day or a year beside it: "mai", "mars" and "may"
    # are words too.
    return re.compile(
        rf"(?<![\w])(?:{day}\s+{m}(?:\s+\d{{4}})?|{m}\s+{day},?(?:\s+\d{{4}})?|{m}\s+\d{{4}})"
        r"(?![\w])",
        re.IGNORECASE,
    )


def _title_case(words: Sequence[str]) -> bool:
    long = [w for w in words if len(w) >= 4]
    return len(long) >= 2 and sum(w[0].isupper() for w in long) / len(long) >= 0.6


def _headline(text: str, matches: Sequence[re.Match[str]]) -> bool:
    """True for a Title Case headline: most long words capitalised, not counting
    words that open a clause ("Written by Inès Vermeulen, registered dietitian ·
    Gepubliceerd op" is a byline, not a headline)."""
    if not _title_case([m.group(0) for m in matches]):
        return False  # leaving out clause openers (mostly capitalised) cannot make it one
    inside = [m.group(0) for m in matches if not _initial(text, m.start())]
    return _title_case(inside) if inside else True


_PAIR_RE = re.compile(r"<g(\d+)>(.*?)</g\1>")
_PIECE_RE = re.compile(r"[^|·•–—]+")


def _named_pieces(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` (with codes) that are names by their shape: the content
    of an inline element (a link, a bold run) inside a longer text whose words
    are all capitalised but for short particles, at most four words ("Written by
    <g1>Pieter de Graaf</g1>"). A byline or a credit links its people; a
    capitalised headline word would need the whole text to be one element.

    >>> _named_pieces("Written by <g1>Pieter de Graaf</g1> · Published <g2>today</g2>")
    [(15, 30)]
    """
    found: list[tuple[int, int]] = []
    if "<g" not in text:
        return found
    outside = _WORD_RE.findall(CODE_RE.sub(" ", _PAIR_RE.sub(" ", text)))
    if not outside:
        return found
    for m in _PAIR_RE.finditer(text):
        inner = CODE_RE.sub(" ", m.group(2))
        words = _WORD_RE.findall(inner)
        long = [w for w in words if len(w) >= 3]
        if not long or len(words) > 4 or not all(w[0].isupper() for w in long):
            continue
        if any(w.isupper() and len(w) > 1 for w in long):
            continue  # an acronym is the acronym rule's business
        found.append((m.start(2), m.end(2)))
    return found


def _initial(text: str, start: int) -> bool:
    """True when the word at ``start`` opens the text or a sentence or clause.

    Walks back over white space only (no slicing): a 1 MB paragraph has
    170,000 words, and copying what precedes each one would be quadratic.

    >>> _initial("Le chat. Il dort", 9), _initial("Le chat dort", 8), _initial("  Le", 2)
    (True, False, True)
    """
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i < 0 or text[i] in _SENTENCE_BREAK


@dataclass(frozen=True)
class SiteTerm:
    """A capitalised word a site writes inside sentences in several languages."""

    term: str
    langs: tuple[str, ...]
    seen: int
    files: tuple[str, ...] = ()


@dataclass
class SiteEvidence:
    """What a run of pages says about the site's own names.

    A word counts as the site's own when it is capitalised inside a sentence
    (not opening it, not in a Title Case headline) on pages of at least two
    languages: "Groenhart" in "Chez Groenhart, nous..." and "At Groenhart we...".
    Such words are neutral on every page of the site. Learned from the pages
    themselves, so it holds for any site; :meth:`terms` lists them for a person
    to confirm, and the glossary stays the explicit override.
    """

    langs_of: dict[str, set[str]] = field(default_factory=dict)
    seen: dict[str, int] = field(default_factory=dict)
    files_of: dict[str, set[str]] = field(default_factory=dict)
    vetoed: frozenset[str] = frozenset()
    alone_langs: dict[str, set[str]] = field(default_factory=dict)
    whole_langs: dict[str, set[str]] = field(default_factory=dict)
    page_langs: set[str] = field(default_factory=set)
    """Languages of the pages on which each whole text (as :func:`_key` reads it) stands."""

    def shared_by(self, text: str) -> tuple[str, ...]:
        """The languages of the pages that hold ``text`` as a whole text, sorted."""
        return tuple(sorted(self.whole_langs.get(_key(text), ())))

    def everywhere(self, text: str) -> bool:
        """True for a name-shaped text (two to four words, every word of three
        letters or more capitalised) standing alone on pages of every language
        of the run, two or more: a product line in the menus and cards of every
        page ("Budget Planner" on English, French and Dutch pages). A leftover
        title sits on the pages of its own language and a few others, not on all.
        One word is left out: a "Subscribe" button left on French pages of an
        English and French run stands on every language's pages too.
        """
        langs = set(self.whole_langs.get(_key(text), ()))
        if len(langs) < 2 or langs != self.page_langs:
            return False
        plain = CODE_RE.sub(" ", text)
        words = _WORD_RE.findall(plain)
        long = [w for w in words if len(w) >= 3]
        return 2 <= len(words) <= 4 and bool(long) and all(w[0].isupper() for w in long)

    def not_from(self, text: str, expected: str, found: str) -> bool:
        """True when the pages say ``text`` is no leftover of ``found`` on a page in
        ``expected``: it stands on pages of another language too, and none of them
        is in ``found``, though the run has pages in ``found``. A leftover comes
        from the pages in its own language; "Routes" on the Dutch and English
        menus of a site whose French pages say "Itinéraires" is the site's word,
        not French. ("Written by" on French and Dutch pages, with no English page
        in the run, stays a leftover.) The judge asks this of one-word texts
        only: a word is what two languages share; a phrase that stands on pages
        of two languages is more often one leftover copied twice ("Retour au
        blog" on English and Dutch pages translated from French)."""
        langs = set(self.whole_langs.get(_key(text), ())) - {expected}
        return bool(langs) and found not in langs and found in self.page_langs

    @staticmethod
    def _standalone(plain: str) -> list[str]:
        """Rare capitalised words that stand alone: a whole text ("Lindeboom" as
        the logo, og:site_name) or a piece of one set off by ``|``, ``·`` or a
        dash ("Magnesium and sleep | Lindeboom"), or before a full stop after a
        number ("© 2025 Lindeboom."). Only words wordfreq finds rare in all three
        languages (Zipf below :data:`NAME_ZIPF`): "Subscribe" left on a French
        page stands alone on English pages too, and is no name."""
        found = []
        for piece in _PIECE_RE.finditer(plain):
            # Stop at the second word: a paragraph is one long piece.
            words = list(islice(_WORD_RE.finditer(plain, piece.start(), piece.end()), 2))
            if len(words) != 1:
                continue
            word = words[0].group(0)
            if len(word) < 3 or not word[0].isupper() or word.isupper():
                continue
            if max(word_zipf(word.casefold())) < NAME_ZIPF:
                found.append(word)
        return found

    @classmethod
    def learn(
        cls,
        texts: Iterable[tuple[str, str]],
        *,
        files: Iterable[str] | None = None,
        vetoed: Iterable[str] = (),
    ) -> SiteEvidence:
        """Learn from ``(text, page language)`` pairs (``files``: where each was seen).

        ``vetoed`` words are never the site's names: a person said so (a ``!word``
        line in the glossary).
        """
        site = cls(vetoed=frozenset(vetoed))
        where = iter(files) if files is not None else None
        for text, lang in texts:
            file = next(where, "") if where is not None else ""
            plain = CODE_RE.sub(lambda m: " " * len(m.group(0)), text)
            site.page_langs.add(lang)
            key = _key(plain)
            if key:
                site.whole_langs.setdefault(key, set()).add(lang)
            for word in site._standalone(plain):
                site.alone_langs.setdefault(word, set()).add(lang)
                site.seen[word] = site.seen.get(word, 0) + 1
                if file:
                    site.files_of.setdefault(word, set()).add(file)
            matches = list(_WORD_RE.finditer(plain))
            if len(matches) < 3 or _title_case([m.group(0) for m in matches]):
                continue
            for m in matches:
                word = m.group(0)
                if len(word) < 3 or not word[0].isupper() or word.isupper():
                    continue
                if _initial(plain, m.start()):
                    continue
                site.langs_of.setdefault(word, set()).add(lang)
                site.seen[word] = site.seen.get(word, 0) + 1
                if file:
                    site.files_of.setdefault(word, set()).add(file)
        return site

    def neutral(self, word: str) -> bool:
        """True for a word the site uses as a name in two languages or more."""
        if word in self.vetoed:
            return False
        langs = self.langs_of.get(word, set()) | self.alone_langs.get(word, set())
        return len(langs) >= 2

    @classmethod
    def merged(cls, parts: Iterable[SiteEvidence], *, vetoed: Iterable[str] = ()) -> SiteEvidence:
        """What :meth:`learn` gives from the texts of all ``parts`` together.

        Each part learned from some texts (one page's, say); learning is
        unions of sets and sums of counts, so a run can keep each page's part
        and merge them instead of reading every text again.
        """
        site = cls(vetoed=frozenset(vetoed))
        for part in parts:
            site.page_langs |= part.page_langs
            for mine, theirs in (
                (site.langs_of, part.langs_of),
                (site.alone_langs, part.alone_langs),
                (site.whole_langs, part.whole_langs),
                (site.files_of, part.files_of),
            ):
                for key, values in theirs.items():
                    mine.setdefault(key, set()).update(values)
            for word, count in part.seen.items():
                site.seen[word] = site.seen.get(word, 0) + count
        return site

    def common_digest(self) -> str:
        """A digest of what this evidence says about every text alike: the
        site's neutral words and the languages of the run's pages."""
        blob = json.dumps([sorted(t.term for t in self.terms()), sorted(self.page_langs)])
        return hashlib.blake2b(blob.encode(), digest_size=16).hexdigest()

    def digest_for(self, texts: Iterable[str], common: str | None = None) -> str:
        """A digest of all this evidence can say about ``texts`` (one page's).

        A verdict reads the site's neutral words, the languages of the run's
        pages and, for its own text, the languages of the pages that hold it
        whole (:meth:`neutral`, :meth:`shared_by`, :meth:`everywhere`,
        :meth:`not_from`); so a page whose digest did not change gets the same
        verdicts, whatever else the other pages taught. ``common`` is
        :meth:`common_digest`, when it is already known.
        """
        shared = sorted({(t, self.shared_by(t)) for t in texts})
        blob = json.dumps([common or self.common_digest(), shared], ensure_ascii=False).encode(
            "utf-8", "surrogatepass"
        )
        return hashlib.blake2b(blob, digest_size=16).hexdigest()

    def terms(self) -> list[SiteTerm]:
        """The site's names, most seen first."""
        found = [
            SiteTerm(
                w,
                tuple(sorted(self.langs_of.get(w, set()) | self.alone_langs.get(w, set()))),
                self.seen[w],
                tuple(sorted(self.files_of.get(w, ()))),
            )
            for w in sorted(self.langs_of.keys() | self.alone_langs.keys())
            if self.neutral(w)
        ]
        return sorted(found, key=lambda t: (-t.seen, t.term))


_NO_SITE = SiteEvidence()
_LINGUA: dict[str, dict[str, float]] = {}
"""Lingua's confidences by blanked text, for the life of the process: a site
repeats its menus and bylines on every page, and fitting judges the same texts
many times. Kept to :data:`LINGUA_KEPT` texts (the oldest go first), so a
check of thousands of pages does not grow with them."""
LINGUA_KEPT = 20_000


@dataclass
class _Read:
    """A text read for judging: its blanked form and its words."""

    index: int
    text: str
    expected: str
    context: str
    plain: str
    masked: str
    words: list[Word]
    lingua: dict[str, float] = field(default_factory=dict)


class EvidenceJudge:
    """Decides whether texts of a page are in the page's language (see the module)."""

    def __init__(
        self,
        *,
        glossary: Iterable[str] = (),
        furniture: Mapping[str, str] | None = None,
        known: Iterable[tuple[str, str, str, str, bool]] = (),
        vetoed: Iterable[str] = (),
        params: Params | None = None,
        cache: VerdictCache | None = None,
        fuzzy_threshold: float | None = None,
    ) -> None:
        self.cache = cache
        self.fuzzy_threshold = fuzzy_threshold
        self.vetoed = frozenset(vetoed)
        # Longest first (a regex alternation takes the first that matches), then by
        # text: a set's order changes with the hash seed, and the pattern is part
        # of every cache key.
        terms = sorted({t.strip() for t in glossary if t.strip()}, key=lambda t: (-len(t), t))
        self._glossary = (
            re.compile(
                r"(?<![\w])(?:" + "|".join(re.escape(t) for t in terms) + r")(?![\w])",
                re.IGNORECASE,
            )
            if terms
            else None
        )
        self._furniture: dict[str, str] = {}
        for phrase, lang in (furniture or {}).items():
            if lang not in LANGS:
                raise ValueError(f"furniture {phrase!r}: unknown language {lang!r}")
            self._furniture[" ".join(phrase.casefold().split())] = lang
        self.params = params or Params()
        self.site = _NO_SITE
        # Memory evidence: what the translation memory and catalogs know. A text
        # known as a source in another language, with a translation into the
        # page's language, is a leftover; a text known in the page's language is not.
        self._known_lang: dict[str, set[str]] = {}
        self._translated: dict[tuple[str, str], str] = {}
        # ``known`` holds (source language, source, target language, target,
        # reviewed): a source text is in its language whoever translated it, but
        # only a reviewed target vouches for the target language (an unreviewed
        # machine output may be the source copied).
        for source_lang, source, target_lang, target, reviewed in known:
            s_key, t_key = _key(source), _key(target)
            if not s_key or not t_key or s_key == t_key:
                continue
            self._known_lang.setdefault(s_key, set()).add(source_lang)
            if reviewed:
                self._known_lang.setdefault(t_key, set()).add(target_lang)
                self._translated.setdefault((s_key, target_lang), target)
        self._fuzzy: dict[str, tuple[_Postings, _Postings]] = {}
        self._config: str | None = None

    def config_digest(self) -> str:
        """A digest of everything but the site evidence that a verdict depends on.

        The judge's version and parameters, the versions of Lingua and wordfreq,
        the glossary, the furniture, the memory's evidence and the vetoed site
        terms: the simplest sound key, since any change to them misses the cache.
        """
        if self._config is None:
            config = {
                "judge": [JUDGE_VERSION, code_version()],
                "params": asdict(self.params),
                "libraries": [_version("lingua-language-detector"), _version("wordfreq")],
                "glossary": self._glossary.pattern if self._glossary is not None else "",
                "furniture": sorted(self._furniture.items()),
                "known": sorted((k, sorted(v)) for k, v in self._known_lang.items()),
                "translated": sorted([*k, v] for k, v in self._translated.items()),
                "vetoed": sorted(self.vetoed),
                "fuzzy": self.fuzzy_threshold,
            }
            blob = json.dumps(config, sort_keys=True, ensure_ascii=False).encode()
            self._config = hashlib.blake2b(blob, digest_size=16).hexdigest()
        return self._config

    def cache_key(self, text: str, expected: str, context: str, neutral: Sequence[str]) -> str:
        """The key of a verdict: the text, its page language and context, the
        judge's configuration, and which site-neutral words occur in the text
        and the languages of the pages holding the same whole text (the only
        parts of the site evidence that can change its verdict)."""
        present = sorted(w for w in neutral if w in text)
        shared: list[object] = list(self.site.shared_by(text))
        if len(shared) >= 2:
            shared.append(sorted(self.site.page_langs))
        blob = json.dumps(
            [self.config_digest(), text, expected, context, present, shared], ensure_ascii=False
        ).encode()
        return hashlib.blake2b(blob, digest_size=20).hexdigest()

    def judge(self, text: str, expected: str, context: str = "text") -> Verdict:
        """Judge one text found on a page in language ``expected``."""
        return self.judge_many([(text, expected, context)])[0]

    def judge_many(
        self, items: Sequence[tuple[str, str, str]], site: SiteEvidence | None = None
    ) -> list[Verdict]:
        """Judge ``(text, expected, context)`` items; Lingua runs once, batched.

        ``site`` is what the pages of this run say about the site's names; by
        default it is learned from the items themselves.
        """
        if site is None:
            site = SiteEvidence.learn(((t, lang) for t, lang, _ in items), vetoed=self.vetoed)
        self.site = site
        for _text, expected, context in items:
            if expected not in LANGS:
                raise ValueError(f"unknown page language {expected!r}; expected one of {LANGS}")
            if context not in CONTEXTS:
                raise ValueError(f"unknown context {context!r}; expected one of {sorted(CONTEXTS)}")
        if self.cache is None:
            return self._judge_afresh(items)
        neutral = [t.term for t in site.terms()]
        keys = [self.cache_key(t, e, c, neutral) for t, e, c in items]
        stored = self.cache.get_many(keys)
        verdicts = {
            i: decode(stored[k], items[i][0], items[i][1])
            for i, k in enumerate(keys)
            if k in stored
        }
        todo = [i for i in range(len(items)) if i not in verdicts]
        fresh = self._judge_afresh([items[i] for i in todo])
        verdicts.update(zip(todo, fresh, strict=True))
        self.cache.put_many({keys[i]: encode(v) for i, v in zip(todo, fresh, strict=True)})
        return [verdicts[i] for i in range(len(items))]

    def _judge_afresh(self, items: Sequence[tuple[str, str, str]]) -> list[Verdict]:
        """Judge items no cache knows, with the site evidence of :meth:`judge_many`."""
        verdicts: list[Verdict | None] = [None] * len(items)
        reads: list[_Read] = []
        for index, (text, expected, context) in enumerate(items):
            outcome = self._read(index, text, expected, context)
            if isinstance(outcome, Verdict):
                verdicts[index] = outcome
            else:
                reads.append(outcome)
        wanted = [r for r in reads if len(r.words) >= self.params.lingua_min_words]
        todo = sorted({r.masked for r in wanted} - _LINGUA.keys())
        if todo:
            batch = detector().compute_language_confidence_values_in_parallel(todo)
            fresh = {masked: as_dict(values) for masked, values in zip(todo, batch, strict=True)}
        else:
            fresh = {}
        for r in wanted:
            r.lingua = fresh[r.masked] if r.masked in fresh else _LINGUA[r.masked]
        _LINGUA.update(fresh)
        for old in list(islice(_LINGUA, max(0, len(_LINGUA) - LINGUA_KEPT))):
            del _LINGUA[old]
        for r in reads:
            verdicts[r.index] = self._decide(r)
        return [v for v in verdicts if v is not None]

    # --- reading ----------------------------------------------------------------

    def _read(self, index: int, text: str, expected: str, context: str) -> Verdict | _Read:
        plain = CODE_RE.sub(lambda m: " " * len(m.group(0)), text)
        if not LETTER_RE.search(plain):
            reason = "number" if any(c.isdigit() for c in plain) else "too-short"
            return Verdict(text, expected, None, None, False, reason)
        key = " ".join(plain.casefold().split())
        if key in self._furniture:
            lang = self._furniture[key]
            if lang == expected:
                return Verdict(text, expected, lang, 1.0, False, "furniture")
            return _whole(text, plain, expected, lang, 1.0, "furniture")
        known = self._known_lang.get(_key(plain))
        if known:
            if expected in known:
                return Verdict(text, expected, expected, 1.0, False, "memory")
            for lang in LANGS:
                if lang in known and (_key(plain), expected) in self._translated:
                    return _whole(text, plain, expected, lang, 1.0, "memory")
        elif self.fuzzy_threshold is not None:
            close = self._close_source(_key(plain), expected)
            if close is not None:
                lang, score = close
                return _whole(text, plain, expected, lang, round(score / 100, 3), "memory")
        if is_citation(plain) or (context == "reference" and YEAR_RE.search(plain)):
            return Verdict(text, expected, None, None, False, "citation")
        removed: dict[str, int] = {}

        def blank(masked: str, pattern: re.Pattern[str], reason: str) -> str:
            after = _blank(masked, pattern)
            gone = len(LETTER_RE.findall(masked)) - len(LETTER_RE.findall(after))
            if gone:
                removed[reason] = removed.get(reason, 0) + gone
            return after

        masked = _blank(plain, _ESCAPE_RE)
        masked = blank(masked, URL_RE, "url")
        masked = blank(masked, _month_re(), "number")
        masked = blank(masked, NUMBER_RE, "number")
        if self._glossary is not None:
            masked = blank(masked, self._glossary, "glossary")
        masked = self._blank_quotes(masked)
        # Acronyms blanked in one pass (a copy of the text per acronym, and the
        # shouting test per token, were quadratic on a long text of them).
        shouted = _shouting(plain) and " " in plain.strip()
        pieces: list[str] = []
        last = 0
        for tok in _TOKEN_RE.finditer(masked):
            if not shouted and is_acronym(tok.group(0)):
                removed["acronym"] = removed.get("acronym", 0) + len(tok.group(0))
                pieces += [masked[last : tok.start()], " " * (tok.end() - tok.start())]
                last = tok.end()
        masked = "".join([*pieces, masked[last:]])
        matches = list(_WORD_RE.finditer(masked))
        if not matches:
            if LETTER_RE.search(masked):
                removed.clear()
            reason = max(removed, key=lambda k: removed[k]) if removed else "too-short"
            return Verdict(text, expected, None, None, False, reason)
        title = _headline(masked, matches) or _shouting(plain)
        named = _named_pieces(text)
        p = self.params
        words: list[Word] = []
        for m in matches:
            word = m.group(0)
            if self.site.neutral(word):
                continue
            zipf = word_zipf(word.casefold())
            weight = 1.0
            if any(a <= m.start() < b for a, b in named):
                if word[0].isupper():
                    weight *= p.name_weight
            elif (word[0].isupper() and not title and not _initial(masked, m.start())) or (
                any(c.isupper() for c in word[1:]) and not word.isupper()
            ):
                # A capital inside a sentence, or inside a word (CureCurious,
                # iPhone): a name.
                weight *= p.name_weight
            if max(zipf) < p.rare_zipf:
                weight *= p.rare_weight
            words.append(Word(m.start(), m.end(), weight, zipf))
        if not words:
            return Verdict(text, expected, None, None, False, "name")
        return _Read(index, text, expected, context, plain, masked, words)

    def _close_source(self, key: str, expected: str) -> tuple[str, float] | None:
        """The language of a source text the memory knows that ``key`` is close to
        (rapidfuzz ratio at least the project's fuzzy threshold), when that
        source has a known translation into ``expected`` and ``key`` is not as
        close to any text known in ``expected``: a leftover with a small edit
        ("Written by the Lindeboom team" for a known "Written by the team").
        Texts of fewer than :data:`FUZZY_MIN_WORDS` words are left to exact
        matches: "Delete file" and "Delete files" are close and both English."""
        if self.fuzzy_threshold is None or len(key.split()) < FUZZY_MIN_WORDS:
            return None
        from rapidfuzz import fuzz, process

        if expected not in self._fuzzy:
            sources = sorted(
                {s for (s, lang) in self._translated if lang == expected}
                - {k for k, langs in self._known_lang.items() if expected in langs}
            )
            natives = sorted(k for k, langs in self._known_lang.items() if expected in langs)
            self._fuzzy[expected] = (_Postings(sources), _Postings(natives))
        foreign, native = self._fuzzy[expected]
        best = process.extractOne(
            key, foreign.near(key), scorer=fuzz.ratio, score_cutoff=self.fuzzy_threshold
        )
        if best is None:
            return None
        match, score = best[0], float(best[1])
        rival = process.extractOne(key, native.near(key), scorer=fuzz.ratio, score_cutoff=score)
        if rival is not None:
            return None
        langs = self._known_lang.get(match, set()) - {expected}
        if not langs:
            return None
        return min(langs, key=LANGS.index), score

    @staticmethod
    def _blank_quotes(masked: str) -> str:
        """Blank quotations inside a longer text (a quoted paper title is reported
        speech); a text that is all quote is still judged."""
        quotes = list(_QUOTE_RE.finditer(masked))
        if not quotes:
            return masked
        outside = _blank(masked, _QUOTE_RE)
        return outside if len(_WORD_RE.findall(outside)) >= 3 else masked

    # --- deciding ---------------------------------------------------------------

    def evidence(self, r: _Read, foreign: str) -> float:
        """All evidence that the text is ``foreign`` rather than its page's language."""
        total = sum(w.says(foreign, r.expected, self.params) for w in r.words)
        if r.lingua:
            # Lingua reads names too: its say is scaled by how much of the text
            # is words that count fully.
            share = sum(w.weight for w in r.words) / len(r.words)
            margin = r.lingua.get(foreign, 0.0) - r.lingua.get(r.expected, 0.0)
            total += self.params.lingua_weight * share * margin
        return total

    def _decide(self, r: _Read) -> Verdict:
        p = self.params
        others = [lang for lang in LANGS if lang != r.expected]
        scores = {lang: self.evidence(r, lang) for lang in others}
        found = max(others, key=lambda lang: (scores[lang], -LANGS.index(lang)))
        score = scores[found]
        if r.context == "reference" and found == "en":
            return Verdict(r.text, r.expected, found, None, False, "citation")
        whole = score >= p.threshold
        if whole and len(r.words) == 1:
            whole = r.words[0].zipf[_LANG_INDEX[r.expected]] < p.native_zipf
        if whole or len(r.words) > p.span_min_words:
            need = min(p.threshold, p.span_threshold) if whole else p.span_threshold
            spans = self._runs(r, others, need)
            if spans and (len({s.lang for s in spans}) > 1 or self._page_words_outside(r, spans)):
                main = max(spans, key=lambda s: s.confidence)
                return Verdict(r.text, r.expected, main.lang, main.confidence, True, "mixed", spans)
        if whole and (
            (len(r.words) == 1 and self.site.not_from(r.text, r.expected, found))
            or self.site.everywhere(r.text)
        ):
            return Verdict(r.text, r.expected, found, None, False, "site")
        if whole:
            confidence = _confidence(score, p.threshold)
            return _whole(r.text, r.plain, r.expected, found, confidence, "foreign")
        reason = "same-language" if score < 0 else "low-confidence"
        return Verdict(r.text, r.expected, r.expected if score < 0 else found, None, False, reason)

    def _page_words_outside(self, r: _Read, spans: Sequence[Span]) -> bool:
        """True when a word outside the foreign runs is in the page's language:
        then only the runs are foreign, else the whole text is."""
        for w in r.words:
            if any(s.start <= w.start < s.end for s in spans):
                continue
            if all(w.says(s.lang, r.expected, self.params) <= -EDGE_EVIDENCE for s in spans):
                return True
        return False

    def _loan(self, r: _Read, a: int, b: int) -> bool:
        """True for a short run set inside a sentence of the page's language whose
        words that language's own corpus knows: "a café au lait before heading
        home", "déjà vu". A run that opens the text or follows a break
        ("· Gepubliceerd op") is not a loan, nor one of more than four words."""
        if b - a > LOAN_MAX_WORDS or a == 0 or b == len(r.words):
            return False
        before = r.masked[r.words[a - 1].end : r.words[a].start]
        after = r.masked[r.words[b - 1].end : r.words[b].start]
        if any(c in _SENTENCE_BREAK for c in before + after):
            return False
        own = _LANG_INDEX[r.expected]
        return min(w.zipf[own] for w in r.words[a:b]) >= self.params.loan_zipf

    def _runs(self, r: _Read, others: Sequence[str], need: float) -> tuple[Span, ...]:
        """Runs of words inside the text that are in another language.

        A Viterbi pass labels each word with the page's language or one of the
        others, paying ``switch_cost`` for each change, so a run is a stretch of
        words that together say "foreign" and a lone ambiguous word ("on" is
        French too) does not drag one run into the next. A run counts with
        ``need`` evidence and ``span_min_words`` words that say "foreign" themselves.
        """
        p = self.params
        states = [r.expected, *others]
        says = [
            [0.0 if lang == r.expected else w.says(lang, r.expected, p) for lang in states]
            for w in r.words
        ]
        score = list(says[0])
        back: list[list[int]] = []
        for row in says[1:]:
            step, new = [], []
            for j in range(len(states)):
                k = max(
                    range(len(states)),
                    key=lambda i: score[i] - (p.switch_cost if i != j else 0.0),
                )
                step.append(k)
                new.append(score[k] - (p.switch_cost if k != j else 0.0) + row[j])
            back.append(step)
            score = new
        path = [max(range(len(states)), key=lambda i: score[i])]
        for step in reversed(back):
            path.append(step[path[-1]])
        path.reverse()
        spans: list[Span] = []
        i = 0
        while i < len(path):
            j = i
            while j < len(path) and path[j] == path[i]:
                j += 1
            if path[i] != 0:
                lang = states[path[i]]
                a, b = i, j
                while a < b and says[a][path[i]] < EDGE_EVIDENCE:
                    a += 1
                while b > a and says[b - 1][path[i]] < EDGE_EVIDENCE:
                    b -= 1
                evidence = sum(says[k][path[i]] for k in range(a, b))
                strong = sum(1 for k in range(a, b) if says[k][path[i]] > 0)
                if b > a and self._loan(r, a, b):
                    i = j
                    continue
                if b > a and evidence >= need and strong >= p.span_min_words:
                    start, end = trim(r.plain, r.words[a].start, r.words[b - 1].end)
                    while end < len(r.plain) and r.plain[end] in ".!?…":
                        end += 1  # the run's sentence ends with it
                    spans.append(Span(start, end, lang, _confidence(evidence, need)))
            i = j
        return tuple(spans)


class _Postings:
    """Known texts by their long words, so a fuzzy lookup scores only the texts
    that share one with the query (a ratio of 75 or more shares one in practice)
    rather than the whole memory: 4 ms a query over 20,000 texts otherwise."""

    COMMON = 2000
    """A word in more texts than this narrows nothing and is not looked up."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = list(texts)
        self.by_word: dict[str, list[int]] = {}
        for i, text in enumerate(self.texts):
            for word in set(_LONG_WORD_RE.findall(text)):
                self.by_word.setdefault(word, []).append(i)

    def near(self, key: str) -> list[str]:
        """The known texts sharing a long (not common) word with ``key``."""
        ids: set[int] = set()
        for word in set(_LONG_WORD_RE.findall(key)):
            posting = self.by_word.get(word, ())
            if len(posting) <= self.COMMON:
                ids.update(posting)
        return [self.texts[i] for i in sorted(ids)]


_LONG_WORD_RE = re.compile(r"[^\W\d_]{4,}")


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "-"


@lru_cache(maxsize=1 << 16)
def _key(text: str) -> str:
    """A text as the memory is looked up: no codes, case or outer punctuation.

    >>> _key(" <g1>Written</g1>  by: ")
    'written by'
    """
    plain = CODE_RE.sub(" ", text)
    return " ".join(plain.casefold().split()).strip(" .:;,!?·|-–—")


def _length(spans: Sequence[Span]) -> int:
    return sum(s.end - s.start for s in spans)


def _confidence(score: float, threshold: float) -> float:
    """Evidence as a 0..1 figure for reports: 0.5 at the threshold."""
    return round(1.0 / (1.0 + math.exp(-(score - threshold))), 3)


def _shouting(plain: str) -> bool:
    letters = [c for c in plain if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def _whole(
    text: str, plain: str, expected: str, found: str, confidence: float, reason: str
) -> Verdict:
    start, end = trim(plain, 0, len(plain))
    return Verdict(
        text, expected, found, confidence, True, reason, (Span(start, end, found, confidence),)
    )
