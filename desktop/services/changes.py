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
