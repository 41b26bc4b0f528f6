"""The pseudonymised research export for evaluators (Malmö universitet, Brå).

Pseudonyms are HMAC-SHA256 of the row id under a random key made for the export (never
the database's keys). The user may keep the key and give it again to get the same
pseudonyms in a later export. Only coded fields leave: birth year, category, group
pseudonym and membership role, months of deliveries, visits, call-ins and referral
steps with their codes. No name, personal number, address or free text. Aggregate
tables show counts under 5 as "<5" (0 too: a zero can disclose as much as a one).
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import secrets
from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.messages import Language, words
from desktop.models import (
    CallIn,
    Delivery,
    Invitation,
    Membership,
    Person,
    Referral,
    ReferralEvent,
    SupportService,
    Visit,
)
from desktop.services.exporting import CellValue
from desktop.services.statistics import scope
from desktop.services.statistics.definitions import DEFINITIONS
from desktop.services.statistics.export_format import SCALAR_KEYS, SHARE_KEYS
from desktop.services.statistics.figures import compute_figures
from desktop.services.statistics.research_incidents import incident_research_sheets
from desktop.services.statistics.rows import CHANNELS, OUTCOMES, Period, StatsFilter
from desktop.services.statistics.workbook import Sheet

#: Counts below this are shown as SUPPRESSED in aggregate tables.
THRESHOLD = 5
SUPPRESSED = "<5"
#: The rule in Swedish, for the export dialog (which translates it; issue 18).
SUPPRESSION_RULE = words("research.readme.suppression_rule", {})
KEY_BYTES = 32


class ResearchPurpose(enum.StrEnum):
    EVALUATION = "evaluation"
    RESEARCH = "research"
    FOLLOW_UP = "follow_up"


class ReasonCategory(enum.StrEnum):
    COMMISSIONED_EVALUATION = "commissioned_evaluation"
    ETHICS_APPROVED_RESEARCH = "ethics_approved_research"
    PROGRAMME_FOLLOW_UP = "programme_follow_up"
    OTHER = "other"


#: The Swedish words of each purpose and reason, for the dialog (which translates them);
#: the export's README words them in the exporting user's language.
PURPOSE_LABELS = {p: words(f"research.purpose.{p}", {}) for p in ResearchPurpose}
REASON_LABELS = {r: words(f"research.reason.{r}", {}) for r in ReasonCategory}


@dataclass(frozen=True)
class ResearchRequest:
    """What to export and why. ``reason_text`` goes only into the export's README."""

    period: Period
    purpose: ResearchPurpose
    reason: ReasonCategory
    filters: StatsFilter = field(default_factory=StatsFilter)
    reason_text: str = ""


def new_key() -> str:
    """A fresh export key as hex, to show the user once."""
    return secrets.token_hex(KEY_BYTES)


def parse_key(text: str) -> bytes:
    """The key the user kept; raises ValueError when it is not 64 hex digits."""
    raw = bytes.fromhex(text.strip())
    if len(raw) != KEY_BYTES:
        raise ValueError("wrong key length")
    return raw


def pseudonym(key: bytes, kind: str, row_id: int) -> str:
    """Stable under one key, unlinkable without it: ``P-`` + 16 hex digits of the HMAC."""
    digest = hmac.new(key, f"{kind}:{row_id}".encode(), hashlib.sha256).hexdigest()
    prefix = {"person": "P", "group": "G", "referral": "R", "call_in": "S"}[kind]
    return f"{prefix}-{digest[:16]}"


def suppress(count: int) -> CellValue:
    """A count as it may appear in an aggregate table."""
    return SUPPRESSED if count < THRESHOLD else count


