"""Generate corpora/README.md, the corpus datasheet, from the data itself.

    python corpora/datasheet.py          # rewrite corpora/README.md
    python corpora/datasheet.py --check  # exit 1 if README.md is stale (run by the tests)

Every table is computed here from the JSON Lines files; the prose around them lives
in this script, so the datasheet can never disagree with the data.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from socialtext import corpus  # noqa: E402
from socialtext.tokenizer import Tokenizer  # noqa: E402

# Words French writers accent, seen here without their accent: a cheap, conservative
# detector of "missing accents" (a word like "a" or "ou" is left out: both spellings exist).
_UNACCENTED = frozenset(
    "tres deja ca probleme problemes etait etais ete apres meme memes fevrier aout noel recu recue "
    "recus telephone telecharger reseau numero numeros electricite facture? delai delais annule "
    "annulee rembourse remboursee deçu decu decue decus decevant arrete arreter reponse reponses "
    "enerve enervee genial geniale premiere derniere frere mere pere tete fenetre foret interet "
    "securite qualite verite realite activite desole desolee ecrit envoye envoyee livre? regle".replace("?", "").split()
)
_ELONGATION = re.compile(r"([^\W\d_])\1{2,}")


def kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa of two annotators' labels."""
    n = len(pairs)
    if not n:
        return float("nan")
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def _table(header: list[str], rows: list[list[object]]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


def _pct(n: int, total: int) -> str:
    return f"{100 * n / total:.1f}%" if total else "-"


def build() -> str:
    messages = list(corpus.read(HERE))
    total = len(messages)
    tokenizer = Tokenizer()
    tokens = [tokenizer(m.text) for m in messages]

    cells = Counter((m.labels["department"], m.labels["sentiment"]) for m in messages)
    dep_sent = [
        [d, *[cells[(d, s)] for s in corpus.SENTIMENTS], sum(cells[(d, s)] for s in corpus.SENTIMENTS)]
        for d in corpus.DEPARTMENTS
    ]
    dep_sent.append(["**total**", *[sum(cells[(d, s)] for d in corpus.DEPARTMENTS) for s in corpus.SENTIMENTS],
                     total])

    def counts(field: str) -> list[list[object]]:
        c = Counter(str(m.fields.get(field, "-")) for m in messages)
        return [[k, v, _pct(v, total)] for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))]

    words = [len(m.text.split()) for m in messages]
    buckets = [("1-2", 1, 2), ("3-10", 3, 10), ("11-30", 11, 30), ("31-60", 31, 60), ("61-120", 61, 120),
               ("> 120", 121, 10**9)]
    lengths = [[name, sum(lo <= w <= hi for w in words), _pct(sum(lo <= w <= hi for w in words), total)]
               for name, lo, hi in buckets]

    def share(pred: object) -> list[object]:
        n = sum(1 for toks, m in zip(tokens, messages, strict=True) if pred(toks, m))  # type: ignore[operator]
        return [n, _pct(n, total)]

    style = [
        ["emoji", *share(lambda t, m: any(x.kind == "emoji" for x in t))],
        ["text emoticon (:) xD <3 …)", *share(lambda t, m: any(x.kind == "emoticon" for x in t))],
        ["hashtag", *share(lambda t, m: any(x.kind == "hashtag" for x in t))],
        ["@mention", *share(lambda t, m: any(x.kind == "mention" for x in t))],
        ["URL or email", *share(lambda t, m: any(x.kind in ("url", "email") for x in t))],
        ["SMS / web slang (from the slang table)", *share(lambda t, m: any(x.expansion for x in t))],
        ["missing accent (common word written bare)",
         *share(lambda t, m: any(x.kind == "word" and x.norm in _UNACCENTED for x in t))],
        ["elongation (trooop, nuuul)", *share(lambda t, m: any(x.kind == "word" and _ELONGATION.search(x.text)
                                                            for x in t))],
        ["word in ALL CAPS (3+ letters)", *share(lambda t, m: any(x.kind == "word" and len(x.text) >= 3
                                                                  and x.text.isupper() for x in t))],
        ["run of ! or ?", *share(lambda t, m: any(x.kind == "punct" and len(x.text) > 1 and set(x.text) <= set("!?")
                                                  for x in t))],
        ["only emoji / emoticons", *share(lambda t, m: bool(t) and all(x.kind in ("emoji", "emoticon") for x in t))],
    ]

    threads: dict[str, list[corpus.Message]] = {}
    for m in messages:
        if m.thread:
            threads.setdefault(m.thread, []).append(m)
    sizes = Counter(len(ms) - 1 for ms in threads.values())
    shifting = sum(1 for ms in threads.values() if len({m.labels["department"] for m in ms}) > 1)
    thread_rows = [
        ["threads", len(threads)],
        ["messages in threads", sum(len(ms) for ms in threads.values())],
        ["replies per thread (min / median / max)",
         f"{min(sizes)} / {sorted(len(ms) - 1 for ms in threads.values())[len(threads) // 2]} / {max(sizes)}"],
        ["threads whose messages span 2+ departments (topic shifts)", shifting],
    ]
    splits = Counter(m.split for m in messages)
    split_rows = [[s, splits[s], _pct(splits[s], total)] for s in corpus.SPLITS]

    agreement = _agreement(messages)
    sha = corpus.fingerprint(HERE)

    return TEMPLATE.format(
        total=total,
        n_sectors=len({m.fields["sector"] for m in messages}),
        sha=sha,
        dep_sent=_table(["department", *corpus.SENTIMENTS, "total"], dep_sent),
        sectors=_table(["sector", "messages", "share"], counts("sector")),
        platforms=_table(["platform", "messages", "share"], counts("platform")),
        authors=_table(["author", "messages", "share"], counts("author")),
        varieties=_table(["variety", "messages", "share"], counts("variety")),
        lengths=_table(["words", "messages", "share"], lengths),
        style=_table(["feature", "messages", "share"], style),
        threads=_table(["", "value"], thread_rows),
        splits=_table(["split", "messages", "share"], split_rows),
        agreement=agreement,
    )


