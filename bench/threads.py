"""Thread-level routing on the corpus test threads: owner department and topic-shift flag.

    python bench/threads.py [--split test]

The gold owner applies the thread rule of ``socialtext.Conversation`` to the gold
labels (the root's department, unless most non-brand replies need another one);
the prediction applies it to the model's labels. Prints owner accuracy, topic-shift
precision and recall, and the same for a naive baseline that always keeps the root's
department.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import ROOT


def gold_owner(root: str, replies: list[str]) -> tuple[str, bool]:
    if not replies:
        return root, False
    dep, top = Counter(replies).most_common(1)[0]
    shift = dep != root and top >= 2 and top / len(replies) >= 0.5
    return (dep if shift else root), shift


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="test")
    args = parser.parse_args()

    import socialtext
    from socialtext import corpus

    analyzer = socialtext.load()
    charter = socialtext.Charter.default()
    threads: dict[str, list[corpus.Message]] = {}
    for m in corpus.read(ROOT / "corpora"):
        if m.thread and m.split == args.split:
            threads.setdefault(m.thread, []).append(m)
    owner_ok = baseline_ok = predicted_root_ok = 0
    tp = fp = fn = 0
    for messages in threads.values():
        root = next(m for m in messages if m.fields.get("reply_to") is None)
        replies = [m for m in messages if m is not root and m.fields.get("author") != "brand"]
        gold, gold_shift = gold_owner(root.labels["department"], [m.labels["department"] for m in replies])
        conv = socialtext.Conversation(
            [{"id": m.id, "text": m.text, "reply_to": m.fields.get("reply_to"), "author": m.fields.get("author"),
              "platform": m.fields.get("platform")} for m in messages]
        )
        result = conv.route(charter, analyzer)
        predicted = result.reply_department if result.topic_shift else result.root_department
        owner_ok += predicted == gold
        baseline_ok += root.labels["department"] == gold
        predicted_root_ok += result.root_department == gold
        tp += result.topic_shift and gold_shift
        fp += result.topic_shift and not gold_shift
        fn += gold_shift and not result.topic_shift
    n = len(threads)
    print(f"threads in the {args.split} split: {n}, with a topic shift (gold): {tp + fn}")
    print(f"owner department accuracy: {owner_ok / n:.3f}; baselines 'the root decides': with the predicted "
          f"root {predicted_root_ok / n:.3f}, with the gold root {baseline_ok / n:.3f}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print(f"topic-shift flag: precision {precision:.3f}, recall {recall:.3f} (tp={tp}, fp={fp}, fn={fn})")


if __name__ == "__main__":
    main()
