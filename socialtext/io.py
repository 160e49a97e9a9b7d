"""Reading and writing message files for the command line: JSON Lines and CSV, streamed.

Readers yield ``(line_number, row)`` or ``(line_number, BadRow)`` so that one bad line
(invalid JSON, bad CSV quoting, wrong encoding) is reported and skipped, never fatal
by accident. :class:`AtomicWriter` writes to a temporary file next to the target and
renames it only when everything went well: an interrupted run leaves either no output
file or the previous complete one.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any


@dataclass(frozen=True)
class BadRow:
    """Why a line could not be read."""

    reason: str


def detect_format(path: str) -> str:
    """``jsonl`` or ``csv`` from the file name (``-`` is JSON Lines)."""
    if path == "-":
        return "jsonl"
    suffix = Path(path).suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if suffix in (".csv", ".tsv"):
        return "csv"
    raise ValueError(f"{path}: unknown file type {suffix or '(none)'!r}; use .jsonl or .csv (or - for stdin/stdout)")


def read_rows(path: str) -> Iterator[tuple[int, dict[str, Any] | BadRow]]:
    """Stream the rows of a JSON Lines or CSV file (``-`` reads JSON Lines from stdin)."""
    fmt = detect_format(path)
    if path == "-":
        yield from _read_jsonl(sys.stdin.buffer)
        return
    with open(path, "rb") as fh:
        if fmt == "jsonl":
            yield from _read_jsonl(fh)
        else:
            yield from _read_csv(fh, delimiter="\t" if path.lower().endswith(".tsv") else ",")


def _read_jsonl(fh: IO[bytes]) -> Iterator[tuple[int, dict[str, Any] | BadRow]]:
    for number, raw in enumerate(fh, start=1):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            yield number, BadRow("not valid UTF-8 (is the file in Latin-1? convert it with iconv -f latin1 -t utf-8)")
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, BadRow(f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(row, dict):
            yield number, BadRow(f"expected a JSON object, got {type(row).__name__}")
            continue
        yield number, row


def _read_csv(fh: IO[bytes], delimiter: str) -> Iterator[tuple[int, dict[str, Any] | BadRow]]:
    text = io.TextIOWrapper(fh, encoding="utf-8", errors="surrogateescape", newline="")
    reader = csv.reader(text, delimiter=delimiter, strict=True)
    header: list[str] | None = None
    offset = 0  # lines consumed by readers abandoned after a quoting error
    while True:
        start = offset + reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, BadRow(f"bad CSV ({exc})")
            offset += reader.line_num
            reader = csv.reader(text, delimiter=delimiter, strict=True)
            continue
        if header is None:
            header = record
            continue
        if not record:
            continue
        if any(_has_surrogates(v) for v in record):
            yield start, BadRow("not valid UTF-8 (is the file in Latin-1? convert it with iconv -f latin1 -t utf-8)")
            continue
        if len(record) != len(header):
            yield start, BadRow(f"expected {len(header)} fields, got {len(record)}")
            continue
        yield start, dict(zip(header, record, strict=True))


def _has_surrogates(value: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in value)


class AtomicWriter:
    """Write rows to a temporary file and move it into place on :meth:`commit` (``-`` writes to stdout)."""

    def __init__(self, path: str, fmt: str | None = None) -> None:
        self.path = path
        self.format = fmt or detect_format(path)
        self._tmp: str | None = None
        self._csv: Any = None
        self._fields: list[str] | None = None
        if path == "-":
            self._fh: IO[str] = sys.stdout
        else:
            target = Path(path)
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, self._tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
            self._fh = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def write(self, row: dict[str, Any]) -> None:
        if self.format == "jsonl":
            self._fh.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
            return
        if self._csv is None:
            self._fields = list(row)
            self._csv = csv.DictWriter(self._fh, fieldnames=self._fields, extrasaction="ignore")
            self._csv.writeheader()
        self._csv.writerow({k: _csv_value(v) for k, v in row.items()})

    def commit(self) -> None:
        self._fh.flush()
        if self._tmp is None:
            return
        os.fsync(self._fh.fileno())
        self._fh.close()
        os.replace(self._tmp, self.path)
        self._tmp = None

    def abort(self) -> None:
        if self._tmp is None:
            return
        try:
            self._fh.close()
        finally:
            Path(self._tmp).unlink(missing_ok=True)
            self._tmp = None


def _csv_value(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return "|".join(map(str, value))
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value
