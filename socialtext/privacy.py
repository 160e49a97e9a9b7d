"""Personal data: mask what a care team must not copy into tickets, exports or logs (RGPD/GDPR).

:func:`redact` replaces emails, French phone numbers, IBANs, payment card numbers
(Luhn-checked, so order numbers survive), simple French postal addresses, and
customer/order numbers introduced by the usual words with typed placeholders:
``<EMAIL>``, ``<TEL>``, ``<IBAN>``, ``<CB>``, ``<ADRESSE>``, ``<NUMERO_CLIENT>``,
``<NUMERO_COMMANDE>``, ``<REFERENCE>``. Prices, dates, times and product names are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from socialtext.errors import type_error

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}")
# 06 12 34 56 78, 06.12.34.56.78, 06-12-34-56-78, 0612345678, +33 6 12 34 56 78, 0033 6…, +33 (0)6…
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\s?33\s?(?:\(0\)\s?)?|0)[1-9](?:[\s.\-]?\d{2}){4}(?!\d)"
)
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?\b")
_CARD = re.compile(r"(?<!\d)(?:\d[ \-]?){12,18}\d(?!\d)")
_STREET = (
    r"rue|avenue|av\.?|boulevard|bd|bld|chemin|impasse|allée|allee|place|route|quai|cours|square|"
    r"passage|résidence|residence|lotissement|chaussée|chaussee"
)
_ADDRESS = re.compile(
    rf"\b\d{{1,4}}(?:\s?(?:bis|ter|[a-c]))?,?\s+(?:{_STREET})\s+(?:(?:de|du|des|la|le|l'|d')\s*)*"
    rf"[A-ZÀ-Ýa-zà-ÿ'\-]+(?:\s+[A-ZÀ-Ý][a-zà-ÿ'\-]+){{0,3}}(?:,?\s+\d{{5}}(?:\s+[A-ZÀ-Ý][\w\-]+)?)?",
    re.IGNORECASE,
)
_INTRO = {
    "NUMERO_CLIENT": r"(?:n°|no\.?|num(?:éro|ero)?\.?|#)?\s*(?:de\s+)?client|identifiant(?:\s+client)?|"
                     r"réf(?:érence)?\.?\s+client|ref\.?\s+client|contrat|n°\s*(?:de\s+)?contrat|"
                     r"num(?:éro|ero)\s+(?:de\s+)?contrat|n°\s*(?:d')?adhérent|num(?:éro|ero)\s+d'adhérent",
    "NUMERO_COMMANDE": r"(?:n°|no\.?|num(?:éro|ero)?\.?)\s*(?:de\s+)?commande|commande\s*(?:n°|no\.?|#)|"
                       r"order\s*(?:#|n°|no\.?)?|n°\s*(?:de\s+)?suivi|num(?:éro|ero)\s+de\s+suivi|"
                       r"(?:n°|no\.?|num(?:éro|ero)?)\s*(?:de\s+)?dossier|dossier\s*(?:n°|#)",
    "REFERENCE": r"référence|reference|réf\.?|ref\.?",
}
# Between the words and the identifier: punctuation and up to three short words
# ("est le", "de mon retour :"), so "mon numéro client est le 12003456" is masked.
_IDENTIFIER = r"[:\s#n°=]*(?:[a-zà-ÿ']{1,7}[\s:]+){0,3}[#n°:\s]*([A-Z0-9][A-Z0-9\-/]{4,})"
_INTRODUCED = [
    # a word ending in a letter must end there ("ref" is not "refaite"); "n°", "#", "réf." need no check
    (label, re.compile(rf"(?<!\w)(?:{words})(?:(?<=[a-zà-ÿ])(?![a-zà-ÿ])|(?<![a-zà-ÿ])){_IDENTIFIER}",
                       re.IGNORECASE))
    for label, words in _INTRO.items()
]
_YEAR = re.compile(r"(?:19|20)\d\d")


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _looks_like_card(digits: str) -> bool:
    """Card number shapes (Visa, Mastercard, CB, Amex, Discover) that also pass the Luhn check."""
    shaped = (
        (len(digits) in (13, 16, 19) and digits[0] == "4")
        or (len(digits) == 16 and digits[0] in "2356")
        or (len(digits) == 15 and digits[:2] in ("34", "37"))
    )
    return shaped and _luhn(digits)


def _card(match: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", match.group())
    return "<CB>" if _looks_like_card(digits) else match.group()


def _introduced(label: str) -> Callable[[re.Match[str]], str]:
    def replace(match: re.Match[str]) -> str:
        value = match.group(1)
        if not any(ch.isdigit() for ch in value) or _YEAR.fullmatch(value):
            return match.group()
        start, end = match.span(1)
        whole = match.group()
        offset = start - match.start()
        return whole[:offset] + f"<{label}>" + whole[offset + (end - start):]

    return replace


def redact(text: str) -> str:
    """Mask personal data in a French message with typed placeholders.

    Examples
    --------
    >>> redact("Rappelez-moi au 06 12 34 56 78 ou jean.dupont@gmail.com, commande n° 784512369")
    'Rappelez-moi au <TEL> ou <EMAIL>, commande n° <NUMERO_COMMANDE>'
    """
    if not isinstance(text, str):
        raise type_error("text", text)
    text = _EMAIL.sub("<EMAIL>", text)
    text = _IBAN.sub(lambda m: "<IBAN>" if sum(ch.isdigit() for ch in m.group()) >= 10 else m.group(), text)
    text = _CARD.sub(_card, text)
    text = _PHONE.sub("<TEL>", text)
    text = _ADDRESS.sub("<ADRESSE>", text)
    for label, pattern in _INTRODUCED:
        text = pattern.sub(_introduced(label), text)
    return text
