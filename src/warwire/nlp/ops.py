"""Matrix products for the spaCy model through numpy's BLAS, one thread.

thinc's CPU ops multiply with blis, whose generic kernels take about twice
the time of numpy's OpenBLAS for the model's shapes (a few thousand rows by
288 or 96 columns); these products are a quarter of a parse. Only ``gemm`` is
replaced: the models' weights and every other operation stay thinc's, and
parses were checked equal to stock spaCy token by token (tag, dependency,
head, entity, lemma) on the real, geoparse and UCDP texts.

OpenBLAS would start a thread per core for large products; warwire runs one
pipeline per core (:mod:`warwire.pool`), so threadpoolctl holds it to one
thread. When numpy has no BLAS it can limit, the model keeps thinc's ops.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language


@cache
def _one_thread() -> bool:
    """Hold numpy's BLAS to one thread for the whole process; False when numpy has
    no BLAS threadpoolctl can limit."""
    import numpy  # noqa: F401  (loads its BLAS)
    from threadpoolctl import threadpool_info, threadpool_limits

    if not any(p.get("user_api") == "blas" for p in threadpool_info()):
        return False
    threadpool_limits(limits=1, user_api="blas")  # not a context: for the process
    return True


def _fast_ops() -> Any:
    import numpy
    from thinc.api import NumpyOps

    class BlasOps(NumpyOps):
        name = "numpy-blas"

        def gemm(
            self, x: Any, y: Any, out: Any = None, trans1: bool = False, trans2: bool = False
        ) -> Any:
            a = x.T if trans1 else x
            b = y.T if trans2 else y
            if out is None:
                return numpy.matmul(a, b)
            numpy.matmul(a, b, out=out)
            return out

    return BlasOps()


def use_blas(nlp: Language) -> bool:
    """Give every layer of ``nlp``'s models numpy's ``gemm``; whether it was done."""
    if not _one_thread():
        return False
    ops = _fast_ops()
    for _name, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
    return True
