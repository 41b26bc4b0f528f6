"""When a relation between groups holds: the one statement of its period (issue 17).

Planner, moves, packets, group sheets and the network picture all read relations
through :func:`relation_valid`; an ended relation stays as history.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, and_, or_

from desktop.models import GroupRelation


def relation_valid(first: dt.date, last: dt.date | None = None) -> ColumnElement[bool]:
    """A group relation valid on some day from ``first`` to ``last`` (one day by default)."""
    last = first if last is None else last
    return and_(
        or_(GroupRelation.since.is_(None), GroupRelation.since <= last),
        or_(GroupRelation.until.is_(None), GroupRelation.until >= first),
    )
