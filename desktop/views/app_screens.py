"""Screens of the application shell: login, first-run wizard, main window."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.services.bundle import Services
from desktop.views.changes_hub import ChangesHub
from desktop.views.login import FirstRunWizard, LoginDialog
from desktop.views.settings import Settings
from desktop.views.wiring import PageContext, build_page_specs


def login(services: Services) -> QWidget:
    return LoginDialog(lambda user, password: None, user_name=services.store.identity.username)


def wizard(services: Services) -> QWidget:
    return FirstRunWizard(lambda path, admin, password: "", default_path=str(services.store.path))


def main_window(services: Services) -> QWidget:
    from desktop.app import Session

    session = Session(services.store, Settings(), str(services.store.path))
    return session.window


SCREENS = {"login": login, "wizard": wizard, "main": main_window}

__all__ = ["SCREENS", "ChangesHub", "PageContext", "build_page_specs"]
