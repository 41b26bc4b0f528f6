"""Programme texts as versioned templates (the message, opening line, contacts, marking).

Each edit adds a new version; the newest version is the one printed, and every print
records which versions it used. Defaults are seeded when a key has no version yet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.messages import Language, words
from desktop.messages.paper import DEFAULT_TEXTS
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

#: The texts printed when an administrator has not written their own yet (Swedish; the
#: English in ``desktop.messages.paper``, printed under English while the text is unedited).
DEFAULTS: dict[str, str] = {key: sv for key, (sv, _en) in DEFAULT_TEXTS.items()}

#: Swedish names of the keys, for the editor (the printed "Mallar:" line words them in the
#: reader's language: ``title``).
TITLES: dict[str, str] = {key: words(f"paper.template.{key}", {}, "sv") for key in DEFAULT_TEXTS}


def title(key: str, lang: Language = "sv") -> str:
    """A template's name in ``lang`` (for the "Mallar:"/"Templates:" line)."""
    return words(f"paper.template.{key}", {}, lang)


def printed(*rows: TemplateRow, lang: Language = "sv") -> tuple[str, ...]:
    """The texts a print uses, one per row: an administrator's own text as written, the
    built-in defaults in the reader's language (issue 18). Rows read together (the
    opening line and the message) switch together: if one is the administrator's own,
    all print as written, so the talk never changes language halfway."""
    english = lang == "en" and all(
        row.key in DEFAULT_TEXTS and row.body.strip() == DEFAULT_TEXTS[row.key][0].strip()
        for row in rows
    )
    return tuple(DEFAULT_TEXTS[row.key][1] if english else row.body for row in rows)


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
