"""Vietnamese text rules (normalising, folding, names, collation keys); pure functions, no I/O, stdlib only."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = [
    "clean",
    "contains_folded",
    "fold",
    "join_name",
    "name_sort_key",
    "nfc",
    "sort_key",
    "split_name",
]

# Invisible characters that arrive with pasted web text or a UTF-8 BOM. They are not
# whitespace to str.split(), yet they silently break duplicate detection of names.
_INVISIBLE = {0x200B: None, 0x2060: None, 0xFEFF: None}


def nfc(s: str | None) -> str:
    """Return ``s`` in Unicode NFC; keeps line breaks and spacing (for multi-line fields)."""
    if not s:
        return ""
    return unicodedata.normalize("NFC", s)


def clean(s: str | None) -> str:
    """NFC, drop zero-width characters, strip, and collapse every whitespace run to one space.

    Whitespace is whatever ``str.isspace`` accepts: spaces, tabs, newlines, non-breaking and
    other Unicode spaces. ``None`` gives ``""``.
    """
    if not s:
        return ""
    return " ".join(unicodedata.normalize("NFC", s).translate(_INVISIBLE).split())


# --------------------------------------------------------------------------- folding


def _build_fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    # Latin-1 Supplement .. Latin Extended Additional: every letter whose canonical base is
    # ASCII folds to that base. Vietnamese lives entirely in this range.
    for cp in range(0x00C0, 0x1F00):
        ch = chr(cp)
        base = unicodedata.normalize("NFD", ch)[0]
        if base != ch and base.isascii():
            table[cp] = base.lower()
    # Combining marks left over after NFC (on a letter that has no precomposed form) are
    # dropped: the only characters fold() removes, hence the length contract's exception.
    for cp in range(0x0300, 0x0370):
        table[cp] = None
    # đ/Đ have no decomposition, so no diacritic stripper (SQLite's included) maps them.
    # Ð/ð (Icelandic eth) look identical to Đ and turn up from sloppy legacy conversions.
    for ch in "đĐðÐ":
        table[ord(ch)] = "d"
    # str.lower() turns Σ into ς at the end of a word; mapping it here first keeps fold()
    # strictly character-by-character (the snippet code indexes fold(s) with positions of s).
    table[ord("Σ")] = "σ"
    return table


_FOLD_TABLE = _build_fold_table()


def fold(s: str | None) -> str:
    """Key for search and duplicate detection: NFC, no diacritics, đ→d, lower case.

    "hoà" and "hòa", "uỷ" and "ủy", "ĐẢNG" / "Đảng" / "dang" (NFC or NFD) all fold alike.
    Never show or store the result in place of what the user typed.

    Contract: if ``s`` is NFC and contains no stray combining mark (U+0300–U+036F that
    NFC could not attach to a precomposed letter), then ``len(fold(s)) == len(s)`` and
    ``fold(s)[i] == fold(s[i])`` for every ``i``, so a match found at position ``i`` in
    the folded text is at position ``i`` in the original.
    """
    if not s:
        return ""
    if s.isascii():
        return s.lower()
    # The table takes every non-ASCII letter we care about straight to lower-case ASCII;
    # .lower() then only handles the rest, one character for one (U+0130 is in the table).
    return unicodedata.normalize("NFC", s).translate(_FOLD_TABLE).lower()


def contains_folded(haystack: str | None, needle: str | None) -> bool:
    """True if ``needle`` occurs in ``haystack`` ignoring case, diacritics and đ/d."""
    return fold(needle) in fold(haystack)


# --------------------------------------------------------------------------- names


def split_name(full: str | None) -> tuple[str, str, str]:
    """Split a full name into (họ, đệm, tên) after :func:`clean`.

    One word → ("", "", w); two → (w0, "", w1); more → (first, middle words, last).
    Compound surnames ("Tôn Nữ", "Nguyễn Phúc") cannot be told apart from middle names
    here; the user corrects the split by hand.
    """
    words = clean(full).split(" ")
    if words == [""]:
        return ("", "", "")
    if len(words) == 1:
        return ("", "", words[0])
    if len(words) == 2:
        return (words[0], "", words[1])
    return (words[0], " ".join(words[1:-1]), words[-1])


def join_name(ho: str | None, dem: str | None, ten: str | None) -> str:
    """Full name from its parts, each cleaned, empty parts skipped."""
    return " ".join(part for part in (clean(ho), clean(dem), clean(ten)) if part)


# --------------------------------------------------------------------------- collation
#
# A key is three levels joined by _LEVEL_SEP: primary (letters), secondary (tones and other
# diacritics), tertiary (case). Compared as plain code points (Python str order, SQLite
# BINARY, which compares UTF-8 bytes and so agrees with code-point order) the key orders
# like ICU's Vietnamese collation: letters decide first, tones only break ties, case last.
#
# Every weight is chosen above the separators, and multi-character weights start with a
# lead character that fixes their length, so comparing the concatenated strings equals
# comparing the weight sequences. No weight is a surrogate, so keys always encode to UTF-8.

_LEVEL_SEP = "\x00"
_FIELD_SEP = "\x01"

# Primary weights: whitespace < punctuation and symbols < digits < letters < other scripts,
# the same broad order as ICU's root collation with "non-ignorable" punctuation.
_P_SPACE = "\x02"
_P_SYMBOL_LEAD = "\x03"
_P_DIGIT_BASE = 0x10
_P_LETTER_BASE = 0x30
_P_OTHER_LEAD = "\x7f"

# f, j, w, z are not Vietnamese letters but occur in foreign names; ICU keeps them in
# their Latin places, so they go between their neighbours here too.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_WEIGHT = {letter: chr(_P_LETTER_BASE + i) for i, letter in enumerate(_ALPHABET)}

# Secondary weights. A character without a mark contributes _S_COMMON alone; each mark adds
# one weight after it, as ICU does with decomposed accents. Tone order is the dictionary
# order ngang < huyền < hỏi < ngã < sắc < nặng (ngang is "no extra weight").
_S_COMMON = "\x02"
_TONE_WEIGHT = {"\u0300": "\x03", "\u0309": "\x04", "\u0303": "\x05", "\u0301": "\x06", "\u0323": "\x07"}
_S_OTHER_MARK_LEAD = "\x08"

# Tertiary weights: lower case (and uncased) before upper case, as ICU.
_T_LOWER = "\x02"
_T_UPPER = "\x03"

# Marks that make a different Vietnamese letter (primary difference), not a tone.
_QUALITY_MARKS = {
    ("a", "\u0306"): "ă",
    ("a", "\u0302"): "â",
    ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ",
    ("u", "\u031b"): "ư",
}


def _cp_weight(cp: int) -> str:
    # Two characters in U+0100..U+053F that order like the code point; fixed length.
    return chr(0x100 + (cp >> 10)) + chr(0x100 + (cp & 0x3FF))


def _mark_weight(mark: str) -> str:
    return _TONE_WEIGHT.get(mark) or _S_OTHER_MARK_LEAD + _cp_weight(ord(mark))


@lru_cache(maxsize=8192)
def _char_weights(ch: str) -> tuple[str, str, str]:
    """(primary, secondary, tertiary) weights of one NFC character."""
    if ch.isspace():
        return _P_SPACE, _S_COMMON, _T_LOWER
    if "0" <= ch <= "9":
        return chr(_P_DIGIT_BASE + ord(ch) - ord("0")), _S_COMMON, _T_LOWER
    decomposed = unicodedata.normalize("NFD", ch)
    if unicodedata.combining(decomposed[0]):
        # A mark NFC could not attach: no letter of its own, only a secondary difference.
        return "", "".join(_mark_weight(m) for m in decomposed), ""
    base, marks = decomposed[0], list(decomposed[1:])
    letter = base.lower()
    for mark in marks:
        quality = _QUALITY_MARKS.get((letter, mark))
        if quality:
            letter = quality
            marks.remove(mark)
            break
    tertiary = _T_UPPER if base.isupper() else _T_LOWER
    if letter in _LETTER_WEIGHT:
        return _LETTER_WEIGHT[letter], _S_COMMON + "".join(_mark_weight(m) for m in marks), tertiary
    category = unicodedata.category(ch)
    lead = _P_OTHER_LEAD if category[0] in "LN" else _P_SYMBOL_LEAD
    return lead + _cp_weight(ord(ch)), _S_COMMON, _T_UPPER if ch.isupper() else _T_LOWER


def _levels(text: str | None) -> tuple[str, str, str]:
    primary: list[str] = []
    secondary: list[str] = []
    tertiary: list[str] = []
    for ch in clean(text):
        p, s, t = _char_weights(ch)
        primary.append(p)
        secondary.append(s)
        tertiary.append(t)
    return "".join(primary), "".join(secondary), "".join(tertiary)


def sort_key(text: str | None) -> str:
    """A string whose code-point order (SQLite BINARY) is Vietnamese dictionary order.

    Text is :func:`clean`-ed first (NFD input and stray spacing give the same key).
    Order: letters a ă â b c d đ e ê (f) g h i (j) k l m n o ô ơ p q r s t u ư v (w) x y (z),
    digits before letters, spaces and punctuation before digits, other scripts after
    Latin by code point. Only when all letters are equal do tones decide, left to right,
    ngang < huyền < hỏi < ngã < sắc < nặng; only then case, lower before upper.
    Digits compare one by one, not as numbers ("10" < "2"), as in ICU's default.
    Texts equal after clean() get equal keys; texts made of Vietnamese letters, digits,
    spaces and punctuation that differ after clean() get different keys.
    """
    return _LEVEL_SEP.join(_levels(text))


def name_sort_key(ho: str | None, dem: str | None, ten: str | None) -> str:
    """Key for lists sorted by tên, then họ, then đệm (DOMAIN §6.1), as a secretary sorts a roster.

    Each field is compared completely (letters, then tones, then case) before the next one:
    all "Anh" come before all "Ảnh", then "Ánh"; among the "Anh", họ decides, then đệm. This is
    ICU's order on (tên, họ, đệm) and what sorting the Tên column, then Họ, in Excel gives.
    Fields never run into each other: ("Le", "", "Anh") sorts after ("Hle", "", "An").
    Callers break remaining ties with date of birth, then id.
    """
    # _FIELD_SEP sorts below every weight, so a field that is a prefix of another sorts first.
    return _FIELD_SEP.join(_LEVEL_SEP.join(_levels(field)) for field in (ten, ho, dem))


def percent(value: float, digits: int = 1) -> str:
    """Vietnamese percentage with a decimal comma: 95.5 -> "95,5%", 100 -> "100%"."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"
    return text.replace(".", ",") + "%"


def file_size(size: int) -> str:
    """Bytes for people: "1,2 MB", "640 KB" (decimal comma, as Vietnamese writes it)."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1000))} KB"
