"""Screens for ``rondplan screenshot``: Administration (administrator) and the audit view."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.services.bundle import Services
from desktop.views.admin.audit_view import AuditView
from desktop.views.admin.page import AdminPage


def admin(services: Services) -> QWidget:
    page = AdminPage(services.security, services.store)
    page.resize(1280, 800)
    if page.users is not None:
        page.users.reload()
    return page


def audit(services: Services) -> QWidget:
    view = AuditView(services.security, services.store)
    view.resize(1280, 800)
    view.reload()
    return view


SCREENS = {"admin": admin, "audit": audit}
