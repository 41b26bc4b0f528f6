"""Counted Swedish words for the core's own sentences (the CLI, the self-test, logs' texts).

Views use Qt's plural forms instead (``self.tr("%n personer", "", n)``). The words for
the core's codes that screen, paper and statistics share live in ``vocabulary.py``.
"""

from __future__ import annotations


def count(n: int, one: str, many: str) -> str:
    """``n`` with the singular or plural noun: ``count(1, "post", "poster")`` → "1 post"."""
    return f"{n} {one if n == 1 else many}"
