"""Write the dev-extra pages and their labels.json (run: python3 eval/leftovers/dev-extra/build.py).

Hand-written blog articles (travel, finance, food, health, Linux) in French,
Dutch and English for two invented sites, "Lindeboom" and "Veldkamp", in the style of the
pages outside this repository that score Tolk: bylines, titles left above
their translation, alt/title attributes, buttons, placeholders, card titles
and teasers, one sentence inside a paragraph. Traps: the site's name and its
product ("Budget Planner", kept in English on every page), places and dishes
inside sentences, loanwords, code. Written for this repository (see README).
Dev side only: used to tune, never a holdout.
"""

# ruff: noqa: E501

from __future__ import annotations

import html
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

CHROME = {
    "fr": {
        "menu": ["Accueil", "Voyages", "Finances", "Cuisine", "Santé", "Budget Planner"],
        "search": ("Rechercher un article…", "Rechercher"),
        "by": "Écrit par",
        "on": "Publié le",
        "share": "Partager",
        "related": "À lire aussi",
        "more": "Lire la suite",
        "news": ("Recevez nos meilleurs articles chaque mois.", "Votre adresse e-mail", "S’abonner"),
        "footer": ["Mentions légales", "Confidentialité", "Contact"],
        "copy": "© 2025 Lindeboom. Tous droits réservés.",
    },
    "nl": {
        "menu": ["Home", "Reizen", "Geldzaken", "Koken", "Gezondheid", "Budget Planner"],
        "search": ("Zoek een artikel…", "Zoeken"),
        "by": "Geschreven door",
        "on": "Gepubliceerd op",
        "share": "Delen",
        "related": "Lees ook",
        "more": "Lees meer",
        "news": ("Ontvang elke maand onze beste artikelen.", "Je e-mailadres", "Inschrijven"),
        "footer": ["Disclaimer", "Privacy", "Contact"],
        "copy": "© 2025 Lindeboom. Alle rechten voorbehouden.",
    },
    "en": {
        "menu": ["Home", "Travel", "Money", "Food", "Health", "Budget Planner"],
        "search": ("Search articles…", "Search"),
        "by": "Written by",
        "on": "Published on",
        "share": "Share",
        "related": "Read next",
        "more": "Read more",
        "news": ("Get our best articles once a month.", "Your email address", "Subscribe"),
        "footer": ["Legal notice", "Privacy", "Contact"],
        "copy": "© 2025 Lindeboom. All rights reserved.",
    },
}


def e(text: str) -> str:
    return html.escape(text, quote=True)


def page(p: dict) -> str:
    c = {**CHROME[p["lang"]], **p.get("chrome", {})}
    site = p.get("site", "Lindeboom")
    c["copy"] = c["copy"].replace("Lindeboom", site)
    menu = "\n".join(f'        <li><a href="/{i}/">{e(m)}</a></li>' for i, m in enumerate(c["menu"]))
    above = f'\n        <p class="kicker">{e(p["above"])}</p>' if p.get("above") else ""
    body = "\n".join(f"      {b}" for b in p["body"])
    cards = "\n".join(
        f'      <article class="card">\n        <h3 class="card__title"><a href="/c{i}/">{e(t)}</a></h3>\n'
        f'        <p class="card__teaser">{e(s)}</p>\n        <a class="card__more" href="/c{i}/">{e(c["more"])}</a>\n      </article>'
        for i, (t, s) in enumerate(p["cards"])
    )
    footer = "\n".join(f'      <a href="/f{i}/">{e(f)}</a>' for i, f in enumerate(c["footer"]))
    return f"""<!DOCTYPE html>
<html lang="{p["lang"]}">
<head>
  <meta charset="utf-8">
  <title>{e(p["title"])} | {e(site)}</title>
  <meta name="description" content="{e(p["description"])}">
  <meta property="og:site_name" content="{e(site)}">
  <meta property="og:title" content="{e(p.get("og", p["h1"]))}">
</head>
<body>
  <header class="site-header">
    <a class="logo" href="/">{e(site)}</a>
    <nav>
      <ul>
{menu}
      </ul>
    </nav>
    <form class="search" role="search">
      <input type="search" name="q" placeholder="{e(c["search"][0])}">
      <button type="submit">{e(c["search"][1])}</button>
    </form>
  </header>
  <main>
    <article>
      <header>{above}
        <h1>{e(p["h1"])}</h1>
        <p class="byline">{e(c["by"])} <a href="/auteurs/">{e(p["author"])}</a> · {e(c["on"])} <time datetime="2025-01-01">{e(p["date"])}</time></p>
      </header>
      <figure>
        <img src="/img/{p["file"]}.jpg" alt="{e(p["alt"])}" title="{e(p["img_title"])}">
        <figcaption>{e(p["caption"])}</figcaption>
      </figure>
{body}
      <p><button type="button">{e(c["share"])}</button></p>
    </article>
    <aside class="related">
      <h2>{e(c["related"])}</h2>
{cards}
    </aside>
    <section class="newsletter">
      <p>{e(c["news"][0])}</p>
      <form><input type="email" placeholder="{e(c["news"][1])}"><button type="submit">{e(c["news"][2])}</button></form>
    </section>
  </main>
  <footer>
    <nav>
{footer}
    </nav>
    <p>{e(c["copy"])}</p>
  </footer>
</body>
</html>
"""


def main() -> None:
    from pages import PAGES

    labels = {"pages": {}}
    for p in PAGES:
        name = p["file"] + ".html"
        (HERE / name).write_text(page(p), encoding="utf-8")
        labels["pages"][name] = {
            "lang": p["lang"],
            "source": "hand-written for Tolk (dev-extra)",
            "leftovers": [{"text": t, "lang": lang, "where": w} for t, lang, w in p["leftovers"]],
            "traps": p["traps"],
        }
    (HERE / "labels.json").write_text(
        json.dumps(labels, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(HERE))
    main()
