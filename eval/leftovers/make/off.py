# ruff: noqa: E501
"""Article text from the Open Food Facts web site and its French and Dutch translations.

Repository openfoodfacts/openfoodfacts-server, files lang/{en,fr,nl}/texts/*.html
(see README for paths, commits and licence). Only passages that exist in all
three languages are used; links are reduced to their text, ``<b>`` becomes
``<strong>``, whitespace is normalised. Passages that the Dutch or French file
leaves in English are either left out or kept and labelled as leftovers
(spec "real" in unseen.py), never kept unlabelled.
"""

from __future__ import annotations

OFF: dict[str, dict] = {}

OFF["nutriscore"] = {
    "site": "smaakwijzer", "author": "Stéphane Gigandet", "split": "unseen",
    "path": "lang/{lang}/texts/nutriscore.html",
    "en": {
        "title": "Compare the nutrition quality of food products with the Nutri-Score!",
        "desc": "The Nutri-Score is a logo that shows the nutritional quality of food products with A to E grades.",
        "alt": "Nutri-Score in Belgium",
        "figtitle": "Nutri-Score front-of-pack nutrition grade on breakfast cereals in a Delhaize store in Belgium (May 2019)",
        "blocks": [
            ("h2", "What is Nutri-Score?"),
            ("p", "The Nutri-Score is a logo that shows the nutritional quality of food products with A to E grades. With the NutriScore, products can be easily and quickly compared."),
            ("h2", "How is Nutri-Score computed?"),
            ("p", "The Nutri-Score grade is determined by the amount of healthy and unhealthy nutrients:"),
            ("li", ["<strong>Positive points:</strong> the proportion of fruits, vegetables and nuts, fibers and proteins (high levels are considered good for health).",
                    "<strong>Negative points:</strong> energy, saturated fat, sugars, sodium (high levels are considered unhealthy)"]),
            ("p", "The detailed Nutri-Score formula is publicly available on the Santé publique France web site."),
        ],
    },
    "fr": {
        "title": "Comparez la qualité nutritionnelle des produits alimentaires avec le Nutri-Score !",
        "desc": "Le Nutri-Score est un logo qui indique la qualité nutritionnelle des aliments avec des notes allant de A à E.",
        "alt": "Le Nutri-Score en Belgique",
        "figtitle": "Note Nutri-Score sur la face avant de paquets de céréales pour petit déjeuner dans un magasin Delhaize en Belgique (Mai 2019)",
        "blocks": [
            ("h2", "Qu'est-ce que le Nutri-Score ?"),
            ("p", "Le Nutri-Score est un logo qui indique la qualité nutritionnelle des aliments avec des notes allant de A à E. Avec le NutriScore, les produits peuvent être facilement et rapidement comparés."),
            ("h2", "Comment le Nutri-Score est-il calculé?"),
            ("p", "La note Nutri-Score est déterminée par la quantité de nutriments bons et mauvais pour la santé :"),
            ("li", ["<strong>Points positifs:</strong> La proportion de fruits, de légumes, de noix, d'huiles d'olive, de colza et de noix, de fibres et de protéines (les niveaux élevés sont considérés comme bons pour la santé).",
                    "<strong>Points négatifs:</strong> énergie, graisses saturées, sucres, sodium (des niveaux élevés sont considérés comme mauvais pour la santé)"]),
            ("p", "La formule détaillée du Nutri-Score est disponible publiquement sur le site Web de Santé publique France."),
        ],
    },
    "nl": {
        "title": "Vergelijk de gezondheidsscore van levensmiddelen met Nutri-Score!",
        "desc": "Nutri-Score is een logo dat de gezondheidsscore van levensmiddelen laat zien met een beoordeling van A tot en met E.",
        "alt": "Nutri-Score in België",
        "figtitle": "Nutri-Score beoordeling op de voorkant van een pak ontbijtgranen in een Delhaize-winkel in België (mei 2019)",
        "blocks": [
            ("h2", "Wat is Nutri-Score?"),
            ("p", "Nutri-Score is een logo dat de gezondheidsscore van levensmiddelen laat zien met een beoordeling van A tot en met E. Met Nutri-Score kunnen levensmiddelen makkelijk en vlug vergeleken worden."),
            ("h2", "Hoe wordt de Nutri-Score berekend?"),
            ("p", "Een Nutri-Score beoordeling wordt bepaald door de hoeveelheid gezonde en ongezonde voedingswaarden:"),
            ("li", ["<strong>Positieve bijdrage</strong>: de hoeveelheid fruit, groente en noten, vezels en eiwitten (hoge waarden worden gezien als gezond).",
                    "<strong>Negatieve bijdrage</strong>: energie, verzadigde vetten, suiker, zout (hoge waarden worden gezien als ongezond)"]),
            ("p", "De gedetailleerde Nutri-Score rekenmethode is te vinden op de website van het Franse Gezondheidsagentschap."),
        ],
    },
}

