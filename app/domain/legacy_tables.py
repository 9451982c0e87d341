"""Code tables of the legacy Vietnamese encodings TCVN3 (ABC) and VNI-Windows; data only, no I/O.

Legacy text reaches us through Excel and Word as Unicode characters U+00A0..U+00FF: the
file stored the byte, the cell's font (.VnTime, VNI-Times) drew it as a Vietnamese letter.
So each table below maps those Latin-1 characters (not bytes) to real Unicode letters.
The reverse tables exist for tests and diagnostics; the app never writes these encodings.
"""

from __future__ import annotations

import unicodedata

# Tone marks in dictionary order: huyền, hỏi, ngã, sắc, nặng.
TONES: tuple[str, ...] = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
GRAVE, HOOK, TILDE, ACUTE, DOT = TONES

# The twelve Vietnamese vowels (lower case).
VOWELS = "aăâeêioôơuưy"


def compose(vowel: str, tone: str | None) -> str:
    """The precomposed letter for ``vowel`` carrying ``tone`` (None = ngang)."""
    return unicodedata.normalize("NFC", vowel + (tone or ""))


# ------------------------------------------------------------------------------ TCVN3
#
# TCVN 5712:1993 "VN3", the encoding of the ABC fonts (.VnTime, .VnArial, …). Only
# lower-case toned letters have codes; the upper-case fonts (.VnTimeH, .VnArialH, …) draw
# capitals at the same codes, including at the ASCII letters. Checked code by code against
# the well-known samples "Céng hoµ x· héi chñ nghÜa ViÖt Nam" and "§éc lËp - Tù do - H¹nh
# phóc", and against an independent keyboard driver's TCVN3 table.

