"""Write eval/leftovers/{dev,holdout,unseen}/*.html and labels.json from the data modules.

python3 eval/leftovers/make/build.py
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from chrome import CHROME  # noqa: E402
from gnome import GN  # noqa: E402
from moz import MOZ  # noqa: E402
from off import OFF  # noqa: E402
from pages import PAGES, SITE_TRAPS, TRAPS  # noqa: E402
from unseen import UNSEEN_PAGES, UNSEEN_SITE_TRAPS, UNSEEN_TRAPS  # noqa: E402

OUT = HERE.parent
DOCS: dict[str, dict] = {**MOZ, **GN, **OFF}
SOURCE_ID = {
    **{k: f"mozilla-www:{k}" for k in MOZ},
    **{k: f"gnome-help:{k}" for k in GN},
    **{k: f"openfoodfacts:{k}" for k in OFF},
}
DOMAIN = {
    "webkompas": "webkompas.example",
    "tuxtips": "tuxtips.example",
    "smaakwijzer": "smaakwijzer.example",
}
DATETIME = {"webkompas": "2025-03-12", "tuxtips": "2025-03-12", "smaakwijzer": "2024-10-08"}
ALL_TRAPS = {**TRAPS, **UNSEEN_TRAPS}
LOCALE = {"fr": "fr_FR", "nl": "nl_NL", "en": "en_GB"}


def plain(s: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", s))).strip()


def attr(s: str) -> str:
    return html.escape(plain(s), quote=True)


def card_docs(doc_id: str, lang: str, wanted: set[str]) -> list[str]:
    d = DOCS[doc_id]
    cands = [
        k
        for k, v in DOCS.items()
        if k != doc_id and v["split"] == d["split"] and v["site"] == d["site"] and lang in v
    ]
    if d["split"] == "unseen":
        # Rotate so that the unseen pages do not all show the same two cards.
        order = sorted(k for k, v in DOCS.items() if v["split"] == "unseen")
        start = order.index(doc_id)
        cands.sort(key=lambda k: (order.index(k) - start) % len(order))
        return cands[:2]
    cands.sort(key=lambda k: (not all(x in DOCS[k] for x in wanted), k))
    return cands[:2]


def build(fname: str, doc_id: str, lang: str, specs: list[tuple]) -> tuple[str, dict]:
    d = DOCS[doc_id]
    t = d[lang]
    ch = CHROME[d["site"]][lang]
    labels: list[dict] = []

    def foreign(L: str) -> dict:
        # French pages of display-brightness translate an older English page.
        if lang == "fr" and L == "en" and "en_fr" in d["en"]:
            e = d["en"]["en_fr"]
            return {**d["en"], "title": e["title"], "desc": e["desc"]}
        return d.get(L, {})

    def lab(text: str, L: str, where: str) -> None:
        labels.append({"text": plain(text), "lang": L, "where": where})

    title = h1 = og = t["title"]
    meta = t["desc"]
    alt, figtitle = t["alt"], t["figtitle"]
    h1dup = None
    by, pub = ch["by"], ch["pub"]
    blocks = [list(b) for b in t["blocks"]]
    buttons = {k: ch[k] for k in ("search_btn", "share", "subscribe", "more")}
    placeholders = {k: ch[k] for k in ("search", "email")}
    nav = list(ch["nav"])
    wanted = {s[-1] for s in specs if s[0] in ("card_title", "card_teaser")}
    cards = card_docs(doc_id, lang, wanted)
    card_text = [[DOCS[c][lang]["title"], DOCS[c][lang]["desc"]] for c in cards]

    for s in specs:
        kind, L = s[0], s[-1]
        f = foreign(L)
        fch = CHROME[d["site"]][L]
        if kind == "h1":
            h1 = f["title"]
            lab(h1, L, "h1")
        elif kind == "h1dup":
            h1dup = f["title"]
            lab(h1dup, L, "h1")
        elif kind == "title":
            title = f["title"]
            lab(title, L, "title")
        elif kind == "og":
            og = f["title"]
            lab(og, L, "og-title")
        elif kind == "meta":
            meta = f["desc"]
            lab(meta, L, "meta-description")
        elif kind == "alt":
            alt = f["alt"]
            lab(alt, L, "alt")
        elif kind == "titleattr":
            figtitle = f["figtitle"]
            lab(figtitle, L, "title-attr")
        elif kind == "block":
            i = s[1]
            assert f["blocks"][i][0] == blocks[i][0], (fname, i)
            blocks[i][1] = f["blocks"][i][1]
            lab(blocks[i][1], L, blocks[i][0])
        elif kind == "blocktext":
            i, text = s[1], s[2]
            blocks[i][1] = text
            lab(text, L, blocks[i][0])
        elif kind == "li":
            i, j = s[1], s[2]
            items = list(blocks[i][1])
            items[j] = f["blocks"][i][1][j]
            blocks[i][1] = items
            lab(items[j], L, "li")
        elif kind == "sent":
            i, native, fore = s[1], s[2], s[3]
            assert native in blocks[i][1], (fname, native)
            blocks[i][1] = blocks[i][1].replace(native, fore)
            lab(fore, L, "p")
        elif kind in ("card_title", "card_teaser"):
            k = s[1]
            c = cards[k]
            idx = 0 if kind == "card_title" else 1
            card_text[k][idx] = DOCS[c][L]["title" if idx == 0 else "desc"]
            lab(card_text[k][idx], L, kind.replace("_", "-"))
        elif kind == "by":
            by = fch["by"]
            lab(by, L, "byline")
        elif kind == "pub":
            pub = fch["pub"]
            lab(pub, L, "byline")
        elif kind == "button":
            buttons[s[1]] = fch[s[1]]
            lab(fch[s[1]], L, "button")
        elif kind == "placeholder":
            placeholders[s[1]] = fch[s[1]]
            lab(fch[s[1]], L, "placeholder")
        elif kind == "real":
            # Left untranslated by the source's own translation: label it where it is.
            i = s[1]
            lab(blocks[i][1], L, blocks[i][0])
        elif kind == "nav":
            nav[s[1]] = fch["nav"][s[1]]
            lab(nav[s[1]], L, "other")
        else:
            raise ValueError(kind)

    slug = fname.removesuffix(".html")
    site = ch["site"]
    dom = DOMAIN[d["site"]]
    img = f"/images/{slug}.jpg"
    body: list[str] = []
    for b in blocks:
        kind, val = b
        if kind == "p":
            body.append(f"      <p>{val}</p>")
        elif kind == "h2":
            body.append(f"      <h2>{val}</h2>")
        elif kind == "li":
            tag = "ol" if d["site"] == "tuxtips" else "ul"
            items = "\n".join(f"        <li>{x}</li>" for x in val)
            body.append(f"      <{tag}>\n{items}\n      </{tag}>")
        elif kind == "quote":
            body.append(f"      <blockquote>\n        <p>{val}</p>")
        elif kind == "cite":
            body.append(f"        <footer>— <cite>{val}</cite></footer>\n      </blockquote>")
    # figure after the first block
    fig = (
        f'      <figure>\n        <img src="{img}" alt="{attr(alt)}" title="{attr(figtitle)}" '
        f'width="1200" height="675">\n        <figcaption>{t["figtitle"]}</figcaption>\n'
        f"      </figure>"
    )
    body.insert(1 if body else 0, fig)
    navs = "\n".join(f'        <li><a href="/{i}/">{x}</a></li>' for i, x in enumerate(nav))
    card_html = "\n".join(
        f'      <article class="card">\n        <h3 class="card__title"><a href="/{c}/">{ct}</a>'
        f'</h3>\n        <p class="card__teaser">{cd}</p>\n        <a class="card__more" '
        f'href="/{c}/">{buttons["more"]}</a>\n      </article>'
        for c, (ct, cd) in zip(cards, card_text, strict=True)
    )
    foot = " · ".join(f'<a href="/{i}/">{x}</a>' for i, x in enumerate(ch["footer"]))
    dup = f'        <p class="article__original-title">{h1dup}</p>\n' if h1dup else ""
    time = f'<time datetime="{DATETIME[d["site"]]}">{ch["date"]}</time>'
    page = f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{html.escape(plain(title))} | {site}</title>
  <meta name="description" content="{attr(meta)}">
  <meta property="og:type" content="article">
  <meta property="og:site_name" content="{site}">
  <meta property="og:locale" content="{LOCALE[lang]}">
  <meta property="og:title" content="{attr(og)}">
  <meta property="og:image" content="https://{dom}{img}">
  <link rel="canonical" href="https://{dom}/{lang}/{slug}/">
</head>
<body>
  <header class="site-header">
    <a class="site-header__logo" href="/{lang}/">{site}</a>
    <nav aria-label="{ch["nav_label"]}">
      <ul>
{navs}
      </ul>
    </nav>
    <form class="search" role="search">
      <input type="search" name="q" placeholder="{attr(placeholders["search"])}">
      <button type="submit">{buttons["search_btn"]}</button>
    </form>
  </header>
  <main>
    <article class="article">
      <header class="article__header">
{dup}        <h1>{h1}</h1>
        <p class="article__byline">{by} <a href="/auteurs/">{d["author"]}</a> · {pub} {time}</p>
      </header>
{chr(10).join(body)}
      <p class="article__share"><button type="button">{buttons["share"]}</button></p>
    </article>
    <aside class="related">
      <h2>{ch["related"]}</h2>
{card_html}
    </aside>
    <section class="newsletter">
      <p>{ch["newsletter"]}</p>
      <form>
        <input type="email" name="email" placeholder="{attr(placeholders["email"])}">
        <button type="submit">{buttons["subscribe"]}</button>
      </form>
    </section>
  </main>
  <footer class="site-footer">
    <p>{foot}</p>
    <p>© 2025 {site}. {ch["rights"]}</p>
  </footer>
</body>
</html>
"""
    text = plain(page.replace('"', " ").replace("=", " "))
    site_traps = UNSEEN_SITE_TRAPS[lang] if d["split"] == "unseen" else SITE_TRAPS[lang]
    traps = [
        x for x in dict.fromkeys(ALL_TRAPS.get(doc_id, []) + site_traps + [site]) if x in text
    ]
    return page, {"lang": lang, "source": SOURCE_ID[doc_id], "leftovers": labels, "traps": traps}


def main() -> None:
    out: dict[str, dict] = {"dev": {}, "holdout": {}, "unseen": {}}
    for fname, doc_id, lang, specs in PAGES + UNSEEN_PAGES:
        split = DOCS[doc_id]["split"]
        page, info = build(fname, doc_id, lang, specs)
        (OUT / split).mkdir(exist_ok=True)
        (OUT / split / fname).write_text(page, encoding="utf-8")
        out[split][fname] = info
    for split, pages in out.items():
        (OUT / split / "labels.json").write_text(
            json.dumps({"pages": pages}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        print(
            split,
            len(pages),
            "pages",
            sum(len(p["leftovers"]) for p in pages.values()),
            "leftovers",
        )


if __name__ == "__main__":
    main()