def _agreement(messages: list[corpus.Message]) -> str:
    """Kappa between the writers' first-pass labels and the blind second pass.

    Disagreements were adjudicated afterwards and the corpus corrected; the first-pass
    labels are restored from ``_agreement/adjudication.jsonl`` so the figure measures
    the original agreement, not agreement with the corrections.
    """
    folder = HERE / "_agreement"
    path = folder / "second_pass.jsonl"
    if not path.is_file():
        return "_The second pass has not been run yet._"
    current = {m.id: dict(m.labels) for m in messages}
    first = {k: dict(v) for k, v in current.items()}
    adjudication_path = folder / "adjudication.jsonl"
    adjudicated = []
    if adjudication_path.is_file():
        adjudicated = [json.loads(line) for line in adjudication_path.open(encoding="utf-8") if line.strip()]
        for row in adjudicated:
            if row["id"] in first:
                first[row["id"]].update(row["first"])
    second = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    rows = []
    for field in ("department", "sentiment"):
        pairs = [(first[r["id"]][field], r[field]) for r in second if r["id"] in first]
        agree = sum(a == b for a, b in pairs)
        rows.append([field, len(pairs), _pct(agree, len(pairs)), f"{kappa(pairs):.3f}"])
    confusion = Counter(
        (first[r["id"]]["department"], r["department"]) for r in second
        if r["id"] in first and first[r["id"]]["department"] != r["department"]
    )
    top = ", ".join(f"{a} → {b} ({n})" for (a, b), n in confusion.most_common(6))
    text = (
        _table(["label", "messages relabelled", "raw agreement", "Cohen's kappa"], rows)
        + f"\n\nMost frequent department disagreements (first pass → second pass): {top}."
    )
    if adjudicated:
        changed = {
            field: sum(row["first"][field] != row["final"][field] for row in adjudicated)
            for field in ("department", "sentiment")
        }
        kept_second = sum(row["final"] == row["second"] for row in adjudicated)
        text += (
            f"\n\nAll {len(adjudicated)} disagreements were adjudicated against the guide "
            f"(`_agreement/adjudication.jsonl`, one reason per message): the corpus label changed for "
            f"{changed['department']} departments and {changed['sentiment']} sentiments; the second pass "
            f"was followed in full for {kept_second} messages. The clarifications are in `GUIDELINES.md`."
        )
    return text