OFF["nutriscore-app"] = {
    "site": "smaakwijzer", "author": "Caroline Giraud", "split": "unseen",
    "path": "lang/{lang}/texts/nutriscore.html",
    "en": {
        "title": "How can I see the Nutri-Score of food products?",
        "desc": "You can see the Nutri-Score of food products with the Open Food Facts iPhone and Android mobile app, and on the Open Food Facts web site.",
        "alt": "NutriScore on the Open Food Facts mobile app",
        "figtitle": "Get the Nutri-Score with the Open Food Facts app!",
        "blocks": [
            ("p", "The Nutri-Score appears on the label of food products only in some countries and for a currently limited number of brands, but it is computed for all products of all countries on Open Food Facts since 2014!"),
            ("p", "You can see the Nutri-Score of food products with the Open Food Facts iPhone and Android mobile app, and on the Open Food Facts web site. If the product is not yet on Open Food Facts, you can add it in a minute by adding the nutrition facts and selecting a category, and the Nutri-Score will be computed and shown instantly."),
            ("p", "To scan food products, get their Nutri-Score nutritional grade, the NOVA group for ultra-processed foods, allergens alerts and to decypher food additives, install the free Open Food Facts app!"),
            ("p", "You will also be able to easily add new products to Open Food Facts and help to build a common good to improve everyone's food and health. Thank you!"),
        ],
    },
    "fr": {
        "title": "Comment puis-je voir le Nutri-Score des produits alimentaires?",
        "desc": "Vous pouvez voir le Nutri-Score des produits alimentaires avec l'application mobile Open Food Facts pour iPhone et Android, ainsi que sur le site Web Open Food Facts.",
        "alt": "NutriScore sur l'application mobile Open Food Facts",
        "figtitle": "Obtenez le Nutri-Score avec l'application Open Food Facts!",
        "blocks": [
            ("p", "Le Nutri-Score apparaît sur l'étiquette des produits alimentaires uniquement dans certains pays et pour un nombre actuellement limité de marques, mais il est calculé pour tous les produits de tous les pays sur Open Food Facts depuis 2014 !"),
            ("p", "Vous pouvez voir le Nutri-Score des produits alimentaires avec l'application mobile Open Food Facts pour iPhone et Android, ainsi que sur le site Web Open Food Facts. Si le produit ne figure pas encore dans Open Food Facts, vous pouvez l'ajouter en une minute en ajoutant les informations nutritionnelles et en sélectionnant une catégorie. Le Nutri-Score sera calculé et affiché instantanément."),
            ("p", "Pour analyser des produits alimentaires, obtenir leur note Nutri-Score, leur groupe NOVA pour savoir s'il s'agit d'un aliment ultra-transformé, des alertes sur les allergènes, et pour décrypter les additifs alimentaires, installez l'application gratuite Open Food Facts !"),
            ("p", "Vous pourrez également ajouter facilement de nouveaux produits à Open Food Facts et aider à créer un bien commun pour améliorer la santé et l'alimentation de tous. Merci !"),
        ],
    },
    "nl": {
        "title": "Hoe zie ik de Nutri-Score van levensmiddelen?",
        "desc": "Je kan de Nutri-Score van levensmiddelen bekijken dankzij Open Food Facts met de iPhone of Android app en op de Open Food Facts website.",
        "alt": "Nutri-Score op de Open Food Facts app",
        "figtitle": "Bekijk de Nutri-Score met de Open Food Facts App!",
        "blocks": [
            ("p", "De Nutri-Score wordt momenteel slechts in een beperkt aantal landen en voor een klein aantal merken op een product afgedrukt, maar wordt al sinds 2014 door Open Food Facts berekend voor alle levensmiddelen!"),
            ("p", "Je kan de Nutri-Score van levensmiddelen bekijken dankzij Open Food Facts met de iPhone of Android app en op de Open Food Facts website. Wanneer een levensmiddel nog niet in Open Food Facts staat dan kun je deze eenvoudig toevoegen. Na het selecteren van een categorie wordt de Nutri-Score berekend en direct getoond."),
            ("p", "Installeer de gratis Open Food Facts app, scan de streepjescodes van levensmiddelen, bekijk de Nutri-Score, de NOVA bewerkingsgraad, ontcijfer additieven en wordt gewaarschuwd voor allergen of intoleranties!"),
            ("p", "Je kan ook makkelijk producten aan Open Food Facts toevoegen en zo iedereen helpen met betere voeding en gezondheid. Bedankt!"),
        ],
    },
}

