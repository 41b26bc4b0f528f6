"""Words for the incident codes (issue 20): the core's one vocabulary, translated here."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from desktop.services.vocabulary import (
    CERTAINTY_WORDS,
    FOLLOW_UP_WORDS,
    INCIDENT_KIND_WORDS,
    INCIDENT_ROLE_WORDS,
    INCIDENT_SIDE_WORDS,
    RESPONSE_REASON_WORDS,
    RESPONSE_STATUS_WORDS,
    VISIT_WORDS_CONTEXT,
)


def _word(words: dict[str, str], code: object) -> str:
    key = str(code)
    source = words.get(key)
    return QCoreApplication.translate(VISIT_WORDS_CONTEXT, source) if source else key


def kind_label(code: object) -> str:
    return _word(INCIDENT_KIND_WORDS, code)


def certainty_label(code: object) -> str:
    return _word(CERTAINTY_WORDS, code)


def side_label(code: object) -> str:
    return _word(INCIDENT_SIDE_WORDS, code)


def role_label(code: object) -> str:
    return _word(INCIDENT_ROLE_WORDS, code)


def status_label(code: object) -> str:
    return _word(RESPONSE_STATUS_WORDS, code)


def reason_label(code: object) -> str:
    return _word(RESPONSE_REASON_WORDS, code)


def follow_up_label(code: str, reference: str) -> str:
    return _word(FOLLOW_UP_WORDS, code).replace("{reference}", reference)


def when(value: dt.datetime) -> str:
    return f"{value:%Y-%m-%d %H:%M}"
