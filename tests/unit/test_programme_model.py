"""A model of the whole programme: random sequences of real actions, invariants after each.

Issue 17. Hypothesis drives the services as the real roles do (the coordinator plans new
operations and re-plans, accepts, moves, records, corrects and undoes outcomes and
corrections, adds addresses, ends and edits relations, refers and advances referrals,
runs call-ins and attendance, merges persons; the team lead prints packets) on a real
encrypted database that starts with a running operation and an accepted plan. After
every step that took an action:

* ``check_invariants`` (docs/invariants.md, what ``rondplan check`` runs) finds nothing;
* the statistics ``rondplan stats`` prints equal a recount written here in plain SQL over
  the raw tables (never the service's query);
* every planned visit's address as every reader gets it (``visit_places``: packet,
  schedules, calendar, outcome dialog) is the one valid on its day, worked out here from
  the raw address rows, and "changed since planning" is said exactly when it should be;
  every fifth action one team's packet for a day is built as a print builds it and each
  sheet checked the same way;
* after a run's first action and every 250 actions after, the figures the real command
  ``rondplan stats --format json`` prints (``desktop.cli.main`` with RONDPLAN_PASSWORD,
  its stdout read) equal the same recount.

Besides the coordinator, the team lead and the officer act as themselves: what the
permission table (written out here, not read from the code) allows them must not be
refused for their role, and what it forbids must be refused and change no row. A small
mapping list is imported through the import service, and retention runs with a clock
moved forward past the rules' deadlines.

CI runs 18 runs of 300 steps and asserts that at least 2,000 actions ran (a step that
took no action, e.g. correcting when nothing was recorded, is not counted, and no check
runs after it since nothing changed); the counts by kind are printed. Set
``RONDPLAN_MODEL_EXAMPLES`` and ``RONDPLAN_MODEL_STEPS`` to run far more, and
``RONDPLAN_MODEL_PROGRESS`` to a file for a long run to say how far it got.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import io
import json
import os
import shutil
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from sqlalchemy import text

from desktop import cli
from desktop.models import (
    GroupRelationKind,
    InvitationStatus,
    ReferralStatus,
    RetentionCategory,
    VisitStatus,
)
from desktop.services.briefing import templates as tpl
from desktop.services.briefing.builder import BriefingRequest, build_briefing, make_meta
from desktop.services.engagement import build_engagement
from desktop.services.engagement.rows import AttendanceInput, CallInInput, ReferralInput
from desktop.services.errors import DomainError, PermissionDenied, ValidationError
from desktop.services.importing import read_table
from desktop.services.invariants import check_invariants
from desktop.services.mapping import build_mapping
from desktop.services.mapping.rows import AddressInput
from desktop.services.operations import build_operations
from desktop.services.operations.outcome_correction import OutcomeBefore, OutcomeCorrections
from desktop.services.operations.outcomes import OutcomeService
from desktop.services.operations.planning import PlanningService
from desktop.services.operations.rows import MessagePart, OperationInput, OutcomeInput
from desktop.services.security.reauth import Reauthentication
from desktop.services.security.retention import RetentionService
from desktop.services.statistics.export_format import figures_dict
from desktop.services.statistics.rows import Period
from desktop.services.statistics.service import StatisticsService
from desktop.services.transfer.import_service import ImportService
from desktop.services.visit_address import VisitKey, visit_places
from tests.factories import PASSWORD, login
from tests.unit import programme_oracle as oracle
from tests.unit.operations.factories import (
    END,
    PLANNED_AT,
    START,
    make_field,
    planned_operation,
)

EXAMPLES = int(os.environ.get("RONDPLAN_MODEL_EXAMPLES", "18"))
STEPS = int(os.environ.get("RONDPLAN_MODEL_STEPS", "300"))
#: With the settings above (always so in CI) at least this many actions must have run,
#: each followed by every check: the claim "thousands of steps in CI" is checked.
MIN_ACTIONS = 2000
SETTINGS_GIVEN = any(
    name in os.environ for name in ("RONDPLAN_MODEL_EXAMPLES", "RONDPLAN_MODEL_STEPS")
)
#: The real ``rondplan stats`` runs after a run's first action and then every this many.
CLI_EVERY = int(os.environ.get("RONDPLAN_MODEL_CLI_EVERY", "250"))
#: A team's packet is built every this many actions (every planned visit's address, as
#: all readers get it, is checked after every action).
PACKET_EVERY = int(os.environ.get("RONDPLAN_MODEL_PACKET_EVERY", "5"))
# Every action happens in June 2026 (the operation, addresses, call-ins, referrals).
PERIOD = Period(dt.date(2026, 6, 1), dt.date(2026, 6, 30))
AFTER_EVERYTHING = dt.datetime(2026, 12, 31, 23, 0)
PLANNING_NOW = dt.datetime.combine(START + dt.timedelta(days=3), dt.time(12))
DAYS = [START + dt.timedelta(days=n) for n in range((END - START).days + 1)]
OUTCOMES = [
    VisitStatus.MET,
    VisitStatus.NOT_HOME,
    VisitStatus.REFUSED,
    VisitStatus.MOVED,
    VisitStatus.FAMILY_ONLY,
    VisitStatus.CANCELLED,
]
#: What the run did: actions taken (``steps``, each followed by every check), of which
#: refused by the permission check (``refused``) or declined in one sentence
#: (``declined``), runs of the real ``rondplan stats`` and so on.
DONE = ("met", "not_home", "refused", "moved", "family_only", "cancelled")
#: The support service every seeded database has (make_field's one service).
SERVICE_ID = 1
OUTCOME_ARGS = {
    "status": st.sampled_from(OUTCOMES),
    "parts": st.sets(st.sampled_from(list(MessagePart)), max_size=2),
    "offered": st.booleans(),
    "accepted": st.booleans(),
    "follow_up": st.booleans(),
    "service_id": st.just(SERVICE_ID),
}
STEPS_TAKEN = {"steps": 0, "examples": 0, "refused": 0, "declined": 0, "cli_stats": 0}
STEPS_TAKEN.update(imports=0, retention_runs=0, retention_deleted=0, packets=0)
#: Actions taken, by kind.
ACTIONS: Counter[str] = Counter()
# Retention deadlines (days) the administrator sets in the template; the clock of a
# retention run is moved forward past some of them.
KEEP_DAYS = {
    RetentionCategory.VISIT: 200,
    RetentionCategory.DELIVERY: 400,
    RetentionCategory.REFERRAL: 300,
}
#: The permission table for the actions the model takes, written out here (not read from
#: desktop/services/permissions.py); True where the role may do it.
MAY = {
    ("team_lead", "record_outcome"): True,
    ("team_lead", "advance_referral"): True,
    ("team_lead", "plan"): False,
    ("team_lead", "move"): False,
    ("team_lead", "merge"): False,
    ("team_lead", "import"): False,
    ("officer", "advance_referral"): True,
    ("officer", "refer"): True,
    ("officer", "record_outcome"): False,
    ("officer", "plan"): False,
    ("officer", "move"): False,
    ("officer", "merge"): False,
    ("officer", "import"): False,
}
#: The rows a refused action must leave as they were.
DOMAIN_TABLES = (
    "person",
    "address",
    "membership",
    "visit",
    "delivery",
    "referral",
    "referral_event",
    "task",
    "invitation",
    "group_relation",
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One seeded database with a running operation, its teams and an accepted plan,
    copied for every example (so every run has visits to record, correct and move)."""
    folder = tmp_path_factory.mktemp("model")
    field = make_field(folder, persons=9)
    operation_id = planned_operation(field)
    # Planned the evening before the period (nothing is planned into the past, issue 17),
    # so its visits cover every day; re-planning later happens at PLANNING_NOW.
    planning = PlanningService(field.store, clock=lambda: PLANNED_AT)
    planning.propose(operation_id, 0)
    planning.accept(operation_id)
    field.store.lock()
    admin = login(field.path, "admin")
    try:
        rules = RetentionService(admin, Reauthentication(admin))
        for category, days in KEEP_DAYS.items():
            rules.save_rule(category, None, days, "Modellens frist")
    finally:
        admin.lock()
    return field.path


