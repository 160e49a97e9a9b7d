"""Precision and recall of ``socialtext.redact`` on the team's PII test set, and its effect on routing.

    python bench/pii.py

Recall: share of personal-data occurrences of ``tests/data/pii_cases.jsonl`` that no longer
appear in the redacted text. Precision proxy: share of "keep" items (prices, dates, product
references, tracking numbers without an introducing word) still present. Then the share of
corpus messages whose department and sentiment are unchanged when analysed redacted.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import socialtext
from socialtext import corpus

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    rows = [json.loads(line) for line in (ROOT / "tests" / "data" / "pii_cases.jsonl").open(encoding="utf-8")]
    found, total, kept, keep_total = Counter(), Counter(), 0, 0
    for row in rows:
        masked = socialtext.redact(row["text"])
        for item in row["pii"]:
            total[item["type"]] += 1
            found[item["type"]] += item["value"] not in masked
        for item in row["keep"]:
            keep_total += 1
            kept += item in masked
    for kind in sorted(total):
        print(f"{kind:<16} recall {found[kind]}/{total[kind]} = {found[kind] / total[kind]:.3f}")
    print(f"{'all':<16} recall {sum(found.values())}/{sum(total.values())} = "
          f"{sum(found.values()) / sum(total.values()):.3f}")
    print(f"keep items intact (precision proxy): {kept}/{keep_total} = {kept / keep_total:.3f}")

    texts = [m.text for m in corpus.read(ROOT / "corpora")]
    analyzer = socialtext.load()
    plain = analyzer.analyze_many(texts)
    masked = analyzer.analyze_many(texts, redact=True)
    changed_text = sum(a.text != b.text for a, b in zip(plain, masked, strict=True))
    same_dep = sum(a.department == b.department for a, b in zip(plain, masked, strict=True))
    same_sent = sum(a.sentiment == b.sentiment for a, b in zip(plain, masked, strict=True))
    print(f"corpus: {changed_text} of {len(texts)} messages contain something redact() masks; "
          f"department unchanged {same_dep / len(texts):.4f}, sentiment unchanged {same_sent / len(texts):.4f}")


if __name__ == "__main__":
    main()
