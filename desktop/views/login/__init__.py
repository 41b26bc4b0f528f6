"""Login dialog and first-run wizard; light imports only (QtCore, QtWidgets)."""

from desktop.views.login.first_run_wizard import FirstRunWizard
from desktop.views.login.login_dialog import LoginDialog

__all__ = ["FirstRunWizard", "LoginDialog"]
