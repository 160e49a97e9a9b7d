"""Analyzer and Analysis: department and sentiment of each message, in batches.

``socialtext.load()`` builds an :class:`Analyzer` from the default model shipped in
the package (or from a trained model directory); ``analyze``, ``analyze_many`` and
``pipe`` return immutable :class:`Analysis` objects. Inference uses numpy only.
"""

from __future__ import annotations

import dataclasses
import math
import unicodedata
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sized
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np

from socialtext.errors import ModelError, type_error
from socialtext.features import FeatureExtractor
from socialtext.lang.detect import is_clearly_not_french
from socialtext.linear import LinearModel, sparse_dot
from socialtext.tokenizer import Token, Tokenizer

__all__ = ["Analysis", "Analyzer", "load"]

DEFAULT_BATCH_SIZE = 256


@dataclass(frozen=True, repr=False)
class Analysis:
    """What socialtext read in one message.

    ``department_scores`` and ``sentiment_scores`` are calibrated probabilities that
    sum to 1; ``sentiment_score`` is ``P(positive) - P(negative)`` in ``[-1, 1]``.
    ``flags`` name anything a reader should know (``uncertain_department``,
    ``uncertain_sentiment``, ``empty``, ``truncated``).
    """

    text: str
    department: str
    department_scores: Mapping[str, float]
    sentiment: str
    sentiment_score: float
    sentiment_scores: Mapping[str, float]
    flags: tuple[str, ...] = ()
    _analyzer: Analyzer | None = field(default=None, compare=False)

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        """The tokens of the analysed text (computed on first access: most callers never need them)."""
        from socialtext.tokenizer import default_tokenizer

        tokenizer = self._analyzer.tokenizer if self._analyzer is not None else default_tokenizer()
        limit = self._analyzer.max_chars if self._analyzer is not None else len(self.text)
        return tuple(tokenizer(self.text[:limit]))

    def __repr__(self) -> str:
        text = self.text if len(self.text) <= 40 else self.text[:39] + "…"
        flags = f", flags={list(self.flags)}" if self.flags else ""
        return (
            f"Analysis({self.department} {self.department_scores.get(self.department, 0):.2f}, "
            f"{self.sentiment} {self.sentiment_score:+.2f}{flags}, text={text!r})"
        )

    def to_dict(self, *, tokens: bool = False) -> dict[str, Any]:
        """Plain JSON-ready data (tokens only when asked: they are the bulk)."""
        out: dict[str, Any] = {
            "text": self.text,
            "department": self.department,
            "department_scores": dict(self.department_scores),
            "sentiment": self.sentiment,
            "sentiment_score": self.sentiment_score,
            "sentiment_scores": dict(self.sentiment_scores),
            "flags": list(self.flags),
        }
        if tokens:
            out["tokens"] = [t._asdict() for t in self.tokens]
        return out

    @classmethod
    def _build(cls, text: str, department: str, department_scores: Mapping[str, float], sentiment: str,
               sentiment_score: float, sentiment_scores: Mapping[str, float], flags: tuple[str, ...],
               analyzer: Analyzer | None) -> Analysis:
        """Fast constructor for the batch hot path (skips the frozen dataclass' per-field checks)."""
        obj = object.__new__(cls)
        obj.__dict__.update(text=text, department=department, department_scores=department_scores,
                            sentiment=sentiment, sentiment_score=sentiment_score,
                            sentiment_scores=sentiment_scores, flags=flags, _analyzer=analyzer)
        return obj

    def _repr_html_(self) -> str:
        from socialtext.display import analysis_html

        return analysis_html(self)

    def explain(self, k: int = 5) -> dict[str, list[tuple[str, float]]]:
        """The ``k`` words and cues that pushed most towards each decision.

        Returns ``{"department": [(feature, weight), ...], "sentiment": [...]}``; a
        weight is the feature's contribution to the chosen class' logit, minus its
        mean contribution to the other classes.
        """
        if self._analyzer is None:
            raise ValueError("this Analysis was built without an analyzer; nothing to explain with")
        return self._analyzer.explain(self, k)


