# ruff: noqa: E501
"""Help topics from GNOME Help (gnome-user-docs) and their French and Dutch translations.

Source: GNOME/gnome-user-docs gnome-help/fr/fr.po and gnome-help/nl/nl.po;
the English text is the msgid of the same entries (see README). Mallard
markup is rendered as HTML: <gui> -> <strong>, <key> -> <kbd>, <file> -> <code>.
"""

from __future__ import annotations

GN: dict[str, dict] = {}

GN["files-autorun"] = {
    "site": "tuxtips", "author": "Shobha Tyagi", "split": "dev",
    "en": {
        "title": "Open applications for devices or discs",
        "desc": "Automatically run applications for CDs and DVDs, cameras, audio players, and "
                "other devices and media.",
        "alt": "Types of devices and media",
        "figtitle": "Removable Media",
        "blocks": [
            ("p", "You can have an application automatically start when you plug in a device or "
                  "insert a disc or media card. For example, you might want your photo organizer "
                  "to start when you plug in a digital camera. You can also turn this off, so that "
                  "nothing happens when you plug something in."),
            ("p", "To decide which applications should start when you plug in various devices:"),
            ("li", ["Click <strong>Removable Media</strong>.",
                    "Find your desired device or media type, and then choose an application or "
                    "action for that media type. See below for a description of the different "
                    "types of devices and media."]),
            ("h2", "Types of devices and media"),
            ("p", "If you do not see the device or media type that you want to change in the list "
                  "(such as Blu-ray discs or E-book readers), click <strong>Other Media…</strong> "
                  "to see a more detailed list of devices. Select the type of device or media from "
                  "the <strong>Type</strong> drop-down and the application or action from the "
                  "<strong>Action</strong> drop-down."),
        ],
    },
    "fr": {
        "title": "Ouverture d’applications associées à des périphériques ou des disques",
        "desc": "Lancer automatiquement des applications pour CD, DVD, appareils photo, baladeurs "
                "audio et autres périphériques et médias.",
        "alt": "Types de périphériques et de médias",
        "figtitle": "Médias amovibles",
        "blocks": [
            ("p", "Il est possible de faire en sorte qu’une application démarre automatiquement "
                  "quand un périphérique est connecté ou quand un disque ou une carte média est "
                  "inséré. Par exemple, vous pouvez désirer que votre gestionnaire de photos "
                  "démarre quand vous connectez votre appareil photo numérique. Vous pouvez aussi "
                  "désactiver cette possibilité, de sorte que rien ne se passe quand vous "
                  "connectez quelque chose."),
            ("p", "Pour choisir l’application qui doit s’exécuter quand vous connectez un "
                  "quelconque périphérique :"),
            ("li", ["Ouvrez <strong>Médias amovibles</strong>.",
                    "Choisissez une application ou une action à exécuter pour le type de média "
                    "souhaité. Veuillez consulter ci-dessous les descriptions des différents types "
                    "de périphériques et médias disponibles."]),
            ("h2", "Types de périphériques et de médias"),
            ("p", "Si vous ne voyez pas apparaître le périphérique ou le type de média que vous "
                  "voulez modifier dans la liste (comme des disques Blu-ray ou des lecteurs "
                  "e-book), cliquez sur <strong>Autres médias</strong> pour avoir une liste plus "
                  "complète de périphériques. Choisissez le votre dans la liste du menu déroulant "
                  "<strong>Type</strong> et l’application ou l’action souhaitée dans la liste "
                  "<strong>Action</strong>."),
        ],
    },
    "nl": {
        "title": "Toepassingen voor apparaten of schijven openen",
        "desc": "Het automatisch draaien van toepassingen voor cd’s en dvd’s, camera’s, "
                "audiospelers, en andere apparaten en media.",
        "alt": "Apparaat- en mediatypen",
        "figtitle": "Verwijderbare media",
        "blocks": [
            ("p", "U kunt een toepassing automatisch laten starten wanneer u een apparaat aansluit "
                  "of een schijf of kaart in de computer plaatst. Zo zou u misschien willen dat uw "
                  "fotobeheerprogramma start wanneer u een digitale camera aansluit. U kunt dit "
                  "ook uitschakelen, zodat er niets gebeurt wanneer u iets aansluit."),
            ("p", "Om te beslissen welke toepassing gestart moet worden wanneer u verschillende "
                  "apparaten aansluit:"),
            ("li", ["Klik op <strong>Verwijderbare media</strong>.",
                    "Zoek het gewenste apparaat mediatype, en kies vervolgens een toepassing of "
                    "handeling voor dat mediatype. Hieronder vindt u een beschrijving van de "
                    "verschillende apparaat- en mediatypen."]),
            ("h2", "Apparaat- en mediatypen"),
            ("p", "Als u het apparaat of mediatype dat u wilt wijzigen (zoals Blu-ray schijven of "
                  "e-boek-lezers) niet ziet staan in de lijst, klik dan op <strong>Andere "
                  "media…</strong> voor een gedetailleerdere lijst met apparaten. Selecteer het "
                  "apparaat- of mediatype uit de <strong>Type</strong>-keuzelijst en de toepassing "
                  "of actie uit de <strong>Actie</strong>-keuzelijst."),
        ],
    },
}

