# ruff: noqa: E501
"""Article text from the mozilla.org web site and its French and Dutch translations.

English: mozilla/bedrock l10n/en/... and mozilla-l10n/www-l10n en/...;
French and Dutch: mozilla-l10n/www-l10n fr/... and nl/... (see README for
paths and licence). Fluent placeables for brand names are written out.
"""

from __future__ import annotations

MOZ: dict[str, dict] = {}

MOZ["browser-history"] = {
    "site": "webkompas", "author": "Mozilla", "split": "dev",
    "path": "firefox/browsers/history/browser-history.ftl",
    "en": {
        "title": "The History of Web Browsers",
        "desc": "The browser wars, underdogs vs giants, and moments that changed the world. "
                "Read about the history of the web browser.",
        "alt": "Browser History: Epic power struggles that brought us modern browsers",
        "figtitle": "Take control of your browser.",
        "blocks": [
            ("p", "World history is rife with epic power struggles, world-conquering tyrants, and "
                  "heroic underdogs. The history of web browsers isn’t very different. University "
                  "pioneers wrote simple software that sparked an information revolution, and "
                  "battle for browser superiority and internet users."),
            ("h2", "Before Web Era"),
            ("p", "In 1950, computers took up whole rooms and were dumber than today’s pocket "
                  "calculators. But progress was swift, and by 1960 they were able to run complex "
                  "programs. Governments and universities across the globe thought it would be "
                  "great if the machines could talk, nurturing collaboration and scientific "
                  "breakthroughs."),
            ("p", "ARPANET was the first successful networking project and in 1969 the first "
                  "message was sent from the computer science lab at University of California, "
                  "Los Angeles (UCLA) to Stanford Research Institute (SRI), also in California."),
            ("h2", "Web Era"),
            ("p", "British computer scientist Tim Berners-Lee created the first web server and "
                  "graphical web browser in 1990 while working at CERN, the European Organization "
                  "for Nuclear Research, in Switzerland. He called his new window into the "
                  "internet “WorldWideWeb.” It was an easy-to-use graphical interface created for "
                  "the NeXT computer. For the first time, text documents were linked together over "
                  "a public network—the web as we know it."),
            ("p", "A year later, Berners-Lee asked CERN math student Nicola Pellow to write the "
                  "Line Mode Browser, a program for basic computer terminals."),
            ("h2", "The Browser Wars"),
            ("p", "Netscape created and released JavaScript, which gave websites powerful "
                  "computing capabilities they never had before. (They also made the infamous "
                  "&lt;blink&gt; tag.) Microsoft countered with Cascading Style Sheets (CSS), which "
                  "became the standard for web page design."),
        ],
    },
    "fr": {
        "title": "L’histoire des navigateurs web",
        "desc": "Les guerres des navigateurs, les outsiders contre les géants et les moments qui "
                "ont changé le monde. Découvrez l’histoire du navigateur web.",
        "alt": "L’histoire des navigateurs : des luttes de pouvoirs épiques qui nous ont apporté "
               "les navigateurs modernes",
        "figtitle": "Prenez le contrôle de votre navigateur.",
        "blocks": [
            ("p", "L’histoire du monde est remplie de luttes de pouvoir épiques, de tyrans "
                  "conquérants et d’outsiders héroïques. L’histoire des navigateurs web n’est pas "
                  "bien différente. Des universitaires pionniers ont écrit un simple logiciel qui a "
                  "déclenché une révolution de l’information et une bataille pour la supériorité "
                  "parmi les navigateurs et pour les internautes."),
            ("h2", "Avant l’ère du Web"),
            ("p", "En 1950, les ordinateurs occupent des salles entières et sont moins avancés "
                  "que les calculatrices de poche d’aujourd’hui. Mais les progrès sont rapides et, "
                  "vers 1960, ils sont capables de faire tourner des programmes complexes. Les "
                  "gouvernements et les universités du monde entier pensent alors qu’il serait "
                  "formidable que les machines puissent communiquer, favorisant ainsi la "
                  "collaboration et les avancées scientifiques."),
            ("p", "ARPANET est le premier projet de réseau abouti et, en 1969, le premier message "
                  "est envoyé du laboratoire d’informatique de l’université de Californie à Los "
                  "Angeles (UCLA) au Stanford Research Institute (SRI), également en Californie."),
            ("h2", "L’ère du Web"),
            ("p", "L’informaticien britannique Tim Berners-Lee crée le premier serveur web et "
                  "navigateur web graphique en 1990, alors qu’il travaille au CERN, l’Organisation "
                  "européenne pour la recherche nucléaire, en Suisse. Il appelle sa nouvelle "
                  "fenêtre sur Internet « WorldWideWeb ». Il s’agit d’une interface graphique "
                  "conviviale créée pour l’ordinateur NeXT. Pour la première fois, des documents "
                  "textuels ont été reliés entre eux via un réseau public, le Web tel que nous le "
                  "connaissons."),
            ("p", "L’année suivante, Berners-Lee demande à Nicola Pellow, alors étudiante en "
                  "mathématiques au CERN, d’écrire le line-mode browser (littéralement navigateur "
                  "en mode ligne), un programme destiné aux terminaux informatiques de base."),
            ("h2", "La guerre des navigateurs"),
            ("p", "Netscape crée et publie JavaScript qui offre aux sites web de puissantes "
                  "capacités de calcul qu’ils ne possèdent pas encore (mais aussi l’horrible "
                  "balise &lt;blink&gt;). Microsoft contre-attaque avec les Cascading Style Sheets "
                  "(CSS) qui deviennent la norme pour la conception des pages web."),
        ],
    },
    "nl": {
        "title": "De geschiedenis van webbrowsers",
        "desc": "De browseroorlogen, underdogs tegen reuzen en momenten die de wereld "
                "veranderden. Lees over de geschiedenis van de webbrowser.",
        "alt": "Browsergeschiedenis: epische machtsstrijd die ons moderne browsers heeft gebracht",
        "figtitle": "Neem de controle over uw browser.",
        "blocks": [
            ("p", "De wereldgeschiedenis is vol epische machtsstrijd, tirannen met expansiedrift "
                  "en heroïsche underdogs. De geschiedenis van webbrowsers is niet heel anders. "
                  "Universiteitspioniers schreven eenvoudige software die een informatierevolutie "
                  "en een gevecht om de browsersuperioriteit en internetgebruikers veroorzaakte."),
            ("h2", "Voor het internettijdperk"),
            ("p", "In 1950 namen computers hele kamers in beslag en waren ze dommer dan de huidige "
                  "rekenmachines. Maar de vooruitgang ging snel en tegen 1960 waren ze in staat "
                  "complexe programma’s uit te voeren. Overheden en universiteiten over de hele "
                  "wereld dachten dat het geweldig zou zijn als de machines met elkaar konden "
                  "praten en zo samenwerking en wetenschappelijke doorbraken konden bevorderen."),
            ("p", "ARPANET was het eerste succesvolle netwerkproject en in 1969 werd het eerste "
                  "bericht verzonden van het laboratorium voor computerwetenschappen aan de "
                  "University of California, Los Angeles (UCLA) naar het Stanford Research "
                  "Institute (SRI), ook in Californië."),
            ("h2", "Internettijdperk"),
            ("p", "De Britse computerwetenschapper Tim Berners-Lee creëerde de eerste webserver en "
                  "grafische webbrowser in 1990 toen hij werkte bij CERN, de Europese organisatie "
                  "voor nucleair onderzoek, in Zwitserland. Hij noemde zijn nieuwe venster naar het "
                  "internet ‘WorldWideWeb’. Het was een gebruiksvriendelijke grafische interface, "
                  "gemaakt voor de NeXT-computer. Voor het eerst waren tekstdocumenten met elkaar "
                  "verbonden via een openbaar netwerk – het internet zoals wij dat kennen."),
            ("p", "Een jaar later vroeg Berners-Lee aan CERN-wiskundestudent Nicola Pellow om de "
                  "Line Mode Browser te schrijven, een programma voor eenvoudige computerterminals."),
            ("h2", "De browseroorlogen"),
            ("p", "Netscape heeft JavaScript gemaakt en uitgebracht, waardoor websites krachtige "
                  "rekenmogelijkheden kregen die ze nooit eerder hadden. (Ze maakten ook de "
                  "beruchte &lt;blink&gt;-tag.) Microsoft reageerde met Cascading Style Sheets "
                  "(CSS), dat de standaard werd voor het ontwerp van webpagina’s."),
        ],
    },
}

