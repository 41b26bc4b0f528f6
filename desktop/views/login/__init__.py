"""Login dialog and first-run wizard; light imports only (QtCore, QtWidgets).

Names load on first use: the wizard is only needed when there is no database yet.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.views.login.first_run_wizard import FirstRunWizard
    from desktop.views.login.login_dialog import LoginDialog

_WHERE = {"FirstRunWizard": "first_run_wizard", "LoginDialog": "login_dialog"}

__all__ = ["FirstRunWizard", "LoginDialog"]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(name)
    return getattr(importlib.import_module(f"desktop.views.login.{_WHERE[name]}"), name)