# Each vowel's toned forms, in the order of TONES (huyền, hỏi, ngã, sắc, nặng).
_TCVN3_TONED: dict[str, tuple[int, int, int, int, int]] = {
    "a": (0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}

# Letters without a tone that are not ASCII. The only upper-case letters VN3 has.
_TCVN3_PLAIN: dict[int, str] = {
    0xA1: "Ă",
    0xA2: "Â",
    0xA3: "Ê",
    0xA4: "Ô",
    0xA5: "Ơ",
    0xA6: "Ư",
    0xA7: "Đ",
    0xA8: "ă",
    0xA9: "â",
    0xAA: "ê",
    0xAB: "ô",
    0xAC: "ơ",
    0xAD: "ư",  # the soft hyphen: invisible in Unicode fonts, so "n­íc" shows as "níc"
    0xAE: "đ",
}


def _build_tcvn3() -> dict[str, str]:
    table = {chr(code): letter for code, letter in _TCVN3_PLAIN.items()}
    for vowel, codes in _TCVN3_TONED.items():
        for tone, code in zip(TONES, codes, strict=True):
            table[chr(code)] = compose(vowel, tone)
    return table


#: Legacy character → Unicode letter, for every code TCVN3 gives a Vietnamese letter.
TCVN3_TO_UNICODE: dict[str, str] = _build_tcvn3()
#: For str.translate.
TCVN3_TRANSLATE: dict[int, str] = {ord(k): v for k, v in TCVN3_TO_UNICODE.items()}
#: Unicode letter → TCVN3 character (lower-case letters and Ă Â Ê Ô Ơ Ư Đ only).
UNICODE_TO_TCVN3: dict[str, str] = {v: k for k, v in TCVN3_TO_UNICODE.items()}


# -------------------------------------------------------------------------------- VNI
#
# VNI-Windows (VNI-Times, VNI-Helve, …) writes a letter as its base letter followed by a
# mark character; a few letters are single characters. Marks come in a lower- and an
# upper-case form (the capital form sits higher, above a capital). Verified against the
# classic sample "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam" and a keyboard driver's table.

# (lower-case form, upper-case form) of each mark character.
_VNI_TONE: dict[str, str] = {ACUTE: "ùÙ", GRAVE: "øØ", HOOK: "ûÛ", TILDE: "õÕ", DOT: "ïÏ"}
# Circumflex (â ê ô) alone or combined with a tone into one mark character.
_VNI_CIRCUMFLEX: dict[str | None, str] = {None: "âÂ", ACUTE: "áÁ", GRAVE: "àÀ", HOOK: "åÅ", TILDE: "ãÃ", DOT: "äÄ"}
# Breve (ă) alone or combined with a tone.
_VNI_BREVE: dict[str | None, str] = {None: "êÊ", ACUTE: "éÉ", GRAVE: "èÈ", HOOK: "úÚ", TILDE: "üÜ", DOT: "ëË"}
# ơ and ư are single characters that then take tone marks like a base letter.
_VNI_HORN_BASE: dict[str, str] = {"ơ": "ôÔ", "ư": "öÖ"}
# i with a tone, and ỵ, are single characters (í and ì happen to be their Latin-1 selves).
_VNI_I: dict[str, str] = {ACUTE: "íÍ", GRAVE: "ìÌ", HOOK: "æÆ", TILDE: "óÓ", DOT: "òÒ"}
_VNI_Y_DOT = "îÎ"
_VNI_D_STROKE = "ñÑ"


def _vni_encode_letter(vowel: str, tone: str | None, upper: bool) -> str:
    """VNI spelling of one vowel letter with its tone; mark case follows the letter's case."""
    case = 1 if upper else 0
    if vowel == "i" and tone:
        return _VNI_I[tone][case]
    if vowel == "y" and tone == DOT:
        return _VNI_Y_DOT[case]
    if vowel in "âêô":
        base = {"â": "a", "ê": "e", "ô": "o"}[vowel]
        return (base.upper() if upper else base) + _VNI_CIRCUMFLEX[tone][case]
    if vowel == "ă":
        return ("A" if upper else "a") + _VNI_BREVE[tone][case]
    base = _VNI_HORN_BASE[vowel][case] if vowel in _VNI_HORN_BASE else (vowel.upper() if upper else vowel)
    return base + (_VNI_TONE[tone][case] if tone else "")


def _build_vni() -> tuple[dict[str, str], dict[str, str]]:
    encode: dict[str, str] = {"đ": _VNI_D_STROKE[0], "Đ": _VNI_D_STROKE[1]}
    for vowel in VOWELS:
        for tone in (None, *TONES):
            letter = compose(vowel, tone)
            encode[letter] = _vni_encode_letter(vowel, tone, upper=False)
            encode[letter.upper()] = _vni_encode_letter(vowel, tone, upper=True)
    decode: dict[str, str] = {}
    for letter, seq in encode.items():
        if len(seq) == 2:
            # Accept a mark of either case after either base: files mix them (typing a
            # capital, then the tone with Caps Lock off). The base letter decides the case.
            base, mark = seq
            for variant in {mark.lower(), mark.upper()}:
                decode[base + variant] = letter
        elif seq != letter:
            decode[seq] = letter
    # VNI keyboards type ỵ as "î", but "y" followed by the dot-below mark can only mean ỵ.
    decode["yï"] = decode["yÏ"] = "ỵ"
    decode["Yï"] = decode["YÏ"] = "Ỵ"
    return encode, decode


_VNI_ENCODE, _VNI_DECODE = _build_vni()
#: VNI sequence (one or two characters) → Unicode letter. Only sequences that differ
#: from their Unicode reading are listed (plain ASCII letters, í and ì are left out).
VNI_TO_UNICODE: dict[str, str] = _VNI_DECODE
#: Unicode letter → VNI sequence, for every Vietnamese letter in both cases.
UNICODE_TO_VNI: dict[str, str] = {k: v for k, v in _VNI_ENCODE.items() if k != v}

#: Characters VNI uses as marks after a base letter.
VNI_MARKS: frozenset[str] = frozenset(
    "".join(_VNI_TONE.values()) + "".join(_VNI_CIRCUMFLEX.values()) + "".join(_VNI_BREVE.values())
)