MOZ["best-browser"] = {
    "site": "webkompas", "author": "Mozilla", "split": "dev",
    "path": "firefox/browsers/best-browser.ftl",
    "en": {
        "title": "How to choose the best browser for you.",
        "desc": "So many browser options, but there’s only one that works best for your needs. "
                "The best browser for you should offer both speed and privacy protection.",
        "alt": "Privacy, speed, and security.",
        "figtitle": "Find your best browser for speed, privacy and security.",
        "blocks": [
            ("p", "The internet has become as essential as electricity and running water, so "
                  "choosing the best browser for you is more important than ever. The internet is "
                  "a second office, a teacher and sometimes a medical advisor, even if your actual "
                  "doctor would prefer you didn’t look up your symptoms online."),
            ("p", "In the mid-nineties, Netscape, Internet Explorer and AOL dominated the "
                  "landscape. It was a simpler time when the sweet melody of dial-up internet rang "
                  "across the land. You learned the meaning of patience waiting for web pages to "
                  "load. Back then, all that mattered was browser speed."),
            ("p", "Today is a different story. Ads, privacy hacks, security breaches, and fake news "
                  "might have you looking at other qualities in a browser. How does the browser "
                  "protect your privacy? Does it allow trackers to follow you across the web?"),
            ("quote", "When you use a browser for everything, it needs to be fast. But for the same "
                      "reason, it needs to be private."),
            ("cite", "Marshall Erwin, Senior Director of Trust and Security at Mozilla"),
            ("h2", "A browser built for speed."),
            ("p", "A browser is still a tool, so it makes sense that you’ll want to pick the best "
                  "one for the job. If you’re a human who needs to work to survive, you’ll need a "
                  "fast internet browser. The more third-party trackers a browser blocks, the "
                  "faster it can run."),
            ("p", "This is one of the many reasons to choose the Firefox browser: Firefox blocks "
                  "third-party trackers by default. We have other reasons and we’ll get into those "
                  "later."),
            ("h2", "A browser that puts safety first."),
            ("p", "Remember the last massive data breach? If not, it’s probably because it happens "
                  "so often. Companies hold on to customer data, like their personal or financial "
                  "information, and hackers steal it. If you’re making safety a priority, then a "
                  "secure internet browser is the best browser for you."),
        ],
    },
    "fr": {
        "title": "Comment choisir le meilleur navigateur.",
        "desc": "Il existe des dizaines de navigateurs, mais il n’y en a qu’un qui convient pour "
                "chacun de vos besoins. Le meilleur navigateur doit être rapide et assurer le "
                "respect de la vie privée.",
        "alt": "Confidentialité, rapidité et sécurité.",
        "figtitle": "Trouver un navigateur rapide, confidentiel et sûr à la fois.",
        "blocks": [
            ("p", "Internet est devenu aussi essentiel au quotidien que l’électricité et l’eau "
                  "courante. Faire le choix du meilleur navigateur est ainsi plus important que "
                  "jamais. Internet fait à la fois office de bureau, de poste de télé, de "
                  "professeur, et parfois de docteur, même si votre vrai docteur préférerait "
                  "sincèrement que vous ne passiez pas votre temps à vous autodiagnostiquer en "
                  "ligne."),
            ("p", "Au milieu des années 90, Netscape, Internet Explorer et AOL dominaient le paysage "
                  "du Web en France. Qui ne se rappelle pas avec affection de la douce mélodie du "
                  "modem se connectant à Internet, et de la patience dont il fallait faire preuve "
                  "pour charger une page ? À l’époque, on attachait beaucoup plus d’importance à "
                  "la vitesse du navigateur."),
            ("p", "Aujourd’hui, c’est une autre histoire. Entre l’omniprésence des pubs, les fuites "
                  "de données et les fake news, il n’est pas étonnant que les internautes "
                  "deviennent plus exigeants à l’égard de leur navigateur. Comment le navigateur "
                  "protège-t-il leurs données ? Permet-il aux traqueurs de vous suivre partout sur "
                  "le Web ?"),
            ("quote", "Vous utilisez un navigateur pour tout. Il se doit donc d’être rapide. Mais il "
                      "doit également respecter vos données personnelles."),
            ("cite", "Marshall Erwin, directeur de la sécurité à Mozilla"),
            ("h2", "Un navigateur conçu pour être rapide."),
            ("p", "Un navigateur est un outil, et comme tout outil, il est très important de choisir "
                  "celui qui convient le mieux à la tâche. Si vous êtes un humain qui a besoin de "
                  "travailler afin de survenir à ses besoins, il vous faut un navigateur rapide, "
                  "c’est aussi simple que ça. Plus le navigateur bloque les traqueurs tiers, plus "
                  "il tournera vite."),
            ("p", "C’est l’une des nombreuses raisons de choisir le navigateur Firefox. En effet, "
                  "Firefox bloque les traqueurs tiers par défaut. Il existe de nombreuses autres "
                  "raisons, sur lesquelles nous reviendrons plus tard."),
            ("h2", "Un navigateur qui met la sécurité au premier plan."),
            ("p", "Vous rappelez-vous de la dernière importante fuite de données ? Probablement "
                  "pas, car cela arrive beaucoup trop souvent. Les entreprises retiennent les "
                  "données de leurs clients, telles que leurs informations personnelles et "
                  "financières, et les hackers les piratent. Si la sécurité est une de vos "
                  "priorités, un navigateur sécurisé est le meilleur navigateur pour vous."),
        ],
    },
    "nl": {
        "title": "Hoe kiest u de browser die het beste bij u past.",
        "desc": "Zo veel browserkeuzes, maar er is er maar één die het beste aan uw behoeften "
                "voldoet. De beste browser voor u moet zowel snelheid als privacybescherming "
                "bieden.",
        "alt": "Privacy, snelheid en beveiliging.",
        "figtitle": "Vind uw beste browser voor snelheid, privacy en beveiliging.",
        "blocks": [
            ("p", "Het internet is net zo essentieel als elektriciteit en stromend water geworden, "
                  "dus de browser kiezen die het beste bij u past is belangrijker dan ooit. Het "
                  "internet is een tweede kantoor, een leraar en soms een medisch adviseur, zelfs "
                  "als uw echte dokter liever niet heeft dat u uw symptomen online opzoekt."),
            ("p", "Halverwege de jaren 90 domineerden Netscape, Internet Explorer en AOL het "
                  "landschap. De tijden waren simpeler toen de zoete klanken van een inbelmodem "
                  "klonken. U leerde de betekenis van geduld tijdens het wachten op ladende "
                  "webpagina’s. Browsersnelheid was destijds het enige dat telde."),
            ("p", "Dat is tegenwoordig wel anders. Advertenties, privacyhacks, beveiligingslekken "
                  "en nepnieuws zorgen er wellicht voor, dat u naar andere kwaliteiten in een "
                  "browser zoekt. Hoe beschermt de browser uw privacy? Mogen trackers u over het "
                  "web volgen?"),
            ("quote", "Wanneer u een browser voor alles gebruikt, moet deze snel zijn. Maar om "
                      "dezelfde reden moet deze privé zijn."),
            ("cite", "Marshall Erwin, Senior Director Vertrouwen en Beveiliging bij Mozilla"),
            ("h2", "Een browser die is gebouwd voor snelheid."),
            ("p", "Een browser is nog steeds een hulpmiddel, dus het is logisch dat u de meest "
                  "geschikte wilt kiezen. Als u iemand bent die moet werken om te overleven, dan "
                  "hebt u een snelle internetbrowser nodig. Hoe meer een browser trackers van "
                  "derden blokkeert, hoe sneller hij kan werken."),
            ("p", "Dit is een van de vele redenen om voor de Firefox-browser te kiezen: Firefox "
                  "blokkeert standaard trackers van derden. We hebben nog meer redenen, waarop we "
                  "later ingaan."),
            ("h2", "Een browser die veiligheid voorop stelt."),
            ("p", "Herinnert u zich het laatste grote datalek nog? Zo nee, dan komt dat "
                  "waarschijnlijk omdat het zo vaak voorkomt. Bedrijven bewaren klantgegevens, "
                  "zoals persoonlijke of financiële gegevens, en hackers stelen deze. Als u "
                  "beveiliging als prioriteit ziet, dan is een veilige internetbrowser de beste "
                  "browser voor u."),
        ],
    },
}