def research_sheets(
    session: Session, request: ResearchRequest, key: bytes, created: str, lang: Language = "sv"
) -> tuple[tuple[Sheet, ...], int]:
    """The export's tables and the number of persons in it; sheet names, headers and the
    README in ``lang`` (the exporting user's language), the cells' codes as codes."""
    period, filters = request.period, request.filters

    def sheet(code: str) -> str:
        return words(f"research.sheet.{code}", {}, lang)

    def col(code: str) -> str:
        return "person" if code == "person" else words(f"research.col.{code}", {}, lang)

    def pid(person_id: int) -> str:
        return pseudonym(key, "person", person_id)

    def month(value: object) -> str:
        return f"{value:%Y-%m}"

    persons_q = select(Person.id, Person.birth_date, Person.category).where(
        Person.merged_into_id.is_(None),
        or_(Person.mapped_on.is_(None), Person.mapped_on <= period.end),
        *scope.person_clauses(Person.id, filters, period),
    )
    persons = session.execute(persons_q.order_by(Person.id)).all()
    in_scope = {row.id for row in persons}
    rows_persons = sorted(
        (pid(i), born.year if born else None, cat.value) for i, born, cat in persons
    )
    memberships = sorted(
        (pid(p), pseudonym(key, "group", g), role.value)
        for p, g, role in session.execute(
            select(Membership.person_id, Membership.group_id, Membership.role).where(
                or_(Membership.since.is_(None), Membership.since <= period.end),
                or_(Membership.until.is_(None), Membership.until >= period.start),
            )
        )
        if p in in_scope
    )
    deliveries = sorted(
        (pid(p), month(day), channel.value)
        for p, day, channel in session.execute(
            select(Delivery.person_id, Delivery.delivered_on, Delivery.channel).where(
                Delivery.delivered_on.between(period.start, period.end),
                *scope.delivery_clauses(filters, period),
            )
        )
        if p in in_scope
    )
    visits = sorted(
        (pid(p), month(at), status.value)
        for p, at, status in session.execute(
            select(Visit.person_id, Visit.starts_at, Visit.status).where(
                Visit.starts_at >= period.start_at,
                Visit.starts_at < period.end_exclusive,
                *scope.visit_clauses(filters, period),
            )
        )
        if p in in_scope
    )
    invitations = sorted(
        (pid(p), pseudonym(key, "call_in", c), month(at), status.value)
        for p, c, at, status in session.execute(
            select(Invitation.person_id, CallIn.id, CallIn.starts_at, Invitation.status)
            .join(CallIn, CallIn.id == Invitation.call_in_id)
            .where(CallIn.starts_at >= period.start_at, CallIn.starts_at < period.end_exclusive)
        )
        if p in in_scope
    )
    referrals = sorted(
        (pid(p), pseudonym(key, "referral", r), kind.value, own, status.value, month(day))
        for p, r, kind, own, status, day in session.execute(
            select(
                Referral.person_id,
                Referral.id,
                SupportService.kind,
                Referral.self_initiated,
                ReferralEvent.status,
                ReferralEvent.on_date,
            )
            .join(ReferralEvent, ReferralEvent.referral_id == Referral.id)
            .join(SupportService, SupportService.id == Referral.service_id)
            .where(
                ReferralEvent.on_date.between(period.start, period.end),
                *scope.referral_clauses(filters, period),
            )
        )
        if p in in_scope
    )
    result = compute_figures(session, period, filters)
    sheets = (
        _readme(request, created, lang),
        _aggregates(result.persons_mapped, result.total, key, result.coverage, lang),
        Sheet(
            sheet("persons"),
            tuple(map(col, ("person", "birth_year", "category"))),
            tuple(rows_persons),
        ),
        Sheet(
            sheet("memberships"), tuple(map(col, ("person", "group", "role"))), tuple(memberships)
        ),
        Sheet(
            sheet("deliveries"), tuple(map(col, ("person", "month", "channel"))), tuple(deliveries)
        ),
        Sheet(sheet("visits"), tuple(map(col, ("person", "month", "outcome"))), tuple(visits)),
        Sheet(
            sheet("call_ins"),
            (*map(col, ("person", "call_in", "month")), "status"),
            tuple(invitations),
        ),
        Sheet(
            sheet("referrals"),
            (
                *map(col, ("person", "referral", "support_kind", "self_initiated")),
                "status",
                col("month"),
            ),
            tuple((p, r, k, int(o), s, m) for p, r, k, o, s, m in referrals),
        ),
        # Violence and the response (issue 20): aggregates only, small cells suppressed.
        *incident_research_sheets(
            result.incidents,
            lambda group_id: pseudonym(key, "group", group_id),
            suppress,
            THRESHOLD,
            SUPPRESSED,
            lang,
        ),
    )
    return sheets, len(rows_persons)


def _aggregates(mapped: int, total, key: bytes, coverage, lang: Language = "sv") -> Sheet:  # type: ignore[no-untyped-def]
    rows: list[tuple[CellValue, ...]] = [("persons_mapped", "", suppress(mapped))]
    for code in SCALAR_KEYS:
        value = getattr(total, code)
        if code in SHARE_KEYS:
            part, whole = {
                "reached_more_than_once_share": (
                    total.reached_more_than_once,
                    total.persons_reached,
                ),
                "callin_attendance_rate": (total.callin_attended, total.callin_invitations),
            }[code]
            shown: CellValue = (
                round(value, 4) if value is not None and min(part, whole) >= THRESHOLD else "–"
            )
        elif code == "days_to_first_delivery_median":
            enough = len(total.days_to_first_delivery) >= THRESHOLD
            shown = value if enough and value is not None else "–"
        else:
            shown = suppress(value)
        rows.append((code, "", shown))
    rows += [
        ("deliveries_by_channel", c, suppress(total.deliveries_by_channel.get(c, 0)))
        for c in CHANNELS
    ]
    rows += [
        ("visits_by_outcome", s, suppress(total.visits_by_outcome.get(s, 0))) for s in OUTCOMES
    ]
    rows += [
        ("coverage_members", pseudonym(key, "group", c.group_id), suppress(c.members))
        for c in coverage
    ]
    rows += [
        ("coverage_reached", pseudonym(key, "group", c.group_id), suppress(c.reached))
        for c in coverage
    ]
    headers = tuple(words(f"research.col.{c}", {}, lang) for c in ("code", "key", "value"))
    return Sheet(words("research.sheet.summary", {}, lang), headers, tuple(rows))


def _readme(request: ResearchRequest, created: str, lang: Language = "sv") -> Sheet:
    def w(code: str) -> str:
        return words(f"research.readme.{code}", {}, lang)

    f = request.filters
    purpose = words(f"research.purpose.{request.purpose}", {}, lang)
    reason = words(f"research.reason.{request.reason}", {}, lang)
    lines: list[tuple[CellValue, ...]] = [
        (w("contents"), w("contents_text")),
        ("Period", f"{request.period.start.isoformat()} – {request.period.end.isoformat()}"),
        (w("created"), created),
        (w("purpose"), f"{request.purpose.value} ({purpose})"),
        (w("reason"), f"{request.reason.value} ({reason})"),
        (w("motivation"), request.reason_text.strip()),
        (w("selection"), w("one_group") if f.group_id else w("all_groups")),
        (w("disclosure"), w("suppression_rule")),
        (w("pseudonyms"), w("pseudonyms_text")),
    ]
    lines += [(f"Definition {d.code}", d.text_in(lang)) for d in DEFINITIONS.values()]
    return Sheet("README", (words("research.col.field", {}, lang), "text"), tuple(lines))
