"""Pages of the ``unseen`` split (Open Food Facts texts on the "Smaakwijzer" site).

Same spec format as ``pages.py``, plus ``("real", i, L)``: block i is already in
language L in the source's own translation (a real failed translation), and is
labelled where it stands. This split is never used for tuning (see README).
"""

from __future__ import annotations

UNSEEN_PAGES: list[tuple[str, str, str, list[tuple]]] = [
    ("fr-nutri-score.html", "nutriscore", "fr", [
        ("h1dup", "en"), ("li", 4, 1, "en"), ("pub", "nl"),
    ]),
    ("nl-nutri-score.html", "nutriscore", "nl", [
        ("sent", 1, "Met Nutri-Score kunnen levensmiddelen makkelijk en vlug vergeleken worden.",
         "With the NutriScore, products can be easily and quickly compared.", "en"),
        ("alt", "en"), ("button", "subscribe", "en"),
    ]),
    ("en-nutri-score.html", "nutriscore", "en", []),
    ("fr-voir-le-nutri-score.html", "nutriscore-app", "fr", [
        ("block", 2, "en"), ("titleattr", "en"), ("placeholder", "search", "en"),
    ]),
    ("nl-nutri-score-bekijken.html", "nutriscore-app", "nl", []),
    ("en-see-the-nutri-score.html", "nutriscore-app", "en", [
        ("sent", 1, "If the product is not yet on Open Food Facts, you can add it in a minute by "
                    "adding the nutrition facts and selecting a category, and the Nutri-Score will "
                    "be computed and shown instantly.",
         "Wanneer een levensmiddel nog niet in Open Food Facts staat dan kun je deze eenvoudig "
         "toevoegen. Na het selecteren van een categorie wordt de Nutri-Score berekend en direct "
         "getoond.", "nl"),
        ("by", "fr"), ("card_title", 0, "fr"),
    ]),
    ("fr-origines-du-nutri-score.html", "nutriscore-origins", "fr", []),
    ("nl-herkomst-nutri-score.html", "nutriscore-origins", "nl", [
        ("h1", "en"), ("meta", "fr"), ("nav", 4, "en"),
    ]),
    ("en-origins-of-nutri-score.html", "nutriscore-origins", "en", [
        ("li", 4, 1, "fr"), ("alt", "nl"), ("button", "share", "nl"),
    ]),
    ("fr-petition-pronutriscore.html", "pronutriscore", "fr", [
        ("block", 1, "en"), ("og", "en"), ("card_teaser", 1, "en"),
    ]),
    ("nl-pronutriscore-petitie.html", "pronutriscore", "nl", [
        ("li", 2, 2, "en"), ("title", "en"), ("by", "fr"),
    ]),
    ("en-pronutriscore-petition.html", "pronutriscore", "en", []),
    ("fr-equipe-open-food-facts.html", "who-we-are", "fr", []),
    ("nl-open-food-facts-team.html", "who-we-are", "nl", [
        ("real", 3, "en"), ("block", 5, "en"), ("pub", "en"),
    ]),
    ("en-open-food-facts-team.html", "who-we-are", "en", [
        ("block", 4, "fr"), ("h1dup", "nl"), ("placeholder", "email", "fr"),
    ]),
    ("fr-base-de-donnees-alimentaire.html", "discover", "fr", []),
    ("nl-voedingsdatabase.html", "discover", "nl", [
        ("li", 7, 1, "en"), ("block", 6, "en"), ("card_title", 1, "en"),
    ]),
    ("en-food-database.html", "discover", "en", [
        ("block", 2, "fr"), ("titleattr", "nl"), ("nav", 1, "nl"),
    ]),
    ("fr-application-mobile.html", "mobile-app", "fr", [
        ("h1", "en"), ("button", "more", "en"), ("alt", "en"),
    ]),
    ("nl-mobiele-app.html", "mobile-app", "nl", []),
    ("en-mobile-app.html", "mobile-app", "en", [
        ("block", 1, "nl"), ("meta", "fr"), ("button", "search_btn", "nl"),
    ]),
    ("fr-score-nova.html", "nova-score", "fr", [
        ("li", 6, 1, "en"), ("block", 2, "en"), ("card_title", 1, "nl"),
    ]),
    ("nl-nova-score.html", "nova-score", "nl", [
        ("block", 1, "en"), ("alt", "en"), ("placeholder", "search", "fr"),
    ]),
    ("en-nova-score.html", "nova-score", "en", []),
]

# Strings a detector must not flag: names, organisations, brands, loanwords,
# words shared by two languages, an English article title quoted with lang="en".
UNSEEN_TRAPS: dict[str, list[str]] = {
    "nutriscore": ["Nutri-Score", "NutriScore", "Santé publique France", "Delhaize"],
    "nutriscore-app": ["Nutri-Score", "NutriScore", "NOVA", "iPhone", "Android", "app", "App"],
    "nutriscore-origins": ["Nutri-Score", "EREN", "Serge Hercberg", "FSA",
                           "Food Standards Agency", "Mexico", "FAQ"],
    "pronutriscore": ["#PRONUTRISCORE", "UFC-Que Choisir", "Test-Achat", "VZBV",
                      "Consumentenbond", "OCU", "Federajca Konsumentow", "EKPIZO", "BEUC",
                      "Nutriscore", "Nutri-Score", "Serge Hercberg", "Chantal Julia", "Paris 13",
                      "Nutritional Epidemiology", "EREN", "Tweet"],
    "who-we-are": ["Stéphane Gigandet", "Recettes de Cuisine", "Very Good Recipes",
                   "Manger Bloguer", "Informations Nutritionnelles",
                   "Information Nutritionnelles", "Marie Claire", "database", "community",
                   "hosting", "Team"],
    "discover": ["Jean Anthelme Brillat-Savarin", "Crowdsourcing", "Open data", "database",
                 "non-profit"],
    "mobile-app": ["Google Play", "App Store", "Nutri-Score", "NOVA", "app"],
    "nova-score": ["NOVA. The star shines bright", "World Nutrition", "humectant", "lactose",
                   "maltodextrine", "Nova"],
}

_SITE = ["Smaakwijzer", "Label Lens", "Scan Party", "Open Food Facts", "waterzooi", "stoemp",
         "Vrijdagmarkt"]
UNSEEN_SITE_TRAPS: dict[str, list[str]] = {
    "fr": [*_SITE, "Nutrition", "Contact"],
    "nl": [*_SITE, "Home", "Privacy", "Contact"],
    "en": list(_SITE),
}
