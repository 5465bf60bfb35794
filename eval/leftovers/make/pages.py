"""Which pages are built, in which language, with which leftovers.

A leftover spec is a tuple whose first item says where it goes; ``L`` is the
language the leftover is in (the text is that language's version of the same
source string, or the site's own label in that language):

    ("h1", L)                 the h1 itself left untranslated
    ("h1dup", L)              the untranslated title left above the translated h1
    ("title", L) ("meta", L) ("og", L) ("alt", L) ("titleattr", L)
    ("block", i, L)           block i (p or h2) left whole
    ("blocktext", i, text, L) block i replaced by this text (when versions differ)
    ("li", i, j, L)           item j of list block i
    ("sent", i, native, foreign, L)   one sentence inside paragraph i
    ("card_title", k, L) ("card_teaser", k, L)
    ("by", L) ("pub", L)      the byline labels
    ("button", key, L) ("placeholder", key, L) ("nav", n, L)
"""

from __future__ import annotations

PAGES: list[tuple[str, str, str, list[tuple]]] = [
    # ------------------------------------------------------------ dev, Mozilla
    ("fr-histoire-des-navigateurs.html", "browser-history", "fr", [
        ("h1dup", "en"),
        ("sent", 5, "Il appelle sa nouvelle fenêtre sur Internet « WorldWideWeb ».",
         "He called his new window into the internet “WorldWideWeb.”", "en"),
        ("by", "en"),
    ]),
    ("nl-geschiedenis-van-webbrowsers.html", "browser-history", "nl", [
        ("block", 8, "en"), ("alt", "en"), ("placeholder", "search", "en"), ("by", "fr"),
    ]),
    ("en-history-of-web-browsers.html", "browser-history", "en", []),
    ("fr-meilleur-navigateur.html", "best-browser", "fr", [
        ("meta", "en"), ("block", 5, "en"), ("card_teaser", 0, "nl"),
        ("button", "subscribe", "en"),
    ]),
    ("nl-beste-browser.html", "best-browser", "nl", []),
    ("en-best-browser.html", "best-browser", "en", [
        ("sent", 2, "Does it allow trackers to follow you across the web?",
         "Permet-il aux traqueurs de vous suivre partout sur le Web ?", "fr"),
        ("pub", "nl"), ("card_title", 1, "fr"),
    ]),
    ("fr-traduire-le-web.html", "translate", "fr", []),
    ("nl-vertaal-het-web.html", "translate", "nl", [
        ("h1", "en"), ("nav", 3, "en"), ("card_teaser", 1, "fr"),
    ]),
    ("en-translate-the-web.html", "translate", "en", [
        ("titleattr", "fr"), ("by", "fr"), ("placeholder", "email", "nl"),
    ]),
    ("fr-qu-est-ce-qu-un-navigateur.html", "what-is-a-browser", "fr", [
        ("block", 5, "en"), ("alt", "en"), ("button", "more", "nl"),
    ]),
    ("en-what-is-a-browser.html", "what-is-a-browser", "en", []),
    # ------------------------------------------------------------ dev, GNOME
    ("fr-lancement-automatique.html", "files-autorun", "fr", [
        ("li", 2, 0, "en"),
        ("sent", 0, "Par exemple, vous pouvez désirer que votre gestionnaire de photos démarre "
                    "quand vous connectez votre appareil photo numérique.",
         "For example, you might want your photo organizer to start when you plug in a "
         "digital camera.", "en"),
        ("by", "en"),
    ]),
    ("nl-toepassingen-voor-apparaten.html", "files-autorun", "nl", []),
    ("en-autorun-applications.html", "files-autorun", "en", [
        ("block", 3, "nl"), ("card_title", 0, "fr"), ("button", "search_btn", "fr"),
    ]),
    ("fr-supprimer-des-fichiers.html", "files-delete", "fr", []),
    ("nl-bestanden-verwijderen.html", "files-delete", "nl", [
        ("li", 4, 1, "en"), ("alt", "en"), ("pub", "en"),
    ]),
    ("en-delete-files.html", "files-delete", "en", [
        ("title", "fr"), ("card_teaser", 0, "nl"),
    ]),
    ("fr-masquer-un-fichier.html", "files-hidden", "fr", [
        ("h1", "en"), ("titleattr", "en"), ("placeholder", "search", "nl"),
    ]),
    ("nl-bestand-verbergen.html", "files-hidden", "nl", [
        ("sent", 0, "Wanneer een bestand verborgen is, dan wordt het niet getoond in "
                    "bestandsbeheer, maar het is nog wel aanwezig in de map.",
         "When a file is hidden, it is not displayed by the file manager, but it is still "
         "there in its folder.", "en"),
        ("card_title", 1, "en"), ("nav", 1, "en"),
    ]),
    ("en-hide-a-file.html", "files-hidden", "en", []),
    ("fr-graver-un-cd.html", "files-disc-write", "fr", [
        ("block", 3, "en"), ("button", "subscribe", "en"),
    ]),
    ("nl-cd-of-dvd-branden.html", "files-disc-write", "nl", []),
    ("en-write-a-cd.html", "files-disc-write", "en", [
        ("li", 1, 2, "nl"), ("by", "nl"), ("meta", "fr"),
    ]),
    ("fr-verrouillage-ecran.html", "display-lock", "fr", [
        ("meta", "en"), ("h1dup", "en"),
    ]),
    ("en-lock-screen.html", "display-lock", "en", []),
    ("fr-copier-des-fichiers.html", "files-copy", "fr", [
        ("li", 3, 0, "en"), ("card_teaser", 1, "en"), ("button", "more", "en"),
    ]),
    # ------------------------------------------------------------ holdout, Mozilla
    ("fr-manifeste-mozilla.html", "manifesto", "fr", [
        ("li", 4, 3, "en"), ("h1dup", "en"), ("pub", "en"),
    ]),
    ("nl-mozilla-manifest.html", "manifesto", "nl", []),
    ("en-mozilla-manifesto.html", "manifesto", "en", [
        ("sent", 2, "We have worked together since 1998 to ensure that the internet is developed "
                    "in a way that benefits everyone.",
         "Nous travaillons ensemble depuis 1998 pour nous assurer qu’Internet se développe "
         "d’une manière qui bénéficie à tout le monde.", "fr"),
        ("alt", "nl"), ("card_title", 0, "nl"),
    ]),
    ("fr-internet-plus-sain.html", "addendum", "fr", []),
    ("nl-gezond-internet.html", "addendum", "nl", [
        ("block", 1, "en"), ("og", "en"), ("button", "share", "en"), ("card_title", 0, "fr"),
    ]),
    ("en-healthy-internet.html", "addendum", "en", [
        ("li", 2, 1, "fr"), ("placeholder", "email", "fr"), ("by", "fr"),
    ]),
    # ------------------------------------------------------------ holdout, GNOME
    ("fr-luminosite-ecran.html", "display-brightness", "fr", [
        ("sent", 1, "Maintenez enfoncée la touche <kbd>Fn</kbd> pour utiliser ces fonctions.",
         "Hold down the <kbd>Fn</kbd> key to use these keys.", "en"),
        ("blocktext", 2, "Set the brightness", "en"), ("card_title", 0, "en"),
    ]),
    ("nl-helderheid-scherm.html", "display-brightness", "nl", []),
    ("en-screen-brightness.html", "display-brightness", "en", [
        ("li", 3, 1, "nl"), ("title", "nl"), ("nav", 2, "nl"),
    ]),
    ("fr-fichier-perdu.html", "files-lost", "fr", [
        ("li", 1, 1, "en"), ("meta", "en"),
    ]),
    ("nl-verloren-bestand.html", "files-lost", "nl", [
        ("h1", "en"), ("card_teaser", 0, "en"), ("button", "subscribe", "en"),
    ]),
    ("en-find-a-lost-file.html", "files-lost", "en", []),
    ("fr-mode-restreint.html", "fallback-mode", "fr", [
        ("sent", 2, "Le démarrage en mode restreint ne signifie pas nécessairement que votre carte "
                    "graphique est insuffisante pour exécuter GNOME. Il se peut que les pilotes "
                    "installés ne soient pas adaptés à votre carte.",
         "Starting in fallback mode doesn’t necessarily mean that your graphics card isn’t good "
         "enough to run GNOME - it might just mean that you don’t have the right drivers "
         "installed for your graphics card.", "en"),
        ("alt", "en"), ("by", "nl"),
    ]),
    ("en-fallback-mode.html", "fallback-mode", "en", []),
    ("nl-scherm-zwart.html", "display-blank", "nl", [
        ("li", 2, 1, "en"), ("titleattr", "en"), ("pub", "en"),
    ]),
    ("en-screen-blanking.html", "display-blank", "en", [
        ("h1dup", "nl"), ("card_teaser", 1, "nl"),
    ]),
    ("nl-tweede-monitor.html", "display-dual-monitors", "nl", []),
    ("en-second-monitor.html", "display-dual-monitors", "en", [
        ("li", 1, 3, "nl"), ("meta", "nl"), ("placeholder", "search", "nl"),
    ]),
    ("fr-ouvrir-avec.html", "files-open", "fr", [
        ("block", 1, "en"), ("card_title", 1, "en"),
    ]),
    ("en-open-with.html", "files-open", "en", [
        ("sent", 0, "You can open it in a different application, search online for applications, "
                    "or set the default application for all files of the same type.",
         "Vous pouvez l’ouvrir avec une autre application, chercher une application en ligne ou "
         "modifier l’application par défaut pour ce type de fichier.", "fr"),
        ("by", "fr"),
    ]),
]

