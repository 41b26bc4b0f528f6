"""The statistics use cases for one unlocked user: figures, persons behind, exports.

Every method checks the permission first. Reading figures writes nothing (counts only);
listing the persons behind a figure, printing the report and every export are logged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from desktop.messages import Language, words
from desktop.models import Address, Agency, Group
from desktop.services.changes import Changes
from desktop.services.permissions import Action, require
from desktop.services.security.reauth import Reauthentication
from desktop.services.statistics import drilldown, research
from desktop.services.statistics.figures import compute_figures
from desktop.services.statistics.incidents import IncidentFigures, compute_incident_figures
from desktop.services.statistics.report import figure_sheets, report_data
from desktop.services.statistics.rows import (
    FilterChoice,
    FilterChoices,
    Period,
    PersonRef,
    StatisticsResult,
    StatsFilter,
)
from desktop.services.statistics.workbook import write_sheets
from desktop.services.uow import UnitOfWork
from desktop.store.interface import Store

REPORT_KIND = "statistics_report"


@dataclass(frozen=True)
class PersonsBehind:
    persons: tuple[PersonRef, ...]
    total: int
    changes: Changes


@dataclass(frozen=True)
class ExportResult:
    """Where the files went, how many persons, the serial (PDF) and what changed."""

    paths: tuple[Path, ...]
    persons: int
    serial: str
    changes: Changes


@dataclass(frozen=True)
class ResearchExportResult:
    paths: tuple[Path, ...]
    persons: int
    key: str
    changes: Changes


def _detail(period: Period, filters: StatsFilter) -> str:
    """Period and filters as codes for the audit log (the area only as a flag)."""
    return (
        f"from={period.start.isoformat()};to={period.end.isoformat()};"
        f"group={filters.group_id or '-'};area={int(bool(filters.area))};"
        f"agency={filters.agency_id or '-'}"
    )


class StatisticsService:
    """Figures, drill-down, the report, the figures workbook and the research export."""

    def __init__(self, store: Store, reauth: Reauthentication) -> None:
        self._store = store
        self._reauth = reauth

    def figures(
        self, period: Period, filters: StatsFilter | None = None, *, incidents: bool = True
    ) -> StatisticsResult:
        """Every figure for the period (counts only, so nothing is logged);
        ``incidents=False`` leaves out the evaluation of violence (``incident_figures``)."""
        require(self._store.identity, Action.STATS_READ)
        with self._store.read_session() as session:
            return compute_figures(session, period, filters or StatsFilter(), incidents=incidents)

    def incident_figures(
        self, period: Period, filters: StatsFilter | None = None
    ) -> IncidentFigures:
        """The evaluation of violence alone: the dashboard computes it when its tab is
        opened (counts only, so nothing is logged)."""
        require(self._store.identity, Action.STATS_READ)
        with self._store.read_session() as session:
            return compute_incident_figures(session, period, filters or StatsFilter())

    def filter_choices(self) -> FilterChoices:
        """Groups, areas and agencies to filter by."""
        require(self._store.identity, Action.STATS_READ)
        with self._store.read_session() as session:
            groups = session.execute(select(Group.id, Group.name).order_by(Group.name)).all()
            areas = session.scalars(
                select(Address.area)
                .where(Address.area.is_not(None))
                .distinct()
                .order_by(Address.area)
            ).all()
            agencies = session.execute(select(Agency.id, Agency.name).order_by(Agency.name)).all()
        return FilterChoices(
            tuple(FilterChoice(i, n) for i, n in groups),
            tuple(FilterChoice(a, a) for a in areas if a),
            tuple(FilterChoice(i, n) for i, n in agencies),
        )

    def persons_behind(
        self, code: str, key: str | None, period: Period, filters: StatsFilter | None = None
    ) -> PersonsBehind:
        """The persons behind a figure, for users who may read persons; logged with ids."""
        require(self._store.identity, Action.STATS_READ)
        require(self._store.identity, Action.PERSON_READ)
        filters = filters or StatsFilter()
        with UnitOfWork(self._store, "Visa personer bakom statistik") as uow:
            persons, total = drilldown.persons_behind(uow.session, code, key, period, filters)
            uow.audit(
                "stats.drilldown",
                "person",
                [p.id for p in persons],
                detail=f"figure={code};key={key or '-'};count={total};" + _detail(period, filters),
            )
        return PersonsBehind(persons, total, uow.changes)

    def write_figures(
        self,
        path: Path,
        period: Period,
        filters: StatsFilter | None = None,
        lang: Language = "sv",
    ) -> ExportResult:
        """The figures workbook (``.xlsx``, or CSV files for ``.csv``), its words in
        ``lang``; logged as an export."""
        require(self._store.identity, Action.STATS_READ)
        filters = filters or StatsFilter()
        with UnitOfWork(self._store, "Exportera statistik") as uow:
            result = compute_figures(uow.session, period, filters)
            uow.audit(
                "stats.export",
                "statistics",
                (),
                detail=f"format={path.suffix.lstrip('.').casefold()};" + _detail(period, filters),
            )
        paths = write_sheets(path, figure_sheets(result, lang))
        return ExportResult(paths, result.persons_mapped, "", uow.changes)

    def print_report(
        self,
        path: Path,
        period: Period,
        filters: StatsFilter | None = None,
        scope_text: str | None = None,
        now: dt.datetime | None = None,
        lang: Language = "sv",
    ) -> ExportResult:
        """The statistics report as PDF, numbered in the print log like every printout;
        its words in ``lang``, the printing user's language (``scope_text`` in the same
        language; None: the whole programme)."""
        from desktop.reports.statistics import render_statistics_report
        from desktop.services.briefing import templates as tpl
        from desktop.services.briefing.builder import make_meta
        from desktop.services.briefing.numbering import number_print

        identity = self._store.identity
        require(identity, Action.STATS_READ)
        require(identity, Action.PRINT)
        filters = filters or StatsFilter()
        when = now or dt.datetime.now().replace(microsecond=0)
        used = (tpl.CONFIDENTIALITY,)
        with UnitOfWork(self._store, "Skriv ut statistikrapport") as uow:
            session = uow.session
            numbered = number_print(uow, REPORT_KIND, used, when)
            serial = numbered.serial
            meta = make_meta(
                session, self._store, serial, numbered.texts, used, when, with_copy=False, lang=lang
            )
            result = compute_figures(session, period, filters)
            scope = scope_text or words("report.whole_programme", {}, lang)
            data = report_data(result, meta, scope, lang)
            numbered.log((), _detail(period, filters))
        render_statistics_report(data, path)
        return ExportResult((path,), result.persons_mapped, serial, uow.changes)

    def check_research_export(self) -> None:
        """Raise PermissionDenied or ReauthenticationRequired before asking for a file."""
        self._reauth.authorize(Action.RESEARCH_EXPORT)

    def research_export(
        self,
        path: Path,
        request: research.ResearchRequest,
        key: str | None = None,
        lang: Language = "sv",
    ) -> ResearchExportResult:
        """The pseudonymised export; ``key`` (hex) repeats an earlier export's pseudonyms.
        Sheet names, headers and the README in ``lang`` (the exporting user's language).

        Raises:
            PermissionDenied, ReauthenticationRequired: as for every sensitive action.
            ValueError: ``key`` is not an export key.
        """
        self._reauth.authorize(Action.RESEARCH_EXPORT)
        key_text = key.strip() if key else research.new_key()
        raw = research.parse_key(key_text)
        created = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
        with UnitOfWork(self._store, "Forskningsuttag") as uow:
            sheets, persons = research.research_sheets(uow.session, request, raw, created, lang)
            uow.audit(
                "stats.research_export",
                "statistics",
                (),
                purpose=request.purpose.value,
                detail=(
                    f"reason={request.reason.value};format={path.suffix.lstrip('.').casefold()};"
                    f"persons={persons};key={'given' if key else 'new'};"
                    + _detail(request.period, request.filters)
                ),
            )
        paths = write_sheets(path, sheets)
        return ResearchExportResult(paths, persons, key_text, uow.changes)
