"""PgBouncer in front of the SCRAM cluster, configured as docs/server.md says (issue 19).

Transaction pooling for the application's connections, TLS on both legs, and every
Rondplan user logging in as their own role: PgBouncer looks the role's SCRAM verifier up
with ``auth_query`` through a function only the pooler's own role may run (it answers
only login roles of this database, never a superuser), checks the client's SCRAM proof
against it and logs in to PostgreSQL with the same proof (SCRAM pass-through), so no
password of a user is ever stored with the pooler. Runs as the ``postgres`` OS user under
root (PgBouncer refuses root), on a free loopback port.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql

from desktop.store.server.connect import ServerAddress
from tests.integration.cluster import SUPERUSER, ScramCluster, free_port

AUTH_ROLE = "rondplan_pgbouncer"

# As the DBA (a superuser), once per Rondplan database; docs/server.md shows the same.
AUTH_FUNCTION = """
CREATE SCHEMA pgbouncer;
CREATE FUNCTION pgbouncer.user_secret(wanted text)
RETURNS TABLE (usename name, passwd text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
  SELECT a.rolname, a.rolpassword FROM pg_catalog.pg_authid a
  WHERE a.rolname = wanted AND a.rolcanlogin AND NOT a.rolsuper
    AND pg_catalog.starts_with(a.rolname, pg_catalog.current_database() || '.')
$$;
REVOKE ALL ON SCHEMA pgbouncer FROM PUBLIC;
REVOKE ALL ON FUNCTION pgbouncer.user_secret(text) FROM PUBLIC;
"""


@dataclass
class Pooler:
    folder: Path
    port: int
    auth_password: str
    process: subprocess.Popen[bytes]

    def admin(self, command: str) -> list[list[str]]:
        """A command on PgBouncer's admin console (simple protocol: psql), as rows."""
        done = subprocess.run(
            [
                "psql",
                "-X",
                "-A",
                "-t",
                "-F",
                "|",
                "-c",
                command,
                f"host=127.0.0.1 port={self.port} dbname=pgbouncer user={AUTH_ROLE} "
                "sslmode=require",
            ],
            env={**os.environ, "PGPASSWORD": self.auth_password},
            check=True,
            capture_output=True,
            text=True,
            timeout=30,
        )
        return [line.split("|") for line in done.stdout.splitlines() if line]

    def log(self) -> str:
        path = self.folder / "pgbouncer.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        """Shut PgBouncer down at once (SIGTERM to its own process, not to runuser)."""
        try:
            pid = int((self.folder / "pgbouncer.pid").read_text().strip())
            os.kill(pid, signal.SIGTERM)
        except (OSError, ValueError):
            self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)
        shutil.rmtree(self.folder, ignore_errors=True)


def prepare_database(cluster: ScramCluster, database: str) -> str:
    """The DBA's part: the auth function and the pooler's own role; its password."""
    password = secrets.token_urlsafe(16)
    with cluster.superuser() as conn:
        # One pooler role for the cluster (its databases each grant it CONNECT).
        made = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (AUTH_ROLE,))
        conn.execute(
            sql.SQL(
                "ALTER ROLE {} LOGIN PASSWORD {}"
                if made.fetchone()
                else "CREATE ROLE {} LOGIN PASSWORD {}"
            ).format(sql.Identifier(AUTH_ROLE), sql.Literal(password))
        )
        conn.execute(
            sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
                sql.Identifier(database), sql.Identifier(AUTH_ROLE)
            )
        )
    url = cluster.url(database, owner=False)
    with psycopg.connect(
        ServerAddress.parse(url).conninfo(),
        user=SUPERUSER,
        password=cluster.superuser_password,
        autocommit=True,
    ) as conn:
        conn.execute(AUTH_FUNCTION)  # type: ignore[arg-type]
        conn.execute(
            sql.SQL(
                "GRANT USAGE ON SCHEMA pgbouncer TO {0}; "
                "GRANT EXECUTE ON FUNCTION pgbouncer.user_secret(text) TO {0}"
            ).format(sql.Identifier(AUTH_ROLE))
        )
    return password


def config(cluster: ScramCluster, database: str, folder: Path, port: int) -> str:
    """The pgbouncer.ini of the documented setup."""
    data = cluster.folder / "data"
    return f"""[databases]
{database} = host=127.0.0.1 port={cluster.port} dbname={database} auth_user={AUTH_ROLE}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {port}
unix_socket_dir =
pool_mode = transaction
; one server connection per user and database: clients really share it
default_pool_size = 1
max_client_conn = 100
auth_type = scram-sha-256
auth_file = {folder}/userlist.txt
auth_query = SELECT usename, passwd FROM pgbouncer.user_secret($1)
admin_users = {AUTH_ROLE}
client_tls_sslmode = require
client_tls_key_file = {data}/server.key
client_tls_cert_file = {data}/server.crt
server_tls_sslmode = verify-full
server_tls_ca_file = {cluster.root_cert}
logfile = {folder}/pgbouncer.log
pidfile = {folder}/pgbouncer.pid
"""


def start(cluster: ScramCluster, database: str) -> Pooler:
    """PgBouncer for ``database`` on the cluster, on a free loopback port."""
    port = free_port()
    password = prepare_database(cluster, database)
    folder = Path(tempfile.mkdtemp(prefix="rondplan-pgbouncer-"))
    ini = folder / "pgbouncer.ini"
    ini.write_text(config(cluster, database, folder, port))
    # Only the pooler's own role has a password here; users' verifiers come from
    # auth_query.
    (folder / "userlist.txt").write_text(f'"{AUTH_ROLE}" "{password}"\n')
    prefix: list[str] = []
    if os.geteuid() == 0:
        entry = pwd.getpwnam("postgres")
        for path in (folder, ini, folder / "userlist.txt"):
            os.chown(path, entry.pw_uid, entry.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    os.chmod(folder / "userlist.txt", 0o600)
    process = subprocess.Popen(
        [*prefix, "pgbouncer", str(ini)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    pooler = Pooler(folder, port, password, process)
    deadline = time.monotonic() + 20
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                log = pooler.log()
                pooler.stop()
                raise RuntimeError(f"pgbouncer did not start: {log[-2000:]}") from None
            time.sleep(0.05)
    return pooler