OFF["nutriscore-origins"] = {
    "site": "smaakwijzer", "author": "Isabelle Hurbain", "split": "unseen",
    "path": "lang/{lang}/texts/nutriscore.html",
    "en": {
        "title": "Who created the Nutri-Score?",
        "desc": "Nutri-Score has been proposed by EREN, a French public nutrition research team, led by Professor Serge Hercberg.",
        "alt": "Nutri-Score official presentation",
        "figtitle": "Nutri-Score Scientific and Technical FAQ",
        "blocks": [
            ("p", "Nutri-Score has been proposed by EREN, a French public nutrition research team, led by Professor Serge Hercberg. It is based on the FSA nutritional score created by the Food Standards Agency in the UK."),
            ("p", "The Nutri-Score is presented in the 2013 report \"Proposals for a new impetus to the French public health nutrition policy in the framework of the National Health Strategy\". Professor Serge Hercberg advocates for the adoption of a system of grades from A to E on the front of food products to allow to easily compare the nutritional quality of products."),
            ("h2", "Which countries have adopted the Nutri-Score ?"),
            ("p", "The Nutri-Score has been adopted in France in 2016, and in Belgium and Spain in 2018. Some producers in Germany are also using the Nutri-Score. The Nutri-Score is optional in these countries, but a growing number of food manufacturers are displaying it on their products:"),
            ("li", ["Brands with Nutri-Score in France", "Brands with Nutri-Score in Belgium", "Brands with Nutri-Score in Spain"]),
            ("p", "Research teams in other countries, like Mexico, are also conducting research based on Nutri-Score."),
        ],
    },
    "fr": {
        "title": "Qui a créé le Nutri-Score?",
        "desc": "Le Nutri-Score a été proposé par l'EREN, une équipe de recherche publique française sur la nutrition, dirigée par le professeur Serge Hercberg.",
        "alt": "Présentation officielle du Nutri-Score",
        "figtitle": "FAQ scientifique et technique Nutri-Score",
        "blocks": [
            ("p", "Le Nutri-Score a été proposé par l'EREN, une équipe de recherche publique française sur la nutrition, dirigée par le professeur Serge Hercberg. Il est basé sur le score nutritionnel de la FSA créé par la Food Standards Agency du Royaume-Uni."),
            ("p", "Le Nutri-Score est présenté dans le rapport publié en 2013 \"Propositions pour un nouvel élan à la politique française de nutrition pour la santé publique dans le cadre de la stratégie nationale de la santé\". Le professeur Serge Hercberg préconise l'adoption d'un système de grades de A à E sur le devant des produits alimentaires afin de permettre une comparaison aisée de la qualité nutritionnelle des produits."),
            ("h2", "Quels pays ont adopté le Nutri-Score ?"),
            ("p", "Le Nutri-Score a été adopté en France en 2016, en Belgique et en Espagne en 2018. Certains producteurs en Allemagne utilisent également le Nutri-Score. Le Nutri-Score est facultatif dans ces pays, mais un nombre croissant de fabricants de produits alimentaires l'affichent sur leurs produits :"),
            ("li", ["Marques avec le Nutri-Score en France", "Marques avec le Nutri-Score en Belgique", "Marques avec le Nutri-Score en Espagne"]),
            ("p", "Des équipes de recherche dans d'autres pays, comme le Mexique, mènent également des recherches basées sur le Nutri-Score."),
        ],
    },
    "nl": {
        "title": "Wie heeft Nutri-Score gemaakt?",
        "desc": "Nutri-Score is voorgesteld door EREN, een Franse universitaire voedingsonderzoeksgroep, geleud door Professor Serge Hercberg.",
        "alt": "Officiële Nutri-Score presentatie",
        "figtitle": "Wetenschappelijke en technische Nutri-Score FAQ",
        "blocks": [
            ("p", "Nutri-Score is voorgesteld door EREN, een Franse universitaire voedingsonderzoeksgroep, geleud door Professor Serge Hercberg. Het is gebaseerd of de voedingsscore ontwikkeld door de Food Standards Agency in her Verenigd Koninkrijk."),
            ("p", "In 2013 is de Nutri-Score is gepresenteerd in het rapport \"Voorstellen voor een nieuwe impuls voor de Franse publieke gezondheidspolitiek in het kader van de Nationale Gezondheids Strategie\". Professor Serge Hercberg pleit voor de invoering van een systeem van cijfers van A tot E op de productvoorkant om de gezondheisscore van levensmiddelen gemakkelijk te kunnen vergelijken."),
            ("h2", "Landen die Nutri-Score hebben ingevoerd?"),
            ("p", "Nutri-Score is in 2016 in Frankrijk ingevoerd, in België en Spanje in 2018. Nutri-Score wordt ook gebruikt door enkele producenten. Nutri-Score is optioneel in deze landen, maar een groeiende groep levensmiddelenproducenten zetten het op hun producten:"),
            ("li", ["Merken met Nutri-Score in Frankrijk", "Merken met Nutri-Score in België", "Merken met Nutri-Score in Spanje"]),
            ("p", "Ook in andere landen, zoals Mexico, wordt de Nutri-Score aanpak onderzocht."),
        ],
    },
}

