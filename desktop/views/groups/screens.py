"""Screens for ``rondplan screenshot``: group list, first group's profile, network."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.services.bundle import Services
from desktop.views.groups.workspace import GroupsWorkspace


def groups(services: Services) -> QWidget:
    page = GroupsWorkspace(services.mapping, services.engagement.sanctions)
    page.resize(1280, 800)
    return page


def group(services: Services) -> QWidget:
    page = GroupsWorkspace(services.mapping, services.engagement.sanctions)
    page.resize(1280, 800)
    rows = services.mapping.groups.list()
    if rows:
        page.open_group(rows[0].id)
    return page


def network(services: Services) -> QWidget:
    page = GroupsWorkspace(services.mapping, services.engagement.sanctions)
    page.resize(1280, 800)
    page.open_network()
    return page


SCREENS = {"groups": groups, "group": group, "network": network}
