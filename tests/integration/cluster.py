"""A throwaway PostgreSQL 15 cluster that really checks passwords (SCRAM) and speaks TLS.

The shared local test server trusts every connection, so a wrong password would pass
there. This cluster is made with ``initdb`` for one test session: ``password_encryption
= scram-sha-256``, ``pg_hba.conf`` with ``hostssl … scram-sha-256`` only, ``ssl = on``
with a certificate signed by a test authority made here. PostgreSQL refuses to run as
root, so when the tests run as root (CI does) the cluster runs as the ``postgres`` OS
user through ``runuser``.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql

from tests.integration.certs import authority, pem, server_certificate

BIN = Path(os.environ.get("RONDPLAN_PG_BIN", "/usr/lib/postgresql/15/bin"))
# The cluster's superuser (initdb) and the database owner, who is not a superuser:
# as in a real deployment, the owner only has CREATEROLE (and owns its databases).
SUPERUSER = "cluster_admin"
OWNER = "rondplan_owner"


def problem() -> str | None:
    """None when a cluster can be made here, else why not."""
    if not (BIN / "initdb").exists():
        return f"PostgreSQL 15 binaries not found in {BIN} (set RONDPLAN_PG_BIN)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root without a postgres OS user to run the cluster as"
        if shutil.which("runuser") is None:
            return "running as root without runuser"
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class ScramCluster:
    """A running cluster: TLS plus SCRAM for every TCP login, an owner with a password."""

    folder: Path
    port: int
    superuser_password: str
    owner_password: str
    root_cert: Path
    wrong_root_cert: Path
    _as_postgres: bool

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if self._as_postgres else []
        subprocess.run([*prefix, *command], check=True, capture_output=True, timeout=60)

    def url(
        self, database: str = "postgres", *, owner: bool = True, root: Path | None = None
    ) -> str:
        """A verify-full URL, as the owner (whose password libpq finds in ``pgpass``)."""
        who = f"{OWNER}@" if owner else ""
        return (
            f"postgresql://{who}127.0.0.1:{self.port}/{database}"
            f"?sslmode=verify-full&sslrootcert={root or self.root_cert}&gssencmode=disable"
        )

    @property
    def pgpass(self) -> Path:
        """The owner's password file, as an operator keeps it (``PGPASSFILE``)."""
        return self.folder / "pgpass"

    def superuser(self) -> psycopg.Connection:
        return psycopg.connect(
            self.url(owner=False),
            user=SUPERUSER,
            password=self.superuser_password,
            autocommit=True,
        )

    def create_database(self) -> str:
        """A new empty database owned by the owner; its owner URL."""
        name = f"rondplan_scram_{secrets.token_hex(4)}"
        with self.superuser() as conn:
            conn.execute(f'CREATE DATABASE "{name}" OWNER {OWNER}')
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run(
                str(BIN / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "stop"
            )
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def start(extra_conf: str = "") -> ScramCluster:
    """initdb, configure, start; a few seconds. ``extra_conf``: more postgresql.conf
    lines (e.g. ``shared_preload_libraries = 'pgaudit'``)."""
    as_postgres = os.geteuid() == 0
    folder = Path(tempfile.mkdtemp(prefix="rondplan-scram-"))
    superuser_password = secrets.token_urlsafe(16)
    owner_password = secrets.token_urlsafe(16)
    port = free_port()
    ca = authority("Rondplan test-CA")
    certificate, key = server_certificate(ca)
    root_cert = folder / "root.crt"
    root_cert.write_bytes(pem(ca[0]))
    wrong_root_cert = folder / "other-root.crt"
    wrong_root_cert.write_bytes(pem(authority("Någon annan")[0]))
    secret = folder / "owner.pw"
    secret.write_text(superuser_password + "\n")
    data = folder / "data"
    if as_postgres:
        entry = pwd.getpwnam("postgres")
        os.chown(folder, entry.pw_uid, entry.pw_gid)
        os.chown(secret, entry.pw_uid, entry.pw_gid)
    os.chmod(folder, 0o755)  # the client (root or not) reads the root certificates
    os.chmod(secret, 0o600)
    cluster = ScramCluster(
        folder, port, superuser_password, owner_password, root_cert, wrong_root_cert, as_postgres
    )
    try:
        cluster._run(
            str(BIN / "initdb"),
            "-D",
            str(data),
            "-U",
            SUPERUSER,
            f"--pwfile={secret}",
            "--auth=scram-sha-256",
            "--no-sync",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
        )
        secret.unlink()
        (data / "server.crt").write_bytes(certificate)
        (data / "server.key").write_bytes(key)
        (data / "pg_hba.conf").write_text(
            "# Every TCP login over TLS with SCRAM; nothing without TLS.\n"
            "local all all scram-sha-256\n"
            "hostssl all all 127.0.0.1/32 scram-sha-256\n"
            "hostnossl all all 127.0.0.1/32 reject\n"
        )
        with (data / "postgresql.conf").open("a") as conf:
            conf.write(
                f"port = {port}\nlisten_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{folder}'\n"
                "password_encryption = 'scram-sha-256'\nssl = on\n"
                "fsync = off\nshared_buffers = 16MB\nmax_connections = 40\n"
            )
            conf.write(extra_conf)
        if as_postgres:
            entry = pwd.getpwnam("postgres")
            for name in ("server.crt", "server.key", "pg_hba.conf"):
                os.chown(data / name, entry.pw_uid, entry.pw_gid)
        os.chmod(data / "server.key", 0o600)
        cluster._run(
            str(BIN / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"), "-w", "start"
        )
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    try:
        with cluster.superuser() as conn:
            conn.execute(
                sql.SQL("CREATE ROLE {} LOGIN CREATEROLE PASSWORD {}").format(
                    sql.Identifier(OWNER), sql.Literal(owner_password)
                )
            )
        cluster.pgpass.write_text(f"127.0.0.1:{port}:*:{OWNER}:{owner_password}\n")
        os.chmod(cluster.pgpass, 0o600)
    except BaseException:
        cluster.stop()
        raise
    return cluster