GN["files-delete"] = {
    "site": "tuxtips", "author": "Cristopher Thomas", "split": "dev",
    "en": {
        "title": "Delete files and folders",
        "desc": "Remove files or folders you no longer need.",
        "alt": "Permanently delete a file",
        "figtitle": "Empty Trash",
        "blocks": [
            ("p", "If you don’t want a file or folder any more, you can delete it."),
            ("p", "When you delete an item it is moved to the Trash folder, where it is stored "
                  "until you empty the trash. Items stored in the Trash folder can be restored to "
                  "their original location if you decide you need them, or if they were "
                  "accidentally deleted."),
            ("h2", "Permanently delete a file"),
            ("p", "You can immediately delete a file permanently, without having to send it to the "
                  "trash first."),
            ("li", ["Select the item you want to delete.",
                    "Press and hold the <kbd>Shift</kbd> key, then press the <kbd>Delete</kbd> key "
                    "on your keyboard.",
                    "Because you cannot undo this, you will be asked to confirm that you want to "
                    "delete the file or folder."]),
            ("p", "Deleted files on a removable device may not be visible on other operating "
                  "systems, such Windows or Mac OS. The files are still there, and will be "
                  "available when you plug the device back into your computer."),
        ],
    },
    "fr": {
        "title": "Suppression de fichiers et de dossiers",
        "desc": "Supprimer des fichiers ou dossiers dont vous n’avez plus besoin.",
        "alt": "Suppression définitive d’un fichier",
        "figtitle": "Vider la corbeille",
        "blocks": [
            ("p", "Si vous ne voulez plus d’un fichier ou d’un dossier, supprimez-le."),
            ("p", "La suppression d’un élément le déplace dans le dossier Corbeille où il est "
                  "stocké jusqu’à ce que vous vidiez la corbeille. Les éléments de la corbeille "
                  "peuvent être restaurés à leur emplacement d’origine si vous changez d’avis et "
                  "décidez de les conserver, ou s’ils ont été supprimés par inadvertance."),
            ("h2", "Suppression définitive d’un fichier"),
            ("p", "Il est possible de supprimer définitivement un fichier sans passer par la "
                  "corbeille."),
            ("li", ["Sélectionnez l’élément à supprimer.",
                    "Maintenez enfoncée la touche <kbd>Maj</kbd> et pressez la touche "
                    "<kbd>Suppr</kbd> de votre clavier.",
                    "Comme c’est une action irréversible, il vous est demandé une confirmation "
                    "avant de supprimer définitivement le fichier ou le dossier."]),
            ("p", "Les fichiers supprimés d’un média amovible peuvent être invisibles pour "
                  "d’autres systèmes comme Windows ou Mac OS. Malgré tout, les fichiers y sont "
                  "toujours présent et redeviennent disponibles quand vous reconnectez le média "
                  "sur votre ordinateur."),
        ],
    },
    "nl": {
        "title": "Bestanden en mappen verwijderen",
        "desc": "Bestanden of mappen die u niet meer nodig heeft verwijderen.",
        "alt": "Een bestand permanent verwijderen",
        "figtitle": "Prullenbak legen",
        "blocks": [
            ("p", "Als u een bestand of map niet meer nodig heeft, dan kunt u het verwijderen."),
            ("p", "Wanneer u een item verwijdert, wordt het verplaatst naar de prullenbak, waar het "
                  "bewaard blijft totdat u de prullenbak leegt. Items in de prullenbak kunnen "
                  "teruggezet worden naar hun oorspronkelijke locatie als u besluit dat u ze toch "
                  "nodig heeft, of als ze per ongeluk verwijderd werden."),
            ("h2", "Een bestand permanent verwijderen"),
            ("p", "U kunt een bestand direct permanent verwijderen, zonder het eerst naar de "
                  "prullenbak te sturen."),
            ("li", ["Selecteer het item dat u wilt verwijderen.",
                    "Houd de <kbd>Shift</kbd>-toets ingedrukt en druk vervolgens op de "
                    "<kbd>Delete</kbd>-toets op u toetsenbord.",
                    "Omdat u dit niet ongedaan kunt maken, wordt u gevraagd te bevestigen om een "
                    "bestand of de map te verwijderen."]),
            ("p", "Verwijderde bestanden op een verwijderbaar apparaat zijn mogelijk niet "
                  "zichtbaar in andere besturingssystemen zoals Windows of Mac OS. De bestanden "
                  "zijn er nog wel, en zullen beschikbaar zijn wanneer u het apparaat weer "
                  "aansluit op uw computer."),
        ],
    },
}

