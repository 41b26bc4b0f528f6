"""Screens for ``rondplan screenshot``: the person list and the first person's profile."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.services.bundle import Services
from desktop.services.mapping.rows import PersonFilter
from desktop.views.persons.workspace import PersonsWorkspace


def persons(services: Services) -> QWidget:
    page = PersonsWorkspace(services.mapping, services.engagement.sanctions)
    page.resize(1280, 800)
    return page


def person(services: Services) -> QWidget:
    page = PersonsWorkspace(services.mapping, services.engagement.sanctions)
    page.resize(1280, 800)
    first = services.mapping.persons.page(PersonFilter(), limit=1)
    if first:
        page.open_person(first[0].id)
    return page


SCREENS = {"persons": persons, "person": person}