OFF["pronutriscore"] = {
    "site": "smaakwijzer", "author": "Martine Perthuis", "split": "unseen",
    "path": "lang/{lang}/texts/nutriscore.html",
    "en": {
        "title": "The #PRONUTRISCORE Petition: Consumers across the EU are joining forces for 1 million signatures",
        "desc": "Petition to make the Nutri-Score compulsory on all packages across Europe",
        "alt": "Sign the Nutri-Score Petition on the EU commission website",
        "figtitle": "Tweet about the petition",
        "blocks": [
            ("p", "UFC-Que Choisir (France), Test-Achat (Belgium), VZBV (Germany), Consumentenbond (The Netherlands), OCU (Spain), Federajca Konsumentow (Poland) and EKPIZO (Greece), members of the European Bureau of Consumer Associations (BEUC) have teamed up to ask the EU commission to make the Nutri-Score compulsory on food packagings."),
            ("p", "We are asking the European Commission to impose simplified ‘Nutriscore’ labelling on food products, to guarantee that consumers are provided with quality nutritional information and to protect their health."),
            ("li", ["Make nutritional labelling easier to read and understand, so that the nutritional value of a food can be understood at a glance in the face of the diversity of food supply;",
                    "Take action on public health issues by encouraging professionals to improve the composition of their products;",
                    "Harmonise nutritional information at European level by imposing a single official labelling system, thereby putting an end to the confusion experienced by European consumers when faced by the plethora of existing logos."]),
            ("h2", "Thank You"),
            ("p", "We would like to thank Professor Serge Hercberg and Dr. Chantal Julia from the Research Team in Nutritional Epidemiology (EREN) of the Paris 13 University / Avicenne Hospital for their help and the data they have communicated us to compute the nutritional score and the Nutri-Score grades."),
        ],
    },
    "fr": {
        "title": "La pétition #PRONUTRISCORE : les consommateurs de l’Union Européenne unissent leurs forces pour un million de signatures",
        "desc": "Pétition pour rendre le Nutri-Score obligatoire sur tous les emballages de produits en Europe",
        "alt": "Signez la pétition Nutri-Score sur le site de la Commission européenne",
        "figtitle": "Tweeter sur la pétition",
        "blocks": [
            ("p", "UFC-Que Choisir (France), Test-Achat (Belgique), VZBV (Allemagne), Consumentenbond (Pays-Bas), OCU (Espagne), Federajca Konsumentow (Pologne) et EKPIZO (Grèce), membres du Bureau Européen des Unions de Consommateurs (BEUC), se sont associées pour demander à la Commission Européenne de rendre obligatoire le Nutri-Score sur les emballages alimentaires."),
            ("p", "Nous demandons à la Commission européenne d'imposer l'étiquetage simplifié «Nutriscore» sur les produits alimentaires, afin de garantir aux consommateurs une information nutritionnelle de qualité et de protéger leur santé."),
            ("li", ["Rendre l’étiquetage nutritionnel plus facile à lire et à comprendre, afin que la valeur nutritionnelle d’un aliment puisse être comprise d’un coup d’œil face à la diversité des sources d’alimentation ;",
                    "Agir sur les questions de santé publique en encourageant les professionnels à améliorer la composition de leurs produits ;",
                    "Harmoniser les informations nutritionnelles au niveau européen en imposant un système d'étiquetage officiel unique, mettant ainsi un terme à la confusion des consommateurs européens face à la pléthore de logos existants."]),
            ("h2", "Remerciements"),
            ("p", "Nous aimerions remercier le professeur Serge Hercberg et le Dr. Chantal Julia de l'équipe de recherche en épidémiologie nutritionnelle (EREN) de l’Université Paris 13 / Hôpital Avicenne pour leur aide et les données qu’ils nous ont communiquées pour calculer le score nutritionnel et les notes Nutri-Score."),
        ],
    },
    "nl": {
        "title": "De #PRONUTRISCORE-petitie: op weg naar 1 miljoen consumenten handtekeningen uit de hele EU",
        "desc": "Petitie om Nutri-Score verplicht te maken op alle Europese levensmiddelen",
        "alt": "Onderteken de Nutri-Score petitie op de website van de Europese Commissie",
        "figtitle": "Tweet deze petitie",
        "blocks": [
            ("p", "UFC-Que Choisir (Frankrijk), Test-Achat (België), VZBV (Duitsland), Consumentenbond (Nederland), OCU (Spanje), Federajca Konsumentow (Polen) en EKPIZO (Griekenland), leden van het Europees Bureau voor consumentenverenigingen (BEUC) werken samen om de EU-commissie te vragen Nutri-Score verplicht te maken voor levensmiddelen."),
            ("p", "We vragen de Europese Commissie om een vereenvoudigde 'Nutri-Score'-etikettering verplicht te stellen voor levensmiddelen, om te garanderen dat consumenten hoogwaardige voedingsinformatie krijgen en hun gezondheid kunnen beschermen."),
            ("li", ["Maak voedingswaarde-etikettering beter leesbaar en begrijpbaar, zodat de gezondheidsscore van een levensmiddel in één oogopslag duidelijk is, gezien de diversiteit van het productaanbod;",
                    "Neem maatregelen op het gebied van volksgezondheid om professionals aan te moedigen de samenstelling van hun producten te verbeteren;",
                    "Harmoniseer de voedingswaarde-informatie op Europees niveau door één enkel officieel etiketteringssysteem in te voeren, waarmee een einde wordt gemaakt aan de verwarring die Europese consumenten ondervinden wanneer zij worden geconfronteerd met de overvloed aan bestaande logo's."]),
            ("h2", "Dankwoord"),
            ("p", "We bedanken Professor Serge Hercberg en Dr. Chantal Julia van het onderzoeksteam in Nutritional Epidemiology (EREN) van de Paris 13 Universiteit / Avicienne Ziekenhuis voor hun hulp en data, die door ons gebruikt worden om de Nutri-Score te berekenen."),
        ],
    },
}

