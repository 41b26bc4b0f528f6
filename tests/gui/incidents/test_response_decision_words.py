"""What accepting a response did, in words that agree with the counts (issue 20): one
sanction period is 'one sanction period', not '1 sanction periods' ('1 sanktionsperioder')."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from desktop.services.incidents.rows import ResponseDecision
from desktop.views.i18n import install_translators, remove_translators
from tests.gui.incidents.test_response_dialog import _dialog
from tests.unit.incidents.factories import shooting

EXPECTED = {
    "sv": (
        "Godkänt: 1 akut besök planerat, 1 sanktionsperiod, 1 uppgift.",
        "Godkänt: 3 akuta besök planerade, 2 sanktionsperioder, 0 uppgifter.",
    ),
    "en": (
        "Accepted: 1 urgent visit planned, 1 sanction period, 1 task.",
        "Accepted: 3 urgent visits planned, 2 sanction periods, 0 tasks.",
    ),
}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_decision_counts_in_singular_and_plural(qtbot, qapp, world, as_user, lang):
    session = as_user("coordinator_police")
    incident_id, _ = session.incidents.register.create(
        shooting(world, reference=f"5000-K8{len(lang)}{lang}-26")
    )
    assert install_translators(qapp, lang)  # as the app does, Swedish too (its plurals)
    try:
        dialog = _dialog(qtbot, session, world, incident_id)
        one = ResponseDecision("", frozenset(), accepted=1, sanction_ids=(1,), task_ids=(1,))
        dialog.show_decision(one)
        assert dialog.outcome_text.text() == EXPECTED[lang][0]
        many = ResponseDecision("", frozenset(), accepted=3, sanction_ids=(1, 2))
        dialog.show_decision(many)
        assert dialog.outcome_text.text() == EXPECTED[lang][1]
    finally:
        remove_translators(qapp)
        QLocale.setDefault(QLocale.c())
