"""The transfer (import and export) service tests, run unchanged against PostgreSQL.

On the server: test_import_service, test_export_service, test_lookup_presets,
test_robustness and test_cli (``rondplan import`` and ``export`` with ``--server``).
"""

from __future__ import annotations

import pytest

from tests.unit.transfer.conftest import fresh, services, transfer  # noqa: F401
from tests.unit.transfer.test_cli import *  # noqa: F403
from tests.unit.transfer.test_export_service import *  # noqa: F403
from tests.unit.transfer.test_import_service import *  # noqa: F403
from tests.unit.transfer.test_lookup_presets import *  # noqa: F403
from tests.unit.transfer.test_robustness import *  # noqa: F403

pytestmark = pytest.mark.usefixtures("on_postgres", "state_home")


@pytest.fixture
def state_home(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """The command line keeps its audit checkpoint of a server here, not in $HOME."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