OFF["who-we-are"] = {
    "site": "smaakwijzer", "author": "Marie Claire Saint Maux", "split": "unseen",
    "path": "lang/{lang}/texts/who-we-are.html",
    "en": {
        "title": "The Open Food Facts Team",
        "desc": "Open Food Facts is a collaborative project with contributors from all around the world.",
        "alt": "list of contributors to the English version",
        "figtitle": "A big thank you to:",
        "blocks": [
            ("p", "The project was started by Stéphane Gigandet, creator of the food blogs portals Recettes de Cuisine (French) and Very Good Recipes, and various other collaborative and/or food-related projects (mostly in French, e.g. Manger Bloguer and Informations Nutritionnelles). Stéphane takes care in particular of the technical architecture of Open Food Facts, its development and the hosting of the site and its database."),
            ("h2", "Contributors"),
            ("p", "The contributors to the Open Food Facts project are people that are passionate about food. They add products to the database and they are also the primary source for improvements and applications ideas through several venues for the Open Food Facts community to share and discuss."),
            ("p", "Open Food Facts is a project open to all: you can join us by creating an account in less than a minute, and you can add your first product in a few more minutes."),
            ("p", "Please also join us on the various social networks to learn more about the project and/or start the conversation!"),
            ("h2", "The first contributors"),
            ("p", "The first contributors contributed much more than the first products: their ideas and enthusiasm is what made the creation of Open Food Facts possible!"),
            ("p", "Special thanks to Marie Claire who brought her time and energy to the project from the very start and who added more than 200 products before the public launch!"),
        ],
    },
    "fr": {
        "title": "L'Équipe Open Food Facts",
        "desc": "Open Food Facts est un projet collaboratif avec des contributeurs du monde entier.",
        "alt": "liste des contributeurs à la version anglaise",
        "figtitle": "Un grand merci à :",
        "blocks": [
            ("p", "Le projet a été lancé par Stéphane Gigandet, créateur des portails de blogs sur la gastronomie Recettes de Cuisine (Français) et Very Good Recipes, et d'autres projets collaboratifs et/ou liés à l’alimentation (principalement en français, p.ex. Manger Bloguer et Informations Nutritionnelles). Stéphane s’occupe notamment de l’architecture technique d’Open Food Facts, de son développement et de l’hébergement du site et de sa base de données."),
            ("h2", "Contributeurs"),
            ("p", "Les contributeurs au projet Open Food Facts sont des passionnés de nourriture. Ils ajoutent des produits à la base de données et ils sont aussi la source primaire pour les améliorations et pour les idées via le Forum d'idées et plusieurs autres lieux de partage de discussion pour la communauté d'Open Food Facts."),
            ("p", "Open Food Facts est un projet ouvert à tous : vous pouvez nous rejoindre en créant un compte en mois d'une minute, et vous pouvez ajouter votre premier produit en quelques minutes."),
            ("p", "Veuillez également nous rejoindre sur les différents réseaux sociaux pour en savoir plus sur le projet et/ou démarrer la conversation !"),
            ("h2", "Les premiers contributeurs"),
            ("p", "Les premiers contributeurs ont apporté beaucoup plus que les premiers produits : leurs idées et leur enthousiasme ont rendu possible la création d'Open Food Facts !"),
            ("p", "Un merci spécial à Marie Claire qui a consacré son temps et son énergie dans le projet dès le début et qui a ajouté plus de 200 produits avant le lancement public !"),
        ],
    },
    "nl": {
        "title": "Het Open Food Facts Team",
        "desc": "Open Food Facts is een samenwerkingsproject met medewerkers van over de hele wereld.",
        "alt": "lijst van bijdragers aan de Engelse versie",
        "figtitle": "Hartelijk dank aan:",
        "blocks": [
            ("p", "Het project werd gestart door Stéphane Gigandet, ontwikkelaar van de voedselblog-portals Recettes de Cuisine (Frans) en Very Good Recipes en verschillende andere samenwerkings en/of voedselgerelateerde projecten (meestal in het Frans, bijvoorbeeld Manger Bloguer en Information Nutritionnelles). Stéphane zorgt in het bijzonder voor de technische architectuur van Open Food Facts, de ontwikkeling en de hosting van de site en database."),
            ("h2", "Medewerkers"),
            ("p", "De medewerkers van het Open Food Facts project zijn mensen die enthousiast zijn over voedsel. Ze voegen producten toe aan de database. Ze zijn ook de eerste bron voor verbeteringen en toepassingen via het Ideeën Forum en verschillende andere plaatsen van de Open Food Facts community."),
            # Left in English by the Dutch file itself: labelled on the Dutch page ("real").
            ("p", "Open Food Facts is a project open to all: you can join us by creating an account in less than a minute, and you can add your first product in a few more minutes."),
            ("p", "Doe ook met ons mee op de verschillende sociale netwerken om meer over het project te weten te komen en te praten!"),
            ("h2", "De eerste bijdragers"),
            ("p", "De eerste bijdragers droegen veel meer bij dan de eerste producten: hun ideeën en enthousiasme maakten het creëren van Open Food Facts mogelijk!"),
            ("p", "Speciale dank aan Marie Claire die vanaf het begin haar tijd en energie aan het project heeft geleverd en meer dan 200 producten heeft toegevoegd voor de openbaarmaking!"),
        ],
    },
}

