"""spaCy's NER with its greedy decoding stepped from Python: the same entities, at less CPU.

spaCy's compiled decoding loop (`Parser.greedy_parse`) runs without the GIL, but the state methods
it calls for every candidate move of every token take the GIL back, so about half of the NER's time
goes to locking. `parse_states` runs the same steps (the model's own `predict` and
`transition_states`) while holding the GIL; the arithmetic, and hence every entity, is unchanged.
`ner_pipe` batches like `Parser.pipe` does (sorted by length, sub-batches of a quarter).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def use_numpy_gemm(nlp: Language) -> None:
    """Let the pipeline's layers multiply matrices with numpy's BLAS instead of thinc's BLIS.

    The BLIS bundled with thinc falls back to its generic kernels on CPUs it does not know (here,
    recent AMD EPYC), where numpy's OpenBLAS is about three times faster on the NER's
    (tokens x 288) x (288 x 288) products; on one thread it is still faster everywhere we measured.
    """
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and isinstance(model.ops, NumpyOps):
            for node in model.walk():
                node.ops = ops


def stepwise_ner(nlp: Language) -> Any | None:
    """The pipeline's only component when it is a greedy (beam width 1) NER, else None."""
    from spacy.pipeline import EntityRecognizer

    if getattr(nlp, "pipe_names", None) != ["ner"]:
        return None
    ner = nlp.get_pipe("ner")
    if not isinstance(ner, EntityRecognizer) or ner.cfg.get("beam_width", 1) != 1:
        return None
    return ner


def parse_states(ner: Any, docs: list[Doc]) -> list[Any]:
    """The final NER states of `docs`, as `Parser.predict` computes them."""
    batch = ner.moves.init_batch(docs)
    if not any(len(doc) for doc in docs):
        return list(batch)
    model = ner.model.predict(docs)
    states = [s for s in batch if not s.is_final()]
    while states:
        states = ner.transition_states(states, model.predict(states))
    model.clear_memory()
    return list(batch)


def ner_pipe(nlp: Language, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    """`nlp.pipe(texts, batch_size=batch_size)` for a tokenizer + greedy NER pipeline (same docs)."""
    from spacy.util import minibatch

    ner = stepwise_ner(nlp)
    if ner is None:
        yield from nlp.pipe(texts, batch_size=batch_size)
        return
    for batch in minibatch((nlp.make_doc(t) for t in texts), size=batch_size):
        for sub in minibatch(sorted(batch, key=len), size=max(batch_size // 4, 2)):
            ner.set_annotations(sub, parse_states(ner, sub))
        yield from batch