GN["files-hidden"] = {
    "site": "tuxtips", "author": "Michael Hill", "split": "dev",
    "en": {
        "title": "Hide a file",
        "desc": "Make a file invisible, so you cannot see it in the file manager.",
        "alt": "Show all hidden files",
        "figtitle": "Show Hidden Files",
        "blocks": [
            ("p", "The <em>Files</em> file manager gives you the ability to hide and unhide files "
                  "at your discretion. When a file is hidden, it is not displayed by the file "
                  "manager, but it is still there in its folder."),
            ("p", "To hide a file, rename it with a <code>.</code> at the beginning of its name. "
                  "For example, to hide a file named <code>example.txt</code>, you should rename it "
                  "to <code>.example.txt</code>."),
            ("h2", "Show all hidden files"),
            ("p", "If you want to see all hidden files in a folder, go to that folder and either "
                  "click the view options button in the toolbar and pick <strong>Show Hidden "
                  "Files</strong>, or press <kbd>Ctrl</kbd>+<kbd>H</kbd>. You will see all hidden "
                  "files, along with regular files that are not hidden."),
            ("h2", "Unhide a file"),
            ("p", "Once you have renamed the file, you can either click the view options button in "
                  "the toolbar and pick <strong>Show Hidden Files</strong>, or press "
                  "<kbd>Ctrl</kbd>+<kbd>H</kbd> to hide any other hidden files again."),
        ],
    },
    "fr": {
        "title": "Masquage d’un fichier",
        "desc": "Masquer un fichier pour le rendre invisible dans le gestionnaire de fichiers.",
        "alt": "Affichage de tous les fichiers cachés",
        "figtitle": "Afficher les fichiers cachés",
        "blocks": [
            ("p", "Pour cacher un fichier, renommez le en ajoutant un <kbd>.</kbd> au début de son "
                  "nom. Les fichiers cachés sont invisibles par défaut ; ils ne sont pas affichés "
                  "par le gestionnaire de fichiers, mais ils sont bien présent dans le dossier."),
            ("p", "Pour cacher un fichier, renommez-le en ajoutant un point au début de son nom. Par "
                  "exemple, pour cacher le fichier <code>exemple.txt</code>, modifiez son nom en "
                  "<code>.exemple.txt</code>."),
            ("h2", "Affichage de tous les fichiers cachés"),
            ("p", "Si vous souhaitez voir tous les fichiers cachés d’un dossier, ouvrez ce dossier, "
                  "sélectionnez <strong>Affichage ▸ Afficher les fichiers cachés</strong> ou "
                  "utilisez le raccourci clavier <kbd>Ctrl</kbd>+<kbd>H</kbd>. Tous les fichiers "
                  "cachés apparaissent parmi les fichiers qui n’étaient pas masqués."),
            ("h2", "Affichage d’un fichier masqué"),
            ("p", "Après avoir renommé le fichier, soit vous cliquez sur <strong>Affichage ▸ "
                  "Afficher les fichiers cachés</strong> soit vous utilisez le raccourci clavier "
                  "<kbd>Ctrl</kbd>+<kbd>H</kbd> pour masquer tous les autres fichiers cachés à "
                  "nouveau."),
        ],
    },
    "nl": {
        "title": "Een bestand verbergen",
        "desc": "Maak een bestand onzichtbaar, zodat u het niet meer in bestandsbeheer ziet.",
        "alt": "Alle verborgen bestanden weergeven",
        "figtitle": "Verborgen bestanden weergeven",
        "blocks": [
            ("p", "In de <em>Bestanden</em>-bestandsbeheerder kunt u naar wens bestanden verbergen "
                  "of weer zichtbaar maken. Wanneer een bestand verborgen is, dan wordt het niet "
                  "getoond in bestandsbeheer, maar het is nog wel aanwezig in de map."),
            ("p", "Om een bestand te verbergen hernoemt u het zodat de naam met een <kbd>.</kbd> "
                  "begint. Bijvoorbeeld, om het bestand met de naam <code>voorbeeld.txt</code> te "
                  "verbergen moet u hernoemen naar <code>.voorbeeld.txt</code>."),
            ("h2", "Alle verborgen bestanden weergeven"),
            ("p", "Als u alle verborgen bestanden van een map wilt zien: ga naar die map, klik in de "
                  "taakbalk op de knop Weergaveopties en kies <strong>Verborgen bestanden "
                  "weergeven</strong>, of druk op <kbd>Ctrl</kbd>+<kbd>H</kbd>. U zult alle "
                  "verborgen bestanden zien, samen met gewone bestanden die niet verborgen zijn."),
            ("h2", "Een bestand zichtbaar maken"),
            ("p", "Zodra u het bestand heeft hernoemd, kunt u in de taakbalk op de knop "
                  "Weergaveopties klikken en <strong>Verborgen bestanden weergeven</strong> kiezen, "
                  "of u drukt op <kbd>Ctrl</kbd>+<kbd>H</kbd> om de overige verborgen bestanden "
                  "weer te verbergen."),
        ],
    },
}

