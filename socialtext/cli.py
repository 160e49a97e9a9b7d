"""The ``socialtext`` command line.

Exit codes: 0 success, 1 some input rows were skipped, 2 usage or fatal error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from socialtext.errors import SocialTextError

EXIT_OK, EXIT_SKIPPED, EXIT_FATAL = 0, 1, 2


def _cmd_tokenize(args: argparse.Namespace) -> int:
    from socialtext.tokenizer import Tokenizer

    texts = args.text or [line.rstrip("\n") for line in sys.stdin]
    tokenizer = Tokenizer()
    for tokens in tokenizer.pipe(texts):
        if args.json:
            print(json.dumps([t._asdict() for t in tokens], ensure_ascii=False))
        else:
            for t in tokens:
                extra = f"\t→ {t.expansion}" if t.expansion else ""
                print(f"{t.start:>4}-{t.end:<4}\t{t.kind:<9}\t{t.text}\t{t.norm}{extra}")
            print()
    return EXIT_OK


def _cmd_analyze(args: argparse.Namespace) -> int:
    from socialtext.analyzer import load

    analyzer = load(args.model)
    texts = args.text or [line.rstrip("\n") for line in sys.stdin if line.strip()]
    for analysis in analyzer.pipe(texts):
        if args.json:
            print(json.dumps(analysis.to_dict(), ensure_ascii=False))
        else:
            flags = f"  [{', '.join(analysis.flags)}]" if analysis.flags else ""
            print(
                f"{analysis.department:<12} {analysis.department_scores[analysis.department]:.2f}  "
                f"{analysis.sentiment:<9} {analysis.sentiment_score:+.2f}{flags}  {analysis.text}"
            )
    return EXIT_OK


def _cmd_train(args: argparse.Namespace) -> int:
    from socialtext.evaluation import format_report
    from socialtext.training import train

    manifest = train(args.corpus, args.out, tasks=args.task, strict=not args.custom_labels)
    for task, by_split in manifest["metrics"].items():
        for split, report in by_split.items():
            print(format_report(f"{task} on the {split} split", report))
    print(f"model written to {args.out} (corpus sha256 {manifest['corpus']['sha256'][:12]}…)")
    return EXIT_OK


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from socialtext import corpus
    from socialtext.analyzer import load
    from socialtext.evaluation import classification_report, format_report

    analyzer = load(args.model)
    messages = list(corpus.read(args.file, strict=False))
    if not messages:
        print(f"socialtext: {args.file}: no message to evaluate", file=sys.stderr)
        return EXIT_FATAL
    results = analyzer.analyze_many([m.text for m in messages])
    reports = {}
    for task, predicted, classes in (
        ("department", [r.department for r in results], analyzer.department_model.classes),
        ("sentiment", [r.sentiment for r in results], analyzer.sentiment_model.classes),
    ):
        pairs = [(m.labels[task], p) for m, p in zip(messages, predicted, strict=True) if task in m.labels]
        if pairs:
            truth, pred = zip(*pairs, strict=True)
            reports[task] = classification_report(list(truth), list(pred), list(classes))
    if not reports:
        print(f"socialtext: {args.file}: no line has a 'department' or 'sentiment' label", file=sys.stderr)
        return EXIT_FATAL
    if args.json:
        print(json.dumps(reports, indent=2, ensure_ascii=False))
    else:
        for task, report in reports.items():
            print(format_report(f"{task} on {args.file}", report))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    from socialtext import __version__

    parser = argparse.ArgumentParser(
        prog="socialtext",
        description="Read what French-speaking customers write to brands on social media.",
    )
    parser.add_argument("--version", action="version", version=f"socialtext {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    tok = sub.add_parser(
        "tokenize",
        help="split messages into tokens (kind, norm, slang meaning)",
        description="Tokenize messages given as arguments, or one per line on stdin.",
        epilog='example: socialtext tokenize "@SNCF_Direct encore 3h de retard 😡 #grève"',
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    tok.add_argument("text", nargs="*", help="messages to tokenize (default: read lines from stdin)")
    tok.add_argument("--json", action="store_true", help="print one JSON list of tokens per message")
    tok.set_defaults(func=_cmd_tokenize)

    ana = sub.add_parser(
        "analyze",
        help="department and sentiment of messages",
        description="Analyse messages given as arguments, or one per line on stdin.",
        epilog='example: socialtext analyze "ma box marche plus depuis 3 jours 😡"',
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ana.add_argument("text", nargs="*", help="messages (default: read lines from stdin)")
    ana.add_argument("--model", default=None, help="model directory (default: the shipped model)")
    ana.add_argument("--json", action="store_true", help="print one JSON object per message")
    ana.set_defaults(func=_cmd_analyze)

    tr = sub.add_parser(
        "train",
        help="train department and sentiment models from a corpus",
        description="Train on the corpus' train+dev splits, report the test split, write a model directory.",
        epilog="example: socialtext train --corpus corpora/ --out models/default",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    tr.add_argument("--corpus", default="corpora", help="a .jsonl file or a folder of them (default: corpora)")
    tr.add_argument("--out", default="models/default", help="model directory to write (default: models/default)")
    tr.add_argument("--task", action="append", default=None,
                    help="label field to learn (repeatable; default: department and sentiment)")
    tr.add_argument("--custom-labels", action="store_true",
                    help="accept any label values and only require 'text' (your own departments)")
    tr.set_defaults(func=_cmd_train)

    ev = sub.add_parser(
        "evaluate",
        help="precision, recall, F1 and confusion on a labelled file",
        description="Evaluate a model on a JSONL file with 'text' and 'department' and/or 'sentiment'.",
        epilog="example: socialtext evaluate my_labelled.jsonl --json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ev.add_argument("file", help="labelled .jsonl file")
    ev.add_argument("--model", default=None, help="model directory (default: the shipped model)")
    ev.add_argument("--json", action="store_true", help="print the metrics as JSON")
    ev.set_defaults(func=_cmd_evaluate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``socialtext`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "task", None) is None and args.command == "train":
        args.task = ["department", "sentiment"]
    try:
        return int(args.func(args))
    except SocialTextError as exc:
        print(f"socialtext: {exc}", file=sys.stderr)
        return EXIT_FATAL
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        print("socialtext: interrupted", file=sys.stderr)
        return EXIT_FATAL


if __name__ == "__main__":
    sys.exit(main())
