"""Sentiment (and department) quality on data nobody on the team wrote, with the peers side by side.

    python bench/eval_external.py [--model PATH]

Measures only, never trains or tunes: ``../shared/eval/*.jsonl`` (real, public French
text; see its README) and the corpus test split. Peers: vadersentiment-fr (compound
>= 0.05 positive, <= -0.05 negative) and textblob-fr (polarity > 0 positive, < 0
negative), installed in the bench environment only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import ROOT

EVAL = ROOT.parent / "shared" / "eval"


def _peers() -> dict[str, Callable[[list[str]], list[str]]]:
    peers: dict[str, Callable[[list[str]], list[str]]] = {}
    try:
        from vaderSentiment_fr.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        pass
    else:
        vader = SentimentIntensityAnalyzer()

        def vader_labels(texts: list[str]) -> list[str]:
            out = []
            for t in texts:
                c = vader.polarity_scores(t)["compound"]
                out.append("positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral")
            return out

        peers["vadersentiment-fr"] = vader_labels
    try:
        from textblob import TextBlob
        from textblob_fr import PatternAnalyzer, PatternTagger
    except ImportError:
        pass
    else:
        tagger, analyzer = PatternTagger(), PatternAnalyzer()

        def textblob_labels(texts: list[str]) -> list[str]:
            out = []
            for t in texts:
                p = TextBlob(t, pos_tagger=tagger, analyzer=analyzer).sentiment[0]
                out.append("positive" if p > 0 else "negative" if p < 0 else "neutral")
            return out

        peers["textblob-fr"] = textblob_labels
    return peers


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    import socialtext
    from socialtext import corpus
    from socialtext.evaluation import classification_report

    analyzer = socialtext.load(args.model)
    systems: dict[str, Callable[[list[str]], list[str]]] = {
        "socialtext": lambda texts: [a.sentiment for a in analyzer.analyze_many(texts)],
        **_peers(),
    }
    datasets: dict[str, list[dict[str, str]]] = {}
    test = [m for m in corpus.read(ROOT / "corpora") if m.split == "test"]
    datasets["corpus test split"] = [{"text": m.text, **m.labels} for m in test]
    for path in sorted(EVAL.glob("*.jsonl")) if EVAL.is_dir() else []:
        datasets[path.stem] = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]

    print(f"{'dataset':<26}{'system':<20}{'n':>6}{'macro-F1':>10}{'accuracy':>10}{'binary acc':>12}")
    for name, rows in datasets.items():
        texts = [r["text"] for r in rows]
        truth = [r["sentiment"] for r in rows]
        for system, fn in systems.items():
            pred = fn(texts)
            report = classification_report(truth, pred, sorted(set(truth) | {"negative", "neutral", "positive"}))
            present = sorted(set(truth))
            macro = sum(report["per_class"][c]["f1"] for c in present) / len(present)
            binary = sum((p == "positive") == (t == "positive") for p, t in zip(pred, truth, strict=True)) / len(rows)
            print(f"{name:<26}{system:<20}{len(rows):>6}{macro:>10.3f}{report['accuracy']:>10.3f}{binary:>12.3f}")
    dep = [a.department for a in analyzer.analyze_many([m.text for m in test])]
    report = classification_report([m.labels["department"] for m in test], dep)
    print(f"\ndepartment on the corpus test split: macro-F1 {report['macro_f1']:.3f}, "
          f"accuracy {report['accuracy']:.3f}")
    print("macro-F1 is over the classes present in each file (allocine has no neutral class);")
    print("binary acc = positive vs not positive.")


if __name__ == "__main__":
    main()