GN["files-disc-write"] = {
    "site": "tuxtips", "author": "Michael Hill", "split": "dev",
    "en": {
        "title": "Write files to a CD or DVD",
        "desc": "Put files and documents onto a blank CD or DVD using a CD/DVD burner.",
        "alt": "If the disc wasn’t burned properly",
        "figtitle": "CD/DVD Creator",
        "blocks": [
            ("p", "You can put files onto a blank disc by using <strong>CD/DVD Creator</strong>. "
                  "The option to create a CD or DVD will appear in the file manager as soon as you "
                  "place the CD into your CD/DVD writer. The file manager lets you transfer files "
                  "to other computers or perform backups by putting files onto a blank disc."),
            ("li", ["Place an empty disc into your CD/DVD writable drive.",
                    "In the <strong>Disc Name</strong> field, type a name for the disc.",
                    "Drag or copy the desired files into the window.",
                    "Click <strong>Write to Disc</strong>."]),
            ("h2", "If the disc wasn’t burned properly"),
            ("p", "Sometimes the computer doesn’t record the data correctly, and you won’t be able "
                  "to see the files you put onto the disc when you insert it into a computer."),
            ("p", "In this case, try burning the disc again but use a lower burning speed, for "
                  "example, 12x rather than 48x. Burning at slower speeds is more reliable. You can "
                  "choose the speed by clicking the <strong>Properties</strong> button in the "
                  "<strong>CD/DVD Creator</strong> window."),
        ],
    },
    "fr": {
        "title": "Écriture de fichiers sur un CD ou un DVD",
        "desc": "Graver des fichiers et des documents sur un CD ou DVD vierge avec une application "
                "de gravure.",
        "alt": "Si le disque n’a pas été gravé correctement",
        "figtitle": "Créateur de CD/DVD",
        "blocks": [
            ("p", "Il est possible de graver des fichiers sur un disque vierge avec le "
                  "<strong>Créateur de CD/DVD</strong>. L’option apparaît dans le gestionnaire de "
                  "fichiers dès qu’un disque vierge est inséré dans le graveur de CD/DVD. Le "
                  "gestionnaire de fichiers vous permet de transférer des fichiers vers d’autres "
                  "ordinateurs ou de faire des sauvegardes en copiant des fichiers sur des disques "
                  "vierges."),
            ("li", ["Insérez un disque vierge dans votre graveur de CD/DVD.",
                    "Dans le champs <strong>Nom du disque</strong>, saisissez un nom pour le "
                    "disque.",
                    "Faites glisser ou copiez les fichiers désirés dans la fenêtre.",
                    "Cliquez sur <strong>Graver sur le disque</strong>."]),
            ("h2", "Si le disque n’a pas été gravé correctement"),
            ("p", "Parfois l’ordinateur n’enregistre pas les données correctement, et vous n’êtes "
                  "pas capable de voir les fichiers que vous avez mis sur le disque quand vous "
                  "l’insérez dans l’ordinateur."),
            ("p", "Dans ce cas, tenter de graver le disque une nouvelle fois mais à plus basse "
                  "vitesse, par exemple 12x au lieu de 48x. Graver plus lentement est plus sûr. "
                  "Vous pouvez choisir la vitesse en cliquant le bouton <strong>Propriétés</strong> "
                  "dans la fenêtre <strong>Dossier du Créateur de CD/DVD</strong>."),
        ],
    },
    "nl": {
        "title": "Bestanden naar cd of dvd schrijven",
        "desc": "Zet bestanden en documenten op een lege cd of dvd met behulp van een "
                "cd/dvd-brander.",
        "alt": "Als de schijf niet goed gebrand is",
        "figtitle": "CD/DVD Creator",
        "blocks": [
            ("p", "Met de toepassing <strong>cd/dvd branden</strong> kunt u bestanden op een lege "
                  "schijf branden. Zodra u een cd in het cd/dvd-station plaatst, verschijnt in het "
                  "bestandsbeheer de optie om een cd of dvd aan te maken. Het bestandsbeheer maakt "
                  "het makkelijk om bestanden over te brengen naar andere computers of om "
                  "reservekopieën te maken door bestanden op een lege cd/dvd te zetten."),
            ("li", ["Plaats een lege schijf in uw cd/dvd-station.",
                    "Typ in het veld <strong>Schijfnaam</strong> een naam in voor de schijf.",
                    "Sleep of de gewenste bestanden naar het venster.",
                    "Klik op <strong>Naar schijf schrijven</strong>."]),
            ("h2", "Als de schijf niet goed gebrand is"),
            ("p", "Soms worden de data niet juist gelezen, en krijgt u niet de bestanden te zien die "
                  "u op de schijf heeft gezet wanneer u de schijf in een computer plaatst."),
            ("p", "Probeer in dit geval de schijf opnieuw te branden, maar gebruik daarbij een "
                  "lagere brandsnelheid, bijvoorbeeld 12x in plaats van 48x. Met een lagere "
                  "snelheid branden is betrouwbaarder. U kunt de snelheid kiezen door te klikken op "
                  "de knop <strong>Eigenschappen</strong> in het venster <strong>cd/dvd "
                  "branden</strong>."),
        ],
    },
}

GN["display-lock"] = {
    "site": "tuxtips", "author": "Shobha Tyagi", "split": "dev",
    "en": {
        "title": "Automatically lock your screen",
        "desc": "Prevent other people from using your desktop when you go away from your "
                "computer.",
        "alt": "Lock",
        "figtitle": "Screen turns off",
        "blocks": [
            ("p", "When you leave your computer, you should lock the screen to prevent other people "
                  "from using your desktop and accessing your files. You will still be logged in "
                  "and all your applications will keep running, but you will have to enter your "
                  "password to use your computer again. You can lock the screen manually, but you "
                  "can also have the screen lock automatically."),
            ("li", ["Open <strong>Screen</strong>.",
                    "Make sure <strong>Lock</strong> is switched on, then select a timeout from the "
                    "drop-down list below. The screen will automatically lock after you have been "
                    "inactive for this long."]),
        ],
    },
    "fr": {
        "title": "Verrouillage automatique de l’écran",
        "desc": "Empêcher d’autres personnes d’utiliser votre bureau lorsque vous vous éloignez "
                "de l’ordinateur.",
        "alt": "Verrouillage",
        "figtitle": "Extinction de l’écran",
        "blocks": [
            ("p", "En cas d’absence, vous devriez verrouiller l’écran pour empêcher d’autres "
                  "personnes d’utiliser votre ordinateur et d’avoir accès à vos fichiers. Vous "
                  "restez toujours connecté et toutes les applications continuent d’être "
                  "exécutées, mais vous devez saisir votre mot de passe pour utiliser à nouveau "
                  "votre ordinateur. Vous pouvez verrouiller l’écran manuellement, mais vous pouvez "
                  "aussi paramétrer le système pour qu’il le fasse automatiquement."),
            ("li", ["Ouvrez <strong>Écran</strong>.",
                    "Vérifiez que le bouton <strong>Verrouillage</strong> est activé, puis "
                    "sélectionnez un délai d’expiration dans la liste déroulante en dessous. "
                    "L’écran est automatiquement verrouillé une fois la période d’inactivité "
                    "écoulée."]),
        ],
    },
}

