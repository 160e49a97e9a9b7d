"""The ``socialtext`` command line.

Exit codes: 0 success, 1 some input rows were skipped, 2 usage or fatal error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``socialtext`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        print("socialtext: interrupted", file=sys.stderr)
        return EXIT_FATAL


if __name__ == "__main__":
    sys.exit(main())
