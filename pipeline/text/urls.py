"""Web addresses in running text: the patterns checks and fixers skip or compare.

One home for them. They are three on purpose, each tuned to what its user
needs, and kept apart so that merging them changes no finding:

* :data:`LINK_RE` -- a link as written, stopping at quotes and brackets, so
  the ``urls`` check can compare a source's links with its translation's;
* :data:`ADDRESS_RE` -- anything address-like (links, e-mail addresses, bare
  ``site.com/path``), which spacing and glued-word analysis must not read
  as words;
* :data:`LINK_OR_EMAIL_RE` -- links and anything with an ``@``, left out when
  a translation's length is compared with its source's.

>>> LINK_RE.findall('voir «https://ex.org/a» et www.ex.org.')
['https://ex.org/a', 'www.ex.org.']
>>> ADDRESS_RE.findall("mail a@b.org or see ex.com/x")
['a@b.org', 'ex.com/x']
>>> LINK_OR_EMAIL_RE.findall("écrire à info@ex.org ou https://ex.org")
['info@ex.org', 'https://ex.org']
"""

from __future__ import annotations

import re

LINK_RE = re.compile(r"(?:https?|ftp)://[^\s<>\"“”«»]+|www\.[^\s<>\"“”«»]+")
"""A link as written in text (scheme or ``www.``), ending before quotes and brackets."""

ADDRESS_RE = re.compile(r"(?:https?|ftp)://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+|\S+\.\w{2,4}/\S*")
"""Anything address-like: links, e-mail addresses, bare ``domain.tld/path``."""

LINK_OR_EMAIL_RE = re.compile(r"(?:https?|ftp)://\S+|www\.\S+|\S+@\S+")
"""Links and any word holding an ``@``."""