GN["files-copy"] = {
    "site": "tuxtips", "author": "Cristopher Thomas", "split": "dev",
    "en": {
        "title": "Copy or move files and folders",
        "desc": "Copy or move items to a new directory.",
        "alt": "Drag files to copy or move",
        "figtitle": "Copy and paste files",
        "blocks": [
            ("p", "A file or folder can be copied or moved to a new location by dragging and "
                  "dropping with the mouse, using the copy and paste commands, or by using keyboard "
                  "shortcuts."),
            ("p", "For example, you might want to copy a presentation onto a memory stick so you "
                  "can take it to work with you. Or, you could make a back-up copy of a document "
                  "before you make changes to it (and then use the old copy if you don’t like your "
                  "changes)."),
            ("h2", "Copy and paste files"),
            ("li", ["Select the file you want to copy by clicking on it once.",
                    "Navigate to another folder, where you want to put the copy of the file."]),
            ("p", "You can force the file to be copied by holding down the <kbd>Ctrl</kbd> key "
                  "while dragging, or force it to be moved by holding down the <kbd>Shift</kbd> "
                  "key while dragging."),
        ],
    },
    "fr": {
        "title": "Copie et déplacement de fichiers et dossiers",
        "desc": "Copier ou déplacer des éléments vers un nouveau répertoire.",
        "alt": "Copie ou déplacement de fichiers par un simple glissement",
        "figtitle": "Copie de fichiers",
        "blocks": [
            ("p", "Un fichier ou un dossier peut être copié ou déplacé vers une autre destination "
                  "par un simple glisser-déposer à l’aide de la souris, ou avec les commandes "
                  "copier et coller, ou en utilisant des raccourcis clavier."),
            ("p", "Par exemple, vous pouvez copier une présentation sur une clé USB pour l’emmener "
                  "avec vous au bureau, ou encore faire une copie de sauvegarde d’un document avant "
                  "de le modifier (et ainsi pouvoir restaurer la copie si vous n’aimez pas vos "
                  "modifications)."),
            ("h2", "Copie de fichiers"),
            ("li", ["Sélectionnez le fichier que vous voulez copier en cliquant dessus une fois.",
                    "Déplacez-vous dans le dossier dans lequel vous voulez copier ce fichier."]),
            ("p", "Vous pouvez forcer la copie d’un fichier en maintenant la touche <kbd>Ctrl</kbd> "
                  "enfoncée pendant le déplacement ou forcer le déplacement en maintenant la "
                  "touche <kbd>Maj</kbd> enfoncée."),
        ],
    },
}

