"""SMS and web slang: what a written form means, in standard French.

The token keeps its text and norm ("pk"); its ``expansion`` is the meaning
("pourquoi"), which the models read in place of the slang. Keys are norms (lower
case, elongations squeezed, straight apostrophes). Keep entries unambiguous: "c"
and "g" are only expanded because in a message they are almost always "c'est"
and "j'ai"; a word that is also plain French ("cc" aside) does not belong here.
"""

from __future__ import annotations

SLANG: dict[str, str] = {
    # questions and politeness
    "pk": "pourquoi", "pq": "pourquoi", "pkoi": "pourquoi", "pourkoi": "pourquoi", "prq": "pourquoi",
    "koi": "quoi", "kwa": "quoi", "kan": "quand", "qd": "quand", "cmt": "comment", "cmnt": "comment",
    "stp": "s'il te plaît", "stpl": "s'il te plaît", "svp": "s'il vous plaît", "svpl": "s'il vous plaît",
    "mrc": "merci", "mci": "merci", "msi": "merci", "thx": "merci", "tks": "merci", "thanks": "merci",
    "bjr": "bonjour", "bsr": "bonsoir", "slt": "salut", "cc": "coucou", "wsh": "wesh",
    "cdt": "cordialement", "cdlt": "cordialement", "bcp": "beaucoup", "bc": "beaucoup",
    "dsl": "désolé", "dslé": "désolé", "desl": "désolé",
    # pronouns and verbs
    "jsp": "je ne sais pas", "jsais": "je sais", "chais": "je sais", "chépa": "je ne sais pas",
    "chépas": "je ne sais pas", "jpp": "j'en peux plus", "jpeux": "je peux", "jveux": "je veux",
    "chui": "je suis", "chuis": "je suis", "jsuis": "je suis", "jsui": "je suis", "jss": "je suis",
    "c": "c'est", "cé": "c'est", "ct": "c'était", "g": "j'ai", "jai": "j'ai", "ya": "il y a",
    "y'a": "il y a", "yavait": "il y avait", "yaura": "il y aura", "t'es": "tu es", "té": "tu es",
    "chu": "je suis", "jvais": "je vais", "jsuis pas": "je ne suis pas",
    "fo": "faut", "fodrait": "faudrait", "oklm": "au calme", "tkt": "t'inquiète",
    "tqt": "t'inquiète", "inch": "inchallah", "vrmt": "vraiment", "vraimen": "vraiment",
    "trkl": "tranquille", "tranquil": "tranquille",
    # people and things
    "qqn": "quelqu'un", "qqun": "quelqu'un", "qlq": "quelque", "qq": "quelques",
    "qqch": "quelque chose", "qqc": "quelque chose", "qlqch": "quelque chose", "kk1": "quelqu'un",
    "rdv": "rendez-vous", "mtn": "maintenant", "mnt": "maintenant", "auj": "aujourd'hui",
    "ajd": "aujourd'hui", "ojd": "aujourd'hui", "dem": "demain", "dm1": "demain",
    "tjr": "toujours", "tjrs": "toujours", "tjs": "toujours", "tt": "tout", "ts": "tous",
    "tte": "toute", "ttes": "toutes", "pr": "pour", "pcq": "parce que", "pck": "parce que",
    "pcque": "parce que", "psk": "parce que", "paske": "parce que", "ds": "dans", "ac": "avec",
    "avc": "avec", "vs": "vous", "ns": "nous", "nn": "non", "ui": "oui", "ouai": "ouais",
    "wé": "ouais", "wai": "ouais", "ok": "d'accord", "oki": "d'accord", "dac": "d'accord",
    "dacc": "d'accord", "mm": "même", "mê": "même", "mssg": "message", "msg": "message",
    "tél": "téléphone", "appart": "appartement", "resto": "restaurant",
    "dispo": "disponible", "dispos": "disponibles", "info": "information", "infos": "informations",
    "pb": "problème", "pbm": "problème", "pbs": "problèmes", "prob": "problème",
    "bb": "bébé", "frr": "frère", "re": "rebonjour", "mp": "message privé", "dm": "message privé",
    "nrv": "énervé", "vnr": "énervé",
    # reactions
    "mdr": "mort de rire", "mdrr": "mort de rire", "ptdr": "pété de rire", "xptdr": "pété de rire",
    "lol": "mort de rire", "jtm": "je t'aime", "jtd": "je t'adore", "osef": "on s'en fout",
    "ohlala": "oh là là", "omg": "oh mon dieu", "wtf": "c'est quoi ce bordel",
    "bg": "beau gosse", "ptn": "putain", "ptain": "putain", "tg": "ta gueule", "fdp": "fils de pute",
    "ntm": "nique ta mère", "jmen fous": "je m'en fous", "ct bien": "c'était bien",
    "cool": "cool", "top": "top", "bof": "bof", "grave": "grave",
}
# Self-mappings say nothing: drop them, so every entry is a real expansion.
SLANG = {k: v for k, v in SLANG.items() if k != v and " " not in k}
