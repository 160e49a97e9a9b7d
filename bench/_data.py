"""Shared bench helper: diverse French messages from the team's corpus."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_FALLBACK = [
    "@SNCF_Direct encore 3h de retard 😡 #grève",
    "Trop bien l'appli !!! 😍😍 merci",
    "ma box marche plus depuis 3 jours, c'est normal ??",
    "Le modèle X est dispo en magasin ? 12,99€ sur le site",
    "Votre pub est sexiste, honte à vous #boycott",
    "slt, jsp pk mais g pas reçu mon colis :(",
]


def messages(n: int) -> list[str]:
    """Return ``n`` messages, cycling through every corpus text (or a small fallback)."""
    try:
        from socialtext import corpus

        texts = [m.text for m in corpus.read(ROOT / "corpora", strict=False)]
    except Exception:  # no corpus in this checkout: a tiny fallback keeps the script usable
        texts = []
    texts = texts or _FALLBACK
    return [texts[i % len(texts)] for i in range(n)]