# ---------------------------------------------------------------- holdout
GN["display-brightness"] = {
    "site": "tuxtips", "author": "Petr Kovar", "split": "holdout",
    # fr.po translates the older display-dimscreen page, nl.po the newer
    # display-brightness page; each English text is the msgid of its entries.
    "en": {
        "title": "Set screen brightness",
        "desc": "Change the screen brightness to make it more readable in bright light.",
        "alt": "Set the brightness",
        "figtitle": "Screen brightness",
        "blocks": [
            ("p", "Depending on your hardware, you can change the brightness of your screen to save "
                  "power or to make the screen more readable in bright light."),
            ("p", "Many laptop keyboards have special keys to adjust the brightness. These often "
                  "have a picture that looks like the sun. Hold down the <kbd>Fn</kbd> key to use "
                  "these keys."),
            ("h2", "To set the screen brightness using the Power panel:"),
            ("li", ["Click <strong>Power</strong> to open the panel.",
                    "Adjust the <strong>Screen brightness</strong> slider to the value you want to "
                    "use. The change should take effect immediately."]),
            ("p", "If your computer features an integrated light sensor, the screen brightness will "
                  "automatically be adjusted for you. You can disable automatic screen brightness "
                  "in the <strong>Power</strong> panel."),
        ],
        "en_fr": {  # msgids of the French entries (display-dimscreen)
            "title": "Set screen brightness",
            "desc": "Dim the screen to save power or increase the brightness to make it more "
                    "readable in bright light.",
            "p0": "You can change the brightness of your screen to save power or to make the "
                  "screen more readable in bright light. You can also have the screen dim "
                  "automatically when on battery power and have it turn off automatically when "
                  "not in use.",
            "p1": "Many laptop keyboards have special keys to adjust the brightness. These have a "
                  "picture that looks like the sun and are located on the function keys at the "
                  "top. Hold down the <kbd>Fn</kbd> key to use these keys.",
            "h2": "Set the brightness",
            "li1": "Adjust the <strong>Brightness</strong> slider to a comfortable value.",
            "p2": "The screen will automatically turn off after you haven’t used it for a while. "
                  "This only affects the display, and doesn’t turn off your computer.",
        },
    },
    "fr": {
        "title": "Réglage de la luminosité de l’écran",
        "desc": "Réduire la luminosité de l’écran pour économiser la batterie ou l’augmenter "
                "pour faciliter la lecture en pleine lumière.",
        "alt": "Réglage de la luminosité",
        "figtitle": "Luminosité",
        "blocks": [
            ("p", "Vous pouvez modifier la luminosité de l’écran pour économiser de l’énergie ou "
                  "pour faciliter la lecture en pleine lumière. Vous pouvez aussi paramétrer le "
                  "système pour que l’ordinateur diminue automatiquement la luminosité de l’écran "
                  "quand il fonctionne sur batterie et que l’écran s’éteigne tout seul quand "
                  "l’ordinateur est inutilisé."),
            ("p", "Beaucoup de claviers d’ordinateurs portables possèdent des touches spéciales "
                  "pour ajuster la luminosité. On les reconnaît grâce à un symbole qui ressemble à "
                  "un soleil et son situées en haut du clavier sur les touches de fonction. "
                  "Maintenez enfoncée la touche <kbd>Fn</kbd> pour utiliser ces fonctions."),
            ("h2", "Réglage de la luminosité"),
            ("li", ["Ouvrez <strong>Écran</strong>.",
                    "Ajustez le curseur <strong>Luminosité</strong> à votre convenance."]),
            ("p", "L’écran s’éteint automatiquement s’il n’est pas utilisé pendant un moment. "
                  "L’ordinateur n’est pas éteint, seul l’écran est concerné."),
        ],
    },
    "nl": {
        "title": "De helderheid van het scherm instellen",
        "desc": "De helderheid van het scherm verhogen om het beter leesbaar te maken bij fel "
                "licht.",
        "alt": "Helderheid van het scherm",
        "figtitle": "Energie",
        "blocks": [
            ("p", "Afhankelijk van uw hardware kunt u het scherm dimmen om energie te sparen of de "
                  "helderheid verhogen om het beter leesbaar te maken bij fel licht."),
            ("p", "Veel laptoptoetsenborden hebben speciale toetsen om de helderheid aan te passen. "
                  "Deze hebben vaak een afbeelding die eruit ziet als een zonnetje. Om deze toetsen "
                  "te gebruiken houdt u de <kbd>Fn</kbd>-toets ingedrukt."),
            ("h2", "Om de helderheid van het scherm in te stellen via het paneel Energie:"),
            ("li", ["Klik op <strong>Energie</strong> om het paneel te openen.",
                    "Gebruik de schuifbalk <strong>Helderheid van het scherm</strong> om de "
                    "helderheid naar uw wens aan te passen. De wijziging zou direct van toepassing "
                    "moeten zijn."]),
            ("p", "Als uw computer beschikt over een geïntegreerde lichtsensor, dan zal de "
                  "helderheid van het scherm automatisch voor u worden aangepast. U kunt "
                  "automatische helderheid van het scherm uitschakelen in het paneel "
                  "<strong>Energie</strong>."),
        ],
    },
}

GN["files-lost"] = {
    "site": "tuxtips", "author": "Shobha Tyagi", "split": "holdout",
    "en": {
        "title": "Find a lost file",
        "desc": "Follow these tips if you can’t find a file you created or downloaded.",
        "alt": "Desktop",
        "figtitle": "Downloads",
        "blocks": [
            ("p", "If you created or downloaded a file, but now you cannot find it, follow these "
                  "tips."),
            ("li", ["If you do not remember where you saved the file, but you have some idea of how "
                    "you named it, you can search for the file by name.",
                    "If you just downloaded the file, your web browser might have automatically "
                    "saved it to a common folder. Check the <code>Desktop</code> and "
                    "<code>Downloads</code> folders in your home folder.",
                    "You might have accidentally deleted the file. When you delete a file, it gets "
                    "moved to the trash, where it stays until you manually empty the trash."]),
        ],
    },
    "fr": {
        "title": "Recherche d’un fichier perdu",
        "desc": "Suivez ces conseils si vous ne retrouvez pas un fichier que vous aviez créé ou "
                "téléchargé.",
        "alt": "Bureau",
        "figtitle": "Téléchargements",
        "blocks": [
            ("p", "Si vous avez créé ou téléchargé un fichier que vous ne retrouvez plus, suivez "
                  "ces conseils."),
            ("li", ["Si vous ne vous souvenez plus où vous avez enregistré le fichier, mais que vous "
                    "avez une idée de son nom, faites une recherche par nom.",
                    "Si vous venez de télécharger le fichier, votre navigateur Web l’a certainement "
                    "enregistré dans un dossier usuel. Vérifiez le contenu des dossiers « Bureau » "
                    "et « Téléchargements » de votre répertoire personnel.",
                    "Vous pouvez avoir supprimé malencontreusement le fichier. Quand vous supprimez "
                    "un fichier, il est déplacé dans la corbeille où il attend d’être "
                    "définitivement supprimé manuellement."]),
        ],
    },
    "nl": {
        "title": "Zoeken naar een verloren bestand",
        "desc": "Volg deze tips als u een bestand dat u heeft gemaakt of gedownload niet kunt "
                "vinden.",
        "alt": "Bureaublad",
        "figtitle": "Downloads",
        "blocks": [
            ("p", "Als u een bestand heeft aangemaakt of gedownload, maar het bestand niet meer kunt "
                  "terug vinden, kunt u deze tips volgen."),
            ("li", ["Als u niet meer weet waar u het bestand opgeslagen heeft, maar u herinnert zich "
                    "nog wel de naam, dan kunt u naar het bestand zoeken op naam.",
                    "Als u net een bestand heeft gedownload, kan uw webbrowser het bestand "
                    "automatisch in een standaardmap hebben opgeslagen. Controleer de mappen "
                    "<code>Bureaublad</code> en <code>Downloads</code> in uw persoonlijke map.",
                    "U zou per ongeluk een bestand kunnen verwijderen. Wanneer u een bestand "
                    "verwijdert, wordt het verplaatst naar de prullenbak, waar het blijft tot u "
                    "handmatig de prullenbak leegt."]),
        ],
    },
}

