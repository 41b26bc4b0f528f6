"""TLS: with sslmode=verify-full a certificate from the wrong authority is refused.

The local test server runs without SSL, so the certificate check is exercised against
a stand-in listener that answers PostgreSQL's SSLRequest and presents a certificate
(made here with ``cryptography``): signed by another authority, the client refuses;
signed by the configured one, the handshake passes and only the fake login fails.
Against the real local server (ssl=off), ``sslmode=require`` is refused by the client.
"""

from __future__ import annotations

import socket
import ssl
import threading
from pathlib import Path

import pytest

from desktop.store.server.connect import ServerAddress, ServerUnavailable, connect
from desktop.store.server.store import LockedServer
from tests.factories import PASSWORD
from tests.integration.certs import authority, pem, server_certificate


def _server_cert(ca, folder: Path) -> tuple[Path, Path]:
    cert, key = server_certificate(ca)
    cert_path, key_path = folder / "server.crt", folder / "server.key"
    cert_path.write_bytes(cert)
    key_path.write_bytes(key)
    return cert_path, key_path


class FakeTlsPostgres:
    """Accepts one connection, says yes to SSLRequest, then shakes hands with ``cert``."""

    def __init__(self, cert: Path, key: Path) -> None:
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(cert, key)
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.handshake: str | None = None
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        conn, _ = self.sock.accept()
        with conn:
            conn.recv(8)  # SSLRequest
            conn.sendall(b"S")
            try:
                with self.context.wrap_socket(conn, server_side=True) as tls:
                    self.handshake = "ok"
                    tls.recv(1024)  # the startup packet; then hang up
            except (ssl.SSLError, OSError) as exc:
                self.handshake = type(exc).__name__

    def close(self) -> None:
        self.thread.join(5)
        self.sock.close()


@pytest.fixture
def trusted(tmp_path):
    ca = authority("Rondplan test-CA")
    root = tmp_path / "root.crt"
    root.write_bytes(pem(ca[0]))
    return ca, root


def _url(port: int, root: Path) -> str:
    return (
        f"postgresql://127.0.0.1:{port}/rondplan?sslmode=verify-full&sslrootcert={root}"
        "&gssencmode=disable"
    )


def test_a_certificate_from_another_authority_is_refused(tmp_path, trusted):
    _, root = trusted
    cert, key = _server_cert(authority("Någon annan"), tmp_path)
    fake = FakeTlsPostgres(cert, key)
    try:
        with pytest.raises(ServerUnavailable, match=r"^server\.tls_refused$"):
            LockedServer(_url(fake.port, root), tmp_path).unlock("anna", PASSWORD)
    finally:
        fake.close()
    assert fake.handshake != "ok"


def test_the_right_authority_passes_the_handshake(tmp_path, trusted):
    ca, root = trusted
    cert, key = _server_cert(ca, tmp_path)
    fake = FakeTlsPostgres(cert, key)
    try:
        with pytest.raises(ServerUnavailable):
            connect(ServerAddress.parse(_url(fake.port, root)).conninfo("anna", "x"))
    finally:
        fake.close()
    assert fake.handshake == "ok"  # refused later only because the fake cannot log in


def test_url_options_reach_libpq():
    info = ServerAddress.parse(
        "postgresql://db.example:6543/rondplan?sslmode=verify-full&sslrootcert=/etc/ca.crt"
    ).conninfo("db.anna", "secret")
    assert "sslmode=verify-full" in info and "sslrootcert=/etc/ca.crt" in info
    assert "port=6543" in info and "user=db.anna" in info


def test_the_local_server_without_ssl_is_refused_when_tls_is_required(pg_server):
    url = pg_server + "?sslmode=require&gssencmode=disable"
    with pytest.raises(ServerUnavailable, match=r"^server\.tls_refused$"):
        connect(ServerAddress.parse(url).conninfo())
