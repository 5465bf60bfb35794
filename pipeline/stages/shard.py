"""``--shard K/N``: one machine's share of a project's articles.

A CI matrix or a cluster's job array runs one shard per machine. Each article
goes to the shard its name's hash says (hashlib, stable across runs, machines
and Python versions, unlike ``hash()``), so every machine agrees without
talking to the others; and since catalogs and built pages are per article,
the shards' outputs merge without conflict.

An article of a family (an original and its published translations) goes by
the family's name, the original's: align, translate and build read a family's
pages together, so a family is never split across shards. What every shard
writes besides its articles' files is the same on every shard (the memory
store's aligned units come from every family, sharded or not), so merging is
copying the shards' outputs over each other in any order. The manifest
(``build/.tolk-manifest.json``) is each machine's own record, not an output.
"""

from __future__ import annotations

import argparse
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from pipeline.project import Article

T = TypeVar("T")

_SHARD_RE = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


@dataclass(frozen=True)
class Shard:
    """Shard ``index`` of ``count`` (1-based, as a CI matrix counts)."""

    index: int
    count: int

    @classmethod
    def parse(cls, value: str) -> Shard:
        """``"2/3"`` -> the second of three shards; an ``argparse`` type.

        >>> Shard.parse("2/3")
        Shard(index=2, count=3)
        """
        m = _SHARD_RE.match(value)
        index, count = (int(m.group(1)), int(m.group(2))) if m else (0, 0)
        if not 1 <= index <= count:
            raise argparse.ArgumentTypeError(
                f"expected K/N with 1 <= K <= N (such as 1/3), not {value!r}"
            )
        return cls(index, count)

    def holds(self, name: str) -> bool:
        """True when the article ``name`` belongs to this shard.

        >>> sum(Shard(k, 3).holds("magnesium") for k in (1, 2, 3))
        1
        """
        digest = hashlib.blake2b(name.encode("utf-8"), digest_size=8).digest()
        return int.from_bytes(digest, "big") % self.count == self.index - 1

    def select(self, items: Iterable[T], name_of: Callable[[T], str]) -> list[T]:
        """The items whose name falls in this shard, in their order."""
        return [item for item in items if self.holds(name_of(item))]


def shard_name(article: Article) -> str:
    """The name an article is sharded by: its family's (the original's), else its own."""
    return article.family.original.name if article.family is not None else article.name