class Analyzer:
    """Department and sentiment models with their tokenizer; build once, analyse many.

    Parameters
    ----------
    department_model, sentiment_model : numpy models (see :class:`socialtext.linear.LinearModel`).
    min_confidence : a top probability below this adds ``uncertain_department`` /
        ``uncertain_sentiment`` to the flags.
    max_chars : longer texts are analysed on their first ``max_chars`` characters
        (flag ``truncated``); the Analysis keeps the full text.
    detect_language : flag messages that are clearly not French (``not_french``): the
        models would route them with confidence but without meaning.
    info : the model's manifest, for reference.
    """

    def __init__(
        self,
        department_model: LinearModel,
        sentiment_model: LinearModel,
        *,
        min_confidence: float = 0.5,
        max_chars: int = 5000,
        detect_language: bool = True,
        info: Mapping[str, Any] | None = None,
    ) -> None:
        if not 0.0 <= min_confidence <= 1.0:
            raise ValueError(f"min_confidence must be within [0, 1], got {min_confidence!r}")
        if max_chars < 1:
            raise ValueError(f"max_chars must be a positive integer, got {max_chars!r}")
        shared = sentiment_model.features == department_model.features
        # Both models read the same columns: keep their weights side by side in one
        # matrix (one gather per batch) and let each model view its own columns.
        self._joint_weights: np.ndarray | None = None
        if shared:
            joint = np.ascontiguousarray(np.hstack([department_model.weights, sentiment_model.weights]))
            k = len(department_model.classes)
            department_model = dataclasses.replace(department_model, weights=joint[:, :k])
            sentiment_model = dataclasses.replace(sentiment_model, weights=joint[:, k:])
            self._joint_weights = joint
        self.department_model = department_model
        self.sentiment_model = sentiment_model
        self.min_confidence = min_confidence
        self.max_chars = max_chars
        self.detect_language = detect_language
        self.info = dict(info or {})
        self.path: Path | None = None
        self.tokenizer = Tokenizer()
        self._department_features = FeatureExtractor(department_model.features)
        self._sentiment_features = self._department_features if shared else FeatureExtractor(sentiment_model.features)

    def __repr__(self) -> str:
        return (
            f"Analyzer(departments={list(self.department_model.classes)}, "
            f"sentiments={list(self.sentiment_model.classes)})"
        )

    @classmethod
    def from_directory(cls, path: str | Path, **kwargs: Any) -> Analyzer:
        """Load a model directory written by ``socialtext train`` (hashes checked first)."""
        from socialtext.training import read_manifest

        directory = Path(path)
        manifest = read_manifest(directory)
        tasks = manifest.get("tasks", [])
        if "department" not in tasks or "sentiment" not in tasks:
            raise ModelError(f"{directory}: an Analyzer needs the tasks 'department' and 'sentiment', got {tasks}")
        models = {task: LinearModel.load(directory, task) for task in ("department", "sentiment")}
        for task, model in models.items():
            if list(model.classes) != list(manifest["labels"][task]):
                raise ModelError(f"{directory}: labels of {task} differ from the manifest's; retrain the model")
        analyzer = cls(models["department"], models["sentiment"], info=manifest, **kwargs)
        analyzer.path = directory.resolve()
        return analyzer

    # -- analysis ------------------------------------------------------------------
    def analyze(self, text: str, *, redact: bool = False) -> Analysis:
        """Analyse one message; ``redact=True`` masks personal data first (see :func:`socialtext.redact`)."""
        if not isinstance(text, str):
            raise type_error("text", text)
        if redact:
            from socialtext.privacy import redact as mask

            text = mask(text)
        return self._batch([text])[0]

    def analyze_many(
        self,
        texts: Iterable[str],
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        n_jobs: int = 1,
        progress: bool = False,
        errors: str = "raise",
        redact: bool = False,
    ) -> list[Analysis]:
        """Analyse many messages, batched internally; results in input order.

        ``errors`` says what a non-text item does: ``"raise"`` a TypeError naming its
        index and type, ``"skip"`` it (fewer results), or ``"flag"`` it (an ``other`` /
        ``neutral`` result with the flag ``invalid_input`` and an empty text, so results
        stay aligned with the input). ``redact=True`` masks personal data first.

        ``n_jobs > 1`` spreads batches over joblib worker processes, each loading the
        model once (the model must come from a directory, as ``load()`` gives).
        ``progress=True`` shows a tqdm bar (it renders in Jupyter too).
        """
        return list(self.pipe(texts, batch_size=batch_size, n_jobs=n_jobs, progress=progress, errors=errors,
                              redact=redact))

    def pipe(
        self,
        texts: Iterable[str],
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        n_jobs: int = 1,
        progress: bool = False,
        errors: str = "raise",
        redact: bool = False,
    ) -> Iterator[Analysis]:
        """Analyse a stream lazily, ``batch_size`` messages at a time; memory stays bounded
        (with ``n_jobs > 1``, at most ``2 * n_jobs`` batches are in flight)."""
        if isinstance(texts, str):
            raise TypeError("texts must be an iterable of str, got a single str; use analyze(text)")
        if batch_size < 1:
            raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
        if n_jobs == 0 or n_jobs < -1:
            raise ValueError(f"n_jobs must be a positive integer or -1 (all cores), got {n_jobs!r}")
        if errors not in ("raise", "skip", "flag"):
            raise ValueError(f"errors must be 'raise', 'skip' or 'flag', got {errors!r}")
        batches = _batches(texts, batch_size, errors, redact)
        bar = _progress_bar(texts) if progress else None
        try:
            if n_jobs == 1:
                for batch in batches:
                    results = self._batch(batch)
                    if bar is not None:
                        bar.update(len(batch))
                    yield from results
                return
            if self.path is None:
                raise ValueError("n_jobs > 1 needs an analyzer loaded from a model directory (socialtext.load())")
            from joblib import Parallel, delayed

            settings = {"min_confidence": self.min_confidence, "max_chars": self.max_chars,
                        "detect_language": self.detect_language}
            parallel = Parallel(n_jobs=n_jobs, return_as="generator", pre_dispatch="2*n_jobs")
            pending: deque[list[str]] = deque()

            def tasks() -> Iterator[Any]:
                for batch in batches:
                    pending.append(batch)
                    yield delayed(_worker_scores)(str(self.path), settings, batch)

            # Results come back in submission order: each one belongs to the oldest pending batch.
            for dep, sent in parallel(tasks()):
                batch = pending.popleft()
                if bar is not None:
                    bar.update(len(batch))
                yield from self._results(batch, dep, sent)
        finally:
            if bar is not None:
                bar.close()

    def _scores(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Calibrated department and sentiment probabilities of a batch."""
        clipped = [t if len(t) <= self.max_chars else t[: self.max_chars] for t in texts]
        dep_arrays = self._department_features.transform_texts(clipped, self.tokenizer)
        if self._joint_weights is not None:
            logits = sparse_dot(*dep_arrays, self._joint_weights)
            k = len(self.department_model.classes)
            dep = self.department_model.calibrate(logits[:, :k] + self.department_model.bias)
            sent = self.sentiment_model.calibrate(logits[:, k:] + self.sentiment_model.bias)
            return dep, sent
        sent_arrays = self._sentiment_features.transform_texts(clipped, self.tokenizer)
        return self.department_model.proba(*dep_arrays), self.sentiment_model.proba(*sent_arrays)

    def _batch(self, texts: list[str]) -> list[Analysis]:
        return self._results(texts, *self._scores(texts))

    def _results(self, texts: list[str], dep: np.ndarray, sent: np.ndarray) -> list[Analysis]:
        dep_classes = self.department_model.classes
        sent_classes = self.sentiment_model.classes
        pos = sent_classes.index("positive") if "positive" in sent_classes else None
        neg = sent_classes.index("negative") if "negative" in sent_classes else None
        dep_best = dep.argmax(axis=1).tolist()
        sent_best = sent.argmax(axis=1).tolist()
        dep_rows, sent_rows = dep.tolist(), sent.tolist()
        threshold = self.min_confidence
        out = []
        for i, text in enumerate(texts):
            flags: list[str] = []
            dep_row, sent_row, d, s = dep_rows[i], sent_rows[i], dep_best[i], sent_best[i]
            if text is _INVALID or _is_blank(text):
                flags.append("invalid_input" if text is _INVALID else "empty")
                dep_row, d = _one_hot(dep_classes, "other", dep_row, d)
                sent_row, s = _one_hot(sent_classes, "neutral", sent_row, s)
            elif self.detect_language and is_clearly_not_french(text[: self.max_chars]):
                flags.append("not_french")
            if len(text) > self.max_chars:
                flags.append("truncated")
            if dep_row[d] < threshold:
                flags.append("uncertain_department")
            if sent_row[s] < threshold:
                flags.append("uncertain_sentiment")
            score = (sent_row[pos] if pos is not None else 0.0) - (sent_row[neg] if neg is not None else 0.0)
            out.append(
                Analysis._build(
                    str(text), dep_classes[d], MappingProxyType(dict(zip(dep_classes, dep_row, strict=True))),
                    sent_classes[s], max(-1.0, min(1.0, score)),
                    MappingProxyType(dict(zip(sent_classes, sent_row, strict=True))), tuple(flags), self,
                )
            )
        return out

    def explain(self, analysis: Analysis, k: int = 5) -> dict[str, list[tuple[str, float]]]:
        """See :meth:`Analysis.explain`."""
        tokens = list(analysis.tokens)
        out: dict[str, list[tuple[str, float]]] = {}
        for task, model, extractor, label in (
            ("department", self.department_model, self._department_features, analysis.department),
            ("sentiment", self.sentiment_model, self._sentiment_features, analysis.sentiment),
        ):
            c = model.classes.index(label)
            others = [j for j in range(len(model.classes)) if j != c]
            totals: dict[str, float] = {}
            for name, column, value, _ in extractor.explain(tokens):
                w = model.weights[column]
                contribution = value * (float(w[c]) - float(np.mean(w[others])) if others else float(w[c]))
                totals[name] = totals.get(name, 0.0) + contribution / model.temperature
            ranked = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
            out[task] = [(name, round(v, 4)) for name, v in ranked[:k] if v > 0 and math.isfinite(v)]
        return out


def _batches(texts: Iterable[str], size: int, errors: str = "raise", redact: bool = False) -> Iterator[list[str]]:
    if redact:
        from socialtext.privacy import redact as mask
    batch: list[str] = []
    for index, text in enumerate(texts):
        if not isinstance(text, str):
            if errors == "raise":
                raise type_error("texts", text, index=index)
            if errors == "skip":
                continue
            text = _INVALID  # flagged in _results
        elif redact:
            text = mask(text)
        batch.append(text)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _progress_bar(texts: Iterable[str]) -> Any:
    from tqdm.auto import tqdm

    total = len(texts) if isinstance(texts, Sized) else None
    return tqdm(total=total, unit="msg", desc="socialtext")


# One analyzer per worker process and model directory, loaded on first use: batches
# carry texts only, never the model.
_WORKER_CACHE: dict[tuple[str, tuple[tuple[str, Any], ...]], Analyzer] = {}


def worker_analyzer(path: str | None = None, **settings: Any) -> Analyzer:
    """The analyzer of this process for a model directory (default model if ``None``), loaded once.

    For worker processes (joblib, Dask, Spark): tasks carry a path, never a model.
    """
    key = (str(path), tuple(sorted(settings.items())))
    analyzer = _WORKER_CACHE.get(key)
    if analyzer is None:
        analyzer = _WORKER_CACHE[key] = load(path, **settings)
    return analyzer


def _worker_scores(path: str, settings: dict[str, Any], texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    return worker_analyzer(path, **settings)._scores(texts)


class _InvalidInput(str):
    """The empty text standing for a non-text item under ``errors="flag"``."""


_INVALID = _InvalidInput("")


def _is_blank(text: str) -> bool:
    """No visible character: whitespace, zero-width and other format characters only."""
    return all(ch.isspace() or unicodedata.category(ch) in ("Cf", "Cc") for ch in text)


def _one_hot(classes: tuple[str, ...], label: str, fallback: list[float], best: int) -> tuple[list[float], int]:
    """Probability 1 on ``label`` (when the model has it), for empty and invalid inputs."""
    if label not in classes:
        return fallback, best
    index = classes.index(label)
    return [1.0 if j == index else 0.0 for j in range(len(classes))], index


def default_model_path() -> Path:
    """Where the shipped default model lives: inside the installed package, or ``models/default`` in a checkout."""
    packaged = Path(__file__).resolve().parent / "_default_model"
    if (packaged / "manifest.json").is_file():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "models" / "default"
    if (checkout / "manifest.json").is_file():
        return checkout
    raise ModelError(
        "the default model is missing from this installation (expected socialtext/_default_model/); "
        "reinstall socialtext, or train one with `socialtext train --out DIR` and load it with load(DIR)"
    )


_DEFAULT: dict[str, Analyzer] = {}


def load(path: str | Path | None = None, **kwargs: Any) -> Analyzer:
    """Load an :class:`Analyzer`: the shipped default model, or a trained model directory.

    Examples
    --------
    >>> analyzer = socialtext.load()
    >>> analyzer.analyze("ma box marche plus depuis 3 jours 😡").department
    'after_sales'
    """
    return Analyzer.from_directory(default_model_path() if path is None else path, **kwargs)


def default_analyzer() -> Analyzer:
    """The process-wide analyzer behind :func:`analyze` (loaded once, on first use)."""
    if "default" not in _DEFAULT:
        _DEFAULT["default"] = load()
    return _DEFAULT["default"]


def analyze(text: str, *, redact: bool = False) -> Analysis:
    """Analyse one message with the default model.

    Examples
    --------
    >>> a = socialtext.analyze("@MonOpé ma box marche plus depuis 3 jours 😡 #panne")
    >>> a.department, a.sentiment
    ('after_sales', 'negative')
    """
    return default_analyzer().analyze(text, redact=redact)


def analyze_many(
    texts: Iterable[str], *, batch_size: int = DEFAULT_BATCH_SIZE, n_jobs: int = 1, progress: bool = False,
    errors: str = "raise", redact: bool = False,
) -> list[Analysis]:
    """Analyse many messages with the default model, batched internally (see :meth:`Analyzer.analyze_many`)."""
    return default_analyzer().analyze_many(texts, batch_size=batch_size, n_jobs=n_jobs, progress=progress,
                                           errors=errors, redact=redact)
