"""Train, save and verify model directories.

``socialtext train --corpus corpora/ --out models/default`` (or :func:`train`) fits the
department and sentiment classifiers on the corpus' train and dev splits, measures
them on the test split, and writes a model directory atomically:

- ``department.npz`` / ``department.json``, ``sentiment.npz`` / ``sentiment.json``:
  weights (numpy arrays, never pickles) and their class labels and feature config;
- ``manifest.json``: format version, labels, library versions, corpus SHA-256,
  metrics, and the SHA-256 of every file. Loading refuses a directory whose files
  do not match it.

Training is deterministic: the same corpus gives byte-identical files.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from socialtext import __version__
from socialtext.errors import CorpusError, ModelError
from socialtext.evaluation import classification_report

FORMAT_VERSION = 1
TASKS = ("department", "sentiment")
MANIFEST = "manifest.json"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def library_versions() -> dict[str, str]:
    import sklearn
    import spacy

    return {
        "socialtext": __version__,
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scikit-learn": sklearn.__version__,
        "spacy": spacy.__version__,
    }


def atomic_directory(out: Path) -> tuple[Path, Any]:
    """A temporary sibling of ``out`` and a function that moves it into place."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    tmp.chmod(0o755)

    def commit() -> None:
        backup = None
        if out.exists():
            backup = out.with_name(f".{out.name}.old-{os.getpid()}")
            os.replace(out, backup)
        os.replace(tmp, out)
        if backup is not None:
            shutil.rmtree(backup, ignore_errors=True)

    return tmp, commit


def train(
    corpus: str | Path = "corpora",
    out: str | Path = "models/default",
    *,
    tasks: Iterable[str] = TASKS,
    fit_on: Iterable[str] = ("train", "dev"),
    evaluate_on: str = "test",
    strict: bool = True,
    params: dict[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Train the classifiers on a corpus and write a model directory; return the manifest.

    ``tasks`` are the label fields to learn (any field of the corpus lines, so a
    company can train its own departments with ``strict=False``). ``params`` maps a
    task to estimator parameters.
    """
    from socialtext import corpus as corpus_mod
    from socialtext.models import DepartmentClassifier, SentimentClassifier, TextClassifier

    tasks = tuple(tasks)
    fit_on = tuple(fit_on)
    messages = list(corpus_mod.read(corpus, strict=strict, label_fields=tasks))
    if not messages:
        raise CorpusError(f"corpus {str(corpus)!r} holds no message")
    estimators = {"department": DepartmentClassifier, "sentiment": SentimentClassifier}
    out = Path(out)
    tmp, commit = atomic_directory(out)
    try:
        files: dict[str, str] = {}
        metrics: dict[str, Any] = {}
        labels: dict[str, list[str]] = {}
        for task in tasks:
            fit = [m for m in messages if m.split in fit_on and task in m.labels]
            held = [m for m in messages if m.split == evaluate_on and task in m.labels]
            if not fit:
                raise CorpusError(f"no message of the corpus has the label field {task!r}")
            estimator = estimators.get(task, TextClassifier)(**(params or {}).get(task, {}))
            estimator.fit([m.text for m in fit], [m.labels[task] for m in fit])
            model = estimator.to_linear_model()
            labels[task] = list(model.classes)
            for path in model.save(tmp, task):
                files[path.name] = ""
            if held:
                predicted = estimator.predict([m.text for m in held])
                metrics[task] = {evaluate_on: classification_report([m.labels[task] for m in held],
                                                                     list(predicted), labels[task])}
        for name in sorted(files):
            files[name] = sha256_file(tmp / name)
        manifest = {
            "format_version": FORMAT_VERSION,
            "tasks": list(tasks),
            "labels": labels,
            "library_versions": library_versions(),
            "corpus": {
                "sha256": corpus_mod.fingerprint(corpus),
                "n_messages": len(messages),
                "fit_on": list(fit_on),
                "evaluate_on": evaluate_on,
                "splits": {s: sum(m.split == s for m in messages) for s in corpus_mod.SPLITS},
            },
            "params": {task: (params or {}).get(task, {}) for task in tasks},
            "metrics": metrics,
            "files": files,
        }
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        commit()
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return manifest


def read_manifest(directory: Path) -> dict[str, Any]:
    """Read and verify a model directory's manifest and file hashes; raise ModelError on any mismatch."""
    path = directory / MANIFEST
    if not path.is_file():
        raise ModelError(f"{directory}: not a socialtext model directory (no {MANIFEST}); "
                         f"train one with `socialtext train --out {directory}`")
    try:
        manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ModelError(f"{path}: invalid JSON ({exc.msg})") from None
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise ModelError(
            f"{path}: model format {version!r} is newer than this socialtext supports ({FORMAT_VERSION}); "
            "upgrade socialtext (pip install -U socialtext) or retrain the model with this version"
        )
    for name, expected in manifest.get("files", {}).items():
        file = directory / name
        if not file.is_file():
            raise ModelError(f"{directory}: file {name} listed in the manifest is missing; retrain the model")
        if sha256_file(file) != expected:
            raise ModelError(
                f"{file}: SHA-256 does not match the manifest (file changed or tampered with); "
                "refusing to load it — restore the original or retrain the model"
            )
    for task in manifest.get("tasks", []):
        for suffix in (".npz", ".json"):
            if f"{task}{suffix}" not in manifest.get("files", {}):
                raise ModelError(f"{path}: task {task!r} has no {task}{suffix} in 'files'")
    return manifest
