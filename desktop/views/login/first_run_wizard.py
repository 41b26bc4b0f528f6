"""The first-run wizard: create the encrypted database and its administrator.

Like the login dialog it imports only QtCore and QtWidgets, so it opens fast.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.views.runner import run_change

MIN_PASSWORD_LENGTH = 12


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("errorText")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


class WelcomePage(QWizardPage):
    """Says in two sentences what Rondplan is, and offers a shared server instead."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Välkommen till Rondplan"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            _wrapped(
                self.tr(
                    "Rondplan hjälper polis, socialtjänst och Kriminalvården att planera, "
                    "genomföra och följa upp hembesök och stormöten i arbetet mot "
                    "gruppvåld. Uppgifterna sparas krypterade, och varje myndighet ser "
                    "bara det den har rätt att se."
                )
            )
        )
        layout.addWidget(
            _wrapped(
                self.tr("Nu skapar du databasen och dess första administratör. Det tar en minut.")
            )
        )
        layout.addStretch(1)
        layout.addWidget(
            _wrapped(
                self.tr(
                    "Arbetar ni på en delad server? Då skapar du ingen egen databas: "
                    "anslut till servern med det konto administratören gett dig."
                )
            )
        )
        self.server_button = QPushButton(self.tr("Anslut till en &server i stället…"))
        self.server_button.setObjectName("useServer")
        # Enter means "Nästa", not leaving the wizard for the server's login.
        self.server_button.setAutoDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.server_button)
        row.addStretch(1)
        layout.addLayout(row)


