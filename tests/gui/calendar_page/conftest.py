from tests.gui.operations.conftest import field, planned  # noqa: F401
