"""A PostgreSQL 15 primary and its streaming replica, made by the tests (issue 19).

Each node is an ``initdb`` cluster of its own on a free loopback port the kernel picks
(``cluster.free_port``, so two test processes never meet on one) with ``fsync = off``: a few
seconds for both. The replica is a ``pg_basebackup -R`` of the primary, so it streams as
a real hot standby does; the tests kill the primary (``pg_ctl -m immediate``, as a
power cut) and promote the replica.
Logins are ``trust`` here: the SCRAM cluster (``cluster.py``) tests passwords, this one
tests failover. PostgreSQL refuses to run as root, so under root (CI) every node runs as
the ``postgres`` OS user through ``runuser``, as ``cluster.py`` does.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg

from tests.integration.cluster import BIN, OWNER, SUPERUSER
from tests.integration.cluster import problem as cluster_problem

DATABASE = "rondplan"
# How long a node may take to start, stream or promote on a loaded CI machine.
WAIT_S = 60.0


def problem() -> str | None:
    """None when the nodes can be made here, else why not."""
    return cluster_problem() or (
        None if (BIN / "pg_basebackup").exists() else f"pg_basebackup not found in {BIN}"
    )


@dataclass
class Node:
    """One cluster: its folder (data, socket, log) and port."""

    folder: Path
    port: int

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def run(self, *command: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*prefix, *command], check=True, capture_output=True, timeout=WAIT_S)

    def ctl(self, *arguments: str) -> None:
        self.run(str(BIN / "pg_ctl"), "-D", str(self.data), *arguments)

    def start(self) -> None:
        try:
            self.ctl("-l", str(self.folder / "server.log"), "-w", "start")
        except subprocess.CalledProcessError:
            raise RuntimeError(f"node {self.port} did not start: {self.log()[-1500:]}") from None

    def kill(self) -> None:
        """Stop at once, as a power cut: no shutdown checkpoint, nothing sent on."""
        self.ctl("-m", "immediate", "stop")

    def promote(self) -> None:
        """End recovery: the standby becomes a primary (returns once it accepts writes)."""
        self.ctl("-w", "promote")

    def reload(self) -> None:
        self.ctl("reload")

    def url(self, database: str = DATABASE) -> str:
        return f"postgresql://{OWNER}@127.0.0.1:{self.port}/{database}?gssencmode=disable"

    def superuser(self, database: str = "postgres") -> psycopg.Connection:
        return psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            user=SUPERUSER,
            dbname=database,
            autocommit=True,
            connect_timeout=5,
        )

    def log(self) -> str:
        path = self.folder / "server.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def remove(self) -> None:
        """Stop if running, then delete the folder."""
        if (self.data / "postmaster.pid").exists():
            with contextlib.suppress(subprocess.SubprocessError):
                self.kill()
        shutil.rmtree(self.folder, ignore_errors=True)


def _folder(prefix: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    if os.geteuid() == 0:
        entry = pwd.getpwnam("postgres")
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    os.chmod(folder, 0o755)
    return folder


def _configure(node: Node) -> None:
    with (node.data / "postgresql.conf").open("a") as conf:
        conf.write(
            f"port = {node.port}\nlisten_addresses = '127.0.0.1'\n"
            f"unix_socket_directories = '{node.folder}'\n"
            "fsync = off\nfull_page_writes = off\nshared_buffers = 16MB\n"
            "max_connections = 60\nwal_level = replica\nmax_wal_senders = 4\n"
            "hot_standby = on\nwal_keep_size = '64MB'\nlog_min_messages = warning\n"
        )


def start_primary(port: int) -> Node:
    """A new primary with the owner role (CREATEROLE, as in production) and its database."""
    node = Node(_folder("rondplan-primary-"), port)
    try:
        node.run(
            str(BIN / "initdb"),
            "-D",
            str(node.data),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--no-sync",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
        )
        _configure(node)
        node.start()
        with node.superuser() as conn:
            conn.execute(f"CREATE ROLE {OWNER} LOGIN CREATEROLE")
            conn.execute(f"CREATE DATABASE {DATABASE} OWNER {OWNER}")
    except BaseException:
        node.remove()
        raise
    return node


def start_replica(primary: Node, port: int) -> Node:
    """A streaming hot standby of ``primary`` (``pg_basebackup -R``), caught up."""
    node = Node(_folder("rondplan-replica-"), port)
    try:
        node.run(
            str(BIN / "pg_basebackup"),
            "-h",
            "127.0.0.1",
            "-p",
            str(primary.port),
            "-U",
            SUPERUSER,
            "-D",
            str(node.data),
            "-R",
            "-X",
            "stream",
            "--checkpoint=fast",
            "--no-sync",
        )
        _configure(node)  # its own port and socket (the later lines win)
        node.start()
        wait_streaming(primary)
    except BaseException:
        node.remove()
        raise
    return node


def _until(check, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + WAIT_S
    while not check():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        time.sleep(0.05)


def wait_streaming(primary: Node, count: int = 1) -> None:
    def streaming() -> bool:
        with primary.superuser() as conn:
            row = conn.execute(
                "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'"
            ).fetchone()
        return row is not None and row[0] >= count

    _until(streaming, "the replica never streamed")


def wait_replayed(primary: Node, replica: Node) -> None:
    """Until the replica has replayed everything the primary has written so far."""
    with primary.superuser() as conn:
        row = conn.execute("SELECT pg_current_wal_lsn()::text").fetchone()
    assert row is not None
    target = row[0]

    def replayed() -> bool:
        with replica.superuser() as conn:
            done = conn.execute(
                "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", (target,)
            ).fetchone()
        return bool(done and done[0])

    _until(replayed, "the replica never caught up")


def make_synchronous(primary: Node) -> None:
    """Every commit on ``primary`` waits for its standby's disk (the setting that loses
    nothing, docs/server.md), from now on; returns once the standby is synchronous.

    Set after the standby's base backup, so the standby does not inherit it: promoted,
    it would otherwise wait for a standby of its own that does not exist.
    """
    with primary.superuser() as conn:
        conn.execute("ALTER SYSTEM SET synchronous_commit = 'on'")
        conn.execute("ALTER SYSTEM SET synchronous_standby_names = '*'")
        conn.execute("SELECT pg_reload_conf()")

    def synchronous() -> bool:
        with primary.superuser() as conn:
            row = conn.execute(
                "SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'"
            ).fetchone()
        return row is not None and row[0] >= 1

    _until(synchronous, "the standby never became synchronous")


def cut_streaming(primary: Node, replica: Node) -> None:
    """The replica stops receiving WAL (its link is cut); the primary goes on alone.

    What the primary acknowledges from now on is never on the replica: an asynchronous
    replica's lag at the moment of a failover, made certain.
    """
    with (replica.data / "postgresql.auto.conf").open("a") as conf:
        conf.write("primary_conninfo = ''\n")
    replica.reload()

    def alone() -> bool:
        with primary.superuser() as conn:
            row = conn.execute("SELECT count(*) FROM pg_stat_replication").fetchone()
        return row is not None and row[0] == 0

    _until(alone, "the replica kept streaming")