class DatabasePage(QWizardPage):
    """Asks where the database file goes."""

    def __init__(self, default_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Var ska databasen ligga?"))
        hint = _wrapped(
            self.tr(
                "Välj en mapp på den här datorn, inte en nätverksdisk. Förslaget passar de flesta."
            )
        )
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("databasePath")
        self.path_edit.setAccessibleName(self.tr("Databasfil"))
        browse = QPushButton(self.tr("Bläddra…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(hint)
        # With a layout as the field, QFormLayout sets no buddy; the "&" needs one.
        label = QLabel(self.tr("&Databasfil"))
        label.setBuddy(self.path_edit)
        form.addRow(label, row)
        self.error_label = _error_label()
        form.addRow(self.error_label)
        # Not a mandatory ("*") field: QWizard counts one as filled only once it differs
        # from its value when the page was added, so the suggestion could never be
        # accepted as it is (issue 18). isComplete below asks for a non-empty path.
        self.registerField("databasePath", self.path_edit)
        self.path_edit.setText(default_path)
        self.path_edit.textChanged.connect(self._edited)

    def _edited(self) -> None:
        self.error_label.setVisible(False)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip())

    def problem(self) -> str:
        """What is wrong with the chosen file, or an empty string."""
        text = self.path_edit.text().strip()
        if not text:
            return self.tr("Ange var databasfilen ska ligga.")
        path = Path(text).expanduser()
        if path.exists():
            return self.tr(
                "Det finns redan en fil där. Välj ett annat namn, eller avbryt och "
                "öppna den befintliga databasen med --db."
            )
        folder = next((p for p in (path.parent, *path.parent.parents) if p.exists()), None)
        if folder is None or not folder.is_dir() or not os.access(folder, os.W_OK):
            return self.tr("Mappen går inte att skriva i. Välj en mapp på den här datorn.")
        return ""

    def validatePage(self) -> bool:
        problem = self.problem()
        self.error_label.setText(problem)
        self.error_label.setVisible(bool(problem))
        return not problem

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Välj databasfil"),
            self.path_edit.text(),
            self.tr("Rondplan-databas (*.db)"),
        )
        if path:
            self.path_edit.setText(path)


class AdministratorPage(QWizardPage):
    """Asks for the administrator's name and password, then creates the database."""

    def __init__(
        self, create_database: Callable[[str, str, str], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._create_database = create_database
        self.recovery_code = ""
        self.setTitle(self.tr("Administratör"))
        intro = _wrapped(
            self.tr("Administratören lägger upp användare och myndigheter och tar säkerhetskopior.")
        )
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("adminName")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("adminPassword")
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setObjectName("adminPasswordRepeat")
        for edit in (self.password_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        rule = _wrapped(
            self.tr(
                "Lösenordet måste ha minst %1 tecken. En lång fras av vanliga ord "
                "är både säker och lätt att minnas."
            ).replace("%1", str(MIN_PASSWORD_LENGTH))
        )
        rule.setObjectName("passwordRule")
        self.error_label = _error_label()
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("&Användarnamn"), self.name_edit)
        form.addRow(self.tr("&Lösenord"), self.password_edit)
        form.addRow(self.tr("&Upprepa lösenordet"), self.repeat_edit)
        form.addRow(rule)
        form.addRow(self.error_label)
        self.registerField("adminName*", self.name_edit)
        self.registerField("adminPassword*", self.password_edit)
        self.registerField("adminPasswordRepeat*", self.repeat_edit)
        # Once the database exists there is no going back to change it.
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Skapa databasen"))

    def problem(self) -> str:
        """Returns what is wrong with the input, or an empty string."""
        password = self.password_edit.text()
        if not self.name_edit.text().strip():
            return self.tr("Ange administratörens användarnamn.")
        if len(password) < MIN_PASSWORD_LENGTH:
            return self.tr("Lösenordet är för kort: det behöver minst %1 tecken.").replace(
                "%1", str(MIN_PASSWORD_LENGTH)
            )
        if password != self.repeat_edit.text():
            return self.tr("Lösenorden är inte lika. Skriv samma lösenord två gånger.")
        return ""

    def validatePage(self) -> bool:
        problem = self.problem()
        if problem:
            self._show_error(problem)
            return False
        path = self.field("databasePath").strip()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        create, name = self._create_database, self.name_edit.text().strip()
        password = self.password_edit.text()
        try:
            # Key derivation takes a while: off the GUI thread, with the runner's words.
            code = run_change(
                self,
                self.title(),
                lambda: (create(path, name, password),),
                refused=lambda text, _error: self._show_error(text),
            )
        finally:
            QApplication.restoreOverrideCursor()
        if code is None:
            return False
        self.recovery_code = code[0]
        # The password is not needed again; do not leave it in the widgets.
        self.password_edit.clear()
        self.repeat_edit.clear()
        self.error_label.setVisible(False)
        return True

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(True)


class RecoveryPage(QWizardPage):
    """Shows the recovery code once and asks the administrator to confirm it is stored."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Återställningskod"))
        self.code_label = QLabel()
        self.code_label.setObjectName("recoveryCode")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.code_label.font()
        font.setFamily("monospace")
        font.setStyleHint(font.StyleHint.Monospace)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.code_label.setFont(font)
        instruction = _wrapped(
            self.tr(
                "Skriv ut eller skriv av koden nu och förvara den inlåst, åtskild från "
                "datorn. Koden visas bara den här gången. Den behövs för att öppna "
                "databasen om administratörens lösenord glöms bort."
            )
        )
        self.print_button = QPushButton(self.tr("Skriv ut…"))
        self.print_button.setObjectName("printRecoveryCode")
        self.print_button.clicked.connect(self._print)
        self.saved_check = QCheckBox(self.tr("Jag har sparat återställningskoden"))
        self.saved_check.setObjectName("recoverySaved")
        self.saved_check.toggled.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(instruction)
        layout.addSpacing(12)
        layout.addWidget(self.code_label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.print_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addSpacing(12)
        layout.addWidget(self.saved_check)
        layout.addStretch(1)

    def _print(self) -> None:
        # Imported here: print support is not needed for the wizard to open fast.
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        document = QTextDocument()
        document.setPlainText(
            "\n\n".join(
                [
                    self.tr("Rondplan – återställningskod"),
                    self.code_label.text(),
                    self.tr(
                        "Förvara papperet inlåst, åtskilt från datorn. Koden behövs för att "
                        "öppna databasen om administratörens lösenord glöms bort."
                    ),
                ]
            )
        )
        document.print_(printer)

    def initializePage(self) -> None:
        wizard = self.wizard()
        if isinstance(wizard, FirstRunWizard):
            self.code_label.setText(wizard.admin_page.recovery_code)

    def isComplete(self) -> bool:
        return self.saved_check.isChecked()


class FirstRunWizard(QWizard):
    """Creates a new database with ``create_database(path, admin_name, password)``.

    The callable returns the recovery code, which the last page shows once.
    Known failures are exceptions with a ``user_message``, shown inline.

    Args:
        create_database: ``(path, admin_name, password) -> recovery_code``.
        default_path: Suggested database file.
        parent: Optional parent widget.
    """

    def __init__(
        self,
        create_database: Callable[[str, str, str], str],
        default_path: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ny Rondplan-databas"))
        self.welcome_page = WelcomePage()
        self.database_page = DatabasePage(default_path)
        self.admin_page = AdministratorPage(create_database)
        self.recovery_page = RecoveryPage()
        for page in (self.welcome_page, self.database_page, self.admin_page, self.recovery_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Nästa >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Tillbaka"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Slutför"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Avbryt"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setMinimumSize(560, 420)
        self.wants_server = False
        self.welcome_page.server_button.clicked.connect(self._use_server)

    def _use_server(self) -> None:
        """No database of one's own: the login window opens with the server chosen."""
        self.wants_server = True
        self.accept()

    @property
    def database_path(self) -> str:
        """The chosen database file."""
        return str(self.field("databasePath")).strip()

    @property
    def admin_name(self) -> str:
        """The administrator's user name."""
        return str(self.field("adminName")).strip()

    def done(self, result: int) -> None:
        # The code was shown once; do not leave it in a hidden widget.
        self.recovery_page.code_label.clear()
        super().done(result)
