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
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SOURCES = sorted((ROOT / "source_articles").glob("*.html"))


def pages(count: int) -> list[bytes]:
    """``count`` distinct pages: the bundled articles with every paragraph marked
    by its page number, so no cache can serve one page's work to another."""
    data = [p.read_bytes() for p in SOURCES]
    return [data[i % len(data)].replace(b"<p>", b"<p>%d " % i) for i in range(count)]


def tolk_one(html: bytes) -> str:
    from pipeline.html.document import decode_html, parse_document
    from pipeline.html.extract import extract_document
    from pipeline.html.merge import merge_document

    text, _ = decode_html(html, "bench.html")
    page = extract_document(parse_document(text, "bench.html"))
    own = {s.key: s.text for s in page}
    return merge_document(parse_document(text, "bench.html"), own, page.lang).html


def peer_one(html: bytes) -> bytes:
    from translate.convert import html2po, po2html

    pot = io.BytesIO()
    html2po.converthtml(io.BytesIO(html), pot, None, pot=True)
    out = io.BytesIO()
    po2html.converthtml(io.BytesIO(pot.getvalue()), out, io.BytesIO(html), includefuzzy=True)
    return out.getvalue()


def timed(fn: object, docs: list[bytes], rounds: int = 3) -> float:
    """Best of ``rounds`` CPU times: CPU time, not wall time, so other work on
    the machine disturbs the ratio less."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for doc in docs:
            fn(doc)  # type: ignore[operator]
        best = min(best, time.process_time() - start)
    return best


def peak_rss(which: str, count: int) -> int:
    """Peak resident memory (KiB) of a fresh process doing ``count`` pages."""
    code = (
        f"import sys, resource; sys.path.insert(0, {str(ROOT)!r}); "
        "from bench.bench_extract import pages, tolk_one, peer_one; "
        f"fn = tolk_one if {which!r} == 'tolk' else peer_one; "
        f"[fn(p) for p in pages({count})]; "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
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
    t_tolk = timed(tolk_one, docs)
    t_peer = timed(peer_one, docs)
    rss = {(who, n): peak_rss(who, n) for who in ("tolk", "peer") for n in (20, args.pages)}
    figures = {
        "pages": args.pages,
        "tolk_pages_per_s": args.pages / t_tolk,
        "peer_pages_per_s": args.pages / t_peer,
        "speed_ratio": t_peer / t_tolk,
        "tolk_rss_kib": {str(n): rss[("tolk", n)] for n in (20, args.pages)},
        "peer_rss_kib": {str(n): rss[("peer", n)] for n in (20, args.pages)},
        "tolk_rss_growth": rss[("tolk", args.pages)] / rss[("tolk", 20)],
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"extract + build of {args.pages} pages (bundled articles, copied)")
    print(f"  Tolk                 {figures['tolk_pages_per_s']:8.1f} pages/s")
    print(f"  Translate Toolkit    {figures['peer_pages_per_s']:8.1f} pages/s")
    print(f"  speed ratio          {figures['speed_ratio']:8.2f}x  (goal: >= 3x)")
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
    _ = resource  # imported for the subprocess snippet's sake
    sys.exit(main())