OFF["discover"] = {
    "site": "smaakwijzer", "author": "Stéphane Gigandet", "split": "unseen",
    "path": "lang/{lang}/texts/discover.html",
    "en": {
        "title": "The free food products database",
        "desc": "Be part of our collaborative, free and open database of food products from around the world!",
        "alt": "Made by everyone - Crowdsourcing",
        "figtitle": "For everyone - Open data",
        "blocks": [
            ("quote", "Tell me what you eat and I will tell you what you are."),
            ("cite", "Jean Anthelme Brillat-Savarin - 1825"),
            ("h2", "Open your food and know what you eat"),
            ("h2", "A food products database"),
            ("p", "Open Food Facts is a database of food products with ingredients, allergens, nutrition facts and all the tidbits of information we can find on product labels."),
            ("h2", "Made by everyone"),
            ("p", "Open Food Facts is a non-profit association of volunteers."),
            ("li", ["Find products", "Compare and change", "Explore and discover"]),
        ],
    },
    "fr": {
        "title": "Base de données des aliments gratuits",
        "desc": "Faites partir de notre base de données collaborative, libre, ouverte des produits alimentaires du monde entier!",
        "alt": "Fait par tout le monde - Crowdsourcing",
        "figtitle": "Pour tout le monde - Open data",
        "blocks": [
            ("quote", "Dis-moi ce que tu manges et je te dirai qui tu es."),
            ("cite", "Jean Anthelme Brillat-Savarin - 1825"),
            ("h2", "Ouvrez votre nourriture pour savoir ce que vous mangez"),
            ("h2", "Base de données des produits alimentaires"),
            ("p", "Open Food Facts est une base de données des produits alimentaire qui contient la liste des ingrédients, des allergènes , des valeurs nutritives et toutes les informations que nous pouvons trouver sur les étiquettes des produits."),
            ("h2", "Fabriqué par tout le monde"),
            ("p", "Open Food Facts est une association à but non-lucratif qui regroupe des bénévoles."),
            ("li", ["Trouver des produits", "Comparer et modifier", "Explorez et découvrez"]),
        ],
    },
    "nl": {
        "title": "De gratis database van levensmiddelen",
        "desc": "Wees onderdeel van onze gezamenlijke, vrije en open database van levensmiddelen uit de hele wereld!",
        "alt": "Gemaakt door iedereen - Crowdsourcing",
        "figtitle": "Voor iedereen - Open gegevens",
        "blocks": [
            ("quote", "Vertel me wat je eet en ik zal u vertellen wat je bent."),
            ("cite", "Jean Anthelme Brillat-Savarin - 1825"),
            ("h2", "Open je voedsel en weet wat je eet"),
            ("h2", "Een voedselproducten database"),
            ("p", "Open Food Facts is een database van voedingsmiddelen met ingrediënten, allergenen, voedingsfeiten en alle om de getijden informatie te vinden die we op productlabels kunnen vinden."),
            ("h2", "Gemaakt door iedereen"),
            ("p", "Open Food Facts is een non-profit vereniging van vrijwilligers."),
            ("li", ["Zoek producten", "Vergelijk en verander", "Verken en ontdek"]),
        ],
    },
}

