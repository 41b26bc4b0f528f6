from tests.gui.operations.conftest import field  # noqa: F401
