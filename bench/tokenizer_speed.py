"""Tokenizer throughput and cold start, as ratios against baselines run in the same process.

    python bench/tokenizer_speed.py [--n 20000]

Throughput: socialtext ``Tokenizer.pipe`` vs ``spacy.blank("fr").pipe`` vs ``str.split``
on the same messages. Cold start: a fresh ``python -c`` for each, best of 3.
Target (issue 2): at least half of spacy.blank("fr")'s throughput; cold start well
under half of spacy.blank("fr")'s.
"""

from __future__ import annotations

import argparse
import sys

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))
from _data import best_time, cold_start, messages


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=20000)
    args = parser.parse_args()

    import spacy

    import socialtext

    texts = messages(args.n)
    ours = socialtext.Tokenizer()
    blank = spacy.blank("fr")
    ours_rate = len(texts) / best_time(lambda: sum(len(t) for t in ours.pipe(texts)))
    blank_rate = len(texts) / best_time(lambda: sum(len(d) for d in blank.pipe(texts, batch_size=1000)))
    split_rate = len(texts) / best_time(lambda: sum(len(t.split()) for t in texts))
    print(f"messages: {len(texts)}")
    print(f"socialtext Tokenizer.pipe : {ours_rate:12,.0f} msg/s")
    print(f"spacy.blank('fr').pipe    : {blank_rate:12,.0f} msg/s")
    print(f"str.split                 : {split_rate:12,.0f} msg/s")
    print(f"ratio socialtext / spacy.blank('fr') : {ours_rate / blank_rate:.2f}  (target >= 0.5)")
    print(f"ratio socialtext / str.split         : {ours_rate / split_rate:.3f}")

    cold_ours = cold_start("import socialtext; socialtext.tokenize('x')")
    cold_blank = cold_start("import spacy; spacy.blank('fr')('x')")
    cold_python = cold_start("pass")
    print(f"cold start socialtext.tokenize : {cold_ours:.2f} s")
    print(f"cold start spacy.blank('fr')   : {cold_blank:.2f} s")
    print(f"cold start bare python         : {cold_python:.2f} s")
    print(f"ratio cold socialtext / spacy.blank('fr') : {cold_ours / cold_blank:.2f}  (target < 0.5)")


if __name__ == "__main__":
    main()