OFF["mobile-app"] = {
    "site": "smaakwijzer", "author": "Caroline Giraud", "split": "unseen",
    "path": "lang/{lang}/texts/mobile-app-open-food-facts.html",
    "en": {
        "title": "Install the Open Food Facts mobile app",
        "desc": "To scan food products, get their Nutri-Score, their NOVA group to know if it's an ultra-processed food, and to decypher food additives, install the free Open Food Facts app!",
        "alt": "Available on Google Play",
        "figtitle": "Available on the App Store",
        "blocks": [
            ("p", "To scan food products, get their Nutri-Score, their NOVA group to know if it's an ultra-processed food, and to decypher food additives, install the free Open Food Facts app!"),
            ("p", "You can also add new products to Open Food Facts and build a common good to improve nutrition and health for everybody. Thank you !"),
        ],
    },
    "fr": {
        "title": "Installer l'application mobile Open Food Facts",
        "desc": "Pour analyser des produits alimentaires, obtenir leur Nutri-Score, leur groupe NOVA pour savoir s'il s'agit d'un aliment ultra-transformé et pour décrypter les additifs alimentaires, installez l'application gratuite Open Food Facts !",
        "alt": "Disponible sur Google Play",
        "figtitle": "Disponible sur l'App Store",
        "blocks": [
            ("p", "Pour analyser des produits alimentaires, obtenir leur Nutri-Score, leur groupe NOVA pour savoir s'il s'agit d'un aliment ultra-transformé et pour décrypter les additifs alimentaires, installez l'application gratuite Open Food Facts !"),
            ("p", "Vous pouvez également ajouter de nouveaux produits à Open Food Facts et construire un bien commun pour améliorer l'alimentation et la santé de tous. Merci !"),
        ],
    },
    "nl": {
        "title": "Installeer de Open Food Facts app",
        "desc": "Installeer de gratis Open Food Facts app, scan de barcodes van levensmiddelen, bekijk de Nutri-Score, de NOVA bewerkingsgraad, ontcijfer additieven en wordt gewaarschuwd voor allergen of intoleranties!",
        "alt": "Beschikbaar op Google Play",
        "figtitle": "Beschikbaar op de App Store",
        "blocks": [
            ("p", "Installeer de gratis Open Food Facts app, scan de barcodes van levensmiddelen, bekijk de Nutri-Score, de NOVA bewerkingsgraad, ontcijfer additieven en wordt gewaarschuwd voor allergen of intoleranties!"),
            ("p", "Je kan ook nieuwe producten aan Open Food Facts toevoegen en zo een database opbouwen voor algemeen belang om de voeding en gezondheid voor iedereen te verbeteren. Bedankt !"),
        ],
    },
}