MOZ["translate"] = {
    "site": "webkompas", "author": "Mozilla", "split": "dev",
    "path": "firefox/features/translate.ftl",
    # The English page of this commit still describes the older extensions; only
    # its shared strings are aligned with the French and Dutch ones.
    "en": {
        "title": "Translate the web with Firefox",
        "desc": "Translate from more than 100 languages to your language directly in your "
                "Firefox browser - easier than ever.",
        "alt": "Firefox Translations",
        "figtitle": "Translate the web",
        "blocks": [
            ("p", "The internet is filled with amazing stuff, but a lot of it is not written in "
                  "English — making billions of people around the globe need a translator just to "
                  "use the internet. You can download Firefox in over 100 languages, so your "
                  "browser menus, notifications and messages are in your preferred language, but "
                  "that doesn’t solve the problem of all that amazing content you use your browser "
                  "to find."),
            ("h2", "Firefox Translations"),
            ("p", "The Firefox Translations extension can automatically translate content from the "
                  "web pages you visit. Unlike some cloud-based alternatives, this extension "
                  "translates text locally in Firefox, so the content you’re translating doesn’t "
                  "leave your machine."),
            ("h2", "Switch Languages in Firefox"),
            ("p", "If you are already using Firefox, you can change your browser’s language or add "
                  "languages to the Firefox interface. Learn how here."),
        ],
        "extra": {"cta": "Get Firefox Translations", "foot": "Firefox is for everyone"},
    },
    "fr": {
        "title": "Traduisez des pages web avec Firefox",
        "desc": "Firefox Translations est une fonctionnalité de traduction intégrée qui vous "
                "permet de naviguer facilement sur le Web dans la langue de votre choix.",
        "alt": "Traduisez le Web",
        "figtitle": "Firefox parle votre langue",
        "blocks": [
            ("p", "L’une des plus belles possibilités offertes par Internet est celle d’accéder à "
                  "des contenus du monde entier. Qu’il s’agisse d’actualités, d’articles de blogs "
                  "ou même d’un test de votre dernier gadget technologique, vous pouvez tout "
                  "trouver dans l’immensité du Web. Et avec la dernière fonctionnalité de "
                  "traduction de Firefox, vous pouvez traduire une page en temps réel."),
            ("h2", "Confidentialité assurée lorsque vous traduisez une page web"),
            ("p", "Quand vos traductions sont traitées en local, et non par un service de cloud, "
                  "aucune des données de votre appareil n’est envoyée ailleurs. Mozilla ne sait "
                  "donc pas quelle page web vous traduisez, ce qui distingue notre fonctionnalité "
                  "des autres outils de traduction disponibles."),
            ("h2", "Quelles langues sont actuellement prises en charge ?"),
            ("p", "Actuellement, la fonctionnalité Firefox Translations prend en charge les "
                  "langues ci-dessous. Et d’autres langues seront bientôt disponibles !"),
        ],
    },
    "nl": {
        "title": "Vertaal een webpagina met Firefox",
        "desc": "Firefox Translations is een ingebouwde vertaalfunctie, waarmee u eenvoudig op "
                "het web kunt bladeren in de taal van uw voorkeur.",
        "alt": "Vertaal het internet",
        "figtitle": "Firefox spreekt uw taal",
        "blocks": [
            ("p", "Een van de beste dingen van het internet is dat we wereldwijd toegang hebben tot "
                  "inhoud. Of het nu nieuwsartikelen, blogs of zelfs een beoordeling van uw "
                  "nieuwste technische apparaat zijn, u kunt het allemaal vinden op het schijnbaar "
                  "eindeloze web. Met de nieuwste vertaalfunctie van Firefox zal dit hulpmiddel "
                  "continu een webpagina in realtime vertalen."),
            ("h2", "Wanneer u een webpagina vertaalt, blijft deze privé"),
            ("p", "Wanneer uw vertalingen lokaal worden verwerkt, verlaten geen gegevens van het "
                  "door u gekozen apparaat uw apparaat of zijn ze voor vertaling afhankelijk van "
                  "cloudservices. Dit betekent dat Mozilla niet weet welke webpagina u vertaalt, "
                  "en zorgt ervoor dat onze vertaalfunctie opvalt in vergelijking met andere "
                  "vertaalhulpmiddelen."),
            ("h2", "Welke talen worden momenteel ondersteund?"),
            ("p", "De onderstaande talen worden momenteel ondersteund door de functie Firefox "
                  "Translations. En er zijn nog meer talen in ontwikkeling!"),
        ],
    },
}

