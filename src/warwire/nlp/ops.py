"""Matrix products for the spaCy model through numpy's BLAS, one thread.

thinc's CPU ops multiply with blis, whose generic kernels take about twice
the time of numpy's OpenBLAS for the model's shapes (a few thousand rows by
288 or 96 columns); these products are a quarter of a parse. Only ``gemm`` is
replaced: the models' weights and every other operation stay thinc's, and
parses were checked equal to stock spaCy token by token (tag, dependency,
head, entity, lemma) on the real, geoparse and UCDP texts.

OpenBLAS would start a thread per core for large products; warwire runs one
pipeline per core (:mod:`warwire.pool`), so it is held to one thread. When
that cannot be done (a numpy without OpenBLAS, or one whose symbol is spelled
otherwise) the model keeps thinc's ops.
"""

from __future__ import annotations

import ctypes
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

# how numpy's bundled OpenBLAS spells its thread setter, newest builds first
_SETTERS = (
    "scipy_openblas_set_num_threads64_",
    "scipy_openblas_set_num_threads",
    "openblas_set_num_threads64_",
    "openblas_set_num_threads",
)


@cache
def _one_thread() -> bool:
    """Hold numpy's OpenBLAS to one thread; False when it is not there."""
    import numpy  # noqa: F401  (loads its BLAS)

    with open("/proc/self/maps", encoding="utf-8") as maps:  # Linux; elsewhere: OSError
        paths = {line.split()[-1] for line in maps if "openblas" in line.lower()}
    for path in sorted(paths):
        lib = ctypes.CDLL(path)
        for name in _SETTERS:
            setter = getattr(lib, name, None)
            if setter is not None:
                setter(1)
                return True
    return False


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
    try:
        if not _one_thread():
            return False
    except OSError:
        return False
    ops = _fast_ops()
    for _name, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
    return True
