"""Encryption primitives: password keys (scrypt), sealed boxes (AES-256-GCM), field cipher, recovery codes.

Pure functions over bytes and strings; no files, no SQL. The authenticated cipher comes from the
``cryptography`` package (AESGCM, HKDF); the password key from the standard library's ``hashlib.scrypt``.
A wrong key never yields wrong plaintext: AES-GCM's tag check fails and ``WrongKeyError`` is raised.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import unicodedata
from dataclasses import dataclass

#: scrypt cost: 2**15 x 8 x 1 needs 32 MiB and ~0.1 s per derivation on an office PC (RFC 7914 §2
#: recommends N=2**20 for files; 2**15 keeps the unlock prompt quick on old hardware). Stored with every
#: key so that it can be raised later without breaking old files.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16
#: Prefix of an encrypted field value in the database ("enc1:" + urlsafe base64 of nonce + ciphertext).
FIELD_PREFIX = "enc1:"
#: Crockford base32 without I, L, O, U: nothing to misread when typed back from paper.
_RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_GROUPS, RECOVERY_GROUP_LEN = 6, 4  # 24 symbols x 5 bits = 120 bits
#: Policy of the program password: shortest password accepted; minutes before the window locks itself.
MIN_PASSWORD = 8
IDLE_DEFAULT, IDLE_MIN, IDLE_MAX = 10, 1, 240


class WrongKeyError(Exception):
    """The password, recovery code or key does not open this box (or the box was altered)."""


@dataclass(frozen=True, slots=True)
class KdfParams:
    salt: bytes
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P

    @classmethod
    def fresh(cls) -> KdfParams:
        return cls(os.urandom(SALT_BYTES))

    def to_json(self) -> dict[str, object]:
        return {"name": "scrypt", "n": self.n, "r": self.r, "p": self.p, "salt": b64(self.salt)}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> KdfParams:
        if data.get("name") != "scrypt":
            raise ValueError("unknown key derivation")
        n, r, p = int(data["n"]), int(data["r"]), int(data["p"])  # type: ignore[call-overload]
        if not (2 <= n <= 2**20 and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16):
            raise ValueError("key derivation cost out of bounds")  # a hostile header must not eat all memory
        return cls(unb64(str(data["salt"])), n, r, p)


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text.encode("ascii"))


def normalize_secret(text: str) -> bytes:
    """A password as bytes: NFC, so "Hòa" typed on Windows and Linux gives the same key."""
    return unicodedata.normalize("NFC", text).encode("utf-8")


def derive_key(secret: str, params: KdfParams) -> bytes:
    return hashlib.scrypt(
        normalize_secret(secret),
        salt=params.salt,
        n=params.n,
        r=params.r,
        p=params.p,
        maxmem=128 * params.n * params.r * params.p + (1 << 20),
        dklen=KEY_BYTES,
    )


def seal(key: bytes, plaintext: bytes, aad: bytes = b"") -> bytes:
    """nonce || AES-256-GCM(plaintext) || tag. *aad* is authenticated but not encrypted."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad or None)


def unseal(key: bytes, box: bytes, aad: bytes = b"") -> bytes:
    """The plaintext of seal(); raises WrongKeyError for a wrong key or any altered byte."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if len(box) < NONCE_BYTES + 16:
        raise WrongKeyError("box too short")
    try:
        return AESGCM(key).decrypt(box[:NONCE_BYTES], box[NONCE_BYTES:], aad or None)
    except InvalidTag as exc:
        raise WrongKeyError("authentication failed") from exc


def subkey(master: bytes, purpose: str) -> bytes:
    """An independent key for one purpose (HKDF-SHA256), so the field key and the digest key never meet."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=purpose.encode()).derive(master)


class FieldCipher:
    """Encrypts single text fields (CCCD, phone) and gives a keyed digest for exact-match lookups."""

    def __init__(self, data_key: bytes) -> None:
        self._enc = subkey(data_key, "sochibo field encryption v1")
        self._mac = subkey(data_key, "sochibo field digest v1")

    def encrypt(self, field_name: str, value: str) -> str:
        if not value:
            return ""
        return FIELD_PREFIX + b64(seal(self._enc, value.encode("utf-8"), field_name.encode()))

    def decrypt(self, field_name: str, stored: str) -> str:
        if not stored.startswith(FIELD_PREFIX):
            return stored  # written before the password was set and not yet converted
        return unseal(self._enc, unb64(stored[len(FIELD_PREFIX) :]), field_name.encode()).decode("utf-8")

    def digest(self, field_name: str, value: str) -> str:
        """HMAC-SHA256 of the value: equal values match, and without the key nobody can test a guess."""
        if not value:
            return ""
        return hmac.new(self._mac, f"{field_name}:{value}".encode(), hashlib.sha256).hexdigest()


def is_encrypted_field(stored: str) -> bool:
    return stored.startswith(FIELD_PREFIX)


def new_data_key() -> bytes:
    return os.urandom(KEY_BYTES)


def new_recovery_code() -> str:
    symbols = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP_LEN))
    return "-".join(symbols[i : i + RECOVERY_GROUP_LEN] for i in range(0, len(symbols), RECOVERY_GROUP_LEN))


def normalize_recovery_code(text: str) -> str:
    """What was typed back from the sheet, in canonical form: case, spaces and dashes do not matter;
    O is read as 0 and I, L as 1 (the sheet never prints those letters)."""
    raw = "".join(ch for ch in text.upper() if ch.isalnum())
    raw = raw.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))
    return "-".join(raw[i : i + RECOVERY_GROUP_LEN] for i in range(0, len(raw), RECOVERY_GROUP_LEN))


def recovery_code_well_formed(text: str) -> bool:
    raw = normalize_recovery_code(text).replace("-", "")
    return len(raw) == RECOVERY_GROUPS * RECOVERY_GROUP_LEN and all(ch in _RECOVERY_ALPHABET for ch in raw)


def wrap_key(secret: str, data_key: bytes, params: KdfParams, purpose: str) -> bytes:
    """The data key sealed under a key derived from *secret* (a password or the recovery code)."""
    aad = json.dumps({"purpose": purpose, "kdf": params.to_json()}, sort_keys=True).encode()
    return seal(derive_key(secret, params), data_key, aad)


def unwrap_key(secret: str, wrapped: bytes, params: KdfParams, purpose: str) -> bytes:
    aad = json.dumps({"purpose": purpose, "kdf": params.to_json()}, sort_keys=True).encode()
    return unseal(derive_key(secret, params), wrapped, aad)
