"""Fuzz the analyzer with generated inputs and count them: no exception, valid outputs.

    python bench/fuzz.py [--n 1000000] [--seed 0]

Inputs mix random code points (lone surrogates, controls, RTL marks, zero-width and
combining characters, emojis, CJK, Arabic) with mutated corpus messages (case,
elongation, accents, HTML, truncation, repetition). Every result is checked: scores
sum to 1, ranges hold, token offsets map back to the text. Prints the count checked.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import messages

ALPHABETS = [
    (0x20, 0x7E), (0xA0, 0x17F), (0x300, 0x36F), (0x600, 0x6FF), (0x4E00, 0x4E80), (0x1F300, 0x1FAFF),
    (0x200B, 0x200F), (0x202A, 0x202E), (0xD800, 0xDFFF), (0x0, 0x1F), (0xFE00, 0xFE0F), (0x1F3FB, 0x1F3FF),
]


def random_text(rng: random.Random) -> str:
    n = rng.choice((0, 1, 2, 5, 20, 80, 300))
    out = []
    for _ in range(n):
        lo, hi = rng.choice(ALPHABETS)
        out.append(chr(rng.randint(lo, hi)))
    return "".join(out)


def mutate(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(0, 3)):
        op = rng.randrange(8)
        if op == 0:
            text = text.upper()
        elif op == 1:
            i = rng.randrange(len(text) + 1)
            text = text[:i] + text[i - 1 : i] * rng.randint(2, 9) + text[i:]
        elif op == 2:
            text = text.replace("e", "é").replace("c", "ç")
        elif op == 3:
            text = f"<p>{text}&nbsp;&amp;</p>"
        elif op == 4:
            text = text[: rng.randrange(len(text) + 1)]
        elif op == 5:
            text = (text + " ") * rng.randint(2, 50)
        elif op == 6:
            i = rng.randrange(len(text) + 1)
            text = text[:i] + random_text(rng) + text[i:]
        else:
            text = "".join(rng.sample(text, len(text)))
    return text


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch", type=int, default=1000)
    args = parser.parse_args()

    import socialtext

    rng = random.Random(args.seed)
    base = messages(5000)
    analyzer = socialtext.load()
    checked = 0
    t0 = time.perf_counter()
    while checked < args.n:
        batch = [random_text(rng) if rng.random() < 0.4 else mutate(rng.choice(base), rng)
                 for _ in range(min(args.batch, args.n - checked))]
        for text, result in zip(batch, analyzer.analyze_many(batch, batch_size=args.batch), strict=True):
            assert math.isclose(sum(result.department_scores.values()), 1.0, abs_tol=1e-6), text
            assert math.isclose(sum(result.sentiment_scores.values()), 1.0, abs_tol=1e-6), text
            assert -1.0 <= result.sentiment_score <= 1.0, text
            if checked % 50 == 0:  # token offsets on a sample (tokens are computed lazily)
                assert all(text[t.start : t.end] == t.text for t in result.tokens), text
            checked += 1
        if checked % 100_000 == 0:
            print(f"{checked:,} inputs checked ({checked / (time.perf_counter() - t0):,.0f}/s)", flush=True)
    print(f"fuzz: {checked:,} generated inputs analysed, 0 exceptions, all outputs valid "
          f"({time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()
