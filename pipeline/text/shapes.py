"""Shapes of text that are not language: addresses, numbers, citations, acronyms.

The leftover judge blanks them before it weighs words, since a DOI, "200 mg"
or "NMDA" says nothing about the language around it. Pure pattern tests: no
word lists.
"""

from __future__ import annotations

import re

URL_RE = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|nl|fr|be|org|net|eu|io|de|co\.uk)\b(?:/\S*)?"
    r"|(?<!\w)[#@]\w+",
    re.IGNORECASE,
)
_CITATION_FRAGMENT_RE = re.compile(
    r"\b[A-Z][\w'’-]+(?:\s+[A-Z]{1,3})?,?\s+et\s+al\.?(?:,?\s*\(?(?:19|20)\d{2}\)?)?"
    r"|\bdoi:\s*\S+|\b10\.\d{4,9}/\S+|\bPMID:?\s*\d+|\bPMC\d+"
    r"|\b(?:19|20)\d{2}\s*;\s*\d+(?:\(\d+\))?(?::\s*[A-Z]?\d+(?:[–-]\d+)?)?",
)
_VANCOUVER_AUTHORS_RE = re.compile(
    r"^\s*(?:\d{1,3}[.)]\s*)?[A-Z][\w'’-]+\s+[A-Z]{1,3}(?:,\s*[A-Z][\w'’-]+\s+[A-Z]{1,3})*"
    r"(?:,\s*et\s+al)?\.",
)
_APA_AUTHORS_RE = re.compile(
    r"^\s*(?:\d{1,3}[.)]\s*)?[A-Z][\w'’-]+,\s+(?:[A-Z]\.\s*){1,3}(?:,|&|\(|\s)"
)
_VOLUME_RE = re.compile(
    r"\b(?:19|20)\d{2}\s*;\s*\d+|\b\d+\s*\(\d+\)\s*[:,]\s*[A-Z]?\d+|\bdoi:|\b10\.\d{4,9}/|\bPMID\b"
)
_QUOTE_RE = re.compile(r"«[^»]{3,}»|“[^”]{3,}”|‘[^’]{3,}’|\"[^\"]{3,}\"")
YEAR_RE = re.compile(r"\b(?:1[89]|20)\d{2}\b")
LETTER_RE = re.compile(r"[^\W\d_]")
NUMBER_RE = re.compile(r"(?<![\w])[-+]?\d+(?:[.,:/]\d+)*(?:\s?(?:%|°C|°F|[a-zµμ]{1,3}\b))?")
"""A number with the unit written after it, if any: "200 mg", "3,5 %", "12:30"."""
_WORD_RE = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")


def is_citation(text: str) -> bool:
    """True for text shaped like a bibliographic reference.

    Needs an author list at the start (Vancouver "Slutsky I, ..." or APA
    "Cao, Y., ...") with a year or volume, or a volume/pages, DOI or PMID
    pattern. A mere "et al." inside a sentence is not enough: an English
    paragraph citing "(Smith et al., 2019)" is still a leftover.

    >>> is_citation("Boyle NB, Dye L. Magnesium and stress. Nutrients. 2017;9(5):429.")
    True
    >>> is_citation("Selon Slutsky et al. (2010), le MgT augmente la densité synaptique.")
    False
    """
    if len(text) > 600:
        return False
    authors = _VANCOUVER_AUTHORS_RE.search(text) or _APA_AUTHORS_RE.search(text)
    if authors and (YEAR_RE.search(text) or _VOLUME_RE.search(text)):
        return True
    return bool(_VOLUME_RE.search(text)) and len(_WORD_RE.findall(text)) <= 60


def is_acronym(token: str) -> bool:
    """GABA, NMDA, Ca-AKG, MgT, D3, Q10, HT22, APP/PS1, NAD+: not words of a language.

    >>> [is_acronym(t) for t in ("GABA", "Ca-AKG", "MgT", "D3", "Mg", "READ", "Magnesium")]
    [True, True, True, True, False, True, False]
    """
    letters = [c for c in token if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    lower = len(letters) - upper
    digits = any(c.isdigit() for c in token)
    if not letters:
        return digits
    longest_lower = max((len(run) for run in re.findall(r"[a-zà-ÿ]+", token)), default=0)
    if digits and upper >= 1 and longest_lower <= 1:
        return True
    if upper >= 2 and upper >= lower and longest_lower <= 1:
        return len(letters) <= 6 or any(c in token for c in "-/+&")
    return False
