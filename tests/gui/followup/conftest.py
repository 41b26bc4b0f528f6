from tests.gui.operations.conftest import (  # noqa: F401
    _planned_the_evening_before,
    field,
    planned,
)