MOZ["what-is-a-browser"] = {
    "site": "webkompas", "author": "Mozilla", "split": "dev",
    "path": "firefox/browsers/history/what-is-a-browser.ftl",
    "en": {
        "title": "What is a web browser?",
        "desc": "A web browser takes you anywhere on the internet, letting you see text, images "
                "and video from anywhere in the world.",
        "alt": "Cookies (not the yummy kind)",
        "figtitle": "Understanding privacy",
        "blocks": [
            ("p", "The web is a vast and powerful tool. Over the course of a few decades, the "
                  "internet has changed the way we work, the way we play and the way we interact "
                  "with one another."),
            ("h2", "How does a web browser work?"),
            ("p", "A web browser takes you anywhere on the internet. It retrieves information from "
                  "other parts of the web and displays it on your desktop or mobile device. The "
                  "information is transferred using the Hypertext Transfer Protocol, which defines "
                  "how text, images and video are transmitted on the web."),
            ("p", "When the web browser fetches data from an internet connected server, it uses a "
                  "piece of software called a rendering engine to translate that data into text "
                  "and images. This data is written in Hypertext Markup Language (HTML) and web "
                  "browsers read this code to create what we see, hear and experience on the "
                  "internet."),
            ("h2", "Understanding privacy"),
            ("p", "Nearly all major browsers have a private browsing setting. These exist to hide "
                  "the browsing history from other users on the same computer. Many people think "
                  "that private browsing or incognito mode will hide both their identity and "
                  "browsing history from internet service providers, governments and advertisers. "
                  "They don’t."),
        ],
    },
    "fr": {
        "title": "Qu’est-ce qu’un navigateur web ?",
        "desc": "Un navigateur web vous emmène partout sur Internet, vous permettant de voir des "
                "textes, des images et des vidéos provenant du monde entier.",
        "alt": "Cookies (pas ceux qui se mangent)",
        "figtitle": "Comprendre la protection de la vie privée",
        "blocks": [
            ("p", "Le Web est un outil riche et puissant. Au cours des dernières décennies, "
                  "Internet a modifié nos façons de travailler, de jouer et d’interagir avec nos "
                  "semblables."),
            ("h2", "Comment un navigateur web fonctionne-t-il ?"),
            ("p", "Un navigateur web vous emmène partout sur Internet. Il récupère des informations "
                  "provenant d’ailleurs sur le Web et les affiche sur votre ordinateur ou votre "
                  "appareil mobile. Les informations sont transférées en utilisant le protocole de "
                  "transfert hypertexte (HTTP) qui définit comment textes, images et vidéos sont "
                  "transmis sur le Web."),
            ("p", "Quand le navigateur web récupère des données d’un serveur connecté à Internet, "
                  "il utilise alors un logiciel appelé moteur de rendu pour convertir ces données "
                  "en texte et images. Ces données sont écrites en Hypertext Markup Language "
                  "(langage de balisage hypertexte, HTML) et les navigateurs web lisent ce code "
                  "pour créer ce que nous voyons, entendons et expérimentons sur Internet."),
            ("h2", "Comprendre la protection de la vie privée"),
            ("p", "Presque tous les principaux navigateurs ont un mode de navigation privée. Il "
                  "sert à masquer l’historique de navigation aux autres utilisateurs du même "
                  "ordinateur. Beaucoup de personnes pensent que la navigation privée ou le mode "
                  "incognito va cacher leur identité et leur historique de navigation aux "
                  "fournisseurs d’accès à Internet, aux gouvernements et aux annonceurs. Ce n’est "
                  "PAS le cas."),
        ],
    },
    "nl": {  # only the title, description and first heading are translated in the source
        "title": "Wat is een webbrowser?",
        "desc": "Een webbrowser brengt u overal op internet, zodat u overal ter wereld tekst, "
                "afbeeldingen en video kunt bekijken.",
        "alt": "Hoe werkt een webbrowser?",
        "figtitle": "Hoe werkt een webbrowser?",
        "blocks": [],
    },
}

