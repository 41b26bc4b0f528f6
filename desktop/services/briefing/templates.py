"""Programme texts as versioned templates (the message, opening line, contacts, marking).

Each edit adds a new version; the newest version is the one printed, and every print
records which versions it used. Defaults are seeded when a key has no version yet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models import Template
from desktop.services.changes import Changes
from desktop.services.errors import ValidationError
from desktop.services.permissions import Action, require
from desktop.services.uow import UnitOfWork
from desktop.store.interface import Store

OPENING_LINE = "opening_line"
MESSAGE = "message"
CONTACTS = "contacts"
CONFIDENTIALITY = "confidentiality"
INSTRUCTIONS = "instructions"
LETTER = "letter"
LETTER_CONTACT = "letter_contact"
#: Filled in from the programme's contact (a coordinator with a phone) when printed.
CONTACT_FIELDS = ("{namn}", "{roll}", "{telefon}")

MAX_TEMPLATE_CHARS = 10_000

#: The texts printed when an administrator has not written their own yet.
DEFAULTS: dict[str, str] = {
    OPENING_LINE: "Du är inte misstänkt för något brott.",
    MESSAGE: (
        "Vi är här för att vi bryr oss om dig och din familj. Vi vill inte att du blir "
        "skadad, dödad eller att du skadar någon annan.\n\n"
        "Om någon i gruppen använder våld kommer myndigheterna att fokusera på hela "
        "gruppen, med alla lagliga medel.\n\n"
        "Hjälp finns om du vill: med jobb, skola, boende, att lämna gruppen eller att få "
        "skydd. Hör av dig när du vill."
    ),
    CONTACTS: "Samordnaren för programmet: se omslaget",
    CONFIDENTIALITY: "SEKRETESS – får ej spridas (OSL 35 kap. 1 §)",
    INSTRUCTIONS: (
        "Öppna med att han inte är misstänkt för något brott.\n"
        "Håll samtalet kort och respektfullt, gärna vid köksbordet med familjen.\n"
        "Lämna kontaktkortet även om han inte vill prata.\n"
        "Fyll i utfallsblanketten direkt efter besöket."
    ),
    LETTER: (
        "Du är inbjuden till ett möte där polisen, socialtjänsten och Kriminalvården "
        "vill berätta om vad som händer nu i staden och vilken hjälp som finns för dig.\n\n"
        "Du är inte misstänkt för något brott. Mötet tar ungefär en timme. Du får gärna "
        "ta med en förälder eller någon annan vuxen du litar på."
    ),
    # {namn}, {roll} and {telefon} are the programme's contact; an administrator may
    # write a fixed line instead (e.g. the programme's own phone number).
    LETTER_CONTACT: "Frågor om mötet? Ring {namn}, {roll}, tel. {telefon}.",
}

#: Swedish names of the keys, for the editor and the audit-free "Mallar:" line.
TITLES: dict[str, str] = {
    OPENING_LINE: "Inledningsfras",
    MESSAGE: "Budskapet",
    CONTACTS: "Kontakter",
    CONFIDENTIALITY: "Sekretessmärkning",
    INSTRUCTIONS: "Att tänka på (omslag)",
    LETTER: "Inbjudningsbrev",
    LETTER_CONTACT: "Kontaktrad i inbjudningsbrevet",
}


@dataclass(frozen=True)
class TemplateRow:
    """One version of one template."""

    key: str
    version: int
    body: str
    created_at: dt.datetime
    created_by: int | None


def paragraphs(body: str) -> tuple[str, ...]:
    """A template body split on blank lines into paragraphs."""
    return tuple(p.strip() for p in body.replace("\r\n", "\n").split("\n\n") if p.strip())


def lines(body: str) -> tuple[str, ...]:
    """A template body split into its non-empty lines."""
    return tuple(line.strip() for line in body.splitlines() if line.strip())


def current_templates(session: Session, *, seed: bool) -> dict[str, TemplateRow]:
    """The newest version of every known template; missing defaults are added if ``seed``.

    With ``seed`` the caller's session must be inside a write transaction.
    """
    newest = (
        select(Template.key, func.max(Template.version).label("version"))
        .group_by(Template.key)
        .subquery()
    )
    found = {
        t.key: TemplateRow(t.key, t.version, t.body, t.created_at, t.created_by)
        for t in session.scalars(
            select(Template).join(
                newest, (Template.key == newest.c.key) & (Template.version == newest.c.version)
            )
        )
    }
    for key, body in DEFAULTS.items():
        if key in found:
            continue
        if seed:
            row = Template(key=key, version=1, body=body, created_by=None)
            session.add(row)
            session.flush()
            found[key] = TemplateRow(key, 1, body, row.created_at, None)
        else:
            found[key] = TemplateRow(key, 0, body, dt.datetime.min, None)
    return found


class TemplateService:
    """Reading and editing the programme texts."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def current(self) -> list[TemplateRow]:
        """The newest version of each template (version 0 = built-in default, not saved)."""
        with self._store.read_session() as session:
            rows = current_templates(session, seed=False)
        return [rows[key] for key in sorted(rows, key=_order)]

    def history(self, key: str) -> list[TemplateRow]:
        """Every version of one template, newest first."""
        with self._store.read_session() as session:
            return [
                TemplateRow(t.key, t.version, t.body, t.created_at, t.created_by)
                for t in session.scalars(
                    select(Template).where(Template.key == key).order_by(Template.version.desc())
                )
            ]

    def edit(self, key: str, body: str) -> Changes:
        """Save ``body`` as the next version of ``key`` (administrators only)."""
        require(self._store.identity, Action.TEMPLATE_EDIT)
        if key not in DEFAULTS:
            raise ValidationError("template.unknown", field="key")
        body = body.strip()
        if not body:
            raise ValidationError("template.empty", field="body")
        if len(body) > MAX_TEMPLATE_CHARS:
            raise ValidationError("template.too_long", field="body", limit=MAX_TEMPLATE_CHARS)
        with UnitOfWork(self._store, "Redigera mall") as uow:
            last = uow.session.scalar(select(func.max(Template.version)).where(Template.key == key))
            row = Template(
                key=key,
                version=(last or 0) + 1,
                body=body,
                created_by=self._store.identity.user_id,
            )
            uow.session.add(row)
            uow.session.flush()
            uow.audit(
                "template.edit", "template", [row.id], detail=f"key={key};version={row.version}"
            )
            uow.touched("template", row.id)
        return uow.changes


def _order(key: str) -> int:
    keys = list(DEFAULTS)
    return keys.index(key) if key in keys else len(keys)
