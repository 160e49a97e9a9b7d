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
        n_rows = len(indptr) - 1
        rows = np.repeat(np.arange(n_rows), np.diff(indptr))
        contrib = self.weights[indices] * data[:, None]
        out = np.empty((n_rows, len(self.classes)), dtype=np.float64)
        for c in range(len(self.classes)):
            out[:, c] = np.bincount(rows, weights=contrib[:, c], minlength=n_rows)
        out += self.bias
        return out

    def proba(self, data: np.ndarray, indices: np.ndarray, indptr: np.ndarray) -> np.ndarray:
        """Calibrated class probabilities (softmax of logits / temperature); rows sum to 1."""
        return softmax(self.logits(data, indices, indptr) / self.temperature)

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
