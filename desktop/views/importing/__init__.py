"""The import wizard for mapping lists (CSV and XLSX)."""

from desktop.views.importing.wizard import ImportWizard, open_import_wizard

__all__ = ["ImportWizard", "open_import_wizard"]
