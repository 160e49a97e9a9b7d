"""The annotated corpus: read, validate, fingerprint and split JSON Lines files.

A corpus is a file or a folder of ``*.jsonl`` files (searched recursively; folders
whose name starts with ``_`` hold side data and are skipped), one message per line
(see ``corpora/README.md``). The split is deterministic: a stable hash of the thread
id (or of the message id outside threads) sends whole threads to train (80%), dev
(10%) or test (10%).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from socialtext.errors import CorpusError

DEPARTMENTS = ("after_sales", "marketing", "other", "sales")
SENTIMENTS = ("negative", "neutral", "positive")
AUTHORS = ("brand", "customer", "other")
REQUIRED = ("id", "text", "department", "sentiment", "sector", "platform", "author")
SPLITS = ("train", "dev", "test")


@dataclass(frozen=True)
class Message:
    """One corpus line, with the file and line it came from."""

    id: str
    text: str
    labels: dict[str, str]
    fields: dict[str, Any]
    path: str
    line: int

    @property
    def thread(self) -> str | None:
        value = self.fields.get("thread")
        return value if isinstance(value, str) and value else None

    @property
    def split(self) -> str:
        return split_of(self.thread or self.id)


def split_of(key: str) -> str:
    """The split of a thread or message id: stable across runs, machines and Python versions."""
    bucket = int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big") % 100
    return "train" if bucket < 80 else "dev" if bucket < 90 else "test"


def corpus_files(path: str | Path) -> list[Path]:
    """The ``*.jsonl`` files of a corpus file or folder, in a stable order."""
    root = Path(path)
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise CorpusError(f"corpus {str(root)!r} does not exist (expected a .jsonl file or a folder of them)")
    files = sorted(
        p for p in root.rglob("*.jsonl")
        if p.is_file() and not any(part.startswith("_") for part in p.relative_to(root).parts)
    )
    if not files:
        raise CorpusError(f"corpus folder {str(root)!r} holds no .jsonl file")
    return files


def fingerprint(path: str | Path) -> str:
    """SHA-256 of the corpus: every file's relative path and bytes, in order."""
    root = Path(path)
    digest = hashlib.sha256()
    for file in corpus_files(root):
        rel = file.relative_to(root).as_posix() if root.is_dir() else file.name
        digest.update(rel.encode("utf-8") + b"\0")
        digest.update(file.read_bytes())
    return digest.hexdigest()


def read(path: str | Path, *, strict: bool = True, label_fields: Iterable[str] = ("department", "sentiment"),
         allowed: dict[str, Iterable[str]] | None = None) -> Iterator[Message]:
    """Yield the messages of a corpus, checking each line.

    ``strict`` requires every field of the annotation scheme and the standard label
    values; with ``strict=False`` only ``text`` is required and labels may be any
    string (a company's own departments), or missing.
    """
    allowed_values = {k: frozenset(v) for k, v in (allowed or {}).items()}
    if strict:
        allowed_values.setdefault("department", frozenset(DEPARTMENTS))
        allowed_values.setdefault("sentiment", frozenset(SENTIMENTS))
        allowed_values.setdefault("author", frozenset(AUTHORS))
    for file in corpus_files(path):
        with file.open(encoding="utf-8") as fh:
            for number, raw in enumerate(fh, start=1):
                if not raw.strip():
                    continue
                where = f"{file}:{number}"
                try:
                    row = json.loads(raw)
                except json.JSONDecodeError as exc:
                    raise CorpusError(f"{where}: invalid JSON ({exc.msg})") from None
                if not isinstance(row, dict):
                    raise CorpusError(f"{where}: expected a JSON object, got {type(row).__name__}")
                required = REQUIRED if strict else ("text",)
                missing = [f for f in required if f not in row]
                if missing:
                    raise CorpusError(f"{where}: missing field(s) {', '.join(missing)}")
                text = row["text"]
                if not isinstance(text, str):
                    raise CorpusError(f"{where}: field 'text' must be a string, got {type(text).__name__}")
                for field, values in allowed_values.items():
                    if field in row and row[field] not in values:
                        raise CorpusError(
                            f"{where}: unknown {field} {row[field]!r}; expected one of: {', '.join(sorted(values))}"
                        )
                labels = {f: str(row[f]) for f in label_fields if row.get(f) is not None}
                yield Message(str(row.get("id", where)), text, labels, row, str(file), number)
