"""The application shell: main window, navigation, status line, crash handling."""

from desktop.views.shell.main_window import MainWindow
from desktop.views.shell.page_titles import PAGE_TITLES, page_title
from desktop.views.shell.pages import PageSpec, StatusInfo
from desktop.views.shell.placeholder import PlaceholderPage

__all__ = ["PAGE_TITLES", "MainWindow", "PageSpec", "PlaceholderPage", "StatusInfo", "page_title"]
