"""Words for the codes statistics hands out (the core returns codes, views say words)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Statistik", text)


def channel_label(code: str) -> str:
    return {
        "home_visit": _t("Hembesök"),
        "call_in": _t("Stormöte"),
        "probation": _t("Kriminalvården"),
        "other": _t("Annat"),
    }.get(code, code)


def outcome_label(code: str) -> str:
    return {
        "proposed": _t("Föreslaget"),
        "planned": _t("Planerat"),
        "met": _t("Träffade honom"),
        "not_home": _t("Inte hemma"),
        "refused": _t("Nekade"),
        "moved": _t("Flyttat"),
        "family_only": _t("Endast familj"),
        "cancelled": _t("Inställt"),
    }.get(code, code)


def month_label(day: dt.date, first: bool = False) -> str:
    names = _t("jan feb mar apr maj jun jul aug sep okt nov dec").split()
    # The year only where it changes (January, and the first month) keeps the axis labels short.
    month = names[day.month - 1]
    return f"{month} {day:%y}" if day.month == 1 or first else month
