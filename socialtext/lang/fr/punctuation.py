"""Character classes and affix rules of the French social-media tokenizer.

Plain regex pieces, assembled by :mod:`socialtext.tokenizer`. The spaCy model:
prefixes are split off the start of a whitespace-separated chunk, suffixes off its
end, infixes inside it; ``TOKEN_PATTERNS`` keep a whole chunk as one token.
"""

from __future__ import annotations

import re

from socialtext.lang.fr.emoji import EMOJI
from socialtext.lang.fr.emoticons import EMOTICONS, GLUEABLE

APOSTROPHES = "'’ʼ"
ALPHA = "a-zA-Zà-öø-ÿÀ-ÖØ-ßœŒæÆ"
# Characters that take space but show nothing; they are split off and dropped.
INVISIBLE = "\u200b\u200c\u200e\u200f\u2060\ufeff\u00ad\u202a-\u202e\u2066-\u2069"

# French elided words: "l'appli" -> "l'" + "appli". Longest first so that
# "jusqu'" wins over "j'". Written lower case; matched case-insensitively.
ELISIONS = ("jusqu", "lorsqu", "puisqu", "quoiqu", "qu", "l", "d", "j", "m", "t", "s", "n", "c")

# Pronouns glued to a verb by a hyphen: "dit-il", "a-t-elle", "donne-moi".
CLITICS = (
    "je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "ce",
    "moi", "toi", "le", "la", "les", "lui", "leur", "leurs", "y", "en",
)

# Words that look like affix rules but stay whole.
SPECIAL_CASES = (
    "aujourd'hui", "aujourd’hui", "Aujourd'hui", "Aujourd’hui",
    "rendez-vous", "Rendez-vous", "c'est-à-dire", "c’est-à-dire", "vis-à-vis",
)

# Units and currencies split off a number: "128Go" -> "128" "Go", "12,99€" ->
# "12,99" "€". A closed list, so that "B2B", "5G" or "mp3" stay whole.
UNITS = (
    "€", "$", "£", "%", "°", "°C", "h", "min", "mn", "s", "sec", "j", "jours", "ans", "mois",
    "Go", "go", "GO", "Mo", "mo", "To", "ko", "Ko", "Gb", "GB", "Mb", "MB", "Mbps", "mbps", "Mb/s",
    "km", "m", "cm", "mm", "m2", "m²", "kg", "g", "mg", "l", "L", "ml", "cl",
    "kW", "kw", "kWh", "kwh", "W", "Hz", "hz", "mAh", "k", "K", "balles", "eur", "euros",
    "x", "fois", "pouces", "p",
)

URL = (
    r"(?:(?:https?|ftp)://|www\.)[^\s<>\"«»]*[^\s<>\"«».,;:!?)\]}'’]"
    r"|(?:[a-zA-Z0-9-]+\.)+(?:fr|com|be|ch|ca|net|org|io|ly|gl|co|me|eu|info|gouv\.fr|app|shop|store|tv)"
    r"(?:/[^\s<>\"«»]*[^\s<>\"«».,;:!?)\]}'’])?"
)
EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}"
HASHTAG = r"#\w+"
MENTION = r"@\w(?:[\w.]*\w)?"
# Numbers keep their inner separators: prices "12,99", dates "12/03", times
# "14h30" and "14:30", decimals "19.99". Units and currencies are split off.
NUMBER = r"[+-]?\d+(?:[.,:/h]\d+)*"

_emoticons = "|".join(re.escape(e) for e in sorted(EMOTICONS, key=len, reverse=True))
_glueable = "|".join(re.escape(e) for e in GLUEABLE)
_elisions = "|".join(ELISIONS)
_clitics = "|".join(CLITICS)
_units = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))

# Whole chunks kept as one token (checked before any split).
TOKEN_PATTERNS = (URL, EMAIL, HASHTAG, MENTION, _emoticons, NUMBER)

PREFIXES = (
    EMOJI,
    rf"[{INVISIBLE}]+",
    r"[!?]+",
    r"\.{2,}|…",
    rf"(?i:{_elisions})[{APOSTROPHES}](?=[{ALPHA}0-9#@])",
    r"[\"«»“”„‘’'(\[{<*_~¿¡]",
    r"[€$£]",
)

SUFFIXES = (
    _glueable,
    EMOJI,
    rf"[{INVISIBLE}]+",
    r"[!?]+",
    r"\.{2,}|…",
    rf"(?i:-(?:t-)?(?:{_clitics}))(?![{ALPHA}])",
    rf"(?<=[0-9])(?:{_units})",
    r"[\"«»“”‘’'(\[{}\])>*_~.,;:]",
)

INFIXES = (
    EMOJI,
    rf"[!?]+(?=[{ALPHA}])",
    r"\.{2,}|…",
    rf"(?<=[{ALPHA}]),(?=[{ALPHA}])",
    rf"(?<=[{ALPHA}])[;:](?=[{ALPHA}])",
    rf"[{INVISIBLE}]+",
)

# Unicode calls these punctuation; for a customer message they are symbols
# (units and operators), so their kind is "symbol".
SYMBOLS = frozenset("%‰&#@*/\\")
