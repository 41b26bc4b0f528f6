"""The Stöd page, the referral dialog's valid next steps, the sanction-periods widget."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from desktop.models import ReferralStatus
from desktop.services.engagement.rows import ReferralInput, SanctionInput
from desktop.views.callins.labels import step_label
from desktop.views.changes_hub import ChangesHub
from desktop.views.i18n import TRANSLATIONS_DIR
from desktop.views.sanctions import SanctionPeriodsWidget
from desktop.views.sanctions.widget import SanctionTableModel
from desktop.views.support.dialogs import ReferralDialog
from desktop.views.support.models import (
    ReferralEventTableModel,
    ReferralTableModel,
    ServiceTableModel,
)
from desktop.views.support.support_page import SupportPage
from tests.factories import login
from tests.unit.engagement.factories import Field, make_field

S = ReferralStatus
DAY = dt.date.today() - dt.timedelta(days=3)


@pytest.fixture
def field(tmp_path) -> Iterator[Field]:
    built = make_field(tmp_path)
    yield built
    built.store.lock()


def _referral(f: Field, person: int = 0) -> int:
    new_id, _ = f.services.engagement.referrals.create(
        ReferralInput(f.persons[person], f.service_id, DAY)
    )
    return new_id


def _page(qtbot, f: Field) -> SupportPage:  # type: ignore[no-untyped-def]
    page = SupportPage(f.services.engagement, f.store.identity, f.services.mapping.persons.page)
    qtbot.addWidget(page)
    page.show()
    return page


def test_catalogue_and_status_filter(qtbot, field: Field) -> None:
    first = _referral(field, 0)
    second = _referral(field, 1)
    referrals = field.services.engagement.referrals
    referrals.advance(second, referrals.detail(second).row.version, S.DECLINED, DAY)
    page = _page(qtbot, field)
    assert page.services_model.rowCount() == 1
    assert page.services_model.row_at(0).open_referrals == 1  # type: ignore[union-attr]
    # "Pågående" first: the declined one is closed.
    assert [r.id for r in page.referrals.rows()] == [first]
    page.status_filter.setCurrentIndex(1)  # Alla
    assert {r.id for r in page.referrals.rows()} == {first, second}
    swedish = QTranslator()  # the Swedish catalogue holds the singular ("1 remiss")
    assert swedish.load(str(TRANSLATIONS_DIR / "rondplan_sv.qm"))
    QCoreApplication.installTranslator(swedish)
    try:
        page.status_filter.setCurrentIndex(page.status_filter.findText("Avböjd"))
    finally:
        QCoreApplication.removeTranslator(swedish)
    assert [r.id for r in page.referrals.rows()] == [second]
    assert page.count.text() == "1 remiss"


def test_referral_dialog_offers_only_valid_steps(qtbot, field: Field) -> None:
    referral_id = _referral(field)
    hub = ChangesHub()
    dialog = ReferralDialog(field.services.engagement.referrals, referral_id, True, hub=hub)
    qtbot.addWidget(dialog)
    assert set(dialog.step_buttons) == {S.ACCEPTED, S.DECLINED}
    changes = []
    hub.changes_applied.connect(changes.append)
    dialog.step_buttons[S.ACCEPTED].click()
    assert set(dialog.step_buttons) == {S.REFERRED, S.DECLINED, S.DROPPED}
    assert dialog.events.rowCount() == 2 and changes[0].touches("referral", "task")
    dialog.step_buttons[S.DECLINED].click()
    assert dialog.step_buttons == {} and not dialog.day.isEnabled()
    assert step_label(S.DECLINED) == "Tackade nej"


def test_officer_without_catalogue_rights_sees_disabled_buttons(qtbot, field: Field) -> None:
    store = login(field.path, "officer_social")
    try:
        from desktop.services.bundle import build_services

        services = build_services(store)
        page = SupportPage(services.engagement, store.identity, services.mapping.persons.page)
        qtbot.addWidget(page)
        assert not page.new_service.isEnabled() and page.new_referral.isEnabled()
    finally:
        store.lock()


def test_sanction_widget_lists_and_shows_message_text(qtbot, field: Field) -> None:
    sanctions = field.services.engagement.sanctions
    group = field.groups[0]
    sanctions.create(group, SanctionInput("skottlossningen", DAY, measures="Fler kontroller"))
    widget = SanctionPeriodsWidget(sanctions, can_edit=True)
    qtbot.addWidget(widget)
    widget.set_group(group)
    assert widget.model.rowCount() == 1
    assert "ökat fokus" in widget.message.text()
    assert widget.new_button.isEnabled() and widget.end_button.isEnabled()
    widget.set_group(field.groups[1])
    assert widget.model.rowCount() == 0
    assert widget.message.text() == "Ingen pågående sanktionsperiod."
    assert not widget.end_button.isEnabled()


def test_models_pass_the_model_tester(qtmodeltester, field: Field) -> None:
    referral_id = _referral(field)
    engagement = field.services.engagement
    engagement.sanctions.create(field.groups[0], SanctionInput("x", DAY))
    for model, rows in (
        (ServiceTableModel(), engagement.support.services()),
        (ReferralTableModel(), engagement.referrals.referrals()),
        (ReferralEventTableModel(), engagement.referrals.detail(referral_id).events),
        (SanctionTableModel(), engagement.sanctions.periods(field.groups[0])),
    ):
        model.set_rows(rows)
        assert model.rowCount() == len(rows) > 0
        qtmodeltester.check(model)
