"""server: login roles are made and changed by owner functions, never by CREATEROLE

Revision ID: 0006_server_role_admin
Revises: 0005_server_hardening
Create Date: 2026-11-25 03:00:00

Until now an administrator's own database role had CREATEROLE (and ADMIN OPTION on the
two group roles) so that it could create and change other users' login roles. On
PostgreSQL 15 CREATEROLE is nearly a superuser: such a role may grant itself
``pg_execute_server_program`` (a shell on the server) or ``pg_read_all_data``, create
roles of any name and change the password of any role that is not a superuser.

Application roles now have no CREATEROLE at all. Three functions, owned by the database
owner (who has CREATEROLE) and SECURITY DEFINER, do the only changes the application
needs, each for one role named ``<database>.<username>`` (a Rondplan user name: a–z,
digits, ``.``, ``_``, ``-``) of the current database:

- ``rondplan_set_login(username, verifier)``: create the role or switch its LOGIN on,
  with the SCRAM verifier as password (nothing else is accepted), grant it
  ``<database>:app``, record it in ``user_role``. A role that already existed gets
  membership of ``<database>:admin`` exactly when its user is an active administrator
  (a role left behind by a failed creation keeps no rights).
- ``rondplan_set_admin(username, admin)``: grant or revoke ``<database>:admin``.
- ``rondplan_disable_login(username)``: NOLOGIN, and out of the admin group.

The caller must be an active administrator (``session_user`` through ``user_role`` and
``user_account``, schema-qualified) or the database owner (``init --server`` and
``migrate-to-server`` make the first administrator). EXECUTE is granted to the admin
group only (desktop.store.server.provision). Every name is schema-qualified and the
search path is ``pg_catalog, public, pg_temp``, so no temporary table stands in for a
catalog or a table. A user still changes their own role's password with ALTER ROLE
(PostgreSQL lets every role do that for itself, and only for itself).

The upgrade also takes CREATEROLE and ADMIN OPTION from every role the earlier code
gave them to. Nothing changes on a local file.
"""

from __future__ import annotations

from alembic import op

revision = "0006_server_role_admin"
down_revision = "0005_server_hardening"
branch_labels = None
depends_on = None

HEADER = "LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$ "

# The caller may change roles: an active administrator, or the database's owner.
CALLER_CHECK = (
    "IF NOT (EXISTS (SELECT 1 FROM public.user_role r "
    "JOIN public.user_account u ON u.username = r.username "
    "WHERE r.rolname = session_user AND u.active "
    "AND u.role = 'administrator') "
    "OR EXISTS (SELECT 1 FROM pg_catalog.pg_database d "
    "JOIN pg_catalog.pg_roles o ON o.oid = d.datdba "
    "WHERE d.datname = pg_catalog.current_database() "
    "AND o.rolname = session_user)) THEN "
    "RAISE EXCEPTION 'only an administrator may change login roles' "
    "USING ERRCODE = '42501'; END IF; "
)

# The role of a Rondplan user name in this database; anything else is refused.
ROLE_OF = (
    "CREATE FUNCTION public.rondplan_login_role(username text) RETURNS text "
    "LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp AS $$ "
    "DECLARE target text; BEGIN "
    "IF username IS NULL OR username !~ '^[a-z0-9._-]{1,64}$' THEN "
    "RAISE EXCEPTION 'not a Rondplan user name: %', username USING ERRCODE = '22023'; "
    "END IF; "
    "target := pg_catalog.current_database() || '.' || username; "
    "IF pg_catalog.length(target) > 63 THEN "
    "RAISE EXCEPTION 'role name too long: %', target USING ERRCODE = '22023'; END IF; "
    "IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles x WHERE x.rolname = target "
    "AND (x.rolsuper OR x.rolcreaterole OR x.rolreplication OR x.rolbypassrls)) THEN "
    "RAISE EXCEPTION 'role % is not an application role', target USING ERRCODE = '42501'; "
    "END IF; "
    "RETURN target; END $$"
)

SET_ADMIN_BODY = (
    "IF admin THEN "
    "EXECUTE pg_catalog.format('GRANT %I TO %I', admin_group, target); "
    "ELSIF EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m "
    "JOIN pg_catalog.pg_roles g ON g.oid = m.roleid "
    "JOIN pg_catalog.pg_roles x ON x.oid = m.member "
    "WHERE g.rolname = admin_group AND x.rolname = target) THEN "
    "EXECUTE pg_catalog.format('REVOKE %I FROM %I', admin_group, target); END IF; "
)

