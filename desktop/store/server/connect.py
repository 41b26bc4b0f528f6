"""Server addresses, per-user database roles and their derived SCRAM passwords.

A user's database role is ``<database>.<username>``: roles are cluster-wide, and the
prefix keeps two Rondplan databases on one cluster apart. The role's password is not
the Rondplan password itself but an Argon2id derivation of it, so the server's SCRAM
verifier (PBKDF2, cheap to attack) does not shortcut the Argon2id cost of the keyslot.
The verifier is computed here, so the derived password never reaches the server.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import psycopg

from desktop.store import crypto
from desktop.store.errors import StoreError

MAX_ROLE = 63
SCRAM_ITERATIONS = 4096
CONNECT_TIMEOUT_S = 5


class ServerUnavailable(StoreError):
    """The server cannot be reached (or refused the connection)."""

    code = "server.unavailable"


@dataclass(frozen=True)
class ServerAddress:
    """A parsed ``postgresql://`` URL; ``query`` keeps sslmode, sslrootcert and the like.

    ``host`` and ``port`` may be libpq lists (``h1,h2`` and ``5441,5442``): a URL
    ``postgresql://h1:5441,h2:5442/db?target_session_attrs=read-write`` reaches
    whichever server is the primary (docs/server.md, failover).

    Two keys of Rondplan's own, never passed to libpq, for a connection pooler in
    transaction mode (docs/server.md, PgBouncer): ``pgbouncer=transaction`` switches off
    psycopg's server-side prepared statements (a pooler before 1.21 hands a prepared
    statement's name to other clients' sessions), and ``listen=h1:5432,h2:5432`` is where
    the change listener connects instead, straight to PostgreSQL, since LISTEN needs a
    session of its own.
    """

    host: str
    port: str
    database: str
    user: str | None
    query: tuple[tuple[str, str], ...]
    pooler: str = ""
    listen: tuple[tuple[str, str], ...] = ()

    @classmethod
    def parse(cls, url: str) -> ServerAddress:
        parts = urlsplit(url)
        if parts.scheme not in {"postgresql", "postgres", "postgresql+psycopg"}:
            raise StoreError("server.url_scheme")
        database = parts.path.lstrip("/")
        if not database:
            raise StoreError("server.url_no_database")
        query = parse_qsl(parts.query)
        hosts, ports = _hosts_and_ports(parts.netloc.rpartition("@")[2])
        # libpq's own keywords in the query win over the address part, as in libpq.
        given = dict(query)
        pooler = given.get(POOLER, "")
        if pooler not in {"", "transaction", "session"}:
            raise StoreError("server.url_pooler")
        listen = _listen_hosts(given.get(LISTEN, ""))
        if given.get("host"):
            hosts = [h.strip() for h in given["host"].split(",")]
        if given.get("port"):
            ports = [p.strip() for p in given["port"].split(",")]
        for port in ports:
            if port and not (port.isdigit() and 0 < int(port) < 65536):
                raise StoreError("server.url_bad_port", port=port[:20])
        if len(hosts) == 1 and len(ports) > 1:
            hosts = hosts * len(ports)  # one host, several ports (``?port=5441,5442``)
        if len(ports) > 1 and len(ports) != len(hosts):
            raise StoreError("server.url_hosts_ports")
        return cls(
            host=",".join(h or "127.0.0.1" for h in hosts),
            port=",".join(p or "5432" for p in ports),
            database=database,
            user=parts.username,
            query=tuple((k, v) for k, v in query if k not in {"host", "port", POOLER, LISTEN}),
            pooler=pooler,
            listen=listen,
        )

    @property
    def prepares(self) -> bool:
        """Whether psycopg may prepare statements on the server (not through a pooler in
        transaction mode, whose sessions are shared by every client of the user)."""
        return self.pooler != "transaction"

    def conninfo(self, user: str | None = None, password: str | None = None) -> str:
        """A libpq connection string for ``user`` (default: the URL's own user)."""
        params = dict(self.query)
        params.setdefault("connect_timeout", str(CONNECT_TIMEOUT_S))
        params["application_name"] = "rondplan"
        return psycopg.conninfo.make_conninfo(
            host=self.host,
            port=self.port,
            dbname=self.database,
            user=user or self.user or "postgres",
            **({"password": password} if password else {}),
            **params,
        )

    def for_listener(self, conninfo: str) -> str:
        """``conninfo`` (one of :meth:`conninfo`) to the ``listen`` servers, if given."""
        if not self.listen:
            return conninfo
        params = psycopg.conninfo.conninfo_to_dict(conninfo)
        params["host"] = ",".join(h for h, _ in self.listen)
        params["port"] = ",".join(p for _, p in self.listen)
        return psycopg.conninfo.make_conninfo(**params)  # type: ignore[arg-type]

    def url(self) -> str:
        """The address without credentials (for messages and settings)."""
        hosts, ports = self.host.split(","), self.port.split(",")
        if len(ports) == 1:
            ports = ports * len(hosts)
        netloc = ",".join(
            f"[{h}]:{p}" if ":" in h else f"{h}:{p}" for h, p in zip(hosts, ports, strict=True)
        )
        query = list(self.query)
        if self.pooler:
            query.append((POOLER, self.pooler))
        if self.listen:
            query.append((LISTEN, ",".join(f"{h}:{p}" for h, p in self.listen)))
        return urlunsplit(("postgresql", netloc, "/" + self.database, urlencode(query), ""))


# Rondplan's own keys in a server URL (see ServerAddress).
POOLER = "pgbouncer"
LISTEN = "listen"


def _listen_hosts(text: str) -> tuple[tuple[str, str], ...]:
    """``h1:5432,h2`` as (("h1", "5432"), ("h2", "5432"))."""
    if not text.strip():
        return ()
    hosts, ports = _hosts_and_ports(text)
    if len(ports) == 1:
        ports = ports * len(hosts)
    listed = []
    for host, port in zip(hosts, ports, strict=True):
        if not host or (port and not (port.isdigit() and 0 < int(port) < 65536)):
            raise StoreError("server.url_listen")
        listed.append((host, port or "5432"))
    return tuple(listed)


def _hosts_and_ports(netloc: str) -> tuple[list[str], list[str]]:
    """``h1:5441,[::1]:5442`` as (["h1", "::1"], ["5441", "5442"]); "" for a missing part."""
    hosts: list[str] = []
    ports: list[str] = []
    for item in netloc.split(",") if netloc else [""]:
        if item.startswith("["):
            host, _, rest = item[1:].partition("]")
            port = rest[1:] if rest.startswith(":") else ""
        else:
            host, _, port = item.partition(":")
        hosts.append(host)
        ports.append(port)
    if not any(ports):
        ports = [""]
    return hosts, ports


def role_name(database: str, username: str) -> str:
    """The database role of Rondplan user ``username`` in ``database``."""
    name = f"{database}.{username}"
    if len(name) > MAX_ROLE:
        raise StoreError("server.username_too_long")
    return name


def group_role(database: str, group: str) -> str:
    """The NOLOGIN group role (``app`` or ``admin``) that carries the privileges."""
    # ":" never occurs in user names, so a user called "admin" is not the group.
    return f"{database}:{group}"


# The Argon2id parameters of the role's login secret, newest first (issue 19). They are
# part of the login itself, so they cannot be read from the server before it: never the
# keyslot's ``crypto.default_kdf()``, which a release may raise. A release that raises
# this cost adds a generation in front; roles set with an older one still log in (tried
# in turn) and get the newest at their next password change.
LOGIN_KDFS: tuple[crypto.KdfParams, ...] = (
    crypto.KdfParams(time_cost=2, memory_kib=262_144, parallelism=2),
)


# Under tests (RONDPLAN_TEST_KDF=1), as crypto.TEST_KDF: cheap generations.
TEST_LOGIN_KDFS: tuple[crypto.KdfParams, ...] = (crypto.TEST_KDF,)


def login_kdfs() -> tuple[crypto.KdfParams, ...]:
    """The generations to try at a login, newest first."""
    if os.environ.get("RONDPLAN_TEST_KDF") == "1":
        return TEST_LOGIN_KDFS
    return LOGIN_KDFS


def role_password(role: str, password: str, kdf: crypto.KdfParams | None = None) -> str:
    """The role's login password: Argon2id of the Rondplan password, salted by role.

    ``kdf``: the generation (default: the newest of :func:`login_kdfs`).
    """
    salt = hashlib.sha256(f"rondplan-role:{role}".encode()).digest()[:16]
    derived = crypto.derive_kek(password, salt, kdf or login_kdfs()[0])
    return base64.urlsafe_b64encode(derived).decode("ascii").rstrip("=")


def scram_verifier(password: str, salt: bytes | None = None) -> str:
    """A ``SCRAM-SHA-256$…`` verifier, so CREATE/ALTER ROLE never sends the password."""
    salt = salt or os.urandom(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, SCRAM_ITERATIONS)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()

    def b64(data: bytes) -> str:
        return base64.b64encode(data).decode("ascii")

    return f"SCRAM-SHA-256${SCRAM_ITERATIONS}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def connect(
    conninfo: str, *, autocommit: bool = False, prepares: bool = True
) -> psycopg.Connection:
    """One psycopg connection; failures become one clear sentence.

    ``prepares=False``: never a server-side prepared statement (a transaction pooler).
    """
    try:
        return psycopg.connect(
            conninfo, autocommit=autocommit, prepare_threshold=5 if prepares else None
        )
    except psycopg.OperationalError as exc:
        text = str(exc).lower()
        if "not permitted to log in" in text:
            # A switched-off account's role is NOLOGIN (the server is reachable).
            from desktop.store.errors import WrongPassword

            raise WrongPassword("store.account_disabled") from None
        # PgBouncer says the same in its own words: "SASL authentication failed" and, for
        # a role its auth_query does not answer (none, or switched off), "no such user".
        refused = ("password authentication failed", "sasl authentication failed", "no such user")
        if any(words in text for words in refused) or ("role" in text and "does not exist" in text):
            from desktop.store.errors import WrongPassword

            raise WrongPassword from None
        if "certificate" in text or "ssl" in text:
            raise ServerUnavailable("server.tls_refused") from None
        raise ServerUnavailable from None
