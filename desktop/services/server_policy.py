"""What the application decides about a server database, handed to the store's owner
functions (``init``, ``upgrade``, ``migrate-to-server``, adopting a restored copy): the
role groups' table rights from the permission table, the reads pgaudit logs, and the
programme texts' first versions. The store imports nothing from the services (issue 19).
"""

from __future__ import annotations

from desktop.services import server_rights
from desktop.services.briefing.templates import DEFAULTS
from desktop.store.server.provision import ServerPolicy


def server_policy() -> ServerPolicy:
    return ServerPolicy(
        table_rights=server_rights.grant_statements,
        audit_rights=server_rights.audit_grant_statements,
        templates=DEFAULTS,
    )
