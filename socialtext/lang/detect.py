"""Is this message French? A cheap, conservative check for the ``not_french`` flag.

The models are trained on French; a message in English, Spanish or Arabic would get a
confident but meaningless department. The check counts letters by script and short
function words by language (plain data below). It only flags what is clearly not
French: short or ambiguous messages (``ok``, ``top 👍``, ``SAV ???``) stay French.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Very frequent function words that are not also common French words.
ENGLISH = frozenset(
    "the and is are was were you your my me i it this that with for from have has had not no what why "
    "when where how can could would should will just been being they them their our we us he she his her "
    "do does did don't doesn't didn't can't won't i'm it's there here please thanks thank order still yet "
    "again any anyone get got after before about really very still waiting refund love best ever worst "
    "happy need want speak human call back since whole keeps tried working says isn't im ive whats "
    "update anything nothing something everything hello hi guys who which were wasn't weeks days hours "
    "today yesterday tomorrow money delivery delivered received shipping account customer support".split()
)
SPANISH = frozenset(
    "el los las del al es está están estoy que por para con una uno mi mis tu su sus pero como muy "
    "ya hay fue ser son tengo tiene hace desde hasta cuando donde porque gracias hola pedido todavía "
    "nunca nada ningún ninguna también solo sin este esta esto eso usted ustedes nos qué cómo "
    "sigo esperando quiero reembolso muchas pésimo servicio vale alguna novedad encanta nadie responde "
    "habéis perdido maleta dice deja pagar tarjeta sale todo rato tienda hacen envíos envío encuentro "
    "volved poner porfa subís avisar voy otra compañía nueva cancelo suscripción veo opción parte "
    "código descuento funciona válido favor alguien escriba mandado correos vez tren retraso así "
    "puede llegó antes perfecto caja rota dentro hecho mando fotos abrís domingo tío ayuda siempre "
    "mismo enlace años siendo tratáis pedidos faltaba primera bonita cuándo llega puedo cambiar "
    "dirección después hacer garantía estáis broma jajaja borrado cuenta dinero ahora hoy ayer mañana".split()
)
# Letters Spanish writes and French does not: each one counts as a Spanish word.
SPANISH_LETTERS = frozenset("ñ¿¡áíóú")
FRENCH = frozenset(
    "le la les un une des de du et est sont je tu il elle nous vous ils on mon ma mes ton ta ton votre vos "
    "notre nos ce cette ces que qui quoi pas plus ne n' j' l' d' c' qu' s' m' avec pour sur dans par chez "
    "mais ou où au aux été être avoir ai as a ont fait rien toujours depuis merci bonjour svp stp ça ca "
    "très tres trop aussi encore déjà deja alors donc car si bien".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


_LETTER = re.compile(r"[^\W\d_]")
# Letters outside the Latin script (Latin-1, Latin Extended A/B and Additional are Latin).
_NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-z\u00aa\u00b5\u00ba\u00c0-\u024f\u1e00-\u1eff]")


@lru_cache(maxsize=50_000)
def _chunk_profile(chunk: str) -> tuple[int, int, int, int, int, int]:
    """``(words, french, english, spanish, letters, non-Latin letters)`` of one whitespace chunk.

    Chunks repeat a lot ("merci", "!!!", "colis"): profiling each once keeps the check cheap.
    """
    letters = len(_LETTER.findall(chunk))
    non_latin = 0 if chunk.isascii() else len(_NON_LATIN_LETTER.findall(chunk))
    words = [w.lower() for w in _WORD.findall(chunk)]
    fr = sum(w in FRENCH for w in words)
    en = sum(w in ENGLISH for w in words)
    es = sum(w in SPANISH for w in words)
    if not chunk.isascii():
        es += sum(ch in SPANISH_LETTERS for ch in chunk.lower())
    return len(words), fr, en, es, letters, non_latin


def is_clearly_not_french(text: str) -> bool:
    """True when the message is clearly in another language (another script, or English/Spanish words)."""
    n_words = fr = en = es = letters = non_latin = 0
    for chunk in text.split():
        w, f, e, s, lt, nl = _chunk_profile(chunk)
        n_words += w
        fr += f
        en += e
        es += s
        letters += lt
        non_latin += nl
    if letters >= 3 and non_latin / letters > 0.5:
        return True
    if n_words < 2:
        return False
    other = max(en, es)
    return other >= 2 and other > 2 * fr
