"""The socialtext command line: files in, files out, bad rows reported, nothing half-written."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from socialtext.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "messages.jsonl"


def test_analyze_jsonl_to_csv_with_a_charter(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    charter = ROOT / "socialtext" / "routing" / "charte_exemple.toml"
    assert main(["analyze", str(EXAMPLES), "-o", str(out), "--charter", str(charter), "--no-progress"]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 15
    assert rows[0]["id"] == "m01" and rows[0]["department"] == "after_sales" and rows[0]["team"] == "sav"
    assert {"sentiment", "sentiment_score", "priority", "due", "rules"} <= set(rows[0])
    assert rows[3]["priority"] == "P1"


def test_analyze_stdin_to_stdout_streams_json_lines(capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    lines = "".join(json.dumps({"text": t, "n": i}) + "\n" for i, t in enumerate(["colis jamais reçu", "merci !"]))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
    assert main(["analyze", "-", "--no-progress"]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["n"] for r in out] == [0, 1] and out[0]["department"] == "after_sales"


def test_bad_rows_are_reported_with_line_numbers_and_skipped(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(
        b'{"text": "colis jamais re\xc3\xa7u"}\n'
        b"{not json\n"
        b'{"message": "wrong field"}\n'
        b'{"text": 42}\n'
        b'{"text": "caf\xe9 latin-1"}\n'
        b'{"text": "merci beaucoup"}\n'
    )
    out = tmp_path / "out.jsonl"
    assert main(["analyze", str(src), "-o", str(out), "--no-progress"]) == 1
    err = capsys.readouterr().err
    for line in ("line 2: invalid JSON", "line 3: no field 'text'", "line 4: field 'text' must be text",
                 "line 5: not valid UTF-8", "4 bad row(s) skipped"):
        assert line in err
    assert [json.loads(x)["text"] for x in out.read_text(encoding="utf-8").splitlines()] == [
        "colis jamais reçu", "merci beaucoup"]


def test_on_error_fail_stops_and_leaves_no_output(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "ok"}\n{broken\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["analyze", str(src), "-o", str(out), "--on-error", "fail", "--no-progress"]) == 2
    assert not out.exists()
    assert not list(tmp_path.glob(".out.jsonl*"))


def test_bad_csv_quoting_is_reported_and_the_rest_processed(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.csv"
    src.write_text('id,text\n1,colis jamais reçu\n2,"bad "quote" here\n3,merci\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["analyze", str(src), "-o", str(out), "--no-progress"]) == 1
    assert "bad CSV" in capsys.readouterr().err
    ids = [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()]
    assert ids[0] == "1"


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert main(["analyze", str(tmp_path / "missing.jsonl")]) == 2
    assert main(["analyze", str(EXAMPLES), "-o", str(tmp_path / "out.xlsx")]) == 2
    bad = tmp_path / "charte.toml"
    bad.write_text("[teams.x]\nname = 'X'\n", encoding="utf-8")
    assert main(["analyze", str(EXAMPLES), "--charter", str(bad), "-o", str(tmp_path / "o.jsonl")]) == 2


def test_inline_messages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "-m", "ma box marche plus 😡", "-m", "super pub 😍", "--no-progress"]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["department"] for r in out] == ["after_sales", "marketing"]


def test_every_command_has_help_with_an_example() -> None:
    for command in ("analyze", "tokenize", "train", "evaluate"):
        result = subprocess.run([sys.executable, "-m", "socialtext.cli", command, "--help"],
                                capture_output=True, text=True, check=True)
        assert "example" in result.stdout


def test_evaluate_prints_metrics_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "labelled.jsonl"
    src.write_text("".join(json.dumps({"text": t, "sentiment": s}) + "\n" for t, s in
                           [("merci, top !", "positive"), ("colis jamais reçu 😡", "negative"),
                            ("vous livrez en Suisse ?", "neutral")]), encoding="utf-8")
    assert main(["evaluate", str(src), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"sentiment"} and report["sentiment"]["n"] == 3


def test_killing_a_run_leaves_no_partial_output(tmp_path: Path) -> None:
    src = tmp_path / "big.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for i in range(200_000):
            fh.write(json.dumps({"id": i, "text": f"colis numéro {i} jamais reçu, remboursez-moi"}) + "\n")
    out = tmp_path / "out.jsonl"
    out.write_text("previous complete output\n", encoding="utf-8")
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGKILL):
        proc = subprocess.Popen([sys.executable, "-m", "socialtext.cli", "analyze", str(src), "-o", str(out),
                                 "--no-progress"], stderr=subprocess.DEVNULL)
        deadline = time.time() + 60
        while not list(tmp_path.glob(".out.jsonl.*")) and time.time() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)
        os.kill(proc.pid, sig)
        proc.wait(timeout=60)
        assert out.read_text(encoding="utf-8") == "previous complete output\n"
        if sig != signal.SIGKILL:
            assert not list(tmp_path.glob(".out.jsonl.*")), "temporary file left behind"