SET_ADMIN = (
    "CREATE FUNCTION public.rondplan_set_admin(username text, admin boolean) "
    "RETURNS void " + HEADER + "DECLARE target text := public.rondplan_login_role(username); "
    "admin_group text := pg_catalog.current_database() || '\\:admin'; BEGIN "
    + CALLER_CHECK
    + "IF admin IS NULL THEN RAISE EXCEPTION 'admin must be true or false' "
    "USING ERRCODE = '22023'; END IF; "
    "IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles x WHERE x.rolname = target) THEN "
    "RAISE EXCEPTION 'role % does not exist', target USING ERRCODE = '42704'; END IF; "
    + SET_ADMIN_BODY
    + "END $$"
)

SET_LOGIN = (
    "CREATE FUNCTION public.rondplan_set_login(username text, verifier text) "
    "RETURNS void " + HEADER + "DECLARE target text := public.rondplan_login_role(username); "
    "app_group text := pg_catalog.current_database() || '\\:app'; "
    "admin_group text := pg_catalog.current_database() || '\\:admin'; "
    "admin boolean; BEGIN "
    + CALLER_CHECK
    + "IF verifier IS NULL OR verifier !~ '^SCRAM-SHA-256\\$[0-9]+:[A-Za-z0-9+/=]+"
    "\\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN "
    "RAISE EXCEPTION 'the password must be a SCRAM-SHA-256 verifier' "
    "USING ERRCODE = '22023'; END IF; "
    "IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles x WHERE x.rolname = target) THEN "
    "EXECUTE pg_catalog.format('ALTER ROLE %I LOGIN PASSWORD %L', target, verifier); "
    # An existing role (a reset, or one left by a failed creation): the admin group
    # exactly when its user is an active administrator.
    "admin := EXISTS (SELECT 1 FROM public.user_account u "
    "WHERE u.username = rondplan_set_login.username "
    "AND u.active AND u.role = 'administrator'); " + SET_ADMIN_BODY + "ELSE "
    "EXECUTE pg_catalog.format('CREATE ROLE %I LOGIN PASSWORD %L', target, verifier); "
    "END IF; "
    "EXECUTE pg_catalog.format('GRANT %I TO %I', app_group, target); "
    "INSERT INTO public.user_role (rolname, username) VALUES (target, rondplan_set_login.username) "
    "ON CONFLICT DO NOTHING; "
    "END $$"
)

DISABLE_LOGIN = (
    "CREATE FUNCTION public.rondplan_disable_login(username text) "
    "RETURNS void " + HEADER + "DECLARE target text := public.rondplan_login_role(username); "
    "admin_group text := pg_catalog.current_database() || '\\:admin'; "
    "admin boolean := false; BEGIN "
    + CALLER_CHECK
    + "IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles x WHERE x.rolname = target) THEN "
    "RETURN; END IF; "
    "EXECUTE pg_catalog.format('ALTER ROLE %I NOLOGIN', target); " + SET_ADMIN_BODY + "END $$"
)

SIGNATURES = (
    "public.rondplan_set_login(text, text)",
    "public.rondplan_set_admin(text, boolean)",
    "public.rondplan_disable_login(text)",
    "public.rondplan_login_role(text)",
)

# Rights the earlier code gave administrators' roles: CREATEROLE, ADMIN OPTION on groups.
STRIP_OLD_RIGHTS = (
    "DO $$ DECLARE db text := pg_catalog.current_database(); r record; BEGIN "
    "FOR r IN SELECT x.rolname FROM pg_catalog.pg_roles x "
    "WHERE pg_catalog.starts_with(x.rolname, db || '.') AND x.rolcreaterole "
    "AND NOT x.rolsuper LOOP "
    "EXECUTE pg_catalog.format('ALTER ROLE %I NOCREATEROLE', r.rolname); END LOOP; "
    "FOR r IN SELECT g.rolname AS grp, x.rolname AS member "
    "FROM pg_catalog.pg_auth_members m "
    "JOIN pg_catalog.pg_roles g ON g.oid = m.roleid "
    "JOIN pg_catalog.pg_roles x ON x.oid = m.member "
    "WHERE m.admin_option AND g.rolname IN (db || '\\:app', db || '\\:admin') "
    "AND pg_catalog.starts_with(x.rolname, db || '.') LOOP "
    "EXECUTE pg_catalog.format('REVOKE ADMIN OPTION FOR %I FROM %I', r.grp, r.member); "
    "END LOOP; END $$"
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in (ROLE_OF, SET_ADMIN, SET_LOGIN, DISABLE_LOGIN):
        op.execute(statement)
    for signature in SIGNATURES:
        # EXECUTE for the admin group is granted with the other grants (provision.py).
        op.execute(f"REVOKE EXECUTE ON FUNCTION {signature} FROM PUBLIC")
    op.execute(STRIP_OLD_RIGHTS)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for signature in SIGNATURES:
        op.execute(f"DROP FUNCTION IF EXISTS {signature}")
