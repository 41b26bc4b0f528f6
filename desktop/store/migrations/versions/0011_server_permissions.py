"""server: grants and row-level security for every table from the permission table

Revision ID: 0011_server_permissions
Revises: 0010_record_truth
Create Date: 2026-12-07 04:00:00

On PostgreSQL only (nothing changes on a local file). Until now every application role
had SELECT, INSERT, UPDATE and DELETE on nearly every table through ``<database>:app``:
an officer could read every personnummer and cancel visits, an auditor or an
administrator read every person. From now on:

- Each application role has a group role ``<database>:<role>`` (administrator,
  coordinator, team_lead, officer, auditor) whose table rights are generated from the
  permission table (``desktop.services.server_rights``, renewed by ``init`` and
  ``upgrade`` as the owner). ``<database>:app`` keeps CONNECT and the functions only.
- A user's login role is in exactly the group of the user's role while the account is
  active: ``rondplan_sync_role`` (SECURITY DEFINER, owner's) makes it so, run by
  triggers on ``user_account`` (role, active, a new or removed account) and
  ``user_role`` (a new login role). Only administrators may change those rows, and no
  application role may grant a group itself (no ADMIN OPTION, no CREATEROLE).
- ``address`` gets row-level security: the address of a person with protected identity
  is visible only to the roles that need it (those allowed to print a briefing or
  edit the person: ``server_rights.protected_address_roles``), as decided here from
  the permission table.
"""

from __future__ import annotations

from alembic import op

revision = "0011_server_permissions"
down_revision = "0010_record_truth"
branch_labels = None
depends_on = None

SEARCH_PATH = "SET search_path = pg_catalog, public, pg_temp"
ROLES = ("administrator", "coordinator", "team_lead", "officer", "auditor")

# Whether the caller's role holds one of these role groups (``<database>:<role>``): the
# rights come from the groups, so the policies ask the groups too. Run as the caller.
MEMBER_OF = (
    "CREATE OR REPLACE FUNCTION public.rondplan_member_of(roles text[]) RETURNS boolean "
    "LANGUAGE sql STABLE AS $$ SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_roles g "
    "WHERE g.rolname = ANY (SELECT pg_catalog.current_database() || ':' || r "
    "FROM pg_catalog.unnest(roles) r) "
    "AND pg_catalog.pg_has_role(current_user, g.oid, 'MEMBER')) $$"
)

# The user's login role in exactly the group of its role while the account is active.
SYNC = (
    "CREATE OR REPLACE FUNCTION public.rondplan_sync_role(username text) RETURNS void "
    f"LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$ "
    "DECLARE target text; wanted text; grp text; r text; BEGIN "
    "IF username IS NULL OR username !~ '^[a-z0-9._-]{1,64}$' THEN RETURN; END IF; "
    "target := public.rondplan_login_role(username); "
    "IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles x WHERE x.rolname = target) THEN "
    "RETURN; END IF; "
    "SELECT u.role::text INTO wanted FROM public.user_account u "
    "WHERE u.username = rondplan_sync_role.username AND u.active; "
    f"FOREACH r IN ARRAY ARRAY[{', '.join(repr(r) for r in ROLES)}] LOOP "
    "grp := pg_catalog.current_database() || ':' || r; "
    "CONTINUE WHEN NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles g WHERE g.rolname = grp); "
    "IF r = wanted THEN "
    "EXECUTE pg_catalog.format('GRANT %I TO %I', grp, target); "
    "ELSIF EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m "
    "JOIN pg_catalog.pg_roles g ON g.oid = m.roleid "
    "JOIN pg_catalog.pg_roles x ON x.oid = m.member "
    "WHERE g.rolname = grp AND x.rolname = target) THEN "
    "EXECUTE pg_catalog.format('REVOKE %I FROM %I', grp, target); END IF; "
    "END LOOP; END $$"
)
ACCOUNT_CHANGED = (
    "CREATE OR REPLACE FUNCTION public.rondplan_account_changed() RETURNS trigger "
    f"LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$ BEGIN "
    "IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM public.rondplan_sync_role(OLD.username); "
    "END IF; "
    "IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM public.rondplan_sync_role(NEW.username); "
    "END IF; RETURN NULL; END $$"
)
TRIGGERS = (
    "CREATE TRIGGER user_account_role_groups AFTER INSERT OR DELETE "
    "OR UPDATE OF role, active, username ON public.user_account "
    "FOR EACH ROW EXECUTE FUNCTION public.rondplan_account_changed()",
    "CREATE TRIGGER user_role_role_groups AFTER INSERT OR DELETE OR UPDATE "
    "ON public.user_role FOR EACH ROW EXECUTE FUNCTION public.rondplan_account_changed()",
)


# ``server_rights.protected_address_roles()`` when this migration was written, frozen
# here as a migration must be (issue 19: the store imports nothing from the services);
# tests/unit/test_store_layering.py says when the permission table has moved on.
PROTECTED_ADDRESS_ROLES = ("coordinator", "team_lead")


def address_statements() -> list[str]:
    """Protected-identity addresses only for the roles that need them."""
    roles = ", ".join(f"'{role}'" for role in PROTECTED_ADDRESS_ROLES)
    visible = (
        f"public.rondplan_member_of(ARRAY[{roles}]) OR public.rondplan_is_owner() "
        "OR NOT EXISTS (SELECT 1 FROM public.person p "
        "WHERE p.id = address.person_id AND p.protected_identity)"
    )
    return [
        "ALTER TABLE public.address ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE public.address FORCE ROW LEVEL SECURITY",
        f"CREATE POLICY address_read ON public.address FOR SELECT USING ({visible})",
        # Writes are the grants' (who may edit persons); a protected address is changed
        # only by whoever may see it.
        "CREATE POLICY address_add ON public.address FOR INSERT WITH CHECK (true)",
        f"CREATE POLICY address_change ON public.address FOR UPDATE USING ({visible}) "
        "WITH CHECK (true)",
        f"CREATE POLICY address_remove ON public.address FOR DELETE USING ({visible})",
    ]


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in (MEMBER_OF, SYNC, ACCOUNT_CHANGED, *TRIGGERS, *address_statements()):
        op.execute(statement)
    for function in ("rondplan_sync_role(text)", "rondplan_account_changed()"):
        op.execute(f"REVOKE EXECUTE ON FUNCTION public.{function} FROM PUBLIC")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for policy in ("read", "add", "change", "remove"):
        op.execute(f"DROP POLICY IF EXISTS address_{policy} ON public.address")
    op.execute("ALTER TABLE public.address NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY")
    op.execute("DROP TRIGGER IF EXISTS user_role_role_groups ON public.user_role")
    op.execute("DROP TRIGGER IF EXISTS user_account_role_groups ON public.user_account")
    op.execute("DROP FUNCTION IF EXISTS public.rondplan_account_changed()")
    op.execute("DROP FUNCTION IF EXISTS public.rondplan_sync_role(text)")
    op.execute("DROP FUNCTION IF EXISTS public.rondplan_member_of(text[])")
