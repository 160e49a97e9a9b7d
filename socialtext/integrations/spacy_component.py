"""The ``socialtext`` spaCy pipeline component.

Registered through the ``spacy_factories`` entry point, so any spaCy pipeline can do::

    nlp = spacy.blank("fr")            # or socialtext.nlp(), or a trained French pipeline
    nlp.add_pipe("socialtext")         # config: {"model": None, "attrs": {...}, "force": False}
    doc = nlp("ma box marche plus 😡")
    doc.cats                           # department probabilities
    doc._.department, doc._.sentiment, doc._.sentiment_score

The component analyses ``doc.text`` with socialtext's own tokenizer and models; it
works with ``nlp.pipe(..., n_process=2)`` (each process loads the model once) and
``nlp.to_disk`` copies the model into the pipeline folder.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from socialtext.errors import SocialTextError

DEFAULT_ATTRS = {"department": "department", "sentiment": "sentiment", "sentiment_score": "sentiment_score"}


@Language.factory(
    "socialtext",
    default_config={"model": None, "attrs": DEFAULT_ATTRS, "force": False, "batch_size": 256},
)
def make_socialtext_component(
    nlp: Language, name: str, model: str | None, attrs: dict[str, str], force: bool, batch_size: int
) -> SocialTextComponent:
    return SocialTextComponent(nlp, name, model=model, attrs=attrs, force=force, batch_size=batch_size)


class SocialTextComponent:
    """Set ``doc.cats`` (department scores) and ``doc._.<attrs>`` from socialtext's analysis."""

    def __init__(self, nlp: Language, name: str = "socialtext", *, model: str | None = None,
                 attrs: dict[str, str] | None = None, force: bool = False, batch_size: int = 256) -> None:
        self.name = name
        self.model = model
        self.attrs = {**DEFAULT_ATTRS, **(attrs or {})}
        unknown = set(self.attrs) - set(DEFAULT_ATTRS)
        if unknown:
            raise ValueError(f"unknown attrs key {sorted(unknown)[0]!r}; expected: {', '.join(DEFAULT_ATTRS)}")
        self.force = force
        self.batch_size = batch_size
        self._analyzer: Any = None
        for extension in self.attrs.values():
            if Doc.has_extension(extension):
                if not force and not getattr(Doc.get_extension(extension)[0], "__socialtext__", False) and \
                        Doc.get_extension(extension)[0] is not None:
                    raise SocialTextError(
                        f"Doc._.{extension} already exists and was not set by socialtext; choose another name "
                        f"with config={{'attrs': {{...: 'st_{extension}'}}}} or pass force=True to overwrite it"
                    )
                if not force:
                    continue
            Doc.set_extension(extension, default=_Marker(), force=True)

    @property
    def analyzer(self) -> Any:
        if self._analyzer is None:
            from socialtext.analyzer import load

            self._analyzer = load(self.model)
        return self._analyzer

    def __call__(self, doc: Doc) -> Doc:
        return self._apply(doc, self.analyzer.analyze(doc.text))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        size = batch_size or self.batch_size
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, docs: list[Doc]) -> Iterator[Doc]:
        results = self.analyzer.analyze_many([d.text for d in docs])
        for doc, result in zip(docs, results, strict=True):
            yield self._apply(doc, result)

    def _apply(self, doc: Doc, result: Any) -> Doc:
        doc.cats = dict(result.department_scores)
        setattr(doc._, self.attrs["department"], result.department)
        setattr(doc._, self.attrs["sentiment"], result.sentiment)
        setattr(doc._, self.attrs["sentiment_score"], result.sentiment_score)
        return doc

    # -- serialisation: the model travels with the pipeline -----------------------------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        target = Path(path)
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(self.analyzer.path, target)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> SocialTextComponent:
        from socialtext.analyzer import load

        self._analyzer = load(path)
        self.model = str(path)
        return self


class _Marker:
    """Default value of socialtext's Doc extensions (``None``-like, recognisable as ours)."""

    __socialtext__ = True

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "None"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_Marker, ())
