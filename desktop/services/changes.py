"""What a mutation changed: the one value views listen to (``changes_applied``)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    """Entity kinds and ids touched by one unit of work."""

    description: str = ""
    kinds: frozenset[str] = field(default_factory=frozenset)
    ids: frozenset[tuple[str, int]] = field(default_factory=frozenset)

    def touches(self, *kinds: str) -> bool:
        return any(kind in self.kinds for kind in kinds)

    def ids_of(self, kind: str) -> frozenset[int]:
        return frozenset(i for k, i in self.ids if k == kind)

    def __bool__(self) -> bool:
        return bool(self.kinds)


# The description of a change another workstation made (its notice names no action).
ELSEWHERE = "Ändrat på en annan arbetsstation"


def from_elsewhere(kinds: frozenset[str], ids: frozenset[tuple[str, int]]) -> Changes:
    """What another workstation changed, as the pages' one ``Changes`` value."""
    return Changes(ELSEWHERE, kinds, ids)
