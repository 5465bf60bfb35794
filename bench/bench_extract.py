"""Extract + build speed and memory, Tolk against Translate Toolkit, same run.

For each page: Tolk extracts segments and merges them back (source as its own
translation, the work ``tolk extract`` + ``tolk build`` do per page); the peer
runs html2po then po2html on the same page. Pages are the bundled articles,
copied under new names. Peak memory is measured in fresh subprocesses over
few and many pages, to show it does not grow with the number of pages.

Run: ``python bench/bench_extract.py [--pages 200]``.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SOURCES = sorted((ROOT / "source_articles").glob("*.html"))


def iter_pages(count: int) -> Iterator[bytes]:
    """The pages of :func:`pages` one at a time, so memory holds one page."""
    data = [p.read_bytes() for p in SOURCES]
    for i in range(count):
        yield data[i % len(data)].replace(b"<p>", b"<p>%d " % i)


def pages(count: int) -> list[bytes]:
    """``count`` distinct pages: the bundled articles with every paragraph marked
    by its page number, so no cache can serve one page's work to another."""
    data = [p.read_bytes() for p in SOURCES]
    return [data[i % len(data)].replace(b"<p>", b"<p>%d " % i) for i in range(count)]


def tolk_extract(html: bytes) -> dict[str, str]:
    """Extract: decode, parse, segment. Returns the translations merge will use
    (each segment as its own translation: every unit is rebuilt)."""
    from pipeline.html.document import decode_html, parse_document
    from pipeline.html.extract import extract_document

    text, _ = decode_html(html, "bench.html")
    return {s.key: s.text for s in extract_document(parse_document(text, "bench.html"))}


def tolk_build(html: bytes, translations: dict[str, str]) -> str:
    """Build: parse the source again and merge the translations in."""
    from pipeline.html.document import decode_html, parse_document
    from pipeline.html.merge import merge_document

    text, _ = decode_html(html, "bench.html")
    doc = parse_document(text, "bench.html")
    return merge_document(doc, translations, "fr", source_lang=None).html


def peer_extract(html: bytes) -> bytes:
    """Translate Toolkit's html2po."""
    from translate.convert import html2po

    out = io.BytesIO()
    html2po.converthtml(io.BytesIO(html), out, None, pot=False)
    return out.getvalue()


def peer_translations(po_bytes: bytes) -> bytes:
    """The peer's catalog with every unit translated by its own source (not timed)."""
    from translate.storage import po

    store = po.pofile(io.BytesIO(po_bytes))
    for unit in store.units:
        if not unit.isheader():
            unit.target = unit.source
    return bytes(store)


def peer_build(html: bytes, po_bytes: bytes) -> bytes:
    """Translate Toolkit's po2html with a filled catalog."""
    from translate.convert import po2html

    out = io.BytesIO()
    po2html.converthtml(io.BytesIO(po_bytes), out, io.BytesIO(html), includefuzzy=True)
    return out.getvalue()


def tolk_one(html: bytes) -> str:
    """Extract then build one page (the memory subprocesses run this)."""
    return tolk_build(html, tolk_extract(html))


def peer_one(html: bytes) -> bytes:
    """html2po then po2html on one page, with a filled catalog."""
    return peer_build(html, peer_translations(peer_extract(html)))


def best_cpu(work: Callable[[], object], rounds: int = 3) -> float:
    """Best of ``rounds`` CPU times: CPU time, not wall time, so other work on
    the machine disturbs the ratio less."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def peak_rss(which: str, count: int) -> int:
    """Peak resident memory (KiB) of a fresh process doing ``count`` pages (Linux)."""
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r}); "
        "from bench.bench_extract import iter_pages, tolk_one, peer_one; "
        f"fn = tolk_one if {which!r} == 'tolk' else peer_one; "
        f"\nfor p in iter_pages({count}): fn(p)\n"
        # VmHWM, not ru_maxrss: ru_maxrss survives exec, so a child started
        # by a big parent would report the parent's peak.
        "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(done.stdout.strip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    docs = pages(args.pages)
    tolk_one(docs[0])
    peer_one(docs[0])  # warm both up (imports, caches)
    t_extract = best_cpu(lambda: [tolk_extract(d) for d in docs])
    p_extract = best_cpu(lambda: [peer_extract(d) for d in docs])
    ours = [tolk_extract(d) for d in docs]
    theirs = [peer_translations(peer_extract(d)) for d in docs]
    t_build = best_cpu(lambda: [tolk_build(d, t) for d, t in zip(docs, ours, strict=True)])
    p_build = best_cpu(lambda: [peer_build(d, t) for d, t in zip(docs, theirs, strict=True)])
    t_tolk, t_peer = t_extract + t_build, p_extract + p_build
    rss = {(who, n): peak_rss(who, n) for who in ("tolk", "peer") for n in (20, args.pages)}
    figures = {
        "pages": args.pages,
        "tolk_pages_per_s": args.pages / t_tolk,
        "peer_pages_per_s": args.pages / t_peer,
        "speed_ratio": t_peer / t_tolk,
        "extract_ratio": p_extract / t_extract,
        "build_ratio": p_build / t_build,
        "tolk_rss_kib": {str(n): rss[("tolk", n)] for n in (20, args.pages)},
        "peer_rss_kib": {str(n): rss[("peer", n)] for n in (20, args.pages)},
        "tolk_rss_growth": rss[("tolk", args.pages)] / rss[("tolk", 20)],
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(
        f"extract + build of {args.pages} pages (bundled articles, copied), every "
        "segment translated by itself, CPU time"
    )
    print(f"  Tolk                 {figures['tolk_pages_per_s']:8.1f} pages/s")
    print(f"  Translate Toolkit    {figures['peer_pages_per_s']:8.1f} pages/s")
    print(f"  speed ratio          {figures['speed_ratio']:8.2f}x  (goal: >= 3x)")
    print(
        f"    extract alone      {figures['extract_ratio']:8.2f}x   "
        f"build alone {figures['build_ratio']:.2f}x"
    )
    print(
        f"  peak RSS Tolk        {rss[('tolk', 20)] / 1024:6.1f} MiB at 20 pages, "
        f"{rss[('tolk', args.pages)] / 1024:6.1f} MiB at {args.pages} "
        f"(growth x{figures['tolk_rss_growth']:.2f})"
    )
    print(
        f"  peak RSS peer        {rss[('peer', 20)] / 1024:6.1f} MiB at 20 pages, "
        f"{rss[('peer', args.pages)] / 1024:6.1f} MiB at {args.pages}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