OFF["nova-score"] = {
    "site": "smaakwijzer", "author": "Isabelle Hurbain", "split": "unseen",
    "path": "lang/{lang}/texts/nova.html",
    "en": {
        "title": "The Nova score on Open Food Facts",
        "desc": "You can help us determine the Nova group for more products by completing the ingredients and the categories of products.",
        "alt": "Formula to determine the Nova group",
        "figtitle": "Ingredients and categories associated with group 3 will not be applied to food identified as group 2",
        "blocks": [
            ("p", "The formula for calculating the Nova score were published in the <cite>NOVA. The star shines bright</cite> article published in World Nutrition Volume 7, Number 1 - 3, January - March 2016"),
            ("p", "Please note that this is still experimental work as multilingual taxonomisation of ingredients is still an ongoing work on Open Food Facts."),
            ("h2", "We start by assigning group 1"),
            ("p", "We first try to identify group 2 processed culinary ingredients"),
            ("li", ["fats", "salts", "vinegars", "sugars", "honeys", "maple syrups"]),
            ("p", "Ingredients and categories only found in group 4"),
            ("li", ["flavour enhancer", "sweetener", "emulsifier", "humectant", "maltodextrin", "lactose"]),
        ],
    },
    "fr": {
        "title": "Le score Nova sur Open Food Facts",
        "desc": "Vous pouvez nous aider à déterminer le groupe Nova pour plus de produits en complétant les ingrédients et les catégories de produits.",
        "alt": "Formule pour déterminer le groupe Nova",
        "figtitle": "Les ingrédients et catégories associés au groupe 3 ne seront pas appliqués aux aliments identifiés comme groupe 2",
        "blocks": [
            ("p", "La formule de calcul du score Nova a été publiée dans l'article <cite lang=\"en\">NOVA. The star shines bright</cite> publié dans World Nutrition Volume 7, numéro 1 - 3, janvier - mars 2016"),
            ("p", "Veuillez noter que ceci est encore un travail expérimental car la taxonomie multilingue des ingrédients est encore un travail en cours sur Open Food Facts."),
            ("h2", "Nous commençons par assigner le groupe 1"),
            ("p", "Nous essayons d'abord d'identifier les ingrédients culinaires transformés du groupe 2"),
            ("li", ["matières grasses", "sels", "vinaigres", "sucres", "miels", "sirops d'érable"]),
            ("p", "Ingrédients et catégories trouvés seulement dans le groupe 4"),
            ("li", ["exhausteur de goût", "édulcorant", "émulsifiant", "humectant", "maltodextrine", "lactose"]),
        ],
    },
    "nl": {
        "title": "De Nova-score op Open Food Facts",
        "desc": "Ja kunt ons helpen de Nova-groepen voor meer producten te bepalen door de ingrediënten en de productcategorieën in te vullen.",
        "alt": "De aanpak om de Nova-groep te bepalen",
        "figtitle": "Ingrediënten en categorieën die verband houden met Nova-groep 3 worden niet toegepast op voedingsmiddelen die zijn geïdentificeerd als Nova-groep 2",
        "blocks": [
            ("p", "De formule om de Nova-score te berekenen is gepubliceerd in het <cite lang=\"en\">NOVA. The star shines bright</cite> artikel gepubliceerd in World Nutrition Volume 7, Nummer 1 - 3, januari - maart 2016"),
            ("p", "Houd er rekening mee dat dit nog steeds experimenteel is, omdat meertalige taxonomisatie van ingrediënten nog in ontwikkeling is op Open Food Facts."),
            ("h2", "We beginnen met het toewijzen aan Nova-groep 1"),
            ("p", "Eerst proberen we om bewerkte ingrediënten van Nova-groep 2 te identificeren"),
            ("li", ["vetten", "zout", "azijn", "suikers", "honing", "ahornsiropen"]),
            ("p", "Ingrediënten en categorieën, die alleen te vinden zijn in Nova-groep 4"),
            ("li", ["smaakversterker", "zoetstoffen", "emulgator", "bevochtiger", "maltodextrine", "lactose"]),
        ],
    },
}