MOZ["manifesto"] = {
    "site": "webkompas", "author": "Mozilla", "split": "holdout",
    "path": "mozorg/about/manifesto.ftl",
    "en": {
        "title": "The Mozilla Manifesto",
        "desc": "These are the principles that guide our mission to promote openness, "
                "innovation & opportunity on the web.",
        "alt": "Our 10 Principles",
        "figtitle": "Read the entire manifesto",
        "blocks": [
            ("h2", "Introduction"),
            ("p", "The internet is becoming an increasingly important part of our lives."),
            ("p", "The Mozilla project is a global community of people who believe that openness, "
                  "innovation, and opportunity are key to the continued health of the internet. We "
                  "have worked together since 1998 to ensure that the internet is developed in a "
                  "way that benefits everyone. We are best known for creating the Mozilla Firefox "
                  "web browser."),
            ("h2", "Principles"),
            ("li", ["The internet is an integral part of modern life—a key component in education, "
                    "communication, collaboration, business, entertainment and society as a whole.",
                    "The internet is a global public resource that must remain open and "
                    "accessible.",
                    "The internet must enrich the lives of individual human beings.",
                    "Individuals’ security and privacy on the internet are fundamental and must "
                    "not be treated as optional.",
                    "Free and open source software promotes the development of the internet as a "
                    "public resource."]),
            ("p", "These principles will not come to life on their own. People are needed to make "
                  "the internet open and participatory - people acting as individuals, working "
                  "together in groups, and leading others."),
        ],
    },
    "fr": {
        "title": "Le Manifeste Mozilla",
        "desc": "Voici les principes qui guident nos pas dans la promotion de l’ouverture, de "
                "l’innovation et des possibilités offertes sur le Web.",
        "alt": "Nos 10 principes",
        "figtitle": "Lire le manifeste complet",
        "blocks": [
            ("h2", "Introduction"),
            ("p", "Internet tient une place de plus en plus importante dans nos vies."),
            ("p", "Le projet Mozilla est une communauté mondiale de personnes qui pensent que "
                  "l’ouverture, l’innovation et la saisie des chances qui nous sont offertes sont "
                  "les clés de la vitalité d’Internet. Nous travaillons ensemble depuis 1998 pour "
                  "nous assurer qu’Internet se développe d’une manière qui bénéficie à tout le "
                  "monde. On nous connaît surtout pour la création du navigateur web Mozilla "
                  "Firefox."),
            ("h2", "Principes"),
            ("li", ["Internet fait partie intégrante de la vie moderne — il s’agit d’un composant "
                    "clé dans l’enseignement, la communication, la collaboration, les affaires, le "
                    "divertissement et la société en général.",
                    "Internet est une ressource publique mondiale qui doit demeurer ouverte et "
                    "accessible.",
                    "Internet doit enrichir la vie de tout le monde.",
                    "La sécurité et la vie privée de chacun sur Internet sont fondamentales et ne "
                    "doivent pas être facultatives.",
                    "Les logiciels libres et open source favorisent le développement d’Internet "
                    "comme ressource publique."]),
            ("p", "Ces principes ne se concrétiseront pas d’eux-mêmes. Des personnes sont "
                  "nécessaires pour rendre Internet ouvert et participatif — des personnes qui "
                  "agissent en tant qu’individus, qui travaillent ensemble dans des groupes et qui "
                  "en mènent d’autres."),
        ],
    },
    "nl": {
        "title": "Het Mozilla-manifest",
        "desc": "Dit zijn de principes die onze missie om openheid, innovatie en mogelijkheden "
                "op het web te bevorderen bepalen.",
        "alt": "Onze 10 principes",
        "figtitle": "Lees het gehele manifest",
        "blocks": [
            ("h2", "Introductie"),
            ("p", "Het internet wordt steeds meer een belangrijk deel van ons leven."),
            ("p", "Het Mozilla-project is een wereldwijde gemeenschap van mensen die gelooft dat "
                  "openheid, innovatie en gelegenheid de sleutel zijn voor de blijvende gezondheid "
                  "van het internet. We hebben sinds 1998 samengewerkt om ervoor te zorgen dat het "
                  "internet wordt ontwikkeld op een manier die voor iedereen zijn voordeel "
                  "oplevert. We zijn het meest bekend van het maken van de webbrowser Mozilla "
                  "Firefox."),
            ("h2", "Principes"),
            ("li", ["Het internet is een integraal onderdeel van het moderne leven – een "
                    "sleutelcomponent in scholing, communicatie, samenwerking, handel, ontspanning "
                    "en de maatschappij als geheel.",
                    "Het internet is een wereldwijde publieke hulpbron die open en toegankelijk "
                    "moet blijven.",
                    "Het internet moet de levens van individuele personen verrijken.",
                    "De veiligheid en privacy van personen op het internet zijn fundamenteel en "
                    "moeten niet als optioneel worden beschouwd.",
                    "Vrije en opensourcesoftware bevordert de ontwikkeling van het internet als "
                    "een publieke hulpbron."]),
            ("p", "Deze principes zullen niet vanzelf tot leven komen. Er zijn mensen nodig om van "
                  "het internet een plaats te maken die open is en waar iedereen kan meewerken – "
                  "mensen die individueel opereren, samenwerken in groepen, en anderen leiden."),
        ],
    },
}

