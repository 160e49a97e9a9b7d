"""The ``not_french`` flag on English, Spanish and Arabic samples, and its false positives on French.

    python bench/language.py

Reads ``tests/data/languages.jsonl`` (written by the team) and prints, per language,
the share of messages flagged ``not_french``.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from socialtext.lang.detect import is_clearly_not_french

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    rows = [json.loads(line) for line in (ROOT / "tests" / "data" / "languages.jsonl").open(encoding="utf-8")]
    flagged: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    short_fr = short_fr_flagged = 0
    for row in rows:
        totals[row["lang"]] += 1
        hit = is_clearly_not_french(row["text"])
        flagged[row["lang"]] += hit
        if row["lang"] == "fr" and len(row["text"].split()) <= 4:
            short_fr += 1
            short_fr_flagged += hit
    for lang in ("en", "es", "ar", "fr"):
        label = "false positives" if lang == "fr" else "flagged (recall)"
        print(f"{lang}: {flagged[lang]}/{totals[lang]} {label} = {flagged[lang] / totals[lang]:.1%}")
    print(f"short French (<= 4 words): {short_fr_flagged}/{short_fr} false positives")


if __name__ == "__main__":
    main()
