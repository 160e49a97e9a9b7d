"""French words spelt with a double letter, to undo elongations.

"TROOOOOP" could be "trop" or "troop": the tokenizer squeezes each run of three
or more identical letters to one letter, unless the word with two letters is
listed here ("belllle" -> "belle", "nuuuul" -> "nul"). Plurals in -s and -x are
added automatically; list the other forms you need.
"""

from __future__ import annotations

_WORDS = """
abbé accessoire accident accompagner accord accueil accueillir accuser accès addition
adresse affaire affiche affreux agresser aller allez allocation allons allumer allô
anniversaire annonce annulation annuler annulé annulée année apparaître appareil apparemment
appartement appel appeler appelez appelle apporter apprendre approche apprécier arrive
arrivent arriver arrivé arrivée arrêt arrêter assez assistance assurance assurer attend
attendre attends attente attention atterrir attirer attraper bagarre baisse balle ballon
barre batterie battre belle bellissime bonne bonnement bonnes bouffe bouillir bouteille
bulle caisse carrosserie carré carrément casse casser cassé cassée celle cellule chapelle
chasse chatte chaussure chiffre classe classique coffre colle collection collègue commande
commander commandé commandée comme commencer comment commentaire commerce commercial
commission commun communication communiqué comprenne connais connard connaître connecter
connerie connexion cool correct correctement correspondre courrier cresson croissant dessert
dessous dessus difficile difficulté dommage donne donner donnes donné donnée effet efficace
effort elle elles emmener emmerde emmerder endommagé endommagée ennui ennuyer erreur essai
essayer essence excellent excellente faille fallait falloir famille femme fille flemme folle
frapper frisson gaffe gamme grippe grosse guerre habille happy hello hmm hommage homme
honnête honnêtement horrible immense immédiatement impossible innovation installation
installer interrompre irrésistible lettre libellé mademoiselle mamma mannequin massacre
message messagerie messe mettez mettre mille millions mission mmm mollo nouvelle nouvelles
nulle occasion occupe occuper occupé offert offerte offre offrir opportunité opposé
oppression panne passage passe passer passion passé passée patte personne personnel pizza
pomme possible poussette professionnel professionnelle programme promesse pâtisserie quelle
quelles raccrocher rappel rappeler rappelle rapport rassurer rattraper recommande
recommander recommandé ressembler ressentir ressortir ressource réussi réussir réussite
salle savonnette selle serrure session sommeil sonner sonnerie souffrance souffrir succès
suggestion supporter supprimer supprimé supprimée tellement terrasse terrible terriblement
territoire toilettes tonne tonnerre tranquille trappe villa ville vitesse yess yummy
"""

DOUBLE_LETTER_WORDS: frozenset[str] = frozenset(
    form
    for word in _WORDS.split()
    for form in (word, word + "s", word + "x")
)
