"""The ``socialtext`` command line.

Exit codes: 0 success, 1 some input rows were skipped, 2 usage or fatal error.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

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
    from socialtext.io import AtomicWriter, BadRow, detect_format, read_rows

    if not args.input and not args.message:
        print("socialtext analyze: give an INPUT file (.jsonl, .csv, - for stdin) or --message TEXT", file=sys.stderr)
        return EXIT_FATAL
    if args.input and args.input != "-" and not os.path.isfile(args.input):
        print(f"socialtext analyze: {args.input}: no such file", file=sys.stderr)
        return EXIT_FATAL
    try:
        if args.input:
            detect_format(args.input)
        out_format = detect_format(args.output)
    except ValueError as exc:
        print(f"socialtext analyze: {exc}", file=sys.stderr)
        return EXIT_FATAL
    charter = None
    if args.charter:
        from socialtext.routing import Charter

        charter = Charter.from_toml(args.charter)
    analyzer = load(args.model)
    if args.input:
        rows = read_rows(args.input)
    else:
        rows = ((i, {args.text_field: m}) for i, m in enumerate(args.message, start=1))
    skipped = 0

    def good_rows() -> Iterator[tuple[int, dict[str, Any]]]:
        nonlocal skipped
        for number, row in rows:
            problem = row.reason if isinstance(row, BadRow) else None
            if problem is None and isinstance(row, dict):
                value = row.get(args.text_field)
                if args.text_field not in row:
                    problem = f"no field {args.text_field!r} (use --text-field to name the text column)"
                elif not isinstance(value, str):
                    problem = f"field {args.text_field!r} must be text, got {type(value).__name__}"
            if problem is not None:
                print(f"socialtext analyze: line {number}: {problem}", file=sys.stderr)
                if args.on_error == "fail":
                    raise _Fatal(f"line {number}: {problem} (stopped by --on-error fail)")
                skipped += 1
                continue
            yield number, row  # type: ignore[misc]

    progress = args.progress if args.progress is not None else sys.stderr.isatty()
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(unit="msg", desc="socialtext", file=sys.stderr)
    writer = AtomicWriter(args.output, out_format)
    try:
        for batch in _chunks(good_rows(), 512):
            texts = [row[args.text_field] for _, row in batch]
            results = analyzer.analyze_many(texts, batch_size=512, n_jobs=args.jobs)
            for (_, row), result in zip(batch, results, strict=True):
                out = dict(row)
                out.update(_analysis_fields(result, redact=args.redact, field=args.text_field))
                if charter is not None:
                    route = charter.route(result, {k: v for k, v in row.items() if k != args.text_field})
                    out.update({k: v for k, v in route.to_dict().items() if k != "team_name"})
                writer.write(out)
            if bar is not None:
                bar.update(len(batch))
        writer.commit()
    except BaseException:
        writer.abort()
        raise
    finally:
        if bar is not None:
            bar.close()
    if skipped:
        print(f"socialtext analyze: {skipped} bad row(s) skipped", file=sys.stderr)
        return EXIT_SKIPPED
    return EXIT_OK


class _Fatal(Exception):
    pass


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _analysis_fields(result: Any, *, redact: bool, field: str) -> dict[str, Any]:
    out = {
        "department": result.department,
        "department_score": round(result.department_scores[result.department], 4),
        "sentiment": result.sentiment,
        "sentiment_score": round(result.sentiment_score, 4),
        "flags": list(result.flags),
    }
    if redact:
        from socialtext.privacy import redact as redact_text

        out[field] = redact_text(result.text)
    return out


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
        help="department and sentiment (and route) of every message of a file",
        description="Analyse a JSON Lines or CSV file (or stdin) and write each row plus its analysis "
        "(and route, with --charter). Streams in constant memory; the output is written to a temporary "
        "file and renamed at the end, so a failed or interrupted run never leaves a half-written file.",
        epilog="examples:\n"
        "  socialtext analyze examples/messages.jsonl\n"
        "  socialtext analyze mentions.csv -o analysed.csv --text-field message --charter charte.toml\n"
        "  cat mentions.jsonl | socialtext analyze - --jobs 2 > out.jsonl\n"
        '  socialtext analyze -m "ma box marche plus 😡" -m "le forfait 5G est à combien ?"\n\n'
        "exit codes: 0 ok, 1 some bad rows were skipped (reported on stderr), 2 usage or fatal error",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ana.add_argument("input", nargs="?", help="input .jsonl or .csv file, - for JSON Lines on stdin")
    ana.add_argument("-o", "--output", default="-", help="output .jsonl or .csv file (default: - for stdout)")
    ana.add_argument("-m", "--message", action="append", default=[], help="analyse this text (repeatable)")
    ana.add_argument("--text-field", default="text", help="name of the text field or column (default: text)")
    ana.add_argument("--charter", default=None, help="route with this charter (TOML) and add route fields")
    ana.add_argument("--model", default=None, help="model directory (default: the shipped model)")
    ana.add_argument("--jobs", type=int, default=1, help="worker processes (default: 1)")
    ana.add_argument("--on-error", choices=("skip", "fail"), default="skip",
                     help="bad rows: report and skip (exit 1), or stop (exit 2) (default: skip)")
    ana.add_argument("--redact", action="store_true", help="mask personal data in the text field of the output")
    ana.add_argument("--progress", dest="progress", action="store_true", default=None,
                     help="show progress on stderr (default: when stderr is a terminal)")
    ana.add_argument("--no-progress", dest="progress", action="store_false")
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
    # SIGTERM ends the run like Ctrl-C: temporary output is removed, nothing half-written remains.
    signal.signal(signal.SIGTERM, _terminate)
    if getattr(args, "task", None) is None and args.command == "train":
        args.task = ["department", "sentiment"]
    try:
        return int(args.func(args))
    except (SocialTextError, _Fatal) as exc:
        print(f"socialtext: {exc}", file=sys.stderr)
        return EXIT_FATAL
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        print("socialtext: interrupted", file=sys.stderr)
        return EXIT_FATAL


def _terminate(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    sys.exit(main())
