"""``rondplan --self-test``: what a frozen build can get wrong, checked in one run.

Creates and opens an encrypted database in a temporary folder (migrations included),
builds a PDF with the embedded font, loads the PostgreSQL client and derives a SCRAM
verifier, names Swedish days off, loads the Swedish translation, applies the theme and
renders one window offscreen. One line per check; exit status 1 on any failure.
"""

from __future__ import annotations

import io
import os
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

PASSWORD = "självtest-lösenord-123"


def _database(folder: Path) -> str:
    from desktop.models import Agency
    from desktop.services.wording import count
    from desktop.store import migrate
    from desktop.store.creation import create_database
    from desktop.store.open import open_store

    path = folder / "självtest.db"
    create_database(path, "självtest", "Självtest", PASSWORD).store.lock()
    store = open_store(path).unlock("självtest", PASSWORD)  # opens as a user would
    try:
        with store.read_session() as session:
            agencies = session.query(Agency).count()
        revision = migrate.current_revision(store.engine)
    finally:
        store.lock()
    if b"SQLite format 3" in path.read_bytes()[:16]:
        raise AssertionError("databasfilen är inte krypterad")
    return f"krypterad, {count(agencies, 'myndighet', 'myndigheter')}, schema {revision}"


def _pdf(folder: Path) -> str:
    import datetime as dt

    from PIL import Image

    from desktop.reports.data import DocumentMeta, PersonSummary
    from desktop.reports.data_sheets import PersonSheetData
    from desktop.reports.sheets import render_person_sheet

    # A photo, as the briefings print them; a photo Pillow cannot read would print as
    # an empty frame without an error.
    photo = io.BytesIO()
    Image.new("RGB", (30, 40), (200, 120, 40)).save(photo, "PNG")
    data = PersonSheetData(
        meta=DocumentMeta(
            confidentiality="SEKRETESS – självtest",
            printed_by="Självtest",
            printed_at=dt.datetime.now(),
            serial="RP-SJÄLVTEST",
        ),
        person=PersonSummary(name="Łukasz Şahin Nguyễn", photo=photo.getvalue()),
    )
    out = io.BytesIO()
    render_person_sheet(data, out)
    pdf = out.getvalue()
    if b"/FontFile2" not in pdf or b"/Helvetica" in pdf:
        raise AssertionError("typsnittet är inte inbäddat")
    if b"/Subtype /Image" not in pdf:
        raise AssertionError("fotot kom inte med")
    return f"{len(pdf) // 1024} kB, DejaVu Sans inbäddat, foto med"


def _translation(folder: Path) -> str:
    from PySide6.QtCore import QCoreApplication

    from desktop.views.i18n import install_translators

    app = QCoreApplication.instance()
    installed = install_translators(app, "en")  # type: ignore[arg-type]
    english = QCoreApplication.translate("Sidor", "Personer")
    installed = install_translators(app, "sv")  # type: ignore[arg-type]
    if english != "Persons":
        raise AssertionError("den engelska översättningen laddades inte")
    if len(installed) < 2:
        raise AssertionError("Qt:s och Rondplans svenska översättningar laddades inte båda")
    return f"{len(installed)} svenska översättningar, engelska fungerar"


def _theme(folder: Path) -> str:
    from PySide6.QtWidgets import QApplication

    from desktop.views.theme.apply import apply_theme

    app = QApplication.instance()
    apply_theme(app, "light")  # type: ignore[arg-type]
    sheet = app.styleSheet()  # type: ignore[union-attr]
    if len(sheet) < 1000 or ":focus" not in sheet:
        raise AssertionError("temat saknas eller är ofullständigt")
    return f"{len(sheet) // 1024} kB stilmall"


def _render(folder: Path) -> str:
    from PySide6.QtWidgets import QApplication

    from desktop.views.login.login_dialog import LoginDialog

    dialog = LoginDialog(lambda user, password: None)
    dialog.resize(480, 300)
    dialog.show()
    QApplication.processEvents()
    image = dialog.grab().toImage()
    dialog.close()
    if image.isNull() or image.width() < 100:
        raise AssertionError("fönstret kunde inte ritas")
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
    }
    if len(colours) < 3:
        raise AssertionError("fönstret ritades tomt")
    return f"inloggningsfönster {image.width()}×{image.height()} ritat"


def _password_list(folder: Path) -> str:
    from desktop.services.security.passwords import common_passwords

    words = common_passwords()
    if len(words) < 100:
        raise AssertionError("listan över vanliga lösenord saknas")
    return f"{len(words)} vanliga lösenord spärrade"


def _days_off(folder: Path) -> str:
    import datetime as dt

    from desktop.services.planning.calendar_sv import days_off

    christmas = dt.date(2025, 12, 25)
    swedish = days_off(christmas, christmas).get(christmas)
    english = days_off(christmas, christmas, "en_US").get(christmas)
    if (swedish, english) != ("Juldagen", "Christmas Day"):
        raise AssertionError(f"helgdagarnas namn saknas ({swedish}, {english})")
    return f"{swedish} / {english}"


# PBKDF2-HMAC-SHA256("password", "salt", 1 iteration), the published test vector.
_PBKDF2_VECTOR = "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"


def _server_client(folder: Path) -> str:
    import hashlib

    import psycopg

    from desktop.store.server.connect import scram_verifier

    # psycopg's binary build needs its bundled libpq and Python's ssl module; the SCRAM
    # verifier (role passwords) needs hashlib's PBKDF2 from Python's OpenSSL.
    if hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1).hex() != _PBKDF2_VECTOR:
        raise AssertionError("PBKDF2 ger fel värde")
    if not scram_verifier(PASSWORD, b"\0" * 16).startswith("SCRAM-SHA-256$4096:"):
        raise AssertionError("SCRAM-verifieraren har fel form")
    return f"libpq {psycopg.pq.version()} ({psycopg.pq.__impl__}), PBKDF2 och SCRAM rätt"


CHECKS: tuple[tuple[str, Callable[[Path], str]], ...] = (
    ("krypterad databas och migreringar", _database),
    ("lösenordslista", _password_list),
    ("PDF med inbäddat typsnitt", _pdf),
    ("serverklient", _server_client),
    ("helgdagar", _days_off),
    ("svensk översättning", _translation),
    ("tema", _theme),
    ("rita ett fönster", _render),
)


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["rondplan"])  # noqa: F841
    failures = 0
    with tempfile.TemporaryDirectory(prefix="rondplan-självtest-") as folder:
        for name, check in CHECKS:
            start = time.perf_counter()
            try:
                detail = check(Path(folder))
            except Exception as exc:
                failures += 1
                print(f"FEL  {name}: {exc or type(exc).__name__}")
                traceback.print_exc()
            else:
                ms = (time.perf_counter() - start) * 1000
                print(f"OK   {name}: {detail} ({ms:.0f} ms)")
    print("Självtestet lyckades." if not failures else f"Självtestet misslyckades ({failures}).")
    return 1 if failures else 0