def _outcome(
    status: VisitStatus,
    parts: set[MessagePart],
    offered: bool,
    accepted: bool,
    follow_up: bool,
    service_id: int,
) -> OutcomeInput:
    """An outcome as the dialog lets one be entered (parts and support only when he
    or his family was met)."""
    talked = status in (VisitStatus.MET, VisitStatus.FAMILY_ONLY)
    return OutcomeInput(
        status,
        parts=frozenset(parts) if talked else frozenset(),
        support_offered=offered,
        support_accepted=accepted and talked,
        support_service_id=service_id if accepted and talked else None,
        follow_up_title="Följ upp" if follow_up else "",
        follow_up_due=END if follow_up else None,
    )


def _copy(template: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for source in template.parent.iterdir():
        if source.name.startswith(template.name):
            shutil.copy2(source, folder / source.name)
    return folder / template.name


class Programme(RuleBasedStateMachine):
    template: Path
    folder: Path

    @initialize()
    def open(self) -> None:
        STEPS_TAKEN["examples"] += 1
        progress = os.environ.get("RONDPLAN_MODEL_PROGRESS")
        if progress:  # a long run says how far it got
            Path(progress).write_text(f"{STEPS_TAKEN}\n", encoding="utf-8")
        self.path = _copy(self.template, self.folder / f"run{STEPS_TAKEN['examples']}")
        # Every run starts from a copy of the same file (one database id): each gets its own
        # users' anchors, or a login would rightly call the fresh copy a rollback of the last.
        os.environ["RONDPLAN_ANCHOR_DIR"] = str(self.path.parent / "anchors")
        self.store = login(self.path, "coordinator_social")
        # Re-planning the running operation happens on its fourth day (issue 17: from
        # the next day on, never in the past).
        self.ops = dataclasses.replace(
            build_operations(self.store),
            planning=PlanningService(self.store, clock=lambda: PLANNING_NOW),
        )
        self.outcomes = OutcomeService(self.store, clock=lambda: AFTER_EVERYTHING)
        self.corrections = OutcomeCorrections(self.outcomes)
        self.last_correction: tuple[OutcomeBefore, int, tuple] | None = None  # type: ignore[type-arg]
        self.mapping = build_mapping(self.store)
        self.engagement = build_engagement(self.store)
        self.stats = StatisticsService(self.store, None)  # type: ignore[arg-type]
        self.operation_id = self._scalar("SELECT min(id) FROM operation")
        self.service_id = self._scalar("SELECT min(id) FROM support_service")
        assert self.service_id == SERVICE_ID
        self.run_steps = 0
        self.next_cli = 1
        self.next_packet = 0
        self.acted = True  # the copied template is checked before the first action
        # The other roles, logged in as themselves on the same file.
        self.others = {
            role: login(self.path, f"{role}_social") for role in ("team_lead", "officer")
        }

    def teardown(self) -> None:
        for other in getattr(self, "others", {}).values():
            other.lock()
        store = getattr(self, "store", None)
        if store is not None:
            store.lock()

    # Raw reads ------------------------------------------------------------------

    def _rows(self, sql: str) -> list[tuple]:
        with self.store.read_session() as s:
            return [tuple(r) for r in s.execute(text(sql)).all()]

    def _scalar(self, sql: str) -> int:
        return int(self._rows(sql)[0][0] or 0)

    def _visit(self, index: int, statuses: tuple[str, ...]) -> int | None:
        quoted = ", ".join(f"'{s}'" for s in statuses)
        ids = [r[0] for r in self._rows(f"SELECT id FROM visit WHERE status IN ({quoted})")]
        return ids[index % len(ids)] if ids else None

    def _live_persons(self) -> list[int]:
        return [r[0] for r in self._rows("SELECT id FROM person WHERE merged_into_id IS NULL")]

    def _acting(self, name: str) -> None:
        """Count one user action; the checks run after every step that took one."""
        STEPS_TAKEN["steps"] += 1
        ACTIONS[name] += 1
        self.run_steps += 1
        self.acted = True

    def _try(self, name: str, action) -> None:  # type: ignore[no-untyped-def]
        """Run one user action; a refusal in one sentence is an allowed answer."""
        self._acting(name)
        try:
            action()
        except DomainError:
            STEPS_TAKEN["declined"] += 1

    def _snapshot(self) -> dict[str, list[tuple]]:
        return {t: self._rows(f"SELECT * FROM {t} ORDER BY id") for t in DOMAIN_TABLES}

    def _as_role(self, role: str, name: str, action) -> None:  # type: ignore[no-untyped-def]
        """``action`` by ``role``: refused and without effect exactly where MAY says no."""
        self._acting(f"{role}:{name}")
        before = self._snapshot()
        try:
            action()
        except PermissionDenied:
            assert not MAY[(role, name)], f"{role} was refused {name}, which the role may do"
            assert self._snapshot() == before, f"{role}'s refused {name} changed rows"
            STEPS_TAKEN["refused"] += 1
            return
        except DomainError:
            assert MAY[(role, name)], f"{role} may not {name} but got past the permission check"
            return
        assert MAY[(role, name)], f"{role} may not {name}, yet it was done"

    # Planning -------------------------------------------------------------------

    @rule(seed=st.integers(0, 50))
    def plan_and_accept(self, seed: int) -> None:
        def act() -> None:
            self.ops.planning.propose(self.operation_id, seed)
            self.ops.planning.accept(self.operation_id)

        self._try("plan_and_accept", act)

    @rule(
        first=st.sampled_from(DAYS),
        days=st.integers(0, 6),
        who=st.lists(st.integers(0, 50), min_size=1, max_size=4),
        staff=st.tuples(st.integers(0, 3), st.integers(0, 3)),
    )
    def new_operation(
        self, first: dt.date, days: int, who: list[int], staff: tuple[int, int]
    ) -> None:
        """Another operation in June: targets, one two-agency team, a plan accepted (one
        action of several units of work, checked after the last). Later re-planning
        works on it, and its visits join those the other rules act on."""
        self._new_operation(first, days, who, staff)

    def _new_operation(
        self, first: dt.date, days: int, who: list[int], staff: tuple[int, int]
    ) -> None:
        persons = self._live_persons()
        chosen = sorted({persons[i % len(persons)] for i in who})
        police, social = (
            [
                r[0]
                for r in self._rows(
                    "SELECT s.id FROM staff_member s JOIN agency a ON a.id = s.agency_id "
                    f"WHERE a.code = '{code}' ORDER BY s.id"
                )
            ]
            for code in ("police", "social")
        )
        last = min(first + dt.timedelta(days=days), PERIOD.end)
        operations = self.ops.operations

        def act() -> None:
            new_id, _ = operations.create(OperationInput(f"Insats {first:%d/%m}", first, last))
            self.operation_id = new_id
            operations.add_targets(new_id, chosen)
            team = [police[staff[0] % len(police)], social[staff[1] % len(social)]]
            self.ops.teams.save_team(new_id, "Team", team)
            self.ops.planning.propose(new_id, days)
            self.ops.planning.accept(new_id)

        self._try("new_operation", act)

    @rule(index=st.integers(0, 50), first=st.sampled_from(DAYS), days=st.integers(0, 11))
    def change_period(self, index: int, first: dt.date, days: int) -> None:
        """Change an operation's period (shorter, longer or shifted; I19). Refused, with
        nothing changed, exactly when a visit neither proposed nor cancelled would fall
        outside, naming how many; the proposals outside are dropped."""
        operations = self._rows("SELECT id FROM operation ORDER BY id")
        oid = operations[index % len(operations)][0]
        last = min(first + dt.timedelta(days=days), PERIOD.end)
        outside = [
            vid
            for vid, starts_at in self._rows(
                "SELECT id, starts_at FROM visit WHERE status NOT IN ('proposed', 'cancelled') "
                f"AND operation_id = {oid}"
            )
            if not first <= dt.datetime.fromisoformat(str(starts_at)).date() <= last
        ]
        before = self._snapshot() if outside else None

        def act() -> None:
            row = self.ops.operations.get(oid)
            data = OperationInput(row.name, first, last, row.purpose)
            try:
                self.ops.operations.update(oid, row.version, data)
            except ValidationError as refused:
                assert refused.code == "operation.visits_outside_period", refused.code
                assert refused.params["count"] == len(outside), (refused.params, outside)
                assert self._snapshot() == before, "a refused period change changed rows"
                raise
            assert not outside, f"the period left visits {outside} outside"

        self._try("change_period", act)

    @rule(index=st.integers(0, 200), day=st.sampled_from(DAYS), hour=st.integers(8, 18))
    def move(self, index: int, day: dt.date, hour: int) -> None:
        vid = self._visit(index, ("planned",))
        if vid is not None:
            when = dt.datetime.combine(day, dt.time(hour))
            self._try("move", lambda: self.ops.visits.move_visit(vid, when, None))

    # Outcomes -------------------------------------------------------------------

    @rule()
    def record_the_next_visit(self) -> None:
        """The first planned visit gets an outcome (the status turns with the run); with
        none left, the coordinator plans another operation.

        Hypothesis sorts a rule without arguments first, so its simplest example (every
        step the first rule) works through plans instead of re-planning every step."""
        vid = self._visit(0, ("planned",))
        if vid is None:
            n = self.run_steps
            self._new_operation(DAYS[n % len(DAYS)], n % 7, [n, n + 5, n + 11], (n % 4, n // 4))
        else:
            status = OUTCOMES[self.run_steps % len(OUTCOMES)]
            talked = status in (VisitStatus.MET, VisitStatus.FAMILY_ONLY)
            data = OutcomeInput(
                status,
                parts=frozenset({MessagePart.NOT_SUSPECTED}) if talked else frozenset(),
                support_offered=talked,
                support_accepted=talked and self.run_steps % 2 == 0,
                support_service_id=self.service_id if talked and self.run_steps % 2 == 0 else None,
            )
            self._try("record_outcome", lambda: self._record(vid, data))

    @rule(index=st.integers(0, 200), outcome=st.builds(_outcome, **OUTCOME_ARGS))
    def record_outcome(self, index: int, outcome: OutcomeInput) -> None:
        vid = self._visit(index, ("planned",))
        if vid is not None:
            self._try("record_outcome", lambda: self._record(vid, outcome))

    def _record(self, vid: int, data: OutcomeInput) -> None:
        self.outcomes.record(vid, self.outcomes.detail(vid).version, data)

    @rule(index=st.integers(0, 200), outcome=st.builds(_outcome, **OUTCOME_ARGS))
    def correct_outcome(self, index: int, outcome: OutcomeInput) -> None:
        """A recorded outcome corrected as the outcome dialog does it (undoable)."""
        vid = self._visit(index, DONE)
        if vid is None:
            return
        before = oracle.outcome_rows(self._rows, vid)

        def act() -> None:
            version = self.outcomes.detail(vid).version
            correction = self.corrections.correct(vid, version, outcome)
            [(after,)] = self._rows(f"SELECT version FROM visit WHERE id = {vid}")
            self.last_correction = (correction.before, after, before)

        self._try("correct_outcome", act)

    @rule()
    def undo_correction(self) -> None:
        """Ctrl+Z on the last correction: the outcome before it, with what it derived.

        Like the calendar's undo stack, with the version the visit had after the
        correction: anything saved on it since makes the undo a refusal."""
        if self.last_correction is None:
            return
        before, version, rows = self.last_correction
        self.last_correction = None

        def act() -> None:
            self.corrections.undo(before.visit_id, version, before)
            assert oracle.outcome_rows(self._rows, before.visit_id) == rows, "undo did not restore"

        self._try("undo_correction", act)

    @rule(index=st.integers(0, 200))
    def undo_outcome(self, index: int) -> None:
        vid = self._visit(index, DONE)
        if vid is not None:
            self._try(
                "undo_outcome", lambda: self.outcomes.undo(vid, self.outcomes.detail(vid).version)
            )

    # Mapping --------------------------------------------------------------------

    @rule(index=st.integers(0, 50), day=st.sampled_from(DAYS), area=st.sampled_from("ABC"))
    def add_address(self, index: int, day: dt.date, area: str) -> None:
        persons = self._live_persons()
        pid = persons[index % len(persons)]
        street = f"Flyttgatan {index} ({day:%m%d})"
        inp = AddressInput(street, "21100", "Malmö", f"Område {area}", valid_from=day.isoformat())
        self._try("add_address", lambda: self.mapping.persons.add_address(pid, inp))

    @rule(
        day=st.sampled_from(DAYS),
        kind=st.sampled_from(list(GroupRelationKind)),
        end=st.booleans(),
    )
    def end_or_edit_relation(self, day: dt.date, kind: GroupRelationKind, end: bool) -> None:
        [(rid, version, _since)] = self._rows(
            "SELECT id, version, since FROM group_relation ORDER BY id LIMIT 1"
        )
        groups = self.mapping.groups
        if end:
            self._try("end_relation", lambda: groups.end_relation(rid, version, day))
        else:
            self._try("edit_relation", lambda: groups.edit_relation(rid, version, kind, None, None))

    @rule(keep=st.integers(0, 50), drop=st.integers(0, 50))
    def merge(self, keep: int, drop: int) -> None:
        persons = self._live_persons()
        if len(persons) < 4:
            return
        a, b = persons[keep % len(persons)], persons[drop % len(persons)]
        if a == b:
            return
        versions = dict(self._rows(f"SELECT id, version FROM person WHERE id IN ({a}, {b})"))
        self._try("merge", lambda: self.mapping.merge(a, b, versions[a], versions[b]))

    # Support --------------------------------------------------------------------

    @rule(index=st.integers(0, 50), day=st.sampled_from(DAYS))
    def refer(self, index: int, day: dt.date) -> None:
        persons = self._live_persons()
        data = ReferralInput(persons[index % len(persons)], self.service_id, day)
        self._try("refer", lambda: self.engagement.referrals.create(data))

    @rule(index=st.integers(0, 200), step=st.sampled_from(list(ReferralStatus)))
    def advance_referral(self, index: int, step: ReferralStatus) -> None:
        rows = self._rows("SELECT id, version, opened_on FROM referral ORDER BY id")
        if rows:
            rid, version, _ = rows[index % len(rows)]
            self._try(
                "advance_referral",
                lambda: self.engagement.referrals.advance(rid, version, step, END),
            )

    # Call-ins -------------------------------------------------------------------

    @rule(day=st.sampled_from(DAYS), who=st.lists(st.integers(0, 50), min_size=1, max_size=3))
    def call_in(self, day: dt.date, who: list[int]) -> None:
        persons = self._live_persons()
        chosen = sorted({persons[i % len(persons)] for i in who})

        def act() -> None:
            cid, _ = self.engagement.callins.create(
                CallInInput("Stormöte", dt.datetime.combine(day, dt.time(17)), "Stadshuset")
            )
            self.engagement.callins.invite(cid, person_ids=chosen, today=day)

        self._try("call_in", act)

    @rule(index=st.integers(0, 200), status=st.sampled_from(list(InvitationStatus)))
    def attendance(self, index: int, status: InvitationStatus) -> None:
        rows = self._rows("SELECT id, call_in_id FROM invitation ORDER BY id")
        if rows:
            iid, cid = rows[index % len(rows)]
            mark = AttendanceInput(iid, status)
            self._try("attendance", lambda: self.engagement.attendance.record(cid, [mark]))

    # Other roles ----------------------------------------------------------------

    @rule(
        role_what=st.sampled_from(sorted(MAY)),
        index=st.integers(0, 200),
        status=st.sampled_from(OUTCOMES),
        step=st.sampled_from(list(ReferralStatus)),
        day=st.sampled_from(DAYS),
    )
    def other_role_acts(
        self,
        role_what: tuple[str, str],
        index: int,
        status: VisitStatus,
        step: ReferralStatus,
        day: dt.date,
    ) -> None:
        role, what = role_what
        store = self.others[role]
        act = None
        if what == "record_outcome":
            vid = self._visit(index, ("planned",))
            if vid is None:
                return
            service = OutcomeService(store, clock=lambda: AFTER_EVERYTHING)
            [(version,)] = self._rows(f"SELECT version FROM visit WHERE id = {vid}")
            talked = status in (VisitStatus.MET, VisitStatus.FAMILY_ONLY)
            data = OutcomeInput(
                status, parts=frozenset({MessagePart.HELP}) if talked else frozenset()
            )

            def act() -> None:
                service.record(vid, version, data)

        elif what == "advance_referral":
            rows = self._rows("SELECT id, version FROM referral ORDER BY id")
            if not rows:
                return
            rid, version = rows[index % len(rows)]
            referrals = build_engagement(store).referrals

            def act() -> None:
                referrals.advance(rid, version, step, END)

        elif what == "refer":
            persons = self._live_persons()
            data = ReferralInput(persons[index % len(persons)], self.service_id, day)
            referrals = build_engagement(store).referrals

            def act() -> None:
                referrals.create(data)

        elif what == "plan":
            planning = PlanningService(store, clock=lambda: PLANNING_NOW)

            def act() -> None:
                planning.propose(self.operation_id, index)
                planning.accept(self.operation_id)

        elif what == "move":
            vid = self._visit(index, ("planned",))
            if vid is None:
                return
            visits = build_operations(store).visits
            when = dt.datetime.combine(day, dt.time(10))

            def act() -> None:
                visits.move_visit(vid, when, None)

        elif what == "merge":
            persons = self._live_persons()
            a, b = persons[0], persons[-1]
            versions = dict(self._rows(f"SELECT id, version FROM person WHERE id IN ({a}, {b})"))
            mapping = build_mapping(store)

            def act() -> None:
                mapping.merge(a, b, versions[a], versions[b])

        elif what == "import":
            imports = ImportService(store)
            table = read_table(oracle.mapping_csv([f"Rollperson{index}"]), "lista.csv")

            def act() -> None:
                imports.import_rows(imports.preview(table, today=day), today=day)

        assert act is not None
        self._as_role(role, what, act)

    # Import and retention -------------------------------------------------------

    @rule(names=st.lists(st.integers(0, 30), min_size=1, max_size=3), day=st.sampled_from(DAYS))
    def import_list(self, names: list[int], day: dt.date) -> None:
        """A small mapping list as a CSV file through the import service (coordinator).

        Names repeat across steps, so some lists hold a probable duplicate of a person
        already imported: the import is then refused whole until it is decided."""
        imports = ImportService(self.store)
        data = oracle.mapping_csv([f"Importerad{n}" for n in sorted(set(names))])

        def act() -> None:
            preview = imports.preview(read_table(data, "lista.csv"), today=day)
            imports.import_rows(preview, "lista.csv", today=day)
            STEPS_TAKEN["imports"] += 1

        before = self._scalar("SELECT count(*) FROM person")
        self._try("import_list", act)
        after = self._scalar("SELECT count(*) FROM person")
        assert after in (before, before + len(set(names))), (before, after)

    # Before, between and past the deadlines (200, 300, 400 days).
    @rule(days=st.sampled_from([0, 150, 250, 350, 450, 700]))
    def retention(self, days: int) -> None:
        """The daily retention run, its clock moved ``days`` past the end of June 2026."""
        when = dt.datetime(2026, 7, 1, 3) + dt.timedelta(days=days)
        service = RetentionService(self.store, Reauthentication(self.store), clock=lambda: when)

        def act() -> None:
            result = service.run(scheduled=True, compact=False)
            STEPS_TAKEN["retention_runs"] += 1
            STEPS_TAKEN["retention_deleted"] += sum(result.counts.values())

        self._try("retention", act)

    # Invariants -----------------------------------------------------------------

    @invariant()
    def after_every_action(self) -> None:
        """The checks, after every step that took an action (a step that took none
        changed nothing: each rule either acts through ``_try``/``_as_role`` or only reads)."""
        if not getattr(self, "acted", False):
            return
        self.acted = False
        with self.store.read_session() as session:
            assert [v.message for v in check_invariants(session)] == []
        self._statistics_equal_a_recount()
        self._visits_show_the_address_valid_at_their_time()

    def _statistics_equal_a_recount(self) -> None:
        expected = oracle.recount(self._rows, PERIOD)
        total = self.stats.figures(PERIOD).total
        assert oracle.figures(figures_dict(total)) == expected
        # The real command after the run's first action and every CLI_EVERY actions.
        if self.run_steps >= self.next_cli:
            self.next_cli = self.run_steps + CLI_EVERY
            printed = self._stats_command()
            assert oracle.figures(printed) == expected, "rondplan stats differs from the recount"
            STEPS_TAKEN["cli_stats"] += 1

    def _stats_command(self) -> dict:  # type: ignore[type-arg]
        """``rondplan stats --format json`` as a user runs it; its figures from stdout."""
        out = io.StringIO()
        argv = [
            "stats",
            "--db",
            str(self.path),
            "--user",
            "coordinator_social",
            "--format",
            "json",
            "--from",
            PERIOD.start.isoformat(),
            "--to",
            PERIOD.end.isoformat(),
        ]
        old = os.environ.get("RONDPLAN_PASSWORD")
        os.environ["RONDPLAN_PASSWORD"] = PASSWORD
        try:
            with contextlib.redirect_stdout(out):
                assert cli.main(argv) == 0
        finally:
            if old is None:
                del os.environ["RONDPLAN_PASSWORD"]
            else:
                os.environ["RONDPLAN_PASSWORD"] = old
        return json.loads(out.getvalue())["figures"]

    def _visits_show_the_address_valid_at_their_time(self) -> None:
        """Every planned visit's address, as every reader gets it (``visit_places``), is
        the one valid on its day worked out here from the raw rows, and "changed since
        planning" is said exactly when that is not the address planning stored. Every
        PACKET_EVERY actions one team's packet for one day is built as a print builds it
        (without the PDF) and each sheet checked the same way."""
        rows = self._rows(
            "SELECT v.id, v.person_id, v.team_id, v.starts_at, v.address_id, v.operation_id "
            "FROM visit v WHERE v.status = 'planned' ORDER BY v.id"
        )
        if not rows:
            return
        addresses = oracle.addresses(self._rows, {r[1] for r in rows})
        expected = {
            r[0]: oracle.address_on(addresses.get(r[1], []), oracle.day(r[3])) for r in rows
        }
        keys = [
            VisitKey(vid, pid, oracle.moment(starts), aid) for vid, pid, _, starts, aid, _ in rows
        ]
        with self.store.read_session() as session:
            places = visit_places(session, keys)
        for vid, _, _, _, planned, _ in rows:
            place, (street, address_id) = places[vid], expected[vid]
            assert (place.address.street if place.address else "") == street, vid
            assert place.changed == (planned is not None and planned != address_id), vid
        if self.run_steps < self.next_packet:
            return
        self.next_packet = self.run_steps + PACKET_EVERY
        teams = [r for r in rows if r[2] is not None and r[5] is not None]
        if not teams:
            return
        _, _, team, starts, _, operation = teams[STEPS_TAKEN["steps"] % len(teams)]
        request = BriefingRequest(operation, team, oracle.day(starts))
        with self.store.read_session() as session:
            texts = tpl.current_templates(session, seed=False)
            meta = make_meta(session, self.store, "RP-MODELL", texts, (), AFTER_EVERYTHING)
            data = build_briefing(session, self.store, request, meta, texts)
        STEPS_TAKEN["packets"] += 1
        for sheet in data.visits:
            [(pid,)] = self._rows(f"SELECT person_id FROM visit WHERE id = {sheet.reference}")
            if pid not in addresses:  # a sheet of a visit that is no longer planned
                addresses.update(oracle.addresses(self._rows, {pid}))
            street, _ = oracle.address_on(addresses.get(pid, []), sheet.starts_at.date())
            assert (sheet.address_lines[:1] or ("",))[0] == street, sheet.reference


# About 100 s of CPU; the wall clock on a machine shared with other work can be four times
# that, past the suite's 300 s per test.
@pytest.mark.timeout(1200)
def test_programme_model(
    template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Programme.template = template
    Programme.folder = tmp_path
    run = Programme.TestCase
    run.settings = settings(
        max_examples=EXAMPLES,
        stateful_step_count=STEPS,
        deadline=None,
        derandomize=os.environ.get("RONDPLAN_MODEL_RANDOM") is None,
        suppress_health_check=list(HealthCheck),
        database=None,
        # The explain phase traces every line run: far too slow over a real database.
        phases=[Phase.explicit, Phase.reuse, Phase.generate]
        + ([Phase.shrink] if os.environ.get("RONDPLAN_MODEL_SHRINK") else []),
    )
    run().runTest()
    with capsys.disabled():  # in the CI log too
        print(f"\nmodel: {STEPS_TAKEN}\nactions: {dict(sorted(ACTIONS.items()))}")
    if not SETTINGS_GIVEN or os.environ.get("CI", "").lower() == "true":
        assert STEPS_TAKEN["steps"] >= MIN_ACTIONS, STEPS_TAKEN
