"""The optional program password: setting it, opening the data with it or the recovery code, idle time.

CCCD and phone are encrypted with a random data key; that key is stored twice in the file, sealed under
the password and under the recovery code (app/domain/crypto.py). Without either, those two fields are
lost and everything else stays readable. Nothing here prompts: the window or the CLI asks and passes in.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from app.domain import crypto
from app.domain import security_messages as smsg
from app.domain.crypto import IDLE_DEFAULT, IDLE_MAX, IDLE_MIN, MIN_PASSWORD
from app.domain.dates import format_doc_date
from app.domain.errors import ExportError, StorageError, ValidationError
from app.services.context import ServiceContext
from data.repositories.security import SecurityRepository, SecurityRow, checkpoint, purge


@dataclass(frozen=True, slots=True)
class SecurityStatus:
    password_set: bool
    fields_encrypted: bool  # no CCCD or phone left in the clear in the file
    unlocked: bool
    idle_minutes: int
    purge_pending: bool

    def as_json(self) -> dict[str, object]:
        return {
            "password_set": self.password_set,
            "fields_encrypted": self.fields_encrypted,
            "unlocked": self.unlocked,
            "idle_minutes": self.idle_minutes,
        }


@dataclass(frozen=True, slots=True)
class PasswordPlan:
    """A checked password and the recovery code that goes with it, made before anything is written:
    the window shows the recovery sheet first, and only then applies the plan."""

    password: str = ""
    recovery_code: str = ""

    def __repr__(self) -> str:  # never the secrets themselves in a traceback or a log
        return "PasswordPlan(***)"


def check_new_password(password: str, confirm: str) -> None:
    """ValidationError (field "password" or "confirm") unless *password* is acceptable and typed twice."""
    if len(password) < MIN_PASSWORD:
        raise ValidationError({"password": "password_short"})
    if password != confirm:
        raise ValidationError({"confirm": "password_mismatch"})


class SecurityService:
    def __init__(self, ctx: ServiceContext, backups_folder: Path, database_stem: str) -> None:
        self._ctx = ctx
        self._repo = SecurityRepository(ctx.db.conn)
        self._backups = backups_folder
        self._stem = database_stem
        ctx.members.sealed = self._repo.get() is not None

    # ------------------------------------------------------------------ reading
    def status(self) -> SecurityStatus:
        row = self._repo.get()
        return SecurityStatus(
            password_set=row is not None,
            fields_encrypted=row is not None and self._repo.plaintext_left() == 0,
            unlocked=row is None or self._ctx.members.cipher is not None,
            idle_minutes=row.idle_minutes if row else IDLE_DEFAULT,
            purge_pending=bool(row and row.purge_pending),
        )

    @property
    def locked(self) -> bool:
        return self._ctx.members.locked

    # ------------------------------------------------------------------ setting the password
    def plan(self, password: str, confirm: str) -> PasswordPlan:
        """Check the new password and draw a recovery code. Writes nothing."""
        if self._repo.get() is not None:
            raise StorageError("password_already_set")
        check_new_password(password, confirm)
        return PasswordPlan(password, crypto.new_recovery_code())

    def write_recovery_sheet(self, plan: PasswordPlan, out: Path) -> Path:
        """The one-page recovery sheet as a Word file to print (written atomically; holds the secret)."""
        out = Path(out)
        if out.suffix.lower() != ".docx":
            raise ExportError("wrong_extension", path=str(out), example="to-ma-khoi-phuc.docx")
        from exporters.atomic import atomic_write_bytes  # a Word file: imported when one is written
        from exporters.recovery_sheet_docx import RecoverySheet
        from exporters.recovery_sheet_docx import render as render_sheet

        profile = self._ctx.branch.get()
        sheet = RecoverySheet(
            title=smsg.RECOVERY_SHEET_TITLE,
            branch=profile.branch_name,
            upper_body=profile.upper_body,
            made_on=format_doc_date(self._ctx.today()),
            code=plan.recovery_code,
            lines=smsg.RECOVERY_SHEET_LINES,
        )
        return atomic_write_bytes(out, render_sheet(sheet))

    def set_password(self, plan: PasswordPlan) -> None:
        """Encrypt CCCD and phone under a new data key, in one transaction; then wipe the old plaintext.

        A crash inside the transaction leaves the file as it was; a crash after it leaves the wipe to
        the next start (``purge_pending``), which ``finish_pending()`` completes.
        """
        if self._repo.get() is not None:
            raise StorageError("password_already_set")
        data_key = crypto.new_data_key()
        cipher = crypto.FieldCipher(data_key)
        row = _row(plan.password, plan.recovery_code, data_key, self._ctx.now().isoformat(timespec="seconds"))
        with self._ctx.db.transaction():
            self._repo.put(row)
            self._repo.convert_member_fields(_encrypting(cipher))
            self._ctx.log("security", 1, "set_password", "Đặt mật khẩu chương trình; CCCD và số điện thoại được mã hóa")
        self._ctx.members.cipher = cipher
        self._ctx.members.sealed = True
        self.finish_pending()

    def finish_pending(self) -> int:
        """Wipe what setting the password left in the clear: free pages, the WAL and older automatic
        backups (each resealed under the same key). Idempotent; returns how many backups were resealed."""
        row = self._repo.get()
        if row is None or not row.purge_pending or self._ctx.members.cipher is None:
            return 0
        from data import backup as store  # the backups are only touched after a password is set
        from data import backup_fields

        resealed = 0
        convert = _encrypting(self._ctx.members.cipher)
        sealed_row = replace(row, purge_pending=False)
        for info in store.list_backups(self._backups, self._stem):
            if backup_fields.has_plaintext_fields(info.path):
                backup_fields.reseal_backup(info.path, sealed_row, convert)
                resealed += 1
        purge(self._ctx.db.conn)  # before clearing the flag: a crash in between retries the wipe
        with self._ctx.db.transaction():
            self._repo.set_purge_pending(False)
        checkpoint(self._ctx.db.conn)
        return resealed

    # ------------------------------------------------------------------ opening
    def unlock(self, password: str) -> None:
        """Open the data key with the password. StorageError("wrong_password") changes nothing."""
        row = self._require()
        try:
            key = crypto.unwrap_key(password, row.password_wrap, _kdf(row.password_kdf), "password")
        except crypto.WrongKeyError as exc:
            raise StorageError("wrong_password") from exc
        self._open(key)

    def recover(self, code: str, new_password: str, confirm: str) -> None:
        """Open the data with the recovery code and set a new password (the same code keeps working)."""
        row = self._require()
        if not crypto.recovery_code_well_formed(code):
            raise ValidationError({"recovery_code": "recovery_code_format"})
        check_new_password(new_password, confirm)
        canonical = crypto.normalize_recovery_code(code)
        try:
            key = crypto.unwrap_key(canonical, row.recovery_wrap, _kdf(row.recovery_kdf), "recovery")
        except crypto.WrongKeyError as exc:
            raise StorageError("wrong_recovery_code") from exc
        self._rewrap(row, key, new_password)

    def change_password(self, old: str, new: str, confirm: str) -> None:
        row = self._require()
        check_new_password(new, confirm)
        try:
            key = crypto.unwrap_key(old, row.password_wrap, _kdf(row.password_kdf), "password")
        except crypto.WrongKeyError as exc:
            raise StorageError("wrong_password") from exc
        self._rewrap(row, key, new)

    def set_idle_minutes(self, minutes: int) -> None:
        self._require()
        if not IDLE_MIN <= minutes <= IDLE_MAX:
            raise ValidationError({"idle_minutes": "idle_range"})
        with self._ctx.db.transaction():
            self._repo.set_idle_minutes(minutes)

    # ------------------------------------------------------------------ internals
    def _require(self) -> SecurityRow:
        row = self._repo.get()
        if row is None:
            raise StorageError("no_password")
        return row

    def _open(self, key: bytes) -> None:
        self._ctx.members.cipher = crypto.FieldCipher(key)
        self._ctx.members.sealed = True
        self.finish_pending()

    def _rewrap(self, row: SecurityRow, key: bytes, new_password: str) -> None:
        params = crypto.KdfParams.fresh()
        wrapped = crypto.wrap_key(new_password, key, params, "password")
        new = replace(row, password_kdf=json.dumps(params.to_json()), password_wrap=wrapped)
        with self._ctx.db.transaction():
            self._repo.put(new)
            self._ctx.log("security", 1, "new_password", "Đặt mật khẩu mới")
        self._open(key)


def _row(password: str, code: str, data_key: bytes, at: str) -> SecurityRow:
    p_params, r_params = crypto.KdfParams.fresh(), crypto.KdfParams.fresh()
    return SecurityRow(
        created_at=at,
        password_kdf=json.dumps(p_params.to_json()),
        password_wrap=crypto.wrap_key(password, data_key, p_params, "password"),
        recovery_kdf=json.dumps(r_params.to_json()),
        recovery_wrap=crypto.wrap_key(crypto.normalize_recovery_code(code), data_key, r_params, "recovery"),
        idle_minutes=IDLE_DEFAULT,
        purge_pending=True,
    )


def _kdf(text: str) -> crypto.KdfParams:
    return crypto.KdfParams.from_json(json.loads(text))


def _encrypting(cipher: crypto.FieldCipher) -> Callable[[str, str], tuple[str, str, str]]:
    def convert(cccd: str, phone: str) -> tuple[str, str, str]:
        clear_cccd = cipher.decrypt("cccd", cccd)
        clear_phone = cipher.decrypt("phone", phone)
        return (
            cipher.encrypt("cccd", clear_cccd),
            cipher.encrypt("phone", clear_phone),
            cipher.digest("cccd", clear_cccd),
        )

    return convert
