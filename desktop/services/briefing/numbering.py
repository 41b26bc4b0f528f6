"""The print log's numbering: one serial per printout, taken inside the unit of work.

Every printout (briefing, sheets, call-in papers, the statistics report, a team's
schedule) gets its serial here, so the numbers come from one sequence, the print
record names the template versions the paper carries, and the "print" audit entry
is written the same way: ids, serial, kind and template versions, never a name.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.models import PrintRecord
from desktop.services.briefing import templates as tpl
from desktop.services.briefing.templates import TemplateRow
from desktop.services.uow import UnitOfWork

SERIAL_PREFIX = "RP"


def format_serial(number: int, year: int) -> str:
    return f"{SERIAL_PREFIX}-{year}-{number:06d}"


@dataclass
class NumberedPrint:
    """A print record with its serial, open inside a unit of work until ``log``."""

    uow: UnitOfWork
    record: PrintRecord
    serial: str
    kind: str
    #: The current templates (the document's texts come from these).
    texts: dict[str, TemplateRow]
    #: The versions of the templates the document uses, as recorded.
    versions: dict[str, int]

    def log(self, object_ids: Iterable[int], extra: str = "") -> None:
        """Record what was printed and write the "print" audit entry."""
        ids = list(object_ids)
        self.record.object_ids = ",".join(str(i) for i in ids)
        templates = ",".join(f"{k}:{v}" for k, v in sorted(self.versions.items()))
        detail = f"serial={self.serial};kind={self.kind};templates={templates}"
        self.uow.audit("print", self.kind, ids, detail=detail + (f";{extra}" if extra else ""))
        self.uow.touched("print_record", self.record.id)


def number_print(
    uow: UnitOfWork, kind: str, used: tuple[str, ...], when: dt.datetime
) -> NumberedPrint:
    """Take the next serial for a printout of ``kind`` using the templates ``used``.

    Call inside the unit of work that gathers the document and call ``log`` on the
    result before it commits, so the print log and the audit log agree.
    """
    identity = uow.store.identity
    session = uow.session
    texts = tpl.current_templates(session, seed=True)
    versions = {key: texts[key].version for key in used}
    record = PrintRecord(
        serial=f"pending-{uuid.uuid4().hex[:20]}",
        kind=kind,
        user_id=identity.user_id,
        agency_id=identity.agency_id,
        template_versions=versions,
    )
    session.add(record)
    session.flush()
    # The row id is the database's own sequence: unique and increasing, but not gapless
    # (a rolled-back print on PostgreSQL consumes a sequence value; issue 17).
    record.serial = format_serial(record.id, when.year)
    return NumberedPrint(uow, record, record.serial, kind, texts, versions)