MOZ["addendum"] = {
    "site": "webkompas", "author": "Mozilla", "split": "holdout",
    "path": "mozorg/about/manifesto.ftl (Addendum)",
    "en": {
        "title": "Pledge for a Healthy Internet",
        "desc": "The Mozilla Manifesto Addendum",
        "alt": "Show Your Support",
        "figtitle": "Read the entire manifesto",
        "blocks": [
            ("p", "The open, global internet is the most powerful communication and collaboration "
                  "resource we have ever seen. It embodies some of our deepest hopes for human "
                  "progress. It enables new opportunities for learning, building a sense of shared "
                  "humanity, and solving the pressing problems facing people everywhere."),
            ("p", "Over the last decade we have seen this promise fulfilled in many ways. We have "
                  "also seen the power of the internet used to magnify divisiveness, incite "
                  "violence, promote hatred, and intentionally manipulate fact and reality. We have "
                  "learned that we should more explicitly set out our aspirations for the human "
                  "experience of the internet. We do so now."),
            ("li", ["We are committed to an internet that promotes civil discourse, human dignity, "
                    "and individual expression.",
                    "We are committed to an internet that elevates critical thinking, reasoned "
                    "argument, shared knowledge, and verifiable facts.",
                    "We are committed to an internet that catalyzes collaboration among diverse "
                    "communities working together for the common good."]),
        ],
    },
    "fr": {
        "title": "Engagement pour un Internet plus sain",
        "desc": "Complément au Manifeste Mozilla",
        "alt": "Affichez votre soutien",
        "figtitle": "Lire le manifeste complet",
        "blocks": [
            ("p", "L’Internet ouvert et mondial est la ressource de communication et de "
                  "collaboration la plus puissante jamais vue. Il incarne certains de nos espoirs "
                  "les plus fondamentaux en matière de progrès humain. Il offre de nouvelles "
                  "possibilités d’apprentissage, de développement d’un sentiment d’appartenance "
                  "commune à l’humanité et de résolution des problèmes urgents auxquels font face "
                  "les individus du monde entier."),
            ("p", "Au cours de la dernière décennie, nous avons vu cette promesse se concrétiser de "
                  "nombreuses façons. Nous avons également vu le pouvoir d’Internet être utilisé "
                  "pour amplifier les divisions, inciter à la violence, promouvoir la haine et "
                  "manipuler intentionnellement les faits et la réalité. Nous avons réalisé que "
                  "nous devrions formuler plus clairement nos aspirations quant à l’utilisation "
                  "d’Internet. Nous le faisons maintenant."),
            ("li", ["Nous nous engageons en faveur d’un Internet qui favorise le dialogue citoyen, "
                    "la dignité humaine et la liberté d’expression individuelle.",
                    "Nous nous engageons en faveur d’un Internet qui valorise l’esprit critique, "
                    "les discussions argumentées, le partage des connaissances et la vérification "
                    "des faits.",
                    "Nous nous engageons en faveur d’un Internet qui encourage la collaboration "
                    "entre différentes communautés afin qu’elles puissent travailler ensemble pour "
                    "le bien commun."]),
        ],
    },
    "nl": {
        "title": "Pleidooi voor een gezond internet",
        "desc": "Het Mozilla-manifest-addendum",
        "alt": "Toon uw steun",
        "figtitle": "Lees het gehele manifest",
        "blocks": [
            ("p", "Het open, wereldwijde internet is de meest krachtige bron voor communicatie en "
                  "samenwerking die we ooit hebben gezien. Het belichaamt enkele van onze grootste "
                  "wensen voor menselijke vooruitgang. Het biedt nieuwe mogelijkheden om te leren, "
                  "aan een gevoel van medemenselijkheid te bouwen, en problemen waar mensen "
                  "overal mee te maken hebben op te lossen."),
            ("p", "De afgelopen tien jaar hebben we deze belofte op vele manieren waargemaakt zien "
                  "worden. Ook hebben we gezien dat de kracht van het internet wordt gebruikt om "
                  "verdeeldheid te versterken, geweld te stimuleren, afkeer te bevorderen, en "
                  "opzettelijk feiten en waarheden te manipuleren. We hebben geleerd dat we onze "
                  "aspiraties voor de menselijke ervaring van het internet duidelijker moeten "
                  "uiteenzetten. Dat doen we nu."),
            ("li", ["We zijn toegewijd aan een internet dat maatschappelijk debat, menselijke "
                    "waardigheid en individuele expressie bevordert.",
                    "We zijn toegewijd aan een internet dat kritisch denken, weldoordachte "
                    "argumenten, gedeelde kennis en verifieerbare feiten stimuleert.",
                    "We zijn toegewijd aan een internet dat samenwerking tussen diverse "
                    "gemeenschappen die samen in het algemeen belang werken op gang brengt."]),
        ],
    },
}