# Strings a detector must not flag: names, brands, code, loanwords, shared words.
TRAPS: dict[str, list[str]] = {
    "browser-history": ["ARPANET", "UCLA", "Stanford Research Institute", "Tim Berners-Lee",
                        "WorldWideWeb", "NeXT", "CERN", "Nicola Pellow", "Line Mode Browser",
                        "line-mode browser", "Netscape", "JavaScript", "Cascading Style Sheets",
                        "CSS", "Microsoft", "<blink>", "outsiders", "underdogs",
                        "University of California, Los Angeles"],
    "best-browser": ["Netscape", "Internet Explorer", "AOL", "fake news", "trackers", "hackers",
                     "Marshall Erwin", "Senior Director", "Firefox", "Mozilla", "Privacy",
                     "Firefox-browser"],
    "translate": ["Firefox Translations", "Firefox", "Mozilla", "cloud", "cloudservices", "blogs",
                  "gadget", "realtime"],
    "what-is-a-browser": ["Hypertext Transfer Protocol", "Hypertext Markup Language", "HTML",
                          "HTTP", "incognito", "Cookies"],
    "manifesto": ["Mozilla", "Mozilla Firefox", "open source", "Introduction", "Introductie"],
    "addendum": ["Mozilla"],
    "files-autorun": ["Blu-ray", "e-book", "Shobha Tyagi"],
    "files-delete": ["Shift", "Delete", "Windows", "Mac OS", "Cristopher Thomas", "Suppr"],
    "files-hidden": ["Ctrl", "example.txt", ".example.txt", "exemple.txt", "voorbeeld.txt",
                     "Files", "Michael Hill"],
    "files-disc-write": ["CD/DVD Creator", "CD/DVD", "12x", "48x", "Michael Hill"],
    "display-lock": ["Shobha Tyagi"],
    "files-copy": ["Ctrl", "USB", "Cristopher Thomas"],
    "display-brightness": ["Fn", "Petr Kovar", "hardware"],
    "files-lost": ["Desktop", "Downloads", "Bureaublad", "tips", "Shobha Tyagi"],
    "fallback-mode": ["GNOME", "Petr Kovar"],
    "display-blank": ["Petr Kovar"],
    "display-dual-monitors": ["monitor", "Shobha Tyagi"],
    "files-open": ["Cristopher Thomas"],
}

SITE_TRAPS: dict[str, list[str]] = {
    "nl": ["Home", "Browsers", "Privacy", "Disclaimer", "Contact", "Hardware", "Help"],
    "fr": ["Contact"],
    "en": [],
}
