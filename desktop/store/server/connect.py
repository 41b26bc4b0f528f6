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

    def __init__(
        self,
        message: str = "Servern kan inte nås. Kontrollera nätverket och försök igen.",
    ) -> None:
        super().__init__(message)


@dataclass(frozen=True)
class ServerAddress:
    """A parsed ``postgresql://`` URL; ``query`` keeps sslmode, sslrootcert and the like."""

    host: str
    port: int
    database: str
    user: str | None
    query: tuple[tuple[str, str], ...]

    @classmethod
    def parse(cls, url: str) -> ServerAddress:
        parts = urlsplit(url)
        if parts.scheme not in {"postgresql", "postgres", "postgresql+psycopg"}:
            raise StoreError("Serveradressen ska börja med postgresql://")
        database = parts.path.lstrip("/")
        if not database:
            raise StoreError("Serveradressen saknar databasnamn (postgresql://värd/databas).")
        return cls(
            host=parts.hostname or "127.0.0.1",
            port=parts.port or 5432,
            database=database,
            user=parts.username,
            query=tuple(parse_qsl(parts.query)),
        )

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

    def url(self) -> str:
        """The address without credentials (for messages and settings)."""
        netloc = f"{self.host}:{self.port}"
        return urlunsplit(("postgresql", netloc, "/" + self.database, urlencode(self.query), ""))


def role_name(database: str, username: str) -> str:
    """The database role of Rondplan user ``username`` in ``database``."""
    name = f"{database}.{username}"
    if len(name) > MAX_ROLE:
        raise StoreError("Användarnamnet är för långt för servern (högst 63 tecken med databas).")
    return name


def group_role(database: str, group: str) -> str:
    """The NOLOGIN group role (``app`` or ``admin``) that carries the privileges."""
    # ":" never occurs in user names, so a user called "admin" is not the group.
    return f"{database}:{group}"


def role_password(role: str, password: str) -> str:
    """The role's login password: Argon2id of the Rondplan password, salted by role."""
    salt = hashlib.sha256(f"rondplan-role:{role}".encode()).digest()[:16]
    derived = crypto.derive_kek(password, salt, crypto.default_kdf())
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


def connect(conninfo: str, *, autocommit: bool = False) -> psycopg.Connection:
    """One psycopg connection; failures become one clear sentence."""
    try:
        return psycopg.connect(conninfo, autocommit=autocommit)
    except psycopg.OperationalError as exc:
        text = str(exc).lower()
        if "not permitted to log in" in text:
            # A switched-off account's role is NOLOGIN (the server is reachable).
            from desktop.store.errors import WrongPassword

            raise WrongPassword(
                "Kontot är avstängt. Kontakta en administratör för att få logga in igen."
            ) from None
        if "password authentication failed" in text or (
            "role" in text and "does not exist" in text
        ):
            from desktop.store.errors import WrongPassword

            raise WrongPassword from None
        if "certificate" in text or "ssl" in text:
            raise ServerUnavailable(
                "Serverns certifikat kunde inte verifieras eller krypteringen saknas; "
                "anslutningen vägrades."
            ) from None
        raise ServerUnavailable from None
