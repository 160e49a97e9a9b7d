"""A trained linear text model reduced to numpy arrays: what inference needs, nothing more.

Training uses scikit-learn (:mod:`socialtext.models`); inference only needs weights,
biases and a temperature, so a shipped model loads without importing scikit-learn
and without unpickling anything (``np.load(..., allow_pickle=False)``).
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from socialtext.features import FeatureConfig


@dataclass(frozen=True, eq=False)
class LinearModel:
    """Weights ``(n_features, n_classes)``, bias, softmax temperature and the feature config."""

    classes: tuple[str, ...]
    weights: np.ndarray
    bias: np.ndarray
    temperature: float
    features: FeatureConfig

    def logits(self, data: np.ndarray, indices: np.ndarray, indptr: np.ndarray) -> np.ndarray:
        """Raw class scores for CSR rows, computed with numpy gathers (no scipy)."""
        return sparse_dot(data, indices, indptr, self.weights) + self.bias

    def proba(self, data: np.ndarray, indices: np.ndarray, indptr: np.ndarray) -> np.ndarray:
        """Calibrated class probabilities (softmax of logits / temperature); rows sum to 1."""
        return self.calibrate(self.logits(data, indices, indptr))

    def calibrate(self, logits: np.ndarray) -> np.ndarray:
        """Probabilities from logits: softmax at the fitted temperature."""
        return softmax(logits / self.temperature)

    # -- files -------------------------------------------------------------------
    def save(self, directory: Path, name: str) -> list[Path]:
        """Write ``name.npz`` (non-zero weight rows only) and ``name.json``; return the paths."""
        nonzero = np.flatnonzero(np.any(self.weights != 0, axis=1))
        arrays = directory / f"{name}.npz"
        write_npz(
            arrays,
            {
                "rows": nonzero.astype(np.int32),
                "values": self.weights[nonzero].astype(np.float32),
                "bias": self.bias.astype(np.float64),
            },
        )
        config = directory / f"{name}.json"
        config.write_text(
            json.dumps(
                {
                    "classes": list(self.classes),
                    "temperature": self.temperature,
                    "n_features": int(self.weights.shape[0]),
                    "features": self.features.to_dict(),
                },
                indent=2,
                ensure_ascii=False,
            )
            + "\n",
            encoding="utf-8",
        )
        return [arrays, config]

    @classmethod
    def load(cls, directory: Path, name: str) -> LinearModel:
        """Read a model written by :meth:`save` (never unpickles)."""
        meta: dict[str, Any] = json.loads((directory / f"{name}.json").read_text(encoding="utf-8"))
        with np.load(directory / f"{name}.npz", allow_pickle=False) as arrays:
            rows, values, bias = arrays["rows"], arrays["values"], arrays["bias"]
        classes = tuple(meta["classes"])
        weights = np.zeros((int(meta["n_features"]), len(classes)), dtype=np.float32)
        weights[rows] = values
        return cls(classes, weights, bias, float(meta["temperature"]), FeatureConfig.from_dict(meta["features"]))


def sparse_dot(data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """CSR rows times a dense ``(n_features, k)`` matrix, with numpy only."""
    n_rows = len(indptr) - 1
    out = np.zeros((n_rows, weights.shape[1]), dtype=np.float64)
    if len(indices) == 0:
        return out
    contrib = weights[indices] * data[:, None]
    lengths = np.diff(indptr)
    nonempty = lengths > 0
    out[nonempty] = np.add.reduceat(contrib, indptr[:-1][nonempty], axis=0)
    return out


def write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Like ``np.savez_compressed`` but byte-reproducible (fixed zip timestamps)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for key, array in arrays.items():
            info = zipfile.ZipInfo(f"{key}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w") as fh:
                np.lib.format.write_array(fh, np.ascontiguousarray(array), allow_pickle=False)


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)
