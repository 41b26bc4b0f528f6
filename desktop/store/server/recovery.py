"""The recovery code's proof on a server: a login role's verifier is replaced with it only.

Issue 16: an administrator's own database role could replace any user's verifier and
then log in as that user. Migration ``0017_server_audit_reading`` lets only
``rondplan_reset_login`` replace one, with a proof of the recovery code: at ``init`` the
owner stores ``proof_key`` (derived from the code; the code itself never reaches the
server), and each replacement answers a one-time challenge of the server with
HMAC-SHA256(proof_key, nonce | username | verifier), computed on the workstation.
"""

from __future__ import annotations

import hashlib
import hmac

import psycopg

from desktop.store import crypto
from desktop.store.errors import StoreError

_LABEL = b"rondplan-server-recovery:"


def proof_key(recovery_code: str, database_id: str) -> bytes:
    """The key the server keeps to check proofs (one-way from the recovery code)."""
    code = crypto.normalise_recovery_code(recovery_code)
    return hmac.new(_LABEL + database_id.encode(), code.encode(), hashlib.sha256).digest()


def proof(key: bytes, nonce: str, username: str, verifier: str) -> str:
    """The answer to one challenge, bound to the user and the verifier set."""
    message = f"{nonce}|{username}|{verifier}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def store_proof_key(conn: psycopg.Connection, recovery_code: str, database_id: str) -> None:
    """As the owner: keep the check value of this database's recovery code."""
    conn.execute(
        "INSERT INTO public.server_recovery (id, proof_key) VALUES (1, %s) "
        "ON CONFLICT (id) DO UPDATE SET proof_key = excluded.proof_key",
        (proof_key(recovery_code, database_id),),
    )


def reset_login(conn: psycopg.Connection, key: bytes | None, username: str, verifier: str) -> None:
    """Replace an existing role's verifier through the server's checked function.

    Without the key (no recovery code given) the server refuses, unless this session is
    the owner's (``migrate-to-server``, a restore drill).
    """
    try:
        if key is None:
            conn.execute("SELECT public.rondplan_set_login(%s, %s)", (username, verifier))
            return
        row = conn.execute("SELECT public.rondplan_recovery_challenge()").fetchone()
        nonce = str(row[0]) if row else ""
        conn.execute(
            "SELECT public.rondplan_reset_login(%s, %s, %s, %s)",
            (username, verifier, nonce, proof(key, nonce, username, verifier)),
        )
    except psycopg.errors.InsufficientPrivilege as refused:
        # No code given, or none kept on the server (migrate-to-server without it).
        raise StoreError("server.login_replace_refused") from refused