TEMPLATE = """# The socialtext corpus — datasheet

<!-- Generated by corpora/datasheet.py from the data: edit the script, not this file. -->

**{total} French social-media messages** written and labelled by the socialtext team,
across **{n_sectors} sectors**, for training and testing models that route what customers
write to brands. Corpus SHA-256 (as recorded in model manifests): `{sha}`.

## How it was written and checked

- Every message was written individually by a team writer (a person or an assistant
  working under the brief in [`WRITERS_BRIEF.md`](WRITERS_BRIEF.md)), each writer owning
  one or two sectors and its own files (`<sector>/part-NN.jsonl`), with its own situations,
  invented brands, places, amounts and dates. A last batch (`<sector>/noisy-*.jsonl`,
  brief in [`NOISY_BRIEF.md`](NOISY_BRIEF.md)) added short, accent-less, slangy,
  emoji-heavy messages in every sector after this datasheet showed the first ones were
  too clean. No template, slot-filling or generator produced text; scripts only
  assembled and checked files. Nothing was scraped, imported
  or copied, and nothing was taken from the evaluation sets in `../shared/eval/`, which
  writers never opened.
- Labels follow [`GUIDELINES.md`](GUIDELINES.md) (our reading of the shared annotation
  guide). Each writer re-read its batch as a reviewer (relabelling what the boundary rules
  decide otherwise, rewriting look-alike messages) before it was merged; the merge removed
  exact duplicates across sectors.
- A second, independent annotator relabelled a random 10% of the first sixteen sectors
  without seeing the labels (agreement below); the disagreements were reviewed and the
  guideline clarified where it was unclear.
- `tests/test_corpus.py` fails on invalid JSON or fields, unknown labels, duplicate ids,
  exact duplicate texts, near-duplicates (character 5-gram Jaccard ≥ 0.8) above 1% of
  messages, a cell or sector under its minimum, and thread references that point nowhere.

## Format

One JSON object per line: `id` (stable, unique), `text`, `department`
(`marketing` | `sales` | `after_sales` | `other`), `sentiment` (`negative` | `neutral` |
`positive`), `sector`, `platform`, `author` (`customer` | `brand` | `other`), `variety`
(`fr-FR`, `fr-BE`, `fr-CH`, `fr-CA`, `fr-AF`), and for thread messages `thread` and
`reply_to` (the id of the message answered; the root has none). Folders whose name starts
with `_` hold side data (the second annotation pass) and are not part of the corpus.

## Labels

- **department** — who should answer: `marketing` (the brand and its communication:
  campaigns, image, contests, launches as news, brand-level praise or hate), `sales`
  (before a purchase: prices, offers, availability, where/how to buy, quotes, eligibility),
  `after_sales` (after a purchase: delivery, defects, repairs, refunds, billing on a running
  contract, cancellation, support quality), `other` (off-topic, spam and scams, HR, press,
  investors). Root cause beats wording; before purchase is sales, after is after-sales; a
  reaction to what the brand says is marketing.
- **sentiment** — what the author feels about the company: `negative` (complaints, even
  flat failure reports; irony and sarcasm by meaning), `neutral` (plain questions and
  information, balanced mixes), `positive` (praise, thanks, enthusiasm).

## Department × sentiment

{dep_sent}

Every cell is realistic and filled (minimum 250 each). Real traffic is far more skewed
towards after-sales complaints and neutral sales questions; the corpus is deliberately
balanced so that every cell is learnt.

## Sectors

{sectors}

## Platforms

{platforms}

## Authors

{authors}

## Varieties of French

{varieties}

## Length (words, split on whitespace)

{lengths}

## Style features (share of messages with at least one)

{style}

## Threads

{threads}

## Splits

Deterministic, by a stable SHA-256 hash of the thread id (or the message id outside
threads), so whole threads stay inside one split. The test split is never used to
choose a model.

{splits}

## Agreement (second, blind pass on a random 10%)

{agreement}

## Known gaps and biases

- Written by a small team, not collected: the messages are plausible but cleaner and
  more on-topic than a real firehose, with fewer spelling errors per message, less
  spam, almost no messages in other languages, and invented brands. The style table
  above shows the gap: text emoticons, elongations, hashtags and missing accents are
  rarer than on real social media; the tokenizer and lexicon handle them, but the
  models saw few examples.
- Balanced by construction (see above): class priors differ from production traffic,
  so calibrated probabilities describe this balance, not a real brand's mix.
- Labels are single-annotator for 90% of the corpus; the hardest boundaries (a
  complaint under an ad, contest prizes never received, price rises on running
  contracts) carry most of the disagreement.
- Regional varieties make up about a fifth of the messages, each variety a few
  hundred; African and Québécois slang is covered by examples, not exhaustively.
- Thread replies are labelled on their own; context-dependent replies ("+1", "pareil")
  take the label of what they support, which a message-level model cannot see.

## Licence

Written by the socialtext team; released under the project's licence (MIT).
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="fail if README.md is not up to date")
    args = parser.parse_args()
    text = build()
    target = HERE / "README.md"
    if args.check:
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            print("corpora/README.md is stale: run python corpora/datasheet.py", file=sys.stderr)
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
