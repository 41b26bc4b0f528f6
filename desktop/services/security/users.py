"""User administration: accounts, roles, passwords, resets with the recovery code.

The database holds the account row; the keyslot file holds the user's wrapped keys.
Both change together: the slot is written first and removed again if the row fails.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from desktop.models import Agency, Role, User
from desktop.services.changes import Changes
from desktop.services.errors import DomainError, NotFound, PermissionDenied, ValidationError
from desktop.services.permissions import Action
from desktop.services.protected_addresses import needs_key, revoke_key
from desktop.services.security import revocation
from desktop.services.security.clock import Clock, system_clock
from desktop.services.security.integrity import sign_account
from desktop.services.security.passwords import check_password
from desktop.services.security.reauth import Reauthentication
from desktop.services.uow import UnitOfWork
from desktop.services.validation import check_account_names
from desktop.store import crypto
from desktop.store.errors import WrongPassword
from desktop.store.interface import FileStore, Store
from desktop.store.keyslots import PROTECTED_ADDRESSES, RECOVERY, UnlockedKeys

USERNAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789._-")


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    display_name: str
    role: Role
    agency_code: str
    agency_name: str
    active: bool
    last_login_at: dt.datetime | None
    password_changed_at: dt.datetime | None


class UserAdminService:
    """Accounts and passwords. Administrator actions need Action.USER_ADMIN."""

    def __init__(self, store: Store, reauth: Reauthentication, clock: Clock = system_clock):
        self._store = store
        self._reauth = reauth
        self._clock = clock

    def list_users(self) -> list[UserRow]:
        self._reauth.authorize(Action.USER_ADMIN)
        with self._store.read_session() as session:
            found = session.execute(
                select(User, Agency)
                .join(Agency, Agency.id == User.agency_id)
                .order_by(User.username)
            )
            return [
                UserRow(
                    u.id,
                    u.username,
                    u.display_name,
                    u.role,
                    a.code,
                    a.name,
                    u.active,
                    u.last_login_at,
                    u.password_changed_at,
                )
                for u, a in found
            ]

    def context_words(self, username: str = "", display_name: str = "") -> list[str]:
        """Words a password may not be: the user's names and every agency's name."""
        with self._store.read_session() as session:
            agencies = session.execute(select(Agency.code, Agency.name)).all()
        return [username, display_name, *(w for pair in agencies for w in pair)]

    def create_user(
        self,
        username: str,
        display_name: str,
        role: Role,
        agency_code: str,
        password: str,
        recovery_code: str | None = None,
        temporary: bool = False,
    ) -> Changes:
        """A new account with its keyslot.

        The slot needs the agency's compartment key: the administrator's own if the
        agencies match, otherwise the recovery code must be given. ``temporary``: the
        password was made for the user (``rondplan users add``), who must choose their
        own at the first login, as after a reset.
        """
        self._reauth.authorize(Action.USER_ADMIN)
        # Issue 15: both names within their columns' lengths (validation.py).
        username, display_name = check_account_names(username, display_name)
        check_password(password, self.context_words(username, display_name))
        with self._store.read_session() as session:
            agency = session.scalars(select(Agency).where(Agency.code == agency_code)).first()
            taken = session.scalar(select(User.id).where(User.username == username))
        if agency is None:
            raise ValidationError("agency.unknown", field="agency")
        if taken is not None or username in self._store.keyslots.slots or username == RECOVERY:
            raise ValidationError("user.name_taken", field="username")
        slots = self._store.keyslots
        self._install_slot(
            username,
            password,
            agency_code,
            recovery_code,
            temporary=temporary,
            protected=needs_key(role),
        )
        made_admin = False
        try:
            if role is Role.ADMINISTRATOR:
                # On a server: the new role joins the admin group (a checked function).
                self._store.set_administrator(username, True)
                made_admin = True
                if self._store.trust_key is not None and username in slots.slots:
                    slots.grant_trust(username, self._store.trust_key)  # issue 15
            with UnitOfWork(self._store, "Skapa användare") as uow:
                user = User(
                    username=username,
                    display_name=display_name,
                    role=role,
                    agency_id=agency.id,
                    password_changed_at=self._clock(),
                )
                uow.session.add(user)
                uow.session.flush()
                # Issue 15: the account as created, signed with the trust root.
                sign_account(uow.session, self._store, user, _slot_key(slots, username))
                uow.audit("user.create", "user", [user.id], detail=f"role={role.value}")
                uow.touched("user", user.id)
        except BaseException:
            # Nothing of the failed account may stay: not the admin group's rights on a
            # server (taken first), not the slot, not the role's login.
            if made_admin:
                self._store.set_administrator(username, False)
            slots.remove(username)
            slots.save()
            raise
        return uow.changes

    @property
    def deactivation_rotates_keys(self) -> bool:
        """Whether switching an account off also rotates the keys it held.

        On a file, yes (``revocation``): the file and its ``.keys`` stay on the disk. On
        a server the account's login is switched off and its role loses every right at
        once, an open session's included, but no key is rotated (docs/security.md)."""
        return isinstance(self._store, FileStore)

    def keys_needing_recovery_code(self, user_id: int) -> bool:
        """Whether switching ``user_id`` off rotates a compartment key this administrator
        does not hold (another agency's): that rotation needs the recovery code."""
        self._reauth.authorize(Action.USER_ADMIN)
        with self._store.read_session() as session:
            user = session.get(User, user_id)
            username = user.username if user is not None else ""
        self._store.keyslots.reload()
        slot = self._store.keyslots.slots.get(username)
        held = set(slot.compartments) | set(slot.pending_compartments) if slot else set()
        return self._store.shares_keyslots and any(
            self._store.compartment(code) is None for code in held
        )

    def deactivate(self, user_id: int, recovery_code: str | None = None) -> Changes:
        """Switch the account off, remove its keyslot and rotate every key it held.

        The data key is rotated (the file rekeyed) and so is each compartment key the
        account held, its text re-encrypted (see ``revocation``): an old copy of the
        ``.keys`` file opens nothing live. A compartment this administrator does not
        hold needs ``recovery_code``; without it that one is left (audited).
        """
        self._reauth.authorize(Action.USER_ADMIN)
        if user_id == self._store.identity.user_id:
            raise ValidationError("user.disable_self")
        with UnitOfWork(self._store, "Stäng av användare") as uow:
            user = uow.session.get(User, user_id)
            if user is None:
                raise NotFound()
            user.active = False
            sign_account(uow.session, self._store, user, None)
            uow.audit("user.deactivate", "user", [user_id])
            uow.touched("user", user_id)
            username = user.username
        self._store.keyslots.reload()
        slot = self._store.keyslots.slots.get(username)
        held = set(slot.compartments) | set(slot.pending_compartments) if slot else set()
        self._store.keyslots.remove(username)
        self._store.keyslots.save()  # a server's row and login (a file is written already)
        if isinstance(self._store, FileStore):  # a shared keyslot file to re-key
            revocation.revoke(self._store, held, "deactivate", recovery_code)
        return uow.changes

    def change_role(self, user_id: int, role: Role) -> Changes:
        """A new role (sensitive: the password must have been given in the last 5 min)."""
        self._reauth.authorize(Action.ROLE_CHANGE)
        if user_id == self._store.identity.user_id and role is not Role.ADMINISTRATOR:
            raise ValidationError("user.remove_own_admin")
        storage_changed: tuple[str, bool] | None = None
        try:
            with UnitOfWork(self._store, "Byt roll") as uow:
                user = uow.session.get(User, user_id)
                if user is None:
                    raise NotFound()
                old = user.role
                user.role = role
                sign_account(uow.session, self._store, user, None)
                uow.audit("user.role_change", "user", [user_id], detail=f"{old.value}>{role.value}")
                uow.touched("user", user_id)
                admin = role is Role.ADMINISTRATOR
                if (old is Role.ADMINISTRATOR) != admin:
                    # On a server the database role gains or loses its rights first; if
                    # the row then fails to commit, they are set back below.
                    self._store.set_administrator(user.username, admin)
                    storage_changed = (user.username, admin)
                changed_username = user.username
        except BaseException:
            if storage_changed is not None:
                self._store.set_administrator(storage_changed[0], not storage_changed[1])
            raise
        # The protected-address key goes with the role (issue 15): taken now, or given
        # now if this administrator holds it, else at the next login of a holder.
        if needs_key(role):
            self._store.share_compartment(PROTECTED_ADDRESSES, {changed_username})
        else:
            revoke_key(self._store, changed_username)
        # The trust root's key goes with the administrator role (issue 15).
        if self._store.shares_keyslots and changed_username in self._store.keyslots.slots:
            trust_key = self._store.trust_key
            if role is Role.ADMINISTRATOR and trust_key is not None:
                self._store.keyslots.grant_trust(changed_username, trust_key)
            elif role is not Role.ADMINISTRATOR:
                self._store.keyslots.revoke_trust(changed_username)
        return uow.changes

    def password_change_required(self) -> bool:
        """True when the password in use was set by an administrator (a reset).

        The application then asks for a new one before anything else; on a server this
        is how migrated accounts and reset users get a password only they know.
        """
        return self._store.password_change_required

    def change_own_password(self, old: str, new: str, rotate_keys: bool = False) -> Changes:
        """Rewrap the user's own keyslot under a new password (the old one is required).

        ``rotate_keys``: also rotate the data key and the user's compartment keys (as a
        deactivation does), so a copy of ``.keys`` taken with the old password opens
        nothing live. The agency's new public key is published only by a user who may
        sign it (an administrator); after anyone else's rotation disclosures are still
        sealed to the previous public key until an administrator rotates it.
        """
        identity = self._store.identity
        check_password(new, self.context_words(identity.username, identity.display_name))
        if old == new:
            raise ValidationError("password.same_as_old", field="new")
        changes: list[Changes] = []

        def audit() -> None:
            # Written once the old password is proven, before the slot changes.
            with UnitOfWork(self._store, "Byt lösenord") as uow:
                user = uow.session.get(User, identity.user_id)
                if user is not None:
                    user.password_changed_at = self._clock()
                uow.audit("password.change", "user", [identity.user_id])
                uow.touched("user", identity.user_id)
            changes.append(uow.changes)

        self._store.change_password(identity.username, old, new, before=audit)
        if rotate_keys and isinstance(self._store, FileStore):
            held = set(self._store.held_compartments())
            revocation.revoke(self._store, held, "password")
        return changes[0]

    def reset_password(self, user_id: int, new_password: str, recovery_code: str) -> Changes:
        """An administrator's reset: a new slot from the recovery code's keys.

        The password is temporary: the user must choose their own at the next login.
        Also re-enables a deactivated account (on a server: the role may log in again).
        """
        self._reauth.authorize(Action.USER_ADMIN)
        with self._store.read_session() as session:
            found = session.execute(
                select(User, Agency.code)
                .join(Agency, Agency.id == User.agency_id)
                .where(User.id == user_id)
            ).first()
        if found is None:
            raise NotFound()
        user, agency_code = found
        check_password(new_password, self.context_words(user.username, user.display_name))
        self._install_slot(
            user.username,
            new_password,
            agency_code,
            recovery_code,
            force_recovery=True,
            temporary=True,
            protected=needs_key(user.role),
        )
        with UnitOfWork(self._store, "Återställ lösenord") as uow:
            row = uow.session.get(User, user_id)
            assert row is not None
            row.active = True
            row.password_changed_at = self._clock()
            # The new slot has a new signing key: the account is signed with it.
            new_key = _slot_key(self._store.keyslots, row.username)
            sign_account(uow.session, self._store, row, new_key)
            uow.audit("password.reset", "user", [user_id])
            uow.touched("user", user_id)
        return uow.changes

    def rotate_key(self) -> Changes:
        """Key rotation: rekey the database file; every user's slot gets the new key.

        Sensitive (password within 5 minutes). Compartment keys are not rotated.
        """
        self._reauth.authorize(Action.KEY_ROTATE)
        # Audited first: a crash during the rekey leaves no rotation without its entry.
        if not isinstance(self._store, FileStore):
            raise DomainError("key.rotation_on_server")  # no file key: nothing to rotate
        revocation.rotate_data_key(self._store, "manual")
        return Changes("Byt databasnyckel")

    def _install_slot(
        self,
        username: str,
        password: str,
        agency_code: str,
        recovery_code: str | None,
        force_recovery: bool = False,
        temporary: bool = False,
        protected: bool = False,
    ) -> None:
        """Write the user's slot: data key plus the agency's compartment key.

        ``temporary``: the user must choose their own password at the next login.
        ``protected``: the role needs the protected-address key (issue 15): from the
        recovery code if given, else this user's own if held, else sealed to the new
        slot at the next login of a holder (desktop.services.protected_addresses).
        """
        slots = self._store.keyslots
        if not recovery_code:
            if force_recovery or self._store.compartment(agency_code) is None:
                raise ValidationError("recovery.needed", field="recovery")
            if (
                protected
                and self._store.shares_keyslots
                and self._store.compartment(PROTECTED_ADDRESSES) is None
                and slots.holding(PROTECTED_ADDRESSES)
                and not slots.holders_of(PROTECTED_ADDRESSES)
            ):
                # Only the recovery slot holds the protected-address key: no holder's
                # login would ever hand it on, and the addresses this account writes
                # would stay readable to every account (issue 15 review).
                raise ValidationError("recovery.needed_protected", field="recovery")
            self._store.add_user_slot(username, password, agency_code)
            if protected:
                self._store.share_compartment(PROTECTED_ADDRESSES, {username})
            return
        try:
            everything = slots.unlock(RECOVERY, crypto.normalise_recovery_code(recovery_code))
        except WrongPassword:
            raise ValidationError("recovery.wrong", field="recovery") from None
        if agency_code not in everything.compartments:
            raise PermissionDenied("recovery.no_agency_key")
        compartments = {agency_code: everything.compartments[agency_code]}
        if protected and PROTECTED_ADDRESSES in everything.compartments:
            compartments[PROTECTED_ADDRESSES] = everything.compartments[PROTECTED_ADDRESSES]
        keys = UnlockedKeys(everything.data_key, compartments)
        slots.put(username, password, keys, temporary=temporary, trust_root=self._store.trust_root)
        slots.save()


def _slot_key(slots: object, username: str) -> bytes | None:
    """The signing public key of ``username``'s slot (just written by this service)."""
    slot = getattr(slots, "slots", {}).get(username)
    return slot.sign_public if slot is not None else None
