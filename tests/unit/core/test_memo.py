from __future__ import annotations

from warwire.memo import by_identity


def test_answers_once_per_identical_arguments_and_again_for_equal_copies() -> None:
    calls: list[tuple[int, ...]] = []

    @by_identity
    def total(values: tuple[int, ...], scale: int = 1) -> int:
        calls.append(values)
        return sum(values) * scale

    first = (1, 2, 3)
    copy = tuple(list(first))
    assert total(first) == total(first) == 6
    assert len(calls) == 1
    assert total(copy) == 6 and len(calls) == 2  # equal but not the same object
    assert total(first, scale=2) == 12 and len(calls) == 3  # keywords by value
    for k in range(40):  # the cache is bounded, and still right after it empties
        assert total((k,)) == k
    assert total(first) == 6
