"""Shared bench helpers: diverse French messages from the team's corpus, and timers."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
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


def best_time(fn: Callable[[], object], repeat: int = 3) -> float:
    """The fastest of ``repeat`` runs of ``fn``, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def cold_start(code: str) -> float:
    """Best-of-3 wall time of ``python -c code`` in a fresh process (one BLAS thread)."""
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    return best_time(lambda: subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, env=env))
