"""The Administration page: tabs by role (administrator's tools, the auditor's log)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.services.changes import Changes
from desktop.services.permissions import Action, allowed
from desktop.services.security import SecurityServices
from desktop.store.interface import Store
from desktop.views.admin.audit_view import AuditView
from desktop.views.admin.backups_tab import BackupsTab
from desktop.views.admin.retention_tab import RetentionTab
from desktop.views.admin.templates_tab import TemplatesFactory, TemplatesTab
from desktop.views.admin.users_tab import UsersTab
from desktop.views.changes_hub import ChangesHub, hub_or_own

if TYPE_CHECKING:
    from desktop.views.wiring import PageContext


class AdminPage(QWidget):
    """Administration. Each change is published to the hub once, by the runner in its tab.

    Args:
        security: The security services of the unlocked store.
        store: For the chain verification and the identity's role.
        templates: Builds the templates list (owned elsewhere), or None.
        hub: The application's hub; a page shown alone keeps one of its own.
    """

    def __init__(
        self,
        security: SecurityServices,
        store: Store,
        templates: TemplatesFactory | None = None,
        parent: QWidget | None = None,
        *,
        hub: ChangesHub | None = None,
    ) -> None:
        super().__init__(parent)
        self._hub = hub_or_own(hub, self.apply_changes)
        role = store.identity.role
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.users: UsersTab | None = None
        self.retention: RetentionTab | None = None
        self.backups: BackupsTab | None = None
        self.audit: AuditView | None = None
        if allowed(role, Action.USER_ADMIN):
            self.users = UsersTab(security, hub=self._hub)
            self.tabs.addTab(self.users, self.tr("Användare och roller"))
        if allowed(role, Action.RETENTION_ADMIN):
            self.retention = RetentionTab(security, hub=self._hub)
            self.tabs.addTab(self.retention, self.tr("Gallring"))
        if allowed(role, Action.TEMPLATE_EDIT):
            self.tabs.addTab(TemplatesTab(templates), self.tr("Mallar"))
        # A server is backed up by its operators: no workstation backups (issue 19).
        if allowed(role, Action.BACKUP) and security.backups.available:
            self.backups = BackupsTab(security)
            self.tabs.addTab(self.backups, self.tr("Säkerhetskopior"))
        if allowed(role, Action.AUDIT_READ):
            self.audit = AuditView(security, store)
            self.tabs.addTab(self.audit, self.tr("Behandlingslogg"))
        self.tabs.currentChanged.connect(self._load_current)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tabs)
        self._loaded: set[int] = set()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        self._load_current(self.tabs.currentIndex())

    def _load_current(self, index: int) -> None:
        # Lazy: the audit view asks for the password again, only when opened.
        if index in self._loaded or index < 0:
            return
        self._loaded.add(index)
        widget = self.tabs.widget(index)
        reload = getattr(widget, "reload", None)
        if reload is not None:
            reload()

    def apply_changes(self, changes: Changes) -> None:
        if changes.touches("user") and self.users is not None:
            self.users.reload()
        if changes.touches("retention_rule", "person") and self.retention is not None:
            self.retention.reload()


def _templates_launcher(context: PageContext) -> QWidget:
    """A short explanation and a button that opens the template editor."""
    from PySide6.QtWidgets import QLabel, QPushButton

    from desktop.views.printing.template_editor import TemplateEditorDialog

    box = QWidget()
    layout = QVBoxLayout(box)
    text = QLabel(
        QCoreApplication.translate(
            "AdminPage",
            "Budskapet, öppningsfrasen, kontaktuppgifterna och sekretessmarkeringen skrivs "
            "ut på varje genomgångsunderlag. Varje ändring sparas som en ny version, och "
            "versionen som användes noteras vid varje utskrift.",
        )
    )
    text.setWordWrap(True)
    button = QPushButton(QCoreApplication.translate("AdminPage", "&Redigera mallar…"))

    def open_editor() -> None:
        TemplateEditorDialog(context.services.briefing.templates, box, hub=context.hub).exec()

    button.clicked.connect(open_editor)
    layout.addWidget(text)
    layout.addWidget(button)
    layout.addStretch(1)
    return box


def create_page(context: PageContext) -> AdminPage:
    services = context.services
    templates = (
        (lambda: _templates_launcher(context))
        if allowed(services.store.identity.role, Action.TEMPLATE_EDIT)
        else None
    )
    page = AdminPage(services.security, services.store, templates=templates, hub=context.hub)
    context.hub.changes_applied.connect(page.apply_changes)
    return page
