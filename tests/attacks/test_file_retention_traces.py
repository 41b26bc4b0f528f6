"""The insider looks for a deleted person in the decrypted pages of the file.

An ordinary officer unwraps the data key with their own password, decrypts every page
of the database into a plaintext copy (``sqlcipher_export``) and searches the bytes for
every trigram of a person's names that an administrator deleted by retention. Before
issue 15 the trigram search index (FTS5) kept fragments of the names after the delete
and ``VACUUM``; with ``secure-delete`` nothing of them is left. What detects it: nothing
needs to, there is nothing left to find.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from desktop.models import Person, Role
from desktop.services.security import SecurityServices
from desktop.services.uow import UnitOfWork
from tests.attacks.own_keys import own_keys
from tests.factories import PASSWORD, add_user, fresh_database

# Names whose every trigram holds å, ä or ö (two bytes in UTF-8): such a sequence cannot
# turn up by chance in the base64, hex or random bytes the file also holds.
DELETED = ("Öqåzäxöv", "Väqözåbä", "Åzöxäqå")
KEPT = ("Annika", "Berglund", "")


def trigrams(words: tuple[str, ...]) -> set[bytes]:
    found = set()
    for word in words:
        for form in (word, word.lower()):
            for i in range(len(form) - 2):
                found.add(form[i : i + 3].encode("utf-8"))
    return found


def test_the_names_cannot_match_by_chance():
    assert all(len(t) > 3 for t in trigrams(DELETED))


PAGE = 4096
RESERVE = 80  # SQLCipher 4: a 16-byte IV and a 64-byte HMAC-SHA512 at the end of each page


def insider_plaintext_pages(path: Path, username: str) -> bytes:
    """Every page of the file decrypted, free pages and slack included.

    The insider unwraps the data key with their own password and decrypts each page as
    SQLCipher 4 does with a raw key: AES-256-CBC over all but the reserved tail, with
    the IV stored in that tail (page 1 starts after its 16-byte salt). A logical copy
    (``sqlcipher_export``) would leave out free pages; this does not.
    """
    key = own_keys(path, username, PASSWORD).data_key
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0, "the WAL must be emptied"
    raw = path.read_bytes()
    assert len(raw) % PAGE == 0
    out = bytearray()
    for start in range(0, len(raw), PAGE):
        page = raw[start : start + PAGE]
        body_start = 16 if start == 0 else 0
        iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        out += decryptor.update(page[body_start : PAGE - RESERVE]) + decryptor.finalize()
    return bytes(out)


def test_no_trigram_of_a_deleted_person_survives(tmp_path):
    fresh = fresh_database(tmp_path)
    add_user(fresh, "officer_police", Role.OFFICER, "police")
    with UnitOfWork(fresh.admin, "Data") as uow:
        doomed = Person(first_name=DELETED[0], last_name=DELETED[1], aliases=DELETED[2])
        uow.session.add(doomed)
        uow.session.add(Person(first_name=KEPT[0], last_name=KEPT[1]))
        # Enough other names that the index has several segments and pages.
        for i in range(300):
            uow.session.add(Person(first_name=f"Förnamn{i}", last_name=f"Efternamn{i}"))
        uow.session.flush()
        doomed_id = doomed.id
    security = SecurityServices.build(fresh.admin)
    security.reauth.confirm(PASSWORD)
    security.retention.delete_reviewed_persons([doomed_id])
    fresh.admin.lock()

    pages = insider_plaintext_pages(fresh.path, "officer_police")
    # Decrypted for real: the database header of page 1 is readable.
    assert b"SQLite format 3" in pages[:100] or pages[5:7] == b"\x40\x20"
    survivors = sorted(t.decode() for t in trigrams(DELETED) if t in pages)
    assert survivors == [], f"{len(survivors)} trigrams of the deleted names: {survivors}"
    # The scan itself works: a kept person's trigrams are found.
    assert all(t in pages for t in trigrams(KEPT[:2]))