GN["fallback-mode"] = {
    "site": "tuxtips", "author": "Petr Kovar", "split": "holdout",
    "en": {
        "title": "What is fallback mode?",
        "desc": "If your computer’s graphics card doesn’t support certain features, a more basic "
                "version of the desktop will be started.",
        "alt": "Applications menu",
        "figtitle": "fallback mode",
        "blocks": [
            ("p", "If your computer’s graphics card doesn’t support certain features, a more basic "
                  "version of the desktop will be displayed and you will see a message telling you "
                  "what happened. This is called <em>fallback mode</em>, and it allows you to use "
                  "GNOME on your computer without some of its more advanced features."),
            ("p", "Most of the features that are missing in fallback mode are related to organizing "
                  "windows and starting applications. For example, instead of having an activities "
                  "overview, you will have an <strong>Applications menu</strong> at the top of the "
                  "screen which you can use to start apps, and a list of open windows at the "
                  "bottom of the screen."),
            ("p", "Starting in fallback mode doesn’t necessarily mean that your graphics card isn’t "
                  "good enough to run GNOME - it might just mean that you don’t have the right "
                  "drivers installed for your graphics card. If you can find better graphics card "
                  "drivers for your computer, you may be able to run the full version of GNOME."),
        ],
    },
    "fr": {
        "title": "Le mode restreint",
        "desc": "Si la carte graphique de votre ordinateur ne prend pas en charge certaines "
                "fonctions, une version simplifiée du bureau sera lancée.",
        "alt": "menu Applications",
        "figtitle": "mode restreint",
        "blocks": [
            ("p", "Si la carte graphique de votre ordinateur ne prend pas en charge certaines "
                  "fonctionnalités, une version simplifiée du bureau s’affichera et vous verrez un "
                  "message expliquant ce qui se passe. C’est ce qu’on appelle le <em>mode "
                  "restreint</em>. Il vous permet d’utiliser GNOME sur votre ordinateur sans "
                  "certaines fonctions avancées."),
            ("p", "La plupart des fonctions absentes dans le mode restreint concernent "
                  "l’organisation des fenêtres et le lancement des applications. Par exemple, au "
                  "lieu d’avoir une vue d’ensemble des activités, vous avez un <strong>menu "
                  "Applications</strong> en haut de l’écran que vous utilisez pour lancer les "
                  "applications. Vous avez aussi une liste des fenêtres ouvertes en bas de "
                  "l’écran."),
            ("p", "Le démarrage en mode restreint ne signifie pas nécessairement que votre carte "
                  "graphique est insuffisante pour exécuter GNOME. Il se peut que les pilotes "
                  "installés ne soient pas adaptés à votre carte. Si vous trouvez de meilleurs "
                  "pilotes de cartes graphiques pour votre ordinateur, vous devriez pouvoir lancer "
                  "la version complète de GNOME."),
        ],
    },
}

GN["display-blank"] = {
    "site": "tuxtips", "author": "Petr Kovar", "split": "holdout",
    "en": {
        "title": "Set screen blanking time",
        "desc": "Change the screen blanking time to save power.",
        "alt": "Power Saving",
        "figtitle": "Blank screen",
        "blocks": [
            ("p", "To save power, you can adjust the time before the screen blanks when left idle. "
                  "You can also disable the blanking completely."),
            ("h2", "To set the screen blanking time:"),
            ("li", ["Click <strong>Power</strong> to open the panel.",
                    "Use the <strong>Blank screen</strong> drop-down list under <strong>Power "
                    "Saving</strong> to set the time until the screen blanks, or disable the "
                    "blanking completely."]),
            ("p", "When your computer is left idle, the screen will automatically lock itself for "
                  "security reasons."),
        ],
    },
    "nl": {
        "title": "De tijd voordat het scherm zwart wordt instellen",
        "desc": "De tijd voordat het scherm zwart wordt wijzigen om energie te sparen.",
        "alt": "Energiebesparing",
        "figtitle": "Zwart scherm",
        "blocks": [
            ("p", "Om energie te sparen, kunt u de tijd voordat het scherm zwart wordt wanneer het "
                  "niet gebruikt wordt aanpassen. U kunt ook het zwart worden van het scherm "
                  "volledig uitschakelen."),
            ("h2", "De tijd voordat het scherm zwart wordt instellen:"),
            ("li", ["Klik op <strong>Energie</strong> om het paneel te openen.",
                    "Gebruik de keuzelijst <strong>Zwart scherm</strong> onder "
                    "<strong>Energiebesparing</strong> om de tijd in te stellen voordat het scherm "
                    "zwart wordt, of schakel zwart scherm volledig uit."]),
            ("p", "Wanneer uw computer inactief is, zal het scherm om veiligheidsredenen automatisch "
                  "vergrendeld worden."),
        ],
    },
}

