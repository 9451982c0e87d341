"""The encrypted backup file: a readable header (what the file is, which program and version wrote it)
followed by the database sealed with AES-256-GCM under a scrypt key from the backup's password.

Layout: ``MAGIC`` line, one line of JSON (the header, UTF-8), then the sealed bytes. The header is
authenticated with the ciphertext, so a changed header is refused like a wrong password. No I/O here.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from app.domain.crypto import KdfParams, WrongKeyError, derive_key, seal, unseal

MAGIC = b"SOCHIBO-ENCRYPTED-BACKUP/1\n"
SUFFIX = ".mahoa"  # appended to the backup's name: "sochibo-20261201-090000-usb.sqlite3.mahoa"
PURPOSE = (
    "Bản sao lưu dữ liệu Sổ Chi bộ, đã mã hóa bằng mật khẩu (AES-256-GCM, khóa scrypt). "
    "Mở bằng Sổ Chi bộ: Sao lưu → Khôi phục, rồi nhập mật khẩu đã đặt khi sao lưu."
)
MAX_HEADER = 16 * 1024


class NotEncryptedBackupError(ValueError):
    """The bytes do not start like an encrypted Sổ Chi bộ backup (or the header is unreadable)."""


@dataclass(frozen=True, slots=True)
class BackupHeader:
    """What can be read without the password."""

    app_version: str
    created: str  # ISO date-time, local time of the PC that wrote it
    schema_version: int
    branch: str
    members: int
    meetings: int
    kdf: KdfParams
    plain_size: int
    plain_sha256: str  # of the database inside: the read-back check compares it without a second scrypt

    def to_bytes(self) -> bytes:
        data = {
            "purpose": PURPOSE,
            "app": "Sổ Chi bộ",
            "app_version": self.app_version,
            "created": self.created,
            "schema_version": self.schema_version,
            "branch": self.branch,
            "members": self.members,
            "meetings": self.meetings,
            "cipher": "AES-256-GCM",
            "kdf": self.kdf.to_json(),
            "plain_size": self.plain_size,
            "plain_sha256": self.plain_sha256,
        }
        return json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n"


def is_encrypted_backup(head: bytes) -> bool:
    return head.startswith(MAGIC)


def read_header(blob: bytes) -> tuple[BackupHeader, int]:
    """The header and the offset where the sealed bytes start. Raises NotEncryptedBackupError."""
    if not blob.startswith(MAGIC):
        raise NotEncryptedBackupError("no magic")
    end = blob.find(b"\n", len(MAGIC), len(MAGIC) + MAX_HEADER)
    if end < 0:
        raise NotEncryptedBackupError("no header")
    try:
        data = json.loads(blob[len(MAGIC) : end].decode("utf-8"))
        header = BackupHeader(
            app_version=str(data["app_version"]),
            created=str(data["created"]),
            schema_version=int(data["schema_version"]),
            branch=str(data.get("branch", "")),
            members=int(data.get("members", 0)),
            meetings=int(data.get("meetings", 0)),
            kdf=KdfParams.from_json(data["kdf"]),
            plain_size=int(data["plain_size"]),
            plain_sha256=str(data["plain_sha256"]),
        )
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise NotEncryptedBackupError("bad header") from exc
    return header, end + 1


def encrypt_backup(plain: bytes, password: str, header: BackupHeader) -> bytes:
    """The whole file: magic, header (with this call's salt and the plaintext's digest), sealed database."""
    header_bytes = header.to_bytes()
    key = derive_key(password, header.kdf)
    return MAGIC + header_bytes + seal(key, plain, MAGIC + header_bytes)


def decrypt_backup(blob: bytes, password: str) -> tuple[BackupHeader, bytes]:
    """The header and the database inside; WrongKeyError for a wrong password or an altered file."""
    header, start = read_header(blob)
    key = derive_key(password, header.kdf)
    plain = unseal(key, blob[start:], blob[:start])
    if hashlib.sha256(plain).hexdigest() != header.plain_sha256:  # cannot happen once the tag checked
        raise WrongKeyError("digest mismatch")
    return header, plain
