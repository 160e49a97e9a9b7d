"""The estimators follow the scikit-learn contract; model directories are verified and deterministic."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline

import socialtext
from socialtext import corpus
from socialtext.errors import ModelError
from socialtext.models import DepartmentClassifier, SentimentClassifier
from socialtext.training import read_manifest, train

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [
    "colis jamais reçu", "remboursez moi svp", "mon colis est abîmé", "livraison en retard encore",
    "prix du forfait ?", "dispo en magasin ?", "combien coûte le modèle X", "vous livrez en Belgique avant achat ?",
] * 3
LABELS = ["after_sales"] * 4 + ["sales"] * 4
LABELS = LABELS * 3


def test_parameters_are_stored_as_given_and_clone_works() -> None:
    clf = DepartmentClassifier(C=0.3, char_ngrams=(2, 4), random_state=7)
    assert clf.get_params()["C"] == 0.3 and clf.get_params()["char_ngrams"] == (2, 4)
    twin = clone(clf)
    assert twin.get_params() == clf.get_params()
    assert not hasattr(twin, "classes_")


def test_fit_predict_proba_on_any_label_set() -> None:
    clf = DepartmentClassifier(n_bits=16, cv=3).fit(TEXTS, LABELS)
    assert list(clf.classes_) == ["after_sales", "sales"]
    proba = clf.predict_proba(["colis abîmé et jamais reçu", "combien coûte le forfait ?"])
    assert proba.shape == (2, 2)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert list(clf.predict(["colis abîmé et jamais reçu", "combien coûte le forfait ?"])) == ["after_sales", "sales"]
    assert clf.temperature_ > 0


def test_usable_in_pipeline_and_grid_search() -> None:
    pipe = Pipeline([("clf", SentimentClassifier(n_bits=16, calibrate=False))])
    y = ["negative"] * 4 + ["neutral"] * 4
    grid = GridSearchCV(pipe, {"clf__C": [0.1, 1.0]}, cv=2).fit(TEXTS, y * 3)
    assert grid.best_params_["clf__C"] in (0.1, 1.0)


def test_fit_refuses_bad_input() -> None:
    with pytest.raises(TypeError, match=r"X\[1\]"):
        DepartmentClassifier().fit(["ok", 3], ["a", "b"])
    with pytest.raises(ValueError, match="at least 2 distinct labels"):
        DepartmentClassifier().fit(["a", "b"], ["x", "x"])
    with pytest.raises(ValueError, match="loss"):
        DepartmentClassifier(loss="nope").fit(TEXTS, LABELS)


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 600-message slice of the real corpus, enough to train and evaluate quickly."""
    rows = [m.fields for m in corpus.read(ROOT / "corpora")][::15]
    path = tmp_path_factory.mktemp("corpus") / "slice.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_training_is_deterministic_and_writes_a_verified_manifest(small_corpus: Path, tmp_path: Path) -> None:
    params = {"department": {"n_bits": 16}, "sentiment": {"n_bits": 16}}
    first = train(small_corpus, tmp_path / "a", params=params)
    second = train(small_corpus, tmp_path / "b", params=params)
    assert first["files"] == second["files"]
    manifest = read_manifest(tmp_path / "a")
    assert manifest["labels"]["department"] == ["after_sales", "marketing", "other", "sales"]
    assert set(manifest["library_versions"]) >= {"numpy", "scikit-learn", "spacy", "socialtext"}
    assert manifest["corpus"]["sha256"] == corpus.fingerprint(small_corpus)
    assert "test" in manifest["metrics"]["department"]
    analyzer = socialtext.load(tmp_path / "a")
    assert analyzer.analyze("colis jamais reçu").department in manifest["labels"]["department"]


def test_a_tampered_model_file_is_refused(tmp_path: Path) -> None:
    model = tmp_path / "model"
    shutil.copytree(ROOT / "models" / "default", model)
    data = bytearray((model / "sentiment.npz").read_bytes())
    data[-20] ^= 0xFF
    (model / "sentiment.npz").write_bytes(bytes(data))
    with pytest.raises(ModelError, match="SHA-256 does not match"):
        socialtext.load(model)


def test_a_model_from_a_newer_format_is_refused(tmp_path: Path) -> None:
    model = tmp_path / "model"
    shutil.copytree(ROOT / "models" / "default", model)
    manifest = json.loads((model / "manifest.json").read_text())
    manifest["format_version"] = 99
    (model / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match="newer than this socialtext supports"):
        socialtext.load(model)


def test_a_missing_model_directory_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="socialtext train"):
        socialtext.load(tmp_path)


def test_the_shipped_model_was_trained_on_the_current_corpus() -> None:
    manifest = read_manifest(ROOT / "models" / "default")
    assert manifest["corpus"]["sha256"] == corpus.fingerprint(ROOT / "corpora"), (
        "models/default is stale: retrain with `socialtext train --corpus corpora --out models/default`"
    )


def test_a_crash_during_training_leaves_no_model_and_keeps_the_previous_one(small_corpus: Path, tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import socialtext.linear

    out = tmp_path / "model"
    train(small_corpus, out, params={"department": {"n_bits": 14}, "sentiment": {"n_bits": 14}})
    before = read_manifest(out)

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(socialtext.linear, "write_npz", explode)
    with pytest.raises(RuntimeError, match="disk full"):
        train(small_corpus, out, params={"department": {"n_bits": 15}, "sentiment": {"n_bits": 15}})
    assert read_manifest(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["model"]
    with pytest.raises(RuntimeError):
        train(small_corpus, tmp_path / "fresh")
    assert not (tmp_path / "fresh").exists()


def test_model_files_are_plain_arrays_never_pickles() -> None:
    import zipfile

    for name in ("department.npz", "sentiment.npz"):
        with zipfile.ZipFile(ROOT / "models" / "default" / name) as archive:
            for member in archive.namelist():
                header = archive.read(member)[:128]
                assert header.startswith(b"\x93NUMPY") and b"'descr': '|O'" not in header