GN["display-dual-monitors"] = {
    "site": "tuxtips", "author": "Shobha Tyagi", "split": "holdout",
    "en": {
        "title": "Connect another monitor to your computer",
        "desc": "Set up an additional monitor.",
        "alt": "Set up an additional monitor",
        "figtitle": "Displays",
        "blocks": [
            ("p", "To set up an additional monitor, connect the monitor to your computer. If your "
                  "system does not recognize it immediately, or you would like to adjust the "
                  "settings:"),
            ("li", ["Click on <strong>Displays</strong> to open the panel.",
                    "Click on the monitor that you would like to activate or deactivate, then in "
                    "the list of monitor configuration select <strong>Turn Off</strong> to "
                    "deactivate the monitor, or one of <strong>Primary</strong>, "
                    "<strong>Secondary</strong>, or <strong>Mirror</strong> to activate it.",
                    "To rotate the orientation of the monitor, use the buttons with the arrows "
                    "until the preview is correct.",
                    "When you are happy with your settings, click <strong>Apply</strong> and then "
                    "click <strong>Keep Changes</strong>."]),
            ("p", "The primary monitor is the one with the top bar, and where the "
                  "<strong>Activities</strong> overview is shown."),
        ],
    },
    "nl": {
        "title": "Een andere monitor op uw computer aansluiten",
        "desc": "Een externe monitor instellen.",
        "alt": "Een externe monitor instellen",
        "figtitle": "Schermen",
        "blocks": [
            ("p", "Sluit de monitor aan om een tweede monitor op uw computer te installeren. Als uw "
                  "systeem het niet direct herkent, of als u de instellingen wil aanpassen:"),
            ("li", ["Klik op het <strong>Schermen</strong> om het paneel te openen.",
                    "Klik op de monitor die u wilt activeren of deactiveren en kies daarna in de "
                    "lijst voor schermconfiguratie <strong>Uitschakelen</strong> om het scherm uit "
                    "te schakelen, of kies <strong>Primair</strong>, <strong>Secondair</strong>, of "
                    "<strong>Spiegelen</strong> om het te activeren.",
                    "Om de oriëntatie van het scherm te draaien gebruikt u de pijltjesknoppen "
                    "totdat het voorbeeld juist is.",
                    "Klik wanneer u tevreden bent met de instellingen op "
                    "<strong>Toepassen</strong> en klik daarna op <strong>Deze instellingen "
                    "behouden</strong>."]),
            ("p", "Het primaire scherm is het scherm met de bovenbalk, en waar het "
                  "<strong>Activiteiten</strong>-overzicht getoond wordt."),
        ],
    },
}

GN["files-open"] = {
    "site": "tuxtips", "author": "Cristopher Thomas", "split": "holdout",
    "en": {
        "title": "Open files with other applications",
        "desc": "Open files using an application that isn’t the default one for that type of "
                "file. You can change the default too.",
        "alt": "Open With Other Application",
        "figtitle": "Show other applications",
        "blocks": [
            ("p", "When you double-click a file in the file manager, it will be opened with the "
                  "default application for that file type. You can open it in a different "
                  "application, search online for applications, or set the default application "
                  "for all files of the same type."),
            ("p", "To open a file with an application other than the default, right-click the file "
                  "and select the application you want from the top of the menu. If you don’t see "
                  "the application you want, click <strong>Open With Other Application</strong>. "
                  "By default, the file manager only shows applications it knows can handle the "
                  "file."),
        ],
    },
    "fr": {
        "title": "Ouverture de fichiers avec une autre application",
        "desc": "Ouvrir des fichiers avec une autre application que celle défini par défaut pour "
                "ce type de fichier et comment modifier la valeur par défaut.",
        "alt": "Ouvrir avec une autre application",
        "figtitle": "Ouvrir avec une autre application",
        "blocks": [
            ("p", "Quand vous faites un double-clic sur un fichier dans le gestionnaire de "
                  "fichiers, il s’ouvre avec l’application par défaut pour ce type de fichier. "
                  "Vous pouvez l’ouvrir avec une autre application, chercher une application en "
                  "ligne ou modifier l’application par défaut pour ce type de fichier."),
            ("p", "Pour ouvrir un fichier avec une application différente de celle par défaut, "
                  "faites un clic-droit sur le fichier et choisissez celle que vous voulez dans le "
                  "menu du haut. Si vous ne trouvez pas l’application voulue, cliquez sur "
                  "<strong>Ouvrir avec une autre application</strong>. Par défaut, le gestionnaire "
                  "de fichiers ne propose que les applications dont il sait qu’elles peuvent "
                  "prendre en charge le fichier."),
        ],
    },
}
