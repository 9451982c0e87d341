"""Detect and convert legacy Vietnamese text (TCVN3/ABC, VNI) to Unicode NFC; pure functions, no I/O.

Importers call :func:`to_unicode` on every cell or run of text, passing the font name when
the file has one: the font is the reliable signal (DOMAIN §6.3). Without it a conservative
guess converts only text whose legacy reading is clearly Vietnamese and whose Unicode
reading is not, so well-formed Unicode (even "Cao Bá Quát", all Latin-1) is left alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Literal

from app.domain.legacy_tables import TCVN3_TO_UNICODE, TCVN3_TRANSLATE, TONES, VNI_TO_UNICODE

__all__ = ["Encoding", "detect_encoding", "tcvn3_to_unicode", "to_unicode", "vni_to_unicode"]

Encoding = Literal["unicode", "tcvn3", "vni"]


def tcvn3_to_unicode(s: str, upper: bool = False) -> str:
    """Convert TCVN3 text to Unicode; ``upper=True`` for the capitals-only fonts (.VnTimeH).

    Characters that are not TCVN3 letter codes pass through unchanged.
    """
    out = s.translate(TCVN3_TRANSLATE)
    return out.upper() if upper else out


# Two-character sequences first, so "aù" is read as "á" and not as "a" + "ù".
_VNI_PATTERN = re.compile("|".join(re.escape(k) for k in sorted(VNI_TO_UNICODE, key=len, reverse=True)))


def vni_to_unicode(s: str) -> str:
    """Convert VNI-Windows text to Unicode ("Vieät Nam" → "Việt Nam").

    Characters that are neither a VNI letter nor a mark after a fitting base letter
    pass through unchanged.
    """
    return _VNI_PATTERN.sub(lambda m: VNI_TO_UNICODE[m[0]], s)


# ------------------------------------------------------------------------- detection

# What a legacy document can hold: Latin-1, plus the Windows-1252 punctuation that sits in
# 0x80-0x9F (smart quotes, dashes, ellipsis typed with the same keyboard).
_CP1252_EXTRA = frozenset(bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore"))
# Punctuation that means the same in every reading; it separates words.
_NEUTRAL = "\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026"
_TOKEN_SPLIT = re.compile(rf"[\s\x00-\x40\x5b-\x60\x7b-\x7f{_NEUTRAL}]+")
_TCVN3_CODES = frozenset(TCVN3_TO_UNICODE)
_VNI_SINGLE = frozenset(k for k in VNI_TO_UNICODE if len(k) == 1) | {"í", "ì", "Í", "Ì"}


def _legacy_compatible(s: str) -> bool:
    return all(ord(c) < 0x100 or c in _CP1252_EXTRA for c in s)


def _font_encoding(font_name: str | None) -> Encoding | None:
    name = (font_name or "").strip().lower()
    if name.startswith("vni"):
        return "vni"
    if name.startswith(".vn"):
        return "tcvn3"
    return None


def _is_upper_font(font_name: str | None) -> bool:
    # .VnTimeH, .VnArialH, .VnBlackH …: the capitals-only twin of each ABC font.
    return (font_name or "").strip().endswith("H")


# A toneless Vietnamese syllable: onset, vowel cluster, final consonant. Loose on purpose
# (it accepts some non-words); it only has to tell Vietnamese from mojibake.
_ONSET = "ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx]"
# Vowel clusters (with the medial o/u and the final glides), longest first for the regex.
# fmt: off
_NUCLEI = (
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "oo", "ôi",
    "ơi", "ua", "uâ", "uă", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ưu", "ươ", "yê", "ya",
    "iêu", "yêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu",
)
# fmt: on
_NUCLEUS = "|".join(sorted(_NUCLEI, key=len, reverse=True))
_CODA = "ch|ng|nh|[cmnpt]"
_SYLLABLE = re.compile(rf"(?:{_ONSET})?(?:{_NUCLEUS})(?:{_CODA})?")
_TONE_SET = frozenset(TONES)


def _is_syllable(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for c in decomposed if c in _TONE_SET)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_SET))
    return _SYLLABLE.fullmatch(bare) is not None


def _score(tokens: list[str], convert: Callable[[str], str] | None = None) -> float:
    """Share of ``tokens`` that read as Vietnamese syllables (after ``convert``)."""
    return sum(1 for t in tokens if _is_syllable(convert(t) if convert else t)) / len(tokens)


def _vni_explicable(s: str) -> bool:
    rest = _VNI_PATTERN.sub("", s)
    return all(c.isascii() or c in _NEUTRAL or c in _VNI_SINGLE for c in rest)


def _tcvn3_explicable(s: str) -> bool:
    return all(c.isascii() or c in _NEUTRAL or c in _TCVN3_CODES for c in s)


def _guess(s: str) -> Encoding:
    tokens = [t for t in _TOKEN_SPLIT.split(s) if t and not t.isascii()]
    if not tokens:
        return "unicode"
    best: Encoding = "unicode"
    best_score = _score(tokens)
    # A legacy reading must make at least half the non-ASCII words real syllables and do
    # strictly better than reading the text as Unicode; ties stay Unicode.
    if _tcvn3_explicable(s):
        score = _score(tokens, tcvn3_to_unicode)
        if score >= 0.5 and score > best_score:
            best, best_score = "tcvn3", score
    if _vni_explicable(s):
        score = _score(tokens, vni_to_unicode)
        if score >= 0.5 and score > best_score:
            best, best_score = "vni", score
    return best


def detect_encoding(s: str | None, font_name: str | None = None) -> Encoding:
    """Say how ``s`` is encoded: "unicode", "tcvn3" or "vni".

    - Text with any character a legacy font cannot produce (ă, ơ, ả, combining marks,
      other scripts) is "unicode", whatever the font says.
    - Otherwise a font name decides: ".Vn…" → "tcvn3", "VNI…" → "vni".
    - Otherwise a conservative guess: plain ASCII, and Unicode Vietnamese that happens to
      use only Latin-1 letters, stay "unicode"; a legacy reading wins only if it turns
      at least half the non-ASCII words into Vietnamese syllables and beats the Unicode
      reading.
    """
    if not s:
        return "unicode"
    if not _legacy_compatible(s):
        return "unicode"
    hinted = _font_encoding(font_name)
    if hinted:
        return hinted
    if s.isascii():
        return "unicode"
    return _guess(s)


def to_unicode(s: str | None, font_name: str | None = None) -> str:
    """``s`` as Unicode NFC, converted from TCVN3 or VNI if :func:`detect_encoding` says so.

    Upper case for TCVN3 comes from the font name ending in "H"; without a font name,
    text whose ASCII letters are all capitals ("§¶NG CéNG S¶N") is taken as written in
    an H font, since that is the only way those words could have shown as capitals.
    """
    if not s:
        return ""
    encoding = detect_encoding(s, font_name)
    if encoding == "tcvn3":
        if _font_encoding(font_name) == "tcvn3":
            upper = _is_upper_font(font_name)
        else:
            letters = [c for c in s if c.isascii() and c.isalpha()]
            upper = bool(letters) and all(c.isupper() for c in letters)
        s = tcvn3_to_unicode(s, upper=upper)
    elif encoding == "vni":
        s = vni_to_unicode(s)
    return unicodedata.normalize("NFC", s)
